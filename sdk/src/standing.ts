/**
 * The program's rules about its own state, answered once for off-chain code: where a trade
 * proposal, a claim or a mandate stands, whether a slot has voted, a mandate's budget, and the
 * raw flag bytes of the zero-copy accounts as named booleans. Mirrors
 * `programs/pool_bot/src/state/` (`trade_proposal.rs`: `require_live`, `is_stale`,
 * `is_finished`; `claim.rs`: `require_open`, `expire`, `vote`; `mandate.rs`: `standing`,
 * `spend`, `required_profit`), so the app never writes `status <= 1` or `paused === 1` itself.
 */
import type BN from "bn.js";
import {
  claimStatus,
  ClaimStatusName,
  MandateAccount,
  mandateStatus,
  MemberPositionAccount,
  PoolAccount,
  ProductAccount,
  proposalStatus,
  RoleName,
  ROLES,
  TradeProposalAccount,
  ClaimAccount,
} from "./accounts";

/** A `u64` as accounts decode it (`BN`), or a plain number or bigint. */
export type U64Like = BN | bigint | number;

function u64(value: U64Like): bigint {
  return typeof value === "bigint" ? value : BigInt(value.toString());
}

function unix(value: U64Like): number {
  return typeof value === "number" ? value : Number(value.toString());
}

// ---------------------------------------------------------------------------------------------
// Votes

/** Whether validator `slot` has its bit set in a vote bitmap. */
export function hasVoted(bitmap: number, slot: number): boolean {
  return slot >= 0 && slot < 32 && ((bitmap >>> slot) & 1) === 1;
}

/** Number of votes (set bits) in a vote bitmap. */
export function voteCount(bitmap: number): number {
  let n = 0;
  for (let b = bitmap >>> 0; b; b >>>= 1) n += b & 1;
  return n;
}

