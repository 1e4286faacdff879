//! A trade mandate: a class of trades the validators approve once (markets, size, least profit,
//! a budget per period, an expiry) so that a keeper can capture an opportunity in the slot it
//! appears (`execute_mandate`), without a vote per trade. The nearest peer is Squads v4's
//! spending limit: a quorum-approved standing permission, used later without a vote.
//! Zero-copy so an execution reads and updates a few fields without decoding the rest.
use super::quorum::{Outcome, Quorum};
use crate::errors::PoolError;
use crate::math::{add, BPS_DENOMINATOR};
use anchor_lang::prelude::*;

/// Most markets (DEX pool accounts) one mandate may trade.
pub const MAX_MANDATE_MARKETS: usize = 8;
/// Longest a mandate may stand once active: 30 days.
pub const MAX_MANDATE_DURATION: i64 = 30 * 86_400;
/// Shortest and longest budget period: a minute to 30 days.
pub const MANDATE_PERIOD_RANGE: core::ops::RangeInclusive<i64> = 60..=30 * 86_400;

/// Where a mandate is in its life, as stored.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MandateStatus {
    /// Open for votes.
    Pending,
    /// Approved: usable from `active_from` until `expires_at` unless revoked or stale.
    Approved,
    /// Quorum became unreachable.
    Rejected,
    /// Revoked by a LEAD or ADMIN.
    Revoked,
}

impl MandateStatus {
    /// The status stored as `code`.
    pub fn from_code(code: u8) -> MandateStatus {
        match code {
            0 => MandateStatus::Pending,
            1 => MandateStatus::Approved,
            2 => MandateStatus::Rejected,
            _ => MandateStatus::Revoked,
        }
    }
}

/// Where a mandate stands at a given time: its status read with the clock and the pool's
/// config version, the one answer every client shows.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MandateStanding {
    /// Open for votes.
    Pending,
    /// Approved, waiting out the pool's time lock before its first use.
    Waiting,
    /// Usable now.
    Active,
    /// Quorum became unreachable.
    Rejected,
    /// Revoked.
    Revoked,
    /// Its vote window or its lifetime ran out.
    Expired,
    /// The validators, quorum or terms changed since it was proposed.
    Stale,
}

impl MandateStanding {
    /// Whether it can never be used again (so its rent may be returned).
    pub fn is_finished(self) -> bool {
        !matches!(
            self,
            MandateStanding::Pending | MandateStanding::Waiting | MandateStanding::Active
        )
    }
}

/// The terms a keeper or ADMIN proposes.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct MandateTerms {
    /// DEX pool accounts the routes may trade (1 to `MAX_MANDATE_MARKETS`, each listed by the
    /// product when it lists markets).
    pub markets: Vec<Pubkey>,
    /// Largest `amount_in` of one execution.
    pub max_amount_in: u64,
    /// Least gain of one execution, in base units (at least the product's `min_profit`).
    pub min_profit: u64,
    /// Least gain of one execution in basis points of its `amount_in` (the larger bound wins).
    pub min_profit_bps: u16,
    /// Seconds in one budget period.
    pub period: i64,
    /// Most executions per period.
    pub max_trades_per_period: u32,
    /// Most `amount_in` summed over a period's executions.
    pub max_notional_per_period: u64,
    /// Seconds it stands once active (at most `MAX_MANDATE_DURATION`).
    pub duration: i64,
}

