//! `poolbot run-keeper`: the keeper service against the cluster: watches the DEX pools,
//! proposes the best arbitrage and executes it once approved, round after round until its
//! `--rounds` are done or a signal stops it.
use crate::args::parse_bps;
use crate::commands::products::ProductRef;
use crate::error::CliError;
use crate::service::{self, RoundWork, Rounds};
use crate::session::Session;
use crate::settings;
use clap::Args;
use pool_bot_client::chain::Chain;
use pool_bot_keeper::feed::{MarketFeed, Wake};
use pool_bot_keeper::metrics::Fault;
use pool_bot_keeper::{Keeper, KeeperConfig};
use pool_bot_service::config::Service;
use pool_bot_service::ProductSetting;
use pool_bot_service::{MarketData, Shutdown};
use solana_keypair::Keypair;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

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
    /// Websocket URL to subscribe to the markets' accounts at (ws:// or wss://).
    /// Default: rpc.ws_url in the config file, else the RPC URL's (ws for http, the next
    /// port, as the `solana` CLI derives it); without an RPC URL, the keeper polls.
    #[arg(long, value_name = "URL")]
    pub ws_url: Option<String>,
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
    keeper_config.sender.fees = config.fees;
    keeper_config.lookup_table = config.lookup_table;
    let keeper = Keeper::new(s.chain(), keeper_config, pool_bot_dex::all())
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
    let ws_url = args
        .ws_url
        .clone()
        .or(config.rpc.ws_url.clone())
        .or_else(|| {
            let url = s.global().url.as_deref().or(config.rpc.url.as_deref())?;
            websocket_url(&settings::resolve_url(url).ok()?)
        });
    if let Some(url) = &ws_url {
        if !url.starts_with("ws://") && !url.starts_with("wss://") {
            return Err(CliError::Input(format!(
                "'{url}' is not a websocket URL: write ws://HOST:PORT or wss://HOST (--ws-url, \
                 or rpc.ws_url in the config file)."
            )));
        }
    }
    let mut work = KeeperRounds {
        keeper,
        ws_url,
        feed: None,
        drops: 0,
    };
    // each tick times itself (poolbot_keeper_tick_seconds)
    let done = rounds.run(s, &mut work)?;
    let keeper = work.keeper;
    s.emit(
        &metrics.render(),
        serde_json::json!({ "rounds": done, "in_flight": keeper.in_flight(), "pools": keeper.pools_known() }),
    )
}

/// The websocket URL a node at the RPC URL `rpc` serves, as the `solana` CLI derives it:
/// `ws` for `http` (`wss` for `https`), and the next port when one is given.
fn websocket_url(rpc: &str) -> Option<String> {
    let (scheme, rest) = rpc.split_once("://")?;
    let scheme = match scheme {
        "http" => "ws",
        "https" => "wss",
        _ => return None,
    };
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let host = match host.rsplit_once(':') {
        Some((name, port)) => format!("{name}:{}", port.parse::<u16>().ok()?.checked_add(1)?),
        None => host.to_string(),
    };
    let slash = if path.is_empty() { "" } else { "/" };
    Some(format!("{scheme}://{host}{slash}{path}"))
}

/// The keeper's rounds: a tick each; between them it waits on its market feed (a round at
/// each change of a watched account, or after the interval), else polls.
struct KeeperRounds {
    keeper: Keeper,
    /// Where to subscribe; `None`: poll.
    ws_url: Option<String>,
    /// The subscription, started after the first round (once the markets are known).
    feed: Option<MarketFeed>,
    /// Drops of the feed already counted.
    drops: u64,
}

impl RoundWork for KeeperRounds {
    fn round(&mut self, chain: &mut dyn Chain, signer: &Keypair) -> Result<(), CliError> {
        self.keeper.tick(chain, signer);
        if let Some(url) = &self.ws_url {
            let watched = self.keeper.watched_accounts();
            match &self.feed {
                Some(feed) => feed.watch(&watched),
                None => self.feed = Some(MarketFeed::start(url, watched)),
            }
        }
        Ok(())
    }

    fn wait(&mut self, interval: Duration, shutdown: &Shutdown) -> bool {
        let Some(feed) = &mut self.feed else {
            return shutdown.sleep(interval);
        };
        let wake = feed.wait(interval, shutdown.flag());
        let drops = feed.state().drops;
        for _ in self.drops..drops {
            self.keeper.metrics().fault(Fault::Websocket);
        }
        self.drops = drops;
        match wake {
            Wake::Stopped => true,
            Wake::Changed { at } => {
                self.keeper.market_changed(at);
                false
            }
            // (re)subscribed: an update may have been missed while the socket was down, and
            // the next round re-reads every market
            Wake::Resubscribed => {
                self.keeper.market_changed(Instant::now());
                false
            }
            Wake::Interval => false,
        }
    }

    fn market_data(&self) -> MarketData {
        match &self.feed {
            Some(feed) if feed.state().subscribed => MarketData::Subscribed,
            _ => MarketData::Polling,
        }
    }

    fn slot_seen(&self) -> Option<u64> {
        self.feed.as_ref().and_then(|f| f.state().slot)
    }
}

#[cfg(test)]
mod tests {
    use super::websocket_url;

    #[test]
    fn the_websocket_url_is_derived_like_the_solana_cli() {
        assert_eq!(
            websocket_url("http://127.0.0.1:8899").as_deref(),
            Some("ws://127.0.0.1:8900")
        );
        assert_eq!(
            websocket_url("https://api.devnet.solana.com").as_deref(),
            Some("wss://api.devnet.solana.com")
        );
        assert_eq!(
            websocket_url("https://rpc.example.com:443/key").as_deref(),
            Some("wss://rpc.example.com:444/key")
        );
        assert_eq!(websocket_url("ftp://x"), None);
    }
}
