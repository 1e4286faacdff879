/**
 * Share and profit math, the same integer arithmetic as `programs/pool_bot/src/math.rs`
 * (rounding always favours the pool), for previews and displays. Amounts are bigint base units.
 */
import type { MemberPositionAccount, PoolAccount } from "./accounts";

/** Shares that exist before anyone deposits (never redeemable). */
export const VIRTUAL_SHARES = 1_000n;
/** Assets that exist before anyone deposits (1 share = 1 unit at start). */
export const VIRTUAL_ASSETS = 1_000n;
/** Basis points in one whole. */
export const BPS_DENOMINATOR = 10_000n;

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** Shares minted for depositing `amount` (rounded down). */
export function sharesForDeposit(amount: bigint, totalShares: bigint, pricedAssets: bigint): bigint {
  return (amount * (totalShares + VIRTUAL_SHARES)) / (pricedAssets + VIRTUAL_ASSETS);
}

/** Assets paid for burning `shares` (rounded down). */
export function assetsForShares(shares: bigint, totalShares: bigint, pricedAssets: bigint): bigint {
  return (shares * (pricedAssets + VIRTUAL_ASSETS)) / (totalShares + VIRTUAL_SHARES);
}

/** Shares burned to pay out exactly `amount` (rounded up). */
export function sharesToBurnForAssets(amount: bigint, totalShares: bigint, pricedAssets: bigint): bigint {
  return ceilDiv(amount * (totalShares + VIRTUAL_SHARES), pricedAssets + VIRTUAL_ASSETS);
}

/** A trade's gain split into the insurance reserve's part (rounded down) and the members'. */
export function splitProfit(gain: bigint, insuranceBps: number): { insurance: bigint; members: bigint } {
  const insurance = (gain * BigInt(insuranceBps)) / BPS_DENOMINATOR;
  return { insurance, members: gain - insurance };
}

/**
 * The pool's assets that back the share price at unix time `now`: `totalAssets` minus the
 * members' profit still unlocking. `forWithdrawal` rounds the locked part up (withdrawals),
 * otherwise down (deposits).
 */
export function pricedAssets(pool: PoolAccount, now: number, forWithdrawal: boolean): bigint {
  const locked = BigInt(pool.lockedProfit.toString());
  const period = BigInt(pool.profitUnlockPeriod.toString());
  const elapsed = BigInt(now) - BigInt(pool.lastProfitAt.toString());
  const total = BigInt(pool.totalAssets.toString());
  if (locked === 0n || period <= 0n || elapsed >= period) return total;
  const rest = locked * (period - (elapsed > 0n ? elapsed : 0n));
  return total - (forWithdrawal ? ceilDiv(rest, period) : rest / period);
}

/** What `position`'s shares would pay if withdrawn at unix time `now`. */
export function memberValue(pool: PoolAccount, position: MemberPositionAccount, now: number): bigint {
  return assetsForShares(
    BigInt(position.shares.toString()),
    BigInt(pool.totalShares.toString()),
    pricedAssets(pool, now, true),
  );
}
