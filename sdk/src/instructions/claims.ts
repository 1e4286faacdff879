/** Insurance claims (`file_claim.rs`, `vote_claim.rs`, `expire_claim.rs`, `close_accounts.rs`). */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { assetTokenAccount, poolBotInstruction } from "./build";

/**
 * `file_claim` by `claimant` (a member) as claim `id` (the pool's `nextClaimId`): `amount`, a
 * reason (at most 200 bytes) and the trade it relates to, if any.
 */
export function fileClaim(a: {
  addresses: PoolAddresses;
  claimant: PublicKey;
  id: U64;
  amount: U64;
  reason: string;
  proposalId?: U64;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "fileClaim",
    {
      claimant: a.claimant,
      pool: p.pool,
      position: p.member(a.claimant),
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
      claim: p.claim(a.id),
      systemProgram: SystemProgram.programId,
    },
    {
      args: {
        amount: toBN(a.amount),
        reason: a.reason,
        proposalId: a.proposalId === undefined ? null : toBN(a.proposalId),
      },
    },
  );
}

/**
 * `approve_claim` by `validator` (SENIOR+, not the claimant) of `claimant`'s `claim`; the
 * approval reaching the quorum pays into `claimantToken` (the claimant's ATA by default).
 */
export function approveClaim(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  claim: PublicKey;
  claimant: PublicKey;
  claimantToken?: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction("approveClaim", {
    validator: a.validator,
    pool: p.pool,
    validatorSet: p.validatorSet,
    claim: a.claim,
    position: p.member(a.claimant),
    insurance: p.insurance,
    insuranceVault: p.insuranceVault,
    claimantToken: a.claimantToken ?? assetTokenAccount(p, a.claimant),
    mint: p.mint,
    tokenProgram: p.tokenProgram,
  });
}

/** `deny_claim` by `validator` (SENIOR+, not the claimant) of `claimant`'s `claim`, with a reason. */
export function denyClaim(a: {
  addresses: PoolAddresses;
  validator: PublicKey;
  claim: PublicKey;
  claimant: PublicKey;
  reason: string;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "denyClaim",
    {
      validator: a.validator,
      pool: p.pool,
      validatorSet: p.validatorSet,
      claim: a.claim,
      position: p.member(a.claimant),
      insurance: p.insurance,
      insuranceVault: p.insuranceVault,
    },
    { args: { reason: a.reason } },
  );
}

/** `expire_claim` (anyone): `claimant`'s undecided `claim` past its expiry becomes Expired. */
export function expireClaim(a: {
  addresses: PoolAddresses;
  claim: PublicKey;
  claimant: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction("expireClaim", {
    pool: p.pool,
    claim: a.claim,
    insurance: p.insurance,
    position: p.member(a.claimant),
  });
}

/** `close_claim` (anyone): a paid, denied or expired `claim`'s rent back to its `claimant`. */
export function closeClaim(a: {
  addresses: PoolAddresses;
  claim: PublicKey;
  claimant: PublicKey;
}): TransactionInstruction {
  return poolBotInstruction("closeClaim", { pool: a.addresses.pool, claim: a.claim, claimant: a.claimant });
}
