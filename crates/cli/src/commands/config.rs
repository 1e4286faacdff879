//! `poolbot config`: shows the pool's configuration, or changes any part of it (ADMIN),
//! including pausing and resuming.
use super::changes;
use super::signature_line;
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
    #[arg(long, value_name = "BPS")]
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
    /// What takes effect at once (name, pause, a longer time lock), if anything.
    fn immediate(&self, pool: &PoolInfo) -> Option<UpdateConfigArgs> {
        let longer_lock = self
            .time_lock
            .filter(|d| d.0 >= pool.state.time_lock)
            .map(|d| d.0);
        let update = UpdateConfigArgs {
            name: self.name.clone(),
            paused: (self.pause || self.resume).then_some(self.pause),
            time_lock: longer_lock,
        };
        (update.name.is_some() || update.paused.is_some() || update.time_lock.is_some())
            .then_some(update)
    }

    /// What goes through the time lock, if anything.
    fn queued(&self, pool: &PoolInfo) -> Result<Option<ConfigChange>, CliError> {
        let change = ConfigChange {
            max_members: self.max_members,
            min_contribution: self
                .min_contribution
                .as_ref()
                .map(|a| pool.unit.base_units(a))
                .transpose()?,
            insurance_bps: self.insurance_bps,
            required_approvals: self.quorum,
            require_lead_approval: self.require_lead,
            proposal_ttl: self.proposal_ttl.map(|d| d.0),
            claim_required_approvals: self.claim_quorum,
            claim_require_lead_approval: self.claim_require_lead,
            claim_ttl: self.claim_ttl.map(|d| d.0),
            time_lock: self
                .time_lock
                .filter(|d| d.0 < pool.state.time_lock)
                .map(|d| d.0),
        };
        Ok((change != ConfigChange::default()).then_some(change))
    }
}

/// Shows or updates the configuration.
pub fn run(s: &mut Session, args: &ConfigArgs) -> Result<(), CliError> {
    let pool = s.pool()?;
    let immediate = args.immediate(&pool);
    let queued = args.queued(&pool)?;
    if immediate.is_none() && queued.is_none() {
        let (text, json) = describe(&pool);
        return s.emit(&text, json);
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
         \x20 claims           {cq} approval(s){clead}, open {cttl}\n\
         \x20 time lock         {lock} (validators, quorums, keepers, products, limits)\n\
         \x20 config version    {version}",
        name = st.name(),
        key = pool.key,
        mint = st.asset_mint,
        decimals = st.decimals,
        creator = st.creator,
        status = if st.paused != 0 {
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
        "paused": st.paused != 0,
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
