/**
 * The seed story (`crates/seed/src/story.rs`) through the TypeScript SDK against the local
 * validator, asserting the same relations as `StoryFigures::check`, then the rest of the audit
 * trail, with every account type fetched and every event type decoded along the way.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { convertIdlToCamelCase } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import {
  allowedProgramsOf,
  assetsForShares,
  decodeName,
  encodeRoute,
  eventsNamed,
  keepersOf,
  LOCAL_AMM_PROGRAM_ID,
  LocalAmmClient,
  memberValue,
  parseAmmEvents,
  POOL_BOT_IDL,
  POOL_BOT_PROGRAM_ID,
  PoolBotClient,
  PoolBotEvent,
  PoolBotEventName,
  proposalRoute,
  proposalStatus,
  routeHash,
  SEEDS,
  sharesForDeposit,
  splitProfit,
  validatorsOf,
  variantName,
  votersOf,
  VIRTUAL_SHARES,
} from "../sdk/src";
import { big, connect, snapshot, tokenBalance } from "./support/localnet";
import { AMM_FEE_BPS, DEPOSITS, Proposed, SeedPool, SOL, TRADE_SIZE, USDC } from "./support/seed";

const connection = connect();
/** The names of every event decoded in this file. */
const seen = new Set<string>();

/** Notes `events` as seen and returns them. */
function record(events: PoolBotEvent[]): PoolBotEvent[] {
  for (const e of events) seen.add(e.name);
  return events;
}

/** The names of `events`, in order. */
const names = (events: Array<{ name: string }>) => events.map((e) => e.name);

function bumpOf(seeds: Buffer[]): number {
  return PublicKey.findProgramAddressSync(seeds, POOL_BOT_PROGRAM_ID)[1];
}

