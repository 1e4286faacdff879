/**
 * The programs' Anchor IDLs (generated into `idls/`) with their TypeScript types, and the
 * program ids they declare.
 */
import { PublicKey } from "@solana/web3.js";
import poolBotJson from "../../idls/pool_bot.json";
import localAmmJson from "../../idls/local_amm.json";
import type { PoolBot } from "../../idls/pool_bot";
import type { LocalAmm } from "../../idls/local_amm";

export type { PoolBot, LocalAmm };

/** The Pool Bot IDL as generated (snake_case JSON), typed for `new Program(...)`. */
export const POOL_BOT_IDL = poolBotJson as unknown as PoolBot;
/** The local AMM IDL as generated, typed for `new Program(...)`. */
export const LOCAL_AMM_IDL = localAmmJson as unknown as LocalAmm;

/** Pool Bot's program id. */
export const POOL_BOT_PROGRAM_ID = new PublicKey(poolBotJson.address);
/** The local AMM's program id. */
export const LOCAL_AMM_PROGRAM_ID = new PublicKey(localAmmJson.address);

/** One named error of a program, as its IDL lists it (name as in the Rust enum). */
export interface IdlErrorEntry {
  code: number;
  name: string;
  msg: string;
}

/** Pool Bot's named errors (`PoolError`), from the IDL. */
export const POOL_BOT_ERRORS: readonly IdlErrorEntry[] = poolBotJson.errors;
/** The local AMM's named errors (`AmmError`), from the IDL. */
export const LOCAL_AMM_ERRORS: readonly IdlErrorEntry[] = localAmmJson.errors;
