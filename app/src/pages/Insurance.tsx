/**
 * Insurance: reserve health, claims with status, votes and expiry, filing a claim (capped by the
 * member's stake), SENIOR+ approve / deny (never on one's own claim), expiring undecided claims,
 * funding.
 */
import { PageHead, PoolGate } from "../components/Layout";
import { ClaimsList } from "../components/insurance/Claims";
import { FileClaimCard } from "../components/insurance/FileClaimCard";
import { FundCard } from "../components/insurance/FundCard";
import { Badge, Skeleton, Stat, Tone } from "../components/ui";
import { formatAmount, formatBps, formatPercent } from "../lib/format";
import { useInsurance, usePool, useVaultBalances } from "../state/data";
import { insuranceStats } from "../state/stats";

export function InsurancePage() {
  return (
    <PoolGate>
      <Insurance />
    </PoolGate>
  );
}

const HEALTH: Record<string, [string, Tone, string]> = {
  healthy: ["Healthy", "good", "The reserve covers every pending claim."],
  watch: ["Thin", "warn", "The reserve covers pending claims but is under 1% of pool assets."],
  underfunded: ["Under-funded", "bad", "Pending claims ask for more than the reserve holds."],
  empty: ["Empty", "bad", "Nothing in reserve yet: it grows with each executed trade."],
};

function Insurance() {
  const pool = usePool().data!;
  const insurance = useInsurance();
  const vaults = useVaultBalances();
  const { decimals, symbol } = pool;
  const amt = (v: bigint) => formatAmount(v, decimals, { symbol });
  const s =
    insurance.data && vaults.data ? insuranceStats(insurance.data, vaults.data.reserve, pool.account) : null;
  const [label, tone, note] = s ? HEALTH[s.health] : ["…", "neutral" as Tone, ""];
  return (
    <>
      <PageHead title="Insurance reserve">
        <Badge tone={tone} testId="reserve-health">
          {label}
        </Badge>
      </PageHead>
      {!s ? (
        <Skeleton height={120} />
      ) : (
        <div className="grid stats" data-testid="insurance-stats">
          <Stat label="Reserve balance" value={amt(s.reserveBalance)} sub={note} testId="reserve-balance" />
          <Stat
            label="Coverage"
            value={formatPercent(s.coveragePercent)}
            sub="of the pool's assets"
            tone={s.health === "healthy" ? "good" : s.health === "watch" ? "warn" : "bad"}
          />
          <Stat
            label="Share of profit"
            value={formatBps(pool.account.insuranceBps)}
            sub="of every trade's gain goes to the reserve"
          />
          <Stat label="From trade profit" value={amt(s.totalAllocated)} sub="allocated so far" />
          <Stat label="Funded directly" value={amt(s.totalFunded)} />
          <Stat
            label="Paid out"
            value={amt(s.totalPaid)}
            sub={`${s.claimsPaid} claim${s.claimsPaid === 1n ? "" : "s"} paid`}
          />
          <Stat
            label="Pending claims"
            value={s.pendingClaims.toString()}
            sub={`${amt(s.pendingAmount)} requested`}
            tone={s.pendingClaims > 0n ? "warn" : undefined}
          />
          <Stat
            label="Claims filed"
            value={s.claimsFiled.toString()}
            sub={`${s.claimsDenied} denied · ${s.claimsExpired} expired`}
          />
        </div>
      )}
      <div className="grid main-side">
        <ClaimsList pool={pool} />
        <div className="stack">
          <FileClaimCard
            pool={pool}
            available={
              s ? (s.reserveBalance > s.pendingAmount ? s.reserveBalance - s.pendingAmount : 0n) : null
            }
          />
          <FundCard pool={pool} />
        </div>
      </div>
    </>
  );
}
