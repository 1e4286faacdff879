//! The pool: configuration, share accounting and trade counters. Zero-copy, so the hot
//! instructions (deposit, withdraw, vote, execute) pay no deserialisation for it.
use super::text::{decode_name, MAX_NAME_LEN};
use crate::errors::PoolError;
use crate::math::{self, add, sub, Rounding, BPS_DENOMINATOR};
use anchor_lang::prelude::*;

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
    /// Seconds over which members' share of a trade's profit unlocks (0 = at once).
    pub profit_unlock_period: i64,
    /// Shares held by all members.
    pub total_shares: u64,
    /// Assets owed to members by internal accounting (never the live vault balance).
    pub total_assets: u64,
    /// Members' profit still unlocking, as of `last_profit_at`.
    pub locked_profit: u64,
    /// When `locked_profit` was last booked.
    pub last_profit_at: i64,
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
    /// 1 while deposits and trades are blocked (withdrawals never are).
    pub paused: u8,
    /// Decimals of `asset_mint`.
    pub decimals: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Bump of the vault PDA.
    pub vault_bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 4],
}

impl Pool {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Pool>();

    /// Refuses while the pool is paused.
    pub fn require_not_paused(&self) -> Result<()> {
        require!(self.paused == 0, PoolError::PoolPaused);
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

    /// Profit still unlocking at `now`, rounded as asked.
    pub fn locked_at(&self, now: i64, rounding: Rounding) -> Result<u64> {
        let elapsed = now.saturating_sub(self.last_profit_at);
        math::remaining_locked(
            self.locked_profit,
            elapsed,
            self.profit_unlock_period,
            rounding,
        )
    }

    /// Assets that back the share price at `now`: `total_assets` minus profit still locked.
    /// Deposits round the locked part down and withdrawals up, so both favour the pool.
    pub fn priced_assets(&self, now: i64, rounding: Rounding) -> Result<u64> {
        let locked = self.locked_at(now, rounding)?;
        self.total_assets
            .checked_sub(locked)
            .ok_or_else(|| error!(PoolError::MathOverflow))
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

    /// Books an executed trade: the whole `gain`, of which `member_profit` stays with members
    /// (locked, then unlocking over `profit_unlock_period`).
    pub fn record_profit(&mut self, gain: u64, member_profit: u64, now: i64) -> Result<()> {
        let still_locked = self.locked_at(now, Rounding::Up)?;
        self.locked_profit = add(still_locked, member_profit)?;
        self.last_profit_at = now;
        self.total_assets = add(self.total_assets, member_profit)?;
        self.total_profit = add(self.total_profit, gain)?;
        self.total_member_profit = add(self.total_member_profit, member_profit)?;
        self.trades_executed = add(self.trades_executed, 1)?;
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

    /// Hands out the next proposal id.
    pub fn take_proposal_id(&mut self) -> Result<u64> {
        take(&mut self.next_proposal_id)
    }

    /// Hands out the next claim id.
    pub fn take_claim_id(&mut self) -> Result<u64> {
        take(&mut self.next_claim_id)
    }

    /// Hands out the next product id.
    pub fn take_product_id(&mut self) -> Result<u64> {
        take(&mut self.next_product_id)
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
        require!(self.max_members >= 1, PoolError::InvalidConfig);
        require!(
            self.active_members <= self.max_members,
            PoolError::InvalidConfig
        );
        require!(self.min_contribution >= 1, PoolError::InvalidConfig);
        require!(self.proposal_ttl > 0, PoolError::InvalidConfig);
        require!(self.profit_unlock_period >= 0, PoolError::InvalidConfig);
        require!(self.required_approvals >= 1, PoolError::InvalidQuorum);
        require!(
            self.require_lead_approval <= 1 && self.paused <= 1,
            PoolError::InvalidConfig
        );
        require!(
            self.locked_profit <= self.total_assets,
            PoolError::MathOverflow
        );
        Ok(())
    }
}

fn take(counter: &mut u64) -> Result<u64> {
    let id = *counter;
    *counter = add(id, 1)?;
    Ok(id)
}
