//! `poolbot mandates`: standing trade mandates. A keeper or ADMIN proposes one (markets, size,
//! least profit, a budget per period, a lifetime), the validators approve or reject it by the
//! trade quorum, a LEAD or ADMIN revokes it at once, anyone closes a finished one. Every flag of
//! `propose` is checked here, against the product and the program's bounds, before anything is
//! sent; where a mandate stands is always the program's answer (`Mandate::standing`).
use super::proposals::{lead_text, list_or_none, voters};
use super::signature_line;
use crate::args::{parse_bps, parse_pubkey};
use crate::commands::products::ProductRef;
use crate::error::CliError;
use crate::explain::{explain, Action, Facts};
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::table::{Align, Table};
use crate::units::{percent_of_bps, utc, Duration, TokenAmount, TokenUnit};
use clap::{Subcommand, ValueEnum};
use pool_bot::state::{
    Mandate, MandateStanding, MandateStatus, MandateTerms, Product, Role, ValidatorSet,
    MANDATE_PERIOD_RANGE, MAX_MANDATE_DURATION, MAX_MANDATE_MARKETS,
};
use pool_bot_client::accounts;
use pool_bot_client::instructions as ix;
use pool_bot_client::Pubkey;
use serde_json::{json, Value};
use solana_signer::Signer;

/// `poolbot mandates ...`
#[derive(Debug, Subcommand)]
pub enum MandatesCommand {
    /// Propose a mandate: a class of trades the validators approve once, which a keeper may
    /// then execute without a vote per trade (a keeper or ADMIN).
    Propose(ProposeArgs),
    /// List the pool's mandates: standing, size, least profit, budget used, executions, expiry.
    List {
        /// Only mandates that stand so now.
        #[arg(long, value_enum)]
        status: Option<StandingArg>,
    },
    /// Show one mandate: its terms, who voted, when it is usable, budget used and executions.
    Show {
        /// The mandate's id.
        id: u64,
    },
    /// Approve a pending mandate (any validator; one vote each; the trade quorum decides).
    Approve {
        /// The mandate's id.
        id: u64,
    },
    /// Reject a pending mandate (any validator; one vote each).
    Reject {
        /// The mandate's id.
        id: u64,
        /// Why, up to 200 bytes (recorded in the audit trail).
        #[arg(long)]
        reason: String,
    },
    /// Revoke a pending or approved mandate at once: no trade runs under it afterwards (a LEAD
    /// or ADMIN alone; revoking only protects).
    Revoke {
        /// The mandate's id.
        id: u64,
    },
    /// Close a finished (rejected, revoked, expired or stale) mandate; its rent goes back to
    /// whoever proposed it (anyone).
    Close {
        /// The mandate's id.
        id: u64,
    },
}

/// Flags of `poolbot mandates propose`.
#[derive(Debug, clap::Args)]
pub struct ProposeArgs {
    /// The product (id or address) whose leg rules and markets every route must also obey.
    #[arg(long, default_value = "0", value_name = "ID")]
    pub product: ProductRef,
    /// A market (DEX pool account) the routes may trade on: repeat, 1 to 8, each on the
    /// product's market list when it has one.
    #[arg(long = "market", required = true, value_name = "PUBKEY", value_parser = parse_pubkey)]
    pub markets: Vec<Pubkey>,
    /// Largest amount one execution may put in, in whole tokens (at most the product's max
    /// trade).
    #[arg(long, value_name = "AMOUNT")]
    pub max_amount_in: TokenAmount,
    /// Least gain of one execution, in whole tokens (at least the product's minimum profit).
    #[arg(long, value_name = "AMOUNT")]
    pub min_profit: TokenAmount,
    /// Least gain of one execution in basis points of its amount in (0 to 10000; the larger of
    /// this and --min-profit applies).
    #[arg(long, default_value_t = 0, value_name = "BPS", value_parser = parse_bps)]
    pub min_profit_bps: u16,
    /// Length of one budget period: 1m to 30d (e.g. 1d).
    #[arg(long, default_value = "1d", value_name = "DURATION")]
    pub period: Duration,
    /// Most executions per period (at least 1).
    #[arg(long, value_name = "N")]
    pub max_trades: u32,
    /// Most amount in summed over a period's executions, in whole tokens (at least
    /// --max-amount-in). Default: --max-trades times --max-amount-in.
    #[arg(long, value_name = "AMOUNT")]
    pub max_notional: Option<TokenAmount>,
    /// How long it stands once usable: 1s to 30d (e.g. 7d).
    #[arg(long, value_name = "DURATION")]
    pub duration: Duration,
}

