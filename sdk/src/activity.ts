/**
 * The pool's audit trail, read from the chain: its transactions (signatures for the pool's
 * address, then the transactions themselves), their Pool Bot events, a title and a sentence
 * for each, a member's own history, and the share value / cumulative profit series. Amounts,
 * times and addresses are written by the `ActivityFormat` the caller gives (the app passes its
 * own formatting), so the words are the same wherever the trail is shown.
 */
import type { Connection, PublicKey } from "@solana/web3.js";
import { variantName } from "./accounts";
import { parsePoolBotEvents, PoolBotEvent, PoolBotEventName } from "./events";
import { describeChange } from "./governance";
import { assetsForShares } from "./math";

/** A u64 / i64 as decoded (BN) or a number, as a bigint. */
function big(value: { toString(): string } | number | bigint): bigint {
  return typeof value === "bigint" ? value : BigInt(value.toString());
}

/** How the trail writes amounts, times and addresses. */
export interface ActivityFormat {
  /** An amount of the pool's asset with its symbol; `signed` marks a gain with `+`. */
  amount(base: bigint, signed?: boolean): string;
  /** A number of shares, with the word (`1,000.00 shares`). */
  shares(base: bigint): string;
  /** An amount with every significant digit and its symbol (configuration values). */
  exact(base: bigint): string;
  /** Basis points as a percentage. */
  bps(bps: number): string;
  /** A duration setting in words (`1 hour`). */
  seconds(seconds: number): string;
  /** A unix time. */
  dateTime(unix: number): string;
  /** An address, shortened for reading. */
  address(key: PublicKey): string;
}

/** One event of the trail, with the transaction that emitted it. */
export interface ActivityItem {
  /** `signature:index`, unique. */
  key: string;
  signature: string;
  slot: number;
  /** Unix time of the block (null when the node does not know it). */
  blockTime: number | null;
  /** Position of the event within its transaction. */
  index: number;
  event: PoolBotEvent;
}

/** A page of the trail, newest first. */
export interface ActivityPage {
  items: ActivityItem[];
  /** The oldest signature read (to continue from), or null when none. */
  oldest: string | null;
  /** Whether older transactions may exist. */
  more: boolean;
}

const BATCH = 40;

/**
 * The Pool Bot events of the `limit` most recent successful transactions that touched `pool`
 * (before signature `before`, when given), newest first.
 */
export async function fetchActivity(
  connection: Connection,
  pool: PublicKey,
  limit = 250,
  before?: string,
): Promise<ActivityPage> {
  const signatures = await connection.getSignaturesForAddress(pool, { limit, before }, "confirmed");
  const ok = signatures.filter((s) => s.err === null);
  const items: ActivityItem[] = [];
  for (let i = 0; i < ok.length; i += BATCH) {
    const chunk = ok.slice(i, i + BATCH);
    const txs = await connection.getTransactions(
      chunk.map((s) => s.signature),
      { commitment: "confirmed", maxSupportedTransactionVersion: 0 },
    );
    txs.forEach((tx, j) => {
      const sig = chunk[j];
      const logs = tx?.meta?.logMessages;
      if (!logs) return;
      parsePoolBotEvents(logs).forEach((event, index) => {
        const data = event.data as { pool?: PublicKey };
        if (data.pool && !data.pool.equals(pool)) return;
        items.push({
          key: `${sig.signature}:${index}`,
          signature: sig.signature,
          slot: sig.slot,
          blockTime: tx?.blockTime ?? sig.blockTime ?? null,
          index,
          event,
        });
      });
    });
  }
  items.sort(newestFirst);
  return {
    items,
    oldest: signatures.length ? signatures[signatures.length - 1].signature : null,
    more: signatures.length === limit,
  };
}

/** Sort order of the trail: newest block first, later events of a transaction first. */
export function newestFirst(a: ActivityItem, b: ActivityItem): number {
  return b.slot - a.slot || (b.blockTime ?? 0) - (a.blockTime ?? 0) || b.index - a.index;
}

