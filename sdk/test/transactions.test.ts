/**
 * v0 transactions and lookup tables without a cluster: the computed wire size against
 * web3.js' own serialization, a message only a lookup table makes fit, the pool's table
 * contents and the extension chunks.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TOKEN_PROGRAM_ID, getAssociatedTokenAddressSync } from "@solana/spl-token";
import {
  AddressLookupTableAccount,
  AddressLookupTableInstruction,
  Connection,
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  VersionedTransaction,
} from "@solana/web3.js";
import { LOCAL_AMM_PROGRAM_ID, POOL_BOT_PROGRAM_ID } from "../src/idl";
import { computeBudgetInstructions } from "../src/fees";
import { EXTEND_CHUNK, extendLookupTable, poolLookupTableAddresses } from "../src/lookupTables";
import { AmmAddresses, PoolAddresses } from "../src/pdas";
import {
  accountCount,
  buildVersionedTransaction,
  legacyMessage,
  MAX_TRANSACTION_BYTES,
  transactionSize,
  v0Message,
  writableAccounts,
} from "../src/transactions";

const BLOCKHASH = Keypair.generate().publicKey.toBase58();
const keys = (n: number) => Array.from({ length: n }, () => Keypair.generate().publicKey);

/** One instruction of `program` naming `accounts` (every second one writable) with `data` bytes. */
function wide(program: PublicKey, accounts: PublicKey[], data: number): TransactionInstruction {
  return new TransactionInstruction({
    programId: program,
    keys: accounts.map((pubkey, i) => ({ pubkey, isSigner: false, isWritable: i % 2 === 0 })),
    data: Buffer.alloc(data, 7),
  });
}

/** A lookup table holding `addresses`, as fetched. */
function table(addresses: PublicKey[]): AddressLookupTableAccount {
  return new AddressLookupTableAccount({
    key: Keypair.generate().publicKey,
    state: {
      deactivationSlot: 2n ** 64n - 1n,
      lastExtendedSlot: 1,
      lastExtendedSlotStartIndex: 0,
      addresses,
    },
  });
}

describe("transaction size", () => {
  it("is what web3.js serializes, legacy and v0, with and without tables", () => {
    const payer = Keypair.generate().publicKey;
    const accounts = keys(20);
    const ixs = [...computeBudgetInstructions(50_000, 10), wide(keys(1)[0], accounts, 90)];
    const legacy = legacyMessage(payer, ixs, BLOCKHASH);
    const v0 = v0Message(payer, ixs, BLOCKHASH);
    const v0WithTable = v0Message(payer, ixs, BLOCKHASH, [table(accounts.slice(0, 15))]);
    for (const message of [legacy, v0, v0WithTable]) {
      assert.equal(transactionSize(message), new VersionedTransaction(message).serialize().length);
    }
    assert.equal(transactionSize(v0), transactionSize(legacy) + 2, "a version byte and no lookups");
    assert.equal(
      transactionSize(v0) - transactionSize(v0WithTable),
      15 * 32 - (32 + 1 + 1 + 15),
      "each looked-up key saves 31 bytes, the table costs its address and two lengths",
    );
    assert.equal(accountCount(v0WithTable), accountCount(legacy));
  });

  it("a message over the limit: web3.js cannot serialize it, the size says by how much, a table makes it fit", () => {
    const payer = Keypair.generate().publicKey;
    const accounts = keys(40);
    const ixs = [wide(keys(1)[0], accounts, 40)];
    const size = transactionSize(legacyMessage(payer, ixs, BLOCKHASH));
    assert.ok(size > MAX_TRANSACTION_BYTES);
    const legacy = new Transaction({ feePayer: payer, blockhash: BLOCKHASH, lastValidBlockHeight: 0 }).add(
      ...ixs,
    );
    assert.throws(() => legacy.serialize({ requireAllSignatures: false, verifySignatures: false }), {
      message: `Transaction too large: ${size} > ${MAX_TRANSACTION_BYTES}`,
    });
    const v0 = v0Message(payer, ixs, BLOCKHASH, [table(accounts)]);
    assert.equal(
      v0.staticAccountKeys.length,
      2,
      "only the payer and the invoked program stay in the message",
    );
    assert.ok(transactionSize(v0) <= MAX_TRANSACTION_BYTES);
    assert.equal(transactionSize(v0), new VersionedTransaction(v0).serialize().length);
  });

  it("the writable accounts are the payer's and every writable key, once each", () => {
    const payer = Keypair.generate().publicKey;
    const [a, b] = keys(2);
    const ix = new TransactionInstruction({
      programId: SystemProgram.programId,
      keys: [
        { pubkey: a, isSigner: false, isWritable: true },
        { pubkey: b, isSigner: false, isWritable: false },
        { pubkey: payer, isSigner: true, isWritable: true },
      ],
    });
    assert.deepEqual(
      writableAccounts(payer, [ix, ix]).map((k) => k.toBase58()),
      [payer, a].map((k) => k.toBase58()),
    );
  });

  it("instructions that bring their own compute budget are refused before anything is sent", async () => {
    const connection = new Connection("http://127.0.0.1:9"); // nothing listens: no request may be made
    await assert.rejects(
      buildVersionedTransaction({
        connection,
        payer: Keypair.generate().publicKey,
        instructions: computeBudgetInstructions(1, 1),
      }),
      /set their own compute budget/,
    );
  });
});

