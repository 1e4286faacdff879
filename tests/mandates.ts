/**
 * Standing trade mandates through the TS SDK on the seed pool (time lock 0, so an approved
 * mandate is active at once): the keeper proposes the seed's mandate, the LEAD and a SENIOR
 * approve it (the seed quorum), the keeper captures the arbitrage through the local AMM in one
 * transaction with no vote, a LEAD revokes it and anyone closes it. Then the refusals a wallet
 * user can hit, each by name with nothing moved.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  canCloseMandate,
  Change,
  depositMustBeRequested,
  depositReadyAt,
  describeEvent,
  eventsNamed,
  idMaps,
  isMandateFinished,
  LocalAmmClient,
  mandateBudget,
  mandateMarkets,
  mandateRequiredProfit,
  mandateStanding,
  MandateTerms,
  mandateStatus,
  PoolBotEventName,
  splitProfit,
} from "@poolbot/sdk";
import { big, connect, tokenBalance, waitForClusterTime } from "./support/localnet";
import { Actor, SeedPool, TRADE_SIZE, USDC } from "./support/seed";
import { refused } from "./support/refused";

const connection = connect();

/**
 * The seed's mandate (`crates/seed`'s `mandate_terms`): arbitrage between the two USDC/SOL
 * pools, up to 5,000 USDC a trade and 50 trades or 100,000 USDC a day, at least 1 USDC and
 * 0.1% profit a trade, standing 7 days.
 */
function seedTerms(w: SeedPool, changes: Partial<MandateTerms> = {}): MandateTerms {
  return {
    markets: [w.cheap.pool, w.dear.pool],
    maxAmountIn: 5_000n * USDC,
    minProfit: USDC,
    minProfitBps: 10,
    period: 86_400,
    maxTradesPerPeriod: 50,
    maxNotionalPerPeriod: 100_000n * USDC,
    duration: 7 * 86_400,
    ...changes,
  };
}

/** The keeper proposes `terms`; the LEAD and a SENIOR approve. */
async function approvedMandate(w: SeedPool, terms: MandateTerms): Promise<PublicKey> {
  const { mandate } = await w.keeper.client.proposeMandate(w.pool, w.product, terms);
  for (const v of w.validators.slice(0, 2)) await v.client.approveMandate(w.pool, mandate);
  return mandate;
}

