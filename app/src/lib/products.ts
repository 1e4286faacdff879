/**
 * A product's leg rules and markets in words, and the Admin page's registration form read into
 * them: each rule typed as a row (program, instruction prefix in hex, the accounts it spends
 * from, pays into and trades on), the markets as a list of addresses.
 */
import { PublicKey } from "@solana/web3.js";
import { Buffer } from "buffer";
import {
  checkLegRule,
  isLocalAmmSwapRule,
  legRulesOf,
  legRuleViolation,
  LegRuleSpec,
  localAmmSwapRule,
  marketsOf,
  matchingLegRule,
  MAX_LEG_RULES,
  MAX_MARKETS,
  parseAccountIndex,
  parseDiscriminator,
  PRODUCT_CATEGORIES,
  ProductAccount,
  ProductCategoryName,
  ProductSpec,
  RouteLeg,
} from "@poolbot/sdk";
import { parseAmount, shortAddress } from "./format";
import { parseName, parsePercentBps } from "./forms";
import { programName } from "./route";

/** One rule of the registration form, as typed. */
export interface RuleDraft {
  program: string;
  /** The instruction's leading bytes, in hex. */
  discriminator: string;
  /** Index of the account the leg spends from. */
  source: string;
  /** Index of the account the leg pays into. */
  destination: string;
  /** Index of the market account; empty when the instruction names none. */
  market: string;
}

/** The form's row for `rule`. */
export function ruleDraft(rule: LegRuleSpec): RuleDraft {
  return {
    program: rule.program.toBase58(),
    discriminator: Buffer.from(rule.discriminator).toString("hex"),
    source: String(rule.sourceIndex),
    destination: String(rule.destinationIndex),
    market: rule.marketIndex === null ? "" : String(rule.marketIndex),
  };
}

/** The "local AMM swap" preset. */
export function localAmmSwapDraft(): RuleDraft {
  return ruleDraft(localAmmSwapRule());
}

/** An empty rule to fill in. */
export function emptyRuleDraft(): RuleDraft {
  return { program: "", discriminator: "", source: "", destination: "", market: "" };
}

/** The rules of the form, or the first problem, naming the rule (1-based) and the field. */
export function parseRuleDrafts(drafts: RuleDraft[]): { value: LegRuleSpec[] } | { error: string } {
  // at least one, as the CLI (`--rule` is required): a product no route can match never trades
  if (drafts.length < 1 || drafts.length > MAX_LEG_RULES) {
    return { error: `Leg rules: a product declares 1 to ${MAX_LEG_RULES} rules.` };
  }
  const rules: LegRuleSpec[] = [];
  for (const [i, d] of drafts.entries()) {
    const at = `Rule ${i + 1}`;
    let program: PublicKey;
    try {
      program = new PublicKey(d.program.trim());
    } catch {
      return { error: `${at}: the program is not a base58 program id.` };
    }
    try {
      const rule: LegRuleSpec = {
        program,
        discriminator: parseDiscriminator(d.discriminator),
        sourceIndex: parseAccountIndex(d.source, "the source account"),
        destinationIndex: parseAccountIndex(d.destination, "the destination account"),
        marketIndex: d.market.trim() === "" ? null : parseAccountIndex(d.market, "the market account"),
      };
      checkLegRule(rule);
      rules.push(rule);
    } catch (e) {
      return { error: `${at}: ${sentence((e as Error).message)}` };
    }
  }
  return { value: rules };
}

/** The registration form, as typed. */
export interface ProductForm {
  name: string;
  category: ProductCategoryName;
  maxTrade: string;
  minProfit: string;
  /** Max share of a DEX pool's reserve, in percent. */
  liquidity: string;
  markets: string;
}

/**
 * The registration form read into a product, or every field's problem, each with its own
 * sentence (what the chain would refuse, said before anything is sent).
 */
