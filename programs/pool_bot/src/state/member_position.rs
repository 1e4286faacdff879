//! One member's position in a pool.
use crate::errors::PoolError;
use crate::math::{add, sub};
use anchor_lang::prelude::*;

/// Whether a member holds shares or money waiting to become shares.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum MemberStatus {
    /// Holds shares or a pending deposit.
    Active,
    /// Withdrew everything (a new deposit makes the member active again).
    Withdrawn,
}

/// PDA `[SEED_MEMBER, pool, owner]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct MemberPosition {
    /// The pool this account belongs to (checked with `has_one = pool`).
    pub pool: Pubkey,
    /// The member's wallet.
    pub owner: Pubkey,
    /// Shares held.
    pub shares: u64,
    /// Requested deposits not yet settled into shares.
    pub pending_deposit: u64,
    /// Sum of the member's deposits (settled or not).
    pub capital_contributed: u64,
    /// Sum of the member's withdrawals.
    pub total_withdrawn: u64,
    /// Sum of insurance claims paid to the member.
    pub claims_paid: u64,
    /// Unix time of the first deposit.
    pub joined_at: i64,
    /// Unix time of the last deposit or withdrawal.
    pub last_activity_at: i64,
    /// Active or Withdrawn.
    pub status: MemberStatus,
    /// Unix time before which the member may not file again, after a claim was denied or
    /// expired (so one member cannot keep the reserve held back by re-filing).
    pub next_claim_at: i64,
    /// 1 while one of the member's claims awaits a decision (one at a time).
    pub open_claim: u8,
    /// Bump of this PDA.
    pub bump: u8,
}

impl MemberPosition {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + MemberPosition::INIT_SPACE;

    /// Fills in the position if this instruction created it; says whether it did (a member
    /// who joins again is counted as returning, not new).
    pub fn open_if_new(&mut self, pool: Pubkey, owner: Pubkey, now: i64, bump: u8) -> bool {
        let is_new = self.owner == Pubkey::default();
        if is_new {
            self.pool = pool;
            self.owner = owner;
            self.joined_at = now;
            self.bump = bump;
        }
        is_new
    }

    /// Whether the member holds neither shares nor a pending deposit (not counted as a member).
    fn is_empty(&self) -> bool {
        self.shares == 0 && self.pending_deposit == 0
    }

    /// Books a deposit that minted `shares` at once; says whether the member (re)joined.
    pub fn record_deposit(&mut self, amount: u64, shares: u64, now: i64) -> Result<bool> {
        let joined = self.is_empty();
        self.shares = add(self.shares, shares)?;
        self.capital_contributed = add(self.capital_contributed, amount)?;
        self.last_activity_at = now;
        self.status = MemberStatus::Active;
        Ok(joined)
    }

    /// Books a queued deposit request; says whether the member (re)joined.
    pub fn record_deposit_requested(&mut self, amount: u64, now: i64) -> Result<bool> {
        let joined = self.is_empty();
        self.pending_deposit = add(self.pending_deposit, amount)?;
        self.capital_contributed = add(self.capital_contributed, amount)?;
        self.last_activity_at = now;
        self.status = MemberStatus::Active;
        Ok(joined)
    }

    /// Books a settled request: `amount` pending became `shares`; says whether the member left
    /// (only when the price made the shares round to zero).
    pub fn record_deposit_settled(&mut self, amount: u64, shares: u64) -> Result<bool> {
        self.pending_deposit = sub(self.pending_deposit, amount)?;
        self.shares = add(self.shares, shares)?;
        Ok(self.mark_if_left())
    }

    /// Books a withdrawal; says whether the member left (nothing remains).
    pub fn record_withdrawal(&mut self, amount: u64, shares: u64, now: i64) -> Result<bool> {
        require!(shares <= self.shares, PoolError::InsufficientShares);
        self.shares = sub(self.shares, shares)?;
        self.total_withdrawn = add(self.total_withdrawn, amount)?;
        self.last_activity_at = now;
        Ok(self.mark_if_left())
    }

    fn mark_if_left(&mut self) -> bool {
        if self.is_empty() {
            self.status = MemberStatus::Withdrawn;
        }
        self.is_empty()
    }

    /// Most a claim may ask: the member's stake, capital put in less what was taken out and
    /// claims already paid (a claim makes good a loss of the member's own money, never more).
    /// Checked when filed and again when paid, so the stake must still be in the pool then.
    pub fn claimable(&self) -> u64 {
        self.capital_contributed
            .saturating_sub(self.total_withdrawn)
            .saturating_sub(self.claims_paid)
    }

    /// Books a newly filed claim of `amount`, refusing a second open claim or one above
    /// `claimable()`.
    pub fn record_claim_filed(&mut self, amount: u64, now: i64) -> Result<()> {
        require!(self.open_claim == 0, PoolError::ClaimAlreadyOpen);
        require!(now >= self.next_claim_at, PoolError::ClaimCooldown);
        require!(amount <= self.claimable(), PoolError::ClaimExceedsStake);
        self.open_claim = 1;
        Ok(())
    }

    /// Books the end of the member's open claim: `paid` is what it paid (0 if denied or
    /// expired, and then the member waits `cooldown` seconds from `now` before filing again).
    pub fn record_claim_closed(&mut self, paid: u64, now: i64, cooldown: i64) -> Result<()> {
        self.open_claim = 0;
        self.claims_paid = add(self.claims_paid, paid)?;
        if paid == 0 {
            self.next_claim_at = now.saturating_add(cooldown);
        }
        Ok(())
    }

    /// Rules a position always satisfies.
    pub fn invariant(&self) -> Result<()> {
        let active = self.status == MemberStatus::Active;
        require!(active != self.is_empty(), PoolError::BooksOutOfBalance);
        require!(self.open_claim <= 1, PoolError::BooksOutOfBalance);
        Ok(())
    }
}
