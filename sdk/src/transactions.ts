/**
 * v0 transactions with address lookup tables and a compute budget: `buildVersionedTransaction`
 * simulates the instructions to size the compute-unit limit, prices it by `FeePolicy` and
 * returns an unsigned `VersionedTransaction` a wallet adapter can sign
 * (`wallet.signTransaction(tx)`); `submitVersioned` sends a signed one and confirms it by
 * blockhash expiry; `sendVersioned` signs with keypairs and does both. `transactionSize` gives
 * the wire size of any message, also one too large to serialize.
 */
import {
  AddressLookupTableAccount,
  Commitment,
  Connection,
  Message,
  MessageV0,
  PACKET_DATA_SIZE,
  PublicKey,
  SendTransactionError,
  Signer,
  TransactionInstruction,
  TransactionMessage,
  TransactionSignature,
  VersionedMessage,
  VersionedTransaction,
} from "@solana/web3.js";
import {
  checkFeePolicy,
  ComputeBudget,
  computeBudgetInstructions,
  computeUnitLimit,
  DEFAULT_FEE_POLICY,
  FeePolicy,
  isComputeBudget,
  MAX_COMPUTE_UNIT_LIMIT,
  Price,
  priorityPrice,
} from "./fees";

/** Most bytes of a transaction on the wire (an IPv6 packet less its headers). */
export const MAX_TRANSACTION_BYTES = PACKET_DATA_SIZE;

/** An unsigned v0 transaction with what sending and confirming it need. */
export interface BuiltTransaction {
  /** The transaction, its compute budget first; sign it, then `submitVersioned`. */
  transaction: VersionedTransaction;
  /** The blockhash it carries. */
  blockhash: string;
  /** The last block height at which it can land. */
  lastValidBlockHeight: number;
  /** The limit and price it declares. */
  budget: ComputeBudget;
  /** The price and what the market asked. */
  price: Price;
  /** Compute units its simulation consumed. */
  simulatedUnits: number;
}

function shortVecLength(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : 3;
}

/**
 * The wire size in bytes of a transaction carrying `message` with its signatures, computed
 * from the message's parts, so it is known also for a message over `MAX_TRANSACTION_BYTES`
 * (which web3.js cannot serialize).
 */
export function transactionSize(message: VersionedMessage): number {
  const signatures = message.header.numRequiredSignatures;
  const keys = message.staticAccountKeys.length;
  let size = shortVecLength(signatures) + 64 * signatures;
  size += (message.version === "legacy" ? 0 : 1) + 3 + shortVecLength(keys) + 32 * keys + 32;
  size += shortVecLength(message.compiledInstructions.length);
  for (const ix of message.compiledInstructions) {
    const accounts = ix.accountKeyIndexes.length;
    size += 1 + shortVecLength(accounts) + accounts + shortVecLength(ix.data.length) + ix.data.length;
  }
  if (message.version === 0) {
    size += shortVecLength(message.addressTableLookups.length);
    for (const lookup of message.addressTableLookups) {
      const w = lookup.writableIndexes.length;
      const r = lookup.readonlyIndexes.length;
      size += 32 + shortVecLength(w) + w + shortVecLength(r) + r;
    }
  }
  return size;
}

/** How many accounts `message` names: its own keys plus those it loads from lookup tables. */
export function accountCount(message: VersionedMessage): number {
  const loaded = message.addressTableLookups.reduce(
    (n, l) => n + l.writableIndexes.length + l.readonlyIndexes.length,
    0,
  );
  return message.staticAccountKeys.length + loaded;
}

/** `instructions` compiled for `payer` as a legacy message (no lookup tables). */
export function legacyMessage(
  payer: PublicKey,
  instructions: TransactionInstruction[],
  recentBlockhash: string,
): Message {
  return new TransactionMessage({ payerKey: payer, instructions, recentBlockhash }).compileToLegacyMessage();
}

/** `instructions` compiled for `payer` as a v0 message loading what it can from `lookupTables`. */
export function v0Message(
  payer: PublicKey,
  instructions: TransactionInstruction[],
  recentBlockhash: string,
  lookupTables: AddressLookupTableAccount[] = [],
): MessageV0 {
  return new TransactionMessage({ payerKey: payer, instructions, recentBlockhash }).compileToV0Message(
    lookupTables,
  );
}

