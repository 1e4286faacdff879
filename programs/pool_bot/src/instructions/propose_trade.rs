//! A keeper proposes a trade: the exact route (legs resolved against the remaining accounts and
//! stored in the proposal), the amount in, the expected and minimum profit.
use crate::errors::PoolError;
use crate::events::TradeProposed;
use crate::route::{self, LegSpec, RoutePolicy};
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `propose_trade`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ProposeTradeArgs {
    /// Vault amount the route puts in.
    pub amount_in: u64,
    /// Gain the keeper expects.
    pub expected_profit: u64,
    /// Least gain the execution must produce.
    pub min_profit: u64,
    /// The route, accounts by index into the remaining accounts.
    pub legs: Vec<LegSpec>,
}

/// Accounts of `propose_trade`; the route's accounts follow as remaining accounts.
#[derive(Accounts)]
pub struct ProposeTrade<'info> {
    /// An authorised keeper; pays for the proposal (returned on close).
    #[account(mut)]
    pub keeper: Signer<'info>,
    /// Hands out the id, counts the proposal and notes its expiry (deposits wait for it).
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (holds the keeper list).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The product the trade runs under.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub product: AccountLoader<'info, Product>,
    /// The new proposal, at the pool's next proposal id.
    #[account(
        init,
        payer = keeper,
        space = TradeProposal::SPACE,
        // Not `x.to_le_bytes()` (same bytes): Anchor's IDL builder reads `pool.load()?.…`
        // as the seed `pool` and would publish a wrong PDA; this form makes it publish none.
        seeds = [
            SEED_PROPOSAL,
            pool.key().as_ref(),
            &u64::to_le_bytes(pool.load()?.next_proposal_id),
        ],
        bump
    )]
    pub proposal: AccountLoader<'info, TradeProposal>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl ProposeTrade<'_> {
    fn validate(&self, args: &ProposeTradeArgs) -> Result<()> {
        require!(
            self.validator_set.load()?.is_keeper(&self.keeper.key()),
            PoolError::NotKeeper
        );
        let pool = self.pool.load()?;
        pool.require_not_paused()?;
        let product = self.product.load()?;
        product.require_enabled()?;
        product.check_trade(args.amount_in, args.min_profit, args.expected_profit)?;
        require!(
            args.amount_in <= pool.total_assets,
            PoolError::TradeExceedsPool
        );
        Ok(())
    }

    /// Resolves, checks and stores the route; opens the proposal for votes.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn propose_trade(ctx: Context<Self>, args: ProposeTradeArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let pool_key = ctx.accounts.pool.key();
        let proposal_key = ctx.accounts.proposal.key();
        let mut pool = ctx.accounts.pool.load_mut()?;
        let (id, expires_at) = pool.open_proposal(now)?;

        let mut product = ctx.accounts.product.load_mut()?;
        product.record_proposal()?;
        let mut proposal = ctx.accounts.proposal.load_init()?;
        let policy = RoutePolicy {
            rules: product.leg_rules(),
            markets: product.markets(),
            pool: pool_key,
            record: proposal_key,
        };
        let len = route::write(
            &args.legs,
            ctx.remaining_accounts,
            &policy,
            &mut proposal.route,
        )?;
        let route_hash = route::hash(&proposal.route[..len]);
        proposal.pool = pool_key;
        proposal.proposer = ctx.accounts.keeper.key();
        proposal.product = ctx.accounts.product.key();
        proposal.route_hash = route_hash;
        proposal.id = id;
        proposal.amount_in = args.amount_in;
        proposal.expected_profit = args.expected_profit;
        proposal.min_profit = args.min_profit;
        proposal.created_at = now;
        proposal.expires_at = expires_at;
        proposal.config_version = pool.config_version;
        proposal.decided_at = now;
        proposal.route_len = len as u16;
        proposal.status = ProposalStatus::Pending.code();
        proposal.leg_count = args.legs.len() as u8;
        proposal.bump = ctx.bumps.proposal;
        proposal.invariant()?;
        pool.invariant()?;

        emit!(TradeProposed {
            pool: pool_key,
            proposal: proposal_key,
            id,
            proposer: proposal.proposer,
            product: proposal.product,
            route_hash,
            leg_count: proposal.leg_count,
            amount_in: args.amount_in,
            expected_profit: args.expected_profit,
            min_profit: args.min_profit,
            expires_at: proposal.expires_at,
            unix_timestamp: now,
        });
        Ok(())
    }
}
