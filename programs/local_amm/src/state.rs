//! The AMM pool account.
use anchor_lang::prelude::*;

/// `[SEED_AMM_POOL, mint_a, mint_b, id (u64 LE)]`.
pub const SEED_AMM_POOL: &[u8] = b"amm_pool";
/// `[SEED_AMM_VAULT, pool, mint]`: the pool's reserve of `mint`.
pub const SEED_AMM_VAULT: &[u8] = b"amm_vault";

/// A two-token constant-product pool. Its reserves are its vaults' balances.
#[account]
#[derive(InitSpace, Debug)]
pub struct AmmPool {
    /// Who created it and may add liquidity.
    pub authority: Pubkey,
    /// First mint.
    pub mint_a: Pubkey,
    /// Second mint.
    pub mint_b: Pubkey,
    /// Reserve of `mint_a`.
    pub vault_a: Pubkey,
    /// Reserve of `mint_b`.
    pub vault_b: Pubkey,
    /// Distinguishes pools of the same pair.
    pub id: u64,
    /// Fee on the input, in basis points.
    pub fee_bps: u16,
    /// Bump of this PDA.
    pub bump: u8,
}

impl AmmPool {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + AmmPool::INIT_SPACE;
}
