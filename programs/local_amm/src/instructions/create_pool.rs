//! Creates a pool and its two vaults.
use crate::errors::AmmError;
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `create_pool`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct CreatePoolArgs {
    /// Distinguishes pools of the same pair.
    pub id: u64,
    /// Fee on the input, in basis points (below 10000).
    pub fee_bps: u16,
}

/// Accounts of `create_pool`.
#[derive(Accounts)]
#[instruction(args: CreatePoolArgs)]
pub struct CreatePool<'info> {
    /// Pays, and may add liquidity.
    #[account(mut)]
    pub authority: Signer<'info>,
    /// First mint.
    pub mint_a: Box<InterfaceAccount<'info, Mint>>,
    /// Second mint.
    pub mint_b: Box<InterfaceAccount<'info, Mint>>,
    /// The pool.
    #[account(
        init,
        payer = authority,
        space = AmmPool::SPACE,
        seeds = [SEED_AMM_POOL, mint_a.key().as_ref(), mint_b.key().as_ref(), &args.id.to_le_bytes()],
        bump
    )]
    pub pool: Box<Account<'info, AmmPool>>,
    /// Reserve of `mint_a`.
    #[account(
        init,
        payer = authority,
        seeds = [SEED_AMM_VAULT, pool.key().as_ref(), mint_a.key().as_ref()],
        bump,
        token::mint = mint_a,
        token::authority = pool,
        token::token_program = token_program
    )]
    pub vault_a: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Reserve of `mint_b`.
    #[account(
        init,
        payer = authority,
        seeds = [SEED_AMM_VAULT, pool.key().as_ref(), mint_b.key().as_ref()],
        bump,
        token::mint = mint_b,
        token::authority = pool,
        token::token_program = token_program
    )]
    pub vault_b: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Token program of both mints.
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl CreatePool<'_> {
    fn validate(&self, args: &CreatePoolArgs) -> Result<()> {
        require!(args.fee_bps < 10_000, AmmError::InvalidFee);
        require_keys_neq!(self.mint_a.key(), self.mint_b.key(), AmmError::SameMint);
        Ok(())
    }

    /// Records the pool.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn create_pool(ctx: Context<Self>, args: CreatePoolArgs) -> Result<()> {
        let a = ctx.accounts;
        a.pool.set_inner(AmmPool {
            authority: a.authority.key(),
            mint_a: a.mint_a.key(),
            mint_b: a.mint_b.key(),
            vault_a: a.vault_a.key(),
            vault_b: a.vault_b.key(),
            id: args.id,
            fee_bps: args.fee_bps,
            bump: ctx.bumps.pool,
        });
        Ok(())
    }
}
