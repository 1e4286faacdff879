/**
 * What a product lets its routes do (`programs/pool_bot/src/state/leg_rule.rs`): 1 to 4 leg
 * rules, each naming a program and an instruction (the leading bytes of its data, e.g. an Anchor
 * instruction's 8-byte discriminator), which of the instruction's accounts the leg spends from
 * and pays into (both must be token accounts the pool PDA owns) and which names the market; and
 * 0 to 16 markets (DEX pool accounts) the legs may trade on (none listed: any). A leg that
 * matches no rule can be neither proposed (`LegNotAllowed`) nor executed.
 */
import { PublicKey } from "@solana/web3.js";
import { Buffer } from "buffer";
import type { ProductAccount } from "./accounts";
import { LOCAL_AMM_IDL, LOCAL_AMM_PROGRAM_ID, POOL_BOT_PROGRAM_ID } from "./idl";
import type { RouteLeg } from "./route";

/** Most leg rules a product may declare. */
export const MAX_LEG_RULES = 4;
/** Most markets a product may list. */
export const MAX_MARKETS = 16;
/** Longest instruction prefix a rule matches (an Anchor discriminator). */
export const MAX_DISCRIMINATOR_LEN = 8;
/** The stored `marketIndex` of a rule whose instruction names no market. */
export const NO_MARKET = 255;

/** A leg rule, as `register_product` takes it and `legRulesOf` reads it back. */
export interface LegRuleSpec {
  /** The program the leg invokes (never Pool Bot). */
  program: PublicKey;
  /** Leading bytes of the instruction data, 1 to 8. */
  discriminator: Buffer;
  /** Index, in the leg's accounts, of the token account it spends from. */
  sourceIndex: number;
  /** Index, in the leg's accounts, of the token account it pays into. */
  destinationIndex: number;
  /** Index, in the leg's accounts, of the market (DEX pool), or null when it names none. */
  marketIndex: number | null;
}

/** The local AMM's `swap` discriminator, from its IDL. */
export const LOCAL_AMM_SWAP_DISCRIMINATOR: Buffer = Buffer.from(
  LOCAL_AMM_IDL.instructions.find((i) => i.name === "swap")!.discriminator,
);

/**
 * The rule a product declares to route through the local AMM's `swap` (the Rust client's
 * `pool_bot_client::amm::swap_rule()`): the leg spends from `user_source` (account 2) and pays
 * into `user_destination` (account 3), both of which must be the pool's own token accounts, and
 * trades on `pool` (account 1).
 */
export function localAmmSwapRule(): LegRuleSpec {
  return {
    program: LOCAL_AMM_PROGRAM_ID,
    discriminator: Buffer.from(LOCAL_AMM_SWAP_DISCRIMINATOR),
    sourceIndex: 2,
    destinationIndex: 3,
    marketIndex: 1,
  };
}

/** Whether `rule` is the local AMM swap rule. */
export function isLocalAmmSwapRule(rule: LegRuleSpec): boolean {
  return sameLegRule(rule, localAmmSwapRule());
}

/** Whether two rules are the same. */
export function sameLegRule(a: LegRuleSpec, b: LegRuleSpec): boolean {
  return (
    a.program.equals(b.program) &&
    Buffer.from(a.discriminator).equals(Buffer.from(b.discriminator)) &&
    a.sourceIndex === b.sourceIndex &&
    a.destinationIndex === b.destinationIndex &&
    a.marketIndex === b.marketIndex
  );
}

/** The argument form of `rule` (`LegRuleArgs`). */
export function legRuleArgs(rule: LegRuleSpec) {
  return {
    program: rule.program,
    discriminator: Buffer.from(rule.discriminator),
    sourceIndex: rule.sourceIndex,
    destinationIndex: rule.destinationIndex,
    marketIndex: rule.marketIndex,
  };
}

/** The leg rules a product declares, in order. */
export function legRulesOf(product: ProductAccount): LegRuleSpec[] {
  return product.legRules.slice(0, product.ruleCount).map((r) => ({
    program: r.program,
    discriminator: Buffer.from(r.discriminator.slice(0, r.discriminatorLen)),
    sourceIndex: r.sourceIndex,
    destinationIndex: r.destinationIndex,
    marketIndex: r.marketIndex === NO_MARKET ? null : r.marketIndex,
  }));
}

/** The programs a product's routes may call (those its rules name, each once, in rule order). */
export function productProgramsOf(product: ProductAccount): PublicKey[] {
  const programs: PublicKey[] = [];
  for (const { program } of legRulesOf(product)) {
    if (!programs.some((p) => p.equals(program))) programs.push(program);
  }
  return programs;
}

/** The markets a product's legs may trade on; empty means any market. */
export function marketsOf(product: ProductAccount): PublicKey[] {
  return product.markets.slice(0, product.marketCount);
}

/** The index among `rules` of the first rule `leg` matches (program and data prefix), or -1. */
export function matchingLegRule(rules: LegRuleSpec[], leg: RouteLeg): number {
  return rules.findIndex(
    (r) =>
      r.program.equals(leg.programId) &&
      leg.data.length >= r.discriminator.length &&
      Buffer.from(leg.data).subarray(0, r.discriminator.length).equals(Buffer.from(r.discriminator)),
  );
}

