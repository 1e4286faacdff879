//! `poolbot run-validator`: the validator agent against the cluster: re-simulates each pending
//! proposal and signs approve or reject with a reason, round after round until its `--rounds`
//! are done or a signal stops it.
use crate::error::CliError;
use crate::service::{self, Rounds};
use crate::session::Session;
use clap::Args;
use pool_bot_client::chain::Chain;
use pool_bot_client::landing::Sender;
use pool_bot_service::config::Service;
use pool_bot_service::{PolicySource, ServiceConfig};
use pool_bot_validator::{Policy, PolicyError, ValidatorAgent};
use serde_json::json;
use solana_keypair::Keypair;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Flags of `run-validator`. Each wins over its key in the config file (`--config`).
#[derive(Clone, Debug, Args)]
pub struct ValidatorRunArgs {
    /// Policy file (TOML: min_profit, max_amount_in, max_profit_drop_bps,
    /// max_profit_shortfall_bps). Default: policy in the config file (a path or a [policy]
    /// table).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Seconds between rounds. Default: interval_secs in the config file, else 2.
    #[arg(long)]
    pub interval: Option<u64>,
    /// Serve Prometheus metrics (GET /metrics) and the health (GET /healthz) at this address,
    /// e.g. 127.0.0.1:9465. Default: metrics in the config file, else not served.
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<SocketAddr>,
    /// Run this many rounds, then stop (default: until SIGTERM or Ctrl-C).
    #[arg(long, value_name = "N")]
    pub rounds: Option<u64>,
}

/// Runs the validator agent.
pub fn run(s: &mut Session, args: &ValidatorRunArgs) -> Result<(), CliError> {
    let config =
        service::load(s.global().config_file.as_deref(), Service::Validator)?.unwrap_or_default();
    let policy = policy(args, &config)?;
    let pool = service::pool(s, &config)?;
    let me = s.signer()?;
    if s.validator_set(&pool)?
        .slot_of(&solana_signer::Signer::pubkey(me))
        .is_none()
    {
        return Err(CliError::State(format!(
            "Your wallet is not a validator of pool {}. An ADMIN can add it: `poolbot validators add <PUBKEY> --role senior`.",
            pool.key
        )));
    }
    let sender = Sender {
        fees: config.fees,
        ..Sender::default()
    };
    let mut agent =
        ValidatorAgent::new(s.chain(), &pool.key, policy, pool_bot_dex::all())?.with_sender(sender);
    let metrics = agent.metrics();
    let interval = Duration::from_secs(args.interval.or(config.interval_secs).unwrap_or(2));
    let rounds = Rounds::start(
        s,
        args.rounds,
        interval,
        args.metrics.or(config.metrics),
        metrics.registry(),
    )?;
    let mut votes = Vec::new();
    rounds.run(s, &mut |chain: &mut dyn Chain, signer: &Keypair| {
        let started = Instant::now();
        // a round that fails (the node, a refused read) is counted and logged; the next goes on
        let decisions = agent.tick(chain, signer).unwrap_or_else(|e| {
            metrics.errors.inc();
            tracing::warn!(error = %e, "validator round failed; trying again next round");
            Vec::new()
        });
        metrics.observe_tick(started.elapsed());
        for d in decisions {
            votes.push(json!({ "account": d.account.to_string(), "approve": d.approve, "reason": d.reason }));
        }
        Ok(())
    })?;
    let text = votes
        .iter()
        .map(|v| {
            format!(
                "{} {}: {}",
                if v["approve"] == true {
                    "approved"
                } else {
                    "rejected"
                },
                v["account"].as_str().unwrap_or(""),
                v["reason"].as_str().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    s.emit(
        if text.is_empty() {
            "no proposal to vote on"
        } else {
            &text
        },
        json!({ "votes": votes }),
    )
}

/// The policy of `--policy`, else the config file's (a file, or its `[policy]` table).
fn policy(args: &ValidatorRunArgs, config: &ServiceConfig) -> Result<Policy, CliError> {
    let source = match (&args.policy, &config.policy) {
        (Some(path), _) => return Policy::load(path).map_err(|e| CliError::Input(e.to_string())),
        (None, Some(source)) => source,
        (None, None) => {
            return Err(CliError::Input(
                "Which policy? Pass --policy <FILE>, or write policy in the config file given \
                 with --config (a path, or a [policy] table)."
                    .into(),
            ))
        }
    };
    let file = config.file.display();
    match source {
        PolicySource::File(path) => Policy::load(path).map_err(|e| match e {
            PolicyError::Read { path, source } => CliError::Input(format!(
                "Cannot read the policy file {path} named by policy in the config file {file}: \
                 {source}. Fix the path (a relative one is read from the config file's folder)."
            )),
            other => CliError::Input(other.to_string()),
        }),
        PolicySource::Inline(table) => Policy::parse(&table.to_string()).map_err(|message| {
            CliError::Input(format!(
                "The config file {file} is not valid: [policy]: {message}. Expected keys: \
                 min_profit, max_amount_in, and optionally max_profit_drop_bps, \
                 max_profit_shortfall_bps, max_mandate_notional_per_day, max_mandate_days."
            ))
        }),
    }
}
