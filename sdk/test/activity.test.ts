/**
 * The activity reader: events in words, a member's history, the chart series. Amounts are
 * written by a test format shaped like the app's (two decimals, grouped, the symbol).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PublicKey } from "@solana/web3.js";
import BN from "bn.js";
import {
  ActivityFormat,
  ActivityItem,
  categoryOf,
  Change,
  chartSeries,
  describeEvent,
  idMaps,
  memberHistory,
  participantsOf,
  PoolBotEvent,
} from "../src";

/** Two decimals of a 6-decimal token, grouped: `1000500000n` → `1,000.50`. */
function twoDecimals(base: bigint, signed = false): string {
  const abs = base < 0n ? -base : base;
  const whole = (abs / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").slice(0, 2);
  const sign = base < 0n ? "−" : signed && abs > 0n ? "+" : "";
  return `${sign}${whole}.${fraction}`;
}

const format: ActivityFormat = {
  amount: (base, signed) => `${twoDecimals(base, signed)} USDC`,
  shares: (base) => `${twoDecimals(base)} shares`,
  exact: (base) => `${Number(base) / 1e6} USDC`,
  bps: (bps) => `${bps / 100}%`,
  seconds: (seconds) => `${seconds} seconds`,
  dateTime: (unix) => new Date(unix * 1000).toISOString(),
  address: (key) => `${key.toBase58().slice(0, 4)}…${key.toBase58().slice(-4)}`,
};

const key = (n: number) => new PublicKey(Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? n : 7)));
const pool = key(1);
const alice = key(2);
const lead = key(3);
const proposal = key(4);

function item(event: PoolBotEvent, slot: number, time: number, index = 0): ActivityItem {
  return { key: `${slot}:${index}`, signature: `sig${slot}`, slot, blockTime: time, index, event };
}

const created = item(
  {
    name: "poolInitialized",
    data: {
      pool,
      unixTimestamp: new BN(0),
      creator: alice,
      assetMint: key(9),
      name: "Arbitrage Trading Pool",
    },
  },
  1,
  1000,
);
const deposit = item(
  {
    name: "deposited",
    data: {
      pool,
      unixTimestamp: new BN(0),
      member: alice,
      amount: new BN(1_000_000_000),
      shares: new BN(1_000_000_000),
      totalShares: new BN(1_000_000_000),
      totalAssets: new BN(1_000_000_000),
    },
  },
  2,
  1010,
);
const proposed = item(
  {
    name: "tradeProposed",
    data: {
      pool,
      unixTimestamp: new BN(0),
      proposal,
      id: new BN(7),
      proposer: key(5),
      product: key(6),
      routeHash: new Array(32).fill(0),
      legCount: 2,
      amountIn: new BN(500_000_000),
      expectedProfit: new BN(29_400_000),
      minProfit: new BN(14_700_000),
      expiresAt: new BN(5000),
    },
  },
  3,
  1020,
);
const voted = item(
  {
    name: "tradeVoted",
    data: {
      pool,
      unixTimestamp: new BN(0),
      proposal,
      validator: lead,
      approve: false,
      reason: "Too thin",
      approvals: 0,
      rejections: 1,
      status: { pending: {} },
    },
  },
  4,
  1030,
);
const executed = item(
  {
    name: "tradeExecuted",
    data: {
      pool,
      unixTimestamp: new BN(0),
      proposal,
      executor: key(5),
      gain: new BN(20_000_000),
      insurance: new BN(1_000_000),
      memberProfit: new BN(19_000_000),
      totalShares: new BN(1_000_000_000),
      totalAssets: new BN(1_019_000_000),
    },
  },
  5,
  1040,
);
const requested = item(
  {
    name: "depositRequested",
    data: {
      pool,
      unixTimestamp: new BN(0),
      request: key(20),
      id: new BN(3),
      member: alice,
      amount: new BN(509_500_000),
      readyAt: new BN(5000),
      pendingDeposits: new BN(509_500_000),
    },
  },
  5,
  1035,
  1,
);
const settled = item(
  {
    name: "depositSettled",
    data: {
      pool,
      unixTimestamp: new BN(0),
      request: key(20),
      id: new BN(3),
      member: alice,
      amount: new BN(509_500_000),
      shares: new BN(500_000_000),
      totalShares: new BN(1_500_000_000),
      totalAssets: new BN(1_528_500_000),
      pendingDeposits: new BN(0),
    },
  },
  6,
  5001,
);
const ctx = {
  format,
  roles: new Map([[lead.toBase58(), "lead"]]),
  ...idMaps([proposed]),
};

