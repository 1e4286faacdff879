//! Swaps one mint of a pool for the other at the constant-product price, minus the fee.
use crate::errors::AmmError;
use crate::math::swap_output;
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

/// Arguments of `swap`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct SwapArgs {
    /// Amount of the input mint.
    pub amount_in: u64,
    /// Least output accepted.
    pub min_amount_out: u64,
}

/// Emitted for every swap.
#[event]
pub struct Swapped {
    /// The pool.
    pub pool: Pubkey,
    /// Who swapped.
    pub user: Pubkey,
    /// The input mint.
    pub mint_in: Pubkey,
    /// Amount in.
    pub amount_in: u64,
    /// Amount out.
    pub amount_out: u64,
}

/// Accounts of `swap`: the direction follows from which vault is `vault_in`.
#[derive(Accounts)]
pub struct Swap<'info> {
    /// Owner of the user's token accounts (a wallet, or a PDA signing by CPI).
    pub user: Signer<'info>,
    /// The pool.
    pub pool: Box<Account<'info, AmmPool>>,
    /// The user's input account.
    #[account(mut)]
    pub user_source: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The user's output account.
    #[account(mut)]
    pub user_destination: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The pool's reserve of the input mint.
    #[account(mut)]
    pub vault_in: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The pool's reserve of the output mint.
    #[account(mut)]
    pub vault_out: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The input mint.
    #[account(address = vault_in.mint @ AmmError::WrongVault)]
    pub mint_in: Box<InterfaceAccount<'info, Mint>>,
    /// The output mint.
    #[account(address = vault_out.mint @ AmmError::WrongVault)]
    pub mint_out: Box<InterfaceAccount<'info, Mint>>,
    /// Token program of both mints.
    pub token_program: Interface<'info, TokenInterface>,
}

impl Swap<'_> {
    fn validate(&self, args: &SwapArgs) -> Result<()> {
        require!(args.amount_in > 0, AmmError::ZeroAmount);
        let (vin, vout) = (self.vault_in.key(), self.vault_out.key());
        let pool = &self.pool;
        require!(
            (vin == pool.vault_a && vout == pool.vault_b)
                || (vin == pool.vault_b && vout == pool.vault_a),
            AmmError::WrongVault
        );
        Ok(())
    }

    /// Prices the swap, then moves the input in and the output out.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn swap(ctx: Context<Self>, args: SwapArgs) -> Result<()> {
        let a = &ctx.accounts;
        let out = swap_output(
            args.amount_in,
            a.vault_in.amount,
            a.vault_out.amount,
            a.pool.fee_bps,
        )?;
        require!(
            out > 0 && out < a.vault_out.amount,
            AmmError::InsufficientLiquidity
        );
        require!(out >= args.min_amount_out, AmmError::SlippageExceeded);

        let pay_in = TransferChecked {
            from: a.user_source.to_account_info(),
            mint: a.mint_in.to_account_info(),
            to: a.vault_in.to_account_info(),
            authority: a.user.to_account_info(),
        };
        token_interface::transfer_checked(
            CpiContext::new(a.token_program.key(), pay_in),
            args.amount_in,
            a.mint_in.decimals,
        )?;

        let pool = &a.pool;
        let id = pool.id.to_le_bytes();
        let seeds: &[&[u8]] = &[
            SEED_AMM_POOL,
            pool.mint_a.as_ref(),
            pool.mint_b.as_ref(),
            &id,
            &[pool.bump],
        ];
        let pay_out = TransferChecked {
            from: a.vault_out.to_account_info(),
            mint: a.mint_out.to_account_info(),
            to: a.user_destination.to_account_info(),
            authority: a.pool.to_account_info(),
        };
        token_interface::transfer_checked(
            CpiContext::new_with_signer(a.token_program.key(), pay_out, &[seeds]),
            out,
            a.mint_out.decimals,
        )?;
        emit!(Swapped {
            pool: a.pool.key(),
            user: a.user.key(),
            mint_in: a.mint_in.key(),
            amount_in: args.amount_in,
            amount_out: out,
        });
        Ok(())
    }
}
