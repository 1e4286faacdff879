//! What `run-keeper` and `run-validator` share: their config file (`--config`, under the
//! flags), `/metrics` and `/healthz`, the health each round records, and stopping after the
//! round in flight on SIGTERM or SIGINT.
use crate::args::{Cli, Command};
use crate::error::CliError;
use crate::fetch::PoolInfo;
use crate::session::Session;
use crate::settings::{self, Endpoint};
use pool_bot_client::chain::Chain;
use pool_bot_service::config::Service;
use pool_bot_service::{http, Health, MarketData, ServiceConfig, Shutdown};
use prometheus::Registry;
use serde_json::json;
use solana_keypair::Keypair;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tracing::{info, warn};

/// The config file of a service command given `--config` (`None` for any other command:
/// there `--config` is the Solana CLI's).
pub fn config_of(cli: &Cli) -> Result<Option<ServiceConfig>, CliError> {
    let service = match cli.command {
        Command::RunKeeper(_) => Service::Keeper,
        Command::RunValidator(_) => Service::Validator,
        _ => return Ok(None),
    };
    load(cli.global.config_file.as_deref(), service)
}

/// Reads the config file at `path`, if one is given.
pub fn load(path: Option<&Path>, service: Service) -> Result<Option<ServiceConfig>, CliError> {
    path.map(|path| ServiceConfig::load(path, service).map_err(|e| CliError::Input(e.to_string())))
        .transpose()
}

/// Where a service connects and who signs: `--url` and `--keypair`, else the config file's
/// `rpc.url` and `keypair`, else the Solana CLI config at its default place, else localnet
/// and `~/.config/solana/id.json`.
pub fn endpoint(
    url: Option<&str>,
    keypair: Option<&Path>,
    config: &ServiceConfig,
    home: &Path,
) -> Result<Endpoint, CliError> {
    if let (None, Some(from_file)) = (url, &config.rpc.url) {
        settings::resolve_url(from_file).map_err(|_| {
            CliError::Input(format!(
                "The config file {} is not valid: rpc.url '{from_file}' is not an RPC URL or \
                 moniker. Write http(s)://HOST:PORT, localnet, devnet, testnet or mainnet-beta.",
                config.file.display()
            ))
        })?;
    }
    settings::resolve(
        url.or(config.rpc.url.as_deref()),
        keypair.or(config.keypair.as_deref()),
        None,
        home,
    )
}

/// The pool named by `--pool` (or `POOLBOT_POOL`, or `--creator` and `--mint`), else by the
/// config file's `pool`, loaded.
pub fn pool(s: &Session, config: &ServiceConfig) -> Result<PoolInfo, CliError> {
    let key =
        match (s.pool_key(), config.pool) {
            (Ok(key), _) => key,
            (Err(_), Some(key)) => key,
            (Err(_), None) => return Err(CliError::Input(
                "Which pool? Pass --pool <PUBKEY> (or set POOLBOT_POOL), or --creator <PUBKEY> \
                 and --mint <PUBKEY>, or write pool in the config file given with --config."
                    .into(),
            )),
        };
    PoolInfo::load(s.chain(), key, s.global().symbol.as_deref())
}

/// What a service does each round and how it waits for the next.
pub trait RoundWork {
    /// One round.
    fn round(&mut self, chain: &mut dyn Chain, signer: &Keypair) -> Result<(), CliError>;

    /// Waits for the next round: `interval`, or less when the market moves; says whether a
    /// stop was asked for.
    fn wait(&mut self, interval: Duration, shutdown: &Shutdown) -> bool {
        shutdown.sleep(interval)
    }

    /// How it follows the market now.
    fn market_data(&self) -> MarketData {
        MarketData::Polling
    }

    /// The latest slot it heard of while waiting, if it listens to the chain.
    fn slot_seen(&self) -> Option<u64> {
        None
    }
}

/// A round that only reads the chain when it runs, `interval` apart.
impl<F: FnMut(&mut dyn Chain, &Keypair) -> Result<(), CliError>> RoundWork for F {
    fn round(&mut self, chain: &mut dyn Chain, signer: &Keypair) -> Result<(), CliError> {
        self(chain, signer)
    }
}

/// How a service runs its rounds: how many, how far apart, the health they keep, and the
/// flag a signal sets to stop them.
pub struct Rounds {
    /// Rounds to run (`None`: until a signal).
    limit: Option<u64>,
    interval: Duration,
    health: Arc<Health>,
    shutdown: Shutdown,
}

impl Rounds {
    /// `limit` rounds `interval` apart; with a `metrics` address, serves `registry` (with the
    /// health gauges added) at `/metrics` and the health at `/healthz`, and says where.
    pub fn start(
        s: &mut Session,
        limit: Option<u64>,
        interval: Duration,
        metrics: Option<SocketAddr>,
        registry: &Registry,
    ) -> Result<Rounds, CliError> {
        if interval.is_zero() && limit.is_none() {
            return Err(CliError::Input(
                "An interval of 0 s with no --rounds would query the node without a pause. Use \
                 --interval 1 or more (or interval_secs in the config file)."
                    .into(),
            ));
        }
        // a slot is stale after three rounds without one, and never sooner than the default
        let health = Arc::new(Health::new(Health::DEFAULT_STALENESS.max(interval * 3)));
        health
            .register(registry)
            .expect("the health gauges are registered once, beside the service's own");
        if let Some(addr) = metrics {
            let bound = http::serve(addr, registry.clone(), health.clone()).map_err(|e| {
                CliError::Input(format!(
                    "Cannot serve metrics on {addr}: {e}. Pick a free address for --metrics (or \
                     metrics in the config file)."
                ))
            })?;
            s.emit(
                &format!("metrics at http://{bound}/metrics, health at http://{bound}/healthz"),
                json!({ "metrics": bound.to_string() }),
            )?;
        }
        let shutdown = Shutdown::on_signals()
            .map_err(|e| CliError::State(format!("Cannot listen for SIGTERM and SIGINT: {e}.")))?;
        Ok(Rounds {
            limit,
            interval,
            health,
            shutdown,
        })
    }

    /// Runs `work`'s rounds until the limit or a signal (the round in flight ends first),
    /// recording how it follows the market and the slots it sees; returns how many rounds
    /// ran.
    pub fn run(&self, s: &mut Session, work: &mut impl RoundWork) -> Result<u64, CliError> {
        let mut done = 0;
        while self.limit.is_none_or(|n| done < n) && !self.shutdown.requested() {
            let (chain, signer) = s.chain_and_signer()?;
            work.round(chain, signer)?;
            match chain.clock() {
                Ok(clock) => self.health.saw_slot(clock.slot),
                Err(e) => warn!(error = %e, "cannot read the chain's slot"),
            }
            self.health.set_mode(work.market_data());
            done += 1;
            if self.limit.is_some_and(|n| done >= n) {
                break;
            }
            let stopped = work.wait(self.interval, &self.shutdown);
            self.health.set_mode(work.market_data());
            if let Some(slot) = work.slot_seen() {
                self.health.saw_slot(slot);
            }
            if stopped {
                break;
            }
        }
        if self.shutdown.requested() {
            info!(
                rounds = done,
                "stopped by a signal after the round in flight"
            );
        }
        Ok(done)
    }
}
