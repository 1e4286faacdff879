/**
 * A trade's life (`propose_trade.rs`, `vote_trade.rs`, `expire_proposal.rs`,
 * `execute_and_distribute.rs`, `close_accounts.rs`).
 */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { packRoute, RouteLeg } from "../route";
import { poolBotInstruction } from "./build";

/** Economics of a trade proposal. */
export interface TradeTerms {
  /** Vault amount the route puts in. */
  amountIn: U64;
  /** Gain expected. */
  expectedProfit: U64;
  /** Least gain accepted (the execution fails below it). */
  minProfit: U64;
}

/**
 * `propose_trade` by `keeper`: `legs` under `product` as proposal `id` (the pool's
 * `nextProposalId`); the legs travel as indices into the remaining accounts.
 */
export function proposeTrade(a: {
  addresses: PoolAddresses;
  keeper: PublicKey;
  id: U64;
  product: PublicKey;
  terms: TradeTerms;
  legs: RouteLeg[];
}): TransactionInstruction {
  const { addresses: p, terms } = a;
  const route = packRoute(a.legs);
  return poolBotInstruction(
    "proposeTrade",
    {
      keeper: a.keeper,
      pool: p.pool,
      validatorSet: p.validatorSet,
      product: a.product,
      proposal: p.proposal(a.id),
      systemProgram: SystemProgram.programId,
    },
    {
      args: {
        amountIn: toBN(terms.amountIn),
        expectedProfit: toBN(terms.expectedProfit),
        minProfit: toBN(terms.minProfit),
        legs: route.legs,
      },
    },
    route.remaining,
  );
}

function voteAccounts(p: PoolAddresses, validator: PublicKey, proposal: PublicKey) {
  return { validator, pool: p.pool, validatorSet: p.validatorSet, proposal };
}

/** `approve_trade` by `validator`: one approval of `proposal`. */
export function approveTrade(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  proposal: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("approveTrade", voteAccounts(a.addresses, a.validator, a.proposal));
}

/** `reject_trade` by `validator`: one rejection of `proposal`, with a reason (at most 200 bytes). */
export function rejectTrade(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  proposal: PublicKey;
  reason: string;
}): TransactionInstruction {
  return poolBotInstruction("rejectTrade", voteAccounts(a.addresses, a.validator, a.proposal), {
    args: { reason: a.reason },
  });
}

/** `expire_proposal` (anyone): an expired or stale `proposal` becomes Expired. */
export function expireProposal(a: { addresses: PoolAddresses; proposal: PublicKey }): TransactionInstruction {
  return poolBotInstruction("expireProposal", { pool: a.addresses.pool, proposal: a.proposal });
}

/**
 * `execute_and_distribute` by `executor` (keeper or validator): runs `proposal`'s stored route,
 * whose `legs` (`proposalRoute(stored)`) give the remaining accounts, under `product` (the
 * proposal's).
 */
export function executeAndDistribute(a: {
  addresses: PoolAddresses;
  executor: PublicKey;
  proposal: PublicKey;
  product: PublicKey;
  legs: RouteLeg[];
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "executeAndDistribute",
    {
      executor: a.executor,
      pool: p.pool,
      validatorSet: p.validatorSet,
      proposal: a.proposal,
      product: a.product,
      vault: p.vault,
      mint: p.mint,
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
      tokenProgram: p.tokenProgram,
    },
    {},
    packRoute(a.legs).remaining,
  );
}

/** `close_proposal` (anyone): a finished `proposal`'s rent back to its `proposer`. */
export function closeProposal(a: {
  addresses: PoolAddresses;
  proposal: PublicKey;
  proposer: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("closeProposal", {
    pool: a.addresses.pool,
    proposal: a.proposal,
    proposer: a.proposer,
  });
}