/** The Activity page's filter groups. */
export type ActivityCategory = "members" | "trades" | "votes" | "insurance" | "admin";

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  members: "Deposits & withdrawals",
  trades: "Trades",
  votes: "Votes",
  insurance: "Insurance",
  admin: "Admin",
};

const CATEGORY: Record<PoolBotEventName, ActivityCategory> = {
  deposited: "members",
  depositRequested: "members",
  depositSettled: "members",
  withdrew: "members",
  tradeProposed: "trades",
  tradeExecuted: "trades",
  proposalExpired: "trades",
  mandateProposed: "trades",
  mandateExecuted: "trades",
  mandateRevoked: "trades",
  tradeVoted: "votes",
  mandateVoted: "votes",
  claimVoted: "votes",
  claimFiled: "insurance",
  claimExpired: "insurance",
  insuranceFunded: "insurance",
  configUpdated: "admin",
  validatorChanged: "admin",
  keeperChanged: "admin",
  productRegistered: "admin",
  productToggled: "admin",
  poolInitialized: "admin",
  accountClosed: "admin",
  changeQueued: "admin",
  changeFinished: "admin",
};

/** The filter group of an event. */
export function categoryOf(name: string): ActivityCategory {
  return CATEGORY[name as PoolBotEventName] ?? "admin";
}

/**
 * The public keys an event names (for search and a member's history). A claim's votes and its
 * expiry name the claimant too when `claimants` (claim → claimant, from `idMaps`) knows it.
 */
export function participantsOf(event: PoolBotEvent, claimants?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const value of Object.values(event.data as Record<string, unknown>)) {
    if (value && typeof value === "object" && "toBase58" in value) {
      out.push((value as PublicKey).toBase58());
    }
  }
  if (claimants && (event.name === "claimVoted" || event.name === "claimExpired")) {
    const claimant = claimants.get(event.data.claim.toBase58());
    if (claimant && !out.includes(claimant)) out.push(claimant);
  }
  return out;
}

/** The events a member's own history shows. */
const MEMBER_EVENTS: ReadonlySet<PoolBotEventName> = new Set<PoolBotEventName>([
  "deposited",
  "depositRequested",
  "depositSettled",
  "withdrew",
  "claimFiled",
  "claimExpired",
]);

/**
 * `member`'s own history among `items` (same order): deposits, deposit requests and their
 * settlement, withdrawals, the claims they filed, and what became of those claims: the vote
 * that paid or denied one (a payout is money the member received) and an expiry. Claims are
 * matched to the member through the `claimFiled` events among `items`.
 */
export function memberHistory(items: ActivityItem[], member: PublicKey | string): ActivityItem[] {
  const me = typeof member === "string" ? member : member.toBase58();
  const { claimants } = idMaps(items);
  return items.filter(({ event }) => {
    if (event.name === "claimVoted") {
      const status = variantName(event.data.status);
      return status !== "pending" && claimants.get(event.data.claim.toBase58()) === me;
    }
    return MEMBER_EVENTS.has(event.name) && participantsOf(event, claimants).includes(me);
  });
}

/** What describing an event needs. */
export interface DescribeContext {
  format: ActivityFormat;
  /** Proposal id by proposal address (from the TradeProposed events). */
  proposalIds: Map<string, string>;
  /** Claim id by claim address (from the ClaimFiled events). */
  claimIds: Map<string, string>;
  /** Claimant by claim address (from the ClaimFiled events), when known. */
  claimants?: Map<string, string>;
  /** Mandate id by mandate address (from the MandateProposed events), when known. */
  mandateIds?: Map<string, string>;
  /** Validator roles by key, to name voters. */
  roles: Map<string, string>;
}

