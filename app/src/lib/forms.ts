/**
 * What the app's forms check before anything is sent, each refusal a sentence naming the field,
 * the problem and the fix: whole numbers within the chain's integer widths, percentages at
 * basis-point precision, durations in whole seconds, text limits in UTF-8 bytes (what the
 * chain counts), the claim form and the configuration form. Amounts go through `parseAmount`.
 */
import { MAX_CLAIM_TTL, MAX_PROPOSAL_TTL, MAX_TIME_LOCK } from "@poolbot/sdk";
import type { ConfigChanges, ImmediateConfig } from "@poolbot/sdk";
import { describeSeconds, formatExact, formatInput, parseAmount } from "./format";

export type Parsed<T> = { value: T } | { error: string };

/** Longest name the chain stores (`MAX_NAME_LEN`), in UTF-8 bytes. */
export const MAX_NAME_BYTES = 32;
/** Longest claim reason or decision note the chain stores, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 200;
/** Largest `u32` (max members). */
export const U32_MAX = 4_294_967_295;
/** Largest `u8` (quorums). */
export const U8_MAX = 255;

/** How many bytes `text` takes on chain (UTF-8): `é` is 2, `€` 3. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A name of 1 to 32 UTF-8 bytes, trimmed. */
export function parseName(text: string, field = "Name"): Parsed<string> {
  const name = text.trim();
  if (name === "") return { error: `${field}: enter a name.` };
  const bytes = utf8Length(name);
  if (bytes > MAX_NAME_BYTES)
    return {
      error: `${field}: ${bytes} bytes is too long; the chain stores at most ${MAX_NAME_BYTES} bytes (accented letters take 2, symbols up to 4). Shorten it.`,
    };
  return { value: name };
}

/** A whole number in `min..=max`: `"12"` → 12; `"1.5"`, `"-1"`, `"1e3"` are refused. */
export function parseWhole(text: string, field: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  if (t === "") return { error: `${field}: enter a whole number.` };
  if (!/^\d+$/.test(t))
    return { error: `${field}: “${t}” is not a whole number. Enter digits only, like ${Math.max(min, 1)}.` };
  const n = BigInt(t);
  if (n < BigInt(min) || n > BigInt(max))
    return { error: `${field}: must be between ${min} and ${max.toLocaleString("en-US")}, not ${t}.` };
  return { value: Number(n) };
}

/**
 * A percentage as basis points: `"5"` → 500, `"0.25"` → 25. More precision than a basis point
 * (0.01%) is refused rather than rounded.
 */
export function parsePercentBps(text: string, field: string): Parsed<number> {
  const t = text.trim();
  if (t === "") return { error: `${field}: enter a percentage, like 5 or 2.5.` };
  if (!/^\d*\.?\d*$/.test(t) || t === ".")
    return { error: `${field}: “${t}” is not a percentage. Enter a number from 0 to 100, like 5 or 2.5.` };
  const [whole, fraction = ""] = t.split(".");
  if (fraction.replace(/0+$/, "").length > 2)
    return {
      error: `${field}: ${t}% is finer than the chain stores (basis points, 0.01%). Use at most two decimal places, like ${whole || "0"}.${fraction.slice(0, 2)}.`,
    };
  const bps = Number(whole || "0") * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  if (bps > 10_000) return { error: `${field}: at most 100%, not ${t}%.` };
  return { value: bps };
}

/**
 * A duration typed in `unit`s (`unitSeconds` each) as whole seconds in `min..=max`:
 * `"1.5"` hours → 5400. A fraction of a second is refused.
 */
export function parseDuration(
  text: string,
  field: string,
  unit: string,
  unitSeconds: number,
  min: number,
  max: number,
): Parsed<number> {
  const t = text.trim();
  if (t === "" || !/^\d*\.?\d*$/.test(t) || t === ".")
    return { error: `${field}: enter a number of ${unit}s, like 1 or 1.5.` };
  const [whole, fraction = ""] = t.split(".");
  // exact: whole × unit + fraction × unit, in seconds, without floating point
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole || "0") * scale + BigInt(fraction || "0")) * BigInt(unitSeconds);
  if (scaled % scale !== 0n)
    return { error: `${field}: ${t} ${unit}s is not a whole number of seconds. Round it.` };
  const seconds = scaled / scale;
  if (seconds < BigInt(min) || seconds > BigInt(max))
    return {
      error: `${field}: must be ${min === 0 ? "at most" : `${describeSeconds(min)} to`} ${describeSeconds(max)}, not ${t} ${unit}s.`,
    };
  return { value: Number(seconds) };
}