/// Where a mandate stands, as written on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StandingArg {
    /// Open for votes.
    Pending,
    /// Approved, waiting out the pool's time lock.
    Waiting,
    /// Usable now.
    Active,
    /// Quorum became unreachable.
    Rejected,
    /// Revoked by a LEAD or ADMIN.
    Revoked,
    /// Its vote window or lifetime ran out.
    Expired,
    /// Validators, quorum or terms changed since it was proposed.
    Stale,
}

impl From<StandingArg> for MandateStanding {
    fn from(s: StandingArg) -> Self {
        match s {
            StandingArg::Pending => MandateStanding::Pending,
            StandingArg::Waiting => MandateStanding::Waiting,
            StandingArg::Active => MandateStanding::Active,
            StandingArg::Rejected => MandateStanding::Rejected,
            StandingArg::Revoked => MandateStanding::Revoked,
            StandingArg::Expired => MandateStanding::Expired,
            StandingArg::Stale => MandateStanding::Stale,
        }
    }
}

/// A standing in the words the CLI shows.
pub fn standing_word(standing: MandateStanding) -> &'static str {
    match standing {
        MandateStanding::Pending => "pending",
        MandateStanding::Waiting => "waiting",
        MandateStanding::Active => "active",
        MandateStanding::Rejected => "rejected",
        MandateStanding::Revoked => "revoked",
        MandateStanding::Expired => "expired",
        MandateStanding::Stale => "stale",
    }
}

/// Runs a `mandates` command.
pub fn run(s: &mut Session, command: &MandatesCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    match command {
        MandatesCommand::Propose(args) => propose(s, &pool, args),
        MandatesCommand::List { status } => list(s, &pool, status.map(Into::into)),
        MandatesCommand::Show { id } => show(s, &pool, *id),
        MandatesCommand::Approve { id } => vote(s, &pool, *id, None),
        MandatesCommand::Reject { id, reason } => vote(s, &pool, *id, Some(reason)),
        MandatesCommand::Revoke { id } => revoke(s, &pool, *id),
        MandatesCommand::Close { id } => close(s, &pool, *id),
    }
}

// --- propose -------------------------------------------------------------------------------

/// The product a mandate is proposed under, which must exist in the pool and be enabled.
fn product_of(s: &Session, pool: &PoolInfo, product: ProductRef) -> Result<Product, CliError> {
    let key = product.address(pool);
    let found: Product = fetch::zero_copy(s.chain(), &key)?
        .filter(|p: &Product| p.pool == pool.key)
        .ok_or_else(|| {
            let which = match product {
                ProductRef::Id(id) => id.to_string(),
                ProductRef::Address(key) => format!("at {key}"),
            };
            CliError::State(format!(
                "No product {which} in this pool. Pass an existing one with --product (see \
                 `poolbot products list`)."
            ))
        })?;
    if !found.is_enabled() {
        return Err(CliError::State(format!(
            "Product {} \"{}\" is disabled, so no mandate can be proposed under it. An ADMIN can \
             enable it with `poolbot products enable {}`, or pass another --product.",
            found.id,
            found.name(),
            found.id
        )));
    }
    Ok(found)
}

/// `product 0 "DEX arbitrage"`.
fn product_name(p: &Product) -> String {
    format!("product {} \"{}\"", p.id, p.name())
}

