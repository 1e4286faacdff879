//! The seed's pool (crates/seed) on the embedded chain with a wider market, and the market run.
use crate::report::{Report, TradeRow};
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::*;
use pool_bot::math::assets_for_shares;
use pool_bot::state::*;
use pool_bot_client::accounts::LoadError;
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::embedded::Embedded;
use pool_bot_client::instructions as ix;
use pool_bot_client::{token, Instruction, Pubkey};
use pool_bot_keeper::{Keeper, KeeperConfig, KeeperError, Metrics, Source};
use pool_bot_seed::world::SeedError;
use pool_bot_seed::{Keys, SeedPool, SOL, USDC};
use pool_bot_validator::{Policy, ValidatorAgent};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::path::PathBuf;
use std::time::Duration;

/// What to simulate.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// Simulated days.
    pub days: u32,
    /// Random seed: the same seed gives the same run.
    pub seed: u64,
    /// Market steps per simulated day (one random price shock each).
    pub steps_per_day: u32,
    /// Where the built programs are.
    pub programs_dir: PathBuf,
}

/// Why a simulation stopped.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The chain refused a setup step.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The seed pool could not be built.
    #[error(transparent)]
    Seed(#[from] SeedError),
    /// The keeper could not start.
    #[error(transparent)]
    Keeper(#[from] KeeperError),
    /// An account could not be read back.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// The world: the seed pool (crates/seed) with its members, a wider market and a trader who
/// moves prices.
struct World {
    chain: Embedded,
    rng: StdRng,
    seed: SeedPool,
    /// The product the keeper trades: every market of the world.
    product: Pubkey,
    trader: Keypair,
    amms: Vec<AmmAddresses>,
    /// The trader's token account per mint.
    trader_accounts: Vec<(Pubkey, Pubkey)>,
}

impl World {
    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<(), ChainError> {
        self.chain.send(instructions, signers).map(|_| ())
    }

    /// A random trader swap of 0.05% to 0.8% of a random pool's input reserve.
    fn shock(&mut self) -> Result<(), ChainError> {
        let amm = self.amms[self.rng.gen_range(0..self.amms.len())];
        let sell_a = self.rng.gen_bool(0.5);
        let (mint_in, mint_out, vault_in) = if sell_a {
            (amm.mint_a, amm.mint_b, amm.vault_a)
        } else {
            (amm.mint_b, amm.mint_a, amm.vault_b)
        };
        let reserve = self
            .chain
            .account(&vault_in)?
            .and_then(|a| token::balance(&a.data))
            .unwrap_or(0);
        let amount = (reserve as f64 * self.rng.gen_range(0.0005..0.008)) as u64;
        let account_of = |mint: &Pubkey, list: &[(Pubkey, Pubkey)]| {
            list.iter().find(|(m, _)| m == mint).map(|(_, a)| *a)
        };
        let (Some(source), Some(destination)) = (
            account_of(&mint_in, &self.trader_accounts),
            account_of(&mint_out, &self.trader_accounts),
        ) else {
            return Ok(());
        };
        let trader = self.trader.insecure_clone();
        let swap = amm::swap(
            &amm,
            &trader.pubkey(),
            source,
            destination,
            &mint_in,
            SwapArgs {
                amount_in: amount.max(1),
                min_amount_out: 1,
            },
        );
        // a swap the market cannot take (e.g. an empty account) is just skipped
        let _ = self.send(&[swap], &[&trader]);
        Ok(())
    }
}

fn build(config: &SimConfig) -> Result<World, SimError> {
    let mut chain = Embedded::new(&config.programs_dir)?;
    let mut seed = SeedPool::build(&mut chain, Keys::fixed(config.seed))?;
    seed.join_members(&mut chain)?;
    // beyond the seed's two USDC/SOL pools, a triangle through ETH (SOL at 100, ETH at 2500 USDC)
    const ETH: u64 = 100_000_000;
    let (usdc, sol) = (seed.usdc, seed.sol);
    let eth = seed.new_mint(&mut chain, 8)?;
    let sol_eth = seed.add_market(&mut chain, (sol, 25_000 * SOL), (eth, 1_000 * ETH), 0)?;
    let usdc_eth = seed.add_market(&mut chain, (usdc, 2_500_000 * USDC), (eth, 1_000 * ETH), 0)?;
    let amms = vec![seed.cheap, seed.dear, sol_eth, usdc_eth];

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
        markets: amms.iter().map(|a| a.pool).collect(),
    };
    let admin = seed.admin.pubkey();
    chain.send(
        &[ix::register_product(&seed.pool, &admin, id, wide)],
        &[&seed.admin],
    )?;
    let product = seed.pool.product(id);
    seed.govern(&mut chain, GovernanceChange::EnableProduct { product })?;

    let trader = seed.new_wallet(&mut chain)?;
    let mut trader_accounts = Vec::new();
    for (mint, amount) in [
        (usdc, 100_000_000 * USDC),
        (sol, 1_000_000 * SOL),
        (eth, 40_000 * ETH),
    ] {
        let account = seed.token_account(&mut chain, &mint, &trader.pubkey(), amount)?;
        trader_accounts.push((mint, account));
    }
    Ok(World {
        chain,
        rng: StdRng::seed_from_u64(config.seed),
        seed,
        product,
        trader,
        amms,
        trader_accounts,
    })
}

/// Runs the simulation, calling `progress(done, total)` after every market step.
pub fn simulate(
    config: &SimConfig,
    mut progress: impl FnMut(u64, u64),
) -> Result<Report, SimError> {
    let mut w = build(config)?;
    let mut keeper_config = KeeperConfig::new(w.seed.pool.pool, w.product);
    keeper_config.backoff = Duration::ZERO;
    let mut keeper = Keeper::new(&w.chain, keeper_config, pool_bot_dex::all())?;
    let policy = Policy::new(USDC, 50_000 * USDC);
    let mut agents = Vec::new();
    for _ in &w.seed.validators {
        agents.push(ValidatorAgent::new(
            &w.chain,
            &w.seed.pool.pool,
            policy.clone(),
            pool_bot_dex::all(),
        )?);
    }
    let steps_per_day = config.steps_per_day.max(1);
    let total = u64::from(config.days) * u64::from(steps_per_day);
    let step_seconds = 86_400 / i64::from(steps_per_day);
    let keeper_key = w.seed.keeper.insecure_clone();
    let mut trades = Vec::new();
    for step in 0..total {
        w.shock()?;
        keeper.tick(&mut w.chain, &keeper_key);
        for (agent, validator) in agents.iter_mut().zip(&w.seed.validators) {
            agent.tick(&mut w.chain, validator)?;
        }
        keeper.tick(&mut w.chain, &keeper_key);
        for e in keeper.take_executions() {
            trades.push(TradeRow {
                day: (step / u64::from(steps_per_day)) as u32,
                proposal: match e.source {
                    Source::Proposal(id) | Source::Mandate(id) => id,
                },
                amount_in: e.amount_in,
                expected_profit: e.expected_profit,
                gain: e.gain,
                insurance: e.insurance,
                member_profit: e.member_profit,
            });
        }
        w.chain.advance(step_seconds, 1);
        progress(step + 1, total);
    }

    let pool: Pool = w.seed.pool_state(&w.chain)?;
    let metrics = keeper.metrics();
    let position = w.seed.position(&w.chain, &w.seed.members[0])?;
    let value = assets_for_shares(position.shares, pool.total_shares, pool.total_assets)
        .expect("share math");
    let reserve = w.seed.reserve(&w.chain)?;
    Ok(Report {
        days: config.days,
        seed: config.seed,
        decimals: pool.decimals,
        opportunities: Metrics::get(&metrics.opportunities),
        proposed: pool.trades_proposed,
        approved: pool.trades_approved,
        rejected: pool.trades_rejected,
        executed: pool.trades_executed,
        expired: pool.trades_expired,
        total_profit: pool.total_profit,
        insurance: reserve.total_allocated,
        member_profit: pool.total_member_profit,
        capital: pool.total_contributed,
        example_member: (position.capital_contributed, value),
        trades,
    })
}
