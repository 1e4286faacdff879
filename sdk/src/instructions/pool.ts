/** `initialize_pool` and `update_config` (`programs/pool_bot/src/instructions/{initialize_pool,update_config}.rs`). */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import type { ImmediateConfig } from "../governance";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { poolBotInstruction } from "./build";

/** A pool's configuration as `initialize_pool` takes it. */
export interface PoolConfig {
  /** Display name, 1 to 32 bytes. */
  name: string;
  /** Most active members. */
  maxMembers: number;
  /** Smallest deposit, in base units. */
  minContribution: U64;
  /** Share of each trade's gain sent to the insurance reserve (500 = 5%). */
  insuranceBps: number;
  /** Trade approvals needed; the creator is the only validator at first. */
  requiredApprovals: number;
  /** Whether one trade approval must come from a LEAD or ADMIN. */
  requireLeadApproval: boolean;
  /** Seconds a proposal stays open (also the longest a requested deposit waits). */
  proposalTtl: U64;
  /** Claim approvals needed (SENIOR+ validators other than the claimant). */
  claimRequiredApprovals: number;
  /** Whether one claim approval must come from a LEAD or ADMIN. */
  claimRequireLeadApproval: boolean;
  /** Seconds a claim stays open for votes before anyone may expire it. */
  claimTtl: U64;
  /**
   * Seconds a governance change waits between being queued and applied: days in production
   * (members can withdraw first), 0 only for fixtures (changes then apply at once).
   */
  timeLock: U64;
}

/**
 * `initialize_pool`: `creator` (who pays and becomes the first ADMIN) creates the pool of
 * `addresses` (`new PoolAddresses(creator, mint, tokenProgram)`).
 */
export function initializePool(a: {
  addresses: PoolAddresses;
  creator: PublicKey;
  config: PoolConfig;
}): TransactionInstruction {
  const { addresses: p, config } = a;
  return poolBotInstruction(
    "initializePool",
    {
      creator: a.creator,
      mint: p.mint,
      pool: p.pool,
      vault: p.vault,
      validatorSet: p.validatorSet,
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
      tokenProgram: p.tokenProgram,
      systemProgram: SystemProgram.programId,
    },
    {
      args: {
        name: config.name,
        maxMembers: config.maxMembers,
        minContribution: toBN(config.minContribution),
        insuranceBps: config.insuranceBps,
        requiredApprovals: config.requiredApprovals,
        requireLeadApproval: config.requireLeadApproval,
        proposalTtl: toBN(config.proposalTtl),
        claimRequiredApprovals: config.claimRequiredApprovals,
        claimRequireLeadApproval: config.claimRequireLeadApproval,
        claimTtl: toBN(config.claimTtl),
        timeLock: toBN(config.timeLock),
      },
    },
  );
}

/**
 * `update_config` by an ADMIN: at once, only what describes or protects (the name, pause /
 * unpause, a longer time lock); everything else is a queued change.
 */
export function updateConfig(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  changes: ImmediateConfig;
}): TransactionInstruction {
  const { addresses: p, changes } = a;
  return poolBotInstruction(
    "updateConfig",
    { admin: a.admin, pool: p.pool, validatorSet: p.validatorSet },
    {
      args: {
        name: changes.name ?? null,
        paused: changes.paused ?? null,
        timeLock: changes.timeLock === undefined ? null : toBN(changes.timeLock),
      },
    },
  );
}
