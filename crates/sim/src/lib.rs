//! `poolbot simulate`: the seed's pool on the embedded chain (LiteSVM running the SBF builds)
//! under a random market with a competing arbitrageur, run twice on the same market: trades
//! voted one by one, and trades inside a mandate. The real keeper and validator agents run,
//! answering after configurable delays; every deposit, proposal, vote and trade (the
//! competitor's too) is a real transaction, and the clock moves in slots and seconds from one
//! event to the next.
pub mod competitor;
pub mod config;
pub mod report;
pub mod run;
pub mod schedule;
pub mod world;

pub use config::SimConfig;
pub use report::{DelayPoint, PathReport, Report, TradeRow};
pub use run::TradingPath;

use pool_bot_client::accounts::LoadError;
use pool_bot_client::chain::ChainError;
use pool_bot_keeper::KeeperError;
use pool_bot_seed::world::SeedError;

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
    /// A member's value could not be computed.
    #[error("share math overflowed")]
    ShareMath,
}

/// Runs both paths on the same market, calling `progress(done, total)` (simulated
/// milliseconds over both paths) as the clock moves.
pub fn simulate(
    config: &SimConfig,
    mut progress: impl FnMut(u64, u64),
) -> Result<Report, SimError> {
    let shocks = schedule::shocks(config, world::MARKETS);
    let span = u64::from(config.days) * 86_400_000;
    let per_trade = run::run_path(config, TradingPath::PerTrade, &shocks, &mut |t| {
        progress(t, 2 * span)
    })?;
    let mandate = run::run_path(config, TradingPath::Mandate, &shocks, &mut |t| {
        progress(span + t, 2 * span)
    })?;
    Ok(Report {
        days: config.days,
        seed: config.seed,
        decimals: 6,
        assumptions: config.assumptions(6),
        per_trade,
        mandate,
    })
}

/// The delay curve: the per-trade path for each mean validator delay in `delays_ms`, beside
/// the mandate path (which no vote delays) on the same market.
pub fn delay_curve(
    config: &SimConfig,
    delays_ms: &[u64],
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<DelayPoint>, SimError> {
    let shocks = schedule::shocks(config, world::MARKETS);
    let span = u64::from(config.days) * 86_400_000;
    let total = (delays_ms.len() as u64 + 1) * span;
    let mandate = run::run_path(config, TradingPath::Mandate, &shocks, &mut |t| {
        progress(t, total)
    })?;
    delays_ms
        .iter()
        .enumerate()
        .map(|(i, &delay)| {
            let config = SimConfig {
                validator_delay_ms: delay,
                ..config.clone()
            };
            let done = (i as u64 + 1) * span;
            let per_trade = run::run_path(&config, TradingPath::PerTrade, &shocks, &mut |t| {
                progress(done + t, total)
            })?;
            Ok(DelayPoint {
                validator_delay_ms: delay,
                per_trade_captured: per_trade.captured_share(),
                per_trade_return: per_trade.annual_return(config.days),
                mandate_captured: mandate.captured_share(),
                mandate_return: mandate.annual_return(config.days),
            })
        })
        .collect()
}
