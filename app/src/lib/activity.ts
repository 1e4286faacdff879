/**
 * The pool's audit trail is the SDK's activity reader (`@poolbot/sdk`: reading, grouping, a
 * member's history, the chart series, the words); this binds it to the app's formatting of
 * amounts, times and addresses, so pages describe an event with the pool's decimals and symbol.
 * A member's own history shows every digit of its amounts and shares (`exact`), as the position
 * and `poolbot` do; the pool-wide feed rounds to cents.
 */
import type { PublicKey } from "@solana/web3.js";
import {
  ActivityFormat,
  describeEvent as describeWith,
  Described,
  DescribeContext as SdkDescribeContext,
  PoolBotEvent,
} from "@poolbot/sdk";
import {
  describeSeconds,
  formatAmount,
  formatBps,
  formatDateTime,
  formatExact,
  formatShares,
  shortAddress,
} from "./format";

export {
  ACTIVITY_CATEGORY_LABELS as CATEGORY_LABELS,
  categoryOf,
  chartSeries,
  fetchActivity,
  idMaps,
  memberHistory,
  newestFirst,
  participantsOf,
} from "@poolbot/sdk";
export type {
  ActivityCategory as Category,
  ActivityItem,
  ActivityPage,
  ChartPoint,
  Described,
} from "@poolbot/sdk";

/**
 * The app's formatting for a pool whose asset has `decimals` and `symbol`; `exact` writes
 * amounts and shares with every significant digit (`formatShares`), never rounded.
 */
export function activityFormat(decimals: number, symbol: string, exact = false): ActivityFormat {
  const digits = exact ? { maxFraction: decimals, minFraction: 0 } : {};
  return {
    amount: (base, signed = false) => formatAmount(base, decimals, { symbol, signed, ...digits }),
    shares: (base) => `${exact ? formatShares(base, decimals) : formatAmount(base, decimals)} shares`,
    exact: (base) => formatExact(base, decimals, symbol),
    bps: formatBps,
    seconds: describeSeconds,
    dateTime: (unix) => formatDateTime(unix),
    address: (key: PublicKey) => shortAddress(key),
  };
}

/**
 * What describing an event needs: the pool's decimals and symbol, the id and role maps, and
 * whether to show every digit (a member's own history).
 */
export type DescribeContext = Omit<SdkDescribeContext, "format"> & {
  decimals: number;
  symbol: string;
  exact?: boolean;
};

/** `event` as a title and a sentence, in the app's formatting. */
export function describeEvent(event: PoolBotEvent, ctx: DescribeContext): Described {
  const { decimals, symbol, exact, ...rest } = ctx;
  return describeWith(event, { ...rest, format: activityFormat(decimals, symbol, exact) });
}
