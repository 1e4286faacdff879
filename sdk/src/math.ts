/**
 * Share and profit math, the same integer arithmetic as `programs/pool_bot/src/math.rs`
 * (rounding always favours the pool), and the pool's deposit-queue and claim rules
 * (`state/pool.rs`, `state/member_position.rs`), for previews and displays. Amounts are bigint
 * base units; times are unix seconds.
 *
 * Profit reaches the share price at once when a trade executes. A deposit made while a trade
 * proposal is live (`now < pool.proposalsLiveUntil`) would share in that trade's profit, so the
 * program refuses it (`ProposalsLive`): the money must be requested instead (`request_deposit`),
 * and becomes shares at the price of the moment it is settled, once every proposal live when it
 * was made has ended. While an approved mandate stands (`now < pool.mandatesActiveUntil`) a trade
 * may execute at any moment, so deposits are requested too, and wait at least a proposal
 * lifetime.
 */
import type { MemberPositionAccount, PoolAccount } from "./accounts";

/** Shares that exist before anyone deposits (never redeemable). */
export const VIRTUAL_SHARES = 1_000n;
/** Assets that exist before anyone deposits (1 share = 1 unit at start). */
export const VIRTUAL_ASSETS = 1_000n;
/** Basis points in one whole. */
export const BPS_DENOMINATOR = 10_000n;
/** `i64::MAX`: the pool's `depositQueueReadyAt` while no request waits. */
export const I64_MAX = (1n << 63n) - 1n;

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const big = (v: { toString(): string }) => BigInt(v.toString());

/** Shares minted for depositing `amount` (rounded down). */
export function sharesForDeposit(amount: bigint, totalShares: bigint, totalAssets: bigint): bigint {
  return (amount * (totalShares + VIRTUAL_SHARES)) / (totalAssets + VIRTUAL_ASSETS);
}

/** Assets paid for burning `shares` (rounded down). */
export function assetsForShares(shares: bigint, totalShares: bigint, totalAssets: bigint): bigint {
  return (shares * (totalAssets + VIRTUAL_ASSETS)) / (totalShares + VIRTUAL_SHARES);
}

/** Shares burned to pay out exactly `amount` (rounded up). */
export function sharesToBurnForAssets(amount: bigint, totalShares: bigint, totalAssets: bigint): bigint {
  return ceilDiv(amount * (totalShares + VIRTUAL_SHARES), totalAssets + VIRTUAL_ASSETS);
}

/** A trade's gain split into the insurance reserve's part (rounded down) and the members'. */
export function splitProfit(gain: bigint, insuranceBps: number): { insurance: bigint; members: bigint } {
  const insurance = (gain * BigInt(insuranceBps)) / BPS_DENOMINATOR;
  return { insurance, members: gain - insurance };
}

/**
 * Shares depositing `amount` mints in `pool` at today's share price. For a requested deposit
 * this is only an estimate: it is priced when it is settled.
 */
export function depositPreview(pool: PoolAccount, amount: bigint): bigint {
  return sharesForDeposit(amount, big(pool.totalShares), big(pool.totalAssets));
}

/** What withdrawing `shares` pays in `pool` (rounded down). */
export function withdrawalPreview(pool: PoolAccount, shares: bigint): bigint {
  return assetsForShares(shares, big(pool.totalShares), big(pool.totalAssets));
}

/** Shares a withdrawal of exactly `amount` burns in `pool` (rounded up). */
export function sharesForWithdrawal(pool: PoolAccount, amount: bigint): bigint {
  return sharesToBurnForAssets(amount, big(pool.totalShares), big(pool.totalAssets));
}

/** The value of one whole token's worth of shares (`10^decimals` shares), in base units. */
export function shareValue(pool: PoolAccount): bigint {
  return withdrawalPreview(pool, 10n ** BigInt(pool.decimals));
}

/** What `position`'s shares would pay if withdrawn now (its pending deposit not included). */
export function memberValue(pool: PoolAccount, position: MemberPositionAccount): bigint {
  return withdrawalPreview(pool, big(position.shares));
}

/**
 * Whether an approved mandate may still be used at `now` (`Pool::mandates_active`): a keeper
 * may then trade at any moment, so deposits queue.
 */
export function mandatesActive(pool: Pick<PoolAccount, "mandatesActiveUntil">, now: number): boolean {
  return BigInt(now) < big(pool.mandatesActiveUntil);
}

/**
 * Whether a deposit at unix time `now` must be requested (`request_deposit`) rather than made
 * at once (`deposit` refuses with `ProposalsLive`): a trade proposal made earlier, or a trade
 * under a standing mandate, may still execute (`Pool::proposals_live`).
 */
export function depositMustBeRequested(pool: PoolAccount, now: number): boolean {
  return BigInt(now) < big(pool.proposalsLiveUntil) || mandatesActive(pool, now);
}

/**
 * When a deposit requested at `now` can be settled into shares (`Pool::record_deposit_requested`):
 * once every proposal live now has ended (at once when none is), and no sooner than a proposal
 * lifetime away while a mandate stands (a keeper cannot know an opportunity that far ahead).
 */
export function depositReadyAt(pool: PoolAccount, now: number): number {
  const readyAt = Math.max(now, Number(big(pool.proposalsLiveUntil)));
  return mandatesActive(pool, now) ? Math.max(readyAt, now + Number(big(pool.proposalTtl))) : readyAt;
}

/** Deposit requests waiting to be settled (the pool's queue length). */
export function pendingRequestCount(pool: PoolAccount): number {
  return Number(big(pool.nextDepositId) - big(pool.depositQueueHead));
}

/**
 * Whether the oldest deposit request is ready at `now`: then it must be settled before any
 * trade can execute (`execute_and_distribute` refuses with `DepositsAwaitingSettlement`).
 */
export function depositsAwaitingSettlement(pool: PoolAccount, now: number): boolean {
  const readyAt = big(pool.depositQueueReadyAt);
  return readyAt !== I64_MAX && BigInt(now) >= readyAt;
}

/**
 * Whether burning `burned` of the `held` shares would leave a remainder worth less than the
 * pool's minimum contribution (the program refuses with `WithdrawalLeavesDust`): withdraw
 * everything, or leave at least the minimum.
 */
export function withdrawalLeavesDust(pool: PoolAccount, held: bigint, burned: bigint): boolean {
  if (burned >= held) return false;
  return withdrawalPreview(pool, held - burned) < big(pool.minContribution);
}

/**
 * The most a new claim of `position` may ask (`ClaimExceedsStake` above it): capital put in,
 * less what was withdrawn and claims already paid.
 */
export function claimableStake(position: MemberPositionAccount): bigint {
  const rest = big(position.capitalContributed) - big(position.totalWithdrawn) - big(position.claimsPaid);
  return rest > 0n ? rest : 0n;
}

/**
 * `value` less `bps` basis points, rounded down: the least a member accepts (shares from a
 * deposit, tokens from a withdrawal) when the share value may move by up to `bps` before the
 * transaction lands. `bps` is a whole number from 0 to 10,000.
 */
export function withSlippage(value: bigint, bps: number): bigint {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) {
    throw new RangeError(`slippage must be 0 to 10000 basis points, not ${bps}`);
  }
  return (value * BigInt(10_000 - bps)) / 10_000n;
}