describe("seed story", () => {
  let w: SeedPool;
  let proposal: Proposed;
  const deposited = DEPOSITS.reduce((a, b) => a + b) * USDC;
  let gain: bigint;
  let insurance: bigint;
  let memberValues: bigint[];

  before(async () => {
    w = await SeedPool.build(connection);
    record(w.setupEvents);
  });

  it("creates the pool with its configuration, validators, keeper and product", async () => {
    const client = w.admin.client;
    const pool = await client.fetchPool(w.pool.pool);
    assert.equal(decodeName(pool.name), "Arbitrage Trading Pool");
    assert.ok(pool.creator.equals(w.admin.wallet.publicKey));
    assert.ok(pool.assetMint.equals(w.usdc));
    assert.ok(pool.vault.equals(w.pool.vault));
    assert.ok(pool.tokenProgram.equals(w.pool.tokenProgram));
    assert.equal(big(pool.minContribution), 100n * USDC);
    assert.equal(pool.maxMembers, 100);
    assert.equal(pool.insuranceBps, 500);
    assert.equal(pool.requiredApprovals, 2);
    assert.equal(pool.requireLeadApproval, 1);
    assert.equal(big(pool.proposalTtl), 3_600n);
    assert.equal(pool.decimals, 6);
    assert.equal(pool.paused, 0);
    // three validators added and one quorum change
    assert.equal(big(pool.configVersion), 4n);
    assert.equal(pool.bump, bumpOf([SEEDS.pool, w.admin.wallet.publicKey.toBuffer(), w.usdc.toBuffer()]));
    assert.equal(pool.vaultBump, bumpOf([SEEDS.vault, w.pool.pool.toBuffer()]));

    const set = await client.fetchValidatorSet(w.pool);
    const validators = validatorsOf(set);
    assert.deepEqual(
      validators.map((v) => [v.key.toBase58(), v.roleName, v.slot]),
      [
        [w.admin.wallet.publicKey.toBase58(), "admin", 0],
        [w.validators[0].wallet.publicKey.toBase58(), "lead", 1],
        [w.validators[1].wallet.publicKey.toBase58(), "senior", 2],
        [w.validators[2].wallet.publicKey.toBase58(), "senior", 3],
      ],
    );
    assert.deepEqual(keepersOf(set), [w.keeper.wallet.publicKey]);
    assert.ok(set.pool.equals(w.pool.pool));
    assert.equal(set.bump, bumpOf([SEEDS.validators, w.pool.pool.toBuffer()]));

    const product = await client.fetchProduct(w.product);
    assert.equal(decodeName(product.name), "DEX arbitrage");
    assert.equal(product.category, 0);
    assert.deepEqual(allowedProgramsOf(product), [LOCAL_AMM_PROGRAM_ID]);
    assert.equal(big(product.maxTradeAmount), 50_000n * USDC);
    assert.equal(big(product.minProfit), USDC);
    assert.equal(product.maxLiquidityBps, 1_000);
    assert.equal(product.enabled, 1);
    assert.equal(big(product.id), 0n);
    assert.equal(product.bump, bumpOf([SEEDS.product, w.pool.pool.toBuffer(), Buffer.alloc(8)]));
    assert.deepEqual(
      (await client.listProducts(w.pool)).map((p) => p.publicKey),
      [w.product],
    );

    const amm = LocalAmmClient.connect(connection, w.payer);
    for (const [market, id] of [
      [w.cheap, 0],
      [w.dear, 1],
    ] as const) {
      const account = await amm.fetchPool(market);
      assert.deepEqual(
        [account.vaultA, account.vaultB, account.mintA],
        [market.vaultA, market.vaultB, w.usdc],
      );
      assert.deepEqual([account.id.toNumber(), account.feeBps], [id, AMM_FEE_BPS]);
    }
    assert.deepEqual(await amm.reserves(w.dear), { a: 1_000_000n * USDC, b: 9_500n * SOL });

    const reserve = await client.fetchInsurance(w.pool);
    assert.ok(reserve.vault.equals(w.pool.insuranceVault));
    assert.equal(big(reserve.claimsFiled), 0n);
    assert.equal(reserve.bump, bumpOf([SEEDS.insurance, w.pool.pool.toBuffer()]));
    assert.equal(reserve.vaultBump, bumpOf([SEEDS.insuranceVault, w.pool.pool.toBuffer()]));

    assert.deepEqual(names(w.setupEvents), [
      "poolInitialized",
      "validatorChanged",
      "validatorChanged",
      "validatorChanged",
      "configUpdated",
      "keeperChanged",
      "productRegistered",
    ]);
    const [initialized] = eventsNamed(w.setupEvents, "poolInitialized");
    assert.equal(initialized.name, "Arbitrage Trading Pool");
    assert.ok(initialized.assetMint.equals(w.usdc));
    const changes = eventsNamed(w.setupEvents, "validatorChanged");
    assert.deepEqual(
      changes.map((c) => [c.oldRole, variantName(c.newRole!), big(c.configVersion)]),
      [
        [null, "lead", 1n],
        [null, "senior", 2n],
        [null, "senior", 3n],
      ],
    );
    const [config] = eventsNamed(w.setupEvents, "configUpdated");
    assert.equal(config.requiredApprovals, 2);
    assert.equal(config.requireLeadApproval, true);
    assert.equal(big(config.configVersion), 4n);
    const [keeper] = eventsNamed(w.setupEvents, "keeperChanged");
    assert.ok(keeper.keeper.equals(w.keeper.wallet.publicKey) && keeper.authorised);
    const [registered] = eventsNamed(w.setupEvents, "productRegistered");
    assert.ok(registered.product.equals(w.product));
    assert.equal(variantName(registered.category), "arbitrage");
    assert.deepEqual(registered.allowedPrograms, [LOCAL_AMM_PROGRAM_ID]);
  });

  it("three members deposit 1000 / 5000 / 2500 USDC at one share per unit", async () => {
    const before = await w.admin.client.fetchPool(w.pool.pool);
    assert.equal(
      sharesForDeposit(1_000n * USDC, big(before.totalShares), big(before.totalAssets)),
      1_000n * USDC,
    );
    const sent = await w.joinMembers();
    const deposits = sent.map((s) => eventsNamed(record(s.events), "deposited")[0]);
    let total = 0n;
    for (const [i, usdc] of DEPOSITS.entries()) {
      const member = w.members[i];
      const position = await member.client.fetchMember(w.pool);
      assert.ok(position, "the first deposit creates the position");
      assert.equal(big(position.shares), usdc * USDC, "1 share = 1 base unit at the start");
      assert.equal(big(position.capitalContributed), usdc * USDC);
      assert.ok(position.owner.equals(member.wallet.publicKey) && position.pool.equals(w.pool.pool));
      assert.equal(variantName(position.status), "active");
      assert.equal(
        position.bump,
        bumpOf([SEEDS.member, w.pool.pool.toBuffer(), member.wallet.publicKey.toBuffer()]),
      );
      total += usdc * USDC;
      assert.ok(deposits[i].member.equals(member.wallet.publicKey));
      assert.equal(big(deposits[i].amount), usdc * USDC);
      assert.equal(big(deposits[i].shares), usdc * USDC);
      assert.equal(big(deposits[i].totalShares), total);
      assert.equal(big(deposits[i].totalAssets), total);
      assert.equal(await tokenBalance(connection, member.usdc), 0n);
    }
    assert.equal(await w.vaultBalance(), deposited);
    const pool = await w.admin.client.fetchPool(w.pool.pool);
    assert.equal(pool.activeMembers, 3);
    assert.equal(big(pool.totalContributed), deposited);
    assert.equal((await w.admin.client.listMembers(w.pool)).length, 3);
  });

  it("stores the exact route; two SENIOR approvals are not enough without the LEAD", async () => {
    proposal = await w.proposeArbitrage(TRADE_SIZE);
    assert.ok(proposal.terms.expectedProfit > 100n * USDC, "a 5% price gap on 5000 USDC");
    const [proposed] = eventsNamed(record(proposal.events), "tradeProposed");
    const stored = await w.keeper.client.fetchProposal(proposal.address);
    assert.ok(stored);
    assert.equal(stored.id.toNumber(), proposal.id);
    assert.equal(proposalStatus(stored), "pending");
    assert.equal(big(stored.amountIn), TRADE_SIZE);
    assert.equal(big(stored.expectedProfit), proposal.terms.expectedProfit);
    assert.equal(big(stored.minProfit), (proposal.terms.expectedProfit * 9n) / 10n);
    assert.ok(stored.proposer.equals(w.keeper.wallet.publicKey) && stored.product.equals(w.product));
    assert.equal(stored.legCount, 2);
    assert.deepEqual(proposalRoute(stored), proposal.legs, "the proposal stores the resolved legs");
    const bytes = encodeRoute(proposal.legs);
    assert.equal(stored.routeLen, bytes.length);
    assert.deepEqual(Buffer.from(stored.route.slice(0, stored.routeLen)), bytes);
    assert.deepEqual(Buffer.from(stored.routeHash), await routeHash(bytes));
    assert.deepEqual(Buffer.from(proposed.routeHash), Buffer.from(stored.routeHash));
    assert.equal(proposed.legCount, 2);
    const listed = await w.keeper.client.listProposals(w.pool);
    assert.deepEqual(
      listed.map((l) => l.publicKey),
      [proposal.address],
    );
    assert.equal(big(proposed.expiresAt) - big(stored.createdAt), 3_600n);
    assert.equal(stored.bump, bumpOf([SEEDS.proposal, w.pool.pool.toBuffer(), Buffer.alloc(8)]));

    const vote = async (i: number) =>
      eventsNamed(
        record((await w.validators[i].client.approve(w.pool, proposal.address)).events),
        "tradeVoted",
      )[0];
    const seniors = [await vote(1), await vote(2)];
    assert.deepEqual(
      seniors.map((v) => [v.approvals, variantName(v.status)]),
      [
        [1, "pending"],
        [2, "pending"],
      ],
    );
    assert.equal(proposalStatus((await w.keeper.client.fetchProposal(proposal.address))!), "pending");
    const lead = await vote(0);
    assert.equal(lead.approvals, 3);
    assert.equal(variantName(lead.status), "approved");
    const approved = (await w.keeper.client.fetchProposal(proposal.address))!;
    assert.equal(proposalStatus(approved), "approved");
    assert.deepEqual(votersOf(approved.approvals), [1, 2, 3]);
  });

  it("executes the route through both AMM pools: 5% of the gain to the reserve, the rest to the share value", async () => {
    const sent = await w.keeper.client.executeAndDistribute(w.pool, proposal.address);
    assert.ok(
      sent.logs.includes(`Program ${LOCAL_AMM_PROGRAM_ID.toBase58()} invoke [2]`),
      "the AMM ran by CPI from the pool program",
    );
    const consumed = sent.logs
      .map((l) => new RegExp(`^Program ${POOL_BOT_PROGRAM_ID.toBase58()} consumed (\\d+) of`).exec(l))
      .find((m) => m !== null);
    assert.ok(consumed && Number(consumed[1]) > 0, "the execution reports its compute units");
    const swaps = parseAmmEvents(sent.logs);
    assert.deepEqual(names(swaps), ["swapped", "swapped"]);
    assert.ok(swaps.every((s) => s.data.user.equals(w.pool.pool)));
    assert.equal(big(swaps[0].data.amountIn), TRADE_SIZE);

    const [executed] = eventsNamed(record(sent.events), "tradeExecuted");
    gain = big(executed.gain);
    assert.equal(gain, proposal.terms.expectedProfit, "realised = expected at unchanged reserves");
    const split = splitProfit(gain, 500);
    insurance = split.insurance;
    assert.equal(insurance, (gain * 500n) / 10_000n);
    assert.equal(big(executed.insurance), insurance);
    assert.equal(big(executed.memberProfit), gain - insurance);
    assert.equal(
      (await w.vaultBalance()) - deposited,
      gain - insurance,
      "the members' part stays in the vault",
    );
    assert.equal(await w.insuranceBalance(), insurance);

    const pool = await w.admin.client.fetchPool(w.pool.pool);
    assert.equal(big(pool.totalMemberProfit), gain - insurance);
    assert.equal(big(pool.totalProfit), gain);
    assert.equal(big(pool.totalAssets), deposited + gain - insurance);
    assert.equal(big(executed.totalAssets), deposited + gain - insurance);
    assert.deepEqual([pool.tradesProposed, pool.tradesApproved, pool.tradesExecuted].map(big), [1n, 1n, 1n]);
    const stored = (await w.keeper.client.fetchProposal(proposal.address))!;
    assert.equal(proposalStatus(stored), "executed");
    assert.equal(big(stored.realisedProfit), gain);
    const product = await w.admin.client.fetchProduct(w.product);
    assert.deepEqual([product.proposals, product.executed, product.totalProfit].map(big), [1n, 1n, gain]);
    assert.equal(big((await w.admin.client.fetchInsurance(w.pool)).totalAllocated), insurance);

    // Each member's value is its pro-rata part, less at most the virtual shares' sliver.
    const now = Math.floor(Date.now() / 1000);
    const shares = DEPOSITS.reduce((a, b) => a + b) * USDC;
    memberValues = [];
    for (const [i, usdc] of DEPOSITS.entries()) {
      const position = (await w.members[i].client.fetchMember(w.pool))!;
      const value = memberValue(pool, position, now);
      assert.equal(
        value,
        assetsForShares(big(position.shares), big(pool.totalShares), big(pool.totalAssets)),
      );
      const proRata = usdc * USDC + ((gain - insurance) * usdc) / (shares / USDC);
      const sliver = ((gain - insurance) * VIRTUAL_SHARES) / (shares + VIRTUAL_SHARES) + 1n;
      assert.ok(value <= proRata && proRata - value <= sliver, `member ${usdc}: ${value} vs ${proRata}`);
      memberValues.push(value);
    }
  });

  it("the TS coder reads zero-copy accounts at the offsets the program wrote them", async () => {
    // Offsets after the 8-byte discriminator, from the #[repr(C)] structs in state/*.rs.
    const raw = async (key: PublicKey) => (await connection.getAccountInfo(key))!.data.subarray(8);
    const client = w.admin.client;

    const pool = await client.fetchPool(w.pool.pool);
    const p = await raw(w.pool.pool);
    assert.equal(p.length, 352);
    assert.ok(new PublicKey(p.subarray(96, 128)).equals(pool.tokenProgram));
    assert.equal(p.readBigUInt64LE(160), big(pool.minContribution));
    assert.equal(p.readBigUInt64LE(184), big(pool.totalShares));
    assert.equal(p.readBigUInt64LE(240), big(pool.totalMemberProfit));
    assert.equal(p.readBigUInt64LE(312), big(pool.tradesExecuted));
    assert.equal(p.readUInt32LE(332), pool.activeMembers);
    assert.equal(p.readUInt16LE(340), pool.insuranceBps);
    assert.deepEqual(
      [...p.subarray(342, 348)],
      [
        pool.requiredApprovals,
        pool.requireLeadApproval,
        pool.paused,
        pool.decimals,
        pool.bump,
        pool.vaultBump,
      ],
    );

    const proposalAccount = (await client.fetchProposal(proposal.address))!;
    const t = await raw(proposal.address);
    assert.equal(t.length, 1816);
    assert.equal(t.readBigUInt64LE(136), big(proposalAccount.amountIn));
    assert.equal(t.readBigUInt64LE(184), big(proposalAccount.realisedProfit));
    assert.equal(t.readUInt32LE(200), proposalAccount.approvals);
    assert.equal(t.readUInt16LE(208), proposalAccount.routeLen);
    assert.deepEqual(
      [...t.subarray(210, 213)],
      [proposalAccount.status, proposalAccount.legCount, proposalAccount.bump],
    );
    assert.deepEqual(t.subarray(216, 216 + proposalAccount.routeLen), encodeRoute(proposal.legs));

    const set = await client.fetchValidatorSet(w.pool);
    const v = await raw(w.pool.validatorSet);
    assert.equal(v.length, 2600);
    const lead = 32 + 64 * 1; // slot 1
    assert.ok(new PublicKey(v.subarray(lead, lead + 32)).equals(set.validators[1].key));
    assert.equal(v.readUInt32LE(lead + 48), set.validators[1].approvals);
    assert.equal(v[lead + 60], set.validators[1].role);
    assert.ok(new PublicKey(v.subarray(32 + 2048, 32 + 2048 + 32)).equals(set.keepers[0]));
    assert.deepEqual([...v.subarray(2592, 2595)], [set.validatorCount, set.keeperCount, set.bump]);

    const product = await client.fetchProduct(w.product);
    const d = await raw(w.product);
    assert.equal(d.length, 384);
    assert.ok(new PublicKey(d.subarray(64, 96)).equals(product.allowedPrograms[0]));
    assert.equal(d.readBigUInt64LE(360), big(product.totalProfit));
    assert.equal(d.readUInt16LE(376), product.maxLiquidityBps);
    assert.deepEqual(
      [...d.subarray(378, 382)],
      [product.category, product.enabled, product.programCount, product.bump],
    );
  });

  it("a member withdraws everything at the share value", async () => {
    const first = w.members[0];
    const all = (await first.client.fetchMember(w.pool))!.shares;
    const sent = await first.client.withdraw(w.pool, { shares: all }, { minAmountOut: memberValues[0] });
    const [withdrew] = eventsNamed(record(sent.events), "withdrew");
    assert.equal(await tokenBalance(connection, first.usdc), memberValues[0]);
    assert.equal(big(withdrew.amount), memberValues[0]);
    assert.equal(big(withdrew.shares), big(all));
    assert.equal(withdrew.exited, true);
    const pool = await first.client.fetchPool(w.pool.pool);
    assert.deepEqual([pool.activeMembers, pool.withdrawnMembers], [2, 1]);
    const position = (await first.client.fetchMember(w.pool))!;
    assert.equal(variantName(position.status), "withdrawn");
    assert.equal(big(position.shares), 0n);
    assert.equal(big(position.totalWithdrawn), memberValues[0]);
  });

  it("a claim approved by the LEAD and a SENIOR is paid; one denied by three voters is not", async () => {
    const claimant = w.members[1];
    const amount = insurance / 2n;
    const filed = await claimant.client.fileClaim(w.pool, amount, "slippage on trade 0", proposal.id);
    const [claimFiled] = eventsNamed(record(filed.events), "claimFiled");
    assert.equal(big(claimFiled.amount), amount);
    assert.equal(big(claimFiled.proposalId!), BigInt(proposal.id));
    const claim = await claimant.client.fetchClaim(filed.claim);
    assert.ok(claim);
    assert.equal(claim.reason, "slippage on trade 0");
    assert.equal(variantName(claim.status), "pending");
    assert.equal(claim.bump, bumpOf([SEEDS.claim, w.pool.pool.toBuffer(), Buffer.alloc(8)]));

    const approve = async (i: number) =>
      eventsNamed(
        record((await w.validators[i].client.approveClaim(w.pool, filed.claim)).events),
        "claimVoted",
      )[0];
    const first = await approve(0);
    assert.equal(variantName(first.status), "pending");
    assert.equal(await tokenBalance(connection, claimant.usdc), 0n, "one approval does not pay");
    const second = await approve(1);
    assert.equal(variantName(second.status), "paid");
    assert.equal(big(second.paid), amount);
    assert.equal(big(second.reserveBalance), insurance - amount);
    assert.equal(await tokenBalance(connection, claimant.usdc), amount);

    const unlucky = w.members[2];
    const other = await unlucky.client.fileClaim(w.pool, amount, "felt unlucky");
    record(other.events);
    const deniers = [w.admin, w.validators[0], w.validators[2]];
    const statuses = [];
    for (const who of deniers) {
      const sent = await who.client.denyClaim(w.pool, other.claim, "no loss shown");
      statuses.push(variantName(eventsNamed(record(sent.events), "claimVoted")[0].status));
    }
    assert.deepEqual(statuses, ["pending", "pending", "denied"], "denied once 2 approvals are out of reach");

    const paid = (await w.admin.client.fetchClaim(filed.claim))!;
    const denied = (await w.admin.client.fetchClaim(other.claim))!;
    assert.equal(variantName(paid.status), "paid");
    assert.equal(variantName(denied.status), "denied");
    assert.equal(denied.decisionNote, "no loss shown");
    assert.equal(denied.proposalId, null);
    assert.equal(votersOf(denied.rejections).length, 3);
    const reserve = await w.admin.client.fetchInsurance(w.pool);
    assert.deepEqual(
      [reserve.claimsFiled, reserve.claimsPaid, reserve.claimsDenied, reserve.pendingClaims].map(big),
      [2n, 1n, 1n, 0n],
    );
    assert.equal(big(reserve.totalPaid), amount);
    assert.equal(await w.insuranceBalance(), insurance - amount);
    assert.equal((await w.admin.client.listClaims(w.pool)).length, 2);
  });

  it("closing finished accounts returns their rent", async () => {
    const keeperBefore = await connection.getBalance(w.keeper.wallet.publicKey);
    const rent = await connection.getBalance(proposal.address);
    const anyone = PoolBotClient.connect(connection, w.payer);
    const closed = await anyone.closeProposal(w.pool, proposal.address);
    const [event] = eventsNamed(record(closed.events), "accountClosed");
    assert.ok(event.account.equals(proposal.address) && event.rentTo.equals(w.keeper.wallet.publicKey));
    assert.equal(await connection.getBalance(w.keeper.wallet.publicKey), keeperBefore + rent);
    assert.equal(await anyone.fetchProposal(proposal.address), null);

    const denied = w.pool.claim(1);
    record((await anyone.closeClaim(w.pool, denied)).events);
    assert.equal(await anyone.fetchClaim(denied), null);

    const lead = validatorsOf(await anyone.fetchValidatorSet(w.pool))[1];
    assert.deepEqual([lead.approvals, lead.claimVotes], [1, 2], "the LEAD's record");
  });
});

