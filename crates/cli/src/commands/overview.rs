//! `poolbot overview`: the pool's statistics (computed by `pool_bot_client::overview`) as a
//! readable summary or JSON: pool, your position, insurance, validators, trades.
use crate::error::CliError;
use crate::explain::role_name;
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::units::utc;
use pool_bot::state::MemberPosition;
use pool_bot_client::overview::{MemberStats, Overview, Snapshot, SnapshotError};
use serde_json::{json, Value};
use std::fmt::Write;

/// A snapshot failure as the person's message.
pub fn snapshot_error(error: SnapshotError) -> CliError {
    match error {
        SnapshotError::Chain(e) => e.into(),
        other => CliError::State(format!(
            "Cannot read the pool's accounts: {other}. Check --pool and --url."
        )),
    }
}

fn pct(value: Option<f64>) -> String {
    value.map_or("-".to_string(), |v| format!("{v:.2}%"))
}

/// Shows the overview.
pub fn run(s: &mut Session) -> Result<(), CliError> {
    let pool = s.pool()?;
    let snapshot = Snapshot::load(s.chain(), &pool.key).map_err(snapshot_error)?;
    let o = snapshot.overview();
    let member = match s.wallet_key() {
        Some(me) => fetch::borsh::<MemberPosition>(s.chain(), &pool.addresses.member(&me))?
            .map(|position| snapshot.member(&position)),
        None => None,
    };
    let mut text = pool_text(&pool, &o);
    let member_json = match &member {
        Some(m) => {
            let (member_text, json) = member_view(&pool, m);
            text.push_str(&member_text);
            json
        }
        None => Value::Null,
    };
    text.push_str(&rest_text(&pool, &o));
    let mut json = overview_json(&pool, &o);
    json["member"] = member_json;
    s.emit(&text, json)
}

fn pool_text(pool: &PoolInfo, o: &Overview) -> String {
    let u = &pool.unit;
    let p = &o.pool;
    format!(
        "Pool \"{name}\" {key}{paused}\n\
         \x20 capital contributed  {contributed} (withdrawn {withdrawn})\n\
         \x20 members              {active} active, {left} withdrawn (max {max})\n\
         \x20 pool balance         {vault} in the vault; {assets} owed to members{pending}\n\
         \x20 total profit         {profit} ({member_profit} to members)\n\
         \x20 ROI                  {roi}\n\
         \x20 share value          {share} per share ({one} at the start)\n",
        name = pool.state.name(),
        key = pool.key,
        paused = if pool.state.is_paused() {
            " [PAUSED]"
        } else {
            ""
        },
        contributed = u.show(p.capital_contributed),
        withdrawn = u.show(p.total_withdrawn),
        active = p.active_members,
        left = p.withdrawn_members,
        max = p.max_members,
        vault = u.show(p.vault_balance),
        assets = u.show(p.total_assets),
        pending = if p.pending_deposits > 0 {
            format!(", {} queued deposits", u.show(p.pending_deposits))
        } else {
            String::new()
        },
        profit = u.show(p.total_profit),
        member_profit = u.show(p.member_profit),
        roi = pct(p.roi_percent),
        share = u.show(p.share_value),
        one = u.show(u.one()),
    )
}

/// A member's statistics as text and JSON.
pub fn member_view(pool: &PoolInfo, m: &MemberStats) -> (String, Value) {
    let u = &pool.unit;
    let profit = if m.profit < 0 {
        format!("-{}", u.show(m.profit.unsigned_abs() as u64))
    } else {
        u.show(m.profit as u64)
    };
    let text = format!(
        "Member {owner} ({status})\n\
         \x20 capital contributed  {contributed} (withdrawn {withdrawn})\n\
         \x20 shares               {shares} ({share} of the pool)\n\
         \x20 current balance      {value}{pending}\n\
         \x20 profit so far        {profit}\n\
         \x20 joined               {joined}\n",
        owner = m.owner,
        status = if m.active { "active" } else { "withdrawn" },
        contributed = u.show(m.capital_contributed),
        withdrawn = u.show(m.total_withdrawn),
        shares = u.number(m.shares),
        share = pct(m.pool_share_percent),
        value = u.show(m.value),
        pending = if m.pending_deposit > 0 {
            format!(" (+ {} queued, not yet shares)", u.show(m.pending_deposit))
        } else {
            String::new()
        },
        joined = utc(m.joined_at),
    );
    let json = json!({
        "owner": m.owner.to_string(),
        "status": if m.active { "active" } else { "withdrawn" },
        "capital_contributed": m.capital_contributed,
        "total_withdrawn": m.total_withdrawn,
        "shares": m.shares,
        "value": m.value,
        "pending_deposit": m.pending_deposit,
        "profit": m.profit as i64,
        "pool_share_percent": m.pool_share_percent,
        "joined_at": m.joined_at,
        "last_activity_at": m.last_activity_at,
    });
    (text, json)
}