/// PDA `[SEED_MANDATE, pool, id]`.
#[account(zero_copy)]
pub struct Mandate {
    /// The pool this account belongs to (checked with `has_one = pool`).
    pub pool: Pubkey,
    /// Who proposed it (a keeper or an ADMIN; gets the rent back on close).
    pub proposer: Pubkey,
    /// The product whose leg rules every route must also obey.
    pub product: Pubkey,
    /// Markets the routes may trade (first `market_count`).
    pub markets: [Pubkey; MAX_MANDATE_MARKETS],
    /// Sequential id within the pool.
    pub id: u64,
    /// Largest `amount_in` of one execution.
    pub max_amount_in: u64,
    /// Least gain of one execution, in base units.
    pub min_profit: u64,
    /// Seconds in one budget period.
    pub period: i64,
    /// Most `amount_in` summed over a period.
    pub max_notional_per_period: u64,
    /// Seconds it stands once active.
    pub duration: i64,
    /// The pool's `config_version` when proposed: any later change makes it stale.
    pub config_version: u64,
    /// Unix time proposed.
    pub created_at: i64,
    /// Unix time votes close (proposal time plus the pool's proposal lifetime).
    pub vote_expires_at: i64,
    /// Unix time of its first permitted use (approval plus the pool's time lock).
    pub active_from: i64,
    /// Unix time from which it can no longer be used (`active_from + duration`).
    pub expires_at: i64,
    /// Unix time of the last status change.
    pub decided_at: i64,
    /// Start of the current budget period.
    pub period_start: i64,
    /// `amount_in` used in the current period.
    pub notional_in_period: u64,
    /// Executions under it.
    pub executions: u64,
    /// Sum of their `amount_in`.
    pub total_notional: u64,
    /// Sum of their gains.
    pub total_gain: u64,
    /// Bit per validator slot that approved.
    pub approvals: u32,
    /// Bit per validator slot that rejected.
    pub rejections: u32,
    /// Most executions per period.
    pub max_trades_per_period: u32,
    /// Executions in the current period.
    pub trades_in_period: u32,
    /// Least gain of one execution in basis points of its `amount_in`.
    pub min_profit_bps: u16,
    /// Entries used in `markets`.
    pub market_count: u8,
    /// `MandateStatus as u8`.
    pub status: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 3],
}

impl Mandate {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Mandate>();

    /// Current status.
    pub fn status(&self) -> MandateStatus {
        MandateStatus::from_code(self.status)
    }

    /// Stores the proposed terms (checked by `invariant`).
    pub fn set_terms(&mut self, terms: &MandateTerms) -> Result<()> {
        require!(
            (1..=MAX_MANDATE_MARKETS).contains(&terms.markets.len()),
            PoolError::MandateMarkets
        );
        self.markets[..terms.markets.len()].copy_from_slice(&terms.markets);
        self.market_count = terms.markets.len() as u8;
        self.max_amount_in = terms.max_amount_in;
        self.min_profit = terms.min_profit;
        self.min_profit_bps = terms.min_profit_bps;
        self.period = terms.period;
        self.max_trades_per_period = terms.max_trades_per_period;
        self.max_notional_per_period = terms.max_notional_per_period;
        self.duration = terms.duration;
        Ok(())
    }

    /// Markets the routes may trade.
    pub fn markets(&self) -> &[Pubkey] {
        &self.markets[..self.market_count as usize]
    }

    /// Whether the validators, quorum or terms changed since it was proposed.
    pub fn is_stale(&self, config_version: u64) -> bool {
        self.config_version != config_version
    }

    /// Whether the validator in `slot` voted (either way).
    pub fn has_voted(&self, slot: usize) -> bool {
        (self.approvals | self.rejections) & (1 << slot) != 0
    }

    /// Where it stands at `now` under the pool's `config_version`.
    pub fn standing(&self, now: i64, config_version: u64) -> MandateStanding {
        match self.status() {
            MandateStatus::Rejected => MandateStanding::Rejected,
            MandateStatus::Revoked => MandateStanding::Revoked,
            _ if self.is_stale(config_version) => MandateStanding::Stale,
            MandateStatus::Pending if now >= self.vote_expires_at => MandateStanding::Expired,
            MandateStatus::Pending => MandateStanding::Pending,
            MandateStatus::Approved if now >= self.expires_at => MandateStanding::Expired,
            MandateStatus::Approved if now < self.active_from => MandateStanding::Waiting,
            MandateStatus::Approved => MandateStanding::Active,
        }
    }

    /// Refuses a vote unless it is pending, its vote window open and its terms current.
    pub fn require_votable(&self, now: i64, config_version: u64) -> Result<()> {
        match self.standing(now, config_version) {
            MandateStanding::Pending => Ok(()),
            MandateStanding::Stale => err!(PoolError::MandateStale),
            MandateStanding::Expired => err!(PoolError::MandateExpired),
            _ => err!(PoolError::MandateNotPending),
        }
    }

