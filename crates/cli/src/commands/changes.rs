//! `poolbot changes`: governance changes waiting out the pool's time lock (list, apply once due,
//! cancel), and `submit`, which every ADMIN command that moves value or power goes through: on a
//! pool without a time lock the change is queued and applied in one transaction, otherwise it
//! is queued and the command says when it applies.
use super::signature_line;
use crate::error::CliError;
use crate::explain::{role_name, Action};
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::table::{Align, Table};
use crate::units::{utc, Duration};
use clap::Subcommand;
use pool_bot::state::{GovernanceChange, PendingChange};
use pool_bot_client::accounts;
use pool_bot_client::instructions as ix;
use pool_bot_client::Instruction;
use serde_json::json;
use solana_signer::Signer;

/// `poolbot changes ...`
#[derive(Debug, Subcommand)]
pub enum ChangesCommand {
    /// List the queued changes with the time each may apply.
    List,
    /// Apply a queued change whose time lock has passed (anyone).
    Apply {
        /// The change's id.
        id: u64,
    },
    /// Cancel a queued change (ADMIN).
    Cancel {
        /// The change's id.
        id: u64,
    },
}

/// Runs a `changes` command.
pub fn run(s: &mut Session, command: &ChangesCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    match command {
        ChangesCommand::List => list(s, &pool),
        ChangesCommand::Apply { id } => {
            let pending = load(s, &pool, *id)?;
            let now = s.clock()?.unix_timestamp;
            if !pending.is_due(now) {
                return Err(CliError::State(format!(
                    "Change {id} applies from {} (in {}); apply it then.",
                    utc(pending.eta),
                    Duration(pending.eta - now)
                )));
            }
            let me = s.signer()?.pubkey();
            let apply = ix::apply_change(
                &pool.addresses,
                &me,
                *id,
                &pending.proposer,
                &pending.change,
            );
            let receipt = s.send(&[apply], Action::Maintain, Some(&pool))?;
            let text = format!(
                "Applied change {id}: {}.\n{}",
                describe(&pending.change),
                signature_line(&receipt)
            );
            s.emit(&text, json!({ "signature": receipt.signature, "id": id }))
        }
        ChangesCommand::Cancel { id } => {
            let pending = load(s, &pool, *id)?;
            let me = s.signer()?.pubkey();
            let cancel = ix::cancel_change(&pool.addresses, &me, *id, &pending.proposer);
            let receipt = s.send(&[cancel], Action::Manage, Some(&pool))?;
            let text = format!(
                "Cancelled change {id}: {}.\n{}",
                describe(&pending.change),
                signature_line(&receipt)
            );
            s.emit(&text, json!({ "signature": receipt.signature, "id": id }))
        }
    }
}

/// Queues `change` (ADMIN), after the instructions `first` in the same transaction, and on a
/// pool without a time lock applies it there too; `done` says what happened once applied.
pub fn submit(
    s: &mut Session,
    pool: &PoolInfo,
    first: Vec<Instruction>,
    change: GovernanceChange,
    done: &str,
) -> Result<(), CliError> {
    let admin = s.signer()?.pubkey();
    let id = pool.state.next_change_id;
    let lock = pool.state.time_lock;
    let mut instructions = first;
    if lock == 0 {
        instructions.extend(ix::govern(&pool.addresses, &admin, id, change));
        let receipt = s.send(&instructions, Action::Manage, Some(pool))?;
        let text = format!("{done}\n{}", signature_line(&receipt));
        return s.emit(
            &text,
            json!({ "signature": receipt.signature, "change": id }),
        );
    }
    instructions.push(ix::queue_change(
        &pool.addresses,
        &admin,
        id,
        change.clone(),
    ));
    let receipt = s.send(&instructions, Action::Manage, Some(pool))?;
    let eta = s.clock()?.unix_timestamp + lock;
    let text = format!(
        "Queued change {id} ({}): the pool's time lock lets members see it and leave first. \
         It applies from {} (in {}): then anyone runs `poolbot changes apply {id}`; an ADMIN \
         can cancel it before with `poolbot changes cancel {id}`.\n{}",
        describe(&change),
        utc(eta),
        Duration(lock),
        signature_line(&receipt)
    );
    s.emit(
        &text,
        json!({ "signature": receipt.signature, "change": id, "queued": true, "eta": eta }),
    )
}

