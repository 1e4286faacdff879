/**
 * Refusals a wallet user can hit. Each must come back as the program's named error, decoded by
 * the TS client (Anchor's `AnchorError`, and `decodeProgramError`) with the name and code the
 * IDL gives it, and must leave every account it touched unchanged.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createTransferInstruction, TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { PublicKey } from "@solana/web3.js";
import {
  AmmAddresses,
  claimableStake,
  depositMustBeRequested,
  legFromInstruction,
  legRuleViolation,
  legRulesOf,
  LocalAmmClient,
  marketsOf,
  poolBotError,
  RouteLeg,
  sharesForWithdrawal,
  sharesToBurnForAssets,
  toBN,
  TradeTerms,
  withdrawalLeavesDust,
} from "@poolbot/sdk";
import { big, connect, tokenAccount, tokenBalance } from "./support/localnet";
import { Actor, createMarket, Proposed, SeedPool, SOL, TRADE_SIZE, USDC } from "./support/seed";
import { refused } from "./support/refused";

const connection = connect();

describe("refusals a wallet user can hit", () => {
  let w: SeedPool;
  let member: Actor;
  let proposal: Proposed;

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
    member = w.members[0];
    proposal = await w.proposeArbitrage(TRADE_SIZE);
  });

  it("a deposit below the minimum contribution: BelowMinContribution", async () => {
    const newcomer = await w.newMember(1_000n);
    const wallet = newcomer.wallet.publicKey;
    await refused(() => newcomer.client.deposit(w.pool, 100n * USDC - 1n), "BelowMinContribution", [
      w.pool.pool,
      w.pool.vault,
      newcomer.usdc,
      w.pool.member(wallet),
      wallet,
    ]);
    assert.equal(
      poolBotError("BelowMinContribution").msg,
      "Deposit is below the pool's minimum contribution",
    );
    assert.equal(await newcomer.client.fetchMember(w.pool), null, "no position was created");
  });

  it("withdrawing more than the member owns, by shares or by amount: InsufficientShares", async () => {
    const position = (await member.client.fetchMember(w.pool))!;
    const watched = [w.pool.pool, w.pool.vault, member.usdc, w.pool.member(member.wallet.publicKey)];
    await refused(
      () => member.client.withdraw(w.pool, { shares: big(position.shares) + 1n }),
      "InsufficientShares",
      watched,
    );
    const pool = await member.client.fetchPool(w.pool.pool);
    const tooMuch = 1_000n * USDC + 1n;
    assert.ok(
      sharesToBurnForAssets(tooMuch, big(pool.totalShares), big(pool.totalAssets)) > big(position.shares),
    );
    await refused(() => member.client.withdraw(w.pool, { amount: tooMuch }), "InsufficientShares", watched);
  });

  it("a withdrawal by a wallet that never deposited: Anchor's AccountNotInitialized", async () => {
    const stranger = await w.newMember(0n);
    await refused(
      () => stranger.client.withdraw(w.pool, { shares: 1n }),
      "AccountNotInitialized",
      [w.pool.pool, w.pool.vault, stranger.usdc],
      3012,
    );
  });

  it("a vote by a wallet that is no validator: NotValidator", async () => {
    await refused(() => member.client.approveTrade(w.pool, proposal.address), "NotValidator", [
      proposal.address,
      w.pool.pool,
      w.pool.validatorSet,
    ]);
    await refused(() => member.client.rejectTrade(w.pool, proposal.address, "no"), "NotValidator", [
      proposal.address,
      w.pool.validatorSet,
    ]);
  });

  it("a second vote by the same validator: AlreadyVoted", async () => {
    const senior = w.validators[1];
    await senior.client.approveTrade(w.pool, proposal.address);
    await refused(() => senior.client.approveTrade(w.pool, proposal.address), "AlreadyVoted", [
      proposal.address,
      w.pool.pool,
      w.pool.validatorSet,
    ]);
  });

  it("a claim above what the reserve holds: ClaimExceedsReserve", async () => {
    const reserve = await member.client.fetchInsurance(w.pool);
    assert.equal(big(reserve.totalFunded) + big(reserve.totalAllocated), 0n);
    await refused(() => member.client.fileClaim(w.pool, 1n, "lost money"), "ClaimExceedsReserve", [
      w.pool.pool,
      w.pool.insurance,
      w.pool.claim(0),
    ]);
  });

  it("an instant deposit while a trade proposal is live: ProposalsLive (request it instead)", async () => {
    const newcomer = await w.newMember(1_000n);
    const wallet = newcomer.wallet.publicKey;
    const pool = await newcomer.client.fetchPool(w.pool.pool);
    assert.equal(depositMustBeRequested(pool, await newcomer.client.chainTime()), true);
    assert.equal(await newcomer.client.depositMustBeRequested(w.pool), true);
    await refused(() => newcomer.client.deposit(w.pool, 200n * USDC), "ProposalsLive", [
      w.pool.pool,
      w.pool.vault,
      newcomer.usdc,
      w.pool.member(wallet),
      wallet,
    ]);
    assert.equal(await newcomer.client.fetchMember(w.pool), null, "no position was created");
  });

  it("a withdrawal that leaves less than the minimum contribution: WithdrawalLeavesDust", async () => {
    const pool = await member.client.fetchPool(w.pool.pool);
    const held = big((await member.client.fetchMember(w.pool))!.shares);
    const amount = 950n * USDC;
    assert.ok(withdrawalLeavesDust(pool, held, sharesForWithdrawal(pool, amount)), "the SDK predicts it");
    assert.ok(!withdrawalLeavesDust(pool, held, held), "withdrawing everything is fine");
    await refused(() => member.client.withdraw(w.pool, { amount }), "WithdrawalLeavesDust", [
      w.pool.pool,
      w.pool.vault,
      member.usdc,
      w.pool.member(member.wallet.publicKey),
    ]);
  });

  describe("routes outside the product's rules (the swap rule, the two seed markets)", () => {
    let keeperUsdc: PublicKey;
    /** A third USDC/SOL pool, SOL dearer still, that the product does not list. */
    let unlisted: AmmAddresses;

    before(async () => {
      keeperUsdc = await tokenAccount(connection, w.payer, w.usdc, w.keeper.wallet.publicKey);
      unlisted = new AmmAddresses(w.usdc, w.sol, 2, TOKEN_PROGRAM_ID);
      await createMarket(connection, w.payer, unlisted, 1_000_000n * USDC, 9_000n * SOL);
    });

    /** What every refused route could have touched: nothing of it may change. */
    const watched = async () => {
      const next = (await w.keeper.client.fetchPool(w.pool.pool)).nextProposalId.toNumber();
      return [
        w.pool.pool,
        w.pool.vault,
        w.poolSol,
        w.product,
        w.pool.proposal(next),
        keeperUsdc,
        w.cheap.vaultA,
        w.cheap.vaultB,
        unlisted.vaultA,
      ];
    };
    const terms = (gain: bigint): TradeTerms => ({
      amountIn: TRADE_SIZE,
      expectedProfit: gain,
      minProfit: gain / 2n,
    });
    const propose = (legs: RouteLeg[], gain: bigint) => () =>
      w.keeper.client.proposeTrade(w.pool, w.product, terms(gain), legs);

    it("a swap paying its output to an account the pool does not own: LegAccountNotPoolOwned", async () => {
      const { legs, gain } = await w.arbitrageRoute(TRADE_SIZE, { payTo: keeperUsdc });
      assert.ok(gain > 0n, "it would look profitable to the keeper");
      await refused(propose(legs, gain), "LegAccountNotPoolOwned", await watched());
      assert.equal(await tokenBalance(connection, keeperUsdc), 0n);
    });

    it("a swap on a market the product does not list: MarketNotAllowed", async () => {
      const { legs, gain } = await w.arbitrageRoute(TRADE_SIZE, { sellOn: unlisted });
      assert.ok(gain > 0n, "an even better price on the unlisted pool");
      const product = await w.keeper.client.fetchProduct(w.product);
      assert.equal(
        legRuleViolation(legRulesOf(product), marketsOf(product), legs[1]),
        "MarketNotAllowed",
        "the SDK predicts it",
      );
      await refused(propose(legs, gain), "MarketNotAllowed", await watched());
    });

    it("another instruction of the allowed program: LegNotAllowed; another program: ProgramNotAllowed", async () => {
      const amm = LocalAmmClient.connect(connection, w.payer);
      // The pool PDA "adding liquidity" would hand its USDC and SOL to the AMM pool.
      const addLiquidity = legFromInstruction(
        await amm.program.methods
          .addLiquidity({ amountA: toBN(USDC), amountB: toBN(SOL) })
          .accountsStrict({
            authority: w.pool.pool,
            pool: w.cheap.pool,
            mintA: w.usdc,
            mintB: w.sol,
            vaultA: w.cheap.vaultA,
            vaultB: w.cheap.vaultB,
            sourceA: w.pool.vault,
            sourceB: w.poolSol,
            tokenProgram: TOKEN_PROGRAM_ID,
          })
          .instruction(),
      );
      const product = await w.keeper.client.fetchProduct(w.product);
      assert.equal(legRuleViolation(legRulesOf(product), [], addLiquidity), "LegNotAllowed");
      await refused(propose([addLiquidity], 10n * USDC), "LegNotAllowed", await watched());
      // A plain token transfer out of the vault, signed by the pool PDA.
      const skim = legFromInstruction(createTransferInstruction(w.pool.vault, keeperUsdc, w.pool.pool, USDC));
      await refused(propose([skim], 10n * USDC), "ProgramNotAllowed", await watched());
    });

    it("a route that takes more of the vault than its amount in is refused when executed: RouteSpentTooMuch", async () => {
      // The legs swap TRADE_SIZE, but the proposal declares half of it.
      const { legs, gain } = await w.arbitrageRoute(TRADE_SIZE);
      const declared = { amountIn: TRADE_SIZE / 2n, expectedProfit: gain, minProfit: gain / 2n };
      const sent = await w.keeper.client.proposeTrade(w.pool, w.product, declared, legs);
      await w.validators[0].client.approveTrade(w.pool, sent.proposal);
      await w.validators[2].client.approveTrade(w.pool, sent.proposal);
      await refused(() => w.keeper.client.executeAndDistribute(w.pool, sent.proposal), "RouteSpentTooMuch", [
        sent.proposal,
        w.pool.pool,
        w.pool.vault,
        w.poolSol,
        w.pool.insuranceVault,
        w.product,
        w.cheap.vaultA,
        w.dear.vaultA,
      ]);
    });
  });

  describe("claims", () => {
    let senior: Actor;
    let claim: PublicKey;

    before(async () => {
      const funder = await w.newMember(2_000n);
      await funder.client.fundInsurance(w.pool, 2_000n * USDC, funder.usdc);
      // A SENIOR validator who is also a member (a request: a proposal is live) files a claim.
      senior = w.validators[1];
      senior.usdc = await tokenAccount(connection, w.payer, w.usdc, senior.wallet.publicKey, 500n * USDC);
      await senior.client.requestDeposit(w.pool, 200n * USDC);
      claim = (await senior.client.fileClaim(w.pool, 50n * USDC, "my own loss")).claim;
    });

    const watched = () => [
      claim,
      w.pool.pool,
      w.pool.validatorSet,
      w.pool.insurance,
      w.pool.insuranceVault,
      w.pool.member(senior.wallet.publicKey),
    ];

    it("a claimant voting on their own claim: ClaimantCannotVote", async () => {
      await refused(() => senior.client.approveClaim(w.pool, claim), "ClaimantCannotVote", watched());
      await refused(() => senior.client.denyClaim(w.pool, claim, "no"), "ClaimantCannotVote", watched());
    });

    it("a second claim while one is open: ClaimAlreadyOpen", async () => {
      await refused(() => senior.client.fileClaim(w.pool, 10n * USDC, "again"), "ClaimAlreadyOpen", [
        ...watched(),
        w.pool.claim(1),
      ]);
    });

    it("a claim above the claimant's stake: ClaimExceedsStake", async () => {
      const position = (await member.client.fetchMember(w.pool))!;
      const stake = claimableStake(position);
      assert.equal(stake, 1_000n * USDC, "capital contributed, nothing withdrawn or paid");
      await refused(
        () => member.client.fileClaim(w.pool, stake + 1n, "more than I put in"),
        "ClaimExceedsStake",
        [w.pool.pool, w.pool.insurance, w.pool.member(member.wallet.publicKey), w.pool.claim(1)],
      );
    });
  });
});
