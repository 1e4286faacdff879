/** Overview: the pool, its members, insurance, validators and trades, and the history chart. */
import { useWallet } from "@solana/wallet-adapter-react";
import { useMemo, useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { memberValue } from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import { PendingChangesNotice } from "../components/PendingChanges";
import {
  Address,
  Badge,
  Card,
  Empty,
  Progress,
  RoleBadge,
  Segmented,
  Skeleton,
  Stat,
} from "../components/ui";
import { chartSeries } from "../lib/activity";
import {
  big,
  formatAmount,
  formatBps,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPercent,
  percentOf,
} from "../lib/format";
import {
  PoolInfo,
  useActivityItems,
  useInsurance,
  useMembers,
  useNow,
  usePool,
  useProposals,
  useValidatorSet,
  useVaultBalances,
} from "../state/data";
import { insuranceStats, poolStats, tradeStats, validatorRows } from "../state/stats";

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
  const set = useValidatorSet();
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
              ? s.proposalsLive
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
          subtitle="Proposed by keepers, decided by the validators' quorum"
          testId="trade-stats"
        >
          {proposals.data ? <TradeCounters pool={pool} now={now} /> : <Skeleton height={80} />}
        </Card>
        <Card
          title="Validators"
          subtitle={`Quorum: ${pool.account.requiredApprovals} approval${pool.account.requiredApprovals === 1 ? "" : "s"}${pool.account.requireLeadApproval ? ", one from a LEAD or ADMIN" : ""}`}
          testId="validator-stats"
        >
          {set.data && proposals.data ? (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>Validator</th>
                    <th>Approval rate</th>
                    <th className="num">Votes</th>
                    <th className="num hide-sm">Awaiting</th>
                  </tr>
                </thead>
                <tbody>
                  {validatorRows(
                    set.data,
                    proposals.data.map((p) => p.account),
                    pool.account,
                    now,
                  ).map((v) => (
                    <tr key={v.key.toBase58()}>
                      <td>
                        <div className="cell-stack">
                          <Address value={v.key} />
                          <RoleBadge role={v.role} />
                        </div>
                      </td>
                      <td>
                        <div className="rate">
                          <Progress
                            value={v.approvalRatePercent ?? 0}
                            max={100}
                            tone="good"
                            label="approval rate"
                          />
                          <span>{formatPercent(v.approvalRatePercent, 0)}</span>
                        </div>
                      </td>
                      <td className="num">
                        <span className="good">{v.approvals}</span> /{" "}
                        <span className="bad">{v.rejections}</span>
                      </td>
                      <td className="num hide-sm">{v.pendingVotes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Skeleton height={120} />
          )}
        </Card>
      </div>

      <MembersTable pool={pool} />
    </>
  );
}

function TradeCounters({ pool, now }: { pool: PoolInfo; now: number }) {
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
    ["Pending vote", t.pending, "warn"],
    ["Awaiting execution", t.awaitingExecution, "info"],
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
          <span className="fill-neutral" style={{ flex: Number(t.expired) }} title="expired" />
          <span className="fill-warn" style={{ flex: t.pending }} title="pending" />
        </div>
      )}
    </>
  );
}

