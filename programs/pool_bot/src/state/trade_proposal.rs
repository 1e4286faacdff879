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

    /// Refuses unless it is still votable or executable: not expired and not stale.
    pub fn require_live(&self, now: i64, config_version: u64) -> Result<()> {
        require!(now < self.expires_at, PoolError::ProposalExpired);
        require!(!self.is_stale(config_version), PoolError::ProposalStale);
        Ok(())
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
