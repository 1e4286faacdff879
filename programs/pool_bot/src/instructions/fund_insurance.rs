//! Anyone adds tokens to the insurance reserve (the seed's `initial_reserve`).
use crate::errors::PoolError;
use crate::events::InsuranceFunded;
use crate::math::add;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `fund_insurance`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct FundInsuranceArgs {
    /// Amount, in base units.
    pub amount: u64,
}

/// Accounts of `fund_insurance`.
#[derive(Accounts)]
pub struct FundInsurance<'info> {
    /// Who pays.
    pub funder: Signer<'info>,
    /// Names the asset mint the donation must be in.
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's insurance reserve.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Account<'info, InsuranceReserve>,
    /// The reserve's token account.
    #[account(mut, address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: InterfaceAccount<'info, TokenAccount>,
    /// The funder's token account.
    #[account(mut, constraint = funder_token.mint == mint.key() @ PoolError::WrongMint)]
    pub funder_token: InterfaceAccount<'info, TokenAccount>,
    /// The pool's asset mint.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: InterfaceAccount<'info, Mint>,
    /// The mint's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl FundInsurance<'_> {
    fn validate(&self, args: &FundInsuranceArgs) -> Result<()> {
        require!(args.amount > 0, PoolError::ZeroAmount);
        Ok(())
    }

    /// Moves the tokens and books the funding.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn fund_insurance(ctx: Context<Self>, args: FundInsuranceArgs) -> Result<()> {
        let a = &ctx.accounts;
        token::transfer(
            &a.token_program,
            a.mint.to_account_info(),
            a.mint.decimals,
            a.funder_token.to_account_info(),
            a.insurance_vault.to_account_info(),
            a.funder.to_account_info(),
            args.amount,
            &[],
        )?;
        let insurance = &mut ctx.accounts.insurance;
        insurance.record_funding(args.amount)?;
        insurance.invariant()?;
        emit!(InsuranceFunded {
            pool: ctx.accounts.pool.key(),
            funder: ctx.accounts.funder.key(),
            amount: args.amount,
            reserve_balance: add(ctx.accounts.insurance_vault.amount, args.amount)?,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
