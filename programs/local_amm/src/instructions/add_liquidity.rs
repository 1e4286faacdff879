//! The pool's authority adds reserves.
use crate::errors::AmmError;
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

/// Arguments of `add_liquidity`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct AddLiquidityArgs {
    /// Amount of `mint_a`.
    pub amount_a: u64,
    /// Amount of `mint_b`.
    pub amount_b: u64,
}

/// Accounts of `add_liquidity`.
#[derive(Accounts)]
pub struct AddLiquidity<'info> {
    /// The pool's authority.
    pub authority: Signer<'info>,
    /// The pool.
    #[account(has_one = authority, has_one = mint_a, has_one = mint_b, has_one = vault_a, has_one = vault_b)]
    pub pool: Box<Account<'info, AmmPool>>,
    /// First mint.
    pub mint_a: Box<InterfaceAccount<'info, Mint>>,
    /// Second mint.
    pub mint_b: Box<InterfaceAccount<'info, Mint>>,
    /// Reserve of `mint_a`.
    #[account(mut)]
    pub vault_a: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Reserve of `mint_b`.
    #[account(mut)]
    pub vault_b: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The authority's `mint_a` account.
    #[account(mut)]
    pub source_a: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The authority's `mint_b` account.
    #[account(mut)]
    pub source_b: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Token program of both mints.
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> AddLiquidity<'info> {
    fn validate(&self, args: &AddLiquidityArgs) -> Result<()> {
        require!(args.amount_a > 0 && args.amount_b > 0, AmmError::ZeroAmount);
        Ok(())
    }

    fn deposit(
        &self,
        from: &InterfaceAccount<'info, TokenAccount>,
        mint: &InterfaceAccount<'info, Mint>,
        to: &InterfaceAccount<'info, TokenAccount>,
        amount: u64,
    ) -> Result<()> {
        let accounts = TransferChecked {
            from: from.to_account_info(),
            mint: mint.to_account_info(),
            to: to.to_account_info(),
            authority: self.authority.to_account_info(),
        };
        let ctx = CpiContext::new(self.token_program.key(), accounts);
        token_interface::transfer_checked(ctx, amount, mint.decimals)
    }

    /// Moves both amounts into the vaults.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn add_liquidity(ctx: Context<'_, Self>, args: AddLiquidityArgs) -> Result<()> {
        let a = &ctx.accounts;
        a.deposit(&a.source_a, &a.mint_a, &a.vault_a, args.amount_a)?;
        a.deposit(&a.source_b, &a.mint_b, &a.vault_b, args.amount_b)
    }
}
