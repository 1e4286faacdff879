//! The pool: configuration, share accounting and trade counters. Zero-copy, so the hot
//! instructions (deposit, withdraw, vote, execute) pay no deserialisation for it.
use super::pending_change::ConfigChange;
use super::text::{decode_name, MAX_NAME_LEN};
use super::trade_proposal::ProposalStatus;
use crate::errors::PoolError;
use crate::math::{self, add, sub, BPS_DENOMINATOR};
use anchor_lang::prelude::*;

/// Longest a proposal may stay open (also the longest a deposit request waits): 7 days.
pub const MAX_PROPOSAL_TTL: i64 = 7 * 86_400;
/// Longest a claim may stay open: 90 days.
pub const MAX_CLAIM_TTL: i64 = 90 * 86_400;
/// Longest time lock: 90 days.
pub const MAX_TIME_LOCK: i64 = 90 * 86_400;

/// One trading pool. PDA `[SEED_POOL, creator, asset_mint]`; it is also the authority of the
/// vault and signs every route leg.
#[account(zero_copy)]
pub struct Pool {
    /// Who created the pool (its first ADMIN validator); part of the PDA seeds.
    pub creator: Pubkey,
    /// The SPL token members deposit (e.g. USDC).
    pub asset_mint: Pubkey,
    /// The pool's token account for `asset_mint`, owned by this PDA.
    pub vault: Pubkey,
    /// The token program of `asset_mint` (SPL Token or Token-2022).
    pub token_program: Pubkey,
    /// UTF-8 name, zero padded.
    pub name: [u8; MAX_NAME_LEN],
    /// Smallest deposit accepted, in base units.
    pub min_contribution: u64,
    /// Seconds a proposal stays open after it is made.
    pub proposal_ttl: i64,
    /// Seconds an insurance claim stays open for votes.
    pub claim_ttl: i64,
    /// Seconds a governance change waits between being queued and applied (members can leave
    /// first); raising it is immediate, lowering it waits out the current lock.
    pub time_lock: i64,
    /// Latest `expires_at` of any proposal made: until then a trade may still execute, so new
    /// money is queued (`request_deposit`) instead of buying shares at once.
    pub proposals_live_until: i64,
    /// Latest `expires_at` of any approved mandate: until then a keeper may trade at any
    /// moment, so new money is queued for at least one proposal lifetime.
    pub mandates_active_until: i64,
    /// `ready_at` of the oldest unsettled deposit request (`i64::MAX` when none): trades may
    /// not execute from then until it is settled, so it is priced before their profit.
    pub deposit_queue_ready_at: i64,
    /// Shares held by all members.
    pub total_shares: u64,
    /// Assets owed to members by internal accounting (never the live vault balance).
    pub total_assets: u64,
    /// Requested deposits in the vault that are not shares yet (not in `total_assets`).
    pub pending_deposits: u64,
    /// Sum of all deposits.
    pub total_contributed: u64,
    /// Sum of all withdrawals.
    pub total_withdrawn: u64,
    /// Sum of executed trades' gains (before the insurance share).
    pub total_profit: u64,
    /// The members' part of `total_profit` (after the insurance share).
    pub total_member_profit: u64,
    /// Unix time of creation.
    pub created_at: i64,
    /// Bumped when validators, roles or quorum change; older pending proposals become stale.
    pub config_version: u64,
    /// Id the next trade proposal gets.
    pub next_proposal_id: u64,
    /// Id the next insurance claim gets.
    pub next_claim_id: u64,
    /// Id the next product gets.
    pub next_product_id: u64,
    /// Id the next deposit request gets.
    pub next_deposit_id: u64,
    /// Id the next governance change gets.
    pub next_change_id: u64,
    /// Id the next mandate gets.
    pub next_mandate_id: u64,
    /// Executions under mandates.
    pub mandate_trades: u64,
    /// Id of the oldest unsettled deposit request (== `next_deposit_id` when none).
    pub deposit_queue_head: u64,
    /// Trade proposals made.
    pub trades_proposed: u64,
    /// Proposals that reached quorum.
    pub trades_approved: u64,
    /// Proposals rejected by the validators.
    pub trades_rejected: u64,
    /// Proposals executed.
    pub trades_executed: u64,
    /// Proposals that expired or went stale before execution.
    pub trades_expired: u64,
    /// Most members with a position at one time.
    pub max_members: u32,
    /// Members holding shares.
    pub active_members: u32,
    /// Members who withdrew everything.
    pub withdrawn_members: u32,
    /// Share of each trade's gain sent to the insurance reserve, in basis points.
    pub insurance_bps: u16,
    /// Trade approvals needed to execute.
    pub required_approvals: u8,
    /// 1 when one approval must come from a LEAD or ADMIN validator.
    pub require_lead_approval: u8,
    /// Claim approvals needed (SENIOR+ voters other than the claimant).
    pub claim_required_approvals: u8,
    /// 1 when one claim approval must come from a LEAD or ADMIN validator.
    pub claim_require_lead: u8,
    /// 1 while deposits and trades are blocked (withdrawals never are).
    pub paused: u8,
    /// Decimals of `asset_mint`.
    pub decimals: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Bump of the vault PDA.
    pub vault_bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 2],
}

