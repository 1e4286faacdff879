/**
 * Pool Bot's events (the audit trail, `programs/pool_bot/src/events.rs`) decoded from
 * transaction logs. Only events emitted by Pool Bot itself are returned: the local AMM's
 * `Swapped`, logged inside a route's CPI, is attributed to the AMM (`parseAmmEvents`).
 */
import { BorshCoder, convertIdlToCamelCase, EventParser, IdlEvents } from "@anchor-lang/core";
import type { Connection, TransactionSignature } from "@solana/web3.js";
import {
  LOCAL_AMM_IDL,
  LOCAL_AMM_PROGRAM_ID,
  LocalAmm,
  POOL_BOT_IDL,
  POOL_BOT_PROGRAM_ID,
  PoolBot,
} from "./idl";

type EventUnion<E> = { [K in keyof E]: { name: K; data: E[K] } }[keyof E];

/** Every Pool Bot event's data, by name (`deposited`, `tradeExecuted`, ...). */
export type PoolBotEvents = IdlEvents<PoolBot>;
/** One decoded Pool Bot event: `{ name, data }`, narrowed by `name`. */
export type PoolBotEvent = EventUnion<PoolBotEvents>;
/** Pool Bot's event names. */
export type PoolBotEventName = keyof PoolBotEvents;
/** One decoded local AMM event. */
export type AmmEvent = EventUnion<IdlEvents<LocalAmm>>;

// Decoded with camelCase names, as `Program` decodes accounts (the IDL files are snake_case).
const poolBotParser = new EventParser(
  POOL_BOT_PROGRAM_ID,
  new BorshCoder(convertIdlToCamelCase(POOL_BOT_IDL)),
);
const ammParser = new EventParser(LOCAL_AMM_PROGRAM_ID, new BorshCoder(convertIdlToCamelCase(LOCAL_AMM_IDL)));

/** The Pool Bot events in a transaction's logs, in order. */
export function parsePoolBotEvents(logs: string[]): PoolBotEvent[] {
  return [...poolBotParser.parseLogs(logs)] as PoolBotEvent[];
}

/** The local AMM events in a transaction's logs, in order. */
export function parseAmmEvents(logs: string[]): AmmEvent[] {
  return [...ammParser.parseLogs(logs)] as AmmEvent[];
}

/** The events named `name` among `events`, with their data typed. */
export function eventsNamed<N extends PoolBotEventName>(events: PoolBotEvent[], name: N): PoolBotEvents[N][] {
  return events.filter((e) => e.name === name).map((e) => e.data as PoolBotEvents[N]);
}

/**
 * The logs of a confirmed transaction. A node may index a transaction a moment after it
 * confirms it, so this asks a few times before giving up.
 */
export async function transactionLogs(
  connection: Connection,
  signature: TransactionSignature,
): Promise<string[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tx = await connection.getTransaction(signature, {
      commitment: "confirmed",
      maxSupportedTransactionVersion: 0,
    });
    if (tx?.meta?.logMessages) return tx.meta.logMessages;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`transaction ${signature} was not found with its logs`);
}
