//! `poolbot proposals`: list and show trade proposals (with the stored route decoded), vote
//! on them, and execute an approved one with its stored route.
use super::signature_line;
use crate::error::CliError;
use crate::explain::{explain, role_name, Action, Facts};
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::table::{Align, Table};
use crate::units::{utc, Duration};
use anchor_lang::{AnchorDeserialize, Discriminator};
use clap::{Subcommand, ValueEnum};
use pool_bot::math::split_profit;
use pool_bot::route::RouteLeg;
use pool_bot::state::{Product, ProposalStanding, ProposalStatus, TradeProposal, ValidatorSet};
use pool_bot_client::accounts::{self, proposal_route};
use pool_bot_client::local_amm;
use pool_bot_client::{instructions as ix, route, Pubkey};
use serde_json::json;
use solana_signer::Signer;

/// `poolbot proposals ...`
#[derive(Debug, Subcommand)]
pub enum ProposalsCommand {
    /// List the pool's proposals: status, quorum progress, lead requirement, expiry.
    List {
        /// Only proposals with this stored status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
    },
    /// Show one proposal: terms, votes, and its stored route decoded leg by leg.
    Show {
        /// The proposal's id.
        id: u64,
    },
    /// Approve a pending proposal (any validator; one vote each).
    Approve {
        /// The proposal's id.
        id: u64,
    },
    /// Reject a pending proposal (any validator; one vote each).
    Reject {
        /// The proposal's id.
        id: u64,
        /// Why, up to 200 bytes (recorded in the audit trail).
        #[arg(long)]
        reason: String,
    },
    /// Execute an approved proposal exactly as stored (a keeper or any validator).
    Execute {
        /// The proposal's id.
        id: u64,
    },
}

/// Where a proposal stands, as written on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Open for votes.
    Pending,
    /// Reached quorum, live: may be executed.
    Approved,
    /// Quorum became unreachable.
    Rejected,
    /// Ran.
    Executed,
    /// Its lifetime ran out before it ran.
    Expired,
    /// Validators, quorum or terms changed after it was made: it can never run.
    Stale,
}

impl From<StatusArg> for ProposalStanding {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Pending => ProposalStanding::Pending,
            StatusArg::Approved => ProposalStanding::Executable,
            StatusArg::Rejected => ProposalStanding::Rejected,
            StatusArg::Executed => ProposalStanding::Executed,
            StatusArg::Expired => ProposalStanding::Expired,
            StatusArg::Stale => ProposalStanding::Stale,
        }
    }
}

/// A standing in the words the CLI shows (`approved` for Executable: approved and live).
pub fn standing_word(standing: ProposalStanding) -> &'static str {
    match standing {
        ProposalStanding::Pending => "pending",
        ProposalStanding::Executable => "approved",
        ProposalStanding::Rejected => "rejected",
        ProposalStanding::Executed => "executed",
        ProposalStanding::Expired => "expired",
        ProposalStanding::Stale => "stale",
    }
}

/// Runs a `proposals` command.
pub fn run(s: &mut Session, command: &ProposalsCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    match command {
        ProposalsCommand::List { status } => list(s, &pool, status.map(Into::into)),
        ProposalsCommand::Show { id } => show(s, &pool, *id),
        ProposalsCommand::Approve { id } => vote(s, &pool, *id, None),
        ProposalsCommand::Reject { id, reason } => vote(s, &pool, *id, Some(reason)),
        ProposalsCommand::Execute { id } => execute(s, &pool, *id),
    }
}

/// Where a proposal stands, as the list and show commands describe it.
struct Standing {
    /// The program's standing (`TradeProposal::standing`) in words.
    status: &'static str,
    /// Approvals that count.
    approvals: u32,
    /// Rejections cast.
    rejections: u32,
    /// Whether a LEAD or ADMIN approval is still needed (`None` = not required).
    lead_missing: Option<bool>,
    /// Seconds until expiry (negative once expired).
    expires_in: i64,
    /// Whether it may still be voted on or executed.
    open: bool,
}

