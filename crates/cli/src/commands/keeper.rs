//! `poolbot run-keeper`: the keeper service against the cluster: watches the DEX pools,
//! proposes the best arbitrage and executes it once approved.
use crate::args::parse_bps;
use crate::commands::products::ProductRef;
use crate::error::CliError;
use crate::session::Session;
use clap::Args;
use pool_bot_keeper::{metrics, Keeper, KeeperConfig};
use std::net::SocketAddr;
use std::time::Duration;

/// Flags of `run-keeper`.
#[derive(Clone, Debug, Args)]
pub struct KeeperRunArgs {
    /// The product its proposals run under (id or address).
    #[arg(long, default_value = "0")]
    pub product: ProductRef,
    /// Minimum profit this far below the expected profit, in basis points.
    #[arg(long, default_value_t = 100, value_parser = parse_bps)]
    pub slippage_bps: u16,
    /// Seconds between rounds.
    #[arg(long, default_value_t = 2)]
    pub interval: u64,
    /// Serve Prometheus metrics at this address (GET /metrics), e.g. 127.0.0.1:9464.
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<SocketAddr>,
    /// Run this many rounds, then stop (default: until interrupted).
    #[arg(long, value_name = "N")]
    pub rounds: Option<u64>,
}

/// Runs the keeper.
pub fn run(s: &mut Session, args: &KeeperRunArgs) -> Result<(), CliError> {
    let pool = s.pool()?;
    if args.slippage_bps >= 10_000 {
        return Err(CliError::Input(
            "--slippage-bps must be below 10000.".into(),
        ));
    }
    let mut config = KeeperConfig::new(pool.key, args.product.address(&pool));
    config.slippage_bps = args.slippage_bps;
    let mut keeper = Keeper::new(s.chain(), config, pool_bot_dex::all())
        .map_err(|e| CliError::State(format!("The keeper cannot start: {e}.")))?;
    if let Some(addr) = args.metrics {
        let bound = metrics::serve(addr, keeper.metrics()).map_err(|e| {
            CliError::Input(format!(
                "Cannot serve metrics on {addr}: {e}. Pick a free --metrics address."
            ))
        })?;
        s.emit(
            &format!("metrics at http://{bound}/metrics"),
            serde_json::json!({ "metrics": bound.to_string() }),
        )?;
    }
    let mut round = 0;
    while args.rounds.is_none_or(|n| round < n) {
        let (chain, signer) = s.chain_and_signer()?;
        keeper.tick(chain, signer);
        round += 1;
        if args.rounds.is_none_or(|n| round < n) {
            std::thread::sleep(Duration::from_secs(args.interval));
        }
    }
    let m = keeper.metrics();
    let text = metrics::Metrics::render(&m);
    s.emit(&text, serde_json::json!({ "rounds": round, "in_flight": keeper.in_flight(), "pools": keeper.pools_known() }))
}
