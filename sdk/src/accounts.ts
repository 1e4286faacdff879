/**
 * Account types as the TS coder decodes them, and readers for the fields the program stores
 * in raw form. `Pool`, `ValidatorSet`, `TradeProposal`, `Product` and `Mandate` are zero-copy
 * (`#[repr(C)]`, no implicit padding, so their bytes read as Borsh); `MemberPosition`,
 * `InsuranceReserve`, `Claim`, `DepositRequest` and `PendingChange` are Borsh.
 */
import type { IdlAccounts, IdlTypes } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";
import type { PoolBot } from "./idl";
import { decodeRoute, RouteLeg } from "./route";
import { Buffer } from "buffer";

type Accounts = IdlAccounts<PoolBot>;
type Types = IdlTypes<PoolBot>;

/** A pool: configuration, share books, counters. */
export type PoolAccount = Accounts["pool"];
/** A pool's validators and keepers. */
export type ValidatorSetAccount = Accounts["validatorSet"];
/** One validator slot. */
export type ValidatorEntry = Types["validatorEntry"];
/** A member's position. */
export type MemberPositionAccount = Accounts["memberPosition"];
/** A trade proposal with its stored route. */
export type TradeProposalAccount = Accounts["tradeProposal"];
/** A pool's insurance reserve. */
export type InsuranceReserveAccount = Accounts["insuranceReserve"];
/** An insurance claim. */
export type ClaimAccount = Accounts["claim"];
/** A registered product. */
export type ProductAccount = Accounts["product"];
/** A leg rule as a product stores it (read it with `legRulesOf`). */
export type StoredLegRule = Types["legRule"];
/** A deposit waiting to become shares (made while a trade proposal or a mandate was live). */
export type DepositRequestAccount = Accounts["depositRequest"];

/** A standing trade mandate: terms, votes, budget and executions (zero-copy). */
export type MandateAccount = Accounts["mandate"];

/** A governance change waiting out the pool's time lock (Borsh). */
export type PendingChangeAccount = Accounts["pendingChange"];
/** What a queued change does (`{ addValidator: { validator, role } }`, `{ config: { 0: {...} } }`, ...). */
export type GovernanceChange = Types["governanceChange"];
/** The configuration fields a `Config` change sets (`null` keeps the value). */
export type ConfigChangeArgs = Types["configChange"];

/** Claim statuses in code order (`ClaimStatus`). */
export const CLAIM_STATUSES = ["pending", "paid", "denied", "expired"] as const;
/** A claim status's name. */
export type ClaimStatusName = (typeof CLAIM_STATUSES)[number];

/** A claim's status (`{ expired: {} }` → `"expired"`). */
export function claimStatus(claim: Pick<ClaimAccount, "status">): ClaimStatusName {
  return Object.keys(claim.status)[0] as ClaimStatusName;
}

/** Validator roles, lowest first (`Role`; its index is the byte stored in a slot). */
export const ROLES = ["junior", "senior", "lead", "admin"] as const;
/** A validator role's name. */
export type RoleName = (typeof ROLES)[number];
/** A role as an instruction argument takes it (`{ lead: {} }`). */
export type Role = Types["role"];

const ROLE_ARGS: Record<RoleName, Role> = {
  junior: { junior: {} },
  senior: { senior: {} },
  lead: { lead: {} },
  admin: { admin: {} },
};

/** The argument form of a role. */
export function role(name: RoleName): Role {
  return ROLE_ARGS[name];
}

/** The name of a role given as an enum object (`{ lead: {} }`) or a stored code (0..3). */
export function roleName(value: Role | number): RoleName {
  if (typeof value === "number") {
    const name = ROLES[value];
    if (!name) throw new RangeError(`unknown role code ${value}`);
    return name;
  }
  return Object.keys(value)[0] as RoleName;
}

/** Proposal statuses in code order (`ProposalStatus`; zero-copy proposals store the code). */
export const PROPOSAL_STATUSES = ["pending", "approved", "rejected", "executed", "expired"] as const;
/** A proposal status's name. */
export type ProposalStatusName = (typeof PROPOSAL_STATUSES)[number];

/** Mandate statuses in code order (`MandateStatus`; the zero-copy mandate stores the code). */
export const MANDATE_STATUSES = ["pending", "approved", "rejected", "revoked"] as const;
/** A mandate status's name. */
export type MandateStatusName = (typeof MANDATE_STATUSES)[number];

/** A mandate's stored status (`MandateStatus::from_code`: any code past the last is Revoked). */
export function mandateStatus(mandate: Pick<MandateAccount, "status">): MandateStatusName {
  return MANDATE_STATUSES[Math.min(mandate.status, MANDATE_STATUSES.length - 1)];
}

/** The markets a mandate's routes may trade (the first `marketCount`). */
export function mandateMarkets(mandate: Pick<MandateAccount, "markets" | "marketCount">): PublicKey[] {
  return mandate.markets.slice(0, mandate.marketCount);
}

/** Product categories in code order (`ProductCategory`). */
export const PRODUCT_CATEGORIES = ["arbitrage", "staking", "trading", "lending", "other"] as const;
/** A product category's name. */
export type ProductCategoryName = (typeof PRODUCT_CATEGORIES)[number];
/** A category as an instruction argument takes it (`{ arbitrage: {} }`). */
export type ProductCategory = Types["productCategory"];

const CATEGORY_ARGS: Record<ProductCategoryName, ProductCategory> = {
  arbitrage: { arbitrage: {} },
  staking: { staking: {} },
  trading: { trading: {} },
  lending: { lending: {} },
  other: { other: {} },
};

/** The argument form of a product category. */
export function productCategory(name: ProductCategoryName): ProductCategory {
  return CATEGORY_ARGS[name];
}

/** The name of an enum value decoded from a Borsh account or event (`{ paid: {} }` → `"paid"`). */
export function variantName<T extends object>(value: T): string {
  return Object.keys(value)[0];
}

/** Text of a zero-padded fixed name field. */
export function decodeName(field: number[] | Uint8Array): string {
  const bytes = Uint8Array.from(field);
  const end = bytes.indexOf(0);
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString("utf8");
}

/** A proposal's status. */
export function proposalStatus(proposal: Pick<TradeProposalAccount, "status">): ProposalStatusName {
  return PROPOSAL_STATUSES[Math.min(proposal.status, PROPOSAL_STATUSES.length - 1)];
}

/** A proposal's stored route, decoded. */
export function proposalRoute(proposal: TradeProposalAccount): RouteLeg[] {
  return decodeRoute(Uint8Array.from(proposal.route).subarray(0, proposal.routeLen));
}

/** The validators in use, each with its slot (its bit in vote bitmaps) and role name. */
export function validatorsOf(
  set: ValidatorSetAccount,
): Array<ValidatorEntry & { slot: number; roleName: RoleName }> {
  return set.validators
    .slice(0, set.validatorCount)
    .map((v, slot) => ({ ...v, slot, roleName: roleName(v.role) }));
}

/** The authorised keepers. */
export function keepersOf(set: ValidatorSetAccount): PublicKey[] {
  return set.keepers.slice(0, set.keeperCount);
}

/** Slots set in a vote bitmap. */
export function votersOf(bitmap: number): number[] {
  return Array.from({ length: 32 }, (_, i) => i).filter((i) => (bitmap >>> i) & 1);
}
