//! `poolbot run-validator --policy FILE`: the validator agent against the cluster:
//! re-simulates each pending proposal and signs approve or reject with a reason.
use crate::error::CliError;
use crate::session::Session;
use clap::Args;
use pool_bot_validator::{Policy, ValidatorAgent};
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

/// Flags of `run-validator`.
#[derive(Clone, Debug, Args)]
pub struct ValidatorRunArgs {
    /// Policy file (TOML: min_profit, max_amount_in, max_profit_drop_bps,
    /// max_profit_shortfall_bps).
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,
    /// Seconds between rounds.
    #[arg(long, default_value_t = 2)]
    pub interval: u64,
    /// Run this many rounds, then stop (default: until interrupted).
    #[arg(long, value_name = "N")]
    pub rounds: Option<u64>,
}

/// Runs the validator agent.
pub fn run(s: &mut Session, args: &ValidatorRunArgs) -> Result<(), CliError> {
    let policy = Policy::load(&args.policy).map_err(|e| CliError::Input(e.to_string()))?;
    let pool = s.pool()?;
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
    let mut agent = ValidatorAgent::new(s.chain(), &pool.key, policy, pool_bot_dex::all())?;
    let mut round = 0;
    let mut votes = Vec::new();
    while args.rounds.is_none_or(|n| round < n) {
        let (chain, signer) = s.chain_and_signer()?;
        for d in agent.tick(chain, signer)? {
            votes.push(json!({ "account": d.account.to_string(), "approve": d.approve, "reason": d.reason }));
        }
        round += 1;
        if args.rounds.is_none_or(|n| round < n) {
            std::thread::sleep(Duration::from_secs(args.interval));
        }
    }
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