/// Checks the market list: 1 to 8, each once, each on the product's list when it has one, each
/// an existing account.
fn check_markets(s: &Session, product: &Product, markets: &[Pubkey]) -> Result<(), CliError> {
    if markets.is_empty() {
        return Err(CliError::Input(
            "A mandate needs at least one market: pass --market <PUBKEY> for each DEX pool its \
             routes may trade on."
                .into(),
        ));
    }
    if markets.len() > MAX_MANDATE_MARKETS {
        return Err(CliError::Input(format!(
            "A mandate lists at most {MAX_MANDATE_MARKETS} markets; you passed {}. Pass fewer \
             --market (propose a second mandate for the others).",
            markets.len()
        )));
    }
    for (i, market) in markets.iter().enumerate() {
        if markets[..i].contains(market) {
            return Err(CliError::Input(format!(
                "Market {market} is passed twice. Pass each --market once."
            )));
        }
    }
    let listed = product.markets();
    if let Some(outside) = markets
        .iter()
        .find(|m| !listed.is_empty() && !listed.contains(m))
    {
        let list: Vec<String> = listed.iter().map(Pubkey::to_string).collect();
        return Err(CliError::Input(format!(
            "Market {outside} is not on {}'s market list ({}). Pass only markets the product \
             lists (`poolbot products list`), or another --product.",
            product_name(product),
            list.join(", ")
        )));
    }
    for market in markets {
        if s.chain().account(market)?.is_none() {
            return Err(CliError::State(format!(
                "No account at market {market}. A market is a DEX pool account (e.g. a local \
                 AMM pool); check the address and --url."
            )));
        }
    }
    Ok(())
}

/// The terms of `args` in base units, each checked against the product and the program's
/// bounds, with a sentence naming the flag and the fix.
fn terms_of(
    args: &ProposeArgs,
    product: &Product,
    u: &TokenUnit,
) -> Result<MandateTerms, CliError> {
    let bad = |text: String| Err(CliError::Input(text));
    let max_amount_in = u.base_units(&args.max_amount_in)?;
    if max_amount_in == 0 {
        return bad(
            "--max-amount-in must be above 0: it is the largest amount one trade may put in."
                .into(),
        );
    }
    if max_amount_in > product.max_trade_amount {
        return bad(format!(
            "--max-amount-in {} is above {}'s largest trade of {}. Pass at most {}.",
            u.show(max_amount_in),
            product_name(product),
            u.show(product.max_trade_amount),
            u.number(product.max_trade_amount)
        ));
    }
    let min_profit = u.base_units(&args.min_profit)?;
    let floor = product.min_profit.max(1);
    if min_profit < floor {
        return bad(format!(
            "--min-profit {} is below {}'s minimum profit of {}. Pass at least {}.",
            u.show(min_profit),
            product_name(product),
            u.show(floor),
            u.number(floor)
        ));
    }
    let period = args.period.0;
    if !MANDATE_PERIOD_RANGE.contains(&period) {
        return bad(format!(
            "--period {} is outside what a budget period may be (1m to 30d). Pass e.g. --period 1d.",
            Duration(period)
        ));
    }
    if args.max_trades == 0 {
        return bad(
            "--max-trades must be at least 1: it is how many trades may run per period.".into(),
        );
    }
    let max_notional = match &args.max_notional {
        Some(amount) => u.base_units(amount)?,
        None => max_amount_in.saturating_mul(u64::from(args.max_trades)),
    };
    if max_notional < max_amount_in {
        return bad(format!(
            "--max-notional {} is below --max-amount-in {}: a period's budget must allow at \
             least one trade of the largest size. Raise --max-notional to at least {}, or lower \
             --max-amount-in.",
            u.show(max_notional),
            u.show(max_amount_in),
            u.number(max_amount_in)
        ));
    }
    let duration = args.duration.0;
    if !(1..=MAX_MANDATE_DURATION).contains(&duration) {
        return bad(format!(
            "--duration {} is outside what a mandate may stand (1s to {}). Pass at most {}; \
             propose a new mandate when it ends.",
            Duration(duration),
            Duration(MAX_MANDATE_DURATION),
            Duration(MAX_MANDATE_DURATION)
        ));
    }
    Ok(MandateTerms {
        markets: args.markets.clone(),
        max_amount_in,
        min_profit,
        min_profit_bps: args.min_profit_bps,
        period,
        max_trades_per_period: args.max_trades,
        max_notional_per_period: max_notional,
        duration,
    })
}