fn rest_text(pool: &PoolInfo, o: &Overview) -> String {
    let u = &pool.unit;
    let i = &o.insurance;
    let v = &o.validators;
    let t = &o.trades;
    let mut text = format!(
        "Insurance\n\
         \x20 reserve balance      {balance} (coverage {coverage} of pool assets)\n\
         \x20 allocated            {allocated} from trades, {funded} funded directly\n\
         \x20 paid out             {paid} on {paid_n} claim(s); {denied} denied\n\
         \x20 pending claims       {pending} ({pending_amount})\n\
         Validators: {count}, quorum {q}{lead}; {open} proposal(s) awaiting votes\n",
        balance = u.show(i.reserve_balance),
        coverage = pct(i.coverage_percent),
        allocated = u.show(i.total_allocated),
        funded = u.show(i.total_funded),
        paid = u.show(i.total_paid),
        paid_n = i.claims_paid,
        denied = i.claims_denied,
        pending = i.pending_claims,
        pending_amount = u.show(i.pending_amount),
        count = v.validators.len(),
        q = v.required_approvals,
        lead = if v.lead_required {
            " with a LEAD or ADMIN"
        } else {
            ""
        },
        open = v.pending_approvals,
    );
    for row in &v.validators {
        let _ = writeln!(
            text,
            "  {:<44} {:<6} approval rate {:>7} ({} approved, {} rejected), {} vote(s) pending",
            row.key.to_string(),
            role_name(row.role),
            pct(row.approval_rate_percent),
            row.approvals,
            row.rejections,
            row.pending_votes,
        );
    }
    let _ = write!(
        text,
        "Trades: {} proposed, {} approved, {} rejected, {} executed, {} expired, {} stale, {} pending validation, {} awaiting execution",
        t.proposed, t.approved, t.rejected, t.executed, t.expired, t.stale, t.pending, t.awaiting_execution
    );
    text
}

fn overview_json(pool: &PoolInfo, o: &Overview) -> Value {
    let p = &o.pool;
    let i = &o.insurance;
    let v = &o.validators;
    let t = &o.trades;
    json!({
        "pool": {
            "address": pool.key.to_string(),
            "name": pool.state.name(),
            "mint": pool.addresses.mint.to_string(),
            "decimals": pool.unit.decimals,
            "paused": pool.state.is_paused(),
            "capital_contributed": p.capital_contributed,
            "total_withdrawn": p.total_withdrawn,
            "active_members": p.active_members,
            "withdrawn_members": p.withdrawn_members,
            "max_members": p.max_members,
            "pool_balance": p.vault_balance,
            "total_assets": p.total_assets,
            "pending_deposits": p.pending_deposits,
            "total_shares": p.total_shares,
            "total_profit": p.total_profit,
            "member_profit": p.member_profit,
            "roi_percent": p.roi_percent,
            "share_value": p.share_value,
        },
        "insurance": {
            "reserve_balance": i.reserve_balance,
            "total_allocated": i.total_allocated,
            "total_funded": i.total_funded,
            "total_paid": i.total_paid,
            "claims_filed": i.claims_filed,
            "claims_paid": i.claims_paid,
            "claims_denied": i.claims_denied,
            "pending_claims": i.pending_claims,
            "pending_amount": i.pending_amount,
            "coverage_ratio_percent": i.coverage_percent,
        },
        "validators": {
            "count": v.validators.len(),
            "required_approvals": v.required_approvals,
            "require_lead_approval": v.lead_required,
            "pending_approvals": v.pending_approvals,
            "keepers": v.keepers.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            "validators": v.validators.iter().map(|row| json!({
                "key": row.key.to_string(),
                "role": role_name(row.role),
                "approvals": row.approvals,
                "rejections": row.rejections,
                "approval_rate_percent": row.approval_rate_percent,
                "claim_votes": row.claim_votes,
                "pending_votes": row.pending_votes,
                "last_active_slot": row.last_active_slot,
            })).collect::<Vec<_>>(),
        },
        "trades": {
            "proposed": t.proposed,
            "approved": t.approved,
            "rejected": t.rejected,
            "executed": t.executed,
            "expired": t.expired,
            "stale": t.stale,
            "pending": t.pending,
            "awaiting_execution": t.awaiting_execution,
        },
    })
}
