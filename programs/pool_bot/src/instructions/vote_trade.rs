//! A validator (any role) approves or rejects a pending, live proposal. The vote that reaches
//! quorum approves it; the one that makes quorum unreachable rejects it.
use crate::errors::PoolError;
use crate::events::TradeVoted;
use crate::math::add;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `reject`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RejectArgs {
    /// Why (at most 200 bytes; recorded in the event).
    pub reason: String,
}

/// Accounts of `approve` and `reject`.
#[derive(Accounts)]
pub struct VoteTrade<'info> {
    /// A validator of the pool.
    pub validator: Signer<'info>,
    /// The pool.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (records the voter's activity).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The proposal.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub proposal: AccountLoader<'info, TradeProposal>,
}

impl VoteTrade<'_> {
    fn validate(&self) -> Result<()> {
        let proposal = self.proposal.load()?;
        require!(
            proposal.status() == ProposalStatus::Pending,
            PoolError::ProposalNotPending
        );
        proposal.require_live(
            Clock::get()?.unix_timestamp,
            self.pool.load()?.config_version,
        )
    }

    fn vote(&self, approve: bool, reason: String) -> Result<()> {
        let clock = Clock::get()?;
        let mut set = self.validator_set.load_mut()?;
        let slot = set.require_role(&self.validator.key(), Role::Junior)?;
        let mut pool = self.pool.load_mut()?;
        let quorum = set.trade_quorum(pool.required_approvals, pool.lead_required());
        let mut proposal = self.proposal.load_mut()?;
        let status = proposal.vote(&quorum, slot, approve, clock.unix_timestamp)?;
        set.record_trade_vote(slot, approve, clock.slot);
        match status {
            ProposalStatus::Approved => pool.trades_approved = add(pool.trades_approved, 1)?,
            ProposalStatus::Rejected => pool.trades_rejected = add(pool.trades_rejected, 1)?,
            _ => {}
        }
        emit!(TradeVoted {
            pool: self.pool.key(),
            proposal: self.proposal.key(),
            validator: self.validator.key(),
            approve,
            reason,
            approvals: proposal.approvals.count_ones() as u8,
            rejections: proposal.rejections.count_ones() as u8,
            status,
        });
        Ok(())
    }

    /// Approves the proposal.
    #[access_control(ctx.accounts.validate())]
    pub fn approve(ctx: Context<Self>) -> Result<()> {
        ctx.accounts.vote(true, String::new())
    }

    /// Rejects the proposal, with a reason.
    #[access_control(ctx.accounts.validate())]
    pub fn reject(ctx: Context<Self>, args: RejectArgs) -> Result<()> {
        check_reason(&args.reason)?;
        ctx.accounts.vote(false, args.reason)
    }
}