/** An event in words. */
export interface Described {
  title: string;
  detail: string;
  /** Who acted (base58), when the event says. */
  actor?: string;
  tone: "good" | "bad" | "neutral" | "info";
}

const roleWord = (name: string) => name.toUpperCase();

/**
 * Every id map a page of items gives: proposal, claim and mandate ids, and each claim's
 * claimant.
 */
export function idMaps(items: ActivityItem[]): Pick<DescribeContext, "proposalIds" | "claimIds"> & {
  claimants: Map<string, string>;
  mandateIds: Map<string, string>;
} {
  const proposalIds = new Map<string, string>();
  const claimIds = new Map<string, string>();
  const claimants = new Map<string, string>();
  const mandateIds = new Map<string, string>();
  for (const { event } of items) {
    if (event.name === "tradeProposed")
      proposalIds.set(event.data.proposal.toBase58(), event.data.id.toString());
    if (event.name === "mandateProposed")
      mandateIds.set(event.data.mandate.toBase58(), event.data.id.toString());
    if (event.name === "claimFiled") {
      claimIds.set(event.data.claim.toBase58(), event.data.id.toString());
      claimants.set(event.data.claim.toBase58(), event.data.claimant.toBase58());
    }
  }
  return { proposalIds, claimIds, claimants, mandateIds };
}

