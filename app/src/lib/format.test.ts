import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  big,
  describeSeconds,
  formatAgo,
  formatAmount,
  formatBps,
  formatCount,
  formatDateTime,
  formatDuration,
  formatExact,
  formatInput,
  formatPercent,
  formatShares,
  parseAmount,
  percentOf,
  shortAddress,
} from "./format";

describe("formatAmount", () => {
  it("groups thousands and shows two decimals by default, rounding down", () => {
    assert.equal(formatAmount(1_234_567_890n, 6), "1,234.56");
    assert.equal(formatAmount(1_234_567_890n, 6, { symbol: "USDC" }), "1,234.56 USDC");
    assert.equal(formatAmount(100_000_000n, 6, { symbol: "USDC" }), "100.00 USDC");
    assert.equal(formatAmount(0n, 6, { symbol: "USDC" }), "0.00 USDC");
    assert.equal(formatAmount(999_999n, 6), "0.99", "never rounds a balance up");
  });

  it("shows tiny non-zero amounts as below the smallest digit", () => {
    assert.equal(formatAmount(1n, 6, { symbol: "USDC" }), "<0.01 USDC");
    assert.equal(formatAmount(1n, 6, { maxFraction: 4 }), "<0.0001");
    assert.equal(formatAmount(5n, 0), "5");
  });

  it("signs profits and losses", () => {
    assert.equal(formatAmount(29_400_000n, 6, { symbol: "USDC", signed: true }), "+29.40 USDC");
    assert.equal(formatAmount(-1_500_000n, 6, { symbol: "USDC", signed: true }), "−1.50 USDC");
    assert.equal(formatAmount(0n, 6, { signed: true }), "0.00");
  });

  it("takes a precision and trims trailing zeros down to the minimum", () => {
    assert.equal(formatAmount(1_007_606n, 6, { maxFraction: 6, minFraction: 4 }), "1.007606");
    assert.equal(formatAmount(1_000_000n, 6, { maxFraction: 6, minFraction: 4 }), "1.0000");
    assert.equal(formatAmount(248_112_700n, 6, { maxFraction: 4, minFraction: 0 }), "248.1127");
    assert.equal(formatAmount(9_890_800_000n, 9, { maxFraction: 4, symbol: "SOL" }), "9.8908 SOL");
    assert.equal(formatAmount(12_345_678_901_234_567_890n, 6), "12,345,678,901,234.56", "beyond 2^53");
  });

  it("formatExact keeps every significant digit", () => {
    assert.equal(formatExact(100_500_000n, 6, "USDC"), "100.5 USDC");
    assert.equal(formatExact(100_000_000n, 6, "USDC"), "100 USDC");
    assert.equal(formatExact(1n, 6), "0.000001");
  });
});

describe("parseAmount", () => {
  it("reads whole tokens into base units", () => {
    assert.deepEqual(parseAmount("250", 6), { value: 250_000_000n });
    assert.deepEqual(parseAmount("1000.5", 6), { value: 1_000_500_000n });
    assert.deepEqual(parseAmount(" 0.000001 ", 6), { value: 1n });
    assert.deepEqual(parseAmount(".5", 6), { value: 500_000n });
    assert.deepEqual(parseAmount("7.", 6), { value: 7_000_000n });
  });

  it("says what is wrong with text that is no amount", () => {
    assert.deepEqual(parseAmount("", 6), { error: "Enter an amount." });
    assert.deepEqual(parseAmount("abc", 6), { error: "Enter a number, like 250 or 99.5." });
    assert.deepEqual(parseAmount("-5", 6), { error: "Enter a number, like 250 or 99.5." });
    assert.deepEqual(parseAmount("1.2345678", 6), { error: "Use at most 6 decimal places." });
    assert.deepEqual(parseAmount("1.5", 0), { error: "Use at most 0 decimal places." });
  });

  it("refuses a comma instead of guessing what it means (the CLI's rule)", () => {
    // Once `150,5` became 1,505, `1,5` 15 and `1.000,50` 1.0005.
    for (const text of ["150,5", "1,5", "1.000,50", "1,000.5", "1,000"]) {
      const parsed = parseAmount(text, 6);
      assert.ok("error" in parsed, `${text} is refused`);
      assert.equal(
        parsed.error,
        `“${text}” has a comma, which could be a decimal or a thousands separator. Write the amount with a point for decimals and no separators, like 1500.5.`,
      );
    }
    for (const text of ["1 000", "1_000", "1'000.5"]) {
      const parsed = parseAmount(text, 6);
      assert.ok("error" in parsed && /has a space or separator inside/.test(parsed.error), text);
    }
    assert.deepEqual(parseAmount("1.2.3", 6), { error: "Enter a number, like 250 or 99.5." });
    assert.deepEqual(parseAmount("18446744073709.551616", 6), {
      error: "That is more than a token account can hold. Enter a smaller amount.",
    });
    assert.deepEqual(parseAmount("18446744073709.551615", 6), { value: (1n << 64n) - 1n });
  });

  it("round-trips with the input format (formatExact without grouping)", () => {
    for (const v of [1n, 99n, 100_000_000n, 123_456_789_012n]) {
      assert.deepEqual(parseAmount(formatInput(v, 6), 6), { value: v });
      assert.equal(formatInput(v, 6), formatExact(v, 6).replace(/,/g, ""));
    }
    assert.equal(formatInput(123_456_789_012n, 6), "123456.789012");
  });
});

