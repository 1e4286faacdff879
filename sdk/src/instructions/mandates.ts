/**
 * A mandate's life (`propose_mandate.rs`, `vote_mandate.rs`, `execute_mandate.rs`,
 * `close_accounts.rs`), mirroring `crates/client/src/instructions.rs`.
 */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { packRoute, RouteLeg } from "../route";
import { poolBotInstruction } from "./build";

/** What a mandate permits (`MandateTerms`). */
export interface MandateTerms {
  /** DEX pool accounts its routes may trade: 1 to 8, each listed by the product when it lists markets. */
  markets: PublicKey[];
  /** Largest `amount_in` of one execution (at most the product's max trade). */
  maxAmountIn: U64;
  /** Least gain of one execution in base units (at least the product's minimum profit). */
  minProfit: U64;
  /** Least gain of one execution in basis points of its `amount_in` (the larger bound wins). */
  minProfitBps: number;
  /** Seconds in one budget period (60 to 30 days). */
  period: U64;
  /** Most executions per period (at least 1). */
  maxTradesPerPeriod: number;
  /** Most `amount_in` summed over a period (at least `maxAmountIn`). */
  maxNotionalPerPeriod: U64;
  /** Seconds it stands once active (1 to 30 days). */
  duration: U64;
}

/** `terms` as the instruction encodes them. */
function termsArgs(terms: MandateTerms) {
  return {
    markets: terms.markets,
    maxAmountIn: toBN(terms.maxAmountIn),
    minProfit: toBN(terms.minProfit),
    minProfitBps: terms.minProfitBps,
    period: toBN(terms.period),
    maxTradesPerPeriod: terms.maxTradesPerPeriod,
    maxNotionalPerPeriod: toBN(terms.maxNotionalPerPeriod),
    duration: toBN(terms.duration),
  };
}

/**
 * `propose_mandate` by `proposer` (an authorised keeper or an ADMIN): `terms` under `product`
 * as mandate `id` (the pool's `nextMandateId`).
 */
export function proposeMandate(a: {
  addresses: PoolAddresses;
  proposer: PublicKey;
  id: U64;
  product: PublicKey;
  terms: MandateTerms;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "proposeMandate",
    {
      proposer: a.proposer,
      pool: p.pool,
      validatorSet: p.validatorSet,
      product: a.product,
      mandate: p.mandate(a.id),
      systemProgram: SystemProgram.programId,
    },
    { args: { terms: termsArgs(a.terms) } },
  );
}

function voteAccounts(p: PoolAddresses, validator: PublicKey, mandate: PublicKey) {
  return { validator, pool: p.pool, validatorSet: p.validatorSet, mandate };
}

/** `approve_mandate` by `validator`: one approval of `mandate`. */
export function approveMandate(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  mandate: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("approveMandate", voteAccounts(a.addresses, a.validator, a.mandate));
}

/** `reject_mandate` by `validator`: one rejection of `mandate`, with a reason (at most 200 bytes). */
export function rejectMandate(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  mandate: PublicKey;
  reason: string;
}): TransactionInstruction {
  return poolBotInstruction("rejectMandate", voteAccounts(a.addresses, a.validator, a.mandate), {
    args: { reason: a.reason },
  });
}

/** `revoke_mandate` by a LEAD or ADMIN `validator`: `mandate` can no longer be used, at once. */
export function revokeMandate(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  mandate: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("revokeMandate", voteAccounts(a.addresses, a.validator, a.mandate));
}

/**
 * `execute_mandate` by `keeper`: runs `legs` (packed into the instruction, accounts as indices
 * into the remaining accounts) for `amountIn` under the active `mandate` of `product`,
 * accepting no less than `minProfit` (the mandate's own minimum applies when higher).
 */
export function executeMandate(a: {
  addresses: PoolAddresses;
  keeper: PublicKey;
  mandate: PublicKey;
  product: PublicKey;
  amountIn: U64;
  minProfit: U64;
  legs: RouteLeg[];
}): TransactionInstruction {
  const p = a.addresses;
  const route = packRoute(a.legs);
  return poolBotInstruction(
    "executeMandate",
    {
      keeper: a.keeper,
      pool: p.pool,
      validatorSet: p.validatorSet,
      mandate: a.mandate,
      product: a.product,
      vault: p.vault,
      mint: p.mint,
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
      tokenProgram: p.tokenProgram,
    },
    { args: { amountIn: toBN(a.amountIn), minProfit: toBN(a.minProfit), legs: route.legs } },
    route.remaining,
  );
}

/** `close_mandate` (anyone): a finished `mandate`'s rent back to its `proposer`. */
export function closeMandate(a: {
  addresses: PoolAddresses;
  mandate: PublicKey;
  proposer: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("closeMandate", {
    pool: a.addresses.pool,
    mandate: a.mandate,
    proposer: a.proposer,
  });
}