function HistoryChart({ pool }: { pool: PoolInfo }) {
  const { items, loading, error } = useActivityItems();
  const [series, setSeries] = useState<"share" | "profit">("share");
  // One point per event, evenly spaced (a burst of trades stays readable), labelled with its time.
  const data = useMemo(
    () => chartSeries(items, pool.decimals).map((p, n) => ({ ...p, n })),
    [items, pool.decimals],
  );
  const key = series === "share" ? "shareValue" : "cumulativeProfit";
  const digits = series === "share" ? 4 : 2;
  return (
    <Card
      title="Performance"
      subtitle="From the pool's events: one point per deposit, settled deposit request, withdrawal and executed trade"
      action={
        <Segmented
          options={[
            { value: "share", label: "Share value" },
            { value: "profit", label: "Cumulative profit" },
          ]}
          value={series}
          onChange={setSeries}
          testId="chart-toggle"
        />
      }
      testId="history-chart"
    >
      {loading ? (
        <Skeleton height={240} />
      ) : error ? (
        <Empty title="History unavailable">
          This RPC endpoint does not serve the pool's transaction history.
        </Empty>
      ) : data.length < 2 ? (
        <Empty title="No history yet">The chart fills in as members deposit and trades execute.</Empty>
      ) : (
        <div className="chart">
          <ResponsiveContainer width="100%" height={260}>
            <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <defs>
                <linearGradient id="fill" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor="var(--accent)" stopOpacity={0.35} />
                  <stop offset="100%" stopColor="var(--accent)" stopOpacity={0} />
                </linearGradient>
              </defs>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis
                dataKey="n"
                type="number"
                domain={["dataMin", "dataMax"]}
                allowDecimals={false}
                tickFormatter={(n: number) => (data[n] ? tickFormat(data)(data[n].time) : "")}
                stroke="var(--muted)"
                fontSize={12}
                tickLine={false}
                axisLine={false}
                minTickGap={40}
              />
              <YAxis
                stroke="var(--muted)"
                fontSize={12}
                tickLine={false}
                axisLine={false}
                width={64}
                domain={series === "share" ? ["auto", "auto"] : [0, "auto"]}
                tickFormatter={(v: number) => v.toFixed(series === "share" ? 4 : 0)}
              />
              <Tooltip
                contentStyle={{
                  background: "var(--panel-2)",
                  border: "1px solid var(--line)",
                  borderRadius: 10,
                }}
                labelFormatter={(n) => (data[Number(n)] ? formatDateTime(data[Number(n)].time) : "")}
                formatter={(v) => [
                  `${Number(v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${pool.symbol}`,
                  series === "share" ? "Share value" : "Cumulative profit",
                ]}
              />
              <Area
                type="linear"
                dataKey={key}
                stroke="var(--accent)"
                strokeWidth={2}
                fill="url(#fill)"
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}

/** Axis labels for the span of `data`: seconds for minutes, times for days, dates beyond. */
function tickFormat(data: Array<{ time: number }>): (t: number) => string {
  const span = data.length ? data[data.length - 1].time - data[0].time : 0;
  return (t: number) => {
    const d = new Date(t * 1000);
    const hm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
    if (span < 3600) return `${hm}:${String(d.getSeconds()).padStart(2, "0")}`;
    if (span < 2 * 86_400) return hm;
    return formatDateTime(t).replace(/ \d{4},.*$/, "");
  };
}

function MembersTable({ pool }: { pool: PoolInfo }) {
  const members = useMembers();
  const { publicKey } = useWallet();
  const rows = useMemo(
    () =>
      (members.data ?? [])
        .map((m) => ({ ...m, value: memberValue(pool.account, m.account) }))
        .sort((a, b) => (big(b.account.shares) > big(a.account.shares) ? 1 : -1)),
    [members.data, pool.account],
  );
  const total = big(pool.account.totalShares);
  return (
    <Card title="Members" subtitle="Positions by share of the pool" testId="members-table">
      {!members.data ? (
        <Skeleton height={100} />
      ) : rows.length === 0 ? (
        <Empty title="No members yet">The first deposit creates the first position.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Member</th>
                <th className="num">Share of pool</th>
                <th className="num">Value</th>
                <th className="num hide-sm">Capital</th>
                <th className="hide-sm">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 12).map((m) => (
                <tr key={m.publicKey.toBase58()}>
                  <td>
                    <Address value={m.account.owner} you={publicKey?.equals(m.account.owner)} />
                  </td>
                  <td className="num">{formatPercent(percentOf(big(m.account.shares), total))}</td>
                  <td className="num">
                    {formatAmount(m.value, pool.decimals, { symbol: pool.symbol })}
                    {big(m.account.pendingDeposit) > 0n && (
                      <div className="muted small">
                        +{formatAmount(big(m.account.pendingDeposit), pool.decimals, { symbol: pool.symbol })}{" "}
                        pending
                      </div>
                    )}
                  </td>
                  <td className="num hide-sm">
                    {formatAmount(big(m.account.capitalContributed), pool.decimals, { symbol: pool.symbol })}
                  </td>
                  <td className="hide-sm">
                    {"active" in m.account.status ? (
                      <Badge tone="good">Active</Badge>
                    ) : (
                      <Badge>Withdrawn</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > 12 && <p className="muted small">and {rows.length - 12} more</p>}
        </div>
      )}
    </Card>
  );
}
