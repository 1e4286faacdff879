/**
 * Number, amount, time and address formatting for display, and parsing of typed amounts.
 * Amounts are bigint base units everywhere; they become text only here.
 */

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

function group(whole: string): string {
  return whole.replace(GROUP, ",");
}

export interface AmountOptions {
  /** Appended after a space (`USDC`). */
  symbol?: string;
  /** Most fraction digits shown (rounded down, so a balance is never overstated). Default 2. */
  maxFraction?: number;
  /** Least fraction digits shown (zero-padded). Default 0, or 2 when `maxFraction` is 2 or more. */
  minFraction?: number;
  /** Prefix positive values with `+` (profits). */
  signed?: boolean;
}

/**
 * `base` base units of a token with `decimals` as text: `1234567890n, 6` → `1,234.56`.
 * Rounds toward zero; a non-zero value that rounds to zero shows as `<0.01`.
 */
export function formatAmount(base: bigint, decimals: number, options: AmountOptions = {}): string {
  const maxFraction = Math.min(options.maxFraction ?? 2, decimals);
  const minFraction = Math.min(options.minFraction ?? (maxFraction >= 2 ? 2 : 0), maxFraction);
  const negative = base < 0n;
  const abs = negative ? -base : base;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fractionDigits = (abs % scale).toString().padStart(decimals, "0").slice(0, maxFraction);
  let fraction = fractionDigits.replace(/0+$/, "");
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, "0");
  let text = group(whole.toString()) + (fraction ? `.${fraction}` : "");
  if (abs > 0n && whole === 0n && /^0*$/.test(fractionDigits)) {
    text = maxFraction > 0 ? `<0.${"0".repeat(maxFraction - 1)}1` : "<1";
  }
  const sign = negative ? "−" : options.signed && abs > 0n ? "+" : "";
  return `${sign}${text}${options.symbol ? ` ${options.symbol}` : ""}`;
}

/** Every significant digit of `base` (no rounding): `100500000n, 6` → `100.5`. */
export function formatExact(base: bigint, decimals: number, symbol?: string): string {
  return formatAmount(base, decimals, { maxFraction: decimals, minFraction: 0, symbol });
}

/** Every significant digit of `base`, without grouping: what an amount field is filled with (`1000.5`). */
export function formatInput(base: bigint, decimals: number): string {
  return formatExact(base, decimals).replace(/,/g, "");
}

/**
 * Shares, and a member's own amounts (position, history), as the CLI shows them
 * (`crates/cli/src/units.rs`, `TokenUnit::number`): every significant digit, never rounded, so
 * the page, the history and `poolbot` agree to the base unit. Grouped for reading.
 */
export function formatShares(base: bigint, decimals: number): string {
  return formatExact(base, decimals);
}

const U64_MAX = (1n << 64n) - 1n;

/**
 * A typed amount in whole tokens as base units: `"1000.5"` → `1000500000n` for 6 decimals. The
 * one amount parser of the app, with the CLI's rule (`crates/cli/src/units.rs`): digits with an
 * optional decimal point and at most the mint's decimals after it. A comma is refused, never
 * guessed at (`150,5` could mean 150.5 or 1,505), as are spaces and other separators.
 * Returns a sentence naming the problem and the fix instead when the text is not an amount.
 */
export function parseAmount(text: string, decimals: number): { value: bigint } | { error: string } {
  const cleaned = text.trim();
  if (cleaned === "") return { error: "Enter an amount." };
  if (cleaned.includes(",")) {
    return {
      error: `“${cleaned}” has a comma, which could be a decimal or a thousands separator. Write the amount with a point for decimals and no separators, like 1500.5.`,
    };
  }
  if (/^[\d.]*[\s_'’][\d.\s_'’]*$/.test(cleaned)) {
    return {
      error: `“${cleaned}” has a space or separator inside. Write the amount as plain digits with an optional decimal point, like 1500.5.`,
    };
  }
  if (!/^\d*\.?\d*$/.test(cleaned) || cleaned === ".") return { error: "Enter a number, like 250 or 99.5." };
  const [whole, fraction = ""] = cleaned.split(".");
  if (fraction.length > decimals) {
    return { error: `Use at most ${decimals} decimal place${decimals === 1 ? "" : "s"}.` };
  }
  const value =
    BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  if (value > U64_MAX)
    return { error: "That is more than a token account can hold. Enter a smaller amount." };
  return { value };
}

/** A percentage (`5.7` → `5.70%`); `null` (undefined ratio) → `—`. */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value.toFixed(digits)}%`;
}

/** `part / whole` as a percentage, `null` when `whole` is zero. */
export function percentOf(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  // Four decimals of precision without losing bigint range.
  return Number((part * 1_000_000n) / whole) / 10_000;
}

/** Basis points as a percentage: `500` → `5%`, `25` → `0.25%`. */
export function formatBps(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

/** A duration in seconds, compact: `45s`, `12m 05s`, `3h 20m`, `2d 4h`. Negative → `0s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** A duration setting in words: `3600` → `1 hour`, `90` → `1.5 minutes`, `0` → `none`. */
export function describeSeconds(seconds: number): string {
  if (seconds <= 0) return "none";
  const units: Array<[number, string]> = [
    [86_400, "day"],
    [3600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Number((seconds / size).toFixed(1));
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} seconds`;
}

/** How long ago unix time `then` was, seen at `now`: `just now`, `5 min ago`, `3 h ago`, `2 d ago`. */
export function formatAgo(then: number, now: number): string {
  const s = Math.max(0, now - then);
  if (s < 10) return "just now";
  if (s < 60) return `${Math.floor(s)} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Unix time as `25 Nov 2026, 14:05` in the viewer's time zone (or UTC when asked). */
export function formatDateTime(unix: number, utc = false): string {
  const d = new Date(unix * 1000);
  const [day, month, year, hours, minutes] = utc
    ? [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getDate(), d.getMonth(), d.getFullYear(), d.getHours(), d.getMinutes()];
  return `${day} ${MONTHS[month]} ${year}, ${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** A base58 address shortened for display: `GpH9…nrZy`. */
export function shortAddress(address: string | { toBase58(): string }, chars = 4): string {
  const text = typeof address === "string" ? address : address.toBase58();
  return text.length <= chars * 2 + 1 ? text : `${text.slice(0, chars)}…${text.slice(-chars)}`;
}

/** A whole count with thousands separators: `12345` → `12,345`. */
export function formatCount(n: number | bigint): string {
  return group(n.toString());
}

/** A u64 / i64 as Anchor decodes it (BN) or a number, as a bigint. */
export function big(value: { toString(): string } | number | bigint): bigint {
  return typeof value === "bigint" ? value : BigInt(value.toString());
}