impl Pool {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Pool>();

    /// Whether deposits and trades are blocked.
    pub fn is_paused(&self) -> bool {
        self.paused != 0
    }

    /// Refuses while the pool is paused.
    pub fn require_not_paused(&self) -> Result<()> {
        require!(!self.is_paused(), PoolError::PoolPaused);
        Ok(())
    }

    /// Whether one approval must come from a LEAD or ADMIN.
    pub fn lead_required(&self) -> bool {
        self.require_lead_approval != 0
    }

    /// The name as text.
    pub fn name(&self) -> &str {
        decode_name(&self.name)
    }

    /// Refuses a deposit (instant or requested) while paused or below the minimum.
    pub fn require_deposit_amount(&self, amount: u64) -> Result<()> {
        self.require_not_paused()?;
        require!(amount > 0, PoolError::ZeroAmount);
        require!(
            amount >= self.min_contribution,
            PoolError::BelowMinContribution
        );
        Ok(())
    }

    /// Whether one claim approval must come from a LEAD or ADMIN.
    pub fn claim_lead_required(&self) -> bool {
        self.claim_require_lead != 0
    }

    /// Whether a proposal made before `now` may still execute: then new money must wait
    /// (`request_deposit`), or it would share in profit earned before it arrived.
    pub fn proposals_live(&self, now: i64) -> bool {
        now < self.proposals_live_until || self.mandates_active(now)
    }

    /// Whether an approved mandate may still be used: a keeper may then trade at any moment.
    pub fn mandates_active(&self, now: i64) -> bool {
        now < self.mandates_active_until
    }

    /// Refuses an instant deposit while a proposal or a mandate may still execute.
    pub fn require_no_live_proposals(&self, now: i64) -> Result<()> {
        require!(!self.proposals_live(now), PoolError::ProposalsLive);
        Ok(())
    }

    /// Opens a proposal at `now`: hands out its id, counts it and notes its expiry (deposits
    /// wait for it). Returns the id and the expiry.
    pub fn open_proposal(&mut self, now: i64) -> Result<(u64, i64)> {
        let id = take(&mut self.next_proposal_id)?;
        self.trades_proposed = add(self.trades_proposed, 1)?;
        let expires_at = now
            .checked_add(self.proposal_ttl)
            .ok_or(PoolError::MathOverflow)?;
        self.proposals_live_until = self.proposals_live_until.max(expires_at);
        Ok((id, expires_at))
    }

    /// Counts a proposal the vote just decided (nothing while it stays pending).
    pub fn record_trade_decision(&mut self, status: ProposalStatus) -> Result<()> {
        match status {
            ProposalStatus::Approved => self.trades_approved = add(self.trades_approved, 1)?,
            ProposalStatus::Rejected => self.trades_rejected = add(self.trades_rejected, 1)?,
            _ => {}
        }
        Ok(())
    }

    /// Hands out the next mandate id.
    pub fn take_mandate_id(&mut self) -> Result<u64> {
        take(&mut self.next_mandate_id)
    }

    /// Notes an approved mandate's expiry (deposits queue until then).
    pub fn record_mandate_approved(&mut self, expires_at: i64) {
        self.mandates_active_until = self.mandates_active_until.max(expires_at);
    }

    /// Counts a proposal that expired or went stale.
    pub fn record_trade_expired(&mut self) -> Result<()> {
        self.trades_expired = add(self.trades_expired, 1)?;
        Ok(())
    }

    /// Refuses a trade while a matured deposit request waits to be settled: it must be priced
    /// before the trade's profit, as it would have been had it settled on time.
    pub fn require_deposits_settled(&self, now: i64) -> Result<()> {
        require!(
            now < self.deposit_queue_ready_at,
            PoolError::DepositsAwaitingSettlement
        );
        Ok(())
    }

