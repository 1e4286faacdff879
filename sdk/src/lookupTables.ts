/**
 * Address lookup tables for a pool: one table holding the pool's fixed accounts and the
 * markets it trades, so that a v0 transaction names each of them with one byte instead of 32
 * and a 4-leg route fits in one transaction. The builders return instructions (any wallet or
 * bundler); `waitForLookupTable` waits until new entries can be used.
 */
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import {
  AddressLookupTableAccount,
  AddressLookupTableProgram,
  Connection,
  PublicKey,
  SystemProgram,
  TransactionInstruction,
} from "@solana/web3.js";
import { LOCAL_AMM_PROGRAM_ID, POOL_BOT_PROGRAM_ID } from "./idl";
import { AmmAddresses, PoolAddresses } from "./pdas";

/** Most addresses a lookup table holds. */
export const MAX_LOOKUP_TABLE_ADDRESSES = 256;

/**
 * Most addresses one `ExtendLookupTable` instruction carries: 30 keys (960 bytes) and the
 * instruction's own accounts still fit in one transaction.
 */
export const EXTEND_CHUNK = 30;

/** What goes into a pool's table besides its fixed accounts. */
export interface PoolTableContents {
  /** The pool's products whose routes the table serves. */
  products?: PublicKey[];
  /**
   * Local AMM markets the routes trade: each pool, its reserves and mints, and the pool PDA's
   * token account of every mint other than the asset (a route's intermediate).
   */
  markets?: AmmAddresses[];
  /** The DEX programs the routes call (default: the local AMM). */
  dexPrograms?: PublicKey[];
  /** Any other accounts the pool's transactions use. */
  extra?: PublicKey[];
}

/**
 * The addresses of `pool`'s lookup table, each once, in a stable order: the pool PDA, its
 * validator set, vault, insurance reserve and its token account, the asset mint, `products`,
 * the token programs, the system program, Pool Bot, the DEX programs, then every market's
 * accounts and `extra`. Transaction signers and the programs a transaction's instructions
 * invoke are kept out of the table by the compiler, so listing them costs only table space.
 */
export function poolLookupTableAddresses(pool: PoolAddresses, contents: PoolTableContents = {}): PublicKey[] {
  const markets = contents.markets ?? [];
  const keys: PublicKey[] = [
    pool.pool,
    pool.validatorSet,
    pool.vault,
    pool.insurance,
    pool.insuranceVault,
    pool.mint,
    ...(contents.products ?? []),
    pool.tokenProgram,
    ...markets.map((m) => m.tokenProgram),
    SystemProgram.programId,
    POOL_BOT_PROGRAM_ID,
    ...(contents.dexPrograms ?? [LOCAL_AMM_PROGRAM_ID]),
  ];
  for (const market of markets) {
    keys.push(market.pool, market.vaultA, market.vaultB, market.mintA, market.mintB);
    for (const mint of [market.mintA, market.mintB]) {
      if (!mint.equals(pool.mint)) {
        keys.push(getAssociatedTokenAddressSync(mint, pool.pool, true, market.tokenProgram));
      }
    }
  }
  keys.push(...(contents.extra ?? []));
  const unique = distinct(keys);
  if (unique.length > MAX_LOOKUP_TABLE_ADDRESSES) {
    throw new RangeError(
      `a lookup table holds at most ${MAX_LOOKUP_TABLE_ADDRESSES} addresses, these are ${unique.length}: split the markets over two tables`,
    );
  }
  return unique;
}

/** `keys` without repeats, first occurrence kept. */
function distinct(keys: PublicKey[]): PublicKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const text = k.toBase58();
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * `CreateLookupTable` for a table owned by `authority`, paid by `payer`; `recentSlot` must be a
 * recent slot of the cluster (e.g. `getSlot("finalized")`), and gives the table its address.
 */
export function createPoolLookupTable(a: { authority: PublicKey; payer: PublicKey; recentSlot: number }): {
  lookupTable: PublicKey;
  instruction: TransactionInstruction;
} {
  const [instruction, lookupTable] = AddressLookupTableProgram.createLookupTable(a);
  return { lookupTable, instruction };
}

/**
 * `ExtendLookupTable` instructions appending `addresses` to `lookupTable`, at most
 * `EXTEND_CHUNK` each, in order: send each in its own transaction.
 */
export function extendLookupTable(a: {
  lookupTable: PublicKey;
  authority: PublicKey;
  payer: PublicKey;
  addresses: PublicKey[];
}): TransactionInstruction[] {
  const chunks: TransactionInstruction[] = [];
  for (let start = 0; start < a.addresses.length; start += EXTEND_CHUNK) {
    chunks.push(
      AddressLookupTableProgram.extendLookupTable({
        lookupTable: a.lookupTable,
        authority: a.authority,
        payer: a.payer,
        addresses: a.addresses.slice(start, start + EXTEND_CHUNK),
      }),
    );
  }
  return chunks;
}

/** The lookup table at `lookupTable`; throws when there is none. */
export async function fetchLookupTable(
  connection: Connection,
  lookupTable: PublicKey,
): Promise<AddressLookupTableAccount> {
  const { value } = await connection.getAddressLookupTable(lookupTable);
  if (!value) throw new Error(`no address lookup table at ${lookupTable.toBase58()}`);
  return value;
}

/**
 * Waits until `lookupTable` holds every one of `addresses` and the cluster has moved past the
 * slot that last extended it: entries added in a slot can be used from the next one only.
 */
export async function waitForLookupTable(
  connection: Connection,
  lookupTable: PublicKey,
  addresses: PublicKey[],
  timeoutMs = 30_000,
): Promise<AddressLookupTableAccount> {
  const started = Date.now();
  for (;;) {
    const { value: table, context } = await connection.getAddressLookupTable(lookupTable);
    const held = new Set(table?.state.addresses.map((k) => k.toBase58()));
    if (
      table &&
      addresses.every((k) => held.has(k.toBase58())) &&
      context.slot > table.state.lastExtendedSlot
    ) {
      return table;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`lookup table ${lookupTable.toBase58()} was not usable within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
