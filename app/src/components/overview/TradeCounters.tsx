/**
 * The trade counters (proposed, approved, rejected, executed, expired, stale, pending, awaiting
 * execution, and executions under mandates) and how proposals ended.
 */
import { formatCount } from "../../lib/format";
import { PoolInfo, useProposals } from "../../state/data";
import { tradeStats } from "../../state/stats";

export function TradeCounters({ pool, now }: { pool: PoolInfo; now: number }) {
  const proposals = useProposals();
  const t = tradeStats(
    pool.account,
    (proposals.data ?? []).map((p) => p.account),
    now,
  );
  const items: Array<[string, bigint | number, string]> = [
    ["Proposed", t.proposed, ""],
    ["Approved", t.approved, "good"],
    ["Rejected", t.rejected, "bad"],
    ["Executed", t.executed, "good"],
    ["Expired", t.expired, "muted"],
    // undecided, but made before validators or the quorum changed: the proposals themselves say Stale
    ["Stale", t.stale, "muted"],
    ["Pending vote", t.pending, "warn"],
    ["Awaiting execution", t.awaitingExecution, "info"],
    // executions under a standing mandate: no proposal, no vote per trade
    ["Mandate trades", t.mandateTrades, "good"],
  ];
  const proposed = Number(t.proposed);
  return (
    <>
      <div className="counters">
        {items.map(([label, value, tone]) => (
          <div
            className="counter"
            key={label}
            data-testid={`trades-${label.toLowerCase().replace(/ /g, "-")}`}
          >
            <span className={`counter-value ${tone}`}>{formatCount(value)}</span>
            <span className="counter-label">{label}</span>
          </div>
        ))}
      </div>
      {proposed > 0 && (
        <div className="stacked" aria-label="How proposals ended">
          <span className="fill-good" style={{ flex: Number(t.executed) }} title="executed" />
          <span
            className="fill-info"
            style={{ flex: Number(t.approved - t.executed > 0n ? t.approved - t.executed : 0n) }}
            title="approved, not executed"
          />
          <span className="fill-bad" style={{ flex: Number(t.rejected) }} title="rejected" />
          <span
            className="fill-neutral"
            style={{ flex: Number(t.expired + t.stale) }}
            title="expired or stale"
          />
          <span className="fill-warn" style={{ flex: t.pending }} title="pending" />
        </div>
      )}
    </>
  );
}