    /// Queues a deposit request of `amount`: returns its id and when it can be settled (once
    /// every proposal live now has expired, and at least a proposal lifetime away while a
    /// mandate stands).
    pub fn record_deposit_requested(&mut self, amount: u64, now: i64) -> Result<(u64, i64)> {
        let mut ready_at = now.max(self.proposals_live_until);
        if self.mandates_active(now) {
            // a keeper knows no opportunity a proposal lifetime ahead: it cannot time its entry
            let entry = now
                .checked_add(self.proposal_ttl)
                .ok_or(PoolError::MathOverflow)?;
            ready_at = ready_at.max(entry);
        }
        if self.deposit_queue_head == self.next_deposit_id {
            self.deposit_queue_ready_at = ready_at;
        }
        let id = take(&mut self.next_deposit_id)?;
        self.pending_deposits = add(self.pending_deposits, amount)?;
        Ok((id, ready_at))
    }

    /// Books the settlement of the oldest request: `amount` became `shares`. `next_ready_at`
    /// is the following request's `ready_at`, if any remains.
    pub fn record_deposit_settled(
        &mut self,
        amount: u64,
        shares: u64,
        next_ready_at: Option<i64>,
    ) -> Result<()> {
        self.pending_deposits = sub(self.pending_deposits, amount)?;
        self.deposit_queue_head = add(self.deposit_queue_head, 1)?;
        let queue_empty = self.deposit_queue_head == self.next_deposit_id;
        require!(
            queue_empty == next_ready_at.is_none(),
            PoolError::WrongDepositRequest
        );
        self.deposit_queue_ready_at = next_ready_at.unwrap_or(i64::MAX);
        self.record_deposit(amount, shares)
    }

    /// Shares minted for `amount` at the current share price (rounded down).
    pub fn shares_for_deposit(&self, amount: u64) -> Result<u64> {
        math::shares_for_deposit(amount, self.total_shares, self.total_assets)
    }

    /// Assets paid for burning `shares` (rounded down).
    pub fn assets_for_shares(&self, shares: u64) -> Result<u64> {
        math::assets_for_shares(shares, self.total_shares, self.total_assets)
    }

    /// Shares burned to pay exactly `amount` (rounded up).
    pub fn shares_to_burn_for_assets(&self, amount: u64) -> Result<u64> {
        math::shares_to_burn_for_assets(amount, self.total_shares, self.total_assets)
    }

    /// Books a deposit of `amount` that minted `shares`.
    pub fn record_deposit(&mut self, amount: u64, shares: u64) -> Result<()> {
        self.total_assets = add(self.total_assets, amount)?;
        self.total_shares = add(self.total_shares, shares)?;
        self.total_contributed = add(self.total_contributed, amount)?;
        Ok(())
    }

    /// Books a withdrawal paying `amount` for `shares` burned.
    pub fn record_withdrawal(&mut self, amount: u64, shares: u64) -> Result<()> {
        self.total_assets = sub(self.total_assets, amount)?;
        self.total_shares = sub(self.total_shares, shares)?;
        self.total_withdrawn = add(self.total_withdrawn, amount)?;
        Ok(())
    }

    /// Books an executed trade: the whole `gain`, of which `member_profit` goes to the shares
    /// that exist now, at once (deposits that arrived while it was live are still queued).
    pub fn record_profit(&mut self, gain: u64, member_profit: u64) -> Result<()> {
        self.total_assets = add(self.total_assets, member_profit)?;
        self.total_profit = add(self.total_profit, gain)?;
        self.total_member_profit = add(self.total_member_profit, member_profit)?;
        Ok(())
    }

    /// Counts an executed proposal.
    pub fn record_trade_executed(&mut self) -> Result<()> {
        self.trades_executed = add(self.trades_executed, 1)?;
        Ok(())
    }

    /// Counts an execution under a mandate.
    pub fn record_mandate_trade(&mut self) -> Result<()> {
        self.mandate_trades = add(self.mandate_trades, 1)?;
        Ok(())
    }

    /// Counts a new member, refusing past `max_members`.
    pub fn record_member_joined(&mut self, returning: bool) -> Result<()> {
        require!(self.active_members < self.max_members, PoolError::PoolFull);
        self.active_members += 1;
        if returning {
            self.withdrawn_members = self.withdrawn_members.saturating_sub(1);
        }
        Ok(())
    }

    /// Counts a member who withdrew everything.
    pub fn record_member_left(&mut self) {
        self.active_members = self.active_members.saturating_sub(1);
        self.withdrawn_members += 1;
    }

