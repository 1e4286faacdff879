/** The members by share of the pool, with value, pending deposit, capital and status. */
import { useWallet } from "@solana/wallet-adapter-react";
import { isActiveMember, memberValue } from "@poolbot/sdk";
import { useMemo } from "react";
import { Address, Badge, Card, Empty, Skeleton } from "../ui";
import { big, formatAmount, formatPercent, percentOf } from "../../lib/format";
import { PoolInfo, useMembers } from "../../state/data";

export function MembersTable({ pool }: { pool: PoolInfo }) {
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
                    {isActiveMember(m.account) ? <Badge tone="good">Active</Badge> : <Badge>Withdrawn</Badge>}
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
