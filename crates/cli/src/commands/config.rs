//! `poolbot config`: shows the pool's configuration, or changes any part of it (ADMIN),
//! including pausing and resuming.
use super::changes;
use super::signature_line;
use crate::args::parse_bps;
use crate::error::CliError;
use crate::explain::Action;
use crate::fetch::PoolInfo;
use crate::session::Session;
use crate::units::{percent_of_bps, Duration, TokenAmount};
use clap::Args;
use pool_bot::instructions::UpdateConfigArgs;
use pool_bot::state::{ConfigChange, GovernanceChange};
use pool_bot_client::instructions as ix;
use serde_json::{json, Value};
use solana_signer::Signer;

/// Flags of `poolbot config`; without any, it shows the configuration.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// New pool name, 1 to 32 bytes.
    #[arg(long)]
    pub name: Option<String>,
    /// New maximum of members holding shares (not below the current count).
    #[arg(long, value_name = "N")]
    pub max_members: Option<u32>,
    /// New smallest deposit, in whole tokens.
    #[arg(long, value_name = "AMOUNT")]
    pub min_contribution: Option<TokenAmount>,
    /// New insurance share of each trade's gain, in basis points (500 = 5%).
    #[arg(long, value_name = "BPS", value_parser = parse_bps)]
    pub insurance_bps: Option<u16>,
    /// New number of approvals a trade needs; pending and approved proposals become stale.
    #[arg(long, value_name = "N")]
    pub quorum: Option<u8>,
    /// Whether one approval must come from a LEAD or ADMIN validator (true or false).
    #[arg(long, value_name = "BOOL")]
    pub require_lead: Option<bool>,
    /// New time a proposal stays open: seconds, or a number with s, m, h or d.
    #[arg(long, value_name = "DURATION")]
    pub proposal_ttl: Option<Duration>,
    /// New number of approvals a claim needs (from SENIOR+ validators other than the
    /// claimant); votes on open claims restart.
    #[arg(long, value_name = "N")]
    pub claim_quorum: Option<u8>,
    /// Whether one claim approval must come from a LEAD or ADMIN validator (true or false).
    #[arg(long, value_name = "BOOL")]
    pub claim_require_lead: Option<bool>,
    /// New time a claim stays open for votes.
    #[arg(long, value_name = "DURATION")]
    pub claim_ttl: Option<Duration>,
    /// New governance time lock (e.g. 2d): raising it is immediate, lowering it is a queued
    /// change that waits out the current lock.
    #[arg(long, value_name = "DURATION")]
    pub time_lock: Option<Duration>,
    /// Pause the pool: block deposits, proposals and executions (withdrawals stay open).
    #[arg(long, conflicts_with = "resume")]
    pub pause: bool,
    /// Resume a paused pool.
    #[arg(long)]
    pub resume: bool,
}

impl ConfigArgs {
    /// What takes effect at once (name, pause, a longer time lock) and differs from the pool,
    /// if anything.
    fn immediate(&self, pool: &PoolInfo) -> Option<UpdateConfigArgs> {
        let st = &pool.state;
        let longer_lock = self.time_lock.filter(|d| d.0 > st.time_lock).map(|d| d.0);
        let update = UpdateConfigArgs {
            name: self.name.clone().filter(|n| n != st.name()),
            paused: (self.pause || self.resume)
                .then_some(self.pause)
                .filter(|&pause| pause != (st.is_paused())),
            time_lock: longer_lock,
        };
        (update.name.is_some() || update.paused.is_some() || update.time_lock.is_some())
            .then_some(update)
    }

    /// What goes through the time lock and differs from the pool, if anything.
    fn queued(&self, pool: &PoolInfo) -> Result<Option<ConfigChange>, CliError> {
        let st = &pool.state;
        fn new<T: PartialEq>(flag: Option<T>, current: T) -> Option<T> {
            flag.filter(|v| *v != current)
        }
        let min_contribution = self
            .min_contribution
            .as_ref()
            .map(|a| pool.unit.base_units(a))
            .transpose()?;
        let change = ConfigChange {
            max_members: new(self.max_members, st.max_members),
            min_contribution: new(min_contribution, st.min_contribution),
            insurance_bps: new(self.insurance_bps, st.insurance_bps),
            required_approvals: new(self.quorum, st.required_approvals),
            require_lead_approval: new(self.require_lead, st.lead_required()),
            proposal_ttl: new(self.proposal_ttl.map(|d| d.0), st.proposal_ttl),
            claim_required_approvals: new(self.claim_quorum, st.claim_required_approvals),
            claim_require_lead_approval: new(self.claim_require_lead, st.claim_lead_required()),
            claim_ttl: new(self.claim_ttl.map(|d| d.0), st.claim_ttl),
            time_lock: self.time_lock.filter(|d| d.0 < st.time_lock).map(|d| d.0),
        };
        Ok((change != ConfigChange::default()).then_some(change))
    }

