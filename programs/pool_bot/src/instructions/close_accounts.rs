//! Anyone closes a finished proposal, claim or mandate; the rent goes back to whoever paid it
//! (the proposing keeper or ADMIN, the claimant). The events remain as the audit trail.
use crate::errors::PoolError;
use crate::events::AccountClosed;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `close_proposal`.
#[derive(Accounts)]
pub struct CloseProposal<'info> {
    /// Whose proposal it was (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// An executed, rejected or expired proposal.
    #[account(
        mut,
        close = proposer,
        has_one = pool @ PoolError::WrongPool,
        has_one = proposer @ PoolError::WrongRentReceiver
    )]
    pub proposal: AccountLoader<'info, TradeProposal>,
    /// The keeper who paid for it.
    /// CHECK: only receives lamports; bound to the proposal by `has_one`.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
}

impl CloseProposal<'_> {
    fn validate(&self) -> Result<()> {
        require!(
            self.proposal.load()?.is_finished(),
            PoolError::ProposalNotFinished
        );
        Ok(())
    }

    /// Closes the proposal.
    #[access_control(ctx.accounts.validate())]
    pub fn close_proposal(ctx: Context<Self>) -> Result<()> {
        emit!(AccountClosed {
            pool: ctx.accounts.pool.key(),
            account: ctx.accounts.proposal.key(),
            rent_to: ctx.accounts.proposer.key(),
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}

/// Accounts of `close_claim`.
#[derive(Accounts)]
pub struct CloseClaim<'info> {
    /// Whose claim it was (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// A paid or denied claim.
    #[account(
        mut,
        close = claimant,
        has_one = pool @ PoolError::WrongPool,
        has_one = claimant @ PoolError::WrongRentReceiver
    )]
    pub claim: Account<'info, Claim>,
    /// The member who filed it.
    /// CHECK: only receives lamports; bound to the claim by `has_one`.
    #[account(mut)]
    pub claimant: UncheckedAccount<'info>,
}

impl CloseClaim<'_> {
    fn validate(&self) -> Result<()> {
        require!(
            self.claim.status != ClaimStatus::Pending,
            PoolError::ClaimNotFinished
        );
        Ok(())
    }

    /// Closes the claim.
    #[access_control(ctx.accounts.validate())]
    pub fn close_claim(ctx: Context<Self>) -> Result<()> {
        emit!(AccountClosed {
            pool: ctx.accounts.pool.key(),
            account: ctx.accounts.claim.key(),
            rent_to: ctx.accounts.claimant.key(),
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}

/// Accounts of `close_mandate`.
#[derive(Accounts)]
pub struct CloseMandate<'info> {
    /// Its clock and config version decide whether the mandate is finished (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// A rejected, revoked, expired or stale mandate.
    #[account(
        mut,
        close = proposer,
        has_one = pool @ PoolError::WrongPool,
        has_one = proposer @ PoolError::WrongRentReceiver
    )]
    pub mandate: AccountLoader<'info, Mandate>,
    /// The keeper or ADMIN who paid for it.
    /// CHECK: only receives lamports; bound to the mandate by `has_one`.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
}

impl CloseMandate<'_> {
    /// Closes the mandate.
    pub fn close_mandate(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let version = ctx.accounts.pool.load()?.config_version;
        require!(
            ctx.accounts
                .mandate
                .load()?
                .standing(now, version)
                .is_finished(),
            PoolError::MandateNotFinished
        );
        emit!(AccountClosed {
            pool: ctx.accounts.pool.key(),
            account: ctx.accounts.mandate.key(),
            rent_to: ctx.accounts.proposer.key(),
            unix_timestamp: now,
        });
        Ok(())
    }
}