/** `event` as a title and a sentence. */
export function describeEvent(event: PoolBotEvent, ctx: DescribeContext): Described {
  const f = ctx.format;
  const amount = (v: { toString(): string }, signed = false) => f.amount(big(v), signed);
  const shares = (v: { toString(): string }) => f.shares(big(v));
  const shortAddress = (k: PublicKey) => f.address(k);
  const who = (k: PublicKey) => {
    const role = ctx.roles.get(k.toBase58());
    return role ? `${roleWord(role)} ${shortAddress(k)}` : shortAddress(k);
  };
  const proposal = (k: PublicKey) => {
    const id = ctx.proposalIds.get(k.toBase58());
    return id !== undefined ? `proposal #${id}` : `proposal ${shortAddress(k)}`;
  };
  const claim = (k: PublicKey) => {
    const id = ctx.claimIds.get(k.toBase58());
    return id !== undefined ? `claim #${id}` : `claim ${shortAddress(k)}`;
  };
  const mandate = (k: PublicKey) => {
    const id = ctx.mandateIds?.get(k.toBase58());
    return id !== undefined ? `mandate #${id}` : `mandate ${shortAddress(k)}`;
  };
  const seconds = (v: { toString(): string }) => f.seconds(Number(v.toString()));
  switch (event.name) {
    case "deposited": {
      const d = event.data;
      return {
        title: "Deposit",
        detail: `${shortAddress(d.member)} deposited ${amount(d.amount)} for ${shares(d.shares)}`,
        actor: d.member.toBase58(),
        tone: "good",
      };
    }
    case "depositRequested": {
      const d = event.data;
      return {
        title: "Deposit requested",
        detail: `${shortAddress(d.member)} deposited ${amount(d.amount)} while a trade proposal or a mandate was live; it becomes shares once the request is ready (request #${d.id.toString()})`,
        actor: d.member.toBase58(),
        tone: "info",
      };
    }
    case "depositSettled": {
      const d = event.data;
      return {
        title: "Deposit settled",
        detail: `${shortAddress(d.member)}'s request #${d.id.toString()} of ${amount(d.amount)} became ${shares(d.shares)}`,
        actor: d.member.toBase58(),
        tone: "good",
      };
    }
    case "withdrew": {
      const d = event.data;
      return {
        title: d.exited ? "Withdrawal (exit)" : "Withdrawal",
        detail: `${shortAddress(d.member)} withdrew ${amount(d.amount)}, burning ${shares(d.shares)}${d.exited ? " and left the pool" : ""}`,
        actor: d.member.toBase58(),
        tone: "neutral",
      };
    }
    case "tradeProposed": {
      const d = event.data;
      return {
        title: "Trade proposed",
        detail: `#${d.id.toString()}: ${d.legCount}-leg route putting in ${amount(d.amountIn)}, expecting ${amount(d.expectedProfit, true)} (at least ${amount(d.minProfit, true)})`,
        actor: d.proposer.toBase58(),
        tone: "info",
      };
    }
    case "tradeVoted": {
      const d = event.data;
      const status = variantName(d.status);
      const decided =
        status === "approved" ? ", reaching its quorum" : status === "rejected" ? ", rejecting it" : "";
      // Only the vote that decides heads the trade's outcome; one still pending is a vote.
      const title =
        status === "approved"
          ? "Trade approved"
          : status === "rejected"
            ? "Trade rejected"
            : d.approve
              ? "Approval vote"
              : "Rejection vote";
      return {
        title,
        detail: `${who(d.validator)} ${d.approve ? "approved" : "rejected"} ${proposal(d.proposal)}${decided}${d.reason ? ` — “${d.reason}”` : ""}`,
        actor: d.validator.toBase58(),
        tone: d.approve ? "good" : "bad",
      };
    }
    case "tradeExecuted": {
      const d = event.data;
      return {
        title: "Trade executed",
        detail: `${proposal(d.proposal)} gained ${amount(d.gain, true)}: ${amount(d.memberProfit)} to members, ${amount(d.insurance)} to the insurance reserve`,
        actor: d.executor.toBase58(),
        tone: "good",
      };
    }
    case "proposalExpired": {
      const d = event.data;
      return {
        title: d.stale ? "Proposal went stale" : "Proposal expired",
        detail: d.stale
          ? `${proposal(d.proposal)} was closed: validators or quorum changed after it was made`
          : `${proposal(d.proposal)} expired before it was executed`,
        tone: "neutral",
      };
    }
    case "mandateProposed": {
      const d = event.data;
      const markets = `${d.markets.length} market${d.markets.length === 1 ? "" : "s"}`;
      const bps = d.minProfitBps > 0 ? ` and ${f.bps(d.minProfitBps)} of the amount` : "";
      return {
        title: "Mandate proposed",
        detail: `#${d.id.toString()}: up to ${amount(d.maxAmountIn)} a trade on ${markets}, at least ${amount(d.minProfit, true)}${bps} profit a trade, ${d.maxTradesPerPeriod} trades or ${amount(d.maxNotionalPerPeriod)} per ${seconds(d.period)}, standing ${seconds(d.duration)} once active`,
        actor: d.proposer.toBase58(),
        tone: "info",
      };
    }
    case "mandateVoted": {
      const d = event.data;
      const status = variantName(d.status);
      // As for trades: only the vote that decides heads the outcome.
      const title =
        status === "approved"
          ? "Mandate approved"
          : status === "rejected"
            ? "Mandate rejected"
            : d.approve
              ? "Mandate approval vote"
              : "Mandate rejection vote";
      const decided =
        status === "approved"
          ? `, reaching its quorum; usable from ${f.dateTime(Number(d.activeFrom.toString()))} until ${f.dateTime(Number(d.expiresAt.toString()))}`
          : status === "rejected"
            ? ", rejecting it"
            : "";
      return {
        title,
        detail: `${who(d.validator)} ${d.approve ? "approved" : "rejected"} ${mandate(d.mandate)}${decided}${d.reason ? ` — “${d.reason}”` : ""}`,
        actor: d.validator.toBase58(),
        tone: d.approve ? "good" : "bad",
      };
    }
    case "mandateRevoked": {
      const d = event.data;
      return {
        title: "Mandate revoked",
        detail: `${who(d.by)} revoked ${mandate(d.mandate)}: no trade can run under it`,
        actor: d.by.toBase58(),
        tone: "bad",
      };
    }
    case "mandateExecuted": {
      const d = event.data;
      return {
        title: "Mandate trade executed",
        detail: `${mandate(d.mandate)} put in ${amount(d.amountIn)} and gained ${amount(d.gain, true)}: ${amount(d.memberProfit)} to members, ${amount(d.insurance)} to the insurance reserve`,
        actor: d.executor.toBase58(),
        tone: "good",
      };
    }
    case "claimFiled": {
      const d = event.data;
      const linked = d.proposalId ? ` (trade #${d.proposalId.toString()})` : "";
      return {
        title: "Claim filed",
        detail: `${shortAddress(d.claimant)} filed claim #${d.id.toString()} for ${amount(d.amount)}${linked} — “${d.reason}”`,
        actor: d.claimant.toBase58(),
        tone: "info",
      };
    }
    case "claimExpired": {
      const d = event.data;
      return {
        title: "Claim expired",
        detail: `${claim(d.claim)} for ${amount(d.amount)} ran out of time undecided; the reserve no longer holds it back`,
        tone: "neutral",
      };
    }
    case "claimVoted": {
      const d = event.data;
      const status = variantName(d.status);
      const outcome =
        status === "paid" ? `, paying ${amount(d.paid)}` : status === "denied" ? ", denying it" : "";
      const title =
        status === "paid"
          ? "Claim approved"
          : status === "denied"
            ? "Claim denied"
            : d.approve
              ? "Claim approval vote"
              : "Claim denial vote";
      return {
        title,
        detail: `${who(d.validator)} ${d.approve ? "approved" : "denied"} ${claim(d.claim)}${outcome}${d.reason ? ` — “${d.reason}”` : ""}`,
        actor: d.validator.toBase58(),
        tone: d.approve ? "good" : "bad",
      };
    }
    case "insuranceFunded": {
      const d = event.data;
      return {
        title: "Reserve funded",
        detail: `${shortAddress(d.funder)} added ${amount(d.amount)} to the insurance reserve (now ${amount(d.reserveBalance)})`,
        actor: d.funder.toBase58(),
        tone: "good",
      };
    }
    case "configUpdated": {
      const d = event.data;
      return {
        title: d.paused ? "Configuration updated (paused)" : "Configuration updated",
        detail: `Quorum ${d.requiredApprovals}${d.requireLeadApproval ? " with a lead" : ""}, claim quorum ${d.claimRequiredApprovals}${d.claimRequireLead ? " with a lead" : ""}, minimum ${f.exact(big(d.minContribution))}, insurance ${f.bps(d.insuranceBps)}, up to ${d.maxMembers} members, proposals live ${f.seconds(big(d.proposalTtl) > 0n ? Number(d.proposalTtl.toString()) : 0)}, claims open ${f.seconds(big(d.claimTtl) > 0n ? Number(d.claimTtl.toString()) : 0)}, time lock ${f.seconds(Number(d.timeLock.toString()))}`,
        actor: d.admin.toBase58(),
        tone: "info",
      };
    }
    case "validatorChanged": {
      const d = event.data;
      const from = d.oldRole ? roleWord(variantName(d.oldRole)) : null;
      const to = d.newRole ? roleWord(variantName(d.newRole)) : null;
      const detail =
        from && to
          ? `${shortAddress(d.validator)} changed from ${from} to ${to}`
          : to
            ? `${shortAddress(d.validator)} added as ${to}`
            : `${shortAddress(d.validator)} (${from}) removed`;
      return { title: "Validators changed", detail, actor: d.admin.toBase58(), tone: "info" };
    }
    case "changeQueued": {
      const d = event.data;
      const text = describeChange(d.change, {
        amount: (v) => f.exact(v),
        name: (k) => who(k),
      });
      return {
        title: "Change queued",
        detail: `#${d.id.toString()}: ${text}; anyone may apply it from ${f.dateTime(Number(d.eta.toString()))}`,
        actor: d.proposer.toBase58(),
        tone: "info",
      };
    }
    case "changeFinished": {
      const d = event.data;
      return {
        title: d.applied ? "Change applied" : "Change cancelled",
        detail: `Change #${d.id.toString()} ${d.applied ? "applied" : "cancelled"} by ${who(d.by)}`,
        actor: d.by.toBase58(),
        tone: d.applied ? "good" : "neutral",
      };
    }
    case "keeperChanged": {
      const d = event.data;
      return {
        title: d.authorised ? "Keeper added" : "Keeper removed",
        detail: `${shortAddress(d.keeper)} ${d.authorised ? "may now propose trades" : "may no longer propose trades"}`,
        actor: d.admin.toBase58(),
        tone: "info",
      };
    }
    case "productRegistered": {
      const d = event.data;
      return {
        title: "Product registered",
        detail: `#${d.id.toString()} “${d.name}” (${variantName(d.category)}), routes through ${d.programs.length} program${d.programs.length === 1 ? "" : "s"} on ${d.markets.length === 0 ? "any market" : `${d.markets.length} market${d.markets.length === 1 ? "" : "s"}`}`,
        tone: "info",
      };
    }
    case "productToggled": {
      const d = event.data;
      return {
        title: d.enabled ? "Product enabled" : "Product disabled",
        detail: `Product ${shortAddress(d.product)} ${d.enabled ? "can take trades again" : "takes no new trades"}`,
        tone: d.enabled ? "good" : "neutral",
      };
    }
    case "poolInitialized": {
      const d = event.data;
      return {
        title: "Pool created",
        detail: `“${d.name}” created by ${shortAddress(d.creator)}`,
        actor: d.creator.toBase58(),
        tone: "info",
      };
    }
    case "accountClosed": {
      const d = event.data;
      return {
        title: "Account closed",
        detail: `${shortAddress(d.account)} closed; its rent went back to ${shortAddress(d.rentTo)}`,
        tone: "neutral",
      };
    }
  }
}

