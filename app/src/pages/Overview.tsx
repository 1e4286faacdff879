/** Overview: the pool, its members, insurance, validators and trades, and the history chart. */
import { PageHead, PoolGate } from "../components/Layout";
import { HistoryChart } from "../components/overview/HistoryChart";
import { MembersTable } from "../components/overview/MembersTable";
import { TradeCounters } from "../components/overview/TradeCounters";
import { ValidatorStats } from "../components/overview/ValidatorStats";
import { PendingChangesNotice } from "../components/PendingChanges";
import { Badge, Card, Skeleton, Stat } from "../components/ui";
import {
  formatAmount,
  formatBps,
  formatCount,
  formatDuration,
  formatPercent,
  percentOf,
} from "../lib/format";
import { useInsurance, useNow, usePool, useProposals, useVaultBalances } from "../state/data";
import { insuranceStats, poolStats } from "../state/stats";

export function OverviewPage() {
  return (
    <PoolGate>
      <Overview />
    </PoolGate>
  );
}

function Overview() {
  const pool = usePool().data!;
  const now = useNow();
  const insurance = useInsurance();
  const vaults = useVaultBalances();
  const proposals = useProposals();
  const { decimals, symbol } = pool;
  const s = poolStats(pool.account, now);
  const amt = (v: bigint, o: Parameters<typeof formatAmount>[2] = {}) =>
    formatAmount(v, decimals, { symbol, ...o });
  const ins =
    insurance.data && vaults.data ? insuranceStats(insurance.data, vaults.data.reserve, pool.account) : null;
  const growth = percentOf(s.shareValue - s.one, s.one);

  return (
    <>
      <PageHead title="Overview">
        <Badge tone="neutral">{formatCount(s.activeMembers)} members</Badge>
        <Badge tone="neutral">Insurance {formatBps(pool.account.insuranceBps)} of profit</Badge>
        <Badge tone="neutral">
          Time lock{" "}
          {pool.account.timeLock.toNumber() > 0 ? formatDuration(pool.account.timeLock.toNumber()) : "none"}
        </Badge>
      </PageHead>

      <PendingChangesNotice pool={pool} />

      <div className="grid stats" data-testid="pool-stats">
        <Stat
          label="Pool assets"
          value={amt(s.totalAssets)}
          sub={vaults.data ? `${amt(vaults.data.vault)} in the vault` : <Skeleton width="60%" />}
          testId="stat-assets"
        />
        <Stat
          label="Share value"
          value={formatAmount(s.shareValue, decimals, { maxFraction: 6, minFraction: 4, symbol })}
          sub={
            <span className={s.shareValue >= s.one ? "good" : "bad"}>
              {formatPercent(growth)} since launch
            </span>
          }
          testId="stat-share-value"
        />
        <Stat
          label="Total profit"
          value={amt(s.totalProfit, { signed: true })}
          sub={`${amt(s.memberProfit)} to members`}
          tone={s.totalProfit > 0n ? "good" : undefined}
          testId="stat-profit"
        />
        <Stat
          label="Members' ROI"
          value={formatPercent(s.roiPercent)}
          sub="member profit ÷ capital contributed"
          testId="stat-roi"
        />
        <Stat
          label="Members"
          value={`${formatCount(s.activeMembers)} active`}
          sub={`${formatCount(s.withdrawnMembers)} withdrawn · max ${formatCount(s.maxMembers)}`}
          testId="stat-members"
        />
        <Stat
          label="Capital contributed"
          value={amt(s.capitalContributed)}
          sub={`${amt(s.totalWithdrawn)} withdrawn`}
        />
        <Stat
          label="Pending deposits"
          value={amt(s.pendingDeposits)}
          sub={
            s.pendingRequests === 0
              ? s.mandatesActive
                ? "a mandate stands: new deposits wait a proposal lifetime"
                : s.proposalsLive
                  ? `a proposal is live: new deposits wait ${formatDuration(s.proposalsLiveUntil - now)}`
                  : "none waiting: deposits buy shares at once"
              : s.settlementDue
                ? `${formatCount(s.pendingRequests)} waiting, ready to settle`
                : `${formatCount(s.pendingRequests)} waiting for live proposals to end`
          }
          tone={s.settlementDue ? "warn" : undefined}
          testId="stat-pending-deposits"
        />
        <Stat
          label="Insurance reserve"
          value={ins ? amt(ins.reserveBalance) : <Skeleton width="70%" height={24} />}
          sub={
            ins
              ? `coverage ${formatPercent(ins.coveragePercent)} of pool assets · ${formatCount(ins.pendingClaims)} pending claim${ins.pendingClaims === 1n ? "" : "s"} (${amt(ins.pendingAmount)})`
              : undefined
          }
          testId="stat-reserve"
        />
      </div>

      <HistoryChart pool={pool} />

      <div className="grid two">
        <Card
          title="Trades"
          subtitle="Proposed by keepers and decided by the validators' quorum, or run under a mandate"
          testId="trade-stats"
        >
          {proposals.data ? <TradeCounters pool={pool} now={now} /> : <Skeleton height={80} />}
        </Card>
        <ValidatorStats pool={pool} now={now} />
      </div>

      <MembersTable pool={pool} />
    </>
  );
}
