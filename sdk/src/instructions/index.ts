/**
 * One pure builder per Pool Bot instruction, mirroring `crates/client/src/instructions.rs`:
 * each takes the pool's addresses, the signer and the arguments explicitly and returns a
 * `TransactionInstruction`, with no connection or wallet, for any wallet, bundler or test.
 * `PoolBotClient` builds with these and sends.
 */
export { assetTokenAccount, poolBotInstruction } from "./build";
export type { PoolBotInstructionName } from "./build";
export * from "./pool";
export * from "./governance";
export * from "./products";
export * from "./members";
export * from "./trades";
export * from "./claims";
export * from "./mandates";