/** One point of the Overview chart. */
export interface ChartPoint {
  /** Unix time. */
  time: number;
  /** Value of one whole share in whole tokens. */
  shareValue: number;
  /** Sum of trade gains so far, in whole tokens. */
  cumulativeProfit: number;
  /** The members' part of it. */
  memberProfit: number;
}

/**
 * Share value and cumulative profit after every event that changes them (deposits, settled
 * deposit requests, withdrawals, executed trades and mandate executions), oldest first,
 * starting at the pool's creation.
 */
export function chartSeries(items: ActivityItem[], decimals: number): ChartPoint[] {
  const ordered = [...items].sort((a, b) => -newestFirst(a, b));
  const one = 10n ** BigInt(decimals);
  const toNumber = (base: bigint) => Number(base) / Number(one);
  const points: ChartPoint[] = [];
  let profit = 0n;
  let members = 0n;
  let shareValue = 1;
  for (const item of ordered) {
    const time = item.blockTime ?? 0;
    const e = item.event;
    let books: { totalShares: bigint; totalAssets: bigint } | null = null;
    if (e.name === "poolInitialized") {
      points.push({ time, shareValue: 1, cumulativeProfit: 0, memberProfit: 0 });
      continue;
    }
    if (e.name === "deposited" || e.name === "withdrew" || e.name === "depositSettled") {
      books = { totalShares: big(e.data.totalShares), totalAssets: big(e.data.totalAssets) };
    } else if (e.name === "tradeExecuted" || e.name === "mandateExecuted") {
      profit += big(e.data.gain);
      members += big(e.data.memberProfit);
      books = { totalShares: big(e.data.totalShares), totalAssets: big(e.data.totalAssets) };
    } else {
      continue;
    }
    shareValue = toNumber(assetsForShares(one, books.totalShares, books.totalAssets));
    points.push({ time, shareValue, cumulativeProfit: toNumber(profit), memberProfit: toNumber(members) });
  }
  return points;
}
