//! A trade proposal: the stored route, its economics and its votes. Zero-copy so that a vote
//! reads and writes a few fields without decoding the route.
use super::quorum::{Outcome, Quorum};
use crate::errors::PoolError;
use crate::route::MAX_ROUTE_BYTES;
use anchor_lang::prelude::*;

/// Where a proposal is in its life.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalStatus {
    /// Open for votes.
    Pending,
    /// Reached quorum; may be executed until it expires or goes stale.
    Approved,
    /// Quorum became unreachable.
    Rejected,
    /// Ran; `realised_profit` holds the vault's gain.
    Executed,
    /// Expired or went stale before it ran.
    Expired,
}

impl ProposalStatus {
    /// The status stored as `code`.
    pub fn from_code(code: u8) -> ProposalStatus {
        match code {
            0 => ProposalStatus::Pending,
            1 => ProposalStatus::Approved,
            2 => ProposalStatus::Rejected,
            3 => ProposalStatus::Executed,
            _ => ProposalStatus::Expired,
        }
    }

    /// The byte stored for this status.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// Where a proposal stands at a given time: its stored status read with the clock and the
/// pool's config version, the one answer every client shows.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalStanding {
    /// Open for votes.
    Pending,
    /// Approved, live: may be executed now.
    Executable,
    /// Quorum became unreachable.
    Rejected,
    /// Ran.
    Executed,
    /// Its lifetime ran out before it ran.
    Expired,
    /// The validators, quorum or terms changed since it was made: it can never run.
    Stale,
}

impl ProposalStanding {
    /// Whether it can still be voted on or executed.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ProposalStanding::Pending | ProposalStanding::Executable
        )
    }
}

/// PDA `[SEED_PROPOSAL, pool, id]`.
#[account(zero_copy)]
pub struct TradeProposal {
    /// The pool trading.
    pub pool: Pubkey,
    /// The keeper who proposed (and receives the rent back on close).
    pub proposer: Pubkey,
    /// The product the trade runs under.
    pub product: Pubkey,
    /// SHA-256 of `route[..route_len]`.
    pub route_hash: [u8; 32],
    /// Sequential id within the pool.
    pub id: u64,
    /// Vault amount the route puts in.
    pub amount_in: u64,
    /// Gain the keeper expects.
    pub expected_profit: u64,
    /// Least gain the execution must produce, or it fails and nothing moves.
    pub min_profit: u64,
    /// Unix time proposed.
    pub created_at: i64,
    /// Unix time after which it can no longer be approved or executed.
    pub expires_at: i64,
    /// The pool's `config_version` when proposed.
    pub config_version: u64,
    /// Gain measured on chain at execution.
    pub realised_profit: u64,
    /// Unix time of the last status change.
    pub decided_at: i64,
    /// Bit per validator slot that approved.
    pub approvals: u32,
    /// Bit per validator slot that rejected.
    pub rejections: u32,
    /// Bytes used in `route`.
    pub route_len: u16,
    /// `ProposalStatus::code()`.
    pub status: u8,
    /// Legs in the route.
    pub leg_count: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 3],
    /// Borsh encoding of `Vec<RouteLeg>` (see `route.rs`).
    pub route: [u8; MAX_ROUTE_BYTES],
}

impl TradeProposal {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<TradeProposal>();

    /// Current status.
    pub fn status(&self) -> ProposalStatus {
        ProposalStatus::from_code(self.status)
    }

    /// The stored route bytes.
    pub fn route_bytes(&self) -> &[u8] {
        &self.route[..self.route_len as usize]
    }

    /// Whether the validators or quorum changed since it was made.
    pub fn is_stale(&self, config_version: u64) -> bool {
        self.config_version != config_version
    }

    /// Whether its lifetime still runs at `now` and its terms are current: only then can it
    /// be voted on or executed.
    pub fn is_live(&self, now: i64, config_version: u64) -> bool {
        now < self.expires_at && !self.is_stale(config_version)
    }

    /// Refuses unless it is live, naming which rule failed.
    pub fn require_live(&self, now: i64, config_version: u64) -> Result<()> {
        require!(now < self.expires_at, PoolError::ProposalExpired);
        require!(!self.is_stale(config_version), PoolError::ProposalStale);
        Ok(())
    }

    /// Whether the validator in `slot` voted (either way).
    pub fn has_voted(&self, slot: usize) -> bool {
        (self.approvals | self.rejections) & (1 << slot) != 0
    }

