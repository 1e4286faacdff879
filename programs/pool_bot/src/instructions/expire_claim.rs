//! Anyone marks a claim that ran out of time undecided Expired: the reserve stops holding its
//! amount back and the claimant may file again.
use crate::errors::PoolError;
use crate::events::ClaimExpired;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `expire_claim`.
#[derive(Accounts)]
pub struct ExpireClaim<'info> {
    /// Whose claim lifetime the claim was filed under (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// Moved to Expired (it must be pending and past its lifetime).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub claim: Account<'info, Claim>,
    /// The pool's insurance reserve.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Account<'info, InsuranceReserve>,
    /// The claimant's position (its open-claim mark is cleared).
    #[account(
        mut,
        seeds = [SEED_MEMBER, pool.key().as_ref(), claim.claimant.as_ref()],
        bump = position.bump
    )]
    pub position: Account<'info, MemberPosition>,
}

impl ExpireClaim<'_> {
    /// Marks the claim Expired and releases what it held back.
    pub fn expire_claim(ctx: Context<Self>) -> Result<()> {
        let a = ctx.accounts;
        let now = Clock::get()?.unix_timestamp;
        a.claim.expire(now)?;
        a.insurance.record_expired(a.claim.amount)?;
        a.insurance.invariant()?;
        let cooldown = a.pool.load()?.claim_ttl;
        a.position.record_claim_closed(0, now, cooldown)?;
        emit!(ClaimExpired {
            pool: a.pool.key(),
            claim: a.claim.key(),
            id: a.claim.id,
            amount: a.claim.amount,
            unix_timestamp: now,
        });
        Ok(())
    }
}
