//! Anyone marks a pending or approved proposal Expired once it ran out of time or went stale.
use crate::errors::PoolError;
use crate::events::ProposalExpired;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `expire_proposal`.
#[derive(Accounts)]
pub struct ExpireProposal<'info> {
    /// Its config version tells a stale proposal; counts the expiry.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// Moved to Expired (it must be past its lifetime or stale).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub proposal: AccountLoader<'info, TradeProposal>,
}

impl ExpireProposal<'_> {
    fn validate(&self) -> Result<()> {
        let proposal = self.proposal.load()?;
        require!(!proposal.is_finished(), PoolError::ProposalFinished);
        let now = Clock::get()?.unix_timestamp;
        require!(
            now >= proposal.expires_at || proposal.is_stale(self.pool.load()?.config_version),
            PoolError::ProposalStillLive
        );
        Ok(())
    }

    /// Moves the proposal to Expired and counts it.
    #[access_control(ctx.accounts.validate())]
    pub fn expire_proposal(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let mut pool = ctx.accounts.pool.load_mut()?;
        let mut proposal = ctx.accounts.proposal.load_mut()?;
        let stale = proposal.is_stale(pool.config_version) && now < proposal.expires_at;
        proposal.set_status(ProposalStatus::Expired, now);
        pool.record_trade_expired()?;
        pool.invariant()?;
        emit!(ProposalExpired {
            pool: ctx.accounts.pool.key(),
            proposal: ctx.accounts.proposal.key(),
            stale,
            unix_timestamp: now,
        });
        Ok(())
    }
}