/** A trade's id as typed in the claim form's "related trade" field (empty: none). */
export function parseTradeId(text: string, nextProposalId: bigint): Parsed<bigint | undefined> {
  const t = text.trim();
  if (t === "") return { value: undefined };
  if (!/^\d+$/.test(t))
    return {
      error: `Related trade: “${t}” is not a trade id. Enter the proposal's number as shown on the Validators page, like 7, or leave it empty.`,
    };
  const id = BigInt(t);
  if (id >= nextProposalId)
    return {
      error: `Related trade: this pool has no trade #${t} (${nextProposalId === 0n ? "no trade was proposed yet" : `ids run from 0 to ${nextProposalId - 1n}`}). Check the id, or leave it empty.`,
    };
  return { value: id };
}

/** The claim form, as typed, with what the page knows. */
export interface ClaimDraft {
  amount: string;
  reason: string;
  trade: string;
}

export interface ClaimFacts {
  decimals: number;
  symbol: string;
  /** Whether the wallet has a position in this pool. */
  member: boolean;
  /** The member's capital at stake (`claimableStake`). */
  stake: bigint;
  /** The reserve less pending claims (null while it is loading: not checked yet). */
  available: bigint | null;
  /** Whether the member already has a claim awaiting a decision. */
  openClaim: boolean;
  /** The pool's next proposal id: every trade id below it exists. */
  nextProposalId: bigint;
}

export interface ClaimRequest {
  amount: bigint;
  reason: string;
  proposalId?: bigint;
}

/**
 * The claim form read, or every problem with it (nothing is sent until there is none). Empty
 * fields are not problems until `submitting` (the form starts empty).
 */
export function checkClaim(
  draft: ClaimDraft,
  facts: ClaimFacts,
  submitting = false,
): { value: ClaimRequest; problems: [] } | { value?: undefined; problems: string[] } {
  const problems: string[] = [];
  const amt = (v: bigint) => formatExact(v, facts.decimals, facts.symbol);
  if (!facts.member) problems.push("Only members can file claims. Deposit first on the Member page.");
  if (facts.openClaim)
    problems.push("You have a claim awaiting a decision: one open claim at a time. Wait for its decision.");
  let amount = 0n;
  if (draft.amount.trim() || submitting) {
    const parsed = parseAmount(draft.amount, facts.decimals);
    if ("error" in parsed) problems.push(`Amount: ${parsed.error}`);
    else if (parsed.value === 0n) problems.push("Amount: enter more than 0.");
    else {
      amount = parsed.value;
      if (facts.member && amount > facts.stake)
        problems.push(
          `Amount: you may claim at most your stake of ${amt(facts.stake)} (deposited, less withdrawn and claims paid).`,
        );
      if (facts.available !== null && amount > facts.available)
        problems.push(
          `Amount: the reserve has ${amt(facts.available)} available beyond pending claims. Claim at most that.`,
        );
    }
  }
  const reason = draft.reason.trim();
  const bytes = utf8Length(reason);
  if (!reason && submitting) problems.push("What happened: describe the loss; validators decide on it.");
  if (bytes > MAX_TEXT_BYTES)
    problems.push(
      `What happened: ${bytes} bytes is too long; the chain stores at most ${MAX_TEXT_BYTES} bytes (accented letters take 2). Shorten it.`,
    );
  const trade = parseTradeId(draft.trade, facts.nextProposalId);
  if ("error" in trade) problems.push(trade.error);
  if (problems.length > 0 || !reason || amount === 0n) return { problems };
  return {
    value: { amount, reason, proposalId: "value" in trade ? trade.value : undefined },
    problems: [],
  };
}

/** The configuration form's fields, as typed. */
export interface ConfigForm {
  name: string;
  maxMembers: string;
  minContribution: string;
  insurance: string;
  requiredApprovals: string;
  requireLead: boolean;
  ttlMinutes: string;
  claimApprovals: string;
  claimRequireLead: boolean;
  claimTtlHours: string;
  timeLockHours: string;
}

/** What the configuration form starts from. */
export interface ConfigNow {
  name: string;
  maxMembers: number;
  activeMembers: number;
  minContribution: bigint;
  insuranceBps: number;
  requiredApprovals: number;
  requireLead: boolean;
  proposalTtl: number;
  claimApprovals: number;
  claimRequireLead: boolean;
  claimTtl: number;
  timeLock: number;
  decimals: number;
}

/** The form filled with the pool's current settings. */
export function configForm(now: ConfigNow): ConfigForm {
  return {
    name: now.name,
    maxMembers: String(now.maxMembers),
    minContribution: formatInput(now.minContribution, now.decimals),
    insurance: String(now.insuranceBps / 100),
    requiredApprovals: String(now.requiredApprovals),
    requireLead: now.requireLead,
    ttlMinutes: String(now.proposalTtl / 60),
    claimApprovals: String(now.claimApprovals),
    claimRequireLead: now.claimRequireLead,
    claimTtlHours: String(now.claimTtl / 3600),
    timeLockHours: String(now.timeLock / 3600),
  };
}

