//! One member's position in a pool.
use crate::errors::PoolError;
use crate::math::{add, sub};
use anchor_lang::prelude::*;

/// Whether a member holds shares.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum MemberStatus {
    /// Holds shares.
    Active,
    /// Withdrew everything (a new deposit makes the member active again).
    Withdrawn,
}

/// PDA `[SEED_MEMBER, pool, owner]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct MemberPosition {
    /// The pool.
    pub pool: Pubkey,
    /// The member's wallet.
    pub owner: Pubkey,
    /// Shares held.
    pub shares: u64,
    /// Sum of the member's deposits.
    pub capital_contributed: u64,
    /// Sum of the member's withdrawals.
    pub total_withdrawn: u64,
    /// Unix time of the first deposit.
    pub joined_at: i64,
    /// Unix time of the last deposit or withdrawal.
    pub last_activity_at: i64,
    /// Active or Withdrawn.
    pub status: MemberStatus,
    /// Bump of this PDA.
    pub bump: u8,
}

impl MemberPosition {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + MemberPosition::INIT_SPACE;

    /// Whether the account was just created by this deposit.
    pub fn is_new(&self) -> bool {
        self.owner == Pubkey::default()
    }

    /// Books a deposit; says whether the member (re)joined the active set.
    pub fn record_deposit(&mut self, amount: u64, shares: u64, now: i64) -> Result<bool> {
        let joined = self.shares == 0;
        self.shares = add(self.shares, shares)?;
        self.capital_contributed = add(self.capital_contributed, amount)?;
        self.last_activity_at = now;
        self.status = MemberStatus::Active;
        Ok(joined)
    }

    /// Books a withdrawal; says whether the member left (no shares remain).
    pub fn record_withdrawal(&mut self, amount: u64, shares: u64, now: i64) -> Result<bool> {
        require!(shares <= self.shares, PoolError::InsufficientShares);
        self.shares = sub(self.shares, shares)?;
        self.total_withdrawn = add(self.total_withdrawn, amount)?;
        self.last_activity_at = now;
        if self.shares == 0 {
            self.status = MemberStatus::Withdrawn;
        }
        Ok(self.shares == 0)
    }

    /// Rules a position always satisfies.
    pub fn invariant(&self) -> Result<()> {
        require!(
            (self.status == MemberStatus::Active) == (self.shares > 0),
            PoolError::InvalidConfig
        );
        Ok(())
    }
}