/// Refuses a proposer who is neither a keeper nor an ADMIN, as the program would.
fn require_keeper_or_admin(
    set: &ValidatorSet,
    pool: &PoolInfo,
    me: Pubkey,
) -> Result<(), CliError> {
    let admin = set
        .slot_of(&me)
        .is_some_and(|slot| set.validators[slot].role() == Role::Admin);
    if set.is_keeper(&me) || admin {
        return Ok(());
    }
    let facts = Facts {
        action: Action::MandatePropose,
        signer: me,
        pool: Some(pool),
        role: None,
    };
    Err(CliError::State(
        explain("NotKeeperOrAdmin", &facts).unwrap_or_default(),
    ))
}

/// The quorum in words: `2 approval(s) incl. a LEAD or ADMIN`.
fn quorum_text(pool: &PoolInfo) -> String {
    format!(
        "{} approval(s){}",
        pool.state.required_approvals,
        if pool.state.lead_required() {
            " incl. a LEAD or ADMIN"
        } else {
            ""
        }
    )
}

fn propose(s: &mut Session, pool: &PoolInfo, args: &ProposeArgs) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let set = s.validator_set(pool)?;
    require_keeper_or_admin(&set, pool, me)?;
    if pool.state.is_paused() {
        let facts = Facts {
            action: Action::MandatePropose,
            signer: me,
            pool: Some(pool),
            role: None,
        };
        return Err(CliError::State(
            explain("PoolPaused", &facts).unwrap_or_default(),
        ));
    }
    let product = product_of(s, pool, args.product)?;
    let u = &pool.unit;
    check_markets(s, &product, &args.markets)?;
    let terms = terms_of(args, &product, u)?;
    let id = pool.state.next_mandate_id;
    let key = pool.addresses.mandate(id);
    let instruction = ix::propose_mandate(
        &pool.addresses,
        &me,
        pool.addresses.product(product.id),
        id,
        terms.clone(),
    );
    let receipt = s.send(&[instruction], Action::MandatePropose, Some(pool))?;
    let (_, m) = load(s, pool, id)?;
    let now = s.clock()?.unix_timestamp;
    let lock = match pool.state.time_lock {
        0 => "at once".to_string(),
        t => format!("{} after approval (the pool's time lock)", Duration(t)),
    };
    let text = format!(
        "Proposed mandate {id} at {key} under {product}: up to {max} a trade on {n} market(s), at \
         least {least} profit, {budget}, standing {duration} once usable.\n\
         Validators vote until {closes} (in {left}): {quorum} approve it; it becomes usable \
         {lock}.\n{sig}",
        product = product_name(&product),
        max = u.show(terms.max_amount_in),
        n = terms.markets.len(),
        least = least_profit(&m, u),
        budget = budget_text(&m, u),
        duration = Duration(terms.duration),
        closes = utc(m.vote_expires_at),
        left = Duration(m.vote_expires_at - now),
        quorum = quorum_text(pool),
        sig = signature_line(&receipt),
    );
    let mut json = terms_json(&m);
    json["signature"] = json!(receipt.signature);
    json["id"] = json!(id);
    json["address"] = json!(key.to_string());
    json["vote_expires_at"] = json!(m.vote_expires_at);
    s.emit(&text, json)
}

// --- reading -------------------------------------------------------------------------------

fn load(s: &Session, pool: &PoolInfo, id: u64) -> Result<(Pubkey, Mandate), CliError> {
    let key = pool.addresses.mandate(id);
    let mandate = fetch::zero_copy(s.chain(), &key)?.ok_or_else(|| {
        CliError::State(format!(
            "No mandate {id} in pool {} (it never existed or was closed). See `poolbot mandates list`.",
            pool.key
        ))
    })?;
    Ok((key, mandate))
}