fn standing(p: &TradeProposal, pool: &PoolInfo, set: &ValidatorSet, now: i64) -> Standing {
    let standing = p.standing(now, pool.state.config_version);
    let quorum = set.trade_quorum(pool.state.required_approvals, pool.state.lead_required());
    Standing {
        status: standing_word(standing),
        approvals: (p.approvals & quorum.voters).count_ones(),
        rejections: p.rejections.count_ones(),
        lead_missing: pool
            .state
            .lead_required()
            .then_some(p.approvals & quorum.leads == 0),
        expires_in: p.expires_at - now,
        open: standing.is_open() || standing_was_open(p, standing),
    }
}

/// Whether a proposal still undecided on chain lapsed (its expiry is still worth showing).
fn standing_was_open(p: &TradeProposal, standing: ProposalStanding) -> bool {
    !p.is_finished()
        && matches!(
            standing,
            ProposalStanding::Expired | ProposalStanding::Stale
        )
}

/// When an open proposal expires (`-` once it is finished).
fn expiry(st: &Standing) -> String {
    let seconds = st.expires_in;
    if !st.open {
        "-".to_string()
    } else if seconds > 0 {
        format!("in {}", Duration(seconds))
    } else {
        format!("{} ago", Duration(-seconds))
    }
}

pub(crate) fn lead_text(lead_missing: Option<bool>) -> &'static str {
    match lead_missing {
        None => "not required",
        Some(true) => "still needed",
        Some(false) => "given",
    }
}

fn list(s: &mut Session, pool: &PoolInfo, only: Option<ProposalStanding>) -> Result<(), CliError> {
    let set = s.validator_set(pool)?;
    let now = s.clock()?.unix_timestamp;
    let mut proposals = accounts::proposals(s.chain(), &pool.key)?;
    let version = pool.state.config_version;
    proposals.retain(|(_, p)| only.is_none_or(|standing| p.standing(now, version) == standing));
    let u = &pool.unit;
    let q = pool.state.required_approvals;
    let mut table = Table::new(&[
        ("id", Align::Right),
        ("status", Align::Left),
        ("approvals", Align::Right),
        ("lead", Align::Left),
        ("amount in", Align::Right),
        ("expected profit", Align::Right),
        ("expires", Align::Left),
    ]);
    let mut rows = Vec::new();
    for (key, p) in &proposals {
        let st = standing(p, pool, &set, now);
        table.row([
            p.id.to_string(),
            st.status.to_string(),
            format!("{}/{q}", st.approvals),
            lead_text(st.lead_missing).to_string(),
            u.show(p.amount_in),
            u.show(p.expected_profit),
            expiry(&st),
        ]);
        rows.push(json!({
            "id": p.id,
            "address": key.to_string(),
            "status": st.status,
            "approvals": st.approvals,
            "rejections": st.rejections,
            "required_approvals": q,
            "lead_approval": lead_text(st.lead_missing),
            "amount_in": p.amount_in,
            "expected_profit": p.expected_profit,
            "min_profit": p.min_profit,
            "expires_at": p.expires_at,
        }));
    }
    let mut text = format!(
        "{} proposal(s); quorum {q} approval(s){}\n",
        proposals.len(),
        if pool.state.lead_required() {
            " incl. a LEAD or ADMIN"
        } else {
            ""
        },
    );
    if !table.is_empty() {
        text.push_str(&table.render());
    }
    s.emit(
        &text,
        json!({ "pool": pool.key.to_string(), "proposals": rows }),
    )
}

fn load(s: &Session, pool: &PoolInfo, id: u64) -> Result<(Pubkey, TradeProposal), CliError> {
    let key = pool.addresses.proposal(id);
    let proposal = fetch::zero_copy(s.chain(), &key)?.ok_or_else(|| {
        CliError::State(format!(
            "No proposal {id} in pool {} (it never existed or was closed). See `poolbot proposals list`.",
            pool.key
        ))
    })?;
    Ok((key, proposal))
}

fn route_of(p: &TradeProposal) -> Result<Vec<RouteLeg>, CliError> {
    proposal_route(p).map_err(|e| {
        CliError::State(format!(
            "Proposal {}'s stored route cannot be decoded ({e}). Reject it.",
            p.id
        ))
    })
}