describe("mandates: propose, approve, execute, revoke, close", () => {
  let w: SeedPool;
  let mandate: PublicKey;
  const seen = new Set<PoolBotEventName>();

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
  });

  it("the keeper proposes the seed's mandate: pending, its terms stored and in the event", async () => {
    const terms = seedTerms(w);
    const sent = await w.keeper.client.proposeMandate(w.pool, w.product, terms);
    mandate = sent.mandate;
    assert.equal(sent.id, 0);
    assert.ok(mandate.equals(w.pool.mandate(0)));
    const [proposed] = eventsNamed(sent.events, "mandateProposed");
    sent.events.forEach((e) => seen.add(e.name));
    assert.ok(proposed.mandate.equals(mandate));
    assert.ok(proposed.proposer.equals(w.keeper.wallet.publicKey));
    assert.ok(proposed.product.equals(w.product));
    assert.deepEqual(
      proposed.markets.map((m) => m.toBase58()),
      [w.cheap.pool.toBase58(), w.dear.pool.toBase58()],
    );
    assert.deepEqual(
      [
        big(proposed.maxAmountIn),
        big(proposed.minProfit),
        proposed.minProfitBps,
        proposed.maxTradesPerPeriod,
      ],
      [5_000n * USDC, USDC, 10, 50],
    );

    const [m, pool, now] = await Promise.all([
      w.keeper.client.fetchMandate(mandate),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.chainTime(),
    ]);
    assert.ok(m);
    assert.equal(mandateStatus(m), "pending");
    assert.equal(mandateStanding(m, now, pool.configVersion), "pending");
    assert.deepEqual(
      mandateMarkets(m).map((k) => k.toBase58()),
      [w.cheap.pool.toBase58(), w.dear.pool.toBase58()],
    );
    assert.equal(big(m.voteExpiresAt), big(m.createdAt) + 3_600n, "votes close after a proposal lifetime");
    assert.equal(big(m.configVersion), big(pool.configVersion));
    assert.equal(big(pool.nextMandateId), 1n);
    // the zero-copy layout as the program wrote it (`state/mandate.rs`, #[repr(C)])
    const raw = (await connection.getAccountInfo(mandate))!.data.subarray(8);
    assert.equal(raw.length, 512);
    assert.equal(raw.readBigUInt64LE(352), 0n, "id");
    assert.equal(raw.readBigUInt64LE(360), 5_000n * USDC, "max_amount_in");
    assert.equal(raw.readUInt16LE(504), 10, "min_profit_bps");
    assert.deepEqual([...raw.subarray(506, 509)], [2, 0, m.bump], "market_count, status, bump");
    const listed = await w.keeper.client.listMandates(w.pool);
    assert.deepEqual(
      listed.map((l) => l.publicKey.toBase58()),
      [mandate.toBase58()],
    );
  });

  it("the LEAD's approval is a vote; the SENIOR's reaches the quorum and it is active at once (time lock 0)", async () => {
    const [lead, senior] = w.validators;
    const first = await lead.client.approveMandate(w.pool, mandate);
    const [vote] = eventsNamed(first.events, "mandateVoted");
    assert.deepEqual([vote.approvals, Object.keys(vote.status)[0]], [1, "pending"]);
    const second = await senior.client.approveMandate(w.pool, mandate);
    const [deciding] = eventsNamed(second.events, "mandateVoted");
    [...first.events, ...second.events].forEach((e) => seen.add(e.name));
    assert.deepEqual([deciding.approvals, Object.keys(deciding.status)[0]], [2, "approved"]);

    const [m, pool, now] = await Promise.all([
      w.keeper.client.fetchMandate(mandate),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.chainTime(),
    ]);
    assert.ok(m);
    assert.equal(mandateStanding(m, now, pool.configVersion), "active");
    assert.equal(big(m.activeFrom), big(m.decidedAt), "no time lock to wait out");
    assert.equal(big(m.expiresAt), big(m.activeFrom) + 7n * 86_400n);
    assert.equal(big(deciding.expiresAt), big(m.expiresAt));
    assert.equal(big(pool.mandatesActiveUntil), big(m.expiresAt), "deposits queue until it expires");
    assert.equal(
      m.approvals.toString(2),
      "110",
      "the LEAD's and the first SENIOR's slots (slot 0: the ADMIN)",
    );

    const ctx = {
      format: {
        amount: (v: bigint) => `${v}`,
        shares: (v: bigint) => `${v}`,
        exact: (v: bigint) => `${v}`,
        bps: (v: number) => `${v}`,
        seconds: (v: number) => `${v}`,
        dateTime: (v: number) => `${v}`,
        address: (k: PublicKey) => k.toBase58().slice(0, 4),
      },
      roles: new Map<string, string>(),
      ...idMaps([]),
    };
    assert.equal(describeEvent(first.events[0], ctx).title, "Mandate approval vote");
    assert.equal(describeEvent(second.events[0], ctx).title, "Mandate approved");
  });

  it("while it stands a deposit is requested, ready no sooner than a proposal lifetime away", async () => {
    const newcomer = await w.newMember(300n);
    const [pool, now] = await Promise.all([
      newcomer.client.fetchPool(w.pool.pool),
      newcomer.client.chainTime(),
    ]);
    assert.equal(big(pool.proposalsLiveUntil) <= BigInt(now), true, "no trade proposal is live");
    assert.equal(depositMustBeRequested(pool, now), true);
    await refused(() => newcomer.client.deposit(w.pool, 200n * USDC), "ProposalsLive", [
      w.pool.pool,
      w.pool.vault,
      newcomer.usdc,
    ]);
    const sent = await newcomer.client.requestDeposit(w.pool, 200n * USDC);
    const [requested] = eventsNamed(sent.events, "depositRequested");
    const at = big(requested.unixTimestamp);
    assert.equal(big(requested.readyAt), at + 3_600n);
    assert.equal(depositReadyAt(pool, Number(at)), Number(at) + 3_600);
  });

  it("the keeper captures the arbitrage under it in one transaction: vault, reserve, AMM and event", async () => {
    const amms = new LocalAmmClient(w.keeper.client.provider);
    const { legs, gain: expected } = await w.arbitrageRoute(TRADE_SIZE);
    const [vault, reserve, cheap, dear, poolBefore, product] = await Promise.all([
      w.vaultBalance(),
      w.insuranceBalance(),
      amms.reserves(w.cheap),
      amms.reserves(w.dear),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.fetchProduct(w.product),
    ]);
    const m0 = (await w.keeper.client.fetchMandate(mandate))!;
    const required = mandateRequiredProfit(m0, TRADE_SIZE, product.minProfit);
    assert.equal(required, 5n * USDC, "0.1% of 5,000 USDC beats the 1 USDC minimum");
    assert.ok(expected > required);

    const sent = await w.keeper.client.executeMandate(w.pool, mandate, {
      amountIn: TRADE_SIZE,
      minProfit: (expected * 9n) / 10n,
      legs,
    });
    sent.events.forEach((e) => seen.add(e.name));
    assert.deepEqual(
      sent.events.map((e) => e.name),
      ["mandateExecuted"],
    );
    const [e] = eventsNamed(sent.events, "mandateExecuted");
    const gain = big(e.gain);
    assert.equal(gain, expected, "exactly the quoted gain");
    const split = splitProfit(gain, 500);
    assert.deepEqual(
      [big(e.amountIn), big(e.insurance), big(e.memberProfit)],
      [TRADE_SIZE, split.insurance, split.members],
    );
    assert.ok(e.executor.equals(w.keeper.wallet.publicKey));
    assert.equal(await w.vaultBalance(), vault + split.members);
    assert.equal(await w.insuranceBalance(), reserve + split.insurance);
    assert.equal(await tokenBalance(connection, w.poolSol), 0n, "the SOL leg left nothing behind");
    const [cheapAfter, dearAfter] = await Promise.all([amms.reserves(w.cheap), amms.reserves(w.dear)]);
    assert.equal(cheapAfter.a, cheap.a + TRADE_SIZE, "bought SOL where it is cheap");
    assert.equal(dearAfter.a, dear.a - TRADE_SIZE - gain, "sold it where it is dear");

    const [m, pool, now] = await Promise.all([
      w.keeper.client.fetchMandate(mandate),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.chainTime(),
    ]);
    assert.ok(m);
    assert.deepEqual(
      [big(m.executions), m.tradesInPeriod, big(m.notionalInPeriod), big(m.totalGain)],
      [1n, 1, TRADE_SIZE, gain],
    );
    assert.deepEqual([e.tradesInPeriod, big(e.notionalInPeriod)], [1, TRADE_SIZE]);
    const budget = mandateBudget(m, now);
    assert.deepEqual([budget.tradesLeft, budget.notionalLeft], [49, 95_000n * USDC]);
    assert.equal(big(pool.mandateTrades), 1n);
    assert.equal(big(pool.tradesExecuted), big(poolBefore.tradesExecuted), "no proposal was executed");
    assert.equal(big(pool.totalAssets), big(poolBefore.totalAssets) + split.members);
    assert.equal(big(pool.totalProfit), big(poolBefore.totalProfit) + gain);
    assert.equal(big(e.totalAssets), big(pool.totalAssets));
    const stats = await w.keeper.client.fetchProduct(w.product);
    assert.equal(big(stats.totalProfit), big(product.totalProfit) + gain);
  });

  it("an active mandate cannot be closed: MandateNotFinished", async () => {
    await refused(() => w.members[0].client.closeMandate(w.pool, mandate), "MandateNotFinished", [
      mandate,
      w.keeper.wallet.publicKey,
    ]);
  });

  it("a SENIOR cannot revoke (InsufficientRole); the LEAD does, at once", async () => {
    const [lead, senior] = w.validators;
    await refused(() => senior.client.revokeMandate(w.pool, mandate), "InsufficientRole", [mandate]);
    const sent = await lead.client.revokeMandate(w.pool, mandate);
    sent.events.forEach((e) => seen.add(e.name));
    const [revoked] = eventsNamed(sent.events, "mandateRevoked");
    assert.ok(revoked.by.equals(lead.wallet.publicKey));
    assert.ok(revoked.mandate.equals(mandate));
    const [m, pool, now] = await Promise.all([
      w.keeper.client.fetchMandate(mandate),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.chainTime(),
    ]);
    assert.ok(m);
    assert.equal(mandateStanding(m, now, pool.configVersion), "revoked");
    assert.ok(canCloseMandate(m, now, pool.configVersion));
    await refused(() => lead.client.revokeMandate(w.pool, mandate), "MandateNotRevocable", [mandate]);
  });

  it("a revoked mandate runs nothing: MandateRevoked", async () => {
    const { legs, gain } = await w.arbitrageRoute(1_000n * USDC);
    await refused(
      () =>
        w.keeper.client.executeMandate(w.pool, mandate, {
          amountIn: 1_000n * USDC,
          minProfit: gain / 2n,
          legs,
        }),
      "MandateRevoked",
      [mandate, w.pool.pool, w.pool.vault, w.pool.insuranceVault, w.product, w.cheap.vaultA, w.dear.vaultA],
    );
  });

  it("anyone closes it; the rent goes back to the keeper who proposed it", async () => {
    const rent = (await connection.getAccountInfo(mandate))!.lamports;
    const before = await connection.getBalance(w.keeper.wallet.publicKey);
    const sent = await w.members[0].client.closeMandate(w.pool, mandate);
    sent.events.forEach((e) => seen.add(e.name));
    const [closed] = eventsNamed(sent.events, "accountClosed");
    assert.ok(closed.account.equals(mandate));
    assert.ok(closed.rentTo.equals(w.keeper.wallet.publicKey));
    assert.equal(await connection.getBalance(w.keeper.wallet.publicKey), before + rent);
    assert.equal(await w.keeper.client.fetchMandate(mandate), null);
    assert.deepEqual(await w.keeper.client.listMandates(w.pool), []);
  });

  it("decoded every mandate event the IDL declares", () => {
    assert.deepEqual([...seen].filter((n) => n.startsWith("mandate")).sort(), [
      "mandateExecuted",
      "mandateProposed",
      "mandateRevoked",
      "mandateVoted",
    ]);
  });
});