    /// Where it stands at `now` under the pool's `config_version`.
    pub fn standing(&self, now: i64, config_version: u64) -> ProposalStanding {
        let open = match self.status() {
            ProposalStatus::Rejected => return ProposalStanding::Rejected,
            ProposalStatus::Executed => return ProposalStanding::Executed,
            // `expire_proposal` before the lifetime ran out means it had gone stale
            ProposalStatus::Expired if self.decided_at < self.expires_at => {
                return ProposalStanding::Stale
            }
            ProposalStatus::Expired => return ProposalStanding::Expired,
            ProposalStatus::Pending => ProposalStanding::Pending,
            ProposalStatus::Approved => ProposalStanding::Executable,
        };
        if self.is_stale(config_version) {
            ProposalStanding::Stale
        } else if now >= self.expires_at {
            ProposalStanding::Expired
        } else {
            open
        }
    }

    /// Books the gain measured at execution.
    pub fn record_execution(&mut self, gain: u64, now: i64) {
        self.realised_profit = gain;
        self.set_status(ProposalStatus::Executed, now);
    }

    /// Records a vote and moves to Approved or Rejected when the quorum decides.
    pub fn vote(
        &mut self,
        quorum: &Quorum,
        slot: usize,
        approve: bool,
        now: i64,
    ) -> Result<ProposalStatus> {
        require!(
            self.status() == ProposalStatus::Pending,
            PoolError::ProposalNotPending
        );
        let outcome = quorum.vote(&mut self.approvals, &mut self.rejections, slot, approve)?;
        let status = match outcome {
            Outcome::Open => ProposalStatus::Pending,
            Outcome::Approved => ProposalStatus::Approved,
            Outcome::Rejected => ProposalStatus::Rejected,
        };
        self.set_status(status, now);
        Ok(status)
    }

    /// Moves to `status` at `now`.
    pub fn set_status(&mut self, status: ProposalStatus, now: i64) {
        if status != self.status() {
            self.status = status.code();
            self.decided_at = now;
        }
    }

    /// Whether it can never run again (so its rent may be returned).
    pub fn is_finished(&self) -> bool {
        matches!(
            self.status(),
            ProposalStatus::Executed | ProposalStatus::Rejected | ProposalStatus::Expired
        )
    }

    /// Rules a proposal always satisfies.
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.min_profit >= 1 && self.min_profit <= self.expected_profit,
            PoolError::InvalidMinProfit
        );
        require!(
            self.approvals & self.rejections == 0,
            PoolError::AlreadyVoted
        );
        require!(
            (self.route_len as usize) <= MAX_ROUTE_BYTES,
            PoolError::RouteLegTooLarge
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(status: ProposalStatus) -> TradeProposal {
        let mut p: TradeProposal = bytemuck::Zeroable::zeroed();
        p.expires_at = 100;
        p.config_version = 7;
        p.status = status.code();
        p
    }

    #[test]
    fn standing_reads_status_with_clock_and_version() {
        use ProposalStanding as S;
        let cases = [
            (ProposalStatus::Pending, 99, 7, S::Pending),
            (ProposalStatus::Pending, 100, 7, S::Expired),
            (ProposalStatus::Pending, 50, 8, S::Stale),
            (ProposalStatus::Approved, 99, 7, S::Executable),
            (ProposalStatus::Approved, 100, 7, S::Expired),
            (ProposalStatus::Approved, 50, 8, S::Stale),
            (ProposalStatus::Rejected, 500, 8, S::Rejected),
            (ProposalStatus::Executed, 500, 8, S::Executed),
        ];
        for (status, now, version, standing) in cases {
            let p = proposal(status);
            assert_eq!(p.standing(now, version), standing, "{status:?} at {now}");
            assert_eq!(p.is_live(now, version), standing.is_open());
        }
        // booked Expired: before its lifetime ran out it can only have gone stale
        let mut p = proposal(ProposalStatus::Expired);
        p.decided_at = 40;
        assert_eq!(p.standing(500, 7), S::Stale);
        p.decided_at = 100;
        assert_eq!(p.standing(500, 8), S::Expired);
    }

    #[test]
    fn has_voted_sees_both_ways() {
        let mut p = proposal(ProposalStatus::Pending);
        p.approvals = 0b0001;
        p.rejections = 0b0100;
        assert!(p.has_voted(0) && p.has_voted(2));
        assert!(!p.has_voted(1) && !p.has_voted(3));
    }
}