/// Validators (by slot) whose bit is set in `bits`, when the slots still mean the same
/// validators (the proposal is not stale).
pub(crate) fn voters(bits: u32, set: &ValidatorSet, stale: bool) -> Vec<String> {
    set.validators()
        .iter()
        .enumerate()
        .filter(|(slot, _)| bits & (1 << slot) != 0)
        .map(|(slot, v)| {
            if stale {
                format!("slot {slot}")
            } else {
                format!("{} ({})", v.key, role_name(v.role()))
            }
        })
        .collect()
}

fn show(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, p) = load(s, pool, id)?;
    let set = s.validator_set(pool)?;
    let now = s.clock()?.unix_timestamp;
    let st = standing(&p, pool, &set, now);
    let legs = route_of(&p)?;
    let product: Option<Product> = fetch::zero_copy(s.chain(), &p.product)?;
    let u = &pool.unit;
    let stale = p.is_stale(pool.state.config_version);
    let (approved_by, rejected_by) = (
        voters(p.approvals, &set, stale),
        voters(p.rejections, &set, stale),
    );
    let mut text = format!(
        "Proposal {id} {key}\n\
         \x20 status           {status}\n\
         \x20 approvals        {n}/{q} (lead approval {lead}): {approved}\n\
         \x20 rejections       {r}: {rejected}\n\
         \x20 proposer         {proposer}\n\
         \x20 product          {product}\n\
         \x20 amount in        {amount}\n\
         \x20 expected profit  {expected} (at least {min}){realised}\n\
         \x20 created          {created}\n\
         \x20 expires          {expires}{expiry}\n\
         \x20 route hash       {hash}\n\
         Route ({legs} leg(s)):\n",
        status = st.status,
        n = st.approvals,
        q = pool.state.required_approvals,
        lead = lead_text(st.lead_missing),
        approved = list_or_none(&approved_by),
        r = st.rejections,
        rejected = list_or_none(&rejected_by),
        proposer = p.proposer,
        product = product.map_or(p.product.to_string(), |d| format!(
            "{} \"{}\" {}",
            d.id,
            d.name(),
            p.product
        )),
        amount = u.show(p.amount_in),
        expected = u.show(p.expected_profit),
        min = u.show(p.min_profit),
        realised = if p.status() == ProposalStatus::Executed {
            format!("; realised {}", u.show(p.realised_profit))
        } else {
            String::new()
        },
        created = utc(p.created_at),
        expires = utc(p.expires_at),
        expiry = if st.open {
            format!(" ({})", expiry(&st))
        } else {
            String::new()
        },
        hash = hex(&p.route_hash),
        legs = legs.len(),
    );
    let mut legs_json = Vec::new();
    for (i, leg) in legs.iter().enumerate() {
        let decoded = describe_leg(leg, pool);
        text.push_str(&format!(
            "  {}. program {} {}\n",
            i + 1,
            leg.program_id,
            decoded.as_deref().unwrap_or("")
        ));
        for a in &leg.accounts {
            text.push_str(&format!(
                "       {}{} {} {}\n",
                if a.is_writable { "w" } else { "-" },
                if a.is_signer { "s" } else { "-" },
                a.pubkey,
                label(&a.pubkey, pool)
            ));
        }
        text.push_str(&format!("       data {}\n", hex(&leg.data)));
        legs_json.push(json!({
            "program": leg.program_id.to_string(),
            "decoded": decoded,
            "accounts": leg.accounts.iter().map(|a| json!({
                "pubkey": a.pubkey.to_string(),
                "is_signer": a.is_signer,
                "is_writable": a.is_writable,
            })).collect::<Vec<_>>(),
            "data": hex(&leg.data),
        }));
    }
    let json = json!({
        "id": id,
        "address": key.to_string(),
        "status": st.status,
        "approvals": st.approvals,
        "rejections": st.rejections,
        "required_approvals": pool.state.required_approvals,
        "lead_approval": lead_text(st.lead_missing),
        "approved_by": approved_by,
        "rejected_by": rejected_by,
        "proposer": p.proposer.to_string(),
        "product": p.product.to_string(),
        "amount_in": p.amount_in,
        "expected_profit": p.expected_profit,
        "min_profit": p.min_profit,
        "realised_profit": p.realised_profit,
        "created_at": p.created_at,
        "expires_at": p.expires_at,
        "stale": stale,
        "route_hash": hex(&p.route_hash),
        "route": legs_json,
    });
    s.emit(&text, json)
}