describe("the pool's lookup table", () => {
  const [creator, usdc, sol, eth] = keys(4);
  const pool = new PoolAddresses(creator, usdc, TOKEN_PROGRAM_ID);
  const usdcSol = new AmmAddresses(usdc, sol, 0, TOKEN_PROGRAM_ID);
  const solEth = new AmmAddresses(sol, eth, 0, TOKEN_PROGRAM_ID);

  it("holds the pool's fixed accounts, the programs and every market's accounts, once each", () => {
    const product = pool.product(0);
    const addresses = poolLookupTableAddresses(pool, { products: [product], markets: [usdcSol, solEth] });
    const text = addresses.map((k) => k.toBase58());
    assert.equal(new Set(text).size, text.length, "no address twice");
    const poolSol = getAssociatedTokenAddressSync(sol, pool.pool, true);
    const poolEth = getAssociatedTokenAddressSync(eth, pool.pool, true);
    assert.deepEqual(
      text,
      [
        pool.pool,
        pool.validatorSet,
        pool.vault,
        pool.insurance,
        pool.insuranceVault,
        usdc,
        product,
        TOKEN_PROGRAM_ID,
        SystemProgram.programId,
        POOL_BOT_PROGRAM_ID,
        LOCAL_AMM_PROGRAM_ID,
        usdcSol.pool,
        usdcSol.vaultA,
        usdcSol.vaultB,
        sol,
        poolSol,
        solEth.pool,
        solEth.vaultA,
        solEth.vaultB,
        eth,
        poolEth,
      ].map((k) => k.toBase58()),
      "the asset's own account is the vault: no associated account for it",
    );
  });

  it("is refused past 256 addresses", () => {
    assert.throws(() => poolLookupTableAddresses(pool, { extra: keys(250) }), /at most 256 addresses/);
  });

  it("is extended in chunks of at most 30 addresses, in order", () => {
    const addresses = keys(2 * EXTEND_CHUNK + 1);
    const [lookupTable, authority] = keys(2);
    const chunks = extendLookupTable({ lookupTable, authority, payer: authority, addresses });
    const decoded = chunks.map((ix) => AddressLookupTableInstruction.decodeExtendLookupTable(ix));
    assert.deepEqual(
      decoded.map((d) => d.addresses.length),
      [30, 30, 1],
    );
    assert.deepEqual(
      decoded.flatMap((d) => d.addresses.map((k) => k.toBase58())),
      addresses.map((k) => k.toBase58()),
    );
    assert.ok(decoded.every((d) => d.lookupTable.equals(lookupTable) && d.authority.equals(authority)));
  });
});
