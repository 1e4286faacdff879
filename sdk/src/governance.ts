/**
 * Governance through the pool's time lock (`programs/pool_bot/src/instructions/governance.rs`):
 * everything that can move value or power (validators and roles, both quorums, keepers,
 * enabling a product, the insurance share, the limits, a shorter time lock) is queued by an
 * ADMIN as a `PendingChange` due at `now + pool.timeLock`, applied by anyone once due, or
 * cancelled by an ADMIN meanwhile. Here: the changes as instruction arguments, a change in
 * words, and the countdown to when it may apply.
 */
import type { PublicKey } from "@solana/web3.js";
import {
  ConfigChangeArgs,
  GovernanceChange,
  PendingChangeAccount,
  role,
  RoleName,
  roleName,
} from "./accounts";
import { toBN, U64 } from "./pdas";

/** Longest `proposalTtl` the program accepts: 7 days. */
export const MAX_PROPOSAL_TTL = 7 * 86_400;
/** Longest `claimTtl` the program accepts: 90 days. */
export const MAX_CLAIM_TTL = 90 * 86_400;
/** Longest `timeLock` the program accepts: 90 days. */
export const MAX_TIME_LOCK = 90 * 86_400;

/**
 * Configuration fields a queued `Config` change sets; the others keep their values. Changing
 * `insuranceBps` or either quorum bumps `configVersion` when applied (pending and approved
 * proposals go stale). `timeLock` here may only lower it (raising is `updateConfig`).
 */
export interface ConfigChanges {
  maxMembers?: number;
  minContribution?: U64;
  insuranceBps?: number;
  requiredApprovals?: number;
  requireLeadApproval?: boolean;
  proposalTtl?: U64;
  claimRequiredApprovals?: number;
  claimRequireLeadApproval?: boolean;
  claimTtl?: U64;
  timeLock?: U64;
}

/** What `update_config` changes at once: it only describes or protects. */
export interface ImmediateConfig {
  /** Display name, 1 to 32 bytes. */
  name?: string;
  /** Block (true) or allow (false) deposits and trades; withdrawals are never paused. */
  paused?: boolean;
  /** A longer time lock, in seconds (`TimeLockLowered` if shorter: queue a `Config` change). */
  timeLock?: U64;
}

const opt = <T, R>(value: T | undefined, map: (v: T) => R): R | null =>
  value === undefined ? null : map(value);
const same = <T>(v: T): T => v;

/** The `GovernanceChange` arguments of each kind of change. */
export const Change = {
  /** Adds `validator` with role `roleName`. */
  addValidator(validator: PublicKey, roleName: RoleName): GovernanceChange {
    return { addValidator: { validator, role: role(roleName) } };
  },
  /** Removes `validator` (never the last ADMIN, never below a quorum). */
  removeValidator(validator: PublicKey): GovernanceChange {
    return { removeValidator: { validator } };
  },
  /** Gives `validator` the role `roleName`. */
  setValidatorRole(validator: PublicKey, roleName: RoleName): GovernanceChange {
    return { setValidatorRole: { validator, role: role(roleName) } };
  },
  /** Authorises `keeper`. */
  addKeeper(keeper: PublicKey): GovernanceChange {
    return { addKeeper: { keeper } };
  },
  /** Enables `product` (products are registered disabled). */
  enableProduct(product: PublicKey): GovernanceChange {
    return { enableProduct: { product } };
  },
  /** Sets the given configuration fields. */
  config(changes: ConfigChanges): GovernanceChange {
    const args: ConfigChangeArgs = {
      maxMembers: opt(changes.maxMembers, same),
      minContribution: opt(changes.minContribution, toBN),
      insuranceBps: opt(changes.insuranceBps, same),
      requiredApprovals: opt(changes.requiredApprovals, same),
      requireLeadApproval: opt(changes.requireLeadApproval, same),
      proposalTtl: opt(changes.proposalTtl, toBN),
      claimRequiredApprovals: opt(changes.claimRequiredApprovals, same),
      claimRequireLeadApproval: opt(changes.claimRequireLeadApproval, same),
      claimTtl: opt(changes.claimTtl, toBN),
      timeLock: opt(changes.timeLock, toBN),
    };
    return { config: { 0: args } };
  },
};

/** The kinds of governance change, as the program names its variants. */
export type ChangeKind =
  "addValidator" | "removeValidator" | "setValidatorRole" | "addKeeper" | "enableProduct" | "config";

/** The kind of `change` (`{ addKeeper: {...} }` → `"addKeeper"`). */
export function changeKind(change: GovernanceChange): ChangeKind {
  return Object.keys(change)[0] as ChangeKind;
}

