import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { PublicKey } from "@solana/web3.js";
import {
  AmmAddresses,
  LegRuleSpec,
  LOCAL_AMM_PROGRAM_ID,
  localAmmSwapRule,
  NO_MARKET,
  POOL_BOT_PROGRAM_ID,
  ProductAccount,
  RouteLeg,
} from "@poolbot/sdk";
import {
  describeMarkets,
  describeRule,
  emptyRuleDraft,
  legRuleChecks,
  localAmmSwapDraft,
  parseMarkets,
  parseRuleDrafts,
  ProductForm,
  readProductForm,
  RuleDraft,
} from "./products";

const key = (n: number) => new PublicKey(Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? n : 9)));

describe("the product registration form", () => {
  it("reads the local AMM swap preset as crates/client's swap_rule()", () => {
    const preset = localAmmSwapDraft();
    assert.deepEqual(preset, {
      program: LOCAL_AMM_PROGRAM_ID.toBase58(),
      discriminator: "f8c69e91e17587c8",
      source: "2",
      destination: "3",
      market: "1",
    });
    assert.deepEqual(parseRuleDrafts([preset]), { value: [localAmmSwapRule()] });
  });

  it("reads a custom rule, with or without a market", () => {
    const custom: RuleDraft = {
      program: key(5).toBase58(),
      discriminator: "0x03",
      source: "0",
      destination: " 1 ",
      market: "",
    };
    const parsed = parseRuleDrafts([localAmmSwapDraft(), custom]);
    assert.ok("value" in parsed, JSON.stringify(parsed));
    assert.deepEqual(parsed.value[1], {
      program: key(5),
      discriminator: Buffer.from([3]),
      sourceIndex: 0,
      destinationIndex: 1,
      marketIndex: null,
    });
  });

  it("names the rule and the field that is wrong", () => {
    const bad = (change: Partial<RuleDraft>) =>
      parseRuleDrafts([localAmmSwapDraft(), { ...localAmmSwapDraft(), ...change }]);
    assert.deepEqual(bad({ program: "not a key" }), {
      error: "Rule 2: the program is not a base58 program id.",
    });
    assert.match(
      (bad({ discriminator: "f8c69e91e17587c8ff" }) as { error: string }).error,
      /^Rule 2: "f8c69e91e17587c8ff" is not 1 to 8 bytes of hex/,
    );
    assert.match((bad({ discriminator: "" }) as { error: string }).error, /is not 1 to 8 bytes of hex/);
    assert.deepEqual(bad({ destination: "2" }), {
      error: "Rule 2: The source and destination must be different accounts of the instruction.",
    });
    assert.match(
      (bad({ market: "x" }) as { error: string }).error,
      /^Rule 2: The market account: expected an account index from 0 to 254/,
    );
    assert.deepEqual(bad({ program: POOL_BOT_PROGRAM_ID.toBase58() }), {
      error: "Rule 2: A rule may not call Pool Bot itself.",
    });
    assert.deepEqual(parseRuleDrafts([]), { error: "Leg rules: a product declares 1 to 4 rules." });
    assert.ok("error" in parseRuleDrafts(new Array(5).fill(localAmmSwapDraft())));
    assert.ok("error" in parseRuleDrafts([emptyRuleDraft()]));
  });

  it("reads markets separated by commas, spaces or lines; none means any", () => {
    assert.deepEqual(parseMarkets("  "), { value: [] });
    assert.deepEqual(parseMarkets(`${key(1).toBase58()},\n${key(2).toBase58()} `), {
      value: [key(1), key(2)],
    });
    assert.match(
      (parseMarkets(`${key(1).toBase58()} ${key(1).toBase58()}`) as { error: string }).error,
      /listed twice\.$/,
    );
    assert.match(
      (parseMarkets("nope") as { error: string }).error,
      /^Markets: nope is not a base58 address\.$/,
    );
    const many = Array.from({ length: 17 }, (_, i) => key(i + 1).toBase58()).join(" ");
    assert.deepEqual(parseMarkets(many), { error: "Markets: at most 16, not 17." });
  });
});