pub(crate) fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a known account of the pool is.
fn label(key: &Pubkey, pool: &PoolInfo) -> &'static str {
    let p = &pool.addresses;
    match *key {
        k if k == p.pool => "(the pool, signs)",
        k if k == p.vault => "(pool vault)",
        k if k == p.mint => "(pool mint)",
        k if k == p.token_program => "(token program)",
        k if k == p.insurance_vault => "(insurance reserve)",
        _ => "",
    }
}

/// A local AMM swap leg in words; `None` for other programs.
fn describe_leg(leg: &RouteLeg, pool: &PoolInfo) -> Option<String> {
    if leg.program_id != local_amm::ID {
        return None;
    }
    let data = leg
        .data
        .strip_prefix(local_amm::instruction::Swap::DISCRIMINATOR)?;
    let args = local_amm::instructions::SwapArgs::try_from_slice(data).ok()?;
    // Swap accounts: user, pool, source, destination, vault in, vault out, mint in, mint out.
    let mint = |i: usize| leg.accounts.get(i).map(|a| a.pubkey);
    let amount = |base: u64, mint: Option<Pubkey>| match mint {
        Some(m) if m == pool.addresses.mint => pool.unit.show(base),
        Some(m) => format!("{base} base units of {m}"),
        None => base.to_string(),
    };
    Some(format!(
        "(local AMM swap: {} in, at least {} out)",
        amount(args.amount_in, mint(6)),
        amount(args.min_amount_out, mint(7))
    ))
}

fn vote(s: &mut Session, pool: &PoolInfo, id: u64, reject: Option<&str>) -> Result<(), CliError> {
    let (key, _) = load(s, pool, id)?;
    let me = s.signer()?.pubkey();
    // who may vote comes before where the proposal stands
    if s.validator_set(pool)?.slot_of(&me).is_none() {
        let facts = Facts {
            action: Action::TradeVote,
            signer: me,
            pool: Some(pool),
            role: None,
        };
        let sentence = explain("NotValidator", &facts).unwrap_or_default();
        return Err(CliError::State(sentence));
    }
    let instruction = match reject {
        None => ix::approve_trade(&pool.addresses, &me, key),
        Some(reason) => ix::reject_trade(&pool.addresses, &me, key, reason),
    };
    let receipt = s.send(&[instruction], Action::TradeVote, Some(pool))?;
    let (_, p) = load(s, pool, id)?;
    let set = s.validator_set(pool)?;
    let st = standing(&p, pool, &set, s.clock()?.unix_timestamp);
    let text =
        format!(
        "{} proposal {id}: {}/{} approval(s), {} rejection(s), lead approval {}. Status: {}.\n{}",
        if reject.is_some() { "Rejected" } else { "Approved" },
        st.approvals,
        pool.state.required_approvals,
        st.rejections,
        lead_text(st.lead_missing),
        st.status,
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "id": id,
        "status": st.status,
        "approvals": st.approvals,
        "rejections": st.rejections,
    });
    s.emit(&text, json)
}

fn execute(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, p) = load(s, pool, id)?;
    let legs = route_of(&p)?;
    let me = s.signer()?.pubkey();
    let instruction =
        ix::execute_and_distribute(&pool.addresses, &me, key, p.product, &route::pack(&legs));
    let receipt = s.send(&[instruction], Action::Execute, Some(pool))?;
    let (_, done) = load(s, pool, id)?;
    let gain = done.realised_profit;
    let (insurance, members) = split_profit(gain, pool.state.insurance_bps).unwrap_or((0, gain));
    let u = &pool.unit;
    let text = format!(
        "Executed proposal {id}: the vault gained {} ({} to the insurance reserve, {} to members).\n{}",
        u.show(gain),
        u.show(insurance),
        u.show(members),
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "id": id,
        "realised_profit": gain,
        "insurance": insurance,
        "members": members,
    });
    s.emit(&text, json)
}
