//! Runs an approved proposal's stored route by CPI with the pool PDA signing, then requires the
//! vault to have gained at least the approved minimum profit, never to have lent out more than
//! the approved `amount_in` along the way, and every other pool token account the route wrote
//! to be left whole (else the whole transaction fails and nothing moves); sends `insurance_bps`
//! of the gain to the insurance reserve and books the rest to members through the share price.
//! No loop over members.
use crate::errors::PoolError;
use crate::events::TradeExecuted;
use crate::math;
use crate::route::{self, RoutePolicy};
use crate::route_guard::RouteGuard;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::program::invoke_signed_unchecked;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

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
    /// The pool's vault.
    #[account(mut, address = pool.load()?.vault @ PoolError::WrongVault)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The pool's asset mint.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The pool's insurance reserve.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Box<Account<'info, InsuranceReserve>>,
    /// The reserve's token account.
    #[account(mut, address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: Box<InterfaceAccount<'info, TokenAccount>>,
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
    pub fn execute_and_distribute(ctx: Context<'info, Self>) -> Result<()> {
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
                proposal: proposal_key,
            };
            let proposal = ctx.accounts.proposal.load()?;
            (
                route::instructions(proposal.route_bytes(), &policy, &infos)?,
                proposal.min_profit,
                proposal.amount_in,
            )
        };
        let (creator, asset_mint, bump, insurance_bps) = {
            let pool = ctx.accounts.pool.load()?;
            (pool.creator, pool.asset_mint, pool.bump, pool.insurance_bps)
        };
        let seeds: &[&[u8]] = &[SEED_POOL, creator.as_ref(), asset_mint.as_ref(), &[bump]];

        let before = ctx.accounts.vault.amount;
        let mut guard = RouteGuard::before(&legs, &infos, &pool_key, &ctx.accounts.vault.key())?;
        // No account of this instruction is borrowed here (loaders were dropped), which is
        // what the skipped client-side borrow checks would verify.
        for leg in &legs {
            invoke_signed_unchecked(leg, &infos, &[seeds])?;
            guard.after_leg(&infos)?;
        }
        guard.require_kept(&infos, &pool_key, amount_in)?;

        let vault = &mut ctx.accounts.vault;
        vault.reload()?;
        require!(
            vault.owner == pool_key && vault.delegate.is_none() && vault.close_authority.is_none(),
            PoolError::VaultAuthorityChanged
        );
        let gain = vault
            .amount
            .checked_sub(before)
            .ok_or(PoolError::ProfitBelowMinimum)?;
        require!(gain >= min_profit, PoolError::ProfitBelowMinimum);

        let (insurance, member_profit) = math::split_profit(gain, insurance_bps)?;
        if insurance > 0 {
            let a = &ctx.accounts;
            token::transfer(
                &a.token_program,
                &a.mint,
                a.vault.to_account_info(),
                a.insurance_vault.to_account_info(),
                a.pool.to_account_info(),
                insurance,
                &[seeds],
            )?;
        }
        ctx.accounts.insurance.record_allocation(insurance)?;
        ctx.accounts.product.load_mut()?.record_execution(gain)?;
        let mut proposal = ctx.accounts.proposal.load_mut()?;
        proposal.record_execution(gain, now);
        let mut pool = ctx.accounts.pool.load_mut()?;
        pool.record_profit(gain, member_profit)?;
        pool.invariant()?;

        emit!(TradeExecuted {
            pool: pool_key,
            proposal: proposal_key,
            executor: ctx.accounts.executor.key(),
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
