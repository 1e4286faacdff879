/**
 * The time lock's instructions and the immediate keeper removal (`governance.rs`,
 * `manage_keepers.rs`): `queue_change`, `apply_change`, `cancel_change`, `remove_keeper`.
 */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import type { GovernanceChange } from "../accounts";
import { changeProduct } from "../governance";
import { PoolAddresses, U64 } from "../pdas";
import { poolBotInstruction } from "./build";

/** `queue_change` by an ADMIN, queueing `change` as change `id` (the pool's `nextChangeId`). */
export function queueChange(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  id: U64;
  change: GovernanceChange;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "queueChange",
    {
      admin: a.admin,
      pool: p.pool,
      validatorSet: p.validatorSet,
      change: p.change(a.id),
      systemProgram: SystemProgram.programId,
    },
    { args: { change: a.change } },
  );
}

/**
 * `apply_change` of change `id` (doing `change`, queued by `proposer`, who gets its rent back),
 * by `applier` (anyone) once due; the product is passed for an `EnableProduct` change.
 */
export function applyChange(a: {
  addresses: PoolAddresses;
  applier: PublicKey;
  id: U64;
  proposer: PublicKey;
  change: GovernanceChange;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction("applyChange", {
    applier: a.applier,
    pool: p.pool,
    validatorSet: p.validatorSet,
    change: p.change(a.id),
    proposer: a.proposer,
    product: changeProduct(a.change),
  });
}

/** `cancel_change` by an ADMIN: drops change `id`, its rent back to `proposer`. */
export function cancelChange(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  id: U64;
  proposer: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction("cancelChange", {
    admin: a.admin,
    pool: p.pool,
    validatorSet: p.validatorSet,
    change: p.change(a.id),
    proposer: a.proposer,
  });
}

/** `remove_keeper` by an ADMIN: at once (authorising a keeper is a queued change). */
export function removeKeeper(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  keeper: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction(
    "removeKeeper",
    { admin: a.admin, pool: p.pool, validatorSet: p.validatorSet },
    { args: { keeper: a.keeper } },
  );
}
