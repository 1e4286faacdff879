//! `poolbot insurance`: fund the reserve, file a claim (members), approve or deny one
//! (SENIOR and above, never your own), expire one past its time, and show the reserve with its
//! claims.
use super::signature_line;
use crate::args::parse_pubkey;
use crate::commands::member::position;
use crate::error::CliError;
use crate::explain::Action;
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::table::{Align, Table};
use crate::token_accounts::{self, Owner};
use crate::units::{utc, Duration, TokenAmount};
use clap::Subcommand;
use pool_bot::instructions::FileClaimArgs;
use pool_bot::state::{Claim, ClaimStanding, ClaimStatus, InsuranceReserve};
use pool_bot_client::accounts;
use pool_bot_client::instructions as ix;
use pool_bot_client::Pubkey;
use serde_json::json;
use solana_signer::Signer;

/// `poolbot insurance ...`
#[derive(Debug, Subcommand)]
pub enum InsuranceCommand {
    /// Add tokens to the insurance reserve (anyone).
    Fund {
        /// Amount in whole tokens.
        #[arg(long)]
        amount: TokenAmount,
        /// Token account to pay from; default: your associated token account.
        #[arg(long, value_name = "PUBKEY", value_parser = parse_pubkey)]
        token_account: Option<Pubkey>,
    },
    /// File a claim for a loss of your own capital (members, active or withdrawn; one open
    /// claim at a time).
    Claim {
        /// Amount claimed in whole tokens: at most your capital at stake (deposited less
        /// withdrawn less claims paid) and what the reserve holds beyond pending claims.
        #[arg(long)]
        amount: TokenAmount,
        /// What happened, up to 200 bytes.
        #[arg(long)]
        reason: String,
        /// The trade proposal the loss relates to, if any.
        #[arg(long, value_name = "ID")]
        proposal: Option<u64>,
    },
    /// Approve a pending claim; at quorum it is paid (SENIOR, LEAD or ADMIN).
    Approve {
        /// The claim's id.
        id: u64,
        /// The claimant's token account to pay; default: their associated token account.
        #[arg(long, value_name = "PUBKEY", value_parser = parse_pubkey)]
        claimant_token: Option<Pubkey>,
    },
    /// Deny a pending claim (SENIOR, LEAD or ADMIN).
    Deny {
        /// The claim's id.
        id: u64,
        /// Why, up to 200 bytes.
        #[arg(long)]
        reason: String,
    },
    /// Mark a claim past its expiry Expired, releasing what it held back (anyone).
    Expire {
        /// The claim's id.
        id: u64,
    },
    /// Show the reserve and its claims.
    Status,
}

/// Runs an `insurance` command.
pub fn run(s: &mut Session, command: &InsuranceCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    match command {
        InsuranceCommand::Fund {
            amount,
            token_account,
        } => fund(s, &pool, amount, *token_account),
        InsuranceCommand::Claim {
            amount,
            reason,
            proposal,
        } => claim(s, &pool, amount, reason, *proposal),
        InsuranceCommand::Approve { id, claimant_token } => approve(s, &pool, *id, *claimant_token),
        InsuranceCommand::Deny { id, reason } => deny(s, &pool, *id, reason),
        InsuranceCommand::Expire { id } => expire(s, &pool, *id),
        InsuranceCommand::Status => status(s, &pool),
    }
}

/// A claim's stored status, marked `(expired)` once an undecided claim's time ran out.
fn claim_status(claim: &Claim, now: i64) -> String {
    let stored = format!("{:?}", claim.status).to_lowercase();
    match (claim.status, claim.standing(now)) {
        (ClaimStatus::Pending, ClaimStanding::Expired) => format!("{stored} (expired)"),
        _ => stored,
    }
}

fn reserve_account(s: &Session, pool: &PoolInfo) -> Result<InsuranceReserve, CliError> {
    fetch::borsh(s.chain(), &pool.addresses.insurance)?.ok_or_else(|| {
        CliError::State(format!(
            "Pool {} has no insurance reserve. Check --url.",
            pool.key
        ))
    })
}

fn reserve_balance(s: &Session, pool: &PoolInfo) -> Result<u64, CliError> {
    Ok(fetch::token_balance(s.chain(), &pool.addresses.insurance_vault)?.unwrap_or(0))
}

fn fund(
    s: &mut Session,
    pool: &PoolInfo,
    amount: &TokenAmount,
    token_account: Option<Pubkey>,
) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let u = &pool.unit;
    let amount = u.base_units(amount)?;
    let owner = Owner {
        key: me,
        whose: "your",
        flag_name: "--token-account",
    };
    let source = token_accounts::require(s.chain(), pool, owner, token_account)?;
    if source.balance < amount {
        return Err(CliError::State(format!(
            "Your {} account holds {}; you asked to fund {}.",
            u.symbol,
            u.show(source.balance),
            u.show(amount)
        )));
    }
    let receipt = s.send(
        &[ix::fund_insurance(&pool.addresses, &me, source.key, amount)],
        Action::Fund,
        Some(pool),
    )?;
    let balance = reserve_balance(s, pool)?;
    s.emit(
        &format!(
            "Funded the insurance reserve with {}; it holds {}.\n{}",
            u.show(amount),
            u.show(balance),
            signature_line(&receipt)
        ),
        json!({ "signature": receipt.signature, "amount": amount, "reserve_balance": balance }),
    )
}

