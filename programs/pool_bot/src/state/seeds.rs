//! PDA seed prefixes. Every account of the program lives at one of these addresses.

/// `[SEED_POOL, creator, asset_mint]`: the pool (also the authority of its vault).
pub const SEED_POOL: &[u8] = b"pool";
/// `[SEED_VAULT, pool]`: the pool's asset token account.
pub const SEED_VAULT: &[u8] = b"vault";
/// `[SEED_VALIDATORS, pool]`: the validator set and keeper list.
pub const SEED_VALIDATORS: &[u8] = b"validators";
/// `[SEED_MEMBER, pool, owner]`: one member's position.
pub const SEED_MEMBER: &[u8] = b"member";
/// `[SEED_PROPOSAL, pool, id (u64 LE)]`: a trade proposal.
pub const SEED_PROPOSAL: &[u8] = b"proposal";
/// `[SEED_INSURANCE, pool]`: the insurance reserve (also the authority of its token account).
pub const SEED_INSURANCE: &[u8] = b"insurance";
/// `[SEED_INSURANCE_VAULT, pool]`: the insurance reserve's token account.
pub const SEED_INSURANCE_VAULT: &[u8] = b"insurance_vault";
/// `[SEED_CLAIM, pool, id (u64 LE)]`: an insurance claim.
pub const SEED_CLAIM: &[u8] = b"claim";
/// `[SEED_PRODUCT, pool, id (u64 LE)]`: a registered product.
pub const SEED_PRODUCT: &[u8] = b"product";
/// `[SEED_CHANGE, pool, id (u64 LE)]`: a governance change waiting out the time lock.
pub const SEED_CHANGE: &[u8] = b"change";
/// `[SEED_DEPOSIT, pool, id (u64 LE)]`: a deposit request waiting to become shares.
pub const SEED_DEPOSIT: &[u8] = b"deposit";
/// `[SEED_MANDATE, pool, id (u64 LE)]`: a standing trade mandate.
pub const SEED_MANDATE: &[u8] = b"mandate";
