//! A pool's statistics (pool, member, insurance, validators, trades), computed from one
//! snapshot of its accounts with the program's own share math, so every tool shows the same
//! numbers. Amounts are in base units; ratios are percentages, `None` when undefined.
use crate::accounts::{self, decode, decode_zero_copy, DecodeError};
use crate::chain::{Chain, ChainError};
use crate::pda::PoolAddresses;
use crate::token;
use anchor_lang::prelude::Pubkey;
use pool_bot::math::share_value;
use pool_bot::state::{
    InsuranceReserve, MemberPosition, MemberStatus, Pool, ProposalStanding, Role, TradeProposal,
    ValidatorSet,
};

/// Why a snapshot could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The chain could not be read.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// An account of the pool does not exist.
    #[error("no {what} at {key}")]
    Missing {
        /// Which account.
        what: &'static str,
        /// Its address.
        key: Pubkey,
    },
    /// An account could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// The accounts the statistics are computed from, read at one time.
#[derive(Clone)]
pub struct Snapshot {
    /// The pool.
    pub pool: Pool,
    /// Its validators and keepers.
    pub validators: ValidatorSet,
    /// Its insurance reserve.
    pub reserve: InsuranceReserve,
    /// Tokens in the vault.
    pub vault_balance: u64,
    /// Tokens in the reserve's token account.
    pub reserve_balance: u64,
    /// Its trade proposals that still exist (closed ones are gone), by id.
    pub proposals: Vec<TradeProposal>,
    /// Unix time of the snapshot.
    pub now: i64,
}

fn required(chain: &dyn Chain, key: &Pubkey, what: &'static str) -> Result<Vec<u8>, SnapshotError> {
    chain
        .account(key)?
        .map(|a| a.data)
        .ok_or(SnapshotError::Missing { what, key: *key })
}

impl Snapshot {
    /// Reads the pool at `pool` and everything its statistics need.
    pub fn load(chain: &dyn Chain, pool: &Pubkey) -> Result<Snapshot, SnapshotError> {
        let state: Pool = decode_zero_copy(&required(chain, pool, "pool")?)?;
        let p = PoolAddresses::of(&state);
        let validators = decode_zero_copy(&required(chain, &p.validator_set, "validator set")?)?;
        let reserve = decode(&required(chain, &p.insurance, "insurance reserve")?)?;
        let balance = |key: &Pubkey, what| {
            required(chain, key, what).map(|data| token::balance(&data).unwrap_or(0))
        };
        let vault_balance = balance(&p.vault, "vault")?;
        let reserve_balance = balance(&p.insurance_vault, "reserve token account")?;
        let proposals = accounts::proposals(chain, pool)?
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        Ok(Snapshot {
            pool: state,
            validators,
            reserve,
            vault_balance,
            reserve_balance,
            proposals,
            now: chain.clock()?.unix_timestamp,
        })
    }

    /// Where `proposal` stands at the snapshot's time (the program's one rule).
    pub fn standing(&self, proposal: &TradeProposal) -> ProposalStanding {
        proposal.standing(self.now, self.pool.config_version)
    }

    /// The statistics.
    pub fn overview(&self) -> Overview {
        Overview {
            pool: self.pool_stats(),
            insurance: self.insurance_stats(),
            validators: self.validator_stats(),
            trades: self.trade_stats(),
        }
    }

    fn pool_stats(&self) -> PoolStats {
        let p = &self.pool;
        let one = 10u64.saturating_pow(u32::from(p.decimals));
        PoolStats {
            capital_contributed: p.total_contributed,
            total_withdrawn: p.total_withdrawn,
            active_members: p.active_members,
            withdrawn_members: p.withdrawn_members,
            max_members: p.max_members,
            vault_balance: self.vault_balance,
            total_assets: p.total_assets,
            pending_deposits: p.pending_deposits,
            total_shares: p.total_shares,
            total_profit: p.total_profit,
            member_profit: p.total_member_profit,
            roi_percent: percent(p.total_member_profit, p.total_contributed),
            share_value: share_value(one, p.total_shares, p.total_assets).unwrap_or(0),
        }
    }

