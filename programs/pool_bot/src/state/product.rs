//! A registered product (arbitrage, staking, …): its limits and the programs its trades may call.
use crate::errors::PoolError;
use crate::math::add;
use anchor_lang::prelude::*;

/// Most programs a product may allow.
pub const MAX_ALLOWED_PROGRAMS: usize = 8;
/// Longest product name, in bytes.
pub const MAX_PRODUCT_NAME_LEN: usize = 32;

/// What kind of strategy a product is.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum ProductCategory {
    /// Cross-pool arbitrage.
    Arbitrage,
    /// Staking.
    Staking,
    /// Directional trading.
    Trading,
    /// Lending.
    Lending,
    /// Anything else.
    Other,
}

/// Limits every proposal under a product must respect.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub struct ProductConfig {
    /// Largest `amount_in` a proposal may use.
    pub max_trade_amount: u64,
    /// Smallest `min_profit` a proposal may set.
    pub min_profit: u64,
    /// Largest share of a DEX pool's input reserve a trade may take, in basis points
    /// (enforced by keepers and validator policy, where reserves are known).
    pub max_liquidity_bps: u16,
}

/// PDA `[SEED_PRODUCT, pool, id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Product {
    /// The pool.
    pub pool: Pubkey,
    /// Sequential id within the pool.
    pub id: u64,
    /// Display name.
    #[max_len(MAX_PRODUCT_NAME_LEN)]
    pub name: String,
    /// Category.
    pub category: ProductCategory,
    /// Limits.
    pub config: ProductConfig,
    /// Whether proposals under it may be made and executed.
    pub enabled: bool,
    /// Programs its routes may invoke.
    #[max_len(MAX_ALLOWED_PROGRAMS)]
    pub allowed_programs: Vec<Pubkey>,
    /// Proposals made under it.
    pub proposals: u64,
    /// Proposals executed under it.
    pub executed: u64,
    /// Sum of executed trades' gains.
    pub total_profit: u64,
    /// Unix time registered.
    pub created_at: i64,
    /// Bump of this PDA.
    pub bump: u8,
}

impl Product {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + Product::INIT_SPACE;

    /// Refuses while disabled.
    pub fn require_enabled(&self) -> Result<()> {
        require!(self.enabled, PoolError::ProductDisabled);
        Ok(())
    }

    /// Refuses an amount or minimum profit outside the product's limits.
    pub fn check_trade(&self, amount_in: u64, min_profit: u64, expected_profit: u64) -> Result<()> {
        require!(amount_in > 0, PoolError::ZeroAmount);
        require!(amount_in <= self.config.max_trade_amount, PoolError::TradeTooLarge);
        require!(
            min_profit >= self.config.min_profit.max(1) && min_profit <= expected_profit,
            PoolError::InvalidMinProfit
        );
        Ok(())
    }

    /// Books a proposal made under it.
    pub fn record_proposal(&mut self) -> Result<()> {
        self.proposals = add(self.proposals, 1)?;
        Ok(())
    }

    /// Books an executed trade.
    pub fn record_execution(&mut self, gain: u64) -> Result<()> {
        self.executed = add(self.executed, 1)?;
        self.total_profit = add(self.total_profit, gain)?;
        Ok(())
    }

    /// Rules a product always satisfies.
    pub fn invariant(&self) -> Result<()> {
        require!(
            !self.name.is_empty() && self.name.len() <= MAX_PRODUCT_NAME_LEN,
            PoolError::InvalidName
        );
        require!(self.allowed_programs.len() <= MAX_ALLOWED_PROGRAMS, PoolError::TooManyPrograms);
        require!(!self.allowed_programs.contains(&crate::ID), PoolError::RouteSelfInvocation);
        require!(self.config.max_liquidity_bps <= 10_000, PoolError::InvalidBps);
        require!(self.config.max_trade_amount > 0, PoolError::InvalidConfig);
        Ok(())
    }
}
