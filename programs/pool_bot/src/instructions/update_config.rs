//! ADMIN changes what takes effect at once because it only protects or only describes: the
//! name, pause / unpause (withdrawals are never paused) and raising the time lock. Every other
//! setting changes through a queued governance change (`governance.rs`).
use crate::errors::PoolError;
use crate::events::ConfigUpdated;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `update_config`: `None` keeps the current value.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, Default)]
pub struct UpdateConfigArgs {
    /// Display name, 1 to 32 bytes.
    pub name: Option<String>,
    /// Block (true) or allow (false) deposits and trades.
    pub paused: Option<bool>,
    /// A longer time lock, in seconds (a shorter one is a queued change).
    pub time_lock: Option<i64>,
}

/// Accounts of `update_config`.
#[derive(Accounts)]
pub struct UpdateConfig<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// Its name, pause flag or time lock change.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
}

impl UpdateConfig<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Applies the given fields, then checks the pool's rules.
    #[access_control(ctx.accounts.validate())]
    pub fn update_config(ctx: Context<Self>, args: UpdateConfigArgs) -> Result<()> {
        let mut pool = ctx.accounts.pool.load_mut()?;
        if let Some(name) = &args.name {
            pool.name = encode_name(name)?;
        }
        if let Some(paused) = args.paused {
            pool.paused = paused as u8;
        }
        if let Some(time_lock) = args.time_lock {
            require!(time_lock >= pool.time_lock, PoolError::TimeLockLowered);
            pool.time_lock = time_lock;
        }
        pool.invariant()?;
        emit_config(
            &pool,
            ctx.accounts.pool.key(),
            ctx.accounts.admin.key(),
            Clock::get()?.unix_timestamp,
        );
        Ok(())
    }
}

/// The pool's configuration after a change, as an event.
pub fn emit_config(pool: &Pool, pool_key: Pubkey, by: Pubkey, now: i64) {
    emit!(ConfigUpdated {
        pool: pool_key,
        admin: by,
        max_members: pool.max_members,
        min_contribution: pool.min_contribution,
        insurance_bps: pool.insurance_bps,
        required_approvals: pool.required_approvals,
        require_lead_approval: pool.lead_required(),
        proposal_ttl: pool.proposal_ttl,
        claim_required_approvals: pool.claim_required_approvals,
        claim_require_lead: pool.claim_lead_required(),
        claim_ttl: pool.claim_ttl,
        time_lock: pool.time_lock,
        paused: pool.paused != 0,
        config_version: pool.config_version,
        unix_timestamp: now,
    });
}
