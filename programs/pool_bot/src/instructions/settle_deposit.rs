//! Anyone settles the oldest deposit request once it is ready: it becomes shares at the share
//! price of that moment and the request's rent goes back to the depositor. Trades cannot
//! execute while a ready request waits (`Pool::require_deposits_settled`), so the price it
//! gets is the one it would have got had it been settled the moment it became ready.
use crate::errors::PoolError;
use crate::events::DepositSettled;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `settle_deposit`.
#[derive(Accounts)]
pub struct SettleDeposit<'info> {
    /// Whoever settles (a keeper, the member, anyone); pays only the fee.
    pub settler: Signer<'info>,
    /// Mints the request's shares at the current share value and advances the queue.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The oldest unsettled request.
    #[account(
        mut,
        close = depositor,
        has_one = pool @ PoolError::WrongPool,
        has_one = depositor @ PoolError::WrongRentReceiver,
        constraint = request.id == pool.load()?.deposit_queue_head @ PoolError::WrongDepositRequest
    )]
    pub request: Box<Account<'info, DepositRequest>>,
    /// The depositor (receives the request's rent).
    /// CHECK: only receives lamports; must be `request.depositor` (has_one above).
    #[account(mut)]
    pub depositor: UncheckedAccount<'info>,
    /// The depositor's position (receives the shares).
    #[account(
        mut,
        seeds = [SEED_MEMBER, pool.key().as_ref(), depositor.key().as_ref()],
        bump = position.bump
    )]
    pub position: Box<Account<'info, MemberPosition>>,
    /// The request after this one, required when one exists: its `ready_at` becomes the
    /// queue's.
    #[account(
        has_one = pool @ PoolError::WrongPool,
        constraint = next_request.id == request.id + 1 @ PoolError::WrongDepositRequest
    )]
    pub next_request: Option<Box<Account<'info, DepositRequest>>>,
}

impl SettleDeposit<'_> {
    fn validate(&self) -> Result<()> {
        require!(
            self.request.is_ready(Clock::get()?.unix_timestamp),
            PoolError::DepositNotReady
        );
        Ok(())
    }

    /// Mints the request's shares at the current price (rounded down).
    #[access_control(ctx.accounts.validate())]
    pub fn settle_deposit(ctx: Context<Self>) -> Result<()> {
        let amount = ctx.accounts.request.amount;
        let next_ready_at = ctx.accounts.next_request.as_ref().map(|r| r.ready_at);
        let mut pool = ctx.accounts.pool.load_mut()?;
        let shares = pool.shares_for_deposit(amount)?;
        pool.record_deposit_settled(amount, shares, next_ready_at)?;
        let left = ctx
            .accounts
            .position
            .record_deposit_settled(amount, shares)?;
        if left {
            pool.record_member_left();
        }
        ctx.accounts.position.invariant()?;
        pool.invariant()?;

        emit!(DepositSettled {
            pool: ctx.accounts.pool.key(),
            request: ctx.accounts.request.key(),
            id: ctx.accounts.request.id,
            member: ctx.accounts.request.depositor,
            amount,
            shares,
            total_shares: pool.total_shares,
            total_assets: pool.total_assets,
            pending_deposits: pool.pending_deposits,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
