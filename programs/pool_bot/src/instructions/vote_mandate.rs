//! A validator (any role) approves or rejects a pending mandate within its vote window, by the
//! same quorum and lead requirement as trades. The approving vote starts the pool's time lock;
//! from then until the mandate expires, deposits queue (`Pool::mandates_active_until`).
use crate::errors::PoolError;
use crate::events::{MandateRevoked, MandateVoted};
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `reject_mandate`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RejectMandateArgs {
    /// Why (at most 200 bytes; recorded in the event).
    pub reason: String,
}

/// Accounts of `approve_mandate` and `reject_mandate`.
#[derive(Accounts)]
pub struct VoteMandate<'info> {
    /// A validator of the pool.
    pub validator: Signer<'info>,
    /// Its quorum, config version and time lock decide the vote; notes an approved mandate's
    /// expiry (deposits queue until then).
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (records the voter's activity).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Receives the vote; must be pending, within its vote window and current.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub mandate: AccountLoader<'info, Mandate>,
}

impl VoteMandate<'_> {
    fn vote(&self, approve: bool, reason: String) -> Result<()> {
        let clock = Clock::get()?;
        let mut set = self.validator_set.load_mut()?;
        let slot = set.require_role(&self.validator.key(), Role::Junior)?;
        let mut pool = self.pool.load_mut()?;
        let mut mandate = self.mandate.load_mut()?;
        mandate.require_votable(clock.unix_timestamp, pool.config_version)?;
        let quorum = set.trade_quorum(pool.required_approvals, pool.lead_required());
        let status = mandate.vote(&quorum, slot, approve, clock.unix_timestamp, pool.time_lock)?;
        set.record_trade_vote(slot, approve, clock.slot);
        if status == MandateStatus::Approved {
            pool.record_mandate_approved(mandate.expires_at);
        }
        pool.invariant()?;
        mandate.invariant()?;
        emit!(MandateVoted {
            pool: self.pool.key(),
            mandate: self.mandate.key(),
            validator: self.validator.key(),
            approve,
            reason,
            approvals: mandate.approvals.count_ones() as u8,
            rejections: mandate.rejections.count_ones() as u8,
            status,
            active_from: mandate.active_from,
            expires_at: mandate.expires_at,
            unix_timestamp: clock.unix_timestamp,
        });
        Ok(())
    }

    /// Approves the mandate.
    pub fn approve_mandate(ctx: Context<Self>) -> Result<()> {
        ctx.accounts.vote(true, String::new())
    }

    /// Rejects the mandate, with a reason.
    pub fn reject_mandate(ctx: Context<Self>, args: RejectMandateArgs) -> Result<()> {
        check_reason(&args.reason)?;
        ctx.accounts.vote(false, args.reason)
    }
}

/// Accounts of `revoke_mandate`.
#[derive(Accounts)]
pub struct RevokeMandate<'info> {
    /// A LEAD or ADMIN validator.
    pub validator: Signer<'info>,
    /// Whose mandate it is (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// Names the signer's role (read only).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Revoked at once: no execution under it lands after this.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub mandate: AccountLoader<'info, Mandate>,
}

impl RevokeMandate<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.validator.key(), Role::Lead)?;
        Ok(())
    }

    /// Revokes the mandate (revoking only protects, so one LEAD or ADMIN suffices).
    #[access_control(ctx.accounts.validate())]
    pub fn revoke_mandate(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.mandate.load_mut()?.revoke(now)?;
        emit!(MandateRevoked {
            pool: ctx.accounts.pool.key(),
            mandate: ctx.accounts.mandate.key(),
            by: ctx.accounts.validator.key(),
            unix_timestamp: now,
        });
        Ok(())
    }
}
