import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import BN from "bn.js";
import { AmmAddresses, Change, LocalAmmClient, PoolBotEvent } from "@poolbot/sdk";
import { ActivityItem, categoryOf, chartSeries, describeEvent, idMaps, participantsOf } from "./activity";
import { endpointOf, explorerUrl, isLocalUrl, knownSymbol, LOCALNET } from "./clusters";
import { legView, programName } from "./route";

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
    data: { pool, creator: alice, assetMint: key(9), name: "Arbitrage Trading Pool" },
  },
  1,
  1000,
);
const deposit = item(
  {
    name: "deposited",
    data: {
      pool,
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
  decimals: 6,
  symbol: "USDC",
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
    assert.equal(vote.title, "Trade rejected");
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
      data: { pool, account: key(30), id: new BN(3), by: alice, applied: false },
    };
    assert.equal(describeEvent(finished, ctx).title, "Change cancelled");
    assert.match(describeEvent(finished, ctx).detail, /^Change #3 cancelled by /);
  });

  it("describes a product's registration by its programs and markets", () => {
    const registered = (markets: PublicKey[]): PoolBotEvent => ({
      name: "productRegistered",
      data: {
        pool,
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
      detail: `${short} deposited 509.50 USDC while a trade proposal was live; it becomes shares once that ends (request #3)`,
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

describe("routes in words", () => {
  it("decodes a local AMM swap leg: pool, mints and amounts", async () => {
    const amm = LocalAmmClient.connect(new Connection("http://127.0.0.1:1"), Keypair.generate());
    const usdc = key(10);
    const sol = key(11);
    const pair = new AmmAddresses(usdc, sol, 0, TOKEN_PROGRAM_ID);
    const leg = await amm.swapLeg({
      amm: pair,
      user: pool,
      source: key(12),
      destination: key(13),
      mintIn: usdc,
      amountIn: 1_000_000_000n,
      minAmountOut: 9_890_800_000n,
    });
    assert.deepEqual(legView(leg), {
      kind: "swap",
      program: leg.programId.toBase58(),
      ammPool: pair.pool.toBase58(),
      mintIn: usdc.toBase58(),
      mintOut: sol.toBase58(),
      amountIn: 1_000_000_000n,
      minAmountOut: 9_890_800_000n,
    });
    assert.equal(programName(leg.programId.toBase58()), "Local AMM");
    assert.deepEqual(legView({ ...leg, programId: key(14) }), {
      kind: "call",
      program: key(14).toBase58(),
      accounts: leg.accounts.length,
      dataBytes: leg.data.length,
    });
  });
});

describe("clusters", () => {
  it("compiles in the public keys of the committed localnet fixtures", () => {
    const pubkey = (path: string) =>
      Keypair.fromSecretKey(
        Uint8Array.from(JSON.parse(readFileSync(join(__dirname, "../../..", path), "utf8"))),
      ).publicKey.toBase58();
    assert.equal(LOCALNET.admin, pubkey("app/fixtures/localnet/admin.json"));
    assert.equal(LOCALNET.usdcMint, pubkey("migrations/localnet/usdc-mint.json"));
    assert.equal(LOCALNET.solMint, pubkey("app/fixtures/localnet/sol-mint.json"));
    assert.equal(knownSymbol(LOCALNET.usdcMint), "USDC");
  });

  it("knows endpoints and explorer links", () => {
    assert.equal(endpointOf("localnet", "", ""), "http://127.0.0.1:8899");
    assert.equal(endpointOf("devnet", "", ""), "https://api.devnet.solana.com");
    assert.equal(endpointOf("custom", "", "https://rpc.example.com"), "https://rpc.example.com");
    assert.ok(isLocalUrl("http://127.0.0.1:8999"));
    assert.ok(isLocalUrl("http://localhost:8899"));
    assert.ok(!isLocalUrl("https://api.devnet.solana.com"));
    assert.equal(explorerUrl("tx", "abc", "mainnet-beta", ""), "https://explorer.solana.com/tx/abc");
    assert.equal(
      explorerUrl("address", "abc", "devnet", ""),
      "https://explorer.solana.com/address/abc?cluster=devnet",
    );
    assert.equal(
      explorerUrl("tx", "abc", "localnet", "http://127.0.0.1:8899"),
      "https://explorer.solana.com/tx/abc?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899",
    );
  });
});