describe("mandate refusals a wallet user can hit", () => {
  let w: SeedPool;
  let member: Actor;

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
    member = w.members[0];
  });

  /** What a refused proposal must leave untouched: the pool (its next id) and the next mandate. */
  const proposeWatched = async () => {
    const next = (await w.keeper.client.fetchPool(w.pool.pool)).nextMandateId;
    return [w.pool.pool, w.pool.mandate(next)];
  };
  /** What a refused execution must leave untouched. */
  const executeWatched = (mandate: PublicKey) => [
    mandate,
    w.pool.pool,
    w.pool.vault,
    w.poolSol,
    w.pool.insurance,
    w.pool.insuranceVault,
    w.product,
    w.cheap.vaultA,
    w.dear.vaultA,
  ];

  it("a member proposing a mandate: NotKeeperOrAdmin", async () => {
    await refused(
      () => member.client.proposeMandate(w.pool, w.product, seedTerms(w)),
      "NotKeeperOrAdmin",
      await proposeWatched(),
    );
  });

  it("a market the product does not list: MandateMarketNotAllowed", async () => {
    const elsewhere = Keypair.generate().publicKey;
    await refused(
      () =>
        w.keeper.client.proposeMandate(
          w.pool,
          w.product,
          seedTerms(w, { markets: [w.cheap.pool, elsewhere] }),
        ),
      "MandateMarketNotAllowed",
      await proposeWatched(),
    );
  });

  it("a vote by a wallet that is no validator: NotValidator; once the quorum is out of reach it is rejected", async () => {
    const { mandate } = await w.keeper.client.proposeMandate(w.pool, w.product, seedTerms(w));
    await refused(() => member.client.approveMandate(w.pool, mandate), "NotValidator", [
      mandate,
      w.pool.pool,
      w.pool.validatorSet,
    ]);
    await refused(() => member.client.rejectMandate(w.pool, mandate, "no"), "NotValidator", [mandate]);
    const first = await w.validators[0].client.rejectMandate(w.pool, mandate, "markets too thin");
    const [vote] = eventsNamed(first.events, "mandateVoted");
    assert.deepEqual(
      [vote.approve, vote.reason, Object.keys(vote.status)[0]],
      [false, "markets too thin", "pending"],
    );
    await refused(() => w.validators[0].client.approveMandate(w.pool, mandate), "AlreadyVoted", [mandate]);
    // ADMIN, LEAD, SENIOR, SENIOR and a quorum of 2: two rejections leave the ADMIN and a SENIOR
    const second = await w.validators[1].client.rejectMandate(w.pool, mandate, "no");
    assert.equal(Object.keys(eventsNamed(second.events, "mandateVoted")[0].status)[0], "pending");
    const third = await w.validators[2].client.rejectMandate(w.pool, mandate, "no");
    const [deciding] = eventsNamed(third.events, "mandateVoted");
    assert.equal(Object.keys(deciding.status)[0], "rejected");
    const [m, pool, now] = await Promise.all([
      w.keeper.client.fetchMandate(mandate),
      w.keeper.client.fetchPool(w.pool.pool),
      w.keeper.client.chainTime(),
    ]);
    assert.equal(mandateStanding(m!, now, pool.configVersion), "rejected");
    await refused(() => w.admin.client.approveMandate(w.pool, mandate), "MandateNotPending", [mandate]);
  });

  describe("executions", () => {
    let mandate: PublicKey;

    before(async () => {
      mandate = await approvedMandate(w, seedTerms(w, { maxAmountIn: 1_000n * USDC, maxTradesPerPeriod: 1 }));
    });

    it("a wallet that is no keeper (a member, the LEAD): NotKeeper", async () => {
      const { legs, gain } = await w.arbitrageRoute(1_000n * USDC);
      const trade = { amountIn: 1_000n * USDC, minProfit: gain / 2n, legs };
      await refused(
        () => member.client.executeMandate(w.pool, mandate, trade),
        "NotKeeper",
        executeWatched(mandate),
      );
      await refused(
        () => w.validators[0].client.executeMandate(w.pool, mandate, trade),
        "NotKeeper",
        executeWatched(mandate),
      );
    });

    it("more than the mandate's largest trade: MandateAmountTooLarge", async () => {
      const amountIn = 1_000n * USDC + 1n;
      const { legs, gain } = await w.arbitrageRoute(amountIn);
      await refused(
        () => w.keeper.client.executeMandate(w.pool, mandate, { amountIn, minProfit: gain / 2n, legs }),
        "MandateAmountTooLarge",
        executeWatched(mandate),
      );
    });

    it("a second trade in a period that allows one: MandateBudgetExceeded", async () => {
      const first = await w.arbitrageRoute(1_000n * USDC);
      await w.keeper.client.executeMandate(w.pool, mandate, {
        amountIn: 1_000n * USDC,
        minProfit: first.gain / 2n,
        legs: first.legs,
      });
      const m = (await w.keeper.client.fetchMandate(mandate))!;
      assert.equal(mandateBudget(m, await w.keeper.client.chainTime()).tradesLeft, 0);
      const { legs, gain } = await w.arbitrageRoute(500n * USDC);
      await refused(
        () =>
          w.keeper.client.executeMandate(w.pool, mandate, {
            amountIn: 500n * USDC,
            minProfit: gain / 2n,
            legs,
          }),
        "MandateBudgetExceeded",
        executeWatched(mandate),
      );
    });

    it("a mandate whose lifetime ran out: MandateExpired", async () => {
      const short = await approvedMandate(w, seedTerms(w, { duration: 2 }));
      const m = (await w.keeper.client.fetchMandate(short))!;
      await waitForClusterTime(connection, m.expiresAt.toNumber());
      const pool = await w.keeper.client.fetchPool(w.pool.pool);
      assert.equal(mandateStanding(m, await w.keeper.client.chainTime(), pool.configVersion), "expired");
      const { legs, gain } = await w.arbitrageRoute(500n * USDC);
      await refused(
        () =>
          w.keeper.client.executeMandate(w.pool, short, {
            amountIn: 500n * USDC,
            minProfit: gain / 2n,
            legs,
          }),
        "MandateExpired",
        executeWatched(short),
      );
    });

    it("a mandate made before the validators or quorum changed: MandateStale", async () => {
      const fresh = await approvedMandate(w, seedTerms(w));
      // a new JUNIOR validator bumps the config version (time lock 0: applied at once)
      const governed = await w.admin.client.govern(w.pool, [
        Change.addValidator(Keypair.generate().publicKey, "junior"),
      ]);
      assert.ok(governed.applied);
      const [m, pool, now] = await Promise.all([
        w.keeper.client.fetchMandate(fresh),
        w.keeper.client.fetchPool(w.pool.pool),
        w.keeper.client.chainTime(),
      ]);
      assert.equal(mandateStanding(m!, now, pool.configVersion), "stale");
      assert.ok(isMandateFinished(mandateStanding(m!, now, pool.configVersion)));
      const { legs, gain } = await w.arbitrageRoute(500n * USDC);
      await refused(
        () =>
          w.keeper.client.executeMandate(w.pool, fresh, {
            amountIn: 500n * USDC,
            minProfit: gain / 2n,
            legs,
          }),
        "MandateStale",
        executeWatched(fresh),
      );
      await refused(() => w.validators[2].client.approveMandate(w.pool, fresh), "MandateStale", [fresh]);
    });
  });
});
