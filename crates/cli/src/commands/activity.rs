//! `poolbot activity`: the pool's history, as the web app's Activity page shows it: the pool's
//! recent transactions (`signatures_for_address`), their logs, and the Pool Bot events in them
//! (`pool_bot_client::events`), each as a title and a sentence, newest first.
use super::changes;
use crate::error::CliError;
use crate::explain::role_name;
use crate::fetch::PoolInfo;
use crate::session::Session;
use crate::table::{Align, Table};
use crate::units::{percent_of_bps, utc};
use clap::Args;
use pool_bot::state::{ClaimStatus, MandateStatus, ProposalStatus, ValidatorSet};
use pool_bot_client::chain::SignatureInfo;
use pool_bot_client::events::{self, PoolEvent};
use pool_bot_client::Pubkey;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Default number of events shown.
const DEFAULT_LIMIT: usize = 50;
/// Most transactions `getSignaturesForAddress` returns at once.
const MAX_LIMIT: usize = 1_000;

/// Flags of `poolbot activity`.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// Show at most this many events, newest first, from the pool's most recent transactions
    /// (this many are read).
    #[arg(long, default_value_t = DEFAULT_LIMIT, value_name = "N")]
    pub limit: usize,
}

/// One event with the transaction that emitted it.
struct Item {
    tx: SignatureInfo,
    event: PoolEvent,
}

/// Shows the pool's recent events.
pub fn run(s: &mut Session, args: &ActivityArgs) -> Result<(), CliError> {
    if !(1..=MAX_LIMIT).contains(&args.limit) {
        return Err(CliError::Input(format!(
            "--limit must be 1 to {MAX_LIMIT}: it is how many events to show (an RPC node \
             lists at most {MAX_LIMIT} transactions at once)."
        )));
    }
    let pool = s.pool()?;
    let set = s.validator_set(&pool)?;
    let mut items = Vec::new();
    for tx in s.chain().signatures_for_address(&pool.key, args.limit)? {
        if tx.failed {
            continue;
        }
        let logs = s.chain().transaction_logs(&tx.signature)?;
        // a transaction's events in the order emitted; the trail is newest first
        let mut found: Vec<Item> = events::parse(&logs)
            .into_iter()
            .filter(|e| e.pool() == pool.key)
            .map(|event| Item {
                tx: tx.clone(),
                event,
            })
            .collect();
        found.reverse();
        items.extend(found);
    }
    items.truncate(args.limit);
    let names = Names::of(&pool, &set);
    let mut table = Table::new(&[
        ("time (UTC)", Align::Left),
        ("event", Align::Left),
        ("what happened", Align::Left),
        ("transaction", Align::Left),
    ]);
    let mut rows = Vec::new();
    for item in &items {
        let d = describe(&item.event, &pool, &names);
        let when = item.tx.block_time.map_or("-".to_string(), utc);
        table.row([
            when,
            d.title.clone(),
            d.detail.clone(),
            short(&item.tx.signature),
        ]);
        rows.push(json!({
            "signature": item.tx.signature,
            "slot": item.tx.slot,
            "block_time": item.tx.block_time,
            "event": item.event.name(),
            "title": d.title,
            "detail": d.detail,
            "actor": d.actor.map(|k| k.to_string()),
            "data": d.data,
        }));
    }
    let mut text = format!(
        "{} event(s) of pool \"{}\" {}, newest first\n",
        items.len(),
        pool.state.name(),
        pool.key
    );
    if !table.is_empty() {
        text.push_str(&table.render());
    }
    s.emit(
        &text,
        json!({ "pool": pool.key.to_string(), "events": rows }),
    )
}

/// What the pool's addresses are called: proposals, claims, products and mandates by id,
/// validators by role.
struct Names {
    ids: HashMap<Pubkey, (&'static str, u64)>,
    roles: HashMap<Pubkey, String>,
}

impl Names {
    fn of(pool: &PoolInfo, set: &ValidatorSet) -> Names {
        let p = &pool.addresses;
        let st = &pool.state;
        let mut ids = HashMap::new();
        // ids are sequential, so every address the pool ever derived is known
        for id in 0..st.next_proposal_id {
            ids.insert(p.proposal(id), ("proposal", id));
        }
        for id in 0..st.next_claim_id {
            ids.insert(p.claim(id), ("claim", id));
        }
        for id in 0..st.next_product_id {
            ids.insert(p.product(id), ("product", id));
        }
        for id in 0..st.next_mandate_id {
            ids.insert(p.mandate(id), ("mandate", id));
        }
        let roles = set
            .validators()
            .iter()
            .map(|v| (v.key, role_name(v.role()).to_string()))
            .collect();
        Names { ids, roles }
    }

