//! `poolbot run-keeper`: the keeper service against the cluster: watches the DEX pools,
//! proposes the best arbitrage and executes it once approved, round after round until its
//! `--rounds` are done or a signal stops it.
use crate::args::parse_bps;
use crate::commands::products::ProductRef;
use crate::error::CliError;
use crate::service::{self, Rounds};
use crate::session::Session;
use clap::Args;
use pool_bot_keeper::{Keeper, KeeperConfig};
use pool_bot_service::config::Service;
use pool_bot_service::ProductSetting;
use std::net::SocketAddr;
use std::time::Duration;

/// Flags of `run-keeper`. Each wins over its key in the config file (`--config`).
#[derive(Clone, Debug, Args)]
pub struct KeeperRunArgs {
    /// The product its proposals run under (id or address).
    /// Default: product in the config file, else 0.
    #[arg(long)]
    pub product: Option<ProductRef>,
    /// Minimum profit this far below the expected profit, in basis points.
    /// Default: slippage_bps in the config file, else 100.
    #[arg(long, value_parser = parse_bps)]
    pub slippage_bps: Option<u16>,
    /// Seconds between rounds. Default: interval_secs in the config file, else 2.
    #[arg(long)]
    pub interval: Option<u64>,
    /// Serve Prometheus metrics (GET /metrics) and the health (GET /healthz) at this address,
    /// e.g. 127.0.0.1:9464. Default: metrics in the config file, else not served.
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<SocketAddr>,
    /// Run this many rounds, then stop (default: until SIGTERM or Ctrl-C).
    #[arg(long, value_name = "N")]
    pub rounds: Option<u64>,
}

/// Runs the keeper.
pub fn run(s: &mut Session, args: &KeeperRunArgs) -> Result<(), CliError> {
    let config =
        service::load(s.global().config_file.as_deref(), Service::Keeper)?.unwrap_or_default();
    let pool = service::pool(s, &config)?;
    let slippage_bps = args.slippage_bps.or(config.slippage_bps).unwrap_or(100);
    if slippage_bps >= 10_000 {
        return Err(CliError::Input(
            "--slippage-bps must be below 10000.".into(),
        ));
    }
    let product = match (args.product, config.product) {
        (Some(product), _) => product,
        (None, Some(ProductSetting::Id(id))) => ProductRef::Id(id),
        (None, Some(ProductSetting::Address(key))) => ProductRef::Address(key),
        (None, None) => ProductRef::Id(0),
    };
    let mut keeper_config = KeeperConfig::new(pool.key, product.address(&pool));
    keeper_config.slippage_bps = slippage_bps;
    let mut keeper = Keeper::new(s.chain(), keeper_config, pool_bot_dex::all())
        .map_err(|e| CliError::State(format!("The keeper cannot start: {e}.")))?;
    let metrics = keeper.metrics();
    let interval = Duration::from_secs(args.interval.or(config.interval_secs).unwrap_or(2));
    let rounds = Rounds::start(
        s,
        args.rounds,
        interval,
        args.metrics.or(config.metrics),
        metrics.registry(),
    )?;
    // each tick times itself (poolbot_keeper_tick_seconds)
    let done = rounds.run(s, |chain, signer| {
        keeper.tick(chain, signer);
        Ok(())
    })?;
    s.emit(
        &metrics.render(),
        serde_json::json!({ "rounds": done, "in_flight": keeper.in_flight(), "pools": keeper.pools_known() }),
    )
}