/** How `slot` voted given both bitmaps, or `null` if it has not. */
export function voteOf(
  votes: { approvals: number; rejections: number },
  slot: number,
): "approve" | "reject" | null {
  if (hasVoted(votes.approvals, slot)) return "approve";
  if (hasVoted(votes.rejections, slot)) return "reject";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Trade proposals

/**
 * Where a proposal stands (`TradeProposal::standing`):
 * - `pending`: open for votes (stored Pending, live);
 * - `executable`: approved and live, so a keeper or validator may execute it;
 * - `stale`: stored Pending or Approved but made under an older `config_version` (validators,
 *   quorum or terms changed; anyone may `expire_proposal`), or stored Expired by an
 *   `expire_proposal` before its lifetime ran out (it had gone stale);
 * - `expired`: stored Pending or Approved and past `expires_at`, or stored Expired after it;
 * - `rejected`, `executed`: finished.
 *
 * Staleness is checked before expiry, as the program's `standing` does. `approved` is never
 * returned (an approved proposal is executable, stale or expired); it is part of the type so
 * a stored status fits it.
 */
export type ProposalStanding =
  "pending" | "approved" | "executable" | "expired" | "stale" | "rejected" | "executed";

/** Whether the proposal was made under the pool's current `config_version`. */
export function isCurrent(
  proposal: Pick<TradeProposalAccount, "configVersion">,
  configVersion: U64Like,
): boolean {
  return u64(proposal.configVersion) === u64(configVersion);
}

/**
 * Whether the proposal may still be voted on or executed as far as time and configuration go
 * (`TradeProposal::require_live`): `now < expires_at` and made under `configVersion`.
 */
export function isLive(
  proposal: Pick<TradeProposalAccount, "expiresAt" | "configVersion">,
  now: number,
  configVersion: U64Like,
): boolean {
  return now < unix(proposal.expiresAt) && isCurrent(proposal, configVersion);
}

/** Whether its stored status is Pending or Approved (it can still move). */
export function isUndecided(proposal: Pick<TradeProposalAccount, "status">): boolean {
  const status = proposalStatus(proposal);
  return status === "pending" || status === "approved";
}

/** Whether it can never run again, so its rent may be returned (`is_finished`). */
export function isFinished(proposal: Pick<TradeProposalAccount, "status">): boolean {
  return !isUndecided(proposal);
}

/** Where `proposal` stands at unix time `now` in a pool at `configVersion`. */
export function proposalStanding(
  proposal: Pick<TradeProposalAccount, "status" | "expiresAt" | "configVersion" | "decidedAt">,
  now: number,
  configVersion: U64Like,
): ProposalStanding {
  const status = proposalStatus(proposal);
  if (status === "expired") {
    return unix(proposal.decidedAt) < unix(proposal.expiresAt) ? "stale" : "expired";
  }
  if (status !== "pending" && status !== "approved") return status;
  if (!isCurrent(proposal, configVersion)) return "stale";
  if (now >= unix(proposal.expiresAt)) return "expired";
  return status === "approved" ? "executable" : "pending";
}

/** Whether `expire_proposal` would succeed now: undecided and expired or stale. */
export function canExpireProposal(
  proposal: Pick<TradeProposalAccount, "status" | "expiresAt" | "configVersion">,
  now: number,
  configVersion: U64Like,
): boolean {
  return isUndecided(proposal) && !isLive(proposal, now, configVersion);
}

/** Whether validator `slot` may still vote on it: pending, live, and not voted yet. */
export function canVoteOnProposal(
  proposal: Pick<
    TradeProposalAccount,
    "status" | "expiresAt" | "configVersion" | "decidedAt" | "approvals" | "rejections"
  >,
  slot: number,
  now: number,
  configVersion: U64Like,
): boolean {
  return proposalStanding(proposal, now, configVersion) === "pending" && voteOf(proposal, slot) === null;
}

// ---------------------------------------------------------------------------------------------
// Claims

/**
 * Where a claim stands: `pending` (open for votes), `expired` (stored Expired, or still stored
 * Pending past `expires_at`, when anyone may `expire_claim`), `paid`, `denied`.
 */
export type ClaimStanding = ClaimStatusName;

/** Whether the claim is still open for votes at `now` (`Claim::require_open`). */
export function isClaimOpen(claim: Pick<ClaimAccount, "status" | "expiresAt">, now: number): boolean {
  return claimStatus(claim) === "pending" && now < unix(claim.expiresAt);
}

/** Where `claim` stands at unix time `now`. */
export function claimStanding(claim: Pick<ClaimAccount, "status" | "expiresAt">, now: number): ClaimStanding {
  const status = claimStatus(claim);
  if (status === "pending" && now >= unix(claim.expiresAt)) return "expired";
  return status;
}

/** Whether `expire_claim` would succeed now: stored Pending and past its expiry (`Claim::expire`). */
export function canExpireClaim(claim: Pick<ClaimAccount, "status" | "expiresAt">, now: number): boolean {
  return claimStatus(claim) === "pending" && now >= unix(claim.expiresAt);
}

/**
 * The claim votes that still count in a pool at `configVersion`: votes cast under an older
 * validator set are discarded at the next vote (`Claim::vote`), so they count as none.
 */
export function claimVotes(
  claim: Pick<ClaimAccount, "approvals" | "rejections" | "configVersion">,
  configVersion: U64Like,
): { approvals: number; rejections: number; current: boolean } {
  const current = u64(claim.configVersion) === u64(configVersion);
  return current
    ? { approvals: claim.approvals, rejections: claim.rejections, current }
    : { approvals: 0, rejections: 0, current };
}

// ---------------------------------------------------------------------------------------------
// Mandates

/**
 * Where a mandate stands (`MandateStanding`, from `Mandate::standing`):
 * - `pending`: open for votes;
 * - `waiting`: approved, waiting out the pool's time lock before its first use (`activeFrom`);
 * - `active`: usable now;
 * - `rejected`: its quorum became unreachable;
 * - `revoked`: a LEAD or ADMIN revoked it;
 * - `expired`: its vote window (pending) or its lifetime (approved) ran out;
 * - `stale`: the validators, quorum or terms changed since it was proposed.
 *
 * Rejected and revoked come first, then staleness, then the clock, as the program checks them.
 */
export type MandateStanding = "pending" | "waiting" | "active" | "rejected" | "revoked" | "expired" | "stale";

/** What `mandateStanding` reads. */
export type MandateTimes = Pick<
  MandateAccount,
  "status" | "configVersion" | "voteExpiresAt" | "activeFrom" | "expiresAt"
>;

/** Where `mandate` stands at unix time `now` in a pool at `configVersion` (`Mandate::standing`). */
export function mandateStanding(mandate: MandateTimes, now: number, configVersion: U64Like): MandateStanding {
  const status = mandateStatus(mandate);
  if (status === "rejected" || status === "revoked") return status;
  if (u64(mandate.configVersion) !== u64(configVersion)) return "stale";
  if (status === "pending") return now >= unix(mandate.voteExpiresAt) ? "expired" : "pending";
  if (now >= unix(mandate.expiresAt)) return "expired";
  return now < unix(mandate.activeFrom) ? "waiting" : "active";
}

/** Whether a mandate standing so can never be used again, so its rent may be returned (`is_finished`). */
export function isMandateFinished(standing: MandateStanding): boolean {
  return standing !== "pending" && standing !== "waiting" && standing !== "active";
}

/** Whether `close_mandate` would succeed now. */
export function canCloseMandate(mandate: MandateTimes, now: number, configVersion: U64Like): boolean {
  return isMandateFinished(mandateStanding(mandate, now, configVersion));
}

/** Whether `revoke_mandate` would accept it: stored Pending or Approved (`Mandate::revoke`). */
export function canRevokeMandate(mandate: Pick<MandateAccount, "status">): boolean {
  const status = mandateStatus(mandate);
  return status === "pending" || status === "approved";
}

/** Whether validator `slot` may still vote on it: pending, in its vote window, current, not voted yet. */
export function canVoteOnMandate(
  mandate: MandateTimes & Pick<MandateAccount, "approvals" | "rejections">,
  slot: number,
  now: number,
  configVersion: U64Like,
): boolean {
  return mandateStanding(mandate, now, configVersion) === "pending" && voteOf(mandate, slot) === null;
}

/** A mandate's budget in the period that holds `now`. */
export interface MandateBudget {
  /** Unix time the period began (periods are aligned to `activeFrom`). */
  periodStart: number;
  /** Unix time the next period begins. */
  periodEnd: number;
  /** Executions so far in it. */
  trades: number;
  /** `amount_in` used so far in it. */
  notional: bigint;
  /** Executions still allowed in it. */
  tradesLeft: number;
  /** `amount_in` still allowed in it. */
  notionalLeft: bigint;
}

/**
 * The budget of the period that holds `now`: a period that ended starts afresh, as
 * `Mandate::spend` rolls it over (aligned to the first period, skipping unused ones).
 */
export function mandateBudget(
  mandate: Pick<
    MandateAccount,
    | "period"
    | "periodStart"
    | "tradesInPeriod"
    | "notionalInPeriod"
    | "maxTradesPerPeriod"
    | "maxNotionalPerPeriod"
  >,
  now: number,
): MandateBudget {
  const period = unix(mandate.period);
  let periodStart = unix(mandate.periodStart);
  let trades = mandate.tradesInPeriod;
  let notional = u64(mandate.notionalInPeriod);
  const elapsed = now - periodStart;
  if (period > 0 && elapsed >= period) {
    periodStart = now - (elapsed % period);
    trades = 0;
    notional = 0n;
  }
  const maxNotional = u64(mandate.maxNotionalPerPeriod);
  return {
    periodStart,
    periodEnd: periodStart + period,
    trades,
    notional,
    tradesLeft: Math.max(mandate.maxTradesPerPeriod - trades, 0),
    notionalLeft: notional < maxNotional ? maxNotional - notional : 0n,
  };
}

/**
 * Least gain an execution of `amountIn` must make under `mandate` (`Mandate::required_profit`):
 * the larger of its absolute minimum and its basis points of `amountIn` (rounded up), never
 * below the product's minimum profit `floor`, and at least 1.
 */
export function mandateRequiredProfit(
  mandate: Pick<MandateAccount, "minProfit" | "minProfitBps">,
  amountIn: U64Like,
  floor: U64Like = 0n,
): bigint {
  const relative = (u64(amountIn) * BigInt(mandate.minProfitBps) + 9_999n) / 10_000n;
  return [u64(mandate.minProfit), relative, u64(floor), 1n].reduce((a, b) => (a > b ? a : b));
}

// ---------------------------------------------------------------------------------------------
// Flags stored as bytes

/** Whether the pool is paused (deposits, proposals and executions blocked; withdrawals never). */
export function isPaused(pool: Pick<PoolAccount, "paused">): boolean {
  return pool.paused !== 0;
}

/** Whether trade approval needs one LEAD or ADMIN approval. */
export function tradeRequiresLead(pool: Pick<PoolAccount, "requireLeadApproval">): boolean {
  return pool.requireLeadApproval !== 0;
}

/** Whether claim approval needs one LEAD or ADMIN approval. */
export function claimRequiresLead(pool: Pick<PoolAccount, "claimRequireLead">): boolean {
  return pool.claimRequireLead !== 0;
}

/** Whether the product takes new trades. */
export function isEnabled(product: Pick<ProductAccount, "enabled">): boolean {
  return product.enabled !== 0;
}

/** Whether the member has a claim open (one at a time). */
export function hasOpenClaim(position: Pick<MemberPositionAccount, "openClaim">): boolean {
  return position.openClaim !== 0;
}

/** Whether the member is active (holds or may hold shares) rather than withdrawn. */
export function isActiveMember(position: Pick<MemberPositionAccount, "status">): boolean {
  return Object.keys(position.status)[0] === "active";
}

// ---------------------------------------------------------------------------------------------
// Roles

/** Whether `role` ranks at least `min` (JUNIOR < SENIOR < LEAD < ADMIN). */
export function roleAtLeast(role: RoleName, min: RoleName): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

/** Whether a validator of `role` may vote on claims (SENIOR, LEAD, ADMIN). */
export function canVoteOnClaims(role: RoleName): boolean {
  return roleAtLeast(role, "senior");
}

/** Whether a validator of `role` satisfies a lead requirement (LEAD, ADMIN). */
export function isLeadRole(role: RoleName): boolean {
  return roleAtLeast(role, "lead");
}