/** The fields a `Config` change sets (the `null`s dropped), or null for another kind. */
export function configChangeOf(change: GovernanceChange): ConfigChanges | null {
  if (!("config" in change) || !change.config) return null;
  const args = (change.config as { 0: ConfigChangeArgs })[0];
  const out: ConfigChanges = {};
  for (const [key, value] of Object.entries(args)) {
    if (value !== null && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The product an `EnableProduct` change enables (its `apply_change` needs it), else null. */
export function changeProduct(change: GovernanceChange): PublicKey | null {
  return "enableProduct" in change && change.enableProduct ? change.enableProduct.product : null;
}

/** How `describeChange` names wallets, products and amounts. */
export interface DescribeOptions {
  /** A wallet or product address in words (default: shortened base58). */
  name?: (key: PublicKey) => string;
  /** An amount of the pool's asset in base units (default: the integer). */
  amount?: (baseUnits: bigint) => string;
}

/** `ABCD…WXYZ`. */
export function shortKey(key: PublicKey): string {
  const s = key.toBase58();
  return `${s.slice(0, 4)}…${s.slice(-4)}`;
}

/** Seconds as the largest two units: `2d 3h`, `4m 10s`, `0s`. */
export function formatDuration(seconds: number): string {
  let s = Math.max(0, Math.floor(seconds));
  const units: Array<[string, number]> = [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  for (const [unit, size] of units) {
    if (s >= size || (unit === "s" && parts.length === 0)) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
    if (parts.length === 2) break;
  }
  // "1d 0h" reads better as "1d"
  return parts.filter((p, i) => i === 0 || !p.startsWith("0")).join(" ");
}

const num = (v: U64): bigint => BigInt(v.toString());
const pct = (bps: number) => `${(bps / 100).toString()}%`;

/** `change` in words: "Add validator ABCD…WXYZ as LEAD", "Set trade quorum to 2, time lock to 1d". */
export function describeChange(change: GovernanceChange, options: DescribeOptions = {}): string {
  const name = options.name ?? shortKey;
  const amount = options.amount ?? ((v: bigint) => v.toString());
  if ("addValidator" in change && change.addValidator) {
    const { validator, role: r } = change.addValidator;
    return `Add validator ${name(validator)} as ${roleName(r).toUpperCase()}`;
  }
  if ("removeValidator" in change && change.removeValidator) {
    return `Remove validator ${name(change.removeValidator.validator)}`;
  }
  if ("setValidatorRole" in change && change.setValidatorRole) {
    const { validator, role: r } = change.setValidatorRole;
    return `Make validator ${name(validator)} ${roleName(r).toUpperCase()}`;
  }
  if ("addKeeper" in change && change.addKeeper) {
    return `Authorise keeper ${name(change.addKeeper.keeper)}`;
  }
  if ("enableProduct" in change && change.enableProduct) {
    return `Enable product ${name(change.enableProduct.product)}`;
  }
  const c = configChangeOf(change) ?? {};
  const parts: string[] = [];
  if (c.maxMembers !== undefined) parts.push(`max members to ${c.maxMembers}`);
  if (c.minContribution !== undefined) parts.push(`minimum deposit to ${amount(num(c.minContribution))}`);
  if (c.insuranceBps !== undefined) parts.push(`insurance share to ${pct(c.insuranceBps)}`);
  if (c.requiredApprovals !== undefined) parts.push(`trade quorum to ${c.requiredApprovals}`);
  if (c.requireLeadApproval !== undefined)
    parts.push(`trade lead approval ${c.requireLeadApproval ? "required" : "not required"}`);
  if (c.proposalTtl !== undefined)
    parts.push(`proposal lifetime to ${formatDuration(Number(num(c.proposalTtl)))}`);
  if (c.claimRequiredApprovals !== undefined) parts.push(`claim quorum to ${c.claimRequiredApprovals}`);
  if (c.claimRequireLeadApproval !== undefined)
    parts.push(`claim lead approval ${c.claimRequireLeadApproval ? "required" : "not required"}`);
  if (c.claimTtl !== undefined) parts.push(`claim lifetime to ${formatDuration(Number(num(c.claimTtl)))}`);
  if (c.timeLock !== undefined) parts.push(`time lock to ${formatDuration(Number(num(c.timeLock)))}`);
  if (parts.length === 0) return "Change nothing in the configuration";
  const text = parts.join(", ");
  return `Set ${text}`;
}

/** Where a queued change stands at `now` (unix seconds, the cluster's clock). */
export interface ChangeCountdown {
  /** Whether anyone may apply it now. */
  due: boolean;
  /** Seconds until it may apply (0 once due). */
  secondsLeft: number;
  /** "applies in 1d 4h" / "due: anyone may apply it". */
  text: string;
}

/** The countdown of `change` (or of its `eta`) at `now`. */
export function changeCountdown(
  change: Pick<PendingChangeAccount, "eta"> | U64,
  now: number,
): ChangeCountdown {
  const eta = Number(num(typeof change === "object" && "eta" in change ? change.eta : (change as U64)));
  const secondsLeft = Math.max(0, eta - now);
  const due = secondsLeft === 0;
  return {
    due,
    secondsLeft,
    text: due ? "due: anyone may apply it" : `applies in ${formatDuration(secondsLeft)}`,
  };
}