    /// A member's statistics.
    pub fn member(&self, position: &MemberPosition) -> MemberStats {
        let value = self.pool.assets_for_shares(position.shares).unwrap_or(0);
        MemberStats {
            owner: position.owner,
            active: position.status == MemberStatus::Active,
            shares: position.shares,
            capital_contributed: position.capital_contributed,
            total_withdrawn: position.total_withdrawn,
            value,
            pending_deposit: position.pending_deposit,
            profit: i128::from(value)
                + i128::from(position.pending_deposit)
                + i128::from(position.total_withdrawn)
                - i128::from(position.capital_contributed),
            pool_share_percent: percent(position.shares, self.pool.total_shares),
            joined_at: position.joined_at,
            last_activity_at: position.last_activity_at,
        }
    }

    fn insurance_stats(&self) -> InsuranceStats {
        let r = &self.reserve;
        InsuranceStats {
            reserve_balance: self.reserve_balance,
            total_allocated: r.total_allocated,
            total_funded: r.total_funded,
            total_paid: r.total_paid,
            claims_filed: r.claims_filed,
            claims_paid: r.claims_paid,
            claims_denied: r.claims_denied,
            pending_claims: r.pending_claims,
            pending_amount: r.pending_amount,
            coverage_percent: percent(self.reserve_balance, self.pool.total_assets),
        }
    }

    fn validator_stats(&self) -> ValidatorStats {
        let open: Vec<&TradeProposal> = self
            .proposals
            .iter()
            .filter(|t| self.standing(t) == ProposalStanding::Pending)
            .collect();
        let validators = self
            .validators
            .validators()
            .iter()
            .enumerate()
            .map(|(slot, v)| {
                let awaiting = open.iter().filter(|t| !t.has_voted(slot)).count();
                ValidatorRow {
                    key: v.key,
                    role: v.role(),
                    approvals: v.approvals,
                    rejections: v.rejections,
                    approval_rate_percent: percent(
                        u64::from(v.approvals),
                        u64::from(v.approvals) + u64::from(v.rejections),
                    ),
                    claim_votes: v.claim_votes,
                    pending_votes: awaiting as u64,
                    last_active_slot: v.last_active_slot,
                }
            })
            .collect();
        ValidatorStats {
            validators,
            keepers: self.validators.keepers().to_vec(),
            required_approvals: self.pool.required_approvals,
            lead_required: self.pool.lead_required(),
            pending_approvals: open.len() as u64,
        }
    }

    fn trade_stats(&self) -> TradeStats {
        let count = |standing: ProposalStanding| {
            self.proposals
                .iter()
                .filter(|t| self.standing(t) == standing)
                .count() as u64
        };
        // undecided on chain but past expiry (Expired) or made under an older configuration
        // (Stale): anyone may mark them Expired, which moves them into `trades_expired`
        let lapsed = |standing: ProposalStanding| {
            self.proposals
                .iter()
                .filter(|t| !t.is_finished() && self.standing(t) == standing)
                .count() as u64
        };
        let p = &self.pool;
        TradeStats {
            proposed: p.trades_proposed,
            approved: p.trades_approved,
            rejected: p.trades_rejected,
            executed: p.trades_executed,
            expired: p.trades_expired + lapsed(ProposalStanding::Expired),
            stale: lapsed(ProposalStanding::Stale),
            pending: count(ProposalStanding::Pending),
            awaiting_execution: count(ProposalStanding::Executable),
        }
    }
}

/// `part / whole` as a percentage, `None` when `whole` is zero.
fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64 * 100.0)
}

/// Everything the overview shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// Pool level.
    pub pool: PoolStats,
    /// Insurance level.
    pub insurance: InsuranceStats,
    /// Validator level.
    pub validators: ValidatorStats,
    /// Trade level.
    pub trades: TradeStats,
}

