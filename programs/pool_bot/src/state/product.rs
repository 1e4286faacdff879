//! A registered product (arbitrage, staking, …): its limits, what each leg of its routes may
//! do (`LegRule`) and which markets they may trade on. Zero-copy: proposing and executing read it without decoding.
use super::leg_rule::{LegRule, LegRuleArgs, MAX_LEG_RULES, MAX_MARKETS};
use super::text::{decode_name, encode_name, MAX_NAME_LEN};
use crate::errors::PoolError;
use crate::math::add;
use anchor_lang::prelude::*;

/// What kind of strategy a product is.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
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

impl ProductCategory {
    /// The category stored as `code`.
    pub fn from_code(code: u8) -> ProductCategory {
        match code {
            0 => ProductCategory::Arbitrage,
            1 => ProductCategory::Staking,
            2 => ProductCategory::Trading,
            3 => ProductCategory::Lending,
            _ => ProductCategory::Other,
        }
    }
}

/// Limits every proposal under a product must respect.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
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
#[account(zero_copy)]
pub struct Product {
    /// The pool this account belongs to (checked with `has_one = pool`).
    pub pool: Pubkey,
    /// UTF-8 name, zero padded.
    pub name: [u8; MAX_NAME_LEN],
    /// What each leg of its routes may do (first `rule_count` used).
    pub leg_rules: [LegRule; MAX_LEG_RULES],
    /// Markets (DEX pool accounts) its legs may trade on (first `market_count`; none = any).
    pub markets: [Pubkey; MAX_MARKETS],
    /// Sequential id within the pool.
    pub id: u64,
    /// Largest `amount_in` a proposal may use.
    pub max_trade_amount: u64,
    /// Smallest `min_profit` a proposal may set.
    pub min_profit: u64,
    /// Proposals made under it.
    pub proposals: u64,
    /// Proposals executed under it.
    pub executed: u64,
    /// Sum of executed trades' gains.
    pub total_profit: u64,
    /// Unix time registered.
    pub created_at: i64,
    /// Largest share of a DEX pool's input reserve a trade may take, in basis points.
    pub max_liquidity_bps: u16,
    /// `ProductCategory as u8`.
    pub category: u8,
    /// 1 while proposals under it may be made and executed.
    pub enabled: u8,
    /// Entries used in `leg_rules`.
    pub rule_count: u8,
    /// Entries used in `markets`.
    pub market_count: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 1],
}

impl Product {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Product>();

    /// Fills a new product from its registration.
    pub fn init(
        &mut self,
        pool: Pubkey,
        id: u64,
        name: &str,
        category: ProductCategory,
        config: ProductConfig,
    ) -> Result<()> {
        self.pool = pool;
        self.id = id;
        self.name = encode_name(name)?;
        self.category = category as u8;
        self.max_trade_amount = config.max_trade_amount;
        self.min_profit = config.min_profit;
        self.max_liquidity_bps = config.max_liquidity_bps;
        Ok(())
    }

    /// Sets what each leg of its routes may do and the markets they may trade on.
    pub fn set_route_rules(&mut self, leg_rules: &[LegRuleArgs], markets: &[Pubkey]) -> Result<()> {
        require!(
            !leg_rules.is_empty() && leg_rules.len() <= MAX_LEG_RULES,
            PoolError::TooManyLegRules
        );
        require!(markets.len() <= MAX_MARKETS, PoolError::TooManyMarkets);
        for (slot, rule) in self.leg_rules.iter_mut().zip(leg_rules) {
            *slot = LegRule::from_args(rule)?;
        }
        self.rule_count = leg_rules.len() as u8;
        self.markets[..markets.len()].copy_from_slice(markets);
        self.market_count = markets.len() as u8;
        Ok(())
    }

    /// The name as text.
    pub fn name(&self) -> &str {
        decode_name(&self.name)
    }

    /// The category.
    pub fn category(&self) -> ProductCategory {
        ProductCategory::from_code(self.category)
    }

    /// The limits.
    pub fn config(&self) -> ProductConfig {
        ProductConfig {
            max_trade_amount: self.max_trade_amount,
            min_profit: self.min_profit,
            max_liquidity_bps: self.max_liquidity_bps,
        }
    }

    /// What each leg of its routes may do.
    pub fn leg_rules(&self) -> &[LegRule] {
        &self.leg_rules[..self.rule_count as usize]
    }

    /// Markets its legs may trade on (empty: any market of an allowed instruction).
    pub fn markets(&self) -> &[Pubkey] {
        &self.markets[..self.market_count as usize]
    }

    /// Whether proposals under it may be made and executed.
    pub fn is_enabled(&self) -> bool {
        self.enabled != 0
    }

    /// Enables or disables it, refusing a change to the state it is already in.
    pub fn set_enabled(&mut self, enabled: bool) -> Result<()> {
        require!(
            self.is_enabled() != enabled,
            PoolError::ProductStateUnchanged
        );
        self.enabled = enabled as u8;
        Ok(())
    }

    /// Refuses while disabled.
    pub fn require_enabled(&self) -> Result<()> {
        require!(self.is_enabled(), PoolError::ProductDisabled);
        Ok(())
    }

    /// Refuses an amount or minimum profit outside the product's limits.
    pub fn check_trade(&self, amount_in: u64, min_profit: u64, expected_profit: u64) -> Result<()> {
        require!(amount_in > 0, PoolError::ZeroAmount);
        require!(amount_in <= self.max_trade_amount, PoolError::TradeTooLarge);
        require!(
            min_profit >= self.min_profit.max(1) && min_profit <= expected_profit,
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
        require!(!self.name().is_empty(), PoolError::InvalidName);
        require!(
            self.leg_rules().iter().all(|r| r.program != crate::ID),
            PoolError::RouteSelfInvocation
        );
        let markets = self.markets();
        for (i, m) in markets.iter().enumerate() {
            require!(!markets[i + 1..].contains(m), PoolError::TooManyMarkets);
        }
        require!(self.max_liquidity_bps <= 10_000, PoolError::InvalidBps);
        require!(self.max_trade_amount > 0, PoolError::InvalidMaxTradeAmount);
        require!(self.enabled <= 1, PoolError::InvalidFlag);
        Ok(())
    }
}