fn claim(
    s: &mut Session,
    pool: &PoolInfo,
    amount: &TokenAmount,
    reason: &str,
    proposal_id: Option<u64>,
) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let u = &pool.unit;
    let amount = u.base_units(amount)?;
    let held = position(s, pool, &me)?;
    if held.open_claim != 0 {
        return Err(CliError::State(
            "You already have a claim awaiting a decision; one at a time. Wait for it to be decided or to expire (`poolbot insurance status`).".into(),
        ));
    }
    if amount > held.claimable() {
        return Err(CliError::State(format!(
            "A claim may ask at most your capital at stake: {} deposited, less {} withdrawn and {} already paid on claims, is {}; you claimed {}.",
            u.show(held.capital_contributed),
            u.show(held.total_withdrawn),
            u.show(held.claims_paid),
            u.show(held.claimable()),
            u.show(amount)
        )));
    }
    let reserve = reserve_balance(s, pool)?;
    let pending = reserve_account(s, pool)?.pending_amount;
    let uncommitted = reserve.saturating_sub(pending);
    if amount > uncommitted {
        let promised = match pending {
            0 => String::new(),
            p => format!(", of which {} are promised to pending claims", u.show(p)),
        };
        return Err(CliError::State(format!(
            "The insurance reserve holds {}{promised}; you claimed {}. Claim at most {}.",
            u.show(reserve),
            u.show(amount),
            u.show(uncommitted)
        )));
    }
    let id = pool.state.next_claim_id;
    let receipt = s.send(
        &[ix::file_claim(
            &pool.addresses,
            &me,
            id,
            FileClaimArgs {
                amount,
                reason: reason.to_string(),
                proposal_id,
            },
        )],
        Action::FileClaim,
        Some(pool),
    )?;
    s.emit(
        &format!(
            "Filed claim {id} for {}. SENIOR, LEAD and ADMIN validators other than you decide it ({} approval(s){} pay it) within {}.\n{}",
            u.show(amount),
            pool.state.claim_required_approvals,
            if pool.state.claim_lead_required() { ", one from a LEAD or ADMIN," } else { "" },
            Duration(pool.state.claim_ttl),
            signature_line(&receipt)
        ),
        json!({ "signature": receipt.signature, "id": id, "amount": amount }),
    )
}

fn load(s: &Session, pool: &PoolInfo, id: u64) -> Result<(Pubkey, Claim), CliError> {
    let key = pool.addresses.claim(id);
    let claim = fetch::borsh(s.chain(), &key)?.ok_or_else(|| {
        CliError::State(format!(
            "No claim {id} in pool {} (it never existed or was closed). See `poolbot insurance status`.",
            pool.key
        ))
    })?;
    Ok((key, claim))
}

fn decided(
    s: &mut Session,
    pool: &PoolInfo,
    id: u64,
    verb: &str,
    receipt_sig: &str,
) -> Result<(), CliError> {
    let (_, c) = load(s, pool, id)?;
    let status = claim_status(&c, s.clock()?.unix_timestamp);
    let (approvals, rejections) = c.counted_votes(pool.state.config_version);
    let (approvals, rejections) = (approvals.count_ones(), rejections.count_ones());
    s.emit(
        &format!(
            "{verb} claim {id}: {approvals} approval(s), {rejections} rejection(s). Status: {status}.\nSignature: {receipt_sig}",
        ),
        json!({
            "signature": receipt_sig,
            "id": id,
            "status": status,
            "approvals": approvals,
            "rejections": rejections,
        }),
    )
}

fn approve(
    s: &mut Session,
    pool: &PoolInfo,
    id: u64,
    claimant_token: Option<Pubkey>,
) -> Result<(), CliError> {
    let (key, c) = load(s, pool, id)?;
    let me = s.signer()?.pubkey();
    refuse_own_claim(&me, &c)?;
    let owner = Owner {
        key: c.claimant,
        whose: "the claimant's",
        flag_name: "--claimant-token",
    };
    let pay_to = token_accounts::require(s.chain(), pool, owner, claimant_token)?;
    let receipt = s.send(
        &[ix::approve_claim(
            &pool.addresses,
            &me,
            key,
            &c.claimant,
            pay_to.key,
        )],
        Action::ClaimVote,
        Some(pool),
    )?;
    decided(s, pool, id, "Approved", &receipt.signature)
}

