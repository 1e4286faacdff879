/**
 * The Validators page's Mandates section: standing permissions the validators approve once by
 * the trade quorum, under which a keeper trades in one transaction without a vote per trade.
 * Open ones (pending, waiting, active) first, then finished ones whose accounts are still open;
 * the propose form for keepers and ADMINs.
 */
import { decodeName, isMandateFinished, mandateStanding } from "@poolbot/sdk";
import { useMemo } from "react";
import { Card, Empty, Skeleton } from "../ui";
import { shortAddress } from "../../lib/format";
import { PoolInfo, useMandates, useMyRole, useProducts, useValidatorSet } from "../../state/data";
import { MandateCard } from "./MandateCard";
import { ProposeMandate } from "./ProposeMandate";

export function MandatesSection({ pool, now }: { pool: PoolInfo; now: number }) {
  const mandates = useMandates();
  const products = useProducts();
  const set = useValidatorSet();
  const { role, keeper } = useMyRole();
  const groups = useMemo(() => {
    const all = [...(mandates.data ?? [])].sort((a, b) => b.account.id.cmp(a.account.id));
    const finished = (m: (typeof all)[number]) =>
      isMandateFinished(mandateStanding(m.account, now, pool.account.configVersion));
    return { open: all.filter((m) => !finished(m)), done: all.filter(finished) };
  }, [mandates.data, now, pool.account.configVersion]);
  const productName = (key: { toBase58(): string }) => {
    const p = products.data?.find((x) => x.publicKey.toBase58() === key.toBase58());
    return p ? decodeName(p.account.name) : shortAddress(key);
  };
  const loaded = mandates.data && set.data && products.data;
  const card = (m: NonNullable<typeof mandates.data>[number]) => (
    <MandateCard
      key={m.publicKey.toBase58()}
      item={m}
      pool={pool}
      set={set.data!}
      productName={productName(m.account.product)}
      now={now}
    />
  );
  return (
    <Card
      title="Mandates"
      subtitle="A class of trades approved once by the trade quorum (markets, size, least profit, a budget per period, a lifetime): a keeper trades inside it in one transaction, without a vote per trade. A LEAD or ADMIN can revoke one at once."
      testId="mandates"
    >
      {!loaded ? (
        <Skeleton height={120} />
      ) : groups.open.length === 0 && groups.done.length === 0 ? (
        <Empty title="No mandates" icon="◇">
          Keepers and ADMINs propose them; every trade outside one still needs its own vote.
        </Empty>
      ) : (
        <>
          <div className="proposal-list" data-testid="open-mandates">
            {groups.open.map(card)}
          </div>
          {groups.done.length > 0 && (
            <details className="register" data-testid="finished-mandates">
              <summary>
                Finished mandates ({groups.done.length}) · rejected, revoked, expired or stale
              </summary>
              <div className="proposal-list">{groups.done.map(card)}</div>
            </details>
          )}
        </>
      )}
      {loaded && (keeper || role === "admin") && <ProposeMandate pool={pool} products={products.data!} />}
    </Card>
  );
}