describe("the whole registration form", () => {
  const usdc = { decimals: 6, symbol: "USDC" };
  const form: ProductForm = {
    name: "Cross-DEX arbitrage",
    category: "arbitrage",
    maxTrade: "10000",
    minProfit: "1",
    liquidity: "10",
    markets: "",
  };

  it("reads a valid form into the product the SDK registers", () => {
    assert.deepEqual(readProductForm(form, [localAmmSwapDraft()], usdc), {
      value: {
        name: "Cross-DEX arbitrage",
        category: "arbitrage",
        maxTradeAmount: 10_000_000_000n,
        minProfit: 1_000_000n,
        maxLiquidityBps: 1_000,
        legRules: [localAmmSwapRule()],
        markets: [],
      },
    });
  });

  it("gives each invalid field its own sentence, never the pool-configuration one", () => {
    assert.deepEqual(readProductForm({ ...form, maxTrade: "0" }, [localAmmSwapDraft()], usdc), {
      errors: [
        "Max trade: must be more than 0 USDC; a product whose trades may put in nothing could never trade.",
      ],
    });
    const all = readProductForm(
      { ...form, name: "", maxTrade: "0", minProfit: "1,5", liquidity: "12.345", markets: "nope" },
      [],
      usdc,
    );
    assert.deepEqual(all, {
      errors: [
        "Name: enter a name.",
        "Max trade: must be more than 0 USDC; a product whose trades may put in nothing could never trade.",
        "Min profit: “1,5” has a comma, which could be a decimal or a thousands separator. Write the amount with a point for decimals and no separators, like 1500.5.",
        "Max share of a DEX pool: 12.345% is finer than the chain stores (basis points, 0.01%). Use at most two decimal places, like 12.34.",
        "Leg rules: a product declares 1 to 4 rules.",
        "Markets: nope is not a base58 address.",
      ],
    });
    for (const e of all.errors) assert.doesNotMatch(e, /max members|proposal lifetime/i);
  });

  it("refuses a product with no rule, that is no program its routes may call (as the CLI does)", () => {
    const none = readProductForm(form, [], usdc);
    assert.deepEqual(none, { errors: ["Leg rules: a product declares 1 to 4 rules."] });
    const blank = readProductForm(form, [emptyRuleDraft()], usdc);
    assert.deepEqual(blank, { errors: ["Rule 1: the program is not a base58 program id."] });
  });
});

describe("rules and markets in words", () => {
  const usdc = key(10);
  const sol = key(11);
  const listed = new AmmAddresses(usdc, sol, 0, TOKEN_PROGRAM_ID);
  const unlisted = new AmmAddresses(usdc, sol, 2, TOKEN_PROGRAM_ID);
  const other: LegRuleSpec = {
    program: key(20),
    discriminator: Buffer.from([3]),
    sourceIndex: 0,
    destinationIndex: 1,
    marketIndex: null,
  };
  const stored = (rule: LegRuleSpec) => ({
    program: rule.program,
    discriminator: [...rule.discriminator, ...new Array(8 - rule.discriminator.length).fill(0)],
    discriminatorLen: rule.discriminator.length,
    sourceIndex: rule.sourceIndex,
    destinationIndex: rule.destinationIndex,
    marketIndex: rule.marketIndex ?? NO_MARKET,
    padding: [0, 0, 0, 0],
  });
  const product = {
    legRules: [stored(other), stored(localAmmSwapRule())],
    ruleCount: 2,
    markets: [listed.pool],
    marketCount: 1,
  } as unknown as ProductAccount;
  const swap = (market: PublicKey): RouteLeg => ({
    programId: LOCAL_AMM_PROGRAM_ID,
    accounts: [key(1), market, key(2), key(3)].map((pubkey) => ({
      pubkey,
      isSigner: false,
      isWritable: true,
    })),
    data: Buffer.concat([localAmmSwapRule().discriminator, Buffer.alloc(16)]),
  });

  it("describes rules and markets", () => {
    assert.equal(describeRule(localAmmSwapRule()), "Local AMM swap");
    assert.equal(
      describeRule(other),
      `${key(20).toBase58().slice(0, 4)}…${key(20).toBase58().slice(-4)} instruction 03: spends #0 → pays #1`,
    );
    assert.equal(
      describeRule({ ...localAmmSwapRule(), sourceIndex: 3, destinationIndex: 2 }),
      "Local AMM instruction f8c69e91e17587c8: spends #3 → pays #2, market #1",
    );
    assert.equal(describeMarkets([]), "Any market");
    assert.equal(describeMarkets([key(1)]), "1 market");
    assert.equal(describeMarkets([key(1), key(2)]), "2 markets");
  });

  it("says which rule each leg of a route matches, and what the program would refuse", () => {
    const call = { ...swap(listed.pool), programId: key(20), data: Buffer.from([3, 1]) };
    assert.deepEqual(legRuleChecks([swap(listed.pool), call], product), [
      { rule: 1, label: "rule 2 · Local AMM swap", ok: true },
      { rule: 0, label: `rule 1 · ${describeRule(other)}`, ok: true },
    ]);
    assert.deepEqual(legRuleChecks([swap(unlisted.pool)], product), [
      { rule: 1, label: "trades on a market the product does not list", ok: false },
    ]);
    assert.deepEqual(legRuleChecks([{ ...swap(listed.pool), data: Buffer.from([1]) }], product), [
      { rule: -1, label: "matches no rule of the product", ok: false },
    ]);
  });
});