describe("the rest of the audit trail", () => {
  let w: SeedPool;

  before(async () => {
    w = await SeedPool.build(connection);
    record(w.setupEvents);
    for (const sent of await w.joinMembers()) record(sent.events);
  });

  it("funds the reserve and toggles the product", async () => {
    const funder = w.members[0];
    const [withdrawn] = eventsNamed(
      record((await funder.client.withdraw(w.pool, { amount: 200n * USDC })).events),
      "withdrew",
    );
    assert.equal(big(withdrawn.amount), 200n * USDC);
    assert.equal(await tokenBalance(connection, funder.usdc), 200n * USDC);
    const [event] = eventsNamed(
      record((await funder.client.fundInsurance(w.pool, 150n * USDC)).events),
      "insuranceFunded",
    );
    assert.equal(big(event.amount), 150n * USDC);
    assert.equal(big(event.reserveBalance), 150n * USDC);
    assert.equal(big((await w.admin.client.fetchInsurance(w.pool)).totalFunded), 150n * USDC);

    const off = eventsNamed(
      record((await w.admin.client.disableProduct(w.pool, w.product)).events),
      "productToggled",
    );
    assert.equal((await w.admin.client.fetchProduct(w.product)).enabled, 0);
    const on = eventsNamed(
      record((await w.admin.client.enableProduct(w.pool, w.product)).events),
      "productToggled",
    );
    assert.deepEqual([off[0].enabled, on[0].enabled], [false, true]);
    assert.equal((await w.admin.client.fetchProduct(w.product)).enabled, 1);
  });

  it("a rejection is recorded; a role change makes the proposal stale, so it expires", async () => {
    const proposed = await w.proposeArbitrage(TRADE_SIZE);
    record(proposed.events);
    const [vote] = eventsNamed(
      record((await w.validators[1].client.reject(w.pool, proposed.address, "route lost its edge")).events),
      "tradeVoted",
    );
    assert.deepEqual(
      [vote.approve, vote.reason, vote.rejections, variantName(vote.status)],
      [false, "route lost its edge", 1, "pending"],
    );

    const demoted = w.validators[2].wallet.publicKey;
    const [roleChange] = eventsNamed(
      record((await w.admin.client.setValidatorRole(w.pool, demoted, "junior")).events),
      "validatorChanged",
    );
    assert.deepEqual(
      [variantName(roleChange.oldRole!), variantName(roleChange.newRole!)],
      ["senior", "junior"],
    );
    const before = await snapshot(connection, [proposed.address]);
    const [expired] = eventsNamed(
      record((await w.admin.client.expireProposal(w.pool, proposed.address)).events),
      "proposalExpired",
    );
    assert.equal(expired.stale, true);
    assert.notDeepEqual(await snapshot(connection, [proposed.address]), before);
    assert.equal(proposalStatus((await w.admin.client.fetchProposal(proposed.address))!), "expired");
    const pool = await w.admin.client.fetchPool(w.pool.pool);
    assert.deepEqual([pool.tradesProposed, pool.tradesExpired].map(big), [1n, 1n]);
    record((await w.admin.client.closeProposal(w.pool, proposed.address)).events);
  });

  it("removes a keeper and a validator", async () => {
    const [keeper] = eventsNamed(
      record((await w.admin.client.removeKeeper(w.pool, w.keeper.wallet.publicKey)).events),
      "keeperChanged",
    );
    assert.equal(keeper.authorised, false);
    const removed = w.validators[2].wallet.publicKey;
    const [change] = eventsNamed(
      record((await w.admin.client.removeValidator(w.pool, removed)).events),
      "validatorChanged",
    );
    assert.equal(variantName(change.oldRole!), "junior");
    assert.equal(change.newRole, null);
    const set = await w.admin.client.fetchValidatorSet(w.pool);
    assert.equal(set.validatorCount, 3);
    assert.equal(keepersOf(set).length, 0);
    assert.ok(validatorsOf(set).every((v) => !v.key.equals(removed)));
  });

  it("decoded every event type the IDL declares", () => {
    const declared = convertIdlToCamelCase(POOL_BOT_IDL)
      .events!.map((e) => e.name as PoolBotEventName)
      .sort();
    assert.deepEqual([...seen].sort(), declared);
  });
});