    /// Refuses an execution unless it is active now, naming why not.
    pub fn require_active(&self, now: i64, config_version: u64) -> Result<()> {
        match self.standing(now, config_version) {
            MandateStanding::Active => Ok(()),
            MandateStanding::Waiting => err!(PoolError::MandateNotYetActive),
            MandateStanding::Stale => err!(PoolError::MandateStale),
            MandateStanding::Expired => err!(PoolError::MandateExpired),
            MandateStanding::Revoked => err!(PoolError::MandateRevoked),
            _ => err!(PoolError::MandateNotApproved),
        }
    }

    /// Records a vote; on approval the mandate becomes usable after `time_lock`. Returns the
    /// new status.
    pub fn vote(
        &mut self,
        quorum: &Quorum,
        slot: usize,
        approve: bool,
        now: i64,
        time_lock: i64,
    ) -> Result<MandateStatus> {
        let outcome = quorum.vote(&mut self.approvals, &mut self.rejections, slot, approve)?;
        match outcome {
            Outcome::Open => {}
            Outcome::Approved => {
                self.status = MandateStatus::Approved as u8;
                self.decided_at = now;
                self.active_from = now.checked_add(time_lock).ok_or(PoolError::MathOverflow)?;
                self.expires_at = self
                    .active_from
                    .checked_add(self.duration)
                    .ok_or(PoolError::MathOverflow)?;
                self.period_start = self.active_from;
            }
            Outcome::Rejected => {
                self.status = MandateStatus::Rejected as u8;
                self.decided_at = now;
            }
        }
        Ok(self.status())
    }

    /// Revokes it (only a pending or approved mandate can be).
    pub fn revoke(&mut self, now: i64) -> Result<()> {
        require!(
            matches!(
                self.status(),
                MandateStatus::Pending | MandateStatus::Approved
            ),
            PoolError::MandateNotRevocable
        );
        self.status = MandateStatus::Revoked as u8;
        self.decided_at = now;
        Ok(())
    }

    /// Least gain an execution of `amount_in` must make: the larger of the absolute and the
    /// relative minimum (rounded up, in the pool's favour), and never below `floor`.
    pub fn required_profit(&self, amount_in: u64, floor: u64) -> Result<u64> {
        let relative = (u128::from(amount_in) * u128::from(self.min_profit_bps))
            .div_ceil(u128::from(BPS_DENOMINATOR));
        let relative = u64::try_from(relative).map_err(|_| PoolError::MathOverflow)?;
        Ok(self.min_profit.max(relative).max(floor).max(1))
    }

    /// Checks an execution of `amount_in` against the size limit and the period's budget at
    /// `now`, starting a new period when the last one ended, and books it.
    pub fn spend(&mut self, amount_in: u64, now: i64) -> Result<()> {
        require!(amount_in > 0, PoolError::ZeroAmount);
        require!(
            amount_in <= self.max_amount_in,
            PoolError::MandateAmountTooLarge
        );
        let elapsed = now.saturating_sub(self.period_start);
        if elapsed >= self.period {
            // periods are aligned to `active_from`: skip the ones that passed unused (unsigned:
            // both are positive here, and SBF has no signed division)
            let into_period = (elapsed as u64) % (self.period as u64);
            self.period_start = now - into_period as i64;
            self.trades_in_period = 0;
            self.notional_in_period = 0;
        }
        require!(
            self.trades_in_period < self.max_trades_per_period,
            PoolError::MandateBudgetExceeded
        );
        let notional = add(self.notional_in_period, amount_in)?;
        require!(
            notional <= self.max_notional_per_period,
            PoolError::MandateBudgetExceeded
        );
        self.trades_in_period += 1;
        self.notional_in_period = notional;
        self.total_notional = add(self.total_notional, amount_in)?;
        Ok(())
    }

    /// Books an execution's gain.
    pub fn record_execution(&mut self, gain: u64) -> Result<()> {
        self.executions = add(self.executions, 1)?;
        self.total_gain = add(self.total_gain, gain)?;
        Ok(())
    }

