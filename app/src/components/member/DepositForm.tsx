/**
 * Deposit with a share preview and a slippage bound, or, while a trade proposal is live or a
 * mandate stands, a deposit request that becomes shares later (when the proposals end, and no
 * sooner than a proposal lifetime while a mandate stands).
 */
import {
  depositMustBeRequested,
  depositPreview,
  depositReadyAt,
  eventsNamed,
  isPaused,
  mandatesActive,
  shareValue,
} from "@poolbot/sdk";
import { useState } from "react";
import { FormError, Row } from "../ui";
import {
  big,
  formatAmount,
  formatDateTime,
  formatDuration,
  formatExact,
  formatInput,
  formatShares,
  parseAmount,
} from "../../lib/format";
import { PoolInfo, useWalletState } from "../../state/data";
import { useSubmit } from "../../state/submit";
import { AmountInput, SlippagePicker, withSlippage } from "./fields";

export function DepositForm({ pool, now }: { pool: PoolInfo; now: number }) {
  const { submit, busy, error, done, clearError } = useSubmit();
  const wallet = useWalletState();
  const [text, setText] = useState("");
  const [bps, setBps] = useState(50);
  const { decimals, symbol } = pool;
  const parsed = text ? parseAmount(text, decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  const balance = wallet.data?.assetBalance ?? 0n;
  const preview = depositPreview(pool.account, amount);
  const minShares = withSlippage(preview, bps);
  const tooMuch = amount > balance;
  const paused = isPaused(pool.account);
  const amountText = formatExact(amount, decimals, symbol);
  // While a trade proposal made earlier may still execute, or a keeper may trade under a
  // mandate, new money waits in the queue.
  const queued = depositMustBeRequested(pool.account, now);
  const readyAt = depositReadyAt(pool.account, now);
  const mandate = mandatesActive(pool.account, now);
  const why = mandate
    ? "a proposal lifetime from now, as a mandate stands"
    : "when the live trade proposals have ended";

  const send = async () => {
    const ok = queued
      ? await submit(
          `Request a deposit of ${amountText}`,
          "deposit",
          (client) => client.requestDeposit(pool.addresses, amount),
          (result) => {
            const [event] = eventsNamed(result.events, "depositRequested");
            const at = event ? event.readyAt.toNumber() : readyAt;
            return `Requested ${formatExact(event ? big(event.amount) : amount, decimals, symbol)}: it becomes shares after ${formatDateTime(at)} (in ${formatDuration(at - Math.floor(Date.now() / 1000))}), ${why}, at the share value of then.`;
          },
        )
      : await submit(
          `Deposit ${amountText}`,
          "deposit",
          (client) => client.deposit(pool.addresses, amount, { minSharesOut: minShares }),
          (result) => {
            const [event] = eventsNamed(result.events, "deposited");
            return event
              ? `Deposited ${formatExact(big(event.amount), decimals, symbol)} for ${formatShares(big(event.shares), decimals)} shares.`
              : "Deposit confirmed.";
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
      <label className="field">
        <span className="field-label">
          Amount
          <button
            type="button"
            className="link-btn small"
            onClick={() => setText(formatInput(balance, decimals))}
          >
            Balance {formatAmount(balance, decimals, { symbol })} · Max
          </button>
        </span>
        <AmountInput
          value={text}
          onChange={(v) => {
            setText(v);
            clearError();
          }}
          symbol={symbol}
          testId="deposit-amount"
          label="Deposit amount"
        />
        <small className="muted">
          Pool minimum {formatExact(big(pool.account.minContribution), decimals, symbol)} per deposit.
        </small>
      </label>
      {queued ? (
        <div className="notice small" data-testid="deposit-queued-note">
          {mandate
            ? `A mandate stands: a keeper may trade at any moment, so a deposit now waits in a queue and becomes shares after ${formatDateTime(readyAt)} (${formatDuration(readyAt - now)} from now),`
            : `A trade proposal is live until ${formatDateTime(readyAt)} (${formatDuration(readyAt - now)} left). A deposit now waits in a queue and becomes shares when it ends,`}{" "}
          at the share value of that moment, so it shares only in profit made after it. Your {symbol} move to
          the vault now; anyone may settle the request once it is ready.
        </div>
      ) : (
        <SlippagePicker bps={bps} onChange={setBps} />
      )}
      <div className="preview" data-testid="deposit-preview">
        <Row label={queued ? "You would receive today" : "You receive"}>
          <strong data-testid="deposit-preview-shares" data-raw={preview.toString()}>
            ≈ {formatShares(preview, decimals)} shares
          </strong>
        </Row>
        {queued ? (
          <Row label="Becomes shares">
            <span data-testid="deposit-ready-at" data-raw={String(readyAt)}>
              after {formatDateTime(readyAt)}, priced then
            </span>
          </Row>
        ) : (
          <Row label={`At least (${bps / 100}% slippage)`}>
            <span data-testid="deposit-min-shares" data-raw={minShares.toString()}>
              {formatShares(minShares, decimals)} shares
            </span>
          </Row>
        )}
        <Row label="Share value">
          {formatAmount(shareValue(pool.account), decimals, {
            maxFraction: 6,
            minFraction: 4,
            symbol,
          })}
        </Row>
      </div>
      {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
      {tooMuch && !error && (
        <FormError>
          Your wallet holds {formatAmount(balance, decimals, { symbol })}; enter at most that.
        </FormError>
      )}
      {paused && (
        <div className="notice small" data-testid="deposit-paused">
          The pool is paused by its ADMIN: deposits are blocked until it resumes. Withdrawals still work.
        </div>
      )}
      <FormError testId="deposit-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="deposit-done">
          {done}
        </div>
      )}
      <button
        type="submit"
        className="btn primary block"
        disabled={busy || amount === 0n || tooMuch || paused}
        data-testid="deposit-submit"
      >
        {amount === 0n
          ? "Enter an amount"
          : queued
            ? `Request deposit of ${amountText}`
            : `Deposit ${amountText}`}
      </button>
    </form>
  );
}
