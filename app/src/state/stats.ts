/**
 * The seed's statistics (pool, insurance, validators, trades) from chain state, as
 * `crates/client/src/overview.rs` computes them for `poolbot overview`.
 */
import {
  depositMustBeRequested,
  depositsAwaitingSettlement,
  hasVoted,
  InsuranceReserveAccount,
  isUndecided,
  mandatesActive,
  pendingRequestCount,
  PoolAccount,
  ProposalStanding,
  proposalStanding,
  shareValue,
  TradeProposalAccount,
  ValidatorSetAccount,
  validatorsOf,
} from "@poolbot/sdk";
import { big, percentOf } from "../lib/format";

/**
 * What a proposal is, as shown: its stored status, or stale / expired when no longer live (the
 * SDK's `proposalStanding`, with a live approved proposal shown as "approved").
 */
export type ProposalState = Exclude<ProposalStanding, "executable">;

export function proposalState(proposal: TradeProposalAccount, pool: PoolAccount, now: number): ProposalState {
  const standing = proposalStanding(proposal, now, pool.configVersion);
  return standing === "executable" ? "approved" : standing;
}

export function poolStats(pool: PoolAccount, now: number) {
  const one = 10n ** BigInt(pool.decimals);
  const totalAssets = big(pool.totalAssets);
  return {
    capitalContributed: big(pool.totalContributed),
    totalWithdrawn: big(pool.totalWithdrawn),
    activeMembers: pool.activeMembers,
    withdrawnMembers: pool.withdrawnMembers,
    maxMembers: pool.maxMembers,
    totalAssets,
    /** Requested deposits in the vault that are not shares yet. */
    pendingDeposits: big(pool.pendingDeposits),
    /** How many requests wait. */
    pendingRequests: pendingRequestCount(pool),
    /** Whether the oldest request is ready (trades wait until it is settled). */
    settlementDue: depositsAwaitingSettlement(pool, now),
    /** Whether a deposit now must be requested (a trade proposal is live, or a mandate stands). */
    proposalsLive: depositMustBeRequested(pool, now),
    proposalsLiveUntil: pool.proposalsLiveUntil.toNumber(),
    /** Whether an approved mandate may still be used (deposits wait a proposal lifetime). */
    mandatesActive: mandatesActive(pool, now),
    totalShares: big(pool.totalShares),
    totalProfit: big(pool.totalProfit),
    memberProfit: big(pool.totalMemberProfit),
    roiPercent: percentOf(big(pool.totalMemberProfit), big(pool.totalContributed)),
    shareValue: shareValue(pool),
    one,
  };
}

export function insuranceStats(reserve: InsuranceReserveAccount, reserveBalance: bigint, pool: PoolAccount) {
  const pendingAmount = big(reserve.pendingAmount);
  const coverage = percentOf(reserveBalance, big(pool.totalAssets));
  let health: "healthy" | "watch" | "underfunded" | "empty";
  if (reserveBalance === 0n) health = "empty";
  else if (pendingAmount > reserveBalance) health = "underfunded";
  else if ((coverage ?? 100) < 1) health = "watch";
  else health = "healthy";
  return {
    reserveBalance,
    totalAllocated: big(reserve.totalAllocated),
    totalFunded: big(reserve.totalFunded),
    totalPaid: big(reserve.totalPaid),
    claimsFiled: big(reserve.claimsFiled),
    claimsPaid: big(reserve.claimsPaid),
    claimsDenied: big(reserve.claimsDenied),
    claimsExpired: big(reserve.claimsExpired),
    pendingClaims: big(reserve.pendingClaims),
    pendingAmount,
    coveragePercent: coverage,
    health,
  };
}

export function validatorRows(
  set: ValidatorSetAccount,
  proposals: TradeProposalAccount[],
  pool: PoolAccount,
  now: number,
) {
  const open = proposals.filter((t) => proposalStanding(t, now, pool.configVersion) === "pending");
  return validatorsOf(set).map((v) => {
    return {
      key: v.key,
      role: v.roleName,
      slot: v.slot,
      approvals: v.approvals,
      rejections: v.rejections,
      claimVotes: v.claimVotes,
      approvalRatePercent: percentOf(BigInt(v.approvals), BigInt(v.approvals + v.rejections)),
      pendingVotes: open.filter((t) => !hasVoted(t.approvals | t.rejections, v.slot)).length,
      lastActiveSlot: big(v.lastActiveSlot),
      addedAt: v.addedAt.toNumber(),
    };
  });
}

export function tradeStats(pool: PoolAccount, proposals: TradeProposalAccount[], now: number) {
  const standings = proposals.map((t) => ({
    undecided: isUndecided(t),
    standing: proposalStanding(t, now, pool.configVersion),
  }));
  // Undecided on chain but past expiry (Expired) or made under an older configuration (Stale):
  // anyone may mark them Expired, which moves them into `pool.tradesExpired`.
  const lapsed = (standing: ProposalStanding) =>
    standings.filter((t) => t.undecided && t.standing === standing).length;
  const count = (standing: ProposalStanding) => standings.filter((t) => t.standing === standing).length;
  return {
    proposed: big(pool.tradesProposed),
    approved: big(pool.tradesApproved),
    rejected: big(pool.tradesRejected),
    executed: big(pool.tradesExecuted),
    expired: big(pool.tradesExpired) + BigInt(lapsed("expired")),
    stale: BigInt(lapsed("stale")),
    pending: count("pending"),
    awaitingExecution: count("executable"),
    /** Executions under mandates (not proposals: counted apart from `executed`). */
    mandateTrades: big(pool.mandateTrades),
  };
}
