/**
 * Program-derived addresses of every Pool Bot and local AMM account. The seeds are those of
 * `programs/pool_bot/src/state/seeds.rs` and `programs/local_amm/src/state.rs` (ids are
 * little-endian u64), the same derivations as `crates/client/src/pda.rs`.
 */
import { PublicKey } from "@solana/web3.js";
import BN from "bn.js";
import { Buffer } from "buffer";
import { LOCAL_AMM_PROGRAM_ID, POOL_BOT_PROGRAM_ID } from "./idl";

/** A u64 as Anchor and the SDK accept it. */
export type U64 = BN | bigint | number;

/** `value` as a BN (the type Anchor encodes u64 arguments from). */
export function toBN(value: U64): BN {
  return BN.isBN(value) ? value : new BN(value.toString());
}

/** The 8 little-endian bytes of a u64 id, as used in seeds. */
export function u64Seed(id: U64): Buffer {
  return toBN(id).toArrayLike(Buffer, "le", 8);
}

/** Seed prefixes of Pool Bot's accounts. */
export const SEEDS = {
  pool: Buffer.from("pool"),
  vault: Buffer.from("vault"),
  validators: Buffer.from("validators"),
  member: Buffer.from("member"),
  proposal: Buffer.from("proposal"),
  insurance: Buffer.from("insurance"),
  insuranceVault: Buffer.from("insurance_vault"),
  claim: Buffer.from("claim"),
  product: Buffer.from("product"),
  deposit: Buffer.from("deposit"),
  change: Buffer.from("change"),
  mandate: Buffer.from("mandate"),
  ammPool: Buffer.from("amm_pool"),
  ammVault: Buffer.from("amm_vault"),
} as const;

function find(seeds: Buffer[], programId: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync(seeds, programId)[0];
}

/** `[pool, creator, asset_mint]`. */
export function poolAddress(creator: PublicKey, assetMint: PublicKey): PublicKey {
  return find([SEEDS.pool, creator.toBuffer(), assetMint.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[vault, pool]`. */
export function vaultAddress(pool: PublicKey): PublicKey {
  return find([SEEDS.vault, pool.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[validators, pool]`. */
export function validatorSetAddress(pool: PublicKey): PublicKey {
  return find([SEEDS.validators, pool.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[member, pool, owner]`. */
export function memberAddress(pool: PublicKey, owner: PublicKey): PublicKey {
  return find([SEEDS.member, pool.toBuffer(), owner.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[proposal, pool, id]`. */
export function proposalAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.proposal, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** `[insurance, pool]`. */
export function insuranceAddress(pool: PublicKey): PublicKey {
  return find([SEEDS.insurance, pool.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[insurance_vault, pool]`. */
export function insuranceVaultAddress(pool: PublicKey): PublicKey {
  return find([SEEDS.insuranceVault, pool.toBuffer()], POOL_BOT_PROGRAM_ID);
}

/** `[claim, pool, id]`. */
export function claimAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.claim, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** `[product, pool, id]`. */
export function productAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.product, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** `[deposit, pool, id]`: a deposit request waiting to become shares. */
export function depositRequestAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.deposit, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** `[change, pool, id]`: a governance change waiting out the pool's time lock. */
export function pendingChangeAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.change, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** `[mandate, pool, id]`: a standing trade mandate. */
export function mandateAddress(pool: PublicKey, id: U64): PublicKey {
  return find([SEEDS.mandate, pool.toBuffer(), u64Seed(id)], POOL_BOT_PROGRAM_ID);
}

/** Local AMM `[amm_pool, mint_a, mint_b, id]`. */
export function ammPoolAddress(mintA: PublicKey, mintB: PublicKey, id: U64): PublicKey {
  return find([SEEDS.ammPool, mintA.toBuffer(), mintB.toBuffer(), u64Seed(id)], LOCAL_AMM_PROGRAM_ID);
}

/** Local AMM `[amm_vault, amm_pool, mint]`. */
export function ammVaultAddress(ammPool: PublicKey, mint: PublicKey): PublicKey {
  return find([SEEDS.ammVault, ammPool.toBuffer(), mint.toBuffer()], LOCAL_AMM_PROGRAM_ID);
}

/** Every fixed address of one pool, derived once. */
export class PoolAddresses {
  /** The pool. */
  readonly pool: PublicKey;
  /** Its vault. */
  readonly vault: PublicKey;
  /** Its validator set. */
  readonly validatorSet: PublicKey;
  /** Its insurance reserve. */
  readonly insurance: PublicKey;
  /** The reserve's token account. */
  readonly insuranceVault: PublicKey;

  /**
   * The addresses of the pool `creator` made for `mint` (whose token program is
   * `tokenProgram`: SPL Token or Token-2022).
   */
  constructor(
    readonly creator: PublicKey,
    readonly mint: PublicKey,
    readonly tokenProgram: PublicKey,
  ) {
    this.pool = poolAddress(creator, mint);
    this.vault = vaultAddress(this.pool);
    this.validatorSet = validatorSetAddress(this.pool);
    this.insurance = insuranceAddress(this.pool);
    this.insuranceVault = insuranceVaultAddress(this.pool);
  }

  /** The addresses of the pool whose account holds these fields. */
  static of(pool: { creator: PublicKey; assetMint: PublicKey; tokenProgram: PublicKey }): PoolAddresses {
    return new PoolAddresses(pool.creator, pool.assetMint, pool.tokenProgram);
  }

  /** Position of `owner`. */
  member(owner: PublicKey): PublicKey {
    return memberAddress(this.pool, owner);
  }

  /** Proposal `id`. */
  proposal(id: U64): PublicKey {
    return proposalAddress(this.pool, id);
  }

  /** Claim `id`. */
  claim(id: U64): PublicKey {
    return claimAddress(this.pool, id);
  }

  /** Product `id`. */
  product(id: U64): PublicKey {
    return productAddress(this.pool, id);
  }

  /** Deposit request `id`. */
  depositRequest(id: U64): PublicKey {
    return depositRequestAddress(this.pool, id);
  }

  /** Pending governance change `id`. */
  change(id: U64): PublicKey {
    return pendingChangeAddress(this.pool, id);
  }

  /** Mandate `id`. */
  mandate(id: U64): PublicKey {
    return mandateAddress(this.pool, id);
  }
}

/** Addresses of one local AMM pool. */
export class AmmAddresses {
  /** The AMM pool. */
  readonly pool: PublicKey;
  /** Reserve of `mintA`. */
  readonly vaultA: PublicKey;
  /** Reserve of `mintB`. */
  readonly vaultB: PublicKey;

  /** Pool `id` of the pair (`mintA`, `mintB`), both of `tokenProgram`. */
  constructor(
    readonly mintA: PublicKey,
    readonly mintB: PublicKey,
    readonly id: U64,
    readonly tokenProgram: PublicKey,
  ) {
    this.pool = ammPoolAddress(mintA, mintB, id);
    this.vaultA = ammVaultAddress(this.pool, mintA);
    this.vaultB = ammVaultAddress(this.pool, mintB);
  }
}