/// `1 USDC or 0.5% of the amount in` (the larger applies).
fn least_profit(m: &Mandate, u: &TokenUnit) -> String {
    if m.min_profit_bps == 0 {
        u.show(m.min_profit)
    } else {
        format!(
            "{} or {}",
            u.show(m.min_profit),
            percent_of_bps(m.min_profit_bps)
        )
    }
}

/// `10 trade(s) and 50000 USDC per 1d`.
fn budget_text(m: &Mandate, u: &TokenUnit) -> String {
    format!(
        "{} trade(s) and {} per {}",
        m.max_trades_per_period,
        u.show(m.max_notional_per_period),
        Duration(m.period)
    )
}

/// Trades and notional used in the period running at `now` (none once the stored period has
/// ended: the next execution starts a new one, as `Mandate::spend` does).
fn used_this_period(m: &Mandate, now: i64) -> (u32, u64) {
    if m.period > 0 && now.saturating_sub(m.period_start) >= m.period {
        (0, 0)
    } else {
        (m.trades_in_period, m.notional_in_period)
    }
}

/// Votes that count under the current quorum, and whether a lead approval is missing.
struct Votes {
    approvals: u32,
    rejections: u32,
    lead_missing: Option<bool>,
}

fn votes(m: &Mandate, pool: &PoolInfo, set: &ValidatorSet) -> Votes {
    let quorum = set.trade_quorum(pool.state.required_approvals, pool.state.lead_required());
    Votes {
        approvals: (m.approvals & quorum.voters).count_ones(),
        rejections: m.rejections.count_ones(),
        lead_missing: pool
            .state
            .lead_required()
            .then_some(m.approvals & quorum.leads == 0),
    }
}

/// When it matters next, in the list's short form (`in 7d`, `votes close in 1h`, `2h ago`).
fn expiry_short(m: &Mandate, standing: MandateStanding, now: i64) -> String {
    match standing {
        MandateStanding::Pending => format!("votes close in {}", Duration(m.vote_expires_at - now)),
        MandateStanding::Waiting | MandateStanding::Active => {
            format!("in {}", Duration(m.expires_at - now))
        }
        MandateStanding::Expired => {
            let at = if m.status() == MandateStatus::Approved {
                m.expires_at
            } else {
                m.vote_expires_at
            };
            format!("{} ago", Duration(now - at))
        }
        _ => "-".to_string(),
    }
}

/// Where it stands and when, in full (`active: usable from ... until ... (in 7d)`).
fn standing_text(m: &Mandate, standing: MandateStanding, now: i64) -> String {
    let word = standing_word(standing);
    let when = match standing {
        MandateStanding::Pending => format!(
            "votes close {} (in {})",
            utc(m.vote_expires_at),
            Duration(m.vote_expires_at - now)
        ),
        MandateStanding::Waiting => format!(
            "approved; usable from {} (in {}) until {}",
            utc(m.active_from),
            Duration(m.active_from - now),
            utc(m.expires_at)
        ),
        MandateStanding::Active => format!(
            "usable since {} until {} (in {})",
            utc(m.active_from),
            utc(m.expires_at),
            Duration(m.expires_at - now)
        ),
        MandateStanding::Expired if m.status() == MandateStatus::Approved => format!(
            "was usable from {} until {} ({} ago)",
            utc(m.active_from),
            utc(m.expires_at),
            Duration(now - m.expires_at)
        ),
        MandateStanding::Expired => {
            format!("its votes closed {} undecided", utc(m.vote_expires_at))
        }
        MandateStanding::Rejected => format!("rejected {}", utc(m.decided_at)),
        MandateStanding::Revoked => format!("revoked {}", utc(m.decided_at)),
        MandateStanding::Stale => {
            "the validators, quorum or terms changed since it was proposed; it can never be used"
                .to_string()
        }
    };
    format!("{word}: {when}")
}

