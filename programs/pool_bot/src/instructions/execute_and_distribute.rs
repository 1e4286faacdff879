//! Runs an approved proposal's stored route by CPI with the pool PDA signing, then requires the
//! vault to have gained at least the approved minimum profit, never to have lent out more than
//! the approved `amount_in` along the way, and every other pool token account the route wrote
//! to be left whole (else the whole transaction fails and nothing moves); sends `insurance_bps`
//! of the gain to the insurance reserve and books the rest to members through the share price.
//! No loop over members.
use crate::errors::PoolError;
use crate::events::TradeExecuted;
use crate::execution::{self, Settled, TradeBooks};
use crate::route::{self, RoutePolicy};
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Accounts of `execute_and_distribute`; the route's accounts follow as remaining accounts.
#[derive(Accounts)]
pub struct ExecuteAndDistribute<'info> {
    /// An authorised keeper or a validator.
    pub executor: Signer<'info>,
    /// The pool (its PDA signs the route's legs).
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (keeper list, validators).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The approved proposal (never handed to a leg).
    #[account(mut, has_one = pool @ PoolError::WrongPool, has_one = product @ PoolError::WrongProduct)]
    pub proposal: AccountLoader<'info, TradeProposal>,
    /// The proposal's product.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub product: AccountLoader<'info, Product>,
    /// The pool's vault: the route starts and ends here; its gain is the profit (read from
    /// the raw token layout).
    /// CHECK: the pool's vault by address.
    #[account(mut, address = pool.load()?.vault @ PoolError::WrongVault)]
    pub vault: UncheckedAccount<'info>,
    /// The pool's asset mint (the insurance transfer names it).
    /// CHECK: the pool's asset mint by address.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: UncheckedAccount<'info>,
    /// Receives the insurance share in its books.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Box<Account<'info, InsuranceReserve>>,
    /// Receives the insurance share.
    /// CHECK: the reserve's token account by address.
    #[account(mut, address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: UncheckedAccount<'info>,
    /// The mint's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

impl ExecuteAndDistribute<'_> {
    fn validate(&self) -> Result<()> {
        let set = self.validator_set.load()?;
        let executor = self.executor.key();
        require!(
            set.is_keeper(&executor) || set.slot_of(&executor).is_some(),
            PoolError::NotKeeper
        );
        let pool = self.pool.load()?;
        pool.require_not_paused()?;
        let now = Clock::get()?.unix_timestamp;
        pool.require_deposits_settled(now)?;
        let product = self.product.load()?;
        product.require_enabled()?;
        let proposal = self.proposal.load()?;
        // the limits hold when it runs, not only when it was proposed
        require!(
            proposal.amount_in <= product.max_trade_amount,
            PoolError::TradeTooLarge
        );
        require!(
            proposal.amount_in <= pool.total_assets,
            PoolError::TradeExceedsPool
        );
        require!(
            proposal.status() == ProposalStatus::Approved,
            PoolError::ProposalNotApproved
        );
        proposal.require_live(now, pool.config_version)
    }
}

impl<'info> ExecuteAndDistribute<'info> {
    /// Runs the route, checks the gain and distributes it.
    #[access_control(ctx.accounts.validate())]
    pub fn execute_and_distribute(mut ctx: Context<'info, Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let pool_key = ctx.accounts.pool.key();
        let proposal_key = ctx.accounts.proposal.key();
        let mut infos = ctx.remaining_accounts.to_vec();
        infos.push(ctx.accounts.pool.to_account_info());
        infos.push(ctx.accounts.vault.to_account_info());
        let (legs, min_profit, amount_in) = {
            let product = ctx.accounts.product.load()?;
            let policy = RoutePolicy {
                rules: product.leg_rules(),
                markets: product.markets(),
                pool: pool_key,
                record: proposal_key,
            };
            let proposal = ctx.accounts.proposal.load()?;
            (
                route::instructions(proposal.route_bytes(), &policy, &infos)?,
                proposal.min_profit,
                proposal.amount_in,
            )
        };
        let a = &mut ctx.accounts;
        let settled = execution::run_and_book(
            TradeBooks {
                pool: &a.pool,
                vault: &a.vault,
                mint: &a.mint,
                insurance: &mut a.insurance,
                insurance_vault: &a.insurance_vault,
                token_program: &a.token_program,
            },
            &legs,
            &infos,
            amount_in,
            min_profit,
        )?;
        let Settled {
            gain,
            insurance,
            member_profit,
        } = settled;
        a.product.load_mut()?.record_execution(gain)?;
        a.proposal.load_mut()?.record_execution(gain, now);
        let mut pool = a.pool.load_mut()?;
        pool.record_trade_executed()?;
        pool.invariant()?;

        emit!(TradeExecuted {
            pool: pool_key,
            proposal: proposal_key,
            executor: a.executor.key(),
            gain,
            insurance,
            member_profit,
            total_shares: pool.total_shares,
            total_assets: pool.total_assets,
            unix_timestamp: now,
        });
        Ok(())
    }
}
