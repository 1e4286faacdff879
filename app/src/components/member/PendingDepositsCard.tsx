import { useWallet } from "@solana/wallet-adapter-react";
import { eventsNamed } from "@poolbot/sdk";
import { Card, FormError } from "../ui";
import { big, formatAmount, formatDateTime, formatDuration, formatShares } from "../../lib/format";
import { PoolInfo, useDepositQueue } from "../../state/data";
import { useSubmit } from "../../state/submit";

/**
 * The connected member's deposit requests with when each becomes shares, and a Settle button
 * whenever the queue's oldest requests are ready (anyone may settle them, in order).
 */
export function PendingDepositsCard({ pool, now }: { pool: PoolInfo; now: number }) {
  const { publicKey } = useWallet();
  const queue = useDepositQueue();
  const { submit, busy, error, done } = useSubmit();
  const { decimals, symbol } = pool;
  const requests = queue.data ?? [];
  const mine = requests.filter((r) => publicKey && r.account.depositor.equals(publicKey));
  const firstWaiting = requests.findIndex((r) => r.account.readyAt.toNumber() > now);
  const ready = firstWaiting < 0 ? requests.length : firstWaiting;
  if (mine.length === 0 && ready === 0 && !done) return null;

  const settle = () =>
    submit(
      `Settle ${ready} ready deposit${ready === 1 ? "" : "s"}`,
      "settle",
      async (c) => {
        const sent = await c.settleReadyDeposits(pool.addresses);
        if (sent.length === 0) throw new Error("No deposit request is ready yet by the cluster's clock");
        return { signature: sent[sent.length - 1].signature, events: sent.flatMap((x) => x.events) };
      },
      (result) => {
        const settled = eventsNamed(result.events, "depositSettled");
        const me = settled.filter((e) => publicKey && e.member.equals(publicKey));
        const shares = me.reduce((sum, e) => sum + big(e.shares), 0n);
        return `Settled ${settled.length} request${settled.length === 1 ? "" : "s"}${me.length ? `; yours became ${formatShares(shares, decimals)} shares` : ""}.`;
      },
    );

  return (
    <Card
      title="Pending deposits"
      subtitle="Deposits made while a trade proposal or a mandate was live become shares once ready and settled, at the share value of that moment"
      testId="pending-deposits"
    >
      {mine.length > 0 && (
        <ul className="feed">
          {mine.map((r) => {
            const id = r.account.id.toString();
            const at = r.account.readyAt.toNumber();
            return (
              <li
                key={id}
                className="feed-item"
                data-testid={`pending-deposit-${id}`}
                data-amount={big(r.account.amount).toString()}
              >
                <span className={`feed-dot ${at <= now ? "good" : "info"}`} aria-hidden />
                <div className="feed-body">
                  <div className="feed-title">
                    {formatAmount(big(r.account.amount), decimals, { symbol })} · request #{id}
                  </div>
                  <div className="muted small">
                    {at <= now
                      ? "Ready: it becomes shares when settled"
                      : `Becomes shares after ${formatDateTime(at)} (in ${formatDuration(at - now)})`}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ready > 0 && (
        <div className="button-row">
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={() => void settle()}
            data-testid="settle-deposits"
          >
            Settle {ready} ready deposit{ready === 1 ? "" : "s"}
          </button>
          <span className="muted small">Anyone may settle; oldest first. Trades wait until they are.</span>
        </div>
      )}
      <FormError testId="settle-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="settle-done">
          {done}
        </div>
      )}
    </Card>
  );
}
