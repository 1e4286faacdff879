/** Activity: the audit trail, every event of the pool, filterable, with explorer links. */
import { useMemo, useState } from "react";
import { validatorsOf } from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import { Badge, Card, Empty, ExplorerLink, Skeleton, Tone } from "../components/ui";
import {
  Category,
  CATEGORY_LABELS,
  categoryOf,
  describeEvent,
  idMaps,
  participantsOf,
} from "../lib/activity";
import { formatAgo, formatDateTime, shortAddress } from "../lib/format";
import { useActivity, useActivityItems, useNow, usePool, useValidatorSet } from "../state/data";

export function ActivityPage() {
  return (
    <PoolGate>
      <Activity />
    </PoolGate>
  );
}

const TONE: Record<string, Tone> = { good: "good", bad: "bad", neutral: "neutral", info: "info" };

function Activity() {
  const pool = usePool().data!;
  const activity = useActivity();
  const { items, loading, error } = useActivityItems();
  const set = useValidatorSet();
  const now = useNow();
  const [filter, setFilter] = useState<Category | "all">("all");
  const [query, setQuery] = useState("");
  const ctx = useMemo(
    () => ({
      decimals: pool.decimals,
      symbol: pool.symbol,
      roles: new Map(set.data ? validatorsOf(set.data).map((v) => [v.key.toBase58(), v.roleName]) : []),
      ...idMaps(items),
    }),
    [pool.decimals, pool.symbol, set.data, items],
  );
  const counts = useMemo(() => {
    const c: Record<string, number> = { all: items.length };
    for (const i of items) c[categoryOf(i.event.name)] = (c[categoryOf(i.event.name)] ?? 0) + 1;
    return c;
  }, [items]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return items.filter((i) => {
      if (filter !== "all" && categoryOf(i.event.name) !== filter) return false;
      if (!q) return true;
      const d = describeEvent(i.event, ctx);
      return (
        i.signature.toLowerCase().includes(q) ||
        participantsOf(i.event).some((k) => k.toLowerCase().includes(q)) ||
        `${d.title} ${d.detail}`.toLowerCase().includes(q)
      );
    });
  }, [items, filter, query, ctx]);

  return (
    <>
      <PageHead title="Activity" />
      <Card testId="activity">
        <div className="filters">
          <div className="chips" role="tablist" aria-label="Event types">
            {(["all", ...Object.keys(CATEGORY_LABELS)] as Array<Category | "all">).map((c) => (
              <button
                key={c}
                type="button"
                role="tab"
                aria-selected={filter === c}
                className={`chip ${filter === c ? "active" : ""}`}
                onClick={() => setFilter(c)}
                data-testid={`filter-${c}`}
              >
                {c === "all" ? "All" : CATEGORY_LABELS[c]}
                <span className="chip-count">{counts[c] ?? 0}</span>
              </button>
            ))}
          </div>
          <input
            className="search"
            placeholder="Search address, signature or text"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search events"
          />
        </div>
        {loading ? (
          <Skeleton height={200} />
        ) : error ? (
          <Empty title="History unavailable" icon="⚠">
            This RPC endpoint did not return the pool's transactions.
          </Empty>
        ) : shown.length === 0 ? (
          <Empty title="No events match">Try another filter.</Empty>
        ) : (
          <ul className="feed" data-testid="activity-feed">
            {shown.map((i) => {
              const d = describeEvent(i.event, ctx);
              return (
                <li key={i.key} className="feed-item" data-event={i.event.name}>
                  <span className={`feed-dot ${d.tone}`} aria-hidden />
                  <div className="feed-body">
                    <div className="feed-title">
                      {d.title} <Badge tone={TONE[d.tone]}>{CATEGORY_LABELS[categoryOf(i.event.name)]}</Badge>
                    </div>
                    <div className="small">{d.detail}</div>
                    {d.actor && <div className="muted small mono">by {shortAddress(d.actor, 6)}</div>}
                  </div>
                  <div className="feed-side small">
                    <div title={i.blockTime ? formatDateTime(i.blockTime) : undefined}>
                      {i.blockTime ? formatAgo(i.blockTime, now) : `slot ${i.slot}`}
                    </div>
                    <ExplorerLink kind="tx" id={i.signature}>
                      {shortAddress(i.signature, 4)}
                    </ExplorerLink>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {activity.hasNextPage && (
          <div className="button-row center">
            <button
              type="button"
              className="btn"
              disabled={activity.isFetchingNextPage}
              onClick={() => void activity.fetchNextPage()}
            >
              {activity.isFetchingNextPage ? "Loading…" : "Load older events"}
            </button>
          </div>
        )}
      </Card>
    </>
  );
}
