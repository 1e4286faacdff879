/** The mandate proposal form: each field refused in its own words before anything is sent. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PublicKey } from "@solana/web3.js";
import { defaultMandateForm, MandateFacts, parseMandateMarkets, readMandateForm } from "./mandates";

const key = (n: number) => new PublicKey(Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? n : 9)));
const [cheap, dear, other] = [key(1), key(2), key(3)];
const USDC = 1_000_000n;
const facts: MandateFacts = {
  decimals: 6,
  symbol: "USDC",
  product: { markets: [cheap, dear], maxTradeAmount: 50_000n * USDC, minProfit: USDC },
};

function errorsOf(changes: Partial<ReturnType<typeof defaultMandateForm>>, f = facts): string[] {
  const read = readMandateForm({ ...defaultMandateForm([cheap, dear]), ...changes }, f);
  return "errors" in read ? read.errors : [];
}

describe("the mandate form", () => {
  it("reads the seed's mandate into the program's terms, in base units and seconds", () => {
    const read = readMandateForm(defaultMandateForm([cheap, dear]), facts);
    assert.ok("value" in read, "errors" in read ? read.errors.join(" ") : "");
    const t = read.value;
    assert.deepEqual(
      t.markets.map((m) => m.toBase58()),
      [cheap.toBase58(), dear.toBase58()],
    );
    assert.deepEqual(
      [
        t.maxAmountIn,
        t.minProfit,
        t.minProfitBps,
        t.period,
        t.maxTradesPerPeriod,
        t.maxNotionalPerPeriod,
        t.duration,
      ],
      [5_000n * USDC, USDC, 10, 86_400, 50, 100_000n * USDC, 7 * 86_400],
    );
  });

  it("markets: at least one, at most 8, each once, each on the product's list", () => {
    assert.deepEqual(errorsOf({ markets: "" }), [
      "Markets: list at least one DEX pool address the mandate's trades may use.",
    ]);
    assert.deepEqual(errorsOf({ markets: `${cheap.toBase58()}, ${cheap.toBase58()}` }), [
      `Markets: ${cheap.toBase58().slice(0, 4)}…${cheap.toBase58().slice(-4)} is listed twice. List each market once.`,
    ]);
    assert.match(errorsOf({ markets: other.toBase58() })[0], /is not on the product's market list/);
    assert.match(
      errorsOf({ markets: "not-an-address" })[0],
      /^Markets: not-…ress is not a base58 address\.$/,
    );
    const nine = Array.from({ length: 9 }, (_, i) => key(20 + i));
    assert.deepEqual(parseMandateMarkets(nine.map((k) => k.toBase58()).join("\n"), []), {
      error: "Markets: a mandate trades at most 8 markets, not 9.",
    });
    assert.ok(
      "value" in parseMandateMarkets(other.toBase58(), []),
      "a product listing none allows any market",
    );
  });

  it("sizes: more than 0, within the product, profit at least the product's, volume at least one trade", () => {
    assert.deepEqual(errorsOf({ maxAmountIn: "0" }), [
      "Max per trade: must be more than 0; a mandate that may put in nothing could never trade.",
    ]);
    assert.deepEqual(errorsOf({ maxAmountIn: "50000.000001", maxNotional: "60000" }), [
      "Max per trade: the product allows at most 50,000 USDC a trade. Enter at most that.",
    ]);
    assert.deepEqual(errorsOf({ maxAmountIn: "150,5" }).length, 1);
    assert.match(errorsOf({ maxAmountIn: "150,5" })[0], /^Max per trade: “150,5” has a comma/);
    assert.deepEqual(errorsOf({ minProfit: "0.5" }), [
      "Least profit: the product requires at least 1 USDC a trade. Enter at least that.",
    ]);
    assert.deepEqual(errorsOf({ maxNotional: "4999" }), [
      "Volume per period: must be at least the max per trade (5,000 USDC), or not even one full trade would fit.",
    ]);
    assert.match(
      errorsOf({ minProfitPercent: "0.001" })[0],
      /^Least profit \(% of the trade\): 0\.001% is finer/,
    );
  });

  it("the budget period, trades per period and lifetime within the program's ranges", () => {
    assert.match(
      errorsOf({ periodHours: "0.0001" })[0],
      /^Budget period: 0\.0001 hours is not a whole number of seconds/,
    );
    assert.deepEqual(errorsOf({ periodHours: "0.01" }), [
      "Budget period: must be 1 minute to 30 days, not 0.01 hours.",
    ]);
    assert.match(
      errorsOf({ periodHours: "721" })[0],
      /^Budget period: must be 1 minute to 30 days, not 721 hours\.$/,
    );
    assert.match(
      errorsOf({ maxTrades: "0" })[0],
      /^Trades per period: must be between 1 and 4,294,967,295, not 0\.$/,
    );
    assert.match(errorsOf({ maxTrades: "2.5" })[0], /^Trades per period: “2\.5” is not a whole number/);
    assert.match(
      errorsOf({ durationDays: "31" })[0],
      /^Lifetime: must be 1 second to 30 days, not 31 days\.$/,
    );
    assert.match(errorsOf({ durationDays: "" })[0], /^Lifetime: enter a number of days/);
  });

  it("names every problem at once, each in its own sentence", () => {
    const all = errorsOf({
      markets: "",
      maxAmountIn: "",
      minProfit: "x",
      periodHours: "",
      maxTrades: "",
      durationDays: "",
    });
    assert.equal(all.length, 6, all.join("\n"));
    assert.ok(
      all.every((e) => /^[A-Z][^:]+: .+\.$/.test(e)),
      all.join("\n"),
    );
  });
});
