/**
 * What a transaction pays to land on a busy cluster, the rules of `crates/client/src/fees.rs`:
 * a compute-unit limit sized from its simulation plus a margin (a tight limit is cheaper and
 * schedules sooner), and a price per compute unit taken from what recent transactions locking
 * the same writable accounts paid (`getRecentPrioritizationFees`), at a chosen percentile of the
 * slots where anyone paid one (most report 0, which would drag any percentile to nothing), kept
 * between a floor and a ceiling.
 */
import { ComputeBudgetProgram, Connection, PublicKey, TransactionInstruction } from "@solana/web3.js";

/** Most compute units one transaction may use. */
export const MAX_COMPUTE_UNIT_LIMIT = 1_400_000;

/** Lamports per signature, the fee every transaction pays before any priority fee. */
export const LAMPORTS_PER_SIGNATURE = 5_000;

/** How an operator prices its transactions. */
export interface FeePolicy {
  /** Which percentile of the recent non-zero fees to pay, 0 to 100 (50: the median). */
  percentile: number;
  /** Least price paid, in micro-lamports per compute unit. */
  floorMicroLamports: number;
  /**
   * Most price paid, in micro-lamports per compute unit: above it the transaction offers the
   * ceiling and is priced below the market (`belowMarket`).
   */
  ceilingMicroLamports: number;
  /** Compute units added to the simulated consumption, in basis points of it. */
  marginBps: number;
}

/**
 * The 75th percentile of the recent non-zero fees, at least 1 and at most 1,000,000
 * micro-lamports per CU (1 lamport), with a 20% compute margin.
 */
export const DEFAULT_FEE_POLICY: Readonly<FeePolicy> = Object.freeze({
  percentile: 75,
  floorMicroLamports: 1,
  ceilingMicroLamports: 1_000_000,
  marginBps: 2_000,
});

/** The price a policy chose and what the market asked. */
export interface Price {
  /** Micro-lamports per compute unit the transaction offers. */
  microLamports: number;
  /** The policy's percentile of the recent fees, before the floor and the ceiling. */
  marketMicroLamports: number;
}

/** The compute budget a transaction declares: its first two instructions. */
export interface ComputeBudget {
  /** Most compute units it may use. */
  unitLimit: number;
  /** Micro-lamports per compute unit it offers. */
  unitPrice: number;
}

function checkInteger(value: number, name: string, max: number, hint: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError(`feePolicy.${name} is ${value}: ${hint}`);
  }
}

/** Throws a `RangeError` saying which field of `policy` cannot be used, and how to fix it. */
export function checkFeePolicy(policy: FeePolicy): void {
  checkInteger(policy.percentile, "percentile", 100, "write a percentile from 0 to 100 (50 = the median)");
  const microLamports = "write a whole number of micro-lamports per compute unit";
  checkInteger(policy.floorMicroLamports, "floorMicroLamports", Number.MAX_SAFE_INTEGER, microLamports);
  checkInteger(policy.ceilingMicroLamports, "ceilingMicroLamports", Number.MAX_SAFE_INTEGER, microLamports);
  checkInteger(policy.marginBps, "marginBps", 0xffff, "write basis points from 0 to 65535 (2000 = 20%)");
  if (policy.floorMicroLamports > policy.ceilingMicroLamports) {
    throw new RangeError(
      `feePolicy.floorMicroLamports (${policy.floorMicroLamports}) is above ` +
        `feePolicy.ceilingMicroLamports (${policy.ceilingMicroLamports}): lower the floor or raise the ceiling`,
    );
  }
}

/** The `pct`-th percentile of `values` by nearest rank (`ceil(n × pct / 100)`), 0 for none. */
export function percentile(values: readonly number[], pct: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length * Math.min(pct, 100)) / 100);
  return sorted[Math.max(rank - 1, 0)];
}

/**
 * The price `policy` offers given the fees `recent` slots report (any order; zeros, slots where
 * nobody paid, are left out; none paid: the floor).
 */
export function priceFor(policy: FeePolicy, recent: readonly number[]): Price {
  const market = percentile(
    recent.filter((fee) => fee > 0),
    policy.percentile,
  );
  const microLamports = Math.min(Math.max(market, policy.floorMicroLamports), policy.ceilingMicroLamports);
  return { microLamports, marketMicroLamports: market };
}

/** Whether the ceiling held `price` below what the market asked. */
export function belowMarket(price: Price): boolean {
  return price.microLamports < price.marketMicroLamports;
}

/**
 * The compute-unit limit for a transaction whose simulation consumed `simulated` units: the
 * consumption plus `policy`'s margin (rounded up), at most the cluster's maximum.
 */
export function computeUnitLimit(policy: FeePolicy, simulated: number): number {
  const units = BigInt(simulated);
  const margin = (units * BigInt(policy.marginBps) + 9_999n) / 10_000n;
  const limit = units + margin;
  return limit > BigInt(MAX_COMPUTE_UNIT_LIMIT) ? MAX_COMPUTE_UNIT_LIMIT : Number(limit);
}

/**
 * The price `policy` offers for a transaction locking `writableKeys`, from the cluster's
 * `getRecentPrioritizationFees` over those accounts (the fees of recent slots that locked them).
 */
export async function priorityPrice(
  connection: Connection,
  writableKeys: PublicKey[],
  policy: FeePolicy = DEFAULT_FEE_POLICY,
): Promise<Price> {
  checkFeePolicy(policy);
  const recent = await connection.getRecentPrioritizationFees({ lockedWritableAccounts: writableKeys });
  return priceFor(
    policy,
    recent.map((fee) => fee.prioritizationFee),
  );
}

/** `SetComputeUnitLimit` and `SetComputeUnitPrice`, to put before a transaction's own instructions. */
export function computeBudgetInstructions(unitLimit: number, unitPrice: number): TransactionInstruction[] {
  return [
    ComputeBudgetProgram.setComputeUnitLimit({ units: unitLimit }),
    ComputeBudgetProgram.setComputeUnitPrice({ microLamports: unitPrice }),
  ];
}

/** Whether `instruction` sets a compute budget. */
export function isComputeBudget(instruction: TransactionInstruction): boolean {
  return instruction.programId.equals(ComputeBudgetProgram.programId);
}

/**
 * The priority fee in lamports: the price times the limit (the runtime charges for the
 * requested limit, not the units used), rounded up.
 */
export function priorityFee(budget: ComputeBudget): bigint {
  return (BigInt(budget.unitLimit) * BigInt(budget.unitPrice) + 999_999n) / 1_000_000n;
}

/** The whole fee of a transaction with `signatures` signatures under `budget`, in lamports. */
export function transactionFee(budget: ComputeBudget, signatures: number): bigint {
  return BigInt(LAMPORTS_PER_SIGNATURE * signatures) + priorityFee(budget);
}