/// The terms as JSON, in base units and seconds.
fn terms_json(m: &Mandate) -> Value {
    json!({
        "product": m.product.to_string(),
        "markets": m.markets().iter().map(Pubkey::to_string).collect::<Vec<_>>(),
        "max_amount_in": m.max_amount_in,
        "min_profit": m.min_profit,
        "min_profit_bps": m.min_profit_bps,
        "period": m.period,
        "max_trades_per_period": m.max_trades_per_period,
        "max_notional_per_period": m.max_notional_per_period,
        "duration": m.duration,
    })
}

/// Its figures as JSON: terms, standing, times, budget used, executions.
fn mandate_json(
    m: &Mandate,
    key: &Pubkey,
    standing: MandateStanding,
    v: &Votes,
    now: i64,
) -> Value {
    let (trades, notional) = used_this_period(m, now);
    let approved = m.expires_at != 0;
    let mut json = terms_json(m);
    let extra = json!({
        "id": m.id,
        "address": key.to_string(),
        "standing": standing_word(standing),
        "status": format!("{:?}", m.status()).to_lowercase(),
        "proposer": m.proposer.to_string(),
        "approvals": v.approvals,
        "rejections": v.rejections,
        "lead_approval": lead_text(v.lead_missing),
        "created_at": m.created_at,
        "vote_expires_at": m.vote_expires_at,
        "active_from": approved.then_some(m.active_from),
        "expires_at": approved.then_some(m.expires_at),
        "decided_at": m.decided_at,
        "trades_in_period": trades,
        "notional_in_period": notional,
        "executions": m.executions,
        "total_notional": m.total_notional,
        "total_gain": m.total_gain,
    });
    if let (Some(json), Value::Object(extra)) = (json.as_object_mut(), extra) {
        json.extend(extra);
    }
    json
}

fn list(s: &mut Session, pool: &PoolInfo, only: Option<MandateStanding>) -> Result<(), CliError> {
    let set = s.validator_set(pool)?;
    let now = s.clock()?.unix_timestamp;
    let version = pool.state.config_version;
    let mut mandates = accounts::list_zero_copy::<Mandate>(s.chain(), Some(&pool.key))?;
    mandates.sort_by_key(|(_, m)| m.id);
    mandates.retain(|(_, m)| only.is_none_or(|st| m.standing(now, version) == st));
    let u = &pool.unit;
    let mut table = Table::new(&[
        ("id", Align::Right),
        ("standing", Align::Left),
        ("markets", Align::Right),
        ("max/trade", Align::Right),
        ("least profit", Align::Right),
        ("budget used / per period", Align::Right),
        ("executions", Align::Right),
        ("total gain", Align::Right),
        ("expires", Align::Left),
    ]);
    let mut rows = Vec::new();
    for (key, m) in &mandates {
        let standing = m.standing(now, version);
        let (trades, notional) = used_this_period(m, now);
        table.row([
            m.id.to_string(),
            standing_word(standing).to_string(),
            m.market_count.to_string(),
            u.show(m.max_amount_in),
            least_profit(m, u),
            format!(
                "{trades}/{} trades, {}/{} per {}",
                m.max_trades_per_period,
                u.number(notional),
                u.show(m.max_notional_per_period),
                Duration(m.period)
            ),
            m.executions.to_string(),
            u.show(m.total_gain),
            expiry_short(m, standing, now),
        ]);
        rows.push(mandate_json(m, key, standing, &votes(m, pool, &set), now));
    }
    let mut text = format!(
        "{} mandate(s); quorum {}\n",
        mandates.len(),
        quorum_text(pool)
    );
    if !table.is_empty() {
        text.push_str(&table.render());
    }
    s.emit(
        &text,
        json!({ "pool": pool.key.to_string(), "mandates": rows }),
    )
}