    /// Opens a claim at `now`: hands out its id and its expiry.
    pub fn open_claim(&mut self, now: i64) -> Result<(u64, i64)> {
        let expires_at = now
            .checked_add(self.claim_ttl)
            .ok_or(PoolError::MathOverflow)?;
        Ok((take(&mut self.next_claim_id)?, expires_at))
    }

    /// Applies a queued configuration change. A change to what votes are cast under (either
    /// quorum, the insurance share) makes every pending and approved proposal stale.
    pub fn apply_config_change(&mut self, change: &ConfigChange) -> Result<()> {
        let old_terms = self.vote_terms();
        if let Some(v) = change.max_members {
            self.max_members = v;
        }
        if let Some(v) = change.min_contribution {
            self.min_contribution = v;
        }
        if let Some(v) = change.insurance_bps {
            self.insurance_bps = v;
        }
        if let Some(v) = change.required_approvals {
            self.required_approvals = v;
        }
        if let Some(v) = change.require_lead_approval {
            self.require_lead_approval = v as u8;
        }
        if let Some(v) = change.proposal_ttl {
            self.proposal_ttl = v;
        }
        if let Some(v) = change.claim_required_approvals {
            self.claim_required_approvals = v;
        }
        if let Some(v) = change.claim_require_lead_approval {
            self.claim_require_lead = v as u8;
        }
        if let Some(v) = change.claim_ttl {
            self.claim_ttl = v;
        }
        if let Some(v) = change.time_lock {
            self.time_lock = v;
        }
        if old_terms != self.vote_terms() {
            self.bump_config_version()?;
        }
        Ok(())
    }

    /// Queues a governance change at `now`: hands out its id and the time it may apply from.
    pub fn queue_change(&mut self, now: i64) -> Result<(u64, i64)> {
        let eta = now
            .checked_add(self.time_lock)
            .ok_or(PoolError::MathOverflow)?;
        Ok((take(&mut self.next_change_id)?, eta))
    }

    /// Hands out the next product id.
    pub fn take_product_id(&mut self) -> Result<u64> {
        take(&mut self.next_product_id)
    }

    /// What votes are cast under: both quorums and the insurance share (which decides what
    /// members get of an approved trade). A change makes every proposal and claim vote stale.
    pub fn vote_terms(&self) -> (u8, u8, u8, u8, u16) {
        (
            self.required_approvals,
            self.require_lead_approval,
            self.claim_required_approvals,
            self.claim_require_lead,
            self.insurance_bps,
        )
    }

    /// Makes every pending proposal stale and restarts votes on pending claims.
    pub fn bump_config_version(&mut self) -> Result<()> {
        self.config_version = add(self.config_version, 1)?;
        Ok(())
    }

    /// Rules the configuration and the books always satisfy.
    pub fn invariant(&self) -> Result<()> {
        require!(
            u64::from(self.insurance_bps) <= BPS_DENOMINATOR,
            PoolError::InvalidBps
        );
        require!(self.max_members >= 1, PoolError::InvalidMaxMembers);
        require!(
            self.active_members <= self.max_members,
            PoolError::MaxMembersBelowActive
        );
        require!(
            self.min_contribution >= 1,
            PoolError::InvalidMinContribution
        );
        require!(
            (1..=MAX_PROPOSAL_TTL).contains(&self.proposal_ttl),
            PoolError::InvalidProposalTtl
        );
        require!(
            (1..=MAX_CLAIM_TTL).contains(&self.claim_ttl),
            PoolError::InvalidClaimTtl
        );
        require!(
            (0..=MAX_TIME_LOCK).contains(&self.time_lock),
            PoolError::InvalidTimeLock
        );
        require!(
            self.required_approvals >= 1 && self.claim_required_approvals >= 1,
            PoolError::InvalidQuorum
        );
        require!(
            self.require_lead_approval <= 1 && self.claim_require_lead <= 1 && self.paused <= 1,
            PoolError::InvalidFlag
        );
        require!(
            self.deposit_queue_head <= self.next_deposit_id
                && (self.deposit_queue_head == self.next_deposit_id)
                    == (self.deposit_queue_ready_at == i64::MAX)
                && (self.pending_deposits == 0 || self.deposit_queue_head < self.next_deposit_id),
            PoolError::BooksOutOfBalance
        );
        Ok(())
    }
}

fn take(counter: &mut u64) -> Result<u64> {
    let id = *counter;
    *counter = add(id, 1)?;
    Ok(id)
}
