//! `poolbot keepers`: authorise and remove (ADMIN) and list the pool's keepers.
use super::changes;
use super::signature_line;
use crate::args::parse_pubkey;
use crate::error::CliError;
use crate::explain::Action;
use crate::session::Session;
use clap::Subcommand;
use pool_bot::state::GovernanceChange;
use pool_bot_client::instructions as ix;
use pool_bot_client::Pubkey;
use serde_json::json;
use solana_signer::Signer;

/// `poolbot keepers ...`
#[derive(Debug, Subcommand)]
pub enum KeepersCommand {
    /// Authorise a keeper to propose trades (ADMIN).
    Add {
        /// The keeper's wallet.
        #[arg(value_parser = parse_pubkey)]
        keeper: Pubkey,
    },
    /// Withdraw a keeper's authorisation (ADMIN).
    Remove {
        /// The keeper's wallet.
        #[arg(value_parser = parse_pubkey)]
        keeper: Pubkey,
    },
    /// List the authorised keepers.
    List,
}

/// Runs a `keepers` command.
pub fn run(s: &mut Session, command: &KeepersCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    let (instruction, done) = match command {
        KeepersCommand::List => {
            let set = s.validator_set(&pool)?;
            let keepers: Vec<String> = set.keepers().iter().map(Pubkey::to_string).collect();
            let text = if keepers.is_empty() {
                "No keepers yet. An ADMIN adds one with `poolbot keepers add <PUBKEY>`.".to_string()
            } else {
                format!("{} keeper(s):\n{}", keepers.len(), keepers.join("\n"))
            };
            return s.emit(
                &text,
                json!({ "pool": pool.key.to_string(), "keepers": keepers }),
            );
        }
        KeepersCommand::Add { keeper } => {
            let change = GovernanceChange::AddKeeper { keeper: *keeper };
            let done = format!("Keeper {keeper} may now propose trades.");
            return changes::submit(s, &pool, vec![], change, &done);
        }
        KeepersCommand::Remove { keeper } => {
            let admin = s.signer()?.pubkey();
            (
                ix::remove_keeper(&pool.addresses, &admin, *keeper),
                format!("Keeper {keeper} removed; its open proposals are stale."),
            )
        }
    };
    let receipt = s.send(&[instruction], Action::Manage, Some(&pool))?;
    s.emit(
        &format!("{done}\n{}", signature_line(&receipt)),
        json!({ "signature": receipt.signature }),
    )
}