fn show(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, m) = load(s, pool, id)?;
    let set = s.validator_set(pool)?;
    let now = s.clock()?.unix_timestamp;
    let standing = m.standing(now, pool.state.config_version);
    let v = votes(&m, pool, &set);
    let stale = m.is_stale(pool.state.config_version);
    let (approved_by, rejected_by) = (
        voters(m.approvals, &set, stale),
        voters(m.rejections, &set, stale),
    );
    let product: Option<Product> = fetch::zero_copy(s.chain(), &m.product)?;
    let u = &pool.unit;
    let (trades, notional) = used_this_period(&m, now);
    let period_line = if standing == MandateStanding::Active {
        // periods are aligned to `active_from`, as `Mandate::spend` counts them
        let start = now - now.saturating_sub(m.period_start) % m.period.max(1);
        format!(" (this period ends {})", utc(start + m.period))
    } else {
        String::new()
    };
    let markets: Vec<String> = m.markets().iter().map(Pubkey::to_string).collect();
    let mut text = format!(
        "Mandate {id} {key}\n\
         \x20 standing         {standing}\n\
         \x20 approvals        {n}/{q} (lead approval {lead}): {approved}\n\
         \x20 rejections       {r}: {rejected}\n\
         \x20 proposer         {proposer}\n\
         \x20 product          {product}\n\
         \x20 max per trade    {max}\n\
         \x20 least profit     {least} of the amount in, the larger\n\
         \x20 budget           {budget}\n\
         \x20 used this period {trades} trade(s), {notional}{period_line}\n\
         \x20 lifetime         {duration} once usable\n\
         \x20 executions       {executions}: {total} traded, {gain} gained\n\
         \x20 created          {created}\n\
         Markets ({count}):\n",
        standing = standing_text(&m, standing, now),
        n = v.approvals,
        q = pool.state.required_approvals,
        lead = lead_text(v.lead_missing),
        approved = list_or_none(&approved_by),
        r = v.rejections,
        rejected = list_or_none(&rejected_by),
        proposer = m.proposer,
        product = product.map_or(m.product.to_string(), |p| format!(
            "{} \"{}\" {}",
            p.id,
            p.name(),
            m.product
        )),
        max = u.show(m.max_amount_in),
        least = least_profit(&m, u),
        budget = budget_text(&m, u),
        notional = u.show(notional),
        duration = Duration(m.duration),
        executions = m.executions,
        total = u.show(m.total_notional),
        gain = u.show(m.total_gain),
        created = utc(m.created_at),
        count = markets.len(),
    );
    for market in &markets {
        text.push_str(&format!("  {market}\n"));
    }
    let mut json = mandate_json(&m, &key, standing, &v, now);
    json["approved_by"] = json!(approved_by);
    json["rejected_by"] = json!(rejected_by);
    json["required_approvals"] = json!(pool.state.required_approvals);
    json["stale"] = json!(stale);
    s.emit(&text, json)
}

// --- votes, revocation, closing --------------------------------------------------------------

/// Refuses a wallet that is not a validator, or whose role is below `action`'s, before sending
/// (who may act comes before where the mandate stands).
fn require_role(s: &Session, pool: &PoolInfo, me: Pubkey, action: Action) -> Result<(), CliError> {
    let set = s.validator_set(pool)?;
    let role = set.slot_of(&me).map(|slot| set.validators[slot].role());
    let name = match (role, action.min_role()) {
        (None, _) => "NotValidator",
        (Some(role), Some(min)) if role < min => "InsufficientRole",
        _ => return Ok(()),
    };
    let facts = Facts {
        action,
        signer: me,
        pool: Some(pool),
        role,
    };
    Err(CliError::State(explain(name, &facts).unwrap_or_default()))
}

/// `active until 2026-12-08 18:00 UTC`, the standing a vote or revocation left.
fn standing_after(m: &Mandate, standing: MandateStanding, now: i64) -> String {
    match standing {
        MandateStanding::Waiting => format!(
            "waiting (usable from {}, in {}, until {})",
            utc(m.active_from),
            Duration(m.active_from - now),
            utc(m.expires_at)
        ),
        MandateStanding::Active => format!("active (usable until {})", utc(m.expires_at)),
        other => standing_word(other).to_string(),
    }
}

