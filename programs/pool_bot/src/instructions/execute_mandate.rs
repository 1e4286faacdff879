//! An authorised keeper runs a route inside an active mandate, in the slot it found it: the
//! route comes in the instruction (no proposal account, no vote), every leg is checked against
//! the product's leg rules and the mandate's markets, the route must spend from the vault first
//! and pay back into it last, and the execution must fit the mandate's size and budget and make
//! at least its minimum profit, else the whole transaction fails. Profit is split exactly as in
//! `execute_and_distribute` (`execution::run_and_book`).
use crate::errors::PoolError;
use crate::events::MandateExecuted;
use crate::execution::{self, Settled, TradeBooks};
use crate::route::{self, LegSpec, RoutePolicy};
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::token_interface::TokenInterface;

/// Arguments of `execute_mandate`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ExecuteMandateArgs {
    /// Vault amount the route puts in.
    pub amount_in: u64,
    /// Least gain the keeper accepts (raised to the mandate's minimum when lower).
    pub min_profit: u64,
    /// The route, accounts by index into the remaining accounts.
    pub legs: Vec<LegSpec>,
}

/// Accounts of `execute_mandate`; the route's accounts follow as remaining accounts.
#[derive(Accounts)]
pub struct ExecuteMandate<'info> {
    /// An authorised keeper.
    pub keeper: Signer<'info>,
    /// Its PDA signs the legs; books the gain and counts the execution.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// Holds the keeper list (read only).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The active mandate: its terms bound the route, its budget is spent (never a leg's
    /// account).
    #[account(mut, has_one = pool @ PoolError::WrongPool, has_one = product @ PoolError::WrongProduct)]
    pub mandate: AccountLoader<'info, Mandate>,
    /// The mandate's product: its leg rules bound every leg; books the execution.
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

impl ExecuteMandate<'_> {
    fn validate(&self, args: &ExecuteMandateArgs, now: i64) -> Result<()> {
        require!(
            self.validator_set.load()?.is_keeper(&self.keeper.key()),
            PoolError::NotKeeper
        );
        let pool = self.pool.load()?;
        pool.require_not_paused()?;
        pool.require_deposits_settled(now)?;
        let product = self.product.load()?;
        product.require_enabled()?;
        self.mandate
            .load()?
            .require_active(now, pool.config_version)?;
        require!(
            args.amount_in <= product.max_trade_amount,
            PoolError::TradeTooLarge
        );
        require!(
            args.amount_in <= pool.total_assets,
            PoolError::TradeExceedsPool
        );
        Ok(())
    }

    /// Spends the mandate's budget on `amount_in` and returns the route's legs, each checked
    /// against the product's rules and the mandate's markets (refusing a route that does not
    /// start and end in the vault), with the least gain the execution must make.
    fn prepare(
        &self,
        args: &ExecuteMandateArgs,
        infos: &[AccountInfo],
        now: i64,
    ) -> Result<(Vec<Instruction>, u64)> {
        let product = self.product.load()?;
        let mut mandate = self.mandate.load_mut()?;
        mandate.spend(args.amount_in, now)?;
        let min_profit = mandate
            .required_profit(args.amount_in, product.min_profit)?
            .max(args.min_profit);
        let policy = RoutePolicy {
            rules: product.leg_rules(),
            markets: mandate.markets(),
            pool: self.pool.key(),
            record: self.mandate.key(),
        };
        let legs = route::resolve(&args.legs, infos, &policy)?;
        let vault = self.vault.key();
        let end = |leg: &(Instruction, LegRule), index: u8| {
            leg.0
                .accounts
                .get(usize::from(index))
                .is_some_and(|m| m.pubkey == vault)
        };
        let closed = legs.first().is_some_and(|l| end(l, l.1.source_index))
            && legs.last().is_some_and(|l| end(l, l.1.destination_index));
        require!(closed, PoolError::MandateRouteNotClosed);
        Ok((legs.into_iter().map(|(leg, _)| leg).collect(), min_profit))
    }

    /// Runs the route, checks the gain against the mandate and distributes it.
    pub fn execute_mandate<'info>(
        mut ctx: Context<'info, ExecuteMandate<'info>>,
        args: ExecuteMandateArgs,
    ) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(&args, now)?;
        let mut infos = ctx.remaining_accounts.to_vec();
        infos.push(ctx.accounts.pool.to_account_info());
        infos.push(ctx.accounts.vault.to_account_info());
        let (legs, min_profit) = ctx.accounts.prepare(&args, &infos, now)?;
        let a = &mut ctx.accounts;
        let Settled {
            gain,
            insurance,
            member_profit,
        } = execution::run_and_book(
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
            args.amount_in,
            min_profit,
        )?;
        a.product.load_mut()?.record_execution(gain)?;
        let mut mandate = a.mandate.load_mut()?;
        mandate.record_execution(gain)?;
        mandate.invariant()?;
        let mut pool = a.pool.load_mut()?;
        pool.record_mandate_trade()?;
        pool.invariant()?;

        emit!(MandateExecuted {
            pool: a.pool.key(),
            mandate: a.mandate.key(),
            executor: a.keeper.key(),
            amount_in: args.amount_in,
            gain,
            insurance,
            member_profit,
            trades_in_period: mandate.trades_in_period,
            notional_in_period: mandate.notional_in_period,
            total_shares: pool.total_shares,
            total_assets: pool.total_assets,
            unix_timestamp: now,
        });
        Ok(())
    }
}