    /// `proposal #3` (or the address, shortened, when unknown).
    fn account(&self, key: &Pubkey, kind: &str) -> String {
        match self.ids.get(key) {
            Some((_, id)) => format!("{kind} #{id}"),
            None => format!("{kind} {}", short(&key.to_string())),
        }
    }

    /// A wallet, with its validator role when it has one.
    fn who(&self, key: &Pubkey) -> String {
        match self.roles.get(key) {
            Some(role) => format!("{role} {}", short(&key.to_string())),
            None => short(&key.to_string()),
        }
    }
}

/// `Abcd…wxyz`.
fn short(text: &str) -> String {
    if text.len() <= 10 {
        return text.to_string();
    }
    format!("{}…{}", &text[..4], &text[text.len() - 4..])
}

/// An event in words.
struct Described {
    title: String,
    detail: String,
    actor: Option<Pubkey>,
    data: Value,
}

fn described(title: &str, detail: String, actor: Option<Pubkey>, data: Value) -> Described {
    Described {
        title: title.to_string(),
        detail,
        actor,
        data,
    }
}

fn reason(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(": \"{text}\"")
    }
}

fn describe(event: &PoolEvent, pool: &PoolInfo, n: &Names) -> Described {
    let u = &pool.unit;
    let show = |base: u64| u.show(base);
    let shares = |base: u64| format!("{} shares", u.number(base));
    match event {
        PoolEvent::PoolInitialized(e) => described(
            "Pool created",
            format!("\"{}\" created by {}", e.name, n.who(&e.creator)),
            Some(e.creator),
            json!({ "name": e.name, "asset_mint": e.asset_mint.to_string() }),
        ),
        PoolEvent::ConfigUpdated(e) => described(
            if e.paused {
                "Configuration updated (paused)"
            } else {
                "Configuration updated"
            },
            format!(
                "quorum {}{}, claim quorum {}{}, minimum {}, insurance {}.{:02}%, up to {} members",
                e.required_approvals,
                if e.require_lead_approval { " with a lead" } else { "" },
                e.claim_required_approvals,
                if e.claim_require_lead { " with a lead" } else { "" },
                show(e.min_contribution),
                e.insurance_bps / 100,
                e.insurance_bps % 100,
                e.max_members,
            ),
            Some(e.admin),
            json!({ "paused": e.paused, "config_version": e.config_version }),
        ),
        PoolEvent::ChangeQueued(e) => described(
            "Change queued",
            format!(
                "change #{}: {}; anyone may apply it from {}",
                e.id,
                changes::describe(&e.change),
                utc(e.eta)
            ),
            Some(e.proposer),
            json!({ "id": e.id, "eta": e.eta }),
        ),
        PoolEvent::ChangeFinished(e) => described(
            if e.applied {
                "Change applied"
            } else {
                "Change cancelled"
            },
            format!(
                "change #{} {} by {}",
                e.id,
                if e.applied { "applied" } else { "cancelled" },
                n.who(&e.by)
            ),
            Some(e.by),
            json!({ "id": e.id, "applied": e.applied }),
        ),
        PoolEvent::ValidatorChanged(e) => {
            let detail = match (e.old_role, e.new_role) {
                (Some(from), Some(to)) => format!(
                    "{} changed from {} to {}",
                    short(&e.validator.to_string()),
                    role_name(from),
                    role_name(to)
                ),
                (None, Some(to)) => format!(
                    "{} added as {}",
                    short(&e.validator.to_string()),
                    role_name(to)
                ),
                (Some(from), None) => format!(
                    "{} ({}) removed",
                    short(&e.validator.to_string()),
                    role_name(from)
                ),
                (None, None) => short(&e.validator.to_string()),
            };
            described(
                "Validators changed",
                detail,
                Some(e.admin),
                json!({ "validator": e.validator.to_string(), "config_version": e.config_version }),
            )
        }
        PoolEvent::KeeperChanged(e) => described(
            if e.authorised {
                "Keeper added"
            } else {
                "Keeper removed"
            },
            format!(
                "{} {}",
                short(&e.keeper.to_string()),
                if e.authorised {
                    "may now propose trades"
                } else {
                    "may no longer propose trades"
                }
            ),
            Some(e.admin),
            json!({ "keeper": e.keeper.to_string(), "authorised": e.authorised }),
        ),
        PoolEvent::ProductRegistered(e) => described(
            "Product registered",
            format!(
                "#{} \"{}\" ({:?}), routes through {} program(s) on {}",
                e.id,
                e.name,
                e.category,
                e.programs.len(),
                if e.markets.is_empty() {
                    "any market".to_string()
                } else {
                    format!("{} market(s)", e.markets.len())
                }
            ),
            None,
            json!({ "id": e.id, "product": e.product.to_string(), "name": e.name }),
        ),
        PoolEvent::ProductToggled(e) => described(
            if e.enabled {
                "Product enabled"
            } else {
                "Product disabled"
            },
            format!(
                "{} {}",
                n.account(&e.product, "product"),
                if e.enabled {
                    "takes trades again"
                } else {
                    "takes no new trades"
                }
            ),
            None,
            json!({ "product": e.product.to_string(), "enabled": e.enabled }),
        ),
        PoolEvent::InsuranceFunded(e) => described(
            "Reserve funded",
            format!(
                "{} added {} to the insurance reserve (now {})",
                n.who(&e.funder),
                show(e.amount),
                show(e.reserve_balance)
            ),
            Some(e.funder),
            json!({ "amount": e.amount, "reserve_balance": e.reserve_balance }),
        ),
        PoolEvent::Deposited(e) => described(
            "Deposit",
            format!(
                "{} deposited {} for {}",
                n.who(&e.member),
                show(e.amount),
                shares(e.shares)
            ),
            Some(e.member),
            json!({ "amount": e.amount, "shares": e.shares }),
        ),
        PoolEvent::DepositRequested(e) => described(
            "Deposit requested",
            format!(
                "{} deposited {} while a trade proposal was live; it becomes shares from {} (request #{})",
                n.who(&e.member),
                show(e.amount),
                utc(e.ready_at),
                e.id
            ),
            Some(e.member),
            json!({ "id": e.id, "amount": e.amount, "ready_at": e.ready_at }),
        ),
        PoolEvent::DepositSettled(e) => described(
            "Deposit settled",
            format!(
                "{}'s request #{} of {} became {}",
                n.who(&e.member),
                e.id,
                show(e.amount),
                shares(e.shares)
            ),
            Some(e.member),
            json!({ "id": e.id, "amount": e.amount, "shares": e.shares }),
        ),
        PoolEvent::Withdrew(e) => described(
            if e.exited {
                "Withdrawal (exit)"
            } else {
                "Withdrawal"
            },
            format!(
                "{} withdrew {}, burning {}{}",
                n.who(&e.member),
                show(e.amount),
                shares(e.shares),
                if e.exited { ", and left the pool" } else { "" }
            ),
            Some(e.member),
            json!({ "amount": e.amount, "shares": e.shares, "exited": e.exited }),
        ),
        PoolEvent::TradeProposed(e) => described(
            "Trade proposed",
            format!(
                "#{}: {}-leg route putting in {}, expecting {} (at least {})",
                e.id,
                e.leg_count,
                show(e.amount_in),
                show(e.expected_profit),
                show(e.min_profit)
            ),
            Some(e.proposer),
            json!({
                "id": e.id,
                "amount_in": e.amount_in,
                "expected_profit": e.expected_profit,
                "min_profit": e.min_profit,
            }),
        ),
        PoolEvent::TradeVoted(e) => {
            // one vote decides nothing unless the status moved: the title says which
            let (title, outcome) = match e.status {
                ProposalStatus::Approved => ("Trade approved", ", reaching its quorum"),
                ProposalStatus::Rejected => ("Trade rejected", ", rejecting it"),
                _ => ("Trade vote", "; still pending"),
            };
            described(
                title,
                format!(
                    "{} {} {}{outcome} ({} approval(s), {} rejection(s)){}",
                    n.who(&e.validator),
                    if e.approve { "approved" } else { "rejected" },
                    n.account(&e.proposal, "proposal"),
                    e.approvals,
                    e.rejections,
                    reason(&e.reason)
                ),
                Some(e.validator),
                json!({
                    "proposal": e.proposal.to_string(),
                    "approve": e.approve,
                    "status": format!("{:?}", e.status).to_lowercase(),
                }),
            )
        }
        PoolEvent::ProposalExpired(e) => described(
            if e.stale {
                "Proposal went stale"
            } else {
                "Proposal expired"
            },
            if e.stale {
                format!(
                    "{} was closed: validators, quorum or terms changed after it was made",
                    n.account(&e.proposal, "proposal")
                )
            } else {
                format!(
                    "{} expired before it was executed",
                    n.account(&e.proposal, "proposal")
                )
            },
            None,
            json!({ "proposal": e.proposal.to_string(), "stale": e.stale }),
        ),
        PoolEvent::TradeExecuted(e) => described(
            "Trade executed",
            format!(
                "{} gained {}: {} to members, {} to the insurance reserve",
                n.account(&e.proposal, "proposal"),
                show(e.gain),
                show(e.member_profit),
                show(e.insurance)
            ),
            Some(e.executor),
            json!({
                "proposal": e.proposal.to_string(),
                "gain": e.gain,
                "member_profit": e.member_profit,
                "insurance": e.insurance,
            }),
        ),
        PoolEvent::ClaimFiled(e) => described(
            "Claim filed",
            format!(
                "{} filed claim #{} for {}{}{}",
                n.who(&e.claimant),
                e.id,
                show(e.amount),
                e.proposal_id
                    .map_or(String::new(), |id| format!(" (trade #{id})")),
                reason(&e.reason)
            ),
            Some(e.claimant),
            json!({ "id": e.id, "amount": e.amount, "proposal_id": e.proposal_id }),
        ),
        PoolEvent::ClaimVoted(e) => {
            let (title, outcome) = match e.status {
                ClaimStatus::Paid => ("Claim paid", format!(", paying {}", show(e.paid))),
                ClaimStatus::Denied => ("Claim denied", ", denying it".to_string()),
                _ => ("Claim vote", "; still pending".to_string()),
            };
            described(
                title,
                format!(
                    "{} {} {}{outcome}{}",
                    n.who(&e.validator),
                    if e.approve { "approved" } else { "denied" },
                    n.account(&e.claim, "claim"),
                    reason(&e.reason)
                ),
                Some(e.validator),
                json!({
                    "claim": e.claim.to_string(),
                    "approve": e.approve,
                    "status": format!("{:?}", e.status).to_lowercase(),
                    "paid": e.paid,
                }),
            )
        }
        PoolEvent::MandateProposed(e) => described(
            "Mandate proposed",
            format!(
                "{} proposed mandate #{}: up to {} a trade on {} market(s), at least {}{} profit",
                n.who(&e.proposer),
                e.id,
                show(e.max_amount_in),
                e.markets.len(),
                show(e.min_profit),
                if e.min_profit_bps > 0 {
                    format!(" or {}", percent_of_bps(e.min_profit_bps))
                } else {
                    String::new()
                }
            ),
            Some(e.proposer),
            json!({
                "mandate": e.mandate.to_string(),
                "id": e.id,
                "max_amount_in": e.max_amount_in,
                "min_profit": e.min_profit,
                "min_profit_bps": e.min_profit_bps,
                "markets": e.markets.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
            }),
        ),
        PoolEvent::MandateVoted(e) => {
            let title = match e.status {
                MandateStatus::Approved => "Mandate approved",
                MandateStatus::Rejected => "Mandate rejected",
                _ if e.approve => "Mandate approval vote",
                _ => "Mandate rejection vote",
            };
            described(
                title,
                format!(
                    "{} {} {}{}",
                    n.who(&e.validator),
                    if e.approve { "approved" } else { "rejected" },
                    n.account(&e.mandate, "mandate"),
                    reason(&e.reason)
                ),
                Some(e.validator),
                json!({
                    "mandate": e.mandate.to_string(),
                    "approve": e.approve,
                    "status": format!("{:?}", e.status).to_lowercase(),
                }),
            )
        }
        PoolEvent::MandateRevoked(e) => described(
            "Mandate revoked",
            format!("{} revoked {}", n.who(&e.by), n.account(&e.mandate, "mandate")),
            Some(e.by),
            json!({ "mandate": e.mandate.to_string() }),
        ),
        PoolEvent::MandateExecuted(e) => described(
            "Mandate trade executed",
            format!(
                "{} traded {} under {}: gain {} ({} to insurance, {} to members)",
                n.who(&e.executor),
                show(e.amount_in),
                n.account(&e.mandate, "mandate"),
                show(e.gain),
                show(e.insurance),
                show(e.member_profit)
            ),
            Some(e.executor),
            json!({
                "mandate": e.mandate.to_string(),
                "amount_in": e.amount_in,
                "gain": e.gain,
                "insurance": e.insurance,
                "member_profit": e.member_profit,
            }),
        ),
        PoolEvent::ClaimExpired(e) => described(
            "Claim expired",
            format!(
                "claim #{} for {} ran out of time undecided; the reserve no longer holds it back",
                e.id,
                show(e.amount)
            ),
            None,
            json!({ "id": e.id, "amount": e.amount }),
        ),
        PoolEvent::AccountClosed(e) => {
            let what = match n.ids.get(&e.account) {
                Some((kind, id)) => format!("{kind} #{id}"),
                None => short(&e.account.to_string()),
            };
            described(
                "Account closed",
                format!(
                    "{what} closed; its rent went back to {}",
                    n.who(&e.rent_to)
                ),
                None,
                json!({ "account": e.account.to_string(), "rent_to": e.rent_to.to_string() }),
            )
        }
    }
}
