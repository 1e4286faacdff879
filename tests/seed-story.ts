/**
 * The seed story (`crates/seed/src/story.rs`) through the TypeScript SDK against the local
 * validator, asserting the same relations as `StoryFigures::check`; then deposits made while a
 * proposal is live (queued, settled after it, at the later price) and a claim that expires, on
 * a pool with short lifetimes; then the rest of the audit trail, with every account type
 * fetched and every event type decoded along the way.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { convertIdlToCamelCase } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import {
  assetsForShares,
  Change,
  chainTime,
  claimStatus,
  decodeName,
  decodeProgramError,
  describeChange,
  depositMustBeRequested,
  depositReadyAt,
  depositsAwaitingSettlement,
  encodeRoute,
  eventsNamed,
  I64_MAX,
  keepersOf,
  legRulesOf,
  LOCAL_AMM_PROGRAM_ID,
  LOCAL_AMM_SWAP_DISCRIMINATOR,
  LocalAmmClient,
  localAmmSwapRule,
  marketsOf,
  memberValue,
  parseAmmEvents,
  pendingRequestCount,
  POOL_BOT_IDL,
  POOL_BOT_PROGRAM_ID,
  PoolBotClient,
  PoolBotEvent,
  PoolBotEventName,
  productProgramsOf,
  proposalRoute,
  proposalStatus,
  routeHash,
  SEEDS,
  sharesForDeposit,
  shortKey,
  splitProfit,
  validatorsOf,
  variantName,
  votersOf,
  VIRTUAL_SHARES,
} from "@poolbot/sdk";
import { big, connect, snapshot, tokenBalance, waitForClusterTime } from "./support/localnet";
import {
  Actor,
  AMM_FEE_BPS,
  CLAIM_TTL,
  DEPOSITS,
  Proposed,
  SeedPool,
  SOL,
  TRADE_SIZE,
  USDC,
} from "./support/seed";

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
    assert.equal(pool.claimRequiredApprovals, 2);
    assert.equal(pool.claimRequireLead, 1);
    assert.equal(big(pool.claimTtl), BigInt(CLAIM_TTL));
    assert.equal(pool.decimals, 6);
    assert.equal(pool.paused, 0);
    // no proposal yet, so deposits buy shares at once; no deposit request waits
    assert.equal(big(pool.proposalsLiveUntil), 0n);
    assert.equal(depositMustBeRequested(pool, await chainTime(connection)), false);
    assert.equal(big(pool.depositQueueReadyAt), I64_MAX);
    assert.deepEqual([pool.nextDepositId, pool.depositQueueHead, pool.pendingDeposits].map(big), [
      0n,
      0n,
      0n,
    ]);
    // three validators added and one quorum change (trade and claim quorum in one update)
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
    // The Rust seed's product: the local AMM's swap as its one leg rule, the two seed markets.
    assert.deepEqual(legRulesOf(product), [localAmmSwapRule()]);
    assert.deepEqual(legRulesOf(product)[0], {
      program: LOCAL_AMM_PROGRAM_ID,
      discriminator: LOCAL_AMM_SWAP_DISCRIMINATOR,
      sourceIndex: 2,
      destinationIndex: 3,
      marketIndex: 1,
    });
    assert.deepEqual(productProgramsOf(product), [LOCAL_AMM_PROGRAM_ID]);
    assert.deepEqual(marketsOf(product), [w.cheap.pool, w.dear.pool]);
    assert.deepEqual([product.ruleCount, product.marketCount], [1, 2]);
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

    // every governance change of the setup went through the queue, applied at once (time lock 0)
    assert.equal(big(pool.timeLock), 0n);
    assert.equal(big(pool.nextChangeId), 6n);
    assert.deepEqual(await client.listPendingChanges(w.pool), []);
    const applied = (name: string) => ["changeQueued", name, "changeFinished"];
    assert.deepEqual(names(w.setupEvents), [
      "poolInitialized",
      ...applied("validatorChanged"),
      ...applied("validatorChanged"),
      ...applied("validatorChanged"),
      ...applied("configUpdated"),
      ...applied("keeperChanged"),
      "productRegistered",
      ...applied("productToggled"),
    ]);
    const queued = eventsNamed(w.setupEvents, "changeQueued");
    assert.deepEqual(
      queued.map((q) => [big(q.id), q.account.toBase58(), big(q.eta) > 0n]),
      [0, 1, 2, 3, 4, 5].map((id) => [BigInt(id), w.pool.change(id).toBase58(), true]),
    );
    assert.deepEqual(
      queued.map((q) => describeChange(q.change)),
      [
        `Add validator ${shortKey(w.validators[0].wallet.publicKey)} as LEAD`,
        `Add validator ${shortKey(w.validators[1].wallet.publicKey)} as SENIOR`,
        `Add validator ${shortKey(w.validators[2].wallet.publicKey)} as SENIOR`,
        "Set trade quorum to 2, claim quorum to 2",
        `Authorise keeper ${shortKey(w.keeper.wallet.publicKey)}`,
        `Enable product ${shortKey(w.product)}`,
      ],
    );
    const finished = eventsNamed(w.setupEvents, "changeFinished");
    assert.ok(
      finished.every((f, i) => f.applied && big(f.id) === BigInt(i) && f.by.equals(w.admin.wallet.publicKey)),
    );
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
    assert.equal(config.claimRequiredApprovals, 2);
    assert.equal(config.claimRequireLead, true);
    assert.equal(big(config.claimTtl), BigInt(CLAIM_TTL));
    assert.equal(big(config.configVersion), 4n);
    const [keeper] = eventsNamed(w.setupEvents, "keeperChanged");
    assert.ok(keeper.keeper.equals(w.keeper.wallet.publicKey) && keeper.authorised);
    const [registered] = eventsNamed(w.setupEvents, "productRegistered");
    assert.ok(registered.product.equals(w.product));
    assert.equal(variantName(registered.category), "arbitrage");
    assert.deepEqual(registered.programs, [LOCAL_AMM_PROGRAM_ID]);
    assert.deepEqual(registered.markets, [w.cheap.pool, w.dear.pool]);
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
      assert.deepEqual([position.pendingDeposit, position.claimsPaid].map(big), [0n, 0n]);
      assert.equal(position.openClaim, 0);
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
    const live = await w.keeper.client.fetchPool(w.pool.pool);
    assert.equal(big(live.proposalsLiveUntil), big(stored.expiresAt), "deposits now wait for it");
    assert.equal(depositMustBeRequested(live, await chainTime(connection)), true);
    assert.equal(stored.bump, bumpOf([SEEDS.proposal, w.pool.pool.toBuffer(), Buffer.alloc(8)]));

    const vote = async (i: number) =>
      eventsNamed(
        record((await w.validators[i].client.approveTrade(w.pool, proposal.address)).events),
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
    const shares = DEPOSITS.reduce((a, b) => a + b) * USDC;
    memberValues = [];
    for (const [i, usdc] of DEPOSITS.entries()) {
      const position = (await w.members[i].client.fetchMember(w.pool))!;
      const value = memberValue(pool, position);
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
    assert.equal(p.length, 416);
    assert.ok(new PublicKey(p.subarray(96, 128)).equals(pool.tokenProgram));
    assert.equal(p.readBigUInt64LE(160), big(pool.minContribution));
    assert.equal(p.readBigInt64LE(176), big(pool.claimTtl));
    assert.equal(p.readBigInt64LE(184), big(pool.timeLock));
    assert.equal(p.readBigInt64LE(192), big(pool.proposalsLiveUntil));
    assert.equal(p.readBigInt64LE(200), big(pool.mandatesActiveUntil));
    assert.equal(p.readBigInt64LE(208), big(pool.depositQueueReadyAt));
    assert.equal(p.readBigUInt64LE(216), big(pool.totalShares));
    assert.equal(p.readBigUInt64LE(232), big(pool.pendingDeposits));
    assert.equal(p.readBigUInt64LE(264), big(pool.totalMemberProfit));
    assert.equal(p.readBigUInt64LE(312), big(pool.nextDepositId));
    assert.equal(p.readBigUInt64LE(320), big(pool.nextChangeId));
    assert.equal(p.readBigUInt64LE(320), 6n);
    assert.equal(p.readBigUInt64LE(328), big(pool.nextMandateId));
    assert.equal(p.readBigUInt64LE(336), big(pool.mandateTrades));
    assert.equal(p.readBigUInt64LE(344), big(pool.depositQueueHead));
    assert.equal(p.readBigUInt64LE(376), big(pool.tradesExecuted));
    assert.equal(p.readUInt32LE(396), pool.activeMembers);
    assert.equal(p.readUInt16LE(404), pool.insuranceBps);
    assert.deepEqual(
      [...p.subarray(406, 414)],
      [
        pool.requiredApprovals,
        pool.requireLeadApproval,
        pool.claimRequiredApprovals,
        pool.claimRequireLead,
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
    assert.equal(d.length, 832);
    // leg_rules: 4 × 48 bytes from 64 (program, discriminator[8], len, source, destination, market, padding)
    const rule = product.legRules[0];
    assert.ok(new PublicKey(d.subarray(64, 96)).equals(rule.program));
    assert.deepEqual([...d.subarray(96, 104)], rule.discriminator);
    assert.deepEqual(
      [...d.subarray(104, 108)],
      [rule.discriminatorLen, rule.sourceIndex, rule.destinationIndex, rule.marketIndex],
    );
    assert.deepEqual([...d.subarray(104, 108)], [8, 2, 3, 1]);
    // markets: 16 × 32 bytes from 256
    assert.ok(new PublicKey(d.subarray(256, 288)).equals(product.markets[0]));
    assert.ok(new PublicKey(d.subarray(288, 320)).equals(w.dear.pool));
    assert.equal(d.readBigUInt64LE(768), big(product.id));
    assert.equal(d.readBigUInt64LE(808), big(product.totalProfit));
    assert.equal(d.readUInt16LE(824), product.maxLiquidityBps);
    assert.deepEqual(
      [...d.subarray(826, 831)],
      [product.category, product.enabled, product.ruleCount, product.marketCount, product.bump],
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
    assert.equal(big(claim.expiresAt) - big(claim.filedAt), BigInt(CLAIM_TTL), "open for votes 7 days");
    assert.equal(big(claimFiled.expiresAt), big(claim.expiresAt));
    assert.equal((await claimant.client.fetchMember(w.pool))!.openClaim, 1, "one open claim at a time");
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
    const paidPosition = (await claimant.client.fetchMember(w.pool))!;
    assert.deepEqual([big(paidPosition.claimsPaid), paidPosition.openClaim], [amount, 0]);

    // The LEAD and both SENIORs deny: with only the ADMIN left, 2 approvals are out of reach.
    const unlucky = w.members[2];
    const other = await unlucky.client.fileClaim(w.pool, amount, "felt unlucky");
    record(other.events);
    const deniers = w.validators;
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
      [
        reserve.claimsFiled,
        reserve.claimsPaid,
        reserve.claimsDenied,
        reserve.claimsExpired,
        reserve.pendingClaims,
      ].map(big),
      [2n, 1n, 1n, 0n, 0n],
    );
    const deniedPosition = (await unlucky.client.fetchMember(w.pool))!;
    assert.deepEqual([big(deniedPosition.claimsPaid), deniedPosition.openClaim], [0n, 0], "may file again");
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

describe("deposits while a proposal is live, and a claim that expires", () => {
  // Proposals live 30 s and claims 10 s here, so the test can wait for both to end.
  const PROPOSAL_TTL = 30;
  const SHORT_CLAIM_TTL = 10;
  let w: SeedPool;
  let proposal: Proposed;
  let readyAt: number;
  let newcomers: Actor[];
  let requests: PublicKey[];
  /** The pool's books once the trade has run, before the requests are settled. */
  let books: { shares: bigint; assets: bigint; memberProfit: bigint };
  const deposited = DEPOSITS.reduce((a, b) => a + b) * USDC;
  const REQUESTED = [2_000n * USDC, 700n * USDC];

  before(async () => {
    w = await SeedPool.build(connection, { proposalTtl: PROPOSAL_TTL, claimTtl: SHORT_CLAIM_TTL });
    record(w.setupEvents);
    for (const sent of await w.joinMembers()) record(sent.events);
  });

  it("a deposit made while a proposal is live waits as a request; the trade's profit goes to the shares that existed", async () => {
    proposal = await w.proposeArbitrage(TRADE_SIZE);
    record(proposal.events);
    const stored = (await w.keeper.client.fetchProposal(proposal.address))!;
    readyAt = stored.expiresAt.toNumber();
    let pool = await w.admin.client.fetchPool(w.pool.pool);
    const now = await chainTime(connection);
    assert.equal(depositMustBeRequested(pool, now), true);
    assert.equal(depositReadyAt(pool, now), readyAt, "it waits for the live proposal to end");

    newcomers = [await w.newMember(2_000n), await w.newMember(700n)];
    assert.equal(await newcomers[0].client.depositMustBeRequested(w.pool), true);
    const vaultBefore = await w.vaultBalance();
    const sent = [];
    for (const [i, who] of newcomers.entries())
      sent.push(await who.client.requestDeposit(w.pool, REQUESTED[i]));
    requests = sent.map((s) => s.request);
    assert.deepEqual(
      sent.map((s) => s.id),
      [0, 1],
    );
    assert.ok(requests[0].equals(w.pool.depositRequest(0)));
    const events = sent.map((s) => eventsNamed(record(s.events), "depositRequested")[0]);
    for (const [i, e] of events.entries()) {
      assert.ok(e.request.equals(requests[i]) && e.member.equals(newcomers[i].wallet.publicKey));
      assert.equal(big(e.id), BigInt(i));
      assert.equal(big(e.amount), REQUESTED[i]);
      assert.equal(big(e.readyAt), BigInt(readyAt));
    }
    assert.deepEqual(
      events.map((e) => big(e.pendingDeposits)),
      [REQUESTED[0], REQUESTED[0] + REQUESTED[1]],
    );

    const request = (await newcomers[0].client.fetchDepositRequest(requests[0]))!;
    assert.ok(request.pool.equals(w.pool.pool) && request.depositor.equals(newcomers[0].wallet.publicKey));
    assert.deepEqual([request.id, request.amount, request.readyAt].map(big), [
      0n,
      REQUESTED[0],
      BigInt(readyAt),
    ]);
    assert.ok(request.requestedAt.toNumber() <= readyAt);
    assert.equal(request.bump, bumpOf([SEEDS.deposit, w.pool.pool.toBuffer(), Buffer.alloc(8)]));
    assert.deepEqual(
      (await w.admin.client.pendingDeposits(w.pool)).map((q) => q.publicKey),
      requests,
      "the queue, oldest first",
    );
    assert.equal(
      await w.vaultBalance(),
      vaultBefore + REQUESTED[0] + REQUESTED[1],
      "the tokens are in the vault",
    );
    assert.equal(await tokenBalance(connection, newcomers[0].usdc), 0n);

    pool = await w.admin.client.fetchPool(w.pool.pool);
    assert.equal(big(pool.pendingDeposits), REQUESTED[0] + REQUESTED[1]);
    assert.deepEqual([pool.totalShares, pool.totalAssets].map(big), [deposited, deposited], "not shares yet");
    assert.deepEqual([pool.nextDepositId, pool.depositQueueHead].map(big), [2n, 0n]);
    assert.equal(pendingRequestCount(pool), 2);
    assert.equal(big(pool.depositQueueReadyAt), BigInt(readyAt));
    assert.equal(pool.activeMembers, 5, "a pending deposit makes a member");
    const position = (await newcomers[0].client.fetchMember(w.pool))!;
    assert.deepEqual([position.shares, position.pendingDeposit, position.capitalContributed].map(big), [
      0n,
      REQUESTED[0],
      REQUESTED[0],
    ]);
    assert.equal(variantName(position.status), "active");

    // The trade runs while they wait: its profit reaches only the shares that existed.
    await w.validators[0].client.approveTrade(w.pool, proposal.address);
    await w.validators[1].client.approveTrade(w.pool, proposal.address);
    const executed = eventsNamed(
      record((await w.keeper.client.executeAndDistribute(w.pool, proposal.address)).events),
      "tradeExecuted",
    )[0];
    const memberProfit = big(executed.memberProfit);
    assert.ok(memberProfit > 0n);
    pool = await w.admin.client.fetchPool(w.pool.pool);
    books = { shares: big(pool.totalShares), assets: big(pool.totalAssets), memberProfit };
    assert.deepEqual([books.shares, books.assets], [deposited, deposited + memberProfit]);
    assert.equal(big(pool.pendingDeposits), REQUESTED[0] + REQUESTED[1], "still waiting, outside the books");

    // Settling before the proposals live at request time have ended is refused.
    const err = await w.keeper.client.settleDeposit(w.pool).then(
      () => assert.fail("settled before ready_at"),
      (e: unknown) => e,
    );
    assert.equal(decodeProgramError(err)?.name, "DepositNotReady");
  });

  it("once they have ended, anyone settles the queue in order, at the share price of that moment", async () => {
    await waitForClusterTime(connection, readyAt);
    const anyone = PoolBotClient.connect(connection, w.payer);
    let pool = await anyone.fetchPool(w.pool.pool);
    assert.equal(depositsAwaitingSettlement(pool, await anyone.chainTime()), true, "trades wait for it");
    assert.equal(depositMustBeRequested(pool, await anyone.chainTime()), false);
    const rent = await Promise.all(requests.map((r) => connection.getBalance(r)));
    const lamportsBefore = await Promise.all(newcomers.map((n) => connection.getBalance(n.wallet.publicKey)));

    const sent = await anyone.settleReadyDeposits(w.pool);
    assert.equal(sent.length, 1, "both requests in one transaction, the second passed as next_request");
    const settled = eventsNamed(record(sent[0].events), "depositSettled");
    const first = sharesForDeposit(REQUESTED[0], books.shares, books.assets);
    const second = sharesForDeposit(REQUESTED[1], books.shares + first, books.assets + REQUESTED[0]);
    assert.ok(first < REQUESTED[0], "priced after the trade's profit: fewer shares than units");
    assert.deepEqual(
      settled.map((e) => [big(e.id), big(e.amount), big(e.shares), e.member.toBase58()]),
      [
        [0n, REQUESTED[0], first, newcomers[0].wallet.publicKey.toBase58()],
        [1n, REQUESTED[1], second, newcomers[1].wallet.publicKey.toBase58()],
      ],
    );
    assert.ok(settled[0].request.equals(requests[0]));
    assert.equal(big(settled[1].totalShares), books.shares + first + second);
    assert.equal(big(settled[1].totalAssets), books.assets + REQUESTED[0] + REQUESTED[1]);
    assert.equal(big(settled[1].pendingDeposits), 0n);

    for (const [i, who] of newcomers.entries()) {
      const position = (await who.client.fetchMember(w.pool))!;
      assert.deepEqual([position.shares, position.pendingDeposit].map(big), [i ? second : first, 0n]);
      assert.equal(await who.client.fetchDepositRequest(requests[i]), null, "the request is closed");
      assert.equal(
        await connection.getBalance(who.wallet.publicKey),
        lamportsBefore[i] + rent[i],
        "its rent went back to the depositor",
      );
      // None of the trade's profit: worth what they put in, less rounding.
      pool = await anyone.fetchPool(w.pool.pool);
      const value = memberValue(pool, position);
      assert.ok(value <= REQUESTED[i] && REQUESTED[i] - value <= 1n, `newcomer ${i}: ${value}`);
    }
    assert.deepEqual([pool.pendingDeposits, pool.nextDepositId, pool.depositQueueHead].map(big), [
      0n,
      2n,
      2n,
    ]);
    assert.equal(big(pool.depositQueueReadyAt), I64_MAX);
    assert.equal(depositsAwaitingSettlement(pool, await anyone.chainTime()), false);
    // The members who were there got the whole profit (less the virtual shares' sliver).
    const values = await Promise.all(
      w.members.map(async (m) => memberValue(pool, (await m.client.fetchMember(w.pool))!)),
    );
    const total = values.reduce((a, b) => a + b);
    assert.ok(total <= deposited + books.memberProfit && total >= deposited + books.memberProfit - 2n * USDC);
    assert.deepEqual(await anyone.settleReadyDeposits(w.pool), [], "nothing left to settle");

    // No proposal is live any more: a deposit buys shares at once.
    const late = await w.newMember(300n);
    const direct = await late.client.depositOrRequest(w.pool, 300n * USDC);
    assert.equal(direct.requested, false);
    const [deposit] = eventsNamed(record(direct.events), "deposited");
    assert.equal(
      big(deposit.shares),
      sharesForDeposit(300n * USDC, big(pool.totalShares), big(pool.totalAssets)),
    );
  });

  it("an undecided claim expires: anyone marks it, the reserve releases it, the claimant may file again after a cooldown", async () => {
    const funder = await w.newMember(500n);
    record((await funder.client.fundInsurance(w.pool, 500n * USDC, funder.usdc)).events);
    const claimant = w.members[2];
    const amount = 50n * USDC;
    const filed = await claimant.client.fileClaim(w.pool, amount, "slow to decide");
    const [event] = eventsNamed(record(filed.events), "claimFiled");
    const claim = (await claimant.client.fetchClaim(filed.claim))!;
    assert.equal(big(claim.expiresAt) - big(claim.filedAt), BigInt(SHORT_CLAIM_TTL));
    assert.equal(big(event.expiresAt), big(claim.expiresAt));
    const anyone = PoolBotClient.connect(connection, w.payer);
    const early = await anyone.expireClaim(w.pool, filed.claim).then(
      () => assert.fail("expired while still open"),
      (e: unknown) => e,
    );
    assert.equal(decodeProgramError(early)?.name, "ClaimStillOpen");
    record((await w.validators[0].client.approveClaim(w.pool, filed.claim)).events);

    await waitForClusterTime(connection, claim.expiresAt.toNumber());
    const late = await w.validators[1].client.approveClaim(w.pool, filed.claim).then(
      () => assert.fail("voted after expiry"),
      (e: unknown) => e,
    );
    assert.equal(decodeProgramError(late)?.name, "ClaimExpired");
    const reserveBefore = await w.insuranceBalance();
    const [expired] = eventsNamed(
      record((await anyone.expireClaim(w.pool, filed.claim)).events),
      "claimExpired",
    );
    assert.ok(expired.claim.equals(filed.claim) && expired.pool.equals(w.pool.pool));
    assert.deepEqual([expired.id, expired.amount].map(big), [0n, amount]);
    const after = (await anyone.fetchClaim(filed.claim))!;
    assert.equal(claimStatus(after), "expired");
    assert.ok(after.decidedAt.toNumber() >= claim.expiresAt.toNumber());
    const reserve = await anyone.fetchInsurance(w.pool);
    assert.deepEqual(
      [
        reserve.claimsFiled,
        reserve.claimsExpired,
        reserve.pendingClaims,
        reserve.pendingAmount,
        reserve.totalPaid,
      ].map(big),
      [1n, 1n, 0n, 0n, 0n],
    );
    assert.equal(await w.insuranceBalance(), reserveBefore, "nothing paid");
    const position = (await claimant.client.fetchMember(w.pool))!;
    assert.deepEqual([position.openClaim, big(position.claimsPaid)], [0, 0n]);

    record((await anyone.closeClaim(w.pool, filed.claim)).events);
    assert.equal(await anyone.fetchClaim(filed.claim), null);
    // not at once: a member cannot keep the reserve held back by re-filing
    const soon = await claimant.client.fileClaim(w.pool, amount, "right away").then(
      () => assert.fail("filed again during the cooldown"),
      (e: unknown) => e,
    );
    assert.equal(decodeProgramError(soon)?.name, "ClaimCooldown");
    const cooling = (await claimant.client.fetchMember(w.pool))!;
    assert.ok(cooling.nextClaimAt.toNumber() >= after.decidedAt.toNumber() + SHORT_CLAIM_TTL);
    await waitForClusterTime(connection, cooling.nextClaimAt.toNumber());
    const again = await claimant.client.fileClaim(w.pool, amount, "second try");
    assert.equal(again.id, 1);
    record(again.events);
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
    // disabling is immediate; enabling is a queued change (applied at once: time lock 0)
    const enabled = await w.admin.client.govern(w.pool, [Change.enableProduct(w.product)]);
    assert.equal(enabled.applied, true);
    const on = eventsNamed(record(enabled.sent[0].events), "productToggled");
    assert.deepEqual([off[0].enabled, on[0].enabled], [false, true]);
    assert.equal((await w.admin.client.fetchProduct(w.product)).enabled, 1);
  });

  it("a rejection is recorded; a role change makes the proposal stale, so it expires", async () => {
    const proposed = await w.proposeArbitrage(TRADE_SIZE);
    record(proposed.events);
    const [vote] = eventsNamed(
      record(
        (await w.validators[1].client.rejectTrade(w.pool, proposed.address, "route lost its edge")).events,
      ),
      "tradeVoted",
    );
    assert.deepEqual(
      [vote.approve, vote.reason, vote.rejections, variantName(vote.status)],
      [false, "route lost its edge", 1, "pending"],
    );

    const demoted = w.validators[2].wallet.publicKey;
    const [roleChange] = eventsNamed(
      record(
        (await w.admin.client.govern(w.pool, [Change.setValidatorRole(demoted, "junior")])).sent[0].events,
      ),
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
      record((await w.admin.client.govern(w.pool, [Change.removeValidator(removed)])).sent[0].events),
      "validatorChanged",
    );
    assert.equal(variantName(change.oldRole!), "junior");
    assert.equal(change.newRole, null);
    const set = await w.admin.client.fetchValidatorSet(w.pool);
    assert.equal(set.validatorCount, 3);
    assert.equal(keepersOf(set).length, 0);
    assert.ok(validatorsOf(set).every((v) => !v.key.equals(removed)));
  });

  it("decoded every event type the IDL declares (the mandate events: tests/mandates.ts)", () => {
    const declared = convertIdlToCamelCase(POOL_BOT_IDL)
      .events!.map((e) => e.name as PoolBotEventName)
      .filter((name) => !name.startsWith("mandate"))
      .sort();
    assert.deepEqual([...seen].sort(), declared);
  });
});