fn deny(s: &mut Session, pool: &PoolInfo, id: u64, reason: &str) -> Result<(), CliError> {
    let (key, c) = load(s, pool, id)?;
    let me = s.signer()?.pubkey();
    refuse_own_claim(&me, &c)?;
    let receipt = s.send(
        &[ix::deny_claim(
            &pool.addresses,
            &me,
            key,
            &c.claimant,
            reason,
        )],
        Action::ClaimVote,
        Some(pool),
    )?;
    decided(s, pool, id, "Denied", &receipt.signature)
}

/// The program refuses a claimant's vote on their own claim; say so before sending.
fn refuse_own_claim(me: &Pubkey, claim: &Claim) -> Result<(), CliError> {
    if claim.claimant == *me {
        return Err(CliError::State(format!(
            "You filed claim {}, so you may not vote on it. Other SENIOR, LEAD or ADMIN validators decide it.",
            claim.id
        )));
    }
    Ok(())
}

fn expire(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, c) = load(s, pool, id)?;
    let now = s.clock()?.unix_timestamp;
    if c.standing(now) == ClaimStanding::Open {
        return Err(CliError::State(format!(
            "Claim {id} is open for votes until {} (in {}); it can be marked expired only after that.",
            utc(c.expires_at),
            Duration(c.expires_at - now)
        )));
    }
    let receipt = s.send(
        &[ix::expire_claim(&pool.addresses, key, &c.claimant)],
        Action::Maintain,
        Some(pool),
    )?;
    decided(s, pool, id, "Expired", &receipt.signature)
}

fn status(s: &mut Session, pool: &PoolInfo) -> Result<(), CliError> {
    let reserve = reserve_account(s, pool)?;
    let balance = reserve_balance(s, pool)?;
    let mut claims = accounts::list::<Claim>(s.chain(), Some(&pool.key))?;
    claims.sort_by_key(|(_, c)| c.id);
    let u = &pool.unit;
    let coverage = (pool.state.total_assets > 0)
        .then(|| balance as f64 / pool.state.total_assets as f64 * 100.0);
    let mut text = format!(
        "Insurance reserve {}\n\
         \x20 balance          {} (coverage {} of pool assets)\n\
         \x20 allocated        {} from trades, {} funded directly\n\
         \x20 paid             {}\n\
         \x20 claims           {} filed, {} paid, {} denied, {} expired, {} pending ({})\n",
        pool.addresses.insurance,
        u.show(balance),
        coverage.map_or("-".to_string(), |c| format!("{c:.2}%")),
        u.show(reserve.total_allocated),
        u.show(reserve.total_funded),
        u.show(reserve.total_paid),
        reserve.claims_filed,
        reserve.claims_paid,
        reserve.claims_denied,
        reserve.claims_expired,
        reserve.pending_claims,
        u.show(reserve.pending_amount),
    );
    let now = s.clock()?.unix_timestamp;
    let version = pool.state.config_version;
    let mut table = Table::new(&[
        ("id", Align::Right),
        ("status", Align::Left),
        ("amount", Align::Right),
        ("claimant", Align::Left),
        ("filed", Align::Left),
        ("open until", Align::Left),
        ("approvals", Align::Right),
        ("rejections", Align::Right),
        ("reason", Align::Left),
    ]);
    let mut rows = Vec::new();
    for (key, c) in &claims {
        let status = claim_status(c, now);
        // votes cast before the validator set changed no longer count (the program
        // discards them at the next vote)
        let (approvals, rejections) = c.counted_votes(version);
        table.row([
            c.id.to_string(),
            status.clone(),
            u.show(c.amount),
            c.claimant.to_string(),
            utc(c.filed_at),
            utc(c.expires_at),
            approvals.count_ones().to_string(),
            rejections.count_ones().to_string(),
            if c.decision_note.is_empty() {
                c.reason.clone()
            } else {
                format!("{} [note: {}]", c.reason, c.decision_note)
            },
        ]);
        rows.push(json!({
            "id": c.id,
            "address": key.to_string(),
            "claimant": c.claimant.to_string(),
            "amount": c.amount,
            "reason": c.reason,
            "proposal_id": c.proposal_id,
            "status": status,
            "approvals": approvals.count_ones(),
            "rejections": rejections.count_ones(),
            "filed_at": c.filed_at,
            "expires_at": c.expires_at,
            "decision_note": c.decision_note,
        }));
    }
    if !table.is_empty() {
        text.push_str(&table.render());
    }
    let json = json!({
        "reserve": pool.addresses.insurance.to_string(),
        "reserve_balance": balance,
        "total_allocated": reserve.total_allocated,
        "total_funded": reserve.total_funded,
        "total_paid": reserve.total_paid,
        "claims_filed": reserve.claims_filed,
        "claims_paid": reserve.claims_paid,
        "claims_denied": reserve.claims_denied,
        "claims_expired": reserve.claims_expired,
        "pending_claims": reserve.pending_claims,
        "pending_amount": reserve.pending_amount,
        "coverage_ratio_percent": coverage,
        "claims": rows,
    });
    s.emit(&text, json)
}