/** The accounts a transaction of `instructions` paid by `payer` locks for writing, each once. */
export function writableAccounts(payer: PublicKey, instructions: TransactionInstruction[]): PublicKey[] {
  const keys = new Map<string, PublicKey>([[payer.toBase58(), payer]]);
  for (const ix of instructions) {
    for (const meta of ix.keys) if (meta.isWritable) keys.set(meta.pubkey.toBase58(), meta.pubkey);
  }
  return [...keys.values()];
}

/**
 * A v0 transaction of `instructions` paid by `payer`, loading accounts from `lookupTables`,
 * with a compute budget in front: the price from `feePolicy` over its writable accounts
 * (`priorityPrice`), the limit from a simulation (signatures not checked, the blockhash
 * replaced) plus the policy's margin. A failing simulation is thrown as web3.js'
 * `SendTransactionError` with its logs (so `decodeProgramError` names the program's error);
 * a transaction over `MAX_TRANSACTION_BYTES` as a `RangeError` with its size.
 */
export async function buildVersionedTransaction(a: {
  connection: Connection;
  payer: PublicKey;
  instructions: TransactionInstruction[];
  lookupTables?: AddressLookupTableAccount[];
  feePolicy?: FeePolicy;
  commitment?: Commitment;
}): Promise<BuiltTransaction> {
  const { connection, payer, instructions } = a;
  const policy = a.feePolicy ?? DEFAULT_FEE_POLICY;
  const commitment = a.commitment ?? "confirmed";
  checkFeePolicy(policy);
  if (instructions.some(isComputeBudget)) {
    throw new Error("the instructions set their own compute budget: leave it out, it is sized here");
  }
  const price = await priorityPrice(connection, writableAccounts(payer, instructions), policy);
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash(commitment);
  const compile = (unitLimit: number): MessageV0 => {
    const message = v0Message(
      payer,
      [...computeBudgetInstructions(unitLimit, price.microLamports), ...instructions],
      blockhash,
      a.lookupTables,
    );
    const size = transactionSize(message);
    if (size > MAX_TRANSACTION_BYTES) {
      throw new RangeError(
        `the transaction is ${size} bytes, over the ${MAX_TRANSACTION_BYTES}-byte limit: load more of its accounts from a lookup table`,
      );
    }
    return message;
  };

  const probe = new VersionedTransaction(compile(MAX_COMPUTE_UNIT_LIMIT));
  const { value: simulation } = await connection.simulateTransaction(probe, {
    sigVerify: false,
    replaceRecentBlockhash: true,
    commitment,
  });
  if (simulation.err) {
    throw new SendTransactionError({
      action: "simulate",
      signature: "",
      transactionMessage: `simulation failed: ${JSON.stringify(simulation.err)}`,
      logs: simulation.logs ?? [],
    });
  }
  if (simulation.unitsConsumed === undefined) {
    throw new Error("the cluster's simulation did not report the compute units consumed");
  }
  const budget = {
    unitLimit: computeUnitLimit(policy, simulation.unitsConsumed),
    unitPrice: price.microLamports,
  };
  return {
    transaction: new VersionedTransaction(compile(budget.unitLimit)),
    blockhash,
    lastValidBlockHeight,
    budget,
    price,
    simulatedUnits: simulation.unitsConsumed,
  };
}

/**
 * Sends `built`'s transaction, already signed (e.g. by a wallet adapter), and waits until it
 * is confirmed or its blockhash has expired; a transaction that failed on chain is thrown as
 * a `SendTransactionError` with its logs.
 */
export async function submitVersioned(
  connection: Connection,
  built: BuiltTransaction,
  commitment: Commitment = "confirmed",
): Promise<TransactionSignature> {
  const signature = await connection.sendRawTransaction(built.transaction.serialize(), {
    preflightCommitment: commitment,
  });
  const { value } = await connection.confirmTransaction(
    { signature, blockhash: built.blockhash, lastValidBlockHeight: built.lastValidBlockHeight },
    commitment,
  );
  if (value.err) {
    const landed = await connection.getTransaction(signature, {
      commitment: "confirmed",
      maxSupportedTransactionVersion: 0,
    });
    throw new SendTransactionError({
      action: "send",
      signature,
      transactionMessage: JSON.stringify(value.err),
      logs: landed?.meta?.logMessages ?? [],
    });
  }
  return signature;
}

/** Signs `built`'s transaction with `signers` (the payer first), sends it and confirms it. */
export function sendVersioned(
  connection: Connection,
  built: BuiltTransaction,
  signers: Signer[],
  commitment: Commitment = "confirmed",
): Promise<TransactionSignature> {
  built.transaction.sign(signers);
  return submitVersioned(connection, built, commitment);
}
