//! An insurance claim and its votes.
use super::quorum::{Outcome, Quorum};
use super::text::MAX_REASON_LEN;
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Where a claim is in its life.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum ClaimStatus {
    /// Open for votes.
    Pending,
    /// Approved by quorum and paid.
    Paid,
    /// Approval became unreachable.
    Denied,
    /// Undecided when its time ran out.
    Expired,
}

/// Where a claim stands at a given time (its status read with the clock).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimStanding {
    /// Open for votes.
    Open,
    /// Approved and paid.
    Paid,
    /// Approval became unreachable.
    Denied,
    /// Its lifetime ran out undecided (whether or not `expire_claim` booked it yet).
    Expired,
}

/// PDA `[SEED_CLAIM, pool, id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Claim {
    /// The pool insured.
    pub pool: Pubkey,
    /// Sequential id within the pool.
    pub id: u64,
    /// The member claiming (paid to their token account; gets the rent back on close).
    pub claimant: Pubkey,
    /// Amount claimed, in base units.
    pub amount: u64,
    /// The claimant's reason.
    #[max_len(MAX_REASON_LEN)]
    pub reason: String,
    /// The trade proposal the loss relates to, if any.
    pub proposal_id: Option<u64>,
    /// Pending, Paid or Denied.
    pub status: ClaimStatus,
    /// Bit per validator slot that approved.
    pub approvals: u32,
    /// Bit per validator slot that rejected.
    pub rejections: u32,
    /// The pool's `config_version` the votes were cast under.
    pub config_version: u64,
    /// Unix time filed.
    pub filed_at: i64,
    /// Unix time from which it can no longer be voted on (then anyone may expire it).
    pub expires_at: i64,
    /// Unix time paid or denied.
    pub decided_at: i64,
    /// Why it was denied (the deciding rejection's reason).
    #[max_len(MAX_REASON_LEN)]
    pub decision_note: String,
    /// Bump of this PDA.
    pub bump: u8,
}

impl Claim {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + Claim::INIT_SPACE;

    /// Refuses unless it is pending and not past `expires_at`.
    pub fn require_open(&self, now: i64) -> Result<()> {
        require!(
            self.status == ClaimStatus::Pending,
            PoolError::ClaimNotPending
        );
        require!(now < self.expires_at, PoolError::ClaimExpired);
        Ok(())
    }

    /// Where it stands at `now`.
    pub fn standing(&self, now: i64) -> ClaimStanding {
        match self.status {
            ClaimStatus::Paid => ClaimStanding::Paid,
            ClaimStatus::Denied => ClaimStanding::Denied,
            ClaimStatus::Expired => ClaimStanding::Expired,
            ClaimStatus::Pending if now >= self.expires_at => ClaimStanding::Expired,
            ClaimStatus::Pending => ClaimStanding::Open,
        }
    }

    /// The approval and rejection bits that still count under the pool's `config_version`:
    /// none once the validator set changed (the next vote discards them).
    pub fn counted_votes(&self, config_version: u64) -> (u32, u32) {
        if self.config_version == config_version {
            (self.approvals, self.rejections)
        } else {
            (0, 0)
        }
    }

    /// Marks a pending claim whose time ran out Expired.
    pub fn expire(&mut self, now: i64) -> Result<()> {
        require!(
            self.status == ClaimStatus::Pending,
            PoolError::ClaimNotPending
        );
        require!(now >= self.expires_at, PoolError::ClaimStillOpen);
        self.status = ClaimStatus::Expired;
        self.decided_at = now;
        Ok(())
    }

    /// Records a vote. Votes cast under an older validator set are discarded first (slots may
    /// have moved). Returns the new status.
    pub fn vote(
        &mut self,
        quorum: &Quorum,
        config_version: u64,
        slot: usize,
        approve: bool,
        now: i64,
    ) -> Result<ClaimStatus> {
        self.require_open(now)?;
        if self.config_version != config_version {
            self.approvals = 0;
            self.rejections = 0;
            self.config_version = config_version;
        }
        let outcome = quorum.vote(&mut self.approvals, &mut self.rejections, slot, approve)?;
        self.status = match outcome {
            Outcome::Open => ClaimStatus::Pending,
            Outcome::Approved => ClaimStatus::Paid,
            Outcome::Rejected => ClaimStatus::Denied,
        };
        if self.status != ClaimStatus::Pending {
            self.decided_at = now;
        }
        Ok(self.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(status: ClaimStatus) -> Claim {
        Claim {
            pool: Pubkey::default(),
            id: 0,
            claimant: Pubkey::default(),
            amount: 1,
            reason: String::new(),
            proposal_id: None,
            status,
            approvals: 0b01,
            rejections: 0b10,
            config_version: 3,
            filed_at: 0,
            expires_at: 100,
            decided_at: 0,
            decision_note: String::new(),
            bump: 0,
        }
    }

    #[test]
    fn standing_reads_the_clock() {
        assert_eq!(
            claim(ClaimStatus::Pending).standing(99),
            ClaimStanding::Open
        );
        assert_eq!(
            claim(ClaimStatus::Pending).standing(100),
            ClaimStanding::Expired
        );
        assert_eq!(claim(ClaimStatus::Paid).standing(500), ClaimStanding::Paid);
        assert_eq!(
            claim(ClaimStatus::Denied).standing(5),
            ClaimStanding::Denied
        );
        assert_eq!(
            claim(ClaimStatus::Expired).standing(500),
            ClaimStanding::Expired
        );
    }

    #[test]
    fn votes_under_an_older_validator_set_do_not_count() {
        let c = claim(ClaimStatus::Pending);
        assert_eq!(c.counted_votes(3), (0b01, 0b10));
        assert_eq!(c.counted_votes(4), (0, 0));
    }
}