    /// Whether any flag asks for a change.
    fn asks_for_change(&self) -> bool {
        self.name.is_some()
            || self.max_members.is_some()
            || self.min_contribution.is_some()
            || self.insurance_bps.is_some()
            || self.quorum.is_some()
            || self.require_lead.is_some()
            || self.proposal_ttl.is_some()
            || self.claim_quorum.is_some()
            || self.claim_require_lead.is_some()
            || self.claim_ttl.is_some()
            || self.time_lock.is_some()
            || self.pause
            || self.resume
    }
}

/// Shows or updates the configuration.
pub fn run(s: &mut Session, args: &ConfigArgs) -> Result<(), CliError> {
    let pool = s.pool()?;
    let immediate = args.immediate(&pool);
    let queued = args.queued(&pool)?;
    if immediate.is_none() && queued.is_none() {
        let (text, mut json) = describe(&pool);
        if !args.asks_for_change() {
            return s.emit(&text, json);
        }
        // every value asked for is already the pool's: like `products disable` on a disabled
        // product, say so and send nothing
        json["nothing_to_do"] = true.into();
        let already = if args.pause {
            "the pool is already paused"
        } else if args.resume {
            "the pool is not paused"
        } else {
            "the pool already has the values given"
        };
        return s.emit(&format!("Nothing to do: {already}.\n{text}"), json);
    }
    let admin = s.signer()?.pubkey();
    let first: Vec<_> = immediate
        .map(|update| ix::update_config(&pool.addresses, &admin, update))
        .into_iter()
        .collect();
    let mut instructions = first;
    if let Some(change) = queued {
        let change = GovernanceChange::Config(change);
        if pool.state.time_lock > 0 {
            return changes::submit(s, &pool, instructions, change, "Configuration updated.");
        }
        let id = pool.state.next_change_id;
        instructions.extend(ix::govern(&pool.addresses, &admin, id, change));
    }
    let receipt = s.send(&instructions, Action::Manage, Some(&pool))?;
    let pool = s.pool()?;
    let (text, mut json) = describe(&pool);
    json["signature"] = receipt.signature.clone().into();
    s.emit(
        &format!(
            "Configuration updated.\n{text}\n{}",
            signature_line(&receipt)
        ),
        json,
    )
}

/// The configuration as text and JSON.
pub fn describe(pool: &PoolInfo) -> (String, Value) {
    let st = &pool.state;
    let text = format!(
        "Pool \"{name}\" {key}\n\
         \x20 mint              {mint} ({decimals} decimals)\n\
         \x20 creator           {creator}\n\
         \x20 status            {status}\n\
         \x20 members           up to {max}\n\
         \x20 min contribution  {min}\n\
         \x20 insurance         {ins} of each trade's gain\n\
         \x20 quorum            {q} approval(s){lead}\n\
         \x20 proposals open    {ttl}\n\
         \x20 claims            {cq} approval(s){clead}, open {cttl}\n\
         \x20 time lock         {lock} (validators, quorums, keepers, products, limits)\n\
         \x20 config version    {version}",
        name = st.name(),
        key = pool.key,
        mint = st.asset_mint,
        decimals = st.decimals,
        creator = st.creator,
        status = if st.is_paused() {
            "PAUSED (deposits, proposals and executions blocked)"
        } else {
            "active"
        },
        max = st.max_members,
        min = pool.unit.show(st.min_contribution),
        ins = percent_of_bps(st.insurance_bps),
        q = st.required_approvals,
        lead = if st.lead_required() {
            ", one from a LEAD or ADMIN"
        } else {
            ""
        },
        ttl = Duration(st.proposal_ttl),
        cq = st.claim_required_approvals,
        clead = if st.claim_lead_required() {
            ", one from a LEAD or ADMIN"
        } else {
            ""
        },
        cttl = Duration(st.claim_ttl),
        lock = Duration(st.time_lock),
        version = st.config_version,
    );
    let json = json!({
        "pool": pool.key.to_string(),
        "name": st.name(),
        "mint": st.asset_mint.to_string(),
        "decimals": st.decimals,
        "creator": st.creator.to_string(),
        "paused": st.is_paused(),
        "max_members": st.max_members,
        "min_contribution": st.min_contribution,
        "insurance_bps": st.insurance_bps,
        "required_approvals": st.required_approvals,
        "require_lead_approval": st.lead_required(),
        "proposal_ttl": st.proposal_ttl,
        "claim_required_approvals": st.claim_required_approvals,
        "claim_require_lead_approval": st.claim_lead_required(),
        "claim_ttl": st.claim_ttl,
        "time_lock": st.time_lock,
        "config_version": st.config_version,
    });
    (text, json)
}
