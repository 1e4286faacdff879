import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkClaim,
  ClaimFacts,
  configForm,
  ConfigNow,
  describeConfigChanges,
  parseDuration,
  parseName,
  parsePercentBps,
  parseTradeId,
  parseWhole,
  readConfigForm,
  utf8Length,
} from "./forms";

const USDC = 1_000_000n;

describe("field rules", () => {
  it("counts text in UTF-8 bytes, as the chain does", () => {
    assert.equal(utf8Length("abc"), 3);
    assert.equal(utf8Length("é"), 2);
    assert.equal(utf8Length("€"), 3);
    assert.deepEqual(parseName("  Pool  "), { value: "Pool" });
    // 16 characters but 32 bytes fits; 17 of them (34 bytes) does not, though under 32 characters
    assert.deepEqual(parseName("é".repeat(16)), { value: "é".repeat(16) });
    const long = parseName("é".repeat(17));
    assert.ok("error" in long && long.error.startsWith("Name: 34 bytes is too long"), JSON.stringify(long));
    assert.deepEqual(parseName(" "), { error: "Name: enter a name." });
  });

  it("reads whole numbers within the chain's integer width, never a raw JavaScript error", () => {
    assert.deepEqual(parseWhole("12", "Max members", 1, 4_294_967_295), { value: 12 });
    assert.deepEqual(parseWhole("99999999999999999999999", "Max members", 1, 4_294_967_295), {
      error: "Max members: must be between 1 and 4,294,967,295, not 99999999999999999999999.",
    });
    assert.deepEqual(parseWhole("1.5", "Max members", 1, 10), {
      error: "Max members: “1.5” is not a whole number. Enter digits only, like 1.",
    });
    assert.ok("error" in parseWhole("-1", "Max members", 1, 10));
    assert.ok("error" in parseWhole("1e3", "Max members", 1, 10_000));
    assert.ok("error" in parseWhole("0", "Max members", 1, 10));
  });

  it("reads percentages as basis points and refuses finer precision instead of rounding", () => {
    assert.deepEqual(parsePercentBps("5", "Insurance share"), { value: 500 });
    assert.deepEqual(parsePercentBps("0.25", "Insurance share"), { value: 25 });
    assert.deepEqual(parsePercentBps("12.50", "Insurance share"), { value: 1250 });
    assert.deepEqual(parsePercentBps("100", "Insurance share"), { value: 10_000 });
    assert.deepEqual(parsePercentBps("5.125", "Insurance share"), {
      error:
        "Insurance share: 5.125% is finer than the chain stores (basis points, 0.01%). Use at most two decimal places, like 5.12.",
    });
    assert.deepEqual(parsePercentBps("100.01", "Insurance share"), {
      error: "Insurance share: at most 100%, not 100.01%.",
    });
    assert.ok("error" in parsePercentBps("5,5", "Insurance share"));
  });

  it("reads durations as whole seconds", () => {
    assert.deepEqual(parseDuration("1.5", "Claim lifetime", "hour", 3600, 1, 90 * 86_400), { value: 5400 });
    assert.deepEqual(parseDuration("0", "Time lock", "hour", 3600, 0, 90 * 86_400), { value: 0 });
    assert.deepEqual(parseDuration("0.001", "Proposal lifetime", "minute", 60, 1, 7 * 86_400), {
      error: "Proposal lifetime: 0.001 minutes is not a whole number of seconds. Round it.",
    });
    assert.deepEqual(parseDuration("20000", "Proposal lifetime", "minute", 60, 1, 7 * 86_400), {
      error: "Proposal lifetime: must be 1 second to 7 days, not 20000 minutes.",
    });
  });

  it("reads a related trade id without turning -1 into 1 or 1.5 into 15", () => {
    assert.deepEqual(parseTradeId("", 10n), { value: undefined });
    assert.deepEqual(parseTradeId("7", 10n), { value: 7n });
    for (const text of ["-1", "1.5", "abc", "1e2"]) {
      const parsed = parseTradeId(text, 10n);
      assert.ok(
        "error" in parsed && parsed.error.startsWith(`Related trade: “${text}” is not a trade id.`),
        text,
      );
    }
    assert.deepEqual(parseTradeId("10", 10n), {
      error:
        "Related trade: this pool has no trade #10 (ids run from 0 to 9). Check the id, or leave it empty.",
    });
  });
});