/**
 * Why `leg` breaks `product`'s rules as the program would see it on its accounts' keys
 * alone, or null: `LegNotAllowed` (no rule matches), `RouteAccountMissing` (too few accounts
 * for the rule) or `MarketNotAllowed`. Whether its source and destination are pool-owned token
 * accounts needs the chain (`LegAccountNotPoolOwned`).
 */
export function legRuleViolation(
  rules: LegRuleSpec[],
  markets: PublicKey[],
  leg: RouteLeg,
): "LegNotAllowed" | "RouteAccountMissing" | "MarketNotAllowed" | null {
  const i = matchingLegRule(rules, leg);
  if (i < 0) return "LegNotAllowed";
  const rule = rules[i];
  const needed = Math.max(rule.sourceIndex, rule.destinationIndex, rule.marketIndex ?? 0) + 1;
  if (leg.accounts.length < needed) return "RouteAccountMissing";
  if (rule.marketIndex !== null && markets.length > 0) {
    const market = leg.accounts[rule.marketIndex].pubkey;
    if (!markets.some((m) => m.equals(market))) return "MarketNotAllowed";
  }
  return null;
}

/** The text form of `rule`: `PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET]` (as the CLI's `--rule`). */
export function formatLegRule(rule: LegRuleSpec): string {
  const parts = [
    rule.program.toBase58(),
    Buffer.from(rule.discriminator).toString("hex"),
    String(rule.sourceIndex),
    String(rule.destinationIndex),
  ];
  if (rule.marketIndex !== null) parts.push(String(rule.marketIndex));
  return parts.join(":");
}

/** `text` as discriminator bytes: 1 to 8 bytes of hex (an optional `0x` and spaces allowed). */
export function parseDiscriminator(text: string): Buffer {
  const hex = text.trim().replace(/^0x/i, "").replace(/\s+/g, "");
  if (!/^([0-9a-fA-F]{2}){1,8}$/.test(hex)) {
    throw new Error(
      `"${text}" is not 1 to 8 bytes of hex (e.g. ${LOCAL_AMM_SWAP_DISCRIMINATOR.toString("hex")})`,
    );
  }
  return Buffer.from(hex, "hex");
}

/** `value` as an account index of a leg (0 to 254), or an error naming `what`. */
export function parseAccountIndex(value: unknown, what: string): number {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (!Number.isInteger(n) || (n as number) < 0 || (n as number) >= NO_MARKET) {
    throw new Error(`${what}: expected an account index from 0 to 254, got ${JSON.stringify(value)}`);
  }
  return n as number;
}

/**
 * A leg rule from its text form: `local-amm-swap`, or
 * `PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET]` (the CLI's `--rule`). Throws an
 * `Error` saying what is wrong.
 */
export function parseLegRule(text: string): LegRuleSpec {
  const trimmed = text.trim();
  if (trimmed === "local-amm-swap") return localAmmSwapRule();
  const parts = trimmed.split(":");
  const usage = `use local-amm-swap, or PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET], e.g. ${formatLegRule(localAmmSwapRule())}`;
  if (parts.length < 4 || parts.length > 5) {
    throw new Error(`"${trimmed}" is not a leg rule: ${usage}`);
  }
  let program: PublicKey;
  try {
    program = new PublicKey(parts[0]);
  } catch {
    throw new Error(`"${trimmed}": the program ${JSON.stringify(parts[0])} is not a base58 public key`);
  }
  const rule = {
    program,
    discriminator: parseDiscriminator(parts[1]),
    sourceIndex: parseAccountIndex(parts[2], "source"),
    destinationIndex: parseAccountIndex(parts[3], "destination"),
    marketIndex: parts[4] === undefined ? null : parseAccountIndex(parts[4], "market"),
  };
  checkLegRule(rule);
  return rule;
}

/**
 * Refuses, with an `Error` saying why, what the program would refuse in one rule
 * (`InvalidLegRule`, `RouteSelfInvocation`): a discriminator outside 1 to 8 bytes, the same
 * source and destination, an index out of range, or a rule on Pool Bot itself.
 */
export function checkLegRule(rule: LegRuleSpec): void {
  const len = rule.discriminator.length;
  if (len < 1 || len > MAX_DISCRIMINATOR_LEN)
    throw new Error(`the instruction prefix must be 1 to 8 bytes, not ${len}`);
  for (const [what, index] of [
    ["source", rule.sourceIndex],
    ["destination", rule.destinationIndex],
    ["market", rule.marketIndex ?? 0],
  ] as const) {
    parseAccountIndex(index, what);
  }
  if (rule.sourceIndex === rule.destinationIndex)
    throw new Error("the source and destination must be different accounts of the instruction");
  if (rule.program.equals(POOL_BOT_PROGRAM_ID)) throw new Error("a rule may not call Pool Bot itself");
}
