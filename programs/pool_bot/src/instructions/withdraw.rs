//! A member withdraws at the current share price: by shares (amount rounded down) or by amount
//! (shares burned rounded up). Never blocked by pause. What remains is either nothing or worth
//! at least `min_contribution`, so a member slot (`max_members`) always costs real capital.
use crate::errors::PoolError;
use crate::events::Withdrew;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// What the member asks for.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithdrawRequest {
    /// Burn exactly this many shares (all of them to exit).
    Shares(u64),
    /// Receive exactly this amount.
    Amount(u64),
}

/// Arguments of `withdraw`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct WithdrawArgs {
    /// Shares to burn or amount to receive.
    pub request: WithdrawRequest,
    /// Least amount the member accepts (slippage bound).
    pub min_amount_out: u64,
}

/// Accounts of `withdraw`.
#[derive(Accounts)]
pub struct Withdraw<'info> {
    /// The member.
    pub member: Signer<'info>,
    /// Burns the shares and pays at the current share value.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The member's position.
    #[account(
        mut,
        has_one = pool @ PoolError::WrongPool,
        constraint = position.owner == member.key() @ PoolError::NotMember
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
}

impl Withdraw<'_> {
    /// Burns shares, pays the member from the vault (the pool PDA signs).
    pub fn withdraw(ctx: Context<Self>, args: WithdrawArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let held = ctx.accounts.position.shares;
        let (creator, asset_mint, bump, shares, amount) = {
            let pool = ctx.accounts.pool.load()?;
            let (shares, amount) = match args.request {
                WithdrawRequest::Shares(shares) => (shares, pool.assets_for_shares(shares)?),
                WithdrawRequest::Amount(amount) => {
                    (pool.shares_to_burn_for_assets(amount)?, amount)
                }
            };
            require!(shares > 0 && amount > 0, PoolError::ZeroAmount);
            require!(shares <= held, PoolError::InsufficientShares);
            let left_behind = pool.assets_for_shares(held - shares)?;
            require!(
                held == shares || left_behind >= pool.min_contribution,
                PoolError::WithdrawalLeavesDust
            );
            (pool.creator, pool.asset_mint, pool.bump, shares, amount)
        };
        require!(amount >= args.min_amount_out, PoolError::SlippageAmountOut);

        let a = &ctx.accounts;
        let seeds: &[&[u8]] = &[SEED_POOL, creator.as_ref(), asset_mint.as_ref(), &[bump]];
        token::transfer(
            &a.token_program,
            a.mint.to_account_info(),
            a.mint.decimals,
            a.vault.to_account_info(),
            a.member_token.to_account_info(),
            a.pool.to_account_info(),
            amount,
            &[seeds],
        )?;

        let exited = ctx
            .accounts
            .position
            .record_withdrawal(amount, shares, now)?;
        ctx.accounts.position.invariant()?;
        let mut pool = ctx.accounts.pool.load_mut()?;
        if exited {
            pool.record_member_left();
        }
        pool.record_withdrawal(amount, shares)?;
        pool.invariant()?;
        emit!(Withdrew {
            pool: ctx.accounts.pool.key(),
            member: ctx.accounts.member.key(),
            amount,
            shares,
            total_shares: pool.total_shares,
            total_assets: pool.total_assets,
            exited,
            unix_timestamp: now,
        });
        Ok(())
    }
}
