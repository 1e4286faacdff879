//! A member deposits the pool's asset and receives shares at once at the current share price
//! (rounded down), allowed only while no trade proposal can execute: otherwise the new shares
//! would share in profit earned before they existed (use `request_deposit`). The first deposit
//! creates the member's position.
use crate::errors::PoolError;
use crate::events::Deposited;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `deposit`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DepositArgs {
    /// Amount, in base units (at least the pool's `min_contribution`).
    pub amount: u64,
    /// Least shares the member accepts (slippage bound).
    pub min_shares_out: u64,
}

/// Accounts of `deposit`.
#[derive(Accounts)]
pub struct Deposit<'info> {
    /// The member; pays for the position on the first deposit.
    #[account(mut)]
    pub member: Signer<'info>,
    /// Mints the shares at the current share value; refuses while a proposal is live.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The member's position (created on the first deposit).
    #[account(
        init_if_needed,
        payer = member,
        space = MemberPosition::SPACE,
        seeds = [SEED_MEMBER, pool.key().as_ref(), member.key().as_ref()],
        bump
    )]
    pub position: Account<'info, MemberPosition>,
    /// The member's token account.
    #[account(mut, constraint = member_token.mint == mint.key() @ PoolError::WrongMint)]
    pub member_token: InterfaceAccount<'info, TokenAccount>,
    /// The pool's vault.
    #[account(mut, address = pool.load()?.vault @ PoolError::WrongVault)]
    pub vault: InterfaceAccount<'info, TokenAccount>,
    /// The pool's asset mint.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: InterfaceAccount<'info, Mint>,
    /// The mint's token program.
    pub token_program: Interface<'info, TokenInterface>,
    /// System program (creates the position).
    pub system_program: Program<'info, System>,
}

impl Deposit<'_> {
    fn validate(&self, args: &DepositArgs) -> Result<()> {
        let pool = self.pool.load()?;
        pool.require_deposit_amount(args.amount)?;
        pool.require_no_live_proposals(Clock::get()?.unix_timestamp)
    }

    /// Mints shares for the deposit and moves the tokens into the vault.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn deposit(ctx: Context<Self>, args: DepositArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let shares = ctx.accounts.pool.load()?.shares_for_deposit(args.amount)?;
        require!(shares > 0, PoolError::ZeroShares);
        require!(shares >= args.min_shares_out, PoolError::SlippageSharesOut);

        let a = &ctx.accounts;
        token::transfer(
            &a.token_program,
            a.mint.to_account_info(),
            a.mint.decimals,
            a.member_token.to_account_info(),
            a.vault.to_account_info(),
            a.member.to_account_info(),
            args.amount,
            &[],
        )?;

        let pool_key = ctx.accounts.pool.key();
        let member = ctx.accounts.member.key();
        let position = &mut ctx.accounts.position;
        let is_new = position.open_if_new(pool_key, member, now, ctx.bumps.position);
        let joined = position.record_deposit(args.amount, shares, now)?;
        position.invariant()?;

        let mut pool = ctx.accounts.pool.load_mut()?;
        if joined {
            pool.record_member_joined(!is_new)?;
        }
        pool.record_deposit(args.amount, shares)?;
        pool.invariant()?;
        emit!(Deposited {
            pool: pool_key,
            member,
            amount: args.amount,
            shares,
            total_shares: pool.total_shares,
            total_assets: pool.total_assets,
            unix_timestamp: now,
        });
        Ok(())
    }
}