fn load(s: &Session, pool: &PoolInfo, id: u64) -> Result<PendingChange, CliError> {
    fetch::borsh(s.chain(), &pool.addresses.change(id))?.ok_or_else(|| {
        CliError::State(format!(
            "No queued change {id} in pool {} (never queued, or already applied or cancelled). See `poolbot changes list`.",
            pool.key
        ))
    })
}

fn list(s: &mut Session, pool: &PoolInfo) -> Result<(), CliError> {
    let mut changes = accounts::list::<PendingChange>(s.chain(), Some(&pool.key))?;
    changes.sort_by_key(|(_, c)| c.id);
    let now = s.clock()?.unix_timestamp;
    let mut text = format!(
        "{} queued change(s); time lock {}.\n",
        changes.len(),
        Duration(pool.state.time_lock)
    );
    let mut table = Table::new(&[
        ("id", Align::Right),
        ("applies", Align::Left),
        ("change", Align::Left),
        ("queued by", Align::Left),
    ]);
    let mut rows = Vec::new();
    for (key, c) in &changes {
        let when = if c.is_due(now) {
            "due now".to_string()
        } else {
            format!("{} (in {})", utc(c.eta), Duration(c.eta - now))
        };
        table.row([
            c.id.to_string(),
            when,
            describe(&c.change),
            c.proposer.to_string(),
        ]);
        rows.push(json!({
            "id": c.id,
            "address": key.to_string(),
            "proposer": c.proposer.to_string(),
            "change": describe(&c.change),
            "queued_at": c.queued_at,
            "eta": c.eta,
            "due": c.is_due(now),
        }));
    }
    if !table.is_empty() {
        text.push_str(&table.render());
    }
    s.emit(
        &text,
        json!({ "pool": pool.key.to_string(), "time_lock": pool.state.time_lock, "changes": rows }),
    )
}

/// A change in words.
pub fn describe(change: &GovernanceChange) -> String {
    match change {
        GovernanceChange::AddValidator { validator, role } => {
            format!("add validator {validator} as {}", role_name(*role))
        }
        GovernanceChange::RemoveValidator { validator } => {
            format!("remove validator {validator}")
        }
        GovernanceChange::SetValidatorRole { validator, role } => {
            format!("make validator {validator} {}", role_name(*role))
        }
        GovernanceChange::AddKeeper { keeper } => format!("authorise keeper {keeper}"),
        GovernanceChange::EnableProduct { product } => format!("enable product {product}"),
        GovernanceChange::Config(c) => {
            let mut parts = Vec::new();
            let mut field = |name: &str, value: Option<String>| {
                if let Some(v) = value {
                    parts.push(format!("{name} {v}"));
                }
            };
            field("max members", c.max_members.map(|v| v.to_string()));
            field(
                "min contribution",
                c.min_contribution.map(|v| v.to_string()),
            );
            field("insurance bps", c.insurance_bps.map(|v| v.to_string()));
            field("quorum", c.required_approvals.map(|v| v.to_string()));
            field(
                "lead required",
                c.require_lead_approval.map(|v| v.to_string()),
            );
            field(
                "proposal ttl",
                c.proposal_ttl.map(|v| Duration(v).to_string()),
            );
            field(
                "claim quorum",
                c.claim_required_approvals.map(|v| v.to_string()),
            );
            field(
                "claim lead required",
                c.claim_require_lead_approval.map(|v| v.to_string()),
            );
            field("claim ttl", c.claim_ttl.map(|v| Duration(v).to_string()));
            field("time lock", c.time_lock.map(|v| Duration(v).to_string()));
            format!("configuration: {}", parts.join(", "))
        }
    }
}
