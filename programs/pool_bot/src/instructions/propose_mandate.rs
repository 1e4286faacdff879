//! A keeper or an ADMIN proposes a mandate: a class of trades (markets, size, least profit, a
//! budget per period, a lifetime) the validators approve once, by the trade quorum, within a
//! proposal lifetime. It becomes usable after the pool's time lock, like any governance change.
use crate::errors::PoolError;
use crate::events::MandateProposed;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `propose_mandate`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ProposeMandateArgs {
    /// What the mandate permits.
    pub terms: MandateTerms,
}

/// Accounts of `propose_mandate`.
#[derive(Accounts)]
pub struct ProposeMandate<'info> {
    /// An authorised keeper or an ADMIN; pays for the mandate (returned on close).
    #[account(mut)]
    pub proposer: Signer<'info>,
    /// Hands out the id; its proposal lifetime bounds the vote.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// Holds the keeper list and the ADMINs (read only).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The product whose limits, leg rules and markets bound the mandate (read only).
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub product: AccountLoader<'info, Product>,
    /// The new mandate, at the pool's next mandate id.
    #[account(
        init,
        payer = proposer,
        space = Mandate::SPACE,
        // `u64::to_le_bytes(…)` rather than `x.to_le_bytes()`: see `propose_trade`
        seeds = [
            SEED_MANDATE,
            pool.key().as_ref(),
            &u64::to_le_bytes(pool.load()?.next_mandate_id),
        ],
        bump
    )]
    pub mandate: AccountLoader<'info, Mandate>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl ProposeMandate<'_> {
    fn validate(&self, terms: &MandateTerms) -> Result<()> {
        let set = self.validator_set.load()?;
        let proposer = self.proposer.key();
        require!(
            set.is_keeper(&proposer) || set.require_role(&proposer, Role::Admin).is_ok(),
            PoolError::NotKeeperOrAdmin
        );
        self.pool.load()?.require_not_paused()?;
        let product = self.product.load()?;
        product.require_enabled()?;
        require!(
            (1..=MAX_MANDATE_MARKETS).contains(&terms.markets.len()),
            PoolError::MandateMarkets
        );
        for (i, market) in terms.markets.iter().enumerate() {
            require!(
                !terms.markets[i + 1..].contains(market),
                PoolError::MandateMarkets
            );
            require!(
                product.markets().is_empty() || product.markets().contains(market),
                PoolError::MandateMarketNotAllowed
            );
        }
        require!(terms.max_amount_in > 0, PoolError::ZeroAmount);
        require!(
            terms.max_amount_in <= product.max_trade_amount,
            PoolError::TradeTooLarge
        );
        require!(
            terms.min_profit >= product.min_profit.max(1),
            PoolError::MandateMinProfitTooLow
        );
        Ok(())
    }

    /// Stores the terms and opens the mandate for votes.
    #[access_control(ctx.accounts.validate(&args.terms))]
    pub fn propose_mandate(ctx: Context<Self>, args: ProposeMandateArgs) -> Result<()> {
        let terms = args.terms;
        let now = Clock::get()?.unix_timestamp;
        let mut pool = ctx.accounts.pool.load_mut()?;
        let id = pool.take_mandate_id()?;
        pool.invariant()?;
        let mut mandate = ctx.accounts.mandate.load_init()?;
        mandate.pool = ctx.accounts.pool.key();
        mandate.proposer = ctx.accounts.proposer.key();
        mandate.product = ctx.accounts.product.key();
        mandate.id = id;
        mandate.set_terms(&terms)?;
        mandate.config_version = pool.config_version;
        mandate.created_at = now;
        mandate.vote_expires_at = now
            .checked_add(pool.proposal_ttl)
            .ok_or(PoolError::MathOverflow)?;
        mandate.decided_at = now;
        mandate.bump = ctx.bumps.mandate;
        mandate.invariant()?;

        emit!(MandateProposed {
            pool: mandate.pool,
            mandate: ctx.accounts.mandate.key(),
            id,
            proposer: mandate.proposer,
            product: mandate.product,
            markets: terms.markets,
            max_amount_in: terms.max_amount_in,
            min_profit: terms.min_profit,
            min_profit_bps: terms.min_profit_bps,
            period: terms.period,
            max_trades_per_period: terms.max_trades_per_period,
            max_notional_per_period: terms.max_notional_per_period,
            duration: terms.duration,
            vote_expires_at: mandate.vote_expires_at,
            unix_timestamp: now,
        });
        Ok(())
    }
}
