/**
 * The pure builders against Anchor's own instruction builder (`program.methods...
 * .accountsStrict(...).instruction()`): same program, account metas (order, signer, writable)
 * and data for every instruction, with no cluster involved.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AnchorProvider, Program } from "@anchor-lang/core";
import { Connection, Keypair, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import BN from "bn.js";
import {
  Change,
  instructions as ix,
  KeypairWallet,
  localAmmSwapRule,
  legRuleArgs,
  packRoute,
  PoolAddresses,
  POOL_BOT_IDL,
  PoolBot,
  productCategory,
  RouteLeg,
} from "../src";

const TOKEN_PROGRAM = TOKEN_PROGRAM_ID;
const key = () => Keypair.generate().publicKey;
const program = new Program<PoolBot>(
  POOL_BOT_IDL,
  new AnchorProvider(new Connection("http://127.0.0.1:1"), new KeypairWallet(Keypair.generate()), {}),
);
const m = program.methods;
const p = new PoolAddresses(key(), key(), TOKEN_PROGRAM);
const signer = key();
const legs: RouteLeg[] = [
  {
    programId: key(),
    accounts: [
      { pubkey: p.vault, isSigner: false, isWritable: true },
      { pubkey: p.pool, isSigner: true, isWritable: false },
      { pubkey: key(), isSigner: false, isWritable: true },
    ],
    data: Buffer.from([1, 2, 3]),
  },
];

function same(actual: TransactionInstruction, expected: TransactionInstruction) {
  assert.ok(actual.programId.equals(expected.programId));
  assert.deepEqual(
    actual.keys.map((k) => [k.pubkey.toBase58(), k.isSigner, k.isWritable]),
    expected.keys.map((k) => [k.pubkey.toBase58(), k.isSigner, k.isWritable]),
  );
  assert.equal(actual.data.toString("hex"), expected.data.toString("hex"));
}

describe("instruction builders match Anchor's", () => {
  it("pool administration and governance", async () => {
    const config = {
      name: "Pool",
      maxMembers: 10,
      minContribution: 5n,
      insuranceBps: 500,
      requiredApprovals: 2,
      requireLeadApproval: true,
      proposalTtl: 3600,
      claimRequiredApprovals: 1,
      claimRequireLeadApproval: false,
      claimTtl: new BN(7200),
      timeLock: 0,
    };
    same(
      ix.initializePool({ addresses: p, creator: signer, config }),
      await m
        .initializePool({
          ...config,
          minContribution: new BN(5),
          proposalTtl: new BN(3600),
          timeLock: new BN(0),
        })
        .accountsStrict({
          creator: signer,
          mint: p.mint,
          pool: p.pool,
          vault: p.vault,
          validatorSet: p.validatorSet,
          insurance: p.insurance,
          insuranceVault: p.insuranceVault,
          tokenProgram: TOKEN_PROGRAM,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    );
    const admin = { admin: signer, pool: p.pool, validatorSet: p.validatorSet };
    same(
      ix.updateConfig({ addresses: p, admin: signer, changes: { paused: true, timeLock: 60 } }),
      await m
        .updateConfig({ name: null, paused: true, timeLock: new BN(60) })
        .accountsStrict(admin)
        .instruction(),
    );
    const keeper = key();
    const change = Change.addKeeper(keeper);
    same(
      ix.queueChange({ addresses: p, admin: signer, id: 3, change }),
      await m
        .queueChange({ change })
        .accountsStrict({ ...admin, change: p.change(3), systemProgram: SystemProgram.programId })
        .instruction(),
    );
    const product = key();
    for (const c of [change, Change.enableProduct(product)]) {
      same(
        ix.applyChange({ addresses: p, applier: signer, id: 4, proposer: keeper, change: c }),
        await m
          .applyChange()
          .accountsStrict({
            applier: signer,
            pool: p.pool,
            validatorSet: p.validatorSet,
            change: p.change(4),
            proposer: keeper,
            product: "enableProduct" in c ? product : null,
          })
          .instruction(),
      );
    }
    same(
      ix.cancelChange({ addresses: p, admin: signer, id: 5, proposer: keeper }),
      await m
        .cancelChange()
        .accountsStrict({ ...admin, change: p.change(5), proposer: keeper })
        .instruction(),
    );
    same(
      ix.removeKeeper({ addresses: p, admin: signer, keeper }),
      await m.removeKeeper({ keeper }).accountsStrict(admin).instruction(),
    );
    const spec = {
      name: "Arb",
      category: "arbitrage" as const,
      maxTradeAmount: 1000,
      minProfit: 1,
      maxLiquidityBps: 300,
      legRules: [localAmmSwapRule()],
      markets: [key()],
    };
    same(
      ix.registerProduct({ addresses: p, admin: signer, id: 7, spec }),
      await m
        .registerProduct({
          name: spec.name,
          category: productCategory("arbitrage"),
          config: { maxTradeAmount: new BN(1000), minProfit: new BN(1), maxLiquidityBps: 300 },
          legRules: spec.legRules.map(legRuleArgs),
          markets: spec.markets,
        })
        .accountsStrict({ ...admin, product: p.product(7), systemProgram: SystemProgram.programId })
        .instruction(),
    );
    same(
      ix.disableProduct({ addresses: p, admin: signer, product }),
      await m
        .disableProduct()
        .accountsStrict({ ...admin, product })
        .instruction(),
    );
  });

  it("members' deposits, settlement, withdrawals and insurance funding", async () => {
    const token = ix.assetTokenAccount(p, signer);
    const memberAccounts = {
      member: signer,
      pool: p.pool,
      position: p.member(signer),
      memberToken: token,
      vault: p.vault,
      mint: p.mint,
      tokenProgram: TOKEN_PROGRAM,
    };
    same(
      ix.deposit({ addresses: p, member: signer, amount: 100n, minSharesOut: 90 }),
      await m
        .deposit({ amount: new BN(100), minSharesOut: new BN(90) })
        .accountsStrict({ ...memberAccounts, systemProgram: SystemProgram.programId })
        .instruction(),
    );
    same(
      ix.requestDeposit({ addresses: p, member: signer, id: 2, amount: 100 }),
      await m
        .requestDeposit({ amount: new BN(100) })
        .accountsStrict({
          ...memberAccounts,
          request: p.depositRequest(2),
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    );
    const depositor = key();
    for (const hasNext of [false, true]) {
      same(
        ix.settleDeposit({ addresses: p, settler: signer, id: 2, depositor, hasNext }),
        await m
          .settleDeposit()
          .accountsStrict({
            settler: signer,
            pool: p.pool,
            request: p.depositRequest(2),
            depositor,
            position: p.member(depositor),
            nextRequest: hasNext ? p.depositRequest(3) : null,
          })
          .instruction(),
      );
    }
    same(
      ix.withdraw({ addresses: p, member: signer, request: { shares: 5 }, minAmountOut: 4 }),
      await m
        .withdraw({ request: { shares: { 0: new BN(5) } }, minAmountOut: new BN(4) })
        .accountsStrict(memberAccounts)
        .instruction(),
    );
    same(
      ix.withdraw({ addresses: p, member: signer, request: { amount: 7 } }),
      await m
        .withdraw({ request: { amount: { 0: new BN(7) } }, minAmountOut: new BN(0) })
        .accountsStrict(memberAccounts)
        .instruction(),
    );
    same(
      ix.fundInsurance({ addresses: p, funder: signer, amount: 9 }),
      await m
        .fundInsurance({ amount: new BN(9) })
        .accountsStrict({
          funder: signer,
          pool: p.pool,
          insurance: p.insurance,
          insuranceVault: p.insuranceVault,
          funderToken: token,
          mint: p.mint,
          tokenProgram: TOKEN_PROGRAM,
        })
        .instruction(),
    );
  });

  it("trades", async () => {
    const product = key();
    const proposal = p.proposal(4);
    const route = packRoute(legs);
    same(
      ix.proposeTrade({
        addresses: p,
        keeper: signer,
        id: 4,
        product,
        terms: { amountIn: 10, expectedProfit: 3, minProfit: 2 },
        legs,
      }),
      await m
        .proposeTrade({
          amountIn: new BN(10),
          expectedProfit: new BN(3),
          minProfit: new BN(2),
          legs: route.legs,
        })
        .accountsStrict({
          keeper: signer,
          pool: p.pool,
          validatorSet: p.validatorSet,
          product,
          proposal,
          systemProgram: SystemProgram.programId,
        })
        .remainingAccounts(route.remaining)
        .instruction(),
    );
    const vote = { validator: signer, pool: p.pool, validatorSet: p.validatorSet, proposal };
    same(
      ix.approveTrade({ addresses: p, validator: signer, proposal }),
      await m.approveTrade().accountsStrict(vote).instruction(),
    );
    same(
      ix.rejectTrade({ addresses: p, validator: signer, proposal, reason: "thin" }),
      await m.rejectTrade({ reason: "thin" }).accountsStrict(vote).instruction(),
    );
    same(
      ix.expireProposal({ addresses: p, proposal }),
      await m.expireProposal().accountsStrict({ pool: p.pool, proposal }).instruction(),
    );
    same(
      ix.executeAndDistribute({ addresses: p, executor: signer, proposal, product, legs }),
      await m
        .executeAndDistribute()
        .accountsStrict({
          executor: signer,
          pool: p.pool,
          validatorSet: p.validatorSet,
          proposal,
          product,
          vault: p.vault,
          mint: p.mint,
          insurance: p.insurance,
          insuranceVault: p.insuranceVault,
          tokenProgram: TOKEN_PROGRAM,
        })
        .remainingAccounts(route.remaining)
        .instruction(),
    );
    const proposer = key();
    same(
      ix.closeProposal({ addresses: p, proposal, proposer }),
      await m.closeProposal().accountsStrict({ pool: p.pool, proposal, proposer }).instruction(),
    );
  });

  it("claims", async () => {
    const claim = p.claim(6);
    const claimant = key();
    for (const proposalId of [undefined, 3]) {
      same(
        ix.fileClaim({ addresses: p, claimant, id: 6, amount: 50, reason: "loss", proposalId }),
        await m
          .fileClaim({
            amount: new BN(50),
            reason: "loss",
            proposalId: proposalId === undefined ? null : new BN(proposalId),
          })
          .accountsStrict({
            claimant,
            pool: p.pool,
            position: p.member(claimant),
            insurance: p.insurance,
            insuranceVault: p.insuranceVault,
            claim,
            systemProgram: SystemProgram.programId,
          })
          .instruction(),
      );
    }
    const vote = {
      validator: signer,
      pool: p.pool,
      validatorSet: p.validatorSet,
      claim,
      position: p.member(claimant),
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
    };
    same(
      ix.approveClaim({ addresses: p, validator: signer, claim, claimant }),
      await m
        .approveClaim()
        .accountsStrict({
          ...vote,
          claimantToken: ix.assetTokenAccount(p, claimant),
          mint: p.mint,
          tokenProgram: TOKEN_PROGRAM,
        })
        .instruction(),
    );
    same(
      ix.denyClaim({ addresses: p, validator: signer, claim, claimant, reason: "no" }),
      await m.denyClaim({ reason: "no" }).accountsStrict(vote).instruction(),
    );
    same(
      ix.expireClaim({ addresses: p, claim, claimant }),
      await m
        .expireClaim()
        .accountsStrict({ pool: p.pool, claim, insurance: p.insurance, position: p.member(claimant) })
        .instruction(),
    );
    same(
      ix.closeClaim({ addresses: p, claim, claimant }),
      await m.closeClaim().accountsStrict({ pool: p.pool, claim, claimant }).instruction(),
    );
  });

  it("mandates", async () => {
    const product = key();
    const mandate = p.mandate(2);
    const markets = [key(), key()];
    same(
      ix.proposeMandate({
        addresses: p,
        proposer: signer,
        id: 2,
        product,
        terms: {
          markets,
          maxAmountIn: 5_000n,
          minProfit: 10,
          minProfitBps: 25,
          period: 86_400,
          maxTradesPerPeriod: 50,
          maxNotionalPerPeriod: new BN(100_000),
          duration: 7 * 86_400,
        },
      }),
      await m
        .proposeMandate({
          terms: {
            markets,
            maxAmountIn: new BN(5_000),
            minProfit: new BN(10),
            minProfitBps: 25,
            period: new BN(86_400),
            maxTradesPerPeriod: 50,
            maxNotionalPerPeriod: new BN(100_000),
            duration: new BN(7 * 86_400),
          },
        })
        .accountsStrict({
          proposer: signer,
          pool: p.pool,
          validatorSet: p.validatorSet,
          product,
          mandate,
          systemProgram: SystemProgram.programId,
        })
        .instruction(),
    );
    const vote = { validator: signer, pool: p.pool, validatorSet: p.validatorSet, mandate };
    same(
      ix.approveMandate({ addresses: p, validator: signer, mandate }),
      await m.approveMandate().accountsStrict(vote).instruction(),
    );
    same(
      ix.rejectMandate({ addresses: p, validator: signer, mandate, reason: "thin" }),
      await m.rejectMandate({ reason: "thin" }).accountsStrict(vote).instruction(),
    );
    same(
      ix.revokeMandate({ addresses: p, validator: signer, mandate }),
      await m.revokeMandate().accountsStrict(vote).instruction(),
    );
    const route = packRoute(legs);
    same(
      ix.executeMandate({
        addresses: p,
        keeper: signer,
        mandate,
        product,
        amountIn: 700,
        minProfit: 9,
        legs,
      }),
      await m
        .executeMandate({ amountIn: new BN(700), minProfit: new BN(9), legs: route.legs })
        .accountsStrict({
          keeper: signer,
          pool: p.pool,
          validatorSet: p.validatorSet,
          mandate,
          product,
          vault: p.vault,
          mint: p.mint,
          insurance: p.insurance,
          insuranceVault: p.insuranceVault,
          tokenProgram: TOKEN_PROGRAM,
        })
        .remainingAccounts(route.remaining)
        .instruction(),
    );
    const proposer = key();
    same(
      ix.closeMandate({ addresses: p, mandate, proposer }),
      await m.closeMandate().accountsStrict({ pool: p.pool, mandate, proposer }).instruction(),
    );
  });
});