fn vote(s: &mut Session, pool: &PoolInfo, id: u64, reject: Option<&str>) -> Result<(), CliError> {
    let (key, _) = load(s, pool, id)?;
    let me = s.signer()?.pubkey();
    require_role(s, pool, me, Action::MandateVote)?;
    let instruction = match reject {
        None => ix::approve_mandate(&pool.addresses, &me, key),
        Some(reason) => ix::reject_mandate(&pool.addresses, &me, key, reason),
    };
    let receipt = s.send(&[instruction], Action::MandateVote, Some(pool))?;
    let (_, m) = load(s, pool, id)?;
    let set = s.validator_set(pool)?;
    let now = s.clock()?.unix_timestamp;
    let standing = m.standing(now, pool.state.config_version);
    let v = votes(&m, pool, &set);
    let text = format!(
        "{} mandate {id}: {}/{} approval(s), {} rejection(s), lead approval {}. Standing: {}.\n{}",
        if reject.is_some() {
            "Rejected"
        } else {
            "Approved"
        },
        v.approvals,
        pool.state.required_approvals,
        v.rejections,
        lead_text(v.lead_missing),
        standing_after(&m, standing, now),
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "id": id,
        "standing": standing_word(standing),
        "approvals": v.approvals,
        "rejections": v.rejections,
        "active_from": (m.expires_at != 0).then_some(m.active_from),
        "expires_at": (m.expires_at != 0).then_some(m.expires_at),
    });
    s.emit(&text, json)
}

fn revoke(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, m) = load(s, pool, id)?;
    let me = s.signer()?.pubkey();
    require_role(s, pool, me, Action::MandateRevoke)?;
    if !matches!(m.status(), MandateStatus::Pending | MandateStatus::Approved) {
        return Err(CliError::State(format!(
            "Mandate {id} is already {}: only a pending or approved mandate can be revoked. \
             Close it with `poolbot mandates close {id}`.",
            format!("{:?}", m.status()).to_lowercase()
        )));
    }
    let receipt = s.send(
        &[ix::revoke_mandate(&pool.addresses, &me, key)],
        Action::MandateRevoke,
        Some(pool),
    )?;
    let text = format!(
        "Revoked mandate {id}: no trade can run under it any more. Close it with `poolbot \
         mandates close {id}` to return its rent to {}.\n{}",
        m.proposer,
        signature_line(&receipt)
    );
    s.emit(
        &text,
        json!({ "signature": receipt.signature, "id": id, "standing": "revoked" }),
    )
}

fn close(s: &mut Session, pool: &PoolInfo, id: u64) -> Result<(), CliError> {
    let (key, m) = load(s, pool, id)?;
    let now = s.clock()?.unix_timestamp;
    let standing = m.standing(now, pool.state.config_version);
    if !standing.is_finished() {
        return Err(CliError::State(format!(
            "Mandate {id} cannot be closed yet: it is {}. It can be closed once rejected, \
             revoked, expired or stale; a LEAD or ADMIN can revoke it now with `poolbot mandates \
             revoke {id}`.",
            standing_text(&m, standing, now)
        )));
    }
    let rent = fetch::lamports(s.chain(), &key)?;
    let receipt = s.send(
        &[ix::close_mandate(&pool.addresses, key, m.proposer)],
        Action::MandateClose,
        Some(pool),
    )?;
    let text = format!(
        "Closed mandate {id} ({}): its rent, {} SOL, went back to its proposer {}.\n{}",
        standing_word(standing),
        sol(rent),
        m.proposer,
        signature_line(&receipt)
    );
    s.emit(
        &text,
        json!({
            "signature": receipt.signature,
            "id": id,
            "rent": rent,
            "rent_to": m.proposer.to_string(),
        }),
    )
}

/// Lamports as SOL without trailing zeros.
fn sol(lamports: u64) -> String {
    TokenUnit {
        decimals: 9,
        symbol: "SOL".into(),
    }
    .number(lamports)
}
