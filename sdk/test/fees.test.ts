/**
 * The fee policy against `crates/client/src/fees.rs`: the same cases give the same price,
 * limit, instructions and fee.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ComputeBudgetInstruction, ComputeBudgetProgram } from "@solana/web3.js";
import {
  belowMarket,
  checkFeePolicy,
  computeBudgetInstructions,
  computeUnitLimit,
  DEFAULT_FEE_POLICY,
  isComputeBudget,
  MAX_COMPUTE_UNIT_LIMIT,
  percentile,
  priceFor,
  priorityFee,
  transactionFee,
} from "../src/fees";

describe("fee policy", () => {
  it("the price is the nearest-rank percentile within the floor and the ceiling", () => {
    const policy = { percentile: 75, floorMicroLamports: 10, ceilingMicroLamports: 1_000, marginBps: 1_000 };
    // the zeros (slots where nobody paid) left out: 5 50 100 400 2000 3000; rank ceil(6 × 0.75) = 5
    const busy = [0, 5, 50, 100, 400, 2_000, 3_000, 0, 0, 0];
    assert.deepEqual(priceFor(policy, busy), { microLamports: 1_000, marketMicroLamports: 2_000 });
    const recent = [0, 5, 50, 100, 400];
    // 5 50 100 400; rank ceil(4 × 0.75) = 3 -> 100
    assert.deepEqual(priceFor(policy, recent), { microLamports: 100, marketMicroLamports: 100 });
    assert.equal(belowMarket(priceFor(policy, recent)), false);
    assert.equal(priceFor(policy, [0, 0]).microLamports, 10, "nobody paid: the floor");
    assert.deepEqual(
      priceFor(policy, []),
      { microLamports: 10, marketMicroLamports: 0 },
      "no data: the floor",
    );
    assert.equal(priceFor(policy, [1, 2]).microLamports, 10, "below the floor: the floor");
    const dear = priceFor(policy, [5_000, 6_000]);
    assert.deepEqual(dear, { microLamports: 1_000, marketMicroLamports: 6_000 }, "held at the ceiling");
    assert.equal(belowMarket(dear), true);
  });

  it("percentiles at the edges: 0 is the least, 100 the most, 50 the lower median", () => {
    const values = [30, 10, 20, 40];
    assert.equal(percentile(values, 0), 10);
    assert.equal(percentile(values, 100), 40);
    assert.equal(percentile(values, 50), 20, "rank ceil(4 × 0.5) = 2");
    assert.equal(percentile(values, 51), 30, "rank ceil(4 × 0.51) = 3");
    assert.equal(percentile([], 50), 0);
    assert.deepEqual(values, [30, 10, 20, 40], "the input is not sorted in place");
  });

  it("the limit is the simulation plus the margin, rounded up, at most the cluster's maximum", () => {
    const policy = { ...DEFAULT_FEE_POLICY, marginBps: 2_000 };
    assert.equal(computeUnitLimit(policy, 10_000), 12_000);
    assert.equal(computeUnitLimit(policy, 10_001), 12_002, "rounded up");
    assert.equal(computeUnitLimit(policy, 5_000_000), MAX_COMPUTE_UNIT_LIMIT, "never above the maximum");
    assert.equal(computeUnitLimit({ ...policy, marginBps: 0 }, 10_001), 10_001);
  });

  it("the budget instructions and the fee", () => {
    const [limit, price] = computeBudgetInstructions(200_000, 1_500);
    assert.deepEqual([...limit.data], [2, 0x40, 0x0d, 0x03, 0x00]);
    assert.equal(price.data[0], 3);
    assert.equal(Buffer.from(price.data).readBigUInt64LE(1), 1_500n);
    assert.ok(limit.programId.equals(ComputeBudgetProgram.programId));
    assert.equal(ComputeBudgetInstruction.decodeSetComputeUnitLimit(limit).units, 200_000);
    assert.ok(isComputeBudget(limit) && isComputeBudget(price));
    // 200,000 CU × 1,500 micro-lamports = 300 lamports
    assert.equal(priorityFee({ unitLimit: 200_000, unitPrice: 1_500 }), 300n);
    assert.equal(priorityFee({ unitLimit: 200_001, unitPrice: 1_500 }), 301n, "rounded up");
    assert.equal(transactionFee({ unitLimit: 200_000, unitPrice: 1_500 }, 1), 5_300n);
    assert.equal(transactionFee({ unitLimit: 200_000, unitPrice: 0 }, 2), 10_000n);
  });

  it("a policy that cannot be used is refused with the fix", () => {
    assert.doesNotThrow(() => checkFeePolicy(DEFAULT_FEE_POLICY));
    assert.throws(
      () => checkFeePolicy({ ...DEFAULT_FEE_POLICY, floorMicroLamports: 10, ceilingMicroLamports: 5 }),
      {
        name: "RangeError",
        message:
          "feePolicy.floorMicroLamports (10) is above feePolicy.ceilingMicroLamports (5): lower the floor or raise the ceiling",
      },
    );
    assert.throws(() => checkFeePolicy({ ...DEFAULT_FEE_POLICY, percentile: 101 }), {
      message: "feePolicy.percentile is 101: write a percentile from 0 to 100 (50 = the median)",
    });
    assert.throws(
      () => checkFeePolicy({ ...DEFAULT_FEE_POLICY, percentile: 2.5 }),
      /feePolicy.percentile is 2.5/,
    );
    assert.throws(
      () => checkFeePolicy({ ...DEFAULT_FEE_POLICY, floorMicroLamports: -1 }),
      /floorMicroLamports is -1/,
    );
    assert.throws(() => checkFeePolicy({ ...DEFAULT_FEE_POLICY, marginBps: 70_000 }), /marginBps is 70000/);
  });
});
