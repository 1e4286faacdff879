//! A governance change waiting out the pool's time lock. Everything that can move value or
//! power (validators and roles, both quorums, keepers, enabling a product, the insurance share,
//! the limits, lowering the time lock) is queued here first, visible on chain with the moment
//! it may apply, so members can withdraw before it does; any ADMIN may cancel it meanwhile.
//! Changes that only protect (pause, disabling a product, removing a keeper, raising the time
//! lock) stay immediate.
use super::validator_set::Role;
use anchor_lang::prelude::*;

/// Configuration fields that change only through the time lock (`None` keeps the value).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, Default, PartialEq, Eq, InitSpace)]
pub struct ConfigChange {
    /// Most active members.
    pub max_members: Option<u32>,
    /// Smallest deposit.
    pub min_contribution: Option<u64>,
    /// Insurance share of each gain, in basis points.
    pub insurance_bps: Option<u16>,
    /// Trade approvals needed.
    pub required_approvals: Option<u8>,
    /// Whether one trade approval must come from a LEAD or ADMIN.
    pub require_lead_approval: Option<bool>,
    /// Seconds a proposal stays open.
    pub proposal_ttl: Option<i64>,
    /// Claim approvals needed.
    pub claim_required_approvals: Option<u8>,
    /// Whether one claim approval must come from a LEAD or ADMIN.
    pub claim_require_lead_approval: Option<bool>,
    /// Seconds a claim stays open.
    pub claim_ttl: Option<i64>,
    /// A shorter time lock (raising it is immediate, through `update_config`).
    pub time_lock: Option<i64>,
}

/// What a queued change does when applied.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq, InitSpace)]
pub enum GovernanceChange {
    /// Adds a validator.
    AddValidator {
        /// Its wallet.
        validator: Pubkey,
        /// Its role.
        role: Role,
    },
    /// Removes a validator.
    RemoveValidator {
        /// Its wallet.
        validator: Pubkey,
    },
    /// Changes a validator's role.
    SetValidatorRole {
        /// Its wallet.
        validator: Pubkey,
        /// The new role.
        role: Role,
    },
    /// Authorises a keeper.
    AddKeeper {
        /// Its wallet.
        keeper: Pubkey,
    },
    /// Enables a product (products are registered disabled).
    EnableProduct {
        /// The product account.
        product: Pubkey,
    },
    /// Changes configuration fields.
    Config(ConfigChange),
}

/// PDA `[SEED_CHANGE, pool, id]`; closed (rent to the proposer) when applied or cancelled.
#[account]
#[derive(InitSpace, Debug)]
pub struct PendingChange {
    /// The pool this account belongs to (checked with `has_one = pool`).
    pub pool: Pubkey,
    /// Sequential id within the pool.
    pub id: u64,
    /// The ADMIN who queued it (gets the rent back).
    pub proposer: Pubkey,
    /// What it does.
    pub change: GovernanceChange,
    /// Unix time queued.
    pub queued_at: i64,
    /// Unix time from which anyone may apply it.
    pub eta: i64,
    /// Bump of this PDA.
    pub bump: u8,
}

impl PendingChange {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + PendingChange::INIT_SPACE;

    /// Whether it may be applied at `now`.
    pub fn is_due(&self, now: i64) -> bool {
        now >= self.eta
    }
}
