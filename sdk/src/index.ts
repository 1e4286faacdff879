/**
 * Pool Bot's TypeScript SDK: PDAs, instruction calls, account and event decoding, named
 * errors, route packing, product leg rules, and the local AMM. The web app imports it from here.
 */
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
export * from "./client";
export * from "./amm";
