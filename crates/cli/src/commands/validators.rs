//! `poolbot validators`: add, remove, re-role (ADMIN) and list the pool's validators.
use super::changes;
use crate::args::{parse_pubkey, RoleArg};
use crate::error::CliError;
use crate::explain::role_name;
use crate::fetch::PoolInfo;
use crate::session::Session;
use crate::table::{Align, Table};
use clap::Subcommand;
use pool_bot::state::{GovernanceChange, Role, ValidatorSet};
use pool_bot_client::Pubkey;
use serde_json::json;

/// `poolbot validators ...`
#[derive(Debug, Subcommand)]
pub enum ValidatorsCommand {
    /// Add a validator with a role (ADMIN). Pending proposals become stale.
    Add {
        /// The validator's wallet.
        #[arg(value_parser = parse_pubkey)]
        validator: Pubkey,
        /// Its role: junior and up vote on trades, senior and up on claims, a lead or admin
        /// approval satisfies the lead requirement, admins manage the pool.
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// Remove a validator (ADMIN). Pending proposals become stale.
    Remove {
        /// The validator's wallet.
        #[arg(value_parser = parse_pubkey)]
        validator: Pubkey,
    },
    /// Change a validator's role (ADMIN). Pending proposals become stale.
    Role {
        /// The validator's wallet.
        #[arg(value_parser = parse_pubkey)]
        validator: Pubkey,
        /// The new role.
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// List the validators with their roles and votes, and the quorum.
    List,
}

/// Runs a `validators` command.
pub fn run(s: &mut Session, command: &ValidatorsCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    let (change, done) = match command {
        ValidatorsCommand::List => return list(s, &pool),
        ValidatorsCommand::Add { validator, role } => {
            let role: Role = (*role).into();
            let text = format!("Added validator {validator} as {}.", role_name(role));
            let change = GovernanceChange::AddValidator {
                validator: *validator,
                role,
            };
            (change, text)
        }
        ValidatorsCommand::Remove { validator } => {
            require_validator(&s.validator_set(&pool)?, validator)?;
            let text = format!("Removed validator {validator}.");
            let change = GovernanceChange::RemoveValidator {
                validator: *validator,
            };
            (change, text)
        }
        ValidatorsCommand::Role { validator, role } => {
            require_validator(&s.validator_set(&pool)?, validator)?;
            let role: Role = (*role).into();
            let text = format!("Validator {validator} is now {}.", role_name(role));
            let change = GovernanceChange::SetValidatorRole {
                validator: *validator,
                role,
            };
            (change, text)
        }
    };
    changes::submit(s, &pool, vec![], change, &done)
}

fn require_validator(set: &ValidatorSet, key: &Pubkey) -> Result<(), CliError> {
    match set.slot_of(key) {
        Some(_) => Ok(()),
        None => Err(CliError::State(format!(
            "{key} is not a validator of this pool. See `poolbot validators list`."
        ))),
    }
}

fn list(s: &mut Session, pool: &PoolInfo) -> Result<(), CliError> {
    let set = s.validator_set(pool)?;
    let st = &pool.state;
    let mut text = format!(
        "{} validator(s); quorum {} approval(s){}.\n",
        set.validator_count,
        st.required_approvals,
        if st.lead_required() {
            ", one from a LEAD or ADMIN"
        } else {
            ""
        },
    );
    let mut table = Table::new(&[
        ("slot", Align::Right),
        ("validator", Align::Left),
        ("role", Align::Left),
        ("approvals", Align::Right),
        ("rejections", Align::Right),
        ("approval", Align::Right),
        ("claim votes", Align::Right),
        ("last active", Align::Right),
    ]);
    let mut rows = Vec::new();
    for (slot, v) in set.validators().iter().enumerate() {
        let votes = v.approvals + v.rejections;
        let rate = (votes > 0).then(|| f64::from(v.approvals) / f64::from(votes) * 100.0);
        table.row([
            slot.to_string(),
            v.key.to_string(),
            role_name(v.role()).to_string(),
            v.approvals.to_string(),
            v.rejections.to_string(),
            rate.map_or("-".to_string(), |r| format!("{r:.0}%")),
            v.claim_votes.to_string(),
            if v.last_active_slot == 0 {
                "-".to_string()
            } else {
                format!("slot {}", v.last_active_slot)
            },
        ]);
        rows.push(json!({
            "slot": slot,
            "key": v.key.to_string(),
            "role": role_name(v.role()),
            "approvals": v.approvals,
            "rejections": v.rejections,
            "approval_rate_percent": rate,
            "claim_votes": v.claim_votes,
            "last_active_slot": v.last_active_slot,
            "added_at": v.added_at,
        }));
    }
    text.push_str(&table.render());
    let json = json!({
        "pool": pool.key.to_string(),
        "required_approvals": st.required_approvals,
        "require_lead_approval": st.lead_required(),
        "validators": rows,
    });
    s.emit(&text, json)
}
