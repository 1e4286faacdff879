/** Withdraw part (by amount) or all (by shares, with a slippage bound); dust is refused before sending. */
import {
  eventsNamed,
  memberValue,
  sharesForWithdrawal,
  withdrawalLeavesDust,
  withdrawalPreview,
} from "@poolbot/sdk";
import { useState } from "react";
import { Empty, FormError, Row, Segmented } from "../ui";
import { big, formatAmount, formatExact, formatShares, parseAmount } from "../../lib/format";
import { PoolInfo, useWalletState } from "../../state/data";
import { useSubmit } from "../../state/submit";
import { AmountInput, SlippagePicker, withSlippage } from "./fields";

export function WithdrawForm({ pool, hasPosition }: { pool: PoolInfo; hasPosition: boolean }) {
  const { submit, busy, error, done, clearError } = useSubmit();
  const wallet = useWalletState();
  const [mode, setMode] = useState<"amount" | "all">("amount");
  const [text, setText] = useState("");
  const [bps, setBps] = useState(50);
  const { decimals, symbol } = pool;
  const position = wallet.data?.position;
  if (!hasPosition || !position) {
    return (
      <>
        {done && (
          <div className="form-ok" data-testid="withdraw-done">
            {done}
          </div>
        )}
        <Empty title="Nothing to withdraw">
          Deposit first; your shares can be withdrawn at the share value at any time. A pending deposit can be
          withdrawn once it has become shares.
        </Empty>
      </>
    );
  }
  const shares = big(position.shares);
  const available = memberValue(pool.account, position);
  const parsed = mode === "amount" && text ? parseAmount(text, decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  const receive = mode === "all" ? withdrawalPreview(pool.account, shares) : amount;
  const burn = mode === "all" ? shares : amount > 0n ? sharesForWithdrawal(pool.account, amount) : 0n;
  const minOut = mode === "all" ? withSlippage(receive, bps) : amount;
  const tooMuch = mode === "amount" && amount > available;
  // What stays must be nothing or at least the pool minimum (a member slot costs real capital).
  const dust =
    mode === "amount" && amount > 0n && !tooMuch && withdrawalLeavesDust(pool.account, shares, burn);
  const minimum = formatExact(big(pool.account.minContribution), decimals, symbol);

  const send = async () => {
    const label =
      mode === "all" ? "Withdraw everything" : `Withdraw ${formatExact(amount, decimals, symbol)}`;
    const ok = await submit(
      label,
      "withdraw",
      (client) =>
        client.withdraw(pool.addresses, mode === "all" ? { shares } : { amount }, { minAmountOut: minOut }),
      (result) => {
        const [event] = eventsNamed(result.events, "withdrew");
        return event
          ? `Received ${formatExact(big(event.amount), decimals, symbol)}${event.exited ? "; you have left the pool" : ""}.`
          : "Withdrawal confirmed.";
      },
    );
    if (ok) setText("");
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <Segmented
        options={[
          { value: "amount", label: "Part" },
          { value: "all", label: "All" },
        ]}
        value={mode}
        onChange={(m) => {
          setMode(m);
          clearError();
        }}
        testId="withdraw-mode"
      />
      {mode === "amount" ? (
        <label className="field">
          <span className="field-label">
            Amount
            <button type="button" className="link-btn small" onClick={() => setMode("all")}>
              Available {formatAmount(available, decimals, { symbol })}
            </button>
          </span>
          <AmountInput
            value={text}
            onChange={(v) => {
              setText(v);
              clearError();
            }}
            symbol={symbol}
            testId="withdraw-amount"
            label="Withdrawal amount"
          />
        </label>
      ) : (
        <p className="muted">Burn all {formatShares(shares, decimals)} shares and leave the pool.</p>
      )}
      {mode === "all" && <SlippagePicker bps={bps} onChange={setBps} />}
      <div className="preview" data-testid="withdraw-preview">
        <Row label="You receive">
          <strong data-testid="withdraw-receive">
            {mode === "all"
              ? `≈ ${formatAmount(receive, decimals, { symbol })}`
              : formatExact(receive, decimals, symbol)}
          </strong>
        </Row>
        {mode === "all" && (
          <Row label={`At least (${bps / 100}% slippage)`}>
            {formatAmount(minOut, decimals, { symbol, maxFraction: decimals, minFraction: 2 })}
          </Row>
        )}
        <Row label="Shares burned">≈ {formatShares(burn, decimals)}</Row>
      </div>
      {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
      {tooMuch && (
        <FormError>
          Your position is worth {formatAmount(available, decimals, { symbol })}; withdraw at most that, or
          choose “All”.
        </FormError>
      )}
      {dust && (
        <FormError testId="withdraw-dust">
          That would leave less than the pool minimum of {minimum} in your position. Withdraw everything
          (“All”), or leave at least {minimum}.
        </FormError>
      )}
      <FormError testId="withdraw-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="withdraw-done">
          {done}
        </div>
      )}
      <button
        type="submit"
        className="btn primary block"
        disabled={busy || tooMuch || dust || (mode === "amount" && amount === 0n)}
        data-testid="withdraw-submit"
      >
        {mode === "all"
          ? "Withdraw everything"
          : amount > 0n
            ? `Withdraw ${formatExact(amount, decimals, symbol)}`
            : "Enter an amount"}
      </button>
    </form>
  );
}
