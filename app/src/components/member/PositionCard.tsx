/** The connected member's position: value, profit, shares, pending deposit, capital, status, balance. */
import { isActiveMember, memberValue } from "@poolbot/sdk";
import { Badge, Card, Empty, Row, Skeleton, Stat } from "../ui";
import { big, formatAmount, formatDateTime, formatPercent, formatShares, percentOf } from "../../lib/format";
import { PoolInfo, useWalletState } from "../../state/data";

export function PositionCard({ pool }: { pool: PoolInfo }) {
  const wallet = useWalletState();
  const { decimals, symbol } = pool;
  if (!wallet.data) {
    return (
      <Card title="Position">
        <Skeleton height={160} />
      </Card>
    );
  }
  const position = wallet.data.position;
  if (!position) {
    return (
      <Card title="Position" testId="position">
        <Empty title="No position yet" icon="+">
          Your first deposit creates your position. Wallet balance:{" "}
          <strong data-testid="wallet-balance">
            {formatAmount(wallet.data.assetBalance, decimals, { symbol })}
          </strong>
        </Empty>
      </Card>
    );
  }
  const shares = big(position.shares);
  const pending = big(position.pendingDeposit);
  const value = memberValue(pool.account, position);
  const capital = big(position.capitalContributed);
  const withdrawn = big(position.totalWithdrawn);
  // A pending deposit is still worth what was put in. Share rounding leaves fractions of a cent
  // either way right after a deposit; show those as zero.
  const rawProfit = value + pending + withdrawn - capital;
  const cent = 10n ** BigInt(Math.max(0, decimals - 2));
  const profit = rawProfit > -cent && rawProfit < cent ? 0n : rawProfit;
  const active = isActiveMember(position);
  // Every digit, as the history and `poolbot` show them (formatShares / formatExact).
  const exact = (v: bigint, signed = false) =>
    formatAmount(v, decimals, { symbol, signed, maxFraction: decimals, minFraction: 0 });
  return (
    <Card
      title="Position"
      action={active ? <Badge tone="good">Active</Badge> : <Badge>Withdrawn</Badge>}
      testId="position"
    >
      <div className="grid stats tight">
        <Stat
          label="Value"
          value={exact(value)}
          sub={pending > 0n ? `+${exact(pending)} pending` : undefined}
          testId="position-value"
        />
        <Stat
          label="Profit"
          value={exact(profit, true)}
          tone={profit > 0n ? "good" : profit < 0n ? "bad" : undefined}
          sub={`ROI ${formatPercent(percentOf(profit, capital))}`}
          testId="position-profit"
        />
      </div>
      <div className="rows">
        <Row label="Shares" testId="position-shares">
          <span data-raw={shares.toString()} data-testid="position-shares-value">
            {formatShares(shares, decimals)}
          </span>
          <span className="muted">
            {" "}
            · {formatPercent(percentOf(shares, big(pool.account.totalShares)))} of the pool
          </span>
        </Row>
        {pending > 0n && (
          <Row label="Pending deposit" testId="position-pending">
            <span data-raw={pending.toString()} data-testid="position-pending-value">
              {exact(pending)}
            </span>
            <span className="muted"> · becomes shares once its request is ready and settled</span>
          </Row>
        )}
        <Row label="Capital contributed">{exact(capital)}</Row>
        <Row label="Withdrawn so far">{exact(withdrawn)}</Row>
        {big(position.claimsPaid) > 0n && (
          <Row label="Insurance paid to you">{exact(big(position.claimsPaid))}</Row>
        )}
        <Row label="Status">
          {!active
            ? "Withdrawn (no shares left)"
            : shares === 0n
              ? "Active member (deposit pending)"
              : "Active member"}
        </Row>
        <Row label="Joined">{formatDateTime(position.joinedAt.toNumber())}</Row>
        <Row label="Wallet balance">
          <span data-testid="wallet-balance">
            {formatAmount(wallet.data.assetBalance, decimals, { symbol })}
          </span>
        </Row>
      </div>
    </Card>
  );
}
