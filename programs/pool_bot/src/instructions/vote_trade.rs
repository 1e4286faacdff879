//! A validator (any role) approves or rejects a pending, live proposal. The vote that reaches
//! quorum approves it; the one that makes quorum unreachable rejects it.
use crate::errors::PoolError;
use crate::events::TradeVoted;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `reject_trade`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RejectTradeArgs {
    /// Why (at most 200 bytes; recorded in the event).
    pub reason: String,
}

/// Accounts of `approve_trade` and `reject_trade`.
#[derive(Accounts)]
pub struct VoteTrade<'info> {
    /// A validator of the pool.
    pub validator: Signer<'info>,
    /// Counts the decision; its quorum and config version decide the vote.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (records the voter's activity).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Receives the vote; must be pending and live.
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
        pool.record_trade_decision(status)?;
        pool.invariant()?;
        emit!(TradeVoted {
            pool: self.pool.key(),
            proposal: self.proposal.key(),
            validator: self.validator.key(),
            approve,
            reason,
            approvals: proposal.approvals.count_ones() as u8,
            rejections: proposal.rejections.count_ones() as u8,
            status,
            unix_timestamp: clock.unix_timestamp,
        });
        Ok(())
    }

    /// Approves the proposal.
    #[access_control(ctx.accounts.validate())]
    pub fn approve_trade(ctx: Context<Self>) -> Result<()> {
        ctx.accounts.vote(true, String::new())
    }

    /// Rejects the proposal, with a reason.
    #[access_control(ctx.accounts.validate())]
    pub fn reject_trade(ctx: Context<Self>, args: RejectTradeArgs) -> Result<()> {
        check_reason(&args.reason)?;
        ctx.accounts.vote(false, args.reason)
    }
}
