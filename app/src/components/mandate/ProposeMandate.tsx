/**
 * Proposing a mandate (keepers and ADMINs): the product, its markets, the size and least profit
 * of one trade, the budget per period and the lifetime. Every field is checked before sending
 * (`readMandateForm`), each problem in its own sentence.
 */
import { decodeName, eventsNamed, isEnabled, Listed, marketsOf, ProductAccount } from "@poolbot/sdk";
import { useEffect, useState } from "react";
import { Field } from "../admin/Field";
import { FormError } from "../ui";
import { big, describeSeconds } from "../../lib/format";
import { defaultMandateForm, MandateForm, readMandateForm } from "../../lib/mandates";
import { PoolInfo } from "../../state/data";
import { useSubmit } from "../../state/submit";

export function ProposeMandate({ pool, products }: { pool: PoolInfo; products: Listed<ProductAccount>[] }) {
  const enabled = products.filter((p) => isEnabled(p.account));
  const [productKey, setProductKey] = useState(enabled[0]?.publicKey.toBase58() ?? "");
  const product = enabled.find((p) => p.publicKey.toBase58() === productKey) ?? enabled[0];
  const [form, setForm] = useState<MandateForm>(() =>
    defaultMandateForm(product ? marketsOf(product.account) : []),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const { submit, busy, error, done } = useSubmit();
  // A problem found in the form is about what was typed: editing clears it.
  useEffect(() => setProblems([]), [form, productKey]);
  const edit = (k: keyof MandateForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [k]: e.target.value });
  const lock = pool.account.timeLock.toNumber();

  const send = async () => {
    if (!product) return;
    const read = readMandateForm(form, {
      decimals: pool.decimals,
      symbol: pool.symbol,
      product: {
        markets: marketsOf(product.account),
        maxTradeAmount: big(product.account.maxTradeAmount),
        minProfit: big(product.account.minProfit),
      },
    });
    if ("errors" in read) return setProblems(read.errors);
    await submit(
      "Propose a mandate",
      "proposeMandate",
      (c) => c.proposeMandate(pool.addresses, product.publicKey, read.value),
      (result) => {
        const [event] = eventsNamed(result.events, "mandateProposed");
        return `Proposed mandate #${event ? event.id.toString() : ""}: validators vote on it within ${describeSeconds(pool.account.proposalTtl.toNumber())}.`;
      },
    );
  };

  return (
    <details className="register" data-testid="propose-mandate">
      <summary data-testid="propose-mandate-open">Propose a mandate</summary>
      {!product ? (
        <p className="muted small">No product is enabled: an ADMIN enables one on the Admin page first.</p>
      ) : (
        <form
          className="form grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Field label="Product" hint="Every route must also obey its leg rules">
            <select
              value={product.publicKey.toBase58()}
              onChange={(e) => {
                setProductKey(e.target.value);
                const chosen = enabled.find((p) => p.publicKey.toBase58() === e.target.value);
                if (chosen)
                  setForm({ ...form, markets: defaultMandateForm(marketsOf(chosen.account)).markets });
              }}
            >
              {enabled.map((p) => (
                <option key={p.publicKey.toBase58()} value={p.publicKey.toBase58()}>
                  {decodeName(p.account.name)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`Max per trade (${pool.symbol})`}>
            <input
              inputMode="decimal"
              value={form.maxAmountIn}
              onChange={edit("maxAmountIn")}
              data-testid="mandate-max-amount"
            />
          </Field>
          <Field label={`Least profit a trade (${pool.symbol})`}>
            <input
              inputMode="decimal"
              value={form.minProfit}
              onChange={edit("minProfit")}
              data-testid="mandate-min-profit"
            />
          </Field>
          <Field label="Least profit (% of the trade)" hint="The larger of the two bounds applies">
            <input
              inputMode="decimal"
              value={form.minProfitPercent}
              onChange={edit("minProfitPercent")}
              data-testid="mandate-min-profit-percent"
            />
          </Field>
          <Field label="Budget period (hours)">
            <input
              inputMode="decimal"
              value={form.periodHours}
              onChange={edit("periodHours")}
              data-testid="mandate-period"
            />
          </Field>
          <Field label="Trades per period">
            <input
              inputMode="numeric"
              value={form.maxTrades}
              onChange={edit("maxTrades")}
              data-testid="mandate-max-trades"
            />
          </Field>
          <Field label={`Volume per period (${pool.symbol})`}>
            <input
              inputMode="decimal"
              value={form.maxNotional}
              onChange={edit("maxNotional")}
              data-testid="mandate-max-notional"
            />
          </Field>
          <Field
            label="Lifetime (days)"
            hint={
              lock > 0
                ? `Counted from its first use, ${describeSeconds(lock)} after approval`
                : "Counted from its approval"
            }
          >
            <input
              inputMode="decimal"
              value={form.durationDays}
              onChange={edit("durationDays")}
              data-testid="mandate-duration"
            />
          </Field>
          <Field label="Markets" hint="DEX pool addresses its trades may use, one per line (1 to 8)" wide>
            <textarea
              className="markets-input"
              rows={3}
              value={form.markets}
              onChange={edit("markets")}
              data-testid="mandate-markets"
            />
          </Field>
          <FormError testId="mandate-form-error">
            {problems.length > 0 ? (
              <ul className="problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              error
            )}
          </FormError>
          {done && (
            <div className="form-ok" data-testid="mandate-form-done">
              {done}
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="btn primary" disabled={busy} data-testid="mandate-submit">
              Propose mandate
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
