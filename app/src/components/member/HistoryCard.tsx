/** The connected wallet's deposits, withdrawals and claims, from the pool's events. */
import { useWallet } from "@solana/wallet-adapter-react";
import { useMemo } from "react";
import { Card, Empty, ExplorerLink, Skeleton } from "../ui";
import { describeEvent, idMaps, memberHistory } from "../../lib/activity";
import { formatDateTime } from "../../lib/format";
import { PoolInfo, useActivityItems } from "../../state/data";

export function HistoryCard({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const { items, loading } = useActivityItems();
  const mine = useMemo(() => {
    if (!publicKey) return [];
    return memberHistory(items, publicKey);
  }, [items, publicKey]);
  const maps = useMemo(() => idMaps(items), [items]);
  // every digit, as the position and `poolbot` show them
  const ctx = {
    decimals: pool.decimals,
    symbol: pool.symbol,
    exact: true,
    roles: new Map<string, string>(),
    ...maps,
  };
  return (
    <Card
      title="Your history"
      subtitle="Deposits, withdrawals and claims of this wallet"
      testId="member-history"
    >
      {loading ? (
        <Skeleton height={60} />
      ) : mine.length === 0 ? (
        <Empty title="Nothing yet">Your deposits and withdrawals appear here.</Empty>
      ) : (
        <ul className="feed">
          {mine.map((i) => {
            const d = describeEvent(i.event, ctx);
            return (
              <li key={i.key} className="feed-item">
                <span className={`feed-dot ${d.tone}`} aria-hidden />
                <div className="feed-body">
                  <div className="feed-title">{d.title}</div>
                  <div className="muted small">{d.detail}</div>
                </div>
                <div className="feed-side small">
                  <div className="muted">{i.blockTime ? formatDateTime(i.blockTime) : "—"}</div>
                  <ExplorerLink kind="tx" id={i.signature}>
                    tx
                  </ExplorerLink>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