/** The people's names of the queued configuration fields (toasts, never `maxMembers`). */
export const CONFIG_FIELD_NAMES: Record<keyof ConfigChanges, string> = {
  maxMembers: "max members",
  minContribution: "minimum deposit",
  insuranceBps: "insurance share",
  requiredApprovals: "approvals required",
  requireLeadApproval: "lead approval",
  proposalTtl: "proposal lifetime",
  claimRequiredApprovals: "claim approvals required",
  claimRequireLeadApproval: "claim lead approval",
  claimTtl: "claim lifetime",
  timeLock: "time lock",
};

/** `changes` in words for a toast: "max members, insurance share". */
export function describeConfigChanges(changes: ConfigChanges): string {
  return (Object.keys(changes) as (keyof ConfigChanges)[]).map((k) => CONFIG_FIELD_NAMES[k]).join(", ");
}

/** What saving the form does: an immediate update (name, a longer time lock) and queued changes. */
export interface ConfigSave {
  immediate: ImmediateConfig | null;
  /** "name, time lock" */
  immediateLabel: string;
  queued: ConfigChanges | null;
  /** "max members, insurance share" */
  queuedLabel: string;
}

/** The configuration form read against the pool's settings, or the first field's problem. */
export function readConfigForm(form: ConfigForm, now: ConfigNow): Parsed<ConfigSave> {
  const initial = configForm(now);
  const changed = (k: keyof ConfigForm) => form[k] !== initial[k];
  const queued: ConfigChanges = {};
  const immediate: ImmediateConfig = {};
  const fail = (r: Parsed<unknown>): r is { error: string } => "error" in r;

  if (changed("name")) {
    const name = parseName(form.name);
    if (fail(name)) return name;
    if (name.value !== now.name) immediate.name = name.value;
  }
  if (changed("maxMembers")) {
    const max = parseWhole(form.maxMembers, "Max members", 1, U32_MAX);
    if (fail(max)) return max;
    if (max.value < now.activeMembers)
      return {
        error: `Max members: the pool has ${now.activeMembers} active members; the limit cannot be below that.`,
      };
    queued.maxMembers = max.value;
  }
  if (changed("minContribution")) {
    const min = parseAmount(form.minContribution, now.decimals);
    if (fail(min)) return { error: `Minimum deposit: ${min.error}` };
    if (min.value === 0n) return { error: "Minimum deposit: must be more than 0." };
    if (min.value !== now.minContribution) queued.minContribution = min.value;
  }
  if (changed("insurance")) {
    const bps = parsePercentBps(form.insurance, "Insurance share");
    if (fail(bps)) return bps;
    if (bps.value !== now.insuranceBps) queued.insuranceBps = bps.value;
  }
  if (changed("requiredApprovals")) {
    const n = parseWhole(form.requiredApprovals, "Approvals required", 1, U8_MAX);
    if (fail(n)) return n;
    queued.requiredApprovals = n.value;
  }
  if (form.requireLead !== initial.requireLead) queued.requireLeadApproval = form.requireLead;
  if (changed("ttlMinutes")) {
    const ttl = parseDuration(form.ttlMinutes, "Proposal lifetime", "minute", 60, 1, MAX_PROPOSAL_TTL);
    if (fail(ttl)) return ttl;
    queued.proposalTtl = ttl.value;
  }
  if (changed("claimApprovals")) {
    const n = parseWhole(form.claimApprovals, "Claim approvals required", 1, U8_MAX);
    if (fail(n)) return n;
    queued.claimRequiredApprovals = n.value;
  }
  if (form.claimRequireLead !== initial.claimRequireLead)
    queued.claimRequireLeadApproval = form.claimRequireLead;
  if (changed("claimTtlHours")) {
    const ttl = parseDuration(form.claimTtlHours, "Claim lifetime", "hour", 3600, 1, MAX_CLAIM_TTL);
    if (fail(ttl)) return ttl;
    queued.claimTtl = ttl.value;
  }
  if (changed("timeLockHours")) {
    const lock = parseDuration(form.timeLockHours, "Time lock", "hour", 3600, 0, MAX_TIME_LOCK);
    if (fail(lock)) return lock;
    // raising protects, so it is immediate; lowering waits out the current lock
    if (lock.value > now.timeLock) immediate.timeLock = lock.value;
    else if (lock.value < now.timeLock) queued.timeLock = lock.value;
  }
  const immediateKeys = Object.keys(immediate);
  const queuedKeys = Object.keys(queued);
  if (immediateKeys.length === 0 && queuedKeys.length === 0) return { error: "Nothing changed." };
  return {
    value: {
      immediate: immediateKeys.length ? immediate : null,
      immediateLabel: [
        immediate.name !== undefined && "name",
        immediate.timeLock !== undefined && "time lock",
      ]
        .filter(Boolean)
        .join(", "),
      queued: queuedKeys.length ? queued : null,
      queuedLabel: describeConfigChanges(queued),
    },
  };
}