describe("formatShares", () => {
  it("shows shares with every digit, as the CLI does (never rounded)", () => {
    assert.equal(formatShares(249_750_624n, 6), "249.750624");
    assert.equal(formatShares(250_000_000n, 6), "250");
    assert.equal(formatShares(1n, 6), "0.000001");
    assert.equal(formatShares(1_234_500_000n, 6), "1,234.5");
  });
});

describe("percentages, counts, durations, times, addresses", () => {
  it("formats percentages and basis points", () => {
    assert.equal(formatPercent(5.7), "5.70%");
    assert.equal(formatPercent(66.666, 0), "67%");
    assert.equal(formatPercent(null), "—");
    assert.equal(formatPercent(Number.NaN), "—");
    assert.equal(percentOf(1n, 3n), 33.3333);
    assert.equal(percentOf(5n, 0n), null);
    assert.equal(formatBps(500), "5%");
    assert.equal(formatBps(25), "0.25%");
    assert.equal(formatBps(1_000), "10%");
  });

  it("formats counts, durations and settings", () => {
    assert.equal(formatCount(12_345), "12,345");
    assert.equal(formatCount(7n), "7");
    assert.equal(formatDuration(45), "45s");
    assert.equal(formatDuration(725), "12m 05s");
    assert.equal(formatDuration(3 * 3600 + 20 * 60), "3h 20m");
    assert.equal(formatDuration(2 * 86_400 + 4 * 3600 + 5), "2d 4h");
    assert.equal(formatDuration(-3), "0s");
    assert.equal(describeSeconds(3600), "1 hour");
    assert.equal(describeSeconds(90), "1.5 minutes");
    assert.equal(describeSeconds(86_400 * 2), "2 days");
    assert.equal(describeSeconds(0), "none");
  });

  it("formats times", () => {
    const t = Date.UTC(2026, 10, 25, 14, 5) / 1000;
    assert.equal(formatDateTime(t, true), "25 Nov 2026, 14:05");
    assert.equal(formatAgo(t - 3, t), "just now");
    assert.equal(formatAgo(t - 42, t), "42 s ago");
    assert.equal(formatAgo(t - 300, t), "5 min ago");
    assert.equal(formatAgo(t - 7_200, t), "2 h ago");
    assert.equal(formatAgo(t - 3 * 86_400, t), "3 d ago");
  });

  it("shortens addresses and reads BN-like values", () => {
    assert.equal(shortAddress("GpH9U2ANc9UYBj4XxdSVPP2ejnJx3imfgty25WBHnrZy"), "GpH9…nrZy");
    assert.equal(shortAddress("GpH9U2ANc9UYBj4XxdSVPP2ejnJx3imfgty25WBHnrZy", 6), "GpH9U2…BHnrZy");
    assert.equal(shortAddress("short"), "short");
    assert.equal(big({ toString: () => "18446744073709551615" }), 18_446_744_073_709_551_615n);
    assert.equal(big(5), 5n);
  });
});