export function readProductForm(
  form: ProductForm,
  rules: RuleDraft[],
  token: { decimals: number; symbol: string },
): { value: ProductSpec } | { errors: string[] } {
  const errors: string[] = [];
  const name = parseName(form.name);
  if ("error" in name) errors.push(name.error);
  if (!PRODUCT_CATEGORIES.includes(form.category))
    errors.push(`Category: choose one of ${PRODUCT_CATEGORIES.join(", ")}.`);
  const maxTrade = parseAmount(form.maxTrade, token.decimals);
  if ("error" in maxTrade) errors.push(`Max trade: ${maxTrade.error}`);
  else if (maxTrade.value === 0n)
    errors.push(
      `Max trade: must be more than 0 ${token.symbol}; a product whose trades may put in nothing could never trade.`,
    );
  const minProfit = parseAmount(form.minProfit, token.decimals);
  if ("error" in minProfit) errors.push(`Min profit: ${minProfit.error}`);
  const liquidity = parsePercentBps(form.liquidity, "Max share of a DEX pool");
  if ("error" in liquidity) errors.push(liquidity.error);
  const legRules = parseRuleDrafts(rules);
  if ("error" in legRules) errors.push(legRules.error);
  const markets = parseMarkets(form.markets);
  if ("error" in markets) errors.push(markets.error);
  if (errors.length > 0 || !("value" in name) || !("value" in maxTrade) || !("value" in minProfit))
    return { errors };
  if (!("value" in liquidity) || !("value" in legRules) || !("value" in markets)) return { errors };
  return {
    value: {
      name: name.value,
      category: form.category,
      maxTradeAmount: maxTrade.value,
      minProfit: minProfit.value,
      maxLiquidityBps: liquidity.value,
      legRules: legRules.value,
      markets: markets.value,
    },
  };
}

/** Markets typed as addresses separated by commas, spaces or lines (empty: any market). */
export function parseMarkets(text: string): { value: PublicKey[] } | { error: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length > MAX_MARKETS) return { error: `Markets: at most ${MAX_MARKETS}, not ${words.length}.` };
  const markets: PublicKey[] = [];
  for (const word of words) {
    let key: PublicKey;
    try {
      key = new PublicKey(word);
    } catch {
      return { error: `Markets: ${shortAddress(word)} is not a base58 address.` };
    }
    if (markets.some((m) => m.equals(key)))
      return { error: `Markets: ${shortAddress(word)} is listed twice.` };
    markets.push(key);
  }
  return { value: markets };
}

/** `rule` in a few words: "Local AMM swap", or its program, instruction and accounts. */
export function describeRule(rule: LegRuleSpec): string {
  if (isLocalAmmSwapRule(rule)) return "Local AMM swap";
  const market = rule.marketIndex === null ? "" : `, market #${rule.marketIndex}`;
  return `${programName(rule.program.toBase58())} instruction ${Buffer.from(rule.discriminator).toString("hex")}: spends #${rule.sourceIndex} → pays #${rule.destinationIndex}${market}`;
}

/** How many markets, or "Any market" when none is listed. */
export function describeMarkets(markets: PublicKey[]): string {
  if (markets.length === 0) return "Any market";
  return `${markets.length} market${markets.length === 1 ? "" : "s"}`;
}

/** How one leg of a route stands against its product's rules. */
export interface LegRuleCheck {
  /** Index of the first rule it matches, or -1. */
  rule: number;
  /** "rule 1 · Local AMM swap", or what is wrong. */
  label: string;
  /** Whether the program would refuse it on what the page can see (its program, data and keys). */
  ok: boolean;
}

const VIOLATIONS: Record<string, string> = {
  LegNotAllowed: "matches no rule of the product",
  RouteAccountMissing: "has fewer accounts than its rule names",
  MarketNotAllowed: "trades on a market the product does not list",
};

/** Each leg of `legs` against `product`'s leg rules and markets. */
export function legRuleChecks(legs: RouteLeg[], product: ProductAccount): LegRuleCheck[] {
  const rules = legRulesOf(product);
  const markets = marketsOf(product);
  return legs.map((leg) => {
    const rule = matchingLegRule(rules, leg);
    const violation = legRuleViolation(rules, markets, leg);
    if (violation) return { rule, label: VIOLATIONS[violation], ok: false };
    return { rule, label: `rule ${rule + 1} · ${describeRule(rules[rule])}`, ok: true };
  });
}

/** A message as a sentence: capitalised, ending with a full stop. */
function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
