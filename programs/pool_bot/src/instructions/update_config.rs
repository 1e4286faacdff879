//! ADMIN changes the pool's configuration (any subset of fields), including pause / unpause.
//! A quorum change or an `insurance_bps` change makes every pending and approved proposal stale
//! (they were approved under the old split) and restarts votes on open claims.
use crate::errors::PoolError;
use crate::events::ConfigUpdated;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `update_config`: `None` keeps the current value.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, Default)]
pub struct UpdateConfigArgs {
    /// Display name, 1 to 32 bytes.
    pub name: Option<String>,
    /// Most active members (not below the current count).
    pub max_members: Option<u32>,
    /// Smallest deposit.
    pub min_contribution: Option<u64>,
    /// Insurance share of each gain, in basis points.
    pub insurance_bps: Option<u16>,
    /// Trade approvals needed.
    pub required_approvals: Option<u8>,
    /// Whether one approval must come from a LEAD or ADMIN.
    pub require_lead_approval: Option<bool>,
    /// Seconds a proposal stays open.
    pub proposal_ttl: Option<i64>,
    /// Claim approvals needed.
    pub claim_required_approvals: Option<u8>,
    /// Whether one claim approval must come from a LEAD or ADMIN.
    pub claim_require_lead_approval: Option<bool>,
    /// Seconds a claim stays open for votes.
    pub claim_ttl: Option<i64>,
    /// Block (true) or allow (false) deposits and trades.
    pub paused: Option<bool>,
}

/// Accounts of `update_config`.
#[derive(Accounts)]
pub struct UpdateConfig<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// The pool.
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

    /// Applies the given fields, then checks the pool's and the validator set's rules.
    #[access_control(ctx.accounts.validate())]
    pub fn update_config(ctx: Context<Self>, args: UpdateConfigArgs) -> Result<()> {
        let mut pool = ctx.accounts.pool.load_mut()?;
        let old_rules = pool.vote_terms();
        if let Some(name) = &args.name {
            pool.name = encode_name(name)?;
        }
        if let Some(max_members) = args.max_members {
            pool.max_members = max_members;
        }
        if let Some(min_contribution) = args.min_contribution {
            pool.min_contribution = min_contribution;
        }
        if let Some(insurance_bps) = args.insurance_bps {
            pool.insurance_bps = insurance_bps;
        }
        if let Some(ttl) = args.proposal_ttl {
            pool.proposal_ttl = ttl;
        }
        if let Some(ttl) = args.claim_ttl {
            pool.claim_ttl = ttl;
        }
        if let Some(paused) = args.paused {
            pool.paused = paused as u8;
        }
        if let Some(required) = args.required_approvals {
            pool.required_approvals = required;
        }
        if let Some(lead) = args.require_lead_approval {
            pool.require_lead_approval = lead as u8;
        }
        if let Some(required) = args.claim_required_approvals {
            pool.claim_required_approvals = required;
        }
        if let Some(lead) = args.claim_require_lead_approval {
            pool.claim_require_lead = lead as u8;
        }
        // what approved proposals and open claims were voted under: a change makes them stale
        if old_rules != pool.vote_terms() {
            pool.bump_config_version()?;
        }
        pool.invariant()?;
        ctx.accounts.validator_set.load()?.invariant(&pool)?;

        emit!(ConfigUpdated {
            pool: ctx.accounts.pool.key(),
            admin: ctx.accounts.admin.key(),
            max_members: pool.max_members,
            min_contribution: pool.min_contribution,
            insurance_bps: pool.insurance_bps,
            required_approvals: pool.required_approvals,
            require_lead_approval: pool.lead_required(),
            proposal_ttl: pool.proposal_ttl,
            claim_required_approvals: pool.claim_required_approvals,
            claim_require_lead: pool.claim_lead_required(),
            claim_ttl: pool.claim_ttl,
            paused: pool.paused != 0,
            config_version: pool.config_version,
        });
        Ok(())
    }
}
