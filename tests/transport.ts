/**
 * Landing the longest routes: v0 transactions through the pool's address lookup table, with a
 * compute budget sized from simulation and priced by a fee policy. On the seed pool with a
 * four-market cycle (USDC → SOL → ETH → JUP → USDC): the keeper creates the pool's table,
 * `propose_trade` with the 4-leg route goes out as one v0 transaction (as a legacy one it is
 * too large), the quorum approves it and `execute_and_distribute` runs all four legs in one v0
 * transaction; then a mandate on the four markets and `execute_mandate` with the same route.
 * Every transaction sent carries the limit its simulation asked for plus the margin and the
 * policy's price, and pays exactly the fee they make.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  AddressLookupTableAccount,
  ComputeBudgetInstruction,
  PublicKey,
  Transaction,
  TransactionInstruction,
  TransactionMessage,
} from "@solana/web3.js";
import {
  accountCount,
  BuiltTransaction,
  computeBudgetInstructions,
  DEFAULT_FEE_POLICY,
  encodeRoute,
  eventsNamed,
  fetchLookupTable,
  FeePolicy,
  instructions,
  legacyMessage,
  MAX_COMPUTE_UNIT_LIMIT,
  MAX_TRANSACTION_BYTES,
  poolLookupTableAddresses,
  proposalRoute,
  SendResult,
  splitProfit,
  transactionFee,
  transactionSize,
  v0Message,
} from "@poolbot/sdk";
import { big, connect, tokenBalance } from "./support/localnet";
import { CycleMarkets } from "./support/cycle";
import { refused } from "./support/refused";
import { SeedPool, USDC } from "./support/seed";

const connection = connect();
/** The default policy with a floor of 1,000 micro-lamports per CU: the local cluster's market is empty. */
const POLICY: FeePolicy = { ...DEFAULT_FEE_POLICY, floorMicroLamports: 1_000 };
/** Each trade's size. */
const AMOUNT_IN = 2_000n * USDC;

/** What a v0 transaction that landed declared and paid. */
async function landed(signature: string, table: AddressLookupTableAccount) {
  const tx = await connection.getTransaction(signature, {
    commitment: "confirmed",
    maxSupportedTransactionVersion: 0,
  });
  assert.ok(tx?.meta, "the transaction is found with its meta");
  const [limit, price] = TransactionMessage.decompile(tx.transaction.message, {
    addressLookupTableAccounts: [table],
  }).instructions;
  return {
    version: tx.version,
    lookups: tx.transaction.message.addressTableLookups.map((l) => l.accountKey.toBase58()),
    signatures: tx.transaction.signatures.length,
    unitLimit: ComputeBudgetInstruction.decodeSetComputeUnitLimit(limit).units,
    unitPrice: BigInt(ComputeBudgetInstruction.decodeSetComputeUnitPrice(price).microLamports),
    consumed: tx.meta.computeUnitsConsumed,
    fee: BigInt(tx.meta.fee),
  };
}

/**
 * `sent` went out as one v0 transaction through `table`, within the size limit, its compute
 * limit the simulation's units plus the 20% margin and its price the policy's floor, and paid
 * exactly 5,000 lamports a signature plus limit × price. Returns those figures in words.
 */
async function assertLandedWithBudget(
  sent: SendResult & { built: BuiltTransaction },
  table: AddressLookupTableAccount,
): Promise<string> {
  const { built } = sent;
  const on = await landed(sent.signature, table);
  assert.equal(on.version, 0);
  assert.deepEqual(on.lookups, [table.key.toBase58()]);
  assert.ok(built.transaction.serialize().length <= MAX_TRANSACTION_BYTES);
  assert.equal(on.unitLimit, built.budget.unitLimit);
  assert.ok(on.consumed !== undefined, "the cluster reports the units consumed");
  assert.ok(on.unitLimit >= on.consumed, `limit ${on.unitLimit} covers the ${on.consumed} units used`);
  assert.ok(
    on.unitLimit <= on.consumed * 1.2 + 1,
    `limit ${on.unitLimit} is at most 20% above ${on.consumed}`,
  );
  assert.equal(built.price.microLamports, POLICY.floorMicroLamports, "no market above the floor");
  assert.equal(on.unitPrice, BigInt(POLICY.floorMicroLamports));
  assert.equal(on.fee, transactionFee(built.budget, on.signatures));
  const bytes = built.transaction.serialize().length;
  return `${bytes} bytes, ${on.consumed} CU used of a ${on.unitLimit} limit at ${on.unitPrice} micro-lamports/CU, fee ${on.fee} lamports`;
}

/** `ixs` behind a compute budget (its values do not change its size), as they are sent. */
function withBudget(ixs: TransactionInstruction[]): TransactionInstruction[] {
  return [...computeBudgetInstructions(MAX_COMPUTE_UNIT_LIMIT, POLICY.floorMicroLamports), ...ixs];
}

