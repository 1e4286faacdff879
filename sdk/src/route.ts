/**
 * Trade routes (see `programs/pool_bot/src/route.rs`). A route is 1 to 4 CPIs ("legs").
 * `propose_trade` takes them compactly, every account as an index into the instruction's
 * remaining accounts (`packRoute`, the same packing as `crates/client/src/route.rs`), and
 * stores them resolved in the proposal as the Borsh encoding of `Vec<RouteLeg>`
 * (`encodeRoute` / `decodeRoute`) with its SHA-256 (`routeHash`).
 */
import type { IdlTypes } from "@anchor-lang/core";
import { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { PoolBot } from "./idl";
import { Buffer } from "buffer";

/** Most legs in a route. */
export const MAX_LEGS = 4;

/** One account of a resolved leg, as the CPI sees it. */
export interface LegAccount {
  pubkey: PublicKey;
  /** Signs the CPI (only the pool PDA may; it signs inside the program). */
  isSigner: boolean;
  isWritable: boolean;
}

/** One CPI of a route, fully resolved: the form validators approve. */
export interface RouteLeg {
  programId: PublicKey;
  accounts: LegAccount[];
  data: Buffer;
}

/** A leg as `propose_trade` takes it (accounts as indices into the remaining accounts). */
export type LegSpec = IdlTypes<PoolBot>["legSpec"];

/** A route packed for a transaction. */
export interface PackedRoute {
  /** Legs with accounts as indices into `remaining`. */
  legs: LegSpec[];
  /**
   * Every account the legs use (programs included), once each in order of first use;
   * writable when any leg writes it, never a transaction signer.
   */
  remaining: AccountMeta[];
}

/** The route leg that makes exactly `instruction` (its signers are signed by the pool PDA). */
export function legFromInstruction(instruction: TransactionInstruction): RouteLeg {
  return {
    programId: instruction.programId,
    accounts: instruction.keys.map((k) => ({
      pubkey: k.pubkey,
      isSigner: k.isSigner,
      isWritable: k.isWritable,
    })),
    data: Buffer.from(instruction.data),
  };
}

/** Packs `legs` for `propose_trade` / `execute_and_distribute` (at most 256 accounts). */
export function packRoute(legs: RouteLeg[]): PackedRoute {
  const remaining: AccountMeta[] = [];
  const indexOf = (pubkey: PublicKey, writable: boolean): number => {
    let i = remaining.findIndex((m) => m.pubkey.equals(pubkey));
    if (i < 0) {
      remaining.push({ pubkey, isSigner: false, isWritable: false });
      i = remaining.length - 1;
    }
    if (i > 255) throw new RangeError("a route uses at most 256 accounts");
    remaining[i].isWritable ||= writable;
    return i;
  };
  const specs = legs.map((leg) => ({
    programIndex: indexOf(leg.programId, false),
    accounts: leg.accounts.map((a) => ({
      index: indexOf(a.pubkey, a.isWritable),
      isSigner: a.isSigner,
      isWritable: a.isWritable,
    })),
    data: Buffer.from(leg.data),
  }));
  return { legs: specs, remaining };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** The canonical encoding of `legs` (Borsh `Vec<RouteLeg>`), as the proposal stores it. */
export function encodeRoute(legs: RouteLeg[]): Buffer {
  const parts: Buffer[] = [u32(legs.length)];
  for (const leg of legs) {
    parts.push(leg.programId.toBuffer(), u32(leg.accounts.length));
    for (const a of leg.accounts) {
      parts.push(a.pubkey.toBuffer(), Buffer.from([a.isSigner ? 1 : 0, a.isWritable ? 1 : 0]));
    }
    parts.push(u32(leg.data.length), Buffer.from(leg.data));
  }
  return Buffer.concat(parts);
}

/** Decodes canonical route bytes (a proposal's `route[..routeLen]`) back into legs. */
export function decodeRoute(bytes: Uint8Array): RouteLeg[] {
  const buf = Buffer.from(bytes);
  let at = 0;
  const take = (n: number): Buffer => {
    if (at + n > buf.length) throw new RangeError("route bytes end early");
    const out = buf.subarray(at, at + n);
    at += n;
    return out;
  };
  const len = () => take(4).readUInt32LE(0);
  const legCount = len();
  if (legCount < 1 || legCount > MAX_LEGS) throw new RangeError(`a route has 1 to ${MAX_LEGS} legs`);
  const legs: RouteLeg[] = [];
  for (let l = 0; l < legCount; l++) {
    const programId = new PublicKey(take(32));
    const accounts: LegAccount[] = [];
    for (let n = len(), i = 0; i < n; i++) {
      const pubkey = new PublicKey(take(32));
      const [isSigner, isWritable] = take(2);
      accounts.push({ pubkey, isSigner: isSigner !== 0, isWritable: isWritable !== 0 });
    }
    legs.push({ programId, accounts, data: Buffer.from(take(len())) });
  }
  if (at !== buf.length) throw new RangeError("route bytes continue past the last leg");
  return legs;
}

/** SHA-256 of canonical route bytes: the fingerprint proposals and events carry. */
export async function routeHash(bytes: Uint8Array): Promise<Buffer> {
  // A copy backed by a plain ArrayBuffer, which the DOM's `BufferSource` type (the web app) requires.
  return Buffer.from(await globalThis.crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
}