describe("the claim form", () => {
  const facts: ClaimFacts = {
    decimals: 6,
    symbol: "USDC",
    member: true,
    stake: 500n * USDC,
    available: 300n * USDC,
    openClaim: false,
    nextProposalId: 4n,
  };
  const draft = { amount: "100", reason: "Lost on a failed route", trade: "" };

  it("passes a claim within the stake and the reserve", () => {
    assert.deepEqual(checkClaim(draft, facts, true), {
      value: { amount: 100n * USDC, reason: "Lost on a failed route", proposalId: undefined },
      problems: [],
    });
    const withTrade = checkClaim({ ...draft, trade: "3" }, facts, true);
    assert.equal(withTrade.value?.proposalId, 3n);
  });

  it("checks every field before anything is sent", () => {
    assert.deepEqual(checkClaim({ ...draft, amount: "400" }, facts).problems, [
      "Amount: the reserve has 300 USDC available beyond pending claims. Claim at most that.",
    ]);
    assert.deepEqual(checkClaim({ ...draft, amount: "600" }, facts).problems, [
      "Amount: you may claim at most your stake of 500 USDC (deposited, less withdrawn and claims paid).",
      "Amount: the reserve has 300 USDC available beyond pending claims. Claim at most that.",
    ]);
    assert.match(
      checkClaim({ ...draft, amount: "150,5" }, facts).problems[0],
      /^Amount: “150,5” has a comma/,
    );
    const long = checkClaim({ ...draft, reason: "€".repeat(67) }, facts).problems;
    assert.deepEqual(long, [
      "What happened: 201 bytes is too long; the chain stores at most 200 bytes (accented letters take 2). Shorten it.",
    ]);
    assert.deepEqual(checkClaim({ ...draft, reason: "€".repeat(66) + "ab" }, facts).problems, []);
    assert.match(
      checkClaim({ ...draft, trade: "-1" }, facts).problems[0],
      /^Related trade: “-1” is not a trade id/,
    );
    assert.deepEqual(checkClaim(draft, { ...facts, member: false }).problems, [
      "Only members can file claims. Deposit first on the Member page.",
    ]);
    assert.deepEqual(checkClaim({ ...draft, amount: "0" }, facts).problems, ["Amount: enter more than 0."]);
    // while the reserve is loading, only the stake bounds the amount
    assert.deepEqual(checkClaim({ ...draft, amount: "400" }, { ...facts, available: null }).problems, []);
  });

  it("says nothing about empty fields until the claim is sent", () => {
    assert.deepEqual(checkClaim({ amount: "", reason: "", trade: "" }, facts).problems, []);
    assert.ok(!("value" in checkClaim({ amount: "", reason: "", trade: "" }, facts)));
    assert.deepEqual(checkClaim({ amount: "", reason: "", trade: "" }, facts, true).problems, [
      "Amount: Enter an amount.",
      "What happened: describe the loss; validators decide on it.",
    ]);
  });
});

describe("the configuration form", () => {
  const now: ConfigNow = {
    name: "Seed pool",
    maxMembers: 50,
    activeMembers: 3,
    minContribution: 100n * USDC,
    insuranceBps: 500,
    requiredApprovals: 2,
    requireLead: true,
    proposalTtl: 3600,
    claimApprovals: 1,
    claimRequireLead: false,
    claimTtl: 86_400,
    timeLock: 0,
    decimals: 6,
  };
  const form = configForm(now);

  it("starts from the pool's settings, the minimum as an amount the parser reads", () => {
    assert.equal(form.minContribution, "100");
    assert.equal(form.insurance, "5");
    assert.deepEqual(readConfigForm(form, now), { error: "Nothing changed." });
    const big = configForm({ ...now, minContribution: 1_234_567n * USDC });
    assert.equal(big.minContribution, "1234567");
  });

  it("names each field in people's words, in the toast too", () => {
    const saved = readConfigForm({ ...form, maxMembers: "80", insurance: "7.5" }, now);
    assert.ok("value" in saved);
    assert.deepEqual(saved.value.queued, { maxMembers: 80, insuranceBps: 750 });
    assert.equal(saved.value.queuedLabel, "max members, insurance share");
    assert.equal(saved.value.immediate, null);
    assert.equal(
      describeConfigChanges({ claimTtl: 5, requireLeadApproval: true }),
      "claim lifetime, lead approval",
    );
  });

  it("refuses what the chain would, per field, without a raw JavaScript error", () => {
    assert.deepEqual(readConfigForm({ ...form, maxMembers: "5000000000" }, now), {
      error: "Max members: must be between 1 and 4,294,967,295, not 5000000000.",
    });
    assert.deepEqual(readConfigForm({ ...form, maxMembers: "2" }, now), {
      error: "Max members: the pool has 3 active members; the limit cannot be below that.",
    });
    assert.match(
      (readConfigForm({ ...form, insurance: "5.125" }, now) as { error: string }).error,
      /^Insurance share: 5\.125% is finer than the chain stores/,
    );
    assert.match(
      (readConfigForm({ ...form, name: "ü".repeat(20) }, now) as { error: string }).error,
      /^Name: 40 bytes/,
    );
    assert.deepEqual(readConfigForm({ ...form, minContribution: "0" }, now), {
      error: "Minimum deposit: must be more than 0.",
    });
    assert.match(
      (readConfigForm({ ...form, minContribution: "1,5" }, now) as { error: string }).error,
      /^Minimum deposit: “1,5” has a comma/,
    );
  });

  it("raises the time lock and renames at once, queues the rest", () => {
    const saved = readConfigForm({ ...form, name: "New", timeLockHours: "2", claimTtlHours: "48" }, now);
    assert.ok("value" in saved);
    assert.deepEqual(saved.value.immediate, { name: "New", timeLock: 7200 });
    assert.equal(saved.value.immediateLabel, "name, time lock");
    assert.deepEqual(saved.value.queued, { claimTtl: 172_800 });
    const lower = readConfigForm(configForm({ ...now, timeLock: 7200 }), { ...now, timeLock: 7200 });
    assert.deepEqual(lower, { error: "Nothing changed." });
    const lowered = readConfigForm(
      { ...configForm({ ...now, timeLock: 7200 }), timeLockHours: "1" },
      {
        ...now,
        timeLock: 7200,
      },
    );
    assert.ok(
      "value" in lowered && lowered.value.queued?.timeLock === 3600 && lowered.value.immediate === null,
    );
  });
});
