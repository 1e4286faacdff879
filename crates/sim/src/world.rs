//! The world one path trades in: the seed's pool (crates/seed) with its members on the
//! embedded chain, a wider market (the seed's two USDC/SOL pools and an ETH triangle, traded by
//! a second product), a trader who moves prices and a competing arbitrageur.
use crate::competitor::Competitor;
use crate::config::SimConfig;
use crate::schedule::Shock;
use crate::SimError;
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::embedded::Embedded;
use pool_bot_client::instructions as ix;
use pool_bot_client::{token, Pubkey};
use pool_bot_seed::{Keys, SeedPool, SOL, USDC};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::collections::HashMap;

/// Markets in the world (shocks pick one of them).
pub const MARKETS: usize = 4;
/// One ETH in base units (8 decimals).
const ETH: u64 = 100_000_000;
/// The competitor's capital, per token.
const COMPETITOR_USDC: u64 = 10_000_000 * USDC;

/// The world of one path.
pub struct World {
    /// The chain.
    pub chain: Embedded,
    /// The seed's pool, its actors and members.
    pub seed: SeedPool,
    /// The product the keeper trades: every market of the world.
    pub product: Pubkey,
    /// The markets, in the order shocks name them.
    pub markets: Vec<AmmAddresses>,
    trader: Keypair,
    /// The trader's token account per mint.
    trader_accounts: HashMap<Pubkey, Pubkey>,
    /// The competing arbitrageur.
    pub competitor: Competitor,
}

impl World {
    /// Builds the world with real transactions (the same for both paths).
    pub fn build(config: &SimConfig) -> Result<World, SimError> {
        let mut chain = Embedded::new(&config.programs_dir)?;
        let mut seed = SeedPool::build(&mut chain, Keys::fixed(config.seed))?;
        seed.join_members(&mut chain)?;
        // beyond the seed's two USDC/SOL pools, a triangle through ETH (SOL at 100, ETH at
        // 2500 USDC)
        let (usdc, sol) = (seed.usdc, seed.sol);
        let eth = seed.new_mint(&mut chain, 8)?;
        let sol_eth = seed.add_market(&mut chain, (sol, 25_000 * SOL), (eth, 1_000 * ETH), 0)?;
        let usdc_eth =
            seed.add_market(&mut chain, (usdc, 2_500_000 * USDC), (eth, 1_000 * ETH), 0)?;
        let markets = vec![seed.cheap, seed.dear, sol_eth, usdc_eth];

        let id = seed.pool_state(&chain)?.next_product_id;
        let wide = RegisterProductArgs {
            name: "DEX arbitrage, 4 pools".into(),
            category: ProductCategory::Arbitrage,
            config: ProductConfig {
                max_trade_amount: 50_000 * USDC,
                min_profit: USDC,
                max_liquidity_bps: 1_000,
            },
            leg_rules: vec![amm::swap_rule()],
            markets: markets.iter().map(|a| a.pool).collect(),
        };
        let admin = seed.admin.pubkey();
        chain.send(
            &[ix::register_product(&seed.pool, &admin, id, wide)],
            &[&seed.admin],
        )?;
        let product = seed.pool.product(id);
        seed.govern(&mut chain, GovernanceChange::EnableProduct { product })?;

        let mints = [
            (usdc, 100_000_000 * USDC, COMPETITOR_USDC),
            (sol, 1_000_000 * SOL, 100_000 * SOL),
            (eth, 40_000 * ETH, 4_000 * ETH),
        ];
        let trader = seed.new_wallet(&mut chain)?;
        let rival = seed.new_wallet(&mut chain)?;
        let (mut trader_accounts, mut rival_accounts) = (HashMap::new(), HashMap::new());
        for (mint, for_trader, for_rival) in mints {
            let account = seed.token_account(&mut chain, &mint, &trader.pubkey(), for_trader)?;
            trader_accounts.insert(mint, account);
            let account = seed.token_account(&mut chain, &mint, &rival.pubkey(), for_rival)?;
            rival_accounts.insert(mint, account);
        }
        let competitor = Competitor::new(
            rival,
            rival_accounts,
            usdc,
            COMPETITOR_USDC,
            config.competitor_min_profit,
        );
        Ok(World {
            chain,
            seed,
            product,
            markets,
            trader,
            trader_accounts,
            competitor,
        })
    }

    /// The mandate the mandate path trades under: every market of the world, up to 5,000 USDC
    /// a trade, at least 1 USDC and 0.1% profit, 50 trades or 100,000 USDC a day, standing
    /// `days` (at most 30).
    pub fn mandate_terms(&self, days: u32) -> MandateTerms {
        MandateTerms {
            markets: self.markets.iter().map(|m| m.pool).collect(),
            duration: i64::from(days.clamp(1, 30)) * 86_400,
            ..self.seed.mandate_terms()
        }
    }

    /// The keeper proposes `terms` under the world's product and the LEAD and a SENIOR approve
    /// it at once (the validators' delay is what the per-trade path measures; a mandate is
    /// voted once). Returns its address.
    pub fn approve_mandate(&mut self, terms: MandateTerms) -> Result<Pubkey, SimError> {
        let id = self.seed.pool_state(&self.chain)?.next_mandate_id;
        let keeper = self.seed.keeper.pubkey();
        let propose = ix::propose_mandate(&self.seed.pool, &keeper, self.product, id, terms);
        self.chain.send(&[propose], &[&self.seed.keeper])?;
        let mandate = self.seed.pool.mandate(id);
        self.seed.approve_mandate(&mut self.chain, mandate)?;
        Ok(mandate)
    }

    /// The trader's random swap: `shock.fraction` of the input reserve of its market.
    pub fn shock(&mut self, shock: &Shock) -> Result<(), ChainError> {
        let amm = self.markets[shock.market];
        let (mint_in, mint_out, vault_in) = if shock.sell_a {
            (amm.mint_a, amm.mint_b, amm.vault_a)
        } else {
            (amm.mint_b, amm.mint_a, amm.vault_b)
        };
        let reserve = self
            .chain
            .account(&vault_in)?
            .and_then(|a| token::balance(&a.data))
            .unwrap_or(0);
        let amount = ((reserve as f64 * shock.fraction) as u64).max(1);
        let swap = amm::swap(
            &amm,
            &self.trader.pubkey(),
            self.trader_accounts[&mint_in],
            self.trader_accounts[&mint_out],
            &mint_in,
            SwapArgs {
                amount_in: amount,
                min_amount_out: 1,
            },
        );
        // a swap the market cannot take is just skipped
        let _ = self.chain.send(&[swap], &[&self.trader]);
        Ok(())
    }
}
