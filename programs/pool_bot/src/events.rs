//! The audit trail: one event per state change, emitted with `emit!` (a `Program data:` log).
//! Events carry the totals after the change so a client can chart them without replaying;
//! `pool` is always the pool's address and `unix_timestamp` the time of the change.
use crate::state::{
    ClaimStatus, GovernanceChange, MandateStatus, ProductCategory, ProposalStatus, Role,
};
use anchor_lang::prelude::*;

/// A pool was created.
#[event]
pub struct PoolInitialized {
    pub pool: Pubkey,
    /// Its creator and first ADMIN.
    pub creator: Pubkey,
    /// The asset mint.
    pub asset_mint: Pubkey,
    /// The name.
    pub name: String,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// The configuration changed (values after the change).
#[event]
pub struct ConfigUpdated {
    pub pool: Pubkey,
    /// The ADMIN who changed it.
    pub admin: Pubkey,
    /// Maximum active members.
    pub max_members: u32,
    /// Minimum deposit.
    pub min_contribution: u64,
    /// Insurance share in basis points.
    pub insurance_bps: u16,
    /// Approvals needed.
    pub required_approvals: u8,
    /// Whether a LEAD or ADMIN approval is needed.
    pub require_lead_approval: bool,
    /// Proposal lifetime, seconds.
    pub proposal_ttl: i64,
    /// Claim approvals needed.
    pub claim_required_approvals: u8,
    /// Whether a LEAD or ADMIN claim approval is needed.
    pub claim_require_lead: bool,
    /// Claim lifetime, seconds.
    pub claim_ttl: i64,
    /// Governance time lock, seconds.
    pub time_lock: i64,
    /// Whether deposits and trades are blocked.
    pub paused: bool,
    /// Config version (bumped when the quorum changed).
    pub config_version: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A governance change was queued; it may apply from `eta`.
#[event]
pub struct ChangeQueued {
    pub pool: Pubkey,
    /// The pending change account.
    pub account: Pubkey,
    /// Its id.
    pub id: u64,
    /// The ADMIN who queued it.
    pub proposer: Pubkey,
    /// What it does.
    pub change: GovernanceChange,
    /// Unix time from which anyone may apply it.
    pub eta: i64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A queued governance change was applied or cancelled (its account is closed).
#[event]
pub struct ChangeFinished {
    pub pool: Pubkey,
    /// The pending change account.
    pub account: Pubkey,
    /// Its id.
    pub id: u64,
    /// Who applied or cancelled it.
    pub by: Pubkey,
    /// True when applied, false when cancelled.
    pub applied: bool,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A validator joined, left or changed role.
#[event]
pub struct ValidatorChanged {
    pub pool: Pubkey,
    /// The ADMIN who made the change.
    pub admin: Pubkey,
    /// The validator.
    pub validator: Pubkey,
    /// Role before (None when added).
    pub old_role: Option<Role>,
    /// Role after (None when removed).
    pub new_role: Option<Role>,
    /// Config version after the change.
    pub config_version: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A keeper was authorised or de-authorised.
#[event]
pub struct KeeperChanged {
    pub pool: Pubkey,
    /// The ADMIN who made the change.
    pub admin: Pubkey,
    /// The keeper.
    pub keeper: Pubkey,
    /// True when added, false when removed.
    pub authorised: bool,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A product was registered.
#[event]
pub struct ProductRegistered {
    pub pool: Pubkey,
    /// The product account.
    pub product: Pubkey,
    /// Its id.
    pub id: u64,
    /// Its name.
    pub name: String,
    /// Its category.
    pub category: ProductCategory,
    /// Programs its leg rules name.
    pub programs: Vec<Pubkey>,
    /// Markets its legs may trade on (empty = any).
    pub markets: Vec<Pubkey>,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A product was enabled or disabled.
#[event]
pub struct ProductToggled {
    pub pool: Pubkey,
    /// The product account.
    pub product: Pubkey,
    /// State after the change.
    pub enabled: bool,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// Someone funded the insurance reserve directly.
#[event]
pub struct InsuranceFunded {
    pub pool: Pubkey,
    /// Who paid.
    pub funder: Pubkey,
    /// Amount.
    pub amount: u64,
    /// Reserve balance after.
    pub reserve_balance: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A member deposited.
#[event]
pub struct Deposited {
    pub pool: Pubkey,
    /// The member.
    pub member: Pubkey,
    /// Amount deposited.
    pub amount: u64,
    /// Shares minted.
    pub shares: u64,
    /// Pool total shares after.
    pub total_shares: u64,
    /// Pool total assets after.
    pub total_assets: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A member's deposit was queued until the proposals live now have ended.
#[event]
pub struct DepositRequested {
    pub pool: Pubkey,
    /// The request account.
    pub request: Pubkey,
    /// Its id.
    pub id: u64,
    /// The member.
    pub member: Pubkey,
    /// Amount moved into the vault.
    pub amount: u64,
    /// Unix time from which it can be settled.
    pub ready_at: i64,
    /// Pool pending deposits after.
    pub pending_deposits: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A deposit request became shares.
#[event]
pub struct DepositSettled {
    pub pool: Pubkey,
    /// The (now closed) request account.
    pub request: Pubkey,
    /// Its id.
    pub id: u64,
    /// The member.
    pub member: Pubkey,
    /// Amount settled.
    pub amount: u64,
    /// Shares minted.
    pub shares: u64,
    /// Pool total shares after.
    pub total_shares: u64,
    /// Pool total assets after.
    pub total_assets: u64,
    /// Pool pending deposits after.
    pub pending_deposits: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A member withdrew.
#[event]
pub struct Withdrew {
    pub pool: Pubkey,
    /// The member.
    pub member: Pubkey,
    /// Amount paid.
    pub amount: u64,
    /// Shares burned.
    pub shares: u64,
    /// Pool total shares after.
    pub total_shares: u64,
    /// Pool total assets after.
    pub total_assets: u64,
    /// Whether the member now holds nothing.
    pub exited: bool,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A keeper proposed a trade.
#[event]
pub struct TradeProposed {
    pub pool: Pubkey,
    /// The proposal account.
    pub proposal: Pubkey,
    /// Its id.
    pub id: u64,
    /// The keeper.
    pub proposer: Pubkey,
    /// The product.
    pub product: Pubkey,
    /// SHA-256 of the stored route.
    pub route_hash: [u8; 32],
    /// Legs in the route.
    pub leg_count: u8,
    /// Amount in.
    pub amount_in: u64,
    /// Expected gain.
    pub expected_profit: u64,
    /// Least acceptable gain.
    pub min_profit: u64,
    /// Expiry, unix time.
    pub expires_at: i64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A validator voted on a trade.
#[event]
pub struct TradeVoted {
    pub pool: Pubkey,
    /// The proposal account.
    pub proposal: Pubkey,
    /// The validator.
    pub validator: Pubkey,
    /// Approve (true) or reject.
    pub approve: bool,
    /// The rejection reason (empty for approvals).
    pub reason: String,
    /// Approvals so far.
    pub approvals: u8,
    /// Rejections so far.
    pub rejections: u8,
    /// Status after the vote.
    pub status: ProposalStatus,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A proposal expired or went stale.
#[event]
pub struct ProposalExpired {
    pub pool: Pubkey,
    /// The proposal account.
    pub proposal: Pubkey,
    /// True when it went stale rather than ran out of time.
    pub stale: bool,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// An approved trade ran and its gain was distributed.
#[event]
pub struct TradeExecuted {
    pub pool: Pubkey,
    /// The proposal account.
    pub proposal: Pubkey,
    /// Who executed it.
    pub executor: Pubkey,
    /// Vault gain measured on chain.
    pub gain: u64,
    /// Part sent to the insurance reserve.
    pub insurance: u64,
    /// Part booked to members.
    pub member_profit: u64,
    /// Pool total shares after.
    pub total_shares: u64,
    /// Pool total assets after.
    pub total_assets: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// An undecided claim ran out of time.
#[event]
pub struct ClaimExpired {
    pub pool: Pubkey,
    /// The claim account.
    pub claim: Pubkey,
    /// Its id.
    pub id: u64,
    /// Amount it had asked for (no longer reserved).
    pub amount: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A finished proposal's, claim's or mandate's account was closed and its rent returned.
#[event]
pub struct AccountClosed {
    pub pool: Pubkey,
    /// The closed account.
    pub account: Pubkey,
    /// Who received the rent.
    pub rent_to: Pubkey,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A member filed an insurance claim.
#[event]
pub struct ClaimFiled {
    pub pool: Pubkey,
    /// The claim account.
    pub claim: Pubkey,
    /// Its id.
    pub id: u64,
    /// The member.
    pub claimant: Pubkey,
    /// Amount.
    pub amount: u64,
    /// Reason.
    pub reason: String,
    /// Related proposal id.
    pub proposal_id: Option<u64>,
    /// Unix time from which it can no longer be voted on.
    pub expires_at: i64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A validator voted on a claim.
#[event]
pub struct ClaimVoted {
    pub pool: Pubkey,
    /// The claim account.
    pub claim: Pubkey,
    /// The validator.
    pub validator: Pubkey,
    /// Approve (true) or deny.
    pub approve: bool,
    /// The denial reason (empty for approvals).
    pub reason: String,
    /// Status after the vote.
    pub status: ClaimStatus,
    /// Amount paid by this vote (0 unless it paid the claim).
    pub paid: u64,
    /// Reserve balance after.
    pub reserve_balance: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A keeper or ADMIN proposed a mandate (its terms, for validators to review).
#[event]
pub struct MandateProposed {
    pub pool: Pubkey,
    /// The mandate account.
    pub mandate: Pubkey,
    /// Its id.
    pub id: u64,
    /// Who proposed it.
    pub proposer: Pubkey,
    /// The product whose leg rules its routes obey.
    pub product: Pubkey,
    /// Markets its routes may trade.
    pub markets: Vec<Pubkey>,
    /// Largest `amount_in` of one execution.
    pub max_amount_in: u64,
    /// Least gain of one execution, in base units.
    pub min_profit: u64,
    /// Least gain of one execution, in basis points of `amount_in`.
    pub min_profit_bps: u16,
    /// Seconds in one budget period.
    pub period: i64,
    /// Most executions per period.
    pub max_trades_per_period: u32,
    /// Most `amount_in` per period.
    pub max_notional_per_period: u64,
    /// Seconds it stands once active.
    pub duration: i64,
    /// Unix time votes close.
    pub vote_expires_at: i64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A validator voted on a mandate.
#[event]
pub struct MandateVoted {
    pub pool: Pubkey,
    /// The mandate account.
    pub mandate: Pubkey,
    /// The validator.
    pub validator: Pubkey,
    /// Approve (true) or reject.
    pub approve: bool,
    /// The rejection reason (empty for approvals).
    pub reason: String,
    /// Approvals so far.
    pub approvals: u8,
    /// Rejections so far.
    pub rejections: u8,
    /// Status after the vote.
    pub status: MandateStatus,
    /// Unix time of its first permitted use (set when approved).
    pub active_from: i64,
    /// Unix time it stops (set when approved).
    pub expires_at: i64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A LEAD or ADMIN revoked a mandate.
#[event]
pub struct MandateRevoked {
    pub pool: Pubkey,
    /// The mandate account.
    pub mandate: Pubkey,
    /// Who revoked it.
    pub by: Pubkey,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}

/// A keeper ran a route under a mandate (totals after it).
#[event]
pub struct MandateExecuted {
    pub pool: Pubkey,
    /// The mandate account.
    pub mandate: Pubkey,
    /// The keeper.
    pub executor: Pubkey,
    /// Vault amount the route put in.
    pub amount_in: u64,
    /// Vault gain.
    pub gain: u64,
    /// Of which went to the insurance reserve.
    pub insurance: u64,
    /// Of which stayed with the members.
    pub member_profit: u64,
    /// Executions in the mandate's current period.
    pub trades_in_period: u32,
    /// `amount_in` used in the current period.
    pub notional_in_period: u64,
    /// Shares outstanding.
    pub total_shares: u64,
    /// Members' assets.
    pub total_assets: u64,
    /// Unix time of the change (the cluster clock of the slot it landed in).
    pub unix_timestamp: i64,
}