/// Pool level statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolStats {
    /// Sum of all deposits.
    pub capital_contributed: u64,
    /// Sum of all withdrawals.
    pub total_withdrawn: u64,
    /// Members holding shares.
    pub active_members: u32,
    /// Members who withdrew everything.
    pub withdrawn_members: u32,
    /// Most active members allowed.
    pub max_members: u32,
    /// Tokens in the vault (the pool's balance).
    pub vault_balance: u64,
    /// Assets owed to members by the books.
    pub total_assets: u64,
    /// Requested deposits in the vault, not yet shares.
    pub pending_deposits: u64,
    /// Shares held by all members.
    pub total_shares: u64,
    /// Sum of executed trades' gains (before the insurance share).
    pub total_profit: u64,
    /// The members' part of `total_profit`.
    pub member_profit: u64,
    /// Members' profit over capital contributed.
    pub roi_percent: Option<f64>,
    /// Value of one whole token's worth of shares (10^decimals shares; one token at the
    /// start), in base units.
    pub share_value: u64,
}

/// One member's statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberStats {
    /// The member's wallet.
    pub owner: Pubkey,
    /// Whether the member holds shares.
    pub active: bool,
    /// Shares held.
    pub shares: u64,
    /// Sum of the member's deposits.
    pub capital_contributed: u64,
    /// Sum of the member's withdrawals.
    pub total_withdrawn: u64,
    /// What withdrawing every share would pay now.
    pub value: u64,
    /// Requested deposits not yet settled into shares.
    pub pending_deposit: u64,
    /// Value plus withdrawals minus deposits: what the position gained so far.
    pub profit: i128,
    /// The member's shares over all shares.
    pub pool_share_percent: Option<f64>,
    /// Unix time of the first deposit.
    pub joined_at: i64,
    /// Unix time of the last deposit or withdrawal.
    pub last_activity_at: i64,
}

/// Insurance level statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct InsuranceStats {
    /// Tokens in the reserve.
    pub reserve_balance: u64,
    /// Sum of the insurance share of executed trades.
    pub total_allocated: u64,
    /// Sum of direct funding.
    pub total_funded: u64,
    /// Sum paid on claims.
    pub total_paid: u64,
    /// Claims filed.
    pub claims_filed: u64,
    /// Claims paid.
    pub claims_paid: u64,
    /// Claims denied.
    pub claims_denied: u64,
    /// Claims awaiting a decision.
    pub pending_claims: u64,
    /// Sum of pending claims.
    pub pending_amount: u64,
    /// Reserve balance over the pool's assets.
    pub coverage_percent: Option<f64>,
}

/// One validator's statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidatorRow {
    /// The validator's wallet.
    pub key: Pubkey,
    /// Its role.
    pub role: Role,
    /// Trade approvals cast.
    pub approvals: u32,
    /// Trade rejections cast.
    pub rejections: u32,
    /// Approvals over votes cast.
    pub approval_rate_percent: Option<f64>,
    /// Claim votes cast.
    pub claim_votes: u32,
    /// Open proposals it has not voted on yet.
    pub pending_votes: u64,
    /// Slot of its last vote.
    pub last_active_slot: u64,
}

/// Validator level statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidatorStats {
    /// Each validator, by slot.
    pub validators: Vec<ValidatorRow>,
    /// Authorised keepers.
    pub keepers: Vec<Pubkey>,
    /// Approvals a trade needs.
    pub required_approvals: u8,
    /// Whether one approval must come from a LEAD or ADMIN.
    pub lead_required: bool,
    /// Open proposals awaiting votes.
    pub pending_approvals: u64,
}

/// Trade level statistics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TradeStats {
    /// Proposals made.
    pub proposed: u64,
    /// Proposals that reached quorum.
    pub approved: u64,
    /// Proposals rejected.
    pub rejected: u64,
    /// Proposals executed.
    pub executed: u64,
    /// Proposals marked expired on chain (run out or gone stale), and those whose lifetime ran
    /// out that nobody marked yet.
    pub expired: u64,
    /// Undecided proposals made under an older configuration (validators, quorum, terms):
    /// they can never run; not marked expired yet.
    pub stale: u64,
    /// Open proposals awaiting votes.
    pub pending: u64,
    /// Approved proposals still executable.
    pub awaiting_execution: u64,
}
