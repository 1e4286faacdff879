/**
 * The Validators page's mandate proposal form read into `MandateTerms`, each field checked
 * against what `propose_mandate` would refuse (`programs/pool_bot/src/state/mandate.rs`), every
 * problem in its own sentence naming the field and the fix, before anything is sent.
 */
import { PublicKey } from "@solana/web3.js";
import type { MandateTerms } from "@poolbot/sdk";
import { formatExact, parseAmount, shortAddress } from "./format";
import { parseDuration, parsePercentBps, parseWhole, U32_MAX } from "./forms";

/** Most markets one mandate may trade (`MAX_MANDATE_MARKETS`). */
export const MAX_MANDATE_MARKETS = 8;
/** Longest a mandate may stand once active (`MAX_MANDATE_DURATION`): 30 days. */
export const MAX_MANDATE_DURATION = 30 * 86_400;
/** Shortest and longest budget period (`MANDATE_PERIOD_RANGE`): a minute to 30 days. */
export const MANDATE_PERIOD = { min: 60, max: 30 * 86_400 };

/** The form, as typed. */
export interface MandateForm {
  /** DEX pool addresses, separated by lines, spaces or commas. */
  markets: string;
  /** Largest amount in of one trade, in whole tokens. */
  maxAmountIn: string;
  /** Least profit of one trade, in whole tokens. */
  minProfit: string;
  /** Least profit of one trade, in percent of its amount in. */
  minProfitPercent: string;
  /** Budget period, in hours. */
  periodHours: string;
  /** Most trades per period. */
  maxTrades: string;
  /** Most amount in per period, in whole tokens. */
  maxNotional: string;
  /** How long it stands once active, in days. */
  durationDays: string;
}

/** What the form is checked against: the pool's token and the chosen product's limits. */
export interface MandateFacts {
  decimals: number;
  symbol: string;
  product: {
    /** Markets the product lists (none: any market). */
    markets: PublicKey[];
    maxTradeAmount: bigint;
    minProfit: bigint;
  };
}

/** The form a keeper starts from: the seed's mandate (the two markets filled in by the page). */
export function defaultMandateForm(markets: PublicKey[] = []): MandateForm {
  return {
    markets: markets.map((m) => m.toBase58()).join("\n"),
    maxAmountIn: "5000",
    minProfit: "1",
    minProfitPercent: "0.1",
    periodHours: "24",
    maxTrades: "50",
    maxNotional: "100000",
    durationDays: "7",
  };
}

/** The markets as typed: 1 to 8 addresses, each once, each on the product's list when it has one. */
export function parseMandateMarkets(
  text: string,
  listed: PublicKey[],
): { value: PublicKey[] } | { error: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0)
    return { error: "Markets: list at least one DEX pool address the mandate's trades may use." };
  if (words.length > MAX_MANDATE_MARKETS)
    return {
      error: `Markets: a mandate trades at most ${MAX_MANDATE_MARKETS} markets, not ${words.length}.`,
    };
  const markets: PublicKey[] = [];
  for (const word of words) {
    let key: PublicKey;
    try {
      key = new PublicKey(word);
    } catch {
      return { error: `Markets: ${shortAddress(word)} is not a base58 address.` };
    }
    if (markets.some((m) => m.equals(key)))
      return { error: `Markets: ${shortAddress(word)} is listed twice. List each market once.` };
    if (listed.length > 0 && !listed.some((m) => m.equals(key)))
      return {
        error: `Markets: ${shortAddress(word)} is not on the product's market list. Choose among the product's markets.`,
      };
    markets.push(key);
  }
  return { value: markets };
}

/** The form read into terms, or every field's problem (nothing is sent until there is none). */
export function readMandateForm(
  form: MandateForm,
  facts: MandateFacts,
): { value: MandateTerms } | { errors: string[] } {
  const { decimals, symbol, product } = facts;
  const amt = (v: bigint) => formatExact(v, decimals, symbol);
  const errors: string[] = [];
  const amount = (text: string, field: string): bigint | null => {
    const parsed = parseAmount(text, decimals);
    if ("error" in parsed) {
      errors.push(`${field}: ${parsed.error}`);
      return null;
    }
    return parsed.value;
  };

  const markets = parseMandateMarkets(form.markets, product.markets);
  if ("error" in markets) errors.push(markets.error);

  const maxAmountIn = amount(form.maxAmountIn, "Max per trade");
  if (maxAmountIn === 0n)
    errors.push("Max per trade: must be more than 0; a mandate that may put in nothing could never trade.");
  else if (maxAmountIn !== null && maxAmountIn > product.maxTradeAmount)
    errors.push(
      `Max per trade: the product allows at most ${amt(product.maxTradeAmount)} a trade. Enter at most that.`,
    );

  const minProfit = amount(form.minProfit, "Least profit");
  const floor = product.minProfit > 1n ? product.minProfit : 1n;
  if (minProfit !== null && minProfit < floor)
    errors.push(`Least profit: the product requires at least ${amt(floor)} a trade. Enter at least that.`);

  const bps = parsePercentBps(form.minProfitPercent, "Least profit (% of the trade)");
  if ("error" in bps) errors.push(bps.error);

  const period = parseDuration(
    form.periodHours,
    "Budget period",
    "hour",
    3_600,
    MANDATE_PERIOD.min,
    MANDATE_PERIOD.max,
  );
  if ("error" in period) errors.push(period.error);

  const trades = parseWhole(form.maxTrades, "Trades per period", 1, U32_MAX);
  if ("error" in trades) errors.push(trades.error);

  const maxNotional = amount(form.maxNotional, "Volume per period");
  if (maxNotional !== null && maxAmountIn !== null && maxNotional < maxAmountIn)
    errors.push(
      `Volume per period: must be at least the max per trade (${amt(maxAmountIn)}), or not even one full trade would fit.`,
    );

  const duration = parseDuration(form.durationDays, "Lifetime", "day", 86_400, 1, MAX_MANDATE_DURATION);
  if ("error" in duration) errors.push(duration.error);

  if (
    errors.length > 0 ||
    !("value" in markets) ||
    maxAmountIn === null ||
    minProfit === null ||
    maxNotional === null ||
    !("value" in bps) ||
    !("value" in period) ||
    !("value" in trades) ||
    !("value" in duration)
  )
    return { errors };
  return {
    value: {
      markets: markets.value,
      maxAmountIn,
      minProfit,
      minProfitBps: bps.value,
      period: period.value,
      maxTradesPerPeriod: trades.value,
      maxNotionalPerPeriod: maxNotional,
      duration: duration.value,
    },
  };
}
