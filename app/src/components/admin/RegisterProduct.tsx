/**
 * Registering a product: its name, category, limits, leg rules (one row each, with the local
 * AMM swap as a preset) and markets. Every field is checked before sending (`readProductForm`),
 * each problem in its own sentence.
 */
import { MAX_LEG_RULES, PRODUCT_CATEGORIES, ProductCategoryName } from "@poolbot/sdk";
import { useEffect, useState } from "react";
import { FormError } from "../ui";
import { MAX_NAME_BYTES, utf8Length } from "../../lib/forms";
import {
  emptyRuleDraft,
  localAmmSwapDraft,
  ProductForm,
  readProductForm,
  RuleDraft,
} from "../../lib/products";
import { PoolInfo } from "../../state/data";
import { Field } from "./Field";
import { useAdminAction } from "./useAdminAction";

/** The leg rules of the registration form, one row each, with the local AMM swap as a preset. */
function RuleRows({ rules, onChange }: { rules: RuleDraft[]; onChange: (rules: RuleDraft[]) => void }) {
  const edit = (i: number, field: keyof RuleDraft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, [field]: e.target.value } : r)));
  const preset = localAmmSwapDraft();
  const hasPreset = rules.some((r) => JSON.stringify(r) === JSON.stringify(preset));
  return (
    <div className="field wide">
      <span className="field-label">Leg rules</span>
      <small className="muted">
        Every leg of a route must match one: its program and instruction (the leading bytes of its data), the
        accounts (by position) it spends from and pays into, which must be the pool&apos;s own token accounts,
        and the one that names its market.
      </small>
      <div className="rules" data-testid="register-rules">
        {rules.map((r, i) => (
          <div className="rule-row" key={i} data-testid={`register-rule-${i}`}>
            <Field label={`Rule ${i + 1}: program`}>
              <input value={r.program} onChange={edit(i, "program")} placeholder="Program id" />
            </Field>
            <Field label="Instruction prefix (hex)">
              <input
                value={r.discriminator}
                onChange={edit(i, "discriminator")}
                placeholder="e.g. f8c69e91e17587c8"
              />
            </Field>
            <Field label="Spends from #">
              <input inputMode="numeric" value={r.source} onChange={edit(i, "source")} />
            </Field>
            <Field label="Pays into #">
              <input inputMode="numeric" value={r.destination} onChange={edit(i, "destination")} />
            </Field>
            <Field label="Market #">
              <input inputMode="numeric" value={r.market} onChange={edit(i, "market")} placeholder="none" />
            </Field>
            <button
              type="button"
              className="btn small ghost"
              disabled={rules.length === 1}
              onClick={() => onChange(rules.filter((_, j) => j !== i))}
              aria-label={`Remove rule ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="btn small"
          disabled={hasPreset || rules.length >= MAX_LEG_RULES}
          onClick={() => onChange([...rules, preset])}
          data-testid="register-add-amm-rule"
        >
          + Local AMM swap
        </button>
        <button
          type="button"
          className="btn small ghost"
          disabled={rules.length >= MAX_LEG_RULES}
          onClick={() => onChange([...rules, emptyRuleDraft()])}
          data-testid="register-add-rule"
        >
          + Custom rule
        </button>
      </div>
    </div>
  );
}

export function RegisterProduct({ pool }: { pool: PoolInfo }) {
  const { act, busy, error } = useAdminAction();
  const [form, setForm] = useState<ProductForm & { enabled: boolean }>({
    name: "",
    category: "arbitrage",
    maxTrade: "10000",
    minProfit: "1",
    liquidity: "10",
    markets: "",
    enabled: true,
  });
  const [rules, setRules] = useState<RuleDraft[]>([localAmmSwapDraft()]);
  const [problems, setProblems] = useState<string[]>([]);
  // A problem found in the form is about what was typed: editing clears it.
  useEffect(() => setProblems([]), [form, rules]);
  const edit = (k: keyof ProductForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [k]: e.target.value });
  const nameBytes = utf8Length(form.name.trim());
  const submit = async () => {
    setProblems([]);
    const read = readProductForm(form, rules, pool);
    if ("errors" in read) return setProblems(read.errors);
    const spec = read.value;
    const ok = await act(`Register ${spec.name}`, (c) =>
      c.registerProduct(pool.addresses, spec, { enable: form.enabled }),
    );
    if (ok) setForm({ ...form, name: "" });
  };
  return (
    <details className="register">
      <summary data-admin-control data-testid="register-product">
        Register a product
      </summary>
      <form
        className="form grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Name"
          hint={
            <span className={nameBytes > MAX_NAME_BYTES ? "bad" : undefined}>
              {nameBytes} / {MAX_NAME_BYTES} bytes
            </span>
          }
        >
          <input
            value={form.name}
            onChange={edit("name")}
            placeholder="e.g. Cross-DEX arbitrage"
            data-testid="register-name"
          />
        </Field>
        <Field label="Category">
          <select
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.target.value as ProductCategoryName })}
          >
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Max trade (${pool.symbol})`}>
          <input
            inputMode="decimal"
            value={form.maxTrade}
            onChange={edit("maxTrade")}
            data-testid="register-max-trade"
          />
        </Field>
        <Field label={`Min profit (${pool.symbol})`}>
          <input inputMode="decimal" value={form.minProfit} onChange={edit("minProfit")} />
        </Field>
        <Field label="Max share of a DEX pool (%)">
          <input inputMode="decimal" value={form.liquidity} onChange={edit("liquidity")} />
        </Field>
        <RuleRows rules={rules} onChange={setRules} />
        <Field
          label="Markets"
          hint="DEX pool addresses its legs may trade on, one per line (at most 16). Leave empty to allow any market."
          wide
        >
          <textarea
            className="markets-input"
            rows={3}
            value={form.markets}
            onChange={edit("markets")}
            data-testid="register-markets"
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
          />{" "}
          {pool.account.timeLock.toNumber() > 0
            ? "Queue enabling it (it starts disabled and is enabled once the time lock has passed)"
            : "Enabled from the start"}
        </label>
        <FormError testId="register-error">{problems.length > 0 ? problems.join(" ") : error}</FormError>
        <div className="button-row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !form.name.trim()}
            data-admin-control
            data-testid="register-submit"
          >
            Register product
          </button>
        </div>
      </form>
    </details>
  );
}