/** `ixs` serialized by web3.js as a legacy transaction paid by `payer`. */
function serializeLegacy(payer: PublicKey, blockhash: string, ixs: TransactionInstruction[]): Buffer {
  return new Transaction({ feePayer: payer, blockhash, lastValidBlockHeight: 0 })
    .add(...ixs)
    .serialize({ requireAllSignatures: false, verifySignatures: false });
}

describe("v0 transactions: a 4-pool cycle through the pool's lookup table", () => {
  let w: SeedPool;
  let cycle: CycleMarkets;
  let table: AddressLookupTableAccount;
  let tableAddresses: PublicKey[];
  let keeper: PublicKey;
  let proposal: PublicKey;
  let expectedGain: bigint;

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
    cycle = await CycleMarkets.build(w);
    keeper = w.keeper.wallet.publicKey;
  });

  it("the keeper creates the pool's table: its fixed accounts and every market, usable a slot after the last extension", async () => {
    tableAddresses = poolLookupTableAddresses(w.pool, {
      products: [w.product, cycle.product],
      markets: [w.cheap, w.dear, ...cycle.markets],
    });
    assert.ok(tableAddresses.length > 30, "more than one extension");
    table = await w.keeper.client.createLookupTable(tableAddresses);
    assert.deepEqual(
      table.state.addresses.map((k) => k.toBase58()),
      tableAddresses.map((k) => k.toBase58()),
    );
    assert.ok(table.state.authority?.equals(keeper));
    assert.ok(table.isActive());
    assert.ok((await connection.getSlot("confirmed")) > table.state.lastExtendedSlot);
    const fetched = await fetchLookupTable(connection, table.key);
    assert.equal(fetched.state.addresses.length, tableAddresses.length);
  });

  it("sizes of 1 to 4 legs, legacy and v0 with the table: only v0 fits every route", async (t) => {
    const { blockhash } = await connection.getLatestBlockhash();
    const id = (await w.keeper.client.fetchPool(w.pool.pool)).nextProposalId.toNumber();
    t.diagnostic(`limit ${MAX_TRANSACTION_BYTES} bytes; table of ${tableAddresses.length} addresses`);
    t.diagnostic(
      "instruction, legs: legacy bytes (accounts) | v0 + table bytes (accounts, of them in the message)",
    );
    const sizes: Record<string, { legacy: number; v0: number }[]> = {};
    for (let legs = 1; legs <= 4; legs++) {
      const route = await cycle.route(AMOUNT_IN, legs);
      const terms = { amountIn: AMOUNT_IN, expectedProfit: 1n, minProfit: 1n };
      const built: Record<string, TransactionInstruction> = {
        propose_trade: instructions.proposeTrade({
          addresses: w.pool,
          keeper,
          id,
          product: cycle.product,
          terms,
          legs: route.legs,
        }),
        execute_and_distribute: instructions.executeAndDistribute({
          addresses: w.pool,
          executor: keeper,
          proposal: w.pool.proposal(id),
          product: cycle.product,
          legs: route.legs,
        }),
        execute_mandate: instructions.executeMandate({
          addresses: w.pool,
          keeper,
          mandate: w.pool.mandate(0),
          product: cycle.product,
          amountIn: AMOUNT_IN,
          minProfit: 1n,
          legs: route.legs,
        }),
      };
      for (const [name, ix] of Object.entries(built)) {
        const legacy = legacyMessage(keeper, withBudget([ix]), blockhash);
        const v0 = v0Message(keeper, withBudget([ix]), blockhash, [table]);
        const size = { legacy: transactionSize(legacy), v0: transactionSize(v0) };
        (sizes[name] ??= []).push(size);
        t.diagnostic(
          `${name}, ${legs}: ${size.legacy} (${accountCount(legacy)}) | ${size.v0} (${accountCount(v0)}, ${v0.staticAccountKeys.length})`,
        );
        assert.ok(size.v0 < size.legacy);
        assert.ok(size.v0 <= MAX_TRANSACTION_BYTES, `${name} with ${legs} legs fits as v0`);
      }
    }
    assert.ok(sizes.propose_trade[3].legacy > MAX_TRANSACTION_BYTES, "a 4-leg proposal needs the table");
    assert.ok(
      sizes.execute_mandate[3].legacy > MAX_TRANSACTION_BYTES,
      "a 4-leg mandate trade needs the table",
    );
  });

  it("propose_trade with the 4-leg route goes out as one v0 transaction; as a legacy one it is too large", async (t) => {
    const { legs, out } = await cycle.route(AMOUNT_IN);
    expectedGain = out - AMOUNT_IN;
    assert.ok(expectedGain > 10n * USDC, `the mis-priced market pays: ${expectedGain}`);
    const id = (await w.keeper.client.fetchPool(w.pool.pool)).nextProposalId.toNumber();
    proposal = w.pool.proposal(id);
    const terms = { amountIn: AMOUNT_IN, expectedProfit: expectedGain, minProfit: (expectedGain * 9n) / 10n };
    const ix = instructions.proposeTrade({
      addresses: w.pool,
      keeper,
      id,
      product: cycle.product,
      terms,
      legs,
    });
    const { blockhash } = await connection.getLatestBlockhash();
    const size = transactionSize(legacyMessage(keeper, withBudget([ix]), blockhash));
    assert.throws(() => serializeLegacy(keeper, blockhash, withBudget([ix])), {
      message: `Transaction too large: ${size} > ${MAX_TRANSACTION_BYTES}`,
    });

    const sent = await w.keeper.client.sendVersionedInstructions([ix], {
      lookupTables: [table],
      feePolicy: POLICY,
    });
    t.diagnostic(await assertLandedWithBudget(sent, table));
    const [proposed] = eventsNamed(sent.events, "tradeProposed");
    assert.ok(proposed.proposal.equals(proposal));
    assert.equal(proposed.legCount, 4);
    assert.equal(big(proposed.minProfit), terms.minProfit);
    const stored = (await w.keeper.client.fetchProposal(proposal))!;
    assert.deepEqual(encodeRoute(proposalRoute(stored)), encodeRoute(legs), "the route stored as sent");
  });

  it("approved by the quorum, execute_and_distribute runs the 4 legs in one v0 transaction: the vault gains the profit", async (t) => {
    for (const v of w.validators.slice(0, 2)) await v.client.approveTrade(w.pool, proposal);
    const stored = (await w.keeper.client.fetchProposal(proposal))!;
    const ix = instructions.executeAndDistribute({
      addresses: w.pool,
      executor: keeper,
      proposal,
      product: stored.product,
      legs: proposalRoute(stored),
    });
    const [vault, reserve] = await Promise.all([w.vaultBalance(), w.insuranceBalance()]);

    const sent = await w.keeper.client.sendVersionedInstructions([ix], {
      lookupTables: [table],
      feePolicy: POLICY,
    });
    t.diagnostic(await assertLandedWithBudget(sent, table));
    const [executed] = eventsNamed(sent.events, "tradeExecuted");
    assert.equal(big(executed.gain), expectedGain, "exactly the quoted gain: nobody traded in between");
    const split = splitProfit(expectedGain, 500);
    assert.equal(await w.vaultBalance(), vault + split.members);
    assert.equal(await w.insuranceBalance(), reserve + split.insurance);
    for (const account of cycle.intermediates) {
      assert.equal(await tokenBalance(connection, account), 0n, "every leg passed on all it received");
    }
  });

  it("under a mandate on the four markets, execute_mandate runs the 4-leg route in one v0 transaction", async (t) => {
    const { mandate } = await w.keeper.client.proposeMandate(w.pool, cycle.product, {
      markets: cycle.markets.map((m) => m.pool),
      maxAmountIn: 5_000n * USDC,
      minProfit: USDC,
      minProfitBps: 10,
      period: 86_400,
      maxTradesPerPeriod: 10,
      maxNotionalPerPeriod: 50_000n * USDC,
      duration: 86_400,
    });
    for (const v of w.validators.slice(0, 2)) await v.client.approveMandate(w.pool, mandate);
    const { legs, out } = await cycle.route(AMOUNT_IN);
    const gain = out - AMOUNT_IN;
    assert.ok(gain > 2n * USDC, `the gap still pays after the first trade: ${gain}`);
    const trade = (minProfit: bigint) =>
      instructions.executeMandate({
        addresses: w.pool,
        keeper,
        mandate,
        product: cycle.product,
        amountIn: AMOUNT_IN,
        minProfit,
        legs,
      });
    const options = { lookupTables: [table], feePolicy: POLICY };
    // a refusal in the sizing simulation comes back by name, and nothing is sent
    await refused(
      () => w.keeper.client.sendVersionedInstructions([trade(gain + 1n)], options),
      "ProfitBelowMinimum",
      [w.pool.vault, w.pool.insuranceVault, mandate, keeper, ...cycle.intermediates],
    );
    const ix = trade(gain);
    const { blockhash } = await connection.getLatestBlockhash();
    assert.throws(() => serializeLegacy(keeper, blockhash, withBudget([ix])), /Transaction too large/);
    const [vault, reserve] = await Promise.all([w.vaultBalance(), w.insuranceBalance()]);

    const sent = await w.keeper.client.sendVersionedInstructions([ix], options);
    t.diagnostic(await assertLandedWithBudget(sent, table));
    const [executed] = eventsNamed(sent.events, "mandateExecuted");
    assert.equal(big(executed.gain), gain);
    const split = splitProfit(gain, 500);
    assert.equal(await w.vaultBalance(), vault + split.members);
    assert.equal(await w.insuranceBalance(), reserve + split.insurance);
  });
});