describe("the audit trail in words", () => {
  it("describes events with amounts, roles and proposal ids", () => {
    assert.deepEqual(describeEvent(deposit.event, ctx), {
      title: "Deposit",
      detail: `${alice.toBase58().slice(0, 4)}…${alice.toBase58().slice(-4)} deposited 1,000.00 USDC for 1,000.00 shares`,
      actor: alice.toBase58(),
      tone: "good",
    });
    assert.equal(
      describeEvent(proposed.event, ctx).detail,
      "#7: 2-leg route putting in 500.00 USDC, expecting +29.40 USDC (at least +14.70 USDC)",
    );
    const vote = describeEvent(voted.event, ctx);
    // One rejection of a proposal still pending is a vote, not the trade's outcome.
    assert.equal(vote.title, "Rejection vote");
    assert.match(vote.detail, /^LEAD \w{4}…\w{4} rejected proposal #7 — “Too thin”$/);
    assert.equal(
      describeEvent(executed.event, ctx).detail,
      "proposal #7 gained +20.00 USDC: 19.00 USDC to members, 1.00 USDC to the insurance reserve",
    );
  });

  it("describes queued governance changes and their end", () => {
    const queued: PoolBotEvent = {
      name: "changeQueued",
      data: {
        pool,
        unixTimestamp: new BN(0),
        account: key(30),
        id: new BN(3),
        proposer: alice,
        change: Change.config({ insuranceBps: 1_000, minContribution: 250_000_000n }),
        eta: new BN(1_700_000_000),
      },
    };
    const described = describeEvent(queued, ctx);
    assert.equal(described.title, "Change queued");
    assert.match(
      described.detail,
      /^#3: Set minimum deposit to 250(\.00)? USDC, insurance share to 10%; anyone may apply it from /,
    );
    assert.equal(categoryOf("changeQueued"), "admin");
    const finished: PoolBotEvent = {
      name: "changeFinished",
      data: { pool, unixTimestamp: new BN(0), account: key(30), id: new BN(3), by: alice, applied: false },
    };
    assert.equal(describeEvent(finished, ctx).title, "Change cancelled");
    assert.match(describeEvent(finished, ctx).detail, /^Change #3 cancelled by /);
  });

  it("describes a product's registration by its programs and markets", () => {
    const registered = (markets: PublicKey[]): PoolBotEvent => ({
      name: "productRegistered",
      data: {
        pool,
        unixTimestamp: new BN(0),
        product: key(30),
        id: new BN(1),
        name: "DEX arbitrage",
        category: { arbitrage: {} },
        programs: [key(31)],
        markets,
      },
    });
    assert.deepEqual(describeEvent(registered([key(32), key(33)]), ctx), {
      title: "Product registered",
      detail: "#1 “DEX arbitrage” (arbitrage), routes through 1 program on 2 markets",
      tone: "info",
    });
    assert.match(describeEvent(registered([]), ctx).detail, /on any market$/);
  });

  it("describes deposits that wait for a live proposal and their settlement", () => {
    const short = `${alice.toBase58().slice(0, 4)}…${alice.toBase58().slice(-4)}`;
    assert.deepEqual(describeEvent(requested.event, ctx), {
      title: "Deposit requested",
      detail: `${short} deposited 509.50 USDC while a trade proposal or a mandate was live; it becomes shares once the request is ready (request #3)`,
      actor: alice.toBase58(),
      tone: "info",
    });
    assert.equal(
      describeEvent(settled.event, ctx).detail,
      `${short}'s request #3 of 509.50 USDC became 500.00 shares`,
    );
    assert.equal(categoryOf("depositRequested"), "members");
    assert.equal(categoryOf("claimExpired"), "insurance");
  });

  it("groups events for the filters and lists who took part", () => {
    assert.equal(categoryOf("deposited"), "members");
    assert.equal(categoryOf("tradeVoted"), "votes");
    assert.equal(categoryOf("claimFiled"), "insurance");
    assert.equal(categoryOf("productToggled"), "admin");
    assert.ok(participantsOf(voted.event).includes(lead.toBase58()));
  });

  it("draws share value and cumulative profit from deposits and executed trades", () => {
    const points = chartSeries([settled, executed, voted, deposit, requested, created, proposed], 6);
    assert.deepEqual(
      points.map((p) => p.time),
      [1000, 1010, 1040, 5001],
      "oldest first, one point per price-changing event (a request changes no price until settled)",
    );
    assert.equal(points[0].shareValue, 1);
    assert.equal(points[1].shareValue, 1);
    assert.equal(points[2].cumulativeProfit, 20);
    assert.equal(points[2].memberProfit, 19);
    // (1019 USDC + 1000 virtual units) / (1000 shares + 1000 virtual) per whole share
    assert.ok(Math.abs(points[2].shareValue - 1.018999) < 1e-6, String(points[2].shareValue));
    // The settled request bought its shares at that price, so the price stays.
    assert.ok(Math.abs(points[3].shareValue - 1.018999) < 1e-6, String(points[3].shareValue));
  });
});

describe("mandates in the trail", () => {
  const mandate = key(50);
  const keeper = key(5);
  const proposedMandate = item(
    {
      name: "mandateProposed",
      data: {
        pool,
        unixTimestamp: new BN(0),
        mandate,
        id: new BN(2),
        proposer: keeper,
        product: key(6),
        markets: [key(51), key(52)],
        maxAmountIn: new BN(5_000_000_000),
        minProfit: new BN(1_000_000),
        minProfitBps: 10,
        period: new BN(86_400),
        maxTradesPerPeriod: 50,
        maxNotionalPerPeriod: new BN(100_000_000_000),
        duration: new BN(604_800),
        voteExpiresAt: new BN(4_600),
      },
    },
    10,
    1_100,
  );
  const mandateVote = (approve: boolean, status: object, slot: number) =>
    item(
      {
        name: "mandateVoted",
        data: {
          pool,
          unixTimestamp: new BN(0),
          mandate,
          validator: lead,
          approve,
          reason: approve ? "" : "markets too thin",
          approvals: approve ? 1 : 0,
          rejections: approve ? 0 : 1,
          status: status as never,
          activeFrom: new BN(approve ? 1_200 : 0),
          expiresAt: new BN(approve ? 605_000 : 0),
        },
      },
      slot,
      1_100 + slot,
    );
  const mandateExecuted = item(
    {
      name: "mandateExecuted",
      data: {
        pool,
        unixTimestamp: new BN(0),
        mandate,
        executor: keeper,
        amountIn: new BN(5_000_000_000),
        gain: new BN(40_000_000),
        insurance: new BN(2_000_000),
        memberProfit: new BN(38_000_000),
        tradesInPeriod: 1,
        notionalInPeriod: new BN(5_000_000_000),
        totalShares: new BN(1_000_000_000),
        totalAssets: new BN(1_038_000_000),
      },
    },
    13,
    1_300,
  );
  const mctx = { ...ctx, ...idMaps([proposedMandate]) };

  it("names the mandate by its id with its terms", () => {
    assert.deepEqual(describeEvent(proposedMandate.event, mctx), {
      title: "Mandate proposed",
      detail:
        "#2: up to 5,000.00 USDC a trade on 2 markets, at least +1.00 USDC and 0.1% of the amount profit a trade, 50 trades or 100,000.00 USDC per 86400 seconds, standing 604800 seconds once active",
      actor: keeper.toBase58(),
      tone: "info",
    });
    assert.equal(categoryOf("mandateProposed"), "trades");
  });

  it("a vote that leaves it pending is a vote; the deciding one is the outcome", () => {
    assert.equal(
      describeEvent(mandateVote(true, { pending: {} }, 11).event, mctx).title,
      "Mandate approval vote",
    );
    assert.equal(
      describeEvent(mandateVote(false, { pending: {} }, 11).event, mctx).title,
      "Mandate rejection vote",
    );
    const approved = describeEvent(mandateVote(true, { approved: {} }, 12).event, mctx);
    assert.equal(approved.title, "Mandate approved");
    assert.match(approved.detail, /^LEAD \w{4}…\w{4} approved mandate #2, reaching its quorum; usable from /);
    const rejected = describeEvent(mandateVote(false, { rejected: {} }, 12).event, mctx);
    assert.equal(rejected.title, "Mandate rejected");
    assert.match(rejected.detail, /rejected mandate #2, rejecting it — “markets too thin”$/);
    assert.equal(rejected.tone, "bad");
    assert.equal(categoryOf("mandateVoted"), "votes");
  });

  it("an execution with its gain, member profit and insurance; a revocation", () => {
    assert.deepEqual(describeEvent(mandateExecuted.event, mctx), {
      title: "Mandate trade executed",
      detail:
        "mandate #2 put in 5,000.00 USDC and gained +40.00 USDC: 38.00 USDC to members, 2.00 USDC to the insurance reserve",
      actor: keeper.toBase58(),
      tone: "good",
    });
    const revoked: PoolBotEvent = {
      name: "mandateRevoked",
      data: { pool, unixTimestamp: new BN(0), mandate, by: lead },
    };
    assert.match(
      describeEvent(revoked, mctx).detail,
      /^LEAD \w{4}…\w{4} revoked mandate #2: no trade can run under it$/,
    );
    // without its MandateProposed event among the items, the address names it
    assert.match(describeEvent(revoked, ctx).detail, /revoked mandate \w{4}…\w{4}:/);
  });

  it("mandate executions feed the chart like executed trades", () => {
    const points = chartSeries([mandateExecuted, deposit, created, proposedMandate], 6);
    assert.deepEqual(
      points.map((p) => p.time),
      [1000, 1010, 1300],
    );
    assert.equal(points[2].cumulativeProfit, 40);
    assert.equal(points[2].memberProfit, 38);
    assert.ok(Math.abs(points[2].shareValue - 1.037999) < 1e-6, String(points[2].shareValue));
  });
});

describe("votes and a member's history", () => {
  const claim = key(40);
  const bob = key(41);
  const filed = (claimant: PublicKey, address: PublicKey, id: number, slot: number) =>
    item(
      {
        name: "claimFiled",
        data: {
          pool,
          unixTimestamp: new BN(0),
          claim: address,
          id: new BN(id),
          claimant,
          amount: new BN(40_000_000),
          reason: "Loss",
          proposalId: null,
          expiresAt: new BN(9000),
        },
      },
      slot,
      2000 + slot,
    );
  const claimVote = (address: PublicKey, approve: boolean, status: object, slot: number) =>
    item(
      {
        name: "claimVoted",
        data: {
          pool,
          unixTimestamp: new BN(0),
          claim: address,
          validator: lead,
          approve,
          reason: "",
          status: status as never,
          paid: new BN(approve ? 40_000_000 : 0),
          reserveBalance: new BN(60_000_000),
        },
      },
      slot,
      2000 + slot,
    );
  const tradeVote = (approve: boolean, status: object) =>
    describeEvent(
      {
        name: "tradeVoted",
        data: {
          pool,
          unixTimestamp: new BN(0),
          proposal,
          validator: lead,
          approve,
          reason: "",
          approvals: 1,
          rejections: 0,
          status: status as never,
        },
      },
      ctx,
    ).title;

  it("heads a trade or claim vote by what it decided: a vote while pending, the outcome when it decides", () => {
    assert.equal(tradeVote(true, { pending: {} }), "Approval vote");
    assert.equal(tradeVote(false, { pending: {} }), "Rejection vote");
    assert.equal(tradeVote(true, { approved: {} }), "Trade approved");
    assert.equal(tradeVote(false, { rejected: {} }), "Trade rejected");
    const claimCtx = { ...ctx, ...idMaps([filed(alice, claim, 2, 20)]) };
    assert.equal(
      describeEvent(claimVote(claim, true, { pending: {} }, 21).event, claimCtx).title,
      "Claim approval vote",
    );
    assert.equal(
      describeEvent(claimVote(claim, false, { pending: {} }, 21).event, claimCtx).title,
      "Claim denial vote",
    );
    const paid = describeEvent(claimVote(claim, true, { paid: {} }, 22).event, claimCtx);
    assert.equal(paid.title, "Claim approved");
    assert.match(paid.detail, /approved claim #2, paying 40\.00 USDC$/);
    assert.equal(
      describeEvent(claimVote(claim, false, { denied: {} }, 22).event, claimCtx).title,
      "Claim denied",
    );
  });

  it("a member's history holds their deposits, withdrawals, claims and the payout of their claim", () => {
    const other = key(42);
    const items = [
      deposit,
      requested,
      settled,
      voted,
      filed(alice, claim, 2, 20),
      claimVote(claim, true, { pending: {} }, 21),
      claimVote(claim, true, { paid: {} }, 22),
      filed(bob, other, 3, 23),
      claimVote(other, true, { paid: {} }, 24),
    ];
    assert.deepEqual(
      memberHistory(items, alice).map((i) => `${i.event.name}@${i.slot}`),
      ["deposited@2", "depositRequested@5", "depositSettled@6", "claimFiled@20", "claimVoted@22"],
      "the payout is in, a pending vote on the claim and other members' claims are not",
    );
    assert.deepEqual(
      memberHistory(items, bob.toBase58()).map((i) => `${i.event.name}@${i.slot}`),
      ["claimFiled@23", "claimVoted@24"],
    );
    const { claimants } = idMaps(items);
    assert.ok(participantsOf(items[6].event, claimants).includes(alice.toBase58()));
    assert.ok(!participantsOf(items[6].event).includes(alice.toBase58()));
  });
});