    /// Rules a mandate always satisfies.
    pub fn invariant(&self) -> Result<()> {
        require!(
            (1..=MAX_MANDATE_MARKETS).contains(&(self.market_count as usize)),
            PoolError::MandateMarkets
        );
        require!(self.max_amount_in > 0, PoolError::ZeroAmount);
        require!(
            u64::from(self.min_profit_bps) <= BPS_DENOMINATOR,
            PoolError::InvalidBps
        );
        require!(
            MANDATE_PERIOD_RANGE.contains(&self.period)
                && self.max_trades_per_period >= 1
                && self.max_notional_per_period >= self.max_amount_in,
            PoolError::MandateBudget
        );
        require!(
            (1..=MAX_MANDATE_DURATION).contains(&self.duration),
            PoolError::MandateDuration
        );
        require!(
            self.approvals & self.rejections == 0,
            PoolError::AlreadyVoted
        );
        require!(
            self.trades_in_period <= self.max_trades_per_period
                && self.notional_in_period <= self.max_notional_per_period,
            PoolError::MandateBudgetExceeded
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mandate() -> Mandate {
        let mut m: Mandate = bytemuck::Zeroable::zeroed();
        m.market_count = 1;
        m.max_amount_in = 1_000;
        m.min_profit = 10;
        m.min_profit_bps = 50;
        m.period = 100;
        m.max_trades_per_period = 2;
        m.max_notional_per_period = 1_500;
        m.duration = 1_000;
        m.config_version = 3;
        m.vote_expires_at = 50;
        m
    }

    fn approve(m: &mut Mandate, now: i64, time_lock: i64) {
        let quorum = Quorum {
            voters: 0b1,
            leads: 0b1,
            required: 1,
            lead_required: false,
        };
        assert_eq!(
            m.vote(&quorum, 0, true, now, time_lock).unwrap(),
            MandateStatus::Approved
        );
    }

    #[test]
    fn standing_follows_votes_lock_expiry_and_version() {
        use MandateStanding as S;
        let mut m = mandate();
        assert_eq!(m.standing(10, 3), S::Pending);
        assert_eq!(m.standing(50, 3), S::Expired);
        assert_eq!(m.standing(10, 4), S::Stale);
        approve(&mut m, 20, 30);
        assert_eq!((m.active_from, m.expires_at), (50, 1_050));
        assert_eq!(m.standing(49, 3), S::Waiting);
        assert_eq!(m.standing(50, 3), S::Active);
        assert_eq!(m.standing(1_050, 3), S::Expired);
        assert_eq!(m.standing(60, 4), S::Stale);
        m.revoke(70).unwrap();
        assert_eq!(m.standing(80, 3), S::Revoked);
        assert!(m.revoke(90).is_err());
        assert!(S::Revoked.is_finished() && !S::Waiting.is_finished());
    }

    #[test]
    fn budget_rolls_per_period() {
        let mut m = mandate();
        approve(&mut m, 0, 0);
        m.spend(1_000, 5).unwrap();
        assert_eq!(
            m.spend(600, 6).unwrap_err(),
            PoolError::MandateBudgetExceeded.into()
        );
        m.spend(500, 7).unwrap();
        assert_eq!(
            m.spend(1, 8).unwrap_err(),
            PoolError::MandateBudgetExceeded.into()
        );
        assert_eq!(
            m.spend(1_001, 8).unwrap_err(),
            PoolError::MandateAmountTooLarge.into()
        );
        // three periods later: a fresh budget, aligned to the first period
        m.spend(1_000, 345).unwrap();
        assert_eq!((m.period_start, m.trades_in_period), (300, 1));
        assert_eq!(m.total_notional, 2_500);
        m.invariant().unwrap();
    }

    #[test]
    fn required_profit_takes_the_larger_bound_rounded_up() {
        let m = mandate();
        assert_eq!(m.required_profit(1_000, 0).unwrap(), 10);
        assert_eq!(m.required_profit(3_001, 0).unwrap(), 16);
        assert_eq!(m.required_profit(100, 25).unwrap(), 25);
    }
}
