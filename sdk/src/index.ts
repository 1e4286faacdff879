/**
 * Pool Bot's TypeScript SDK (`@poolbot/sdk`), in layers as Squads' SDK:
 *
 * - `instructions`: one pure builder per instruction, returning a `TransactionInstruction`
 *   (no connection, any wallet or bundler);
 * - `PoolBotClient` (`client.ts`): builds with them, sends and confirms with a wallet (legacy
 *   transactions, or v0 with a lookup table and a priced compute budget), and reads and lists
 *   every account;
 * - v0 transactions (`transactions.ts`), the pool's address lookup table (`lookupTables.ts`)
 *   and priority fees (`fees.ts`), for any wallet;
 * - PDAs, account and event decoding, the program's state rules (`standing.ts`), share math,
 *   named errors, route packing, product leg rules, governance changes, the activity reader,
 *   slippage, and the local AMM.
 */
export * as instructions from "./instructions";
export type { MandateTerms, PoolConfig, ProductSpec, TradeTerms, WithdrawRequest } from "./instructions";
export * from "./idl";
export * from "./pdas";
export * from "./route";
export * from "./accounts";
export * from "./products";
export * from "./events";
export * from "./errors";
export * from "./math";
export * from "./governance";
export * from "./standing";
export * from "./provider";
export * from "./fees";
export * from "./lookupTables";
export * from "./transactions";
export * from "./client";
export * from "./amm";
export * from "./activity";
