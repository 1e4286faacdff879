//! `poolbot init`: creates a pool for `--mint` (the wallet becomes its first ADMIN), then
//! optionally adds validators and sets the quorum through `update_config`.
use super::signature_line;
use crate::args::{parse_bps, parse_pubkey, RoleArg};
use crate::error::CliError;
use crate::explain::{role_name, Action};
use crate::fetch::{self, symbol_for, PoolInfo};
use crate::session::Session;
use crate::units::{percent_of_bps, Duration, TokenAmount, TokenUnit};
use clap::{Args, ValueEnum};
use pool_bot::instructions::{InitializePoolArgs, UpdateConfigArgs};
use pool_bot::state::{ConfigChange, GovernanceChange, Role};
use pool_bot_client::instructions as ix;
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::Pubkey;
use serde_json::json;
use solana_signer::Signer;

/// Founding changes (queued and applied) per transaction: keeps each under the size limit.
const CHANGES_PER_TRANSACTION: usize = 3;

/// Flags of `poolbot init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Pool name shown to members, 1 to 32 bytes.
    #[arg(long)]
    pub name: String,
    /// Most members holding shares at one time.
    #[arg(long, default_value_t = 100)]
    pub max_members: u32,
    /// Smallest deposit, in whole tokens (e.g. 100 or 0.5).
    #[arg(long, default_value = "100", value_name = "AMOUNT")]
    pub min_contribution: TokenAmount,
    /// Share of each trade's gain kept in the insurance reserve, in basis points (500 = 5%).
    #[arg(long, default_value_t = 500, value_name = "BPS", value_parser = parse_bps)]
    pub insurance_bps: u16,
    /// How long a proposal stays open: seconds, or a number with s, m, h or d (e.g. 1h).
    #[arg(long, default_value = "1h", value_name = "DURATION")]
    pub proposal_ttl: Duration,
    /// How long a governance change (validators, quorums, keepers, products, limits) waits
    /// before it applies, so members can leave first (e.g. 2d; 0 only for test pools).
    #[arg(long, default_value = "2d", value_name = "DURATION")]
    pub time_lock: Duration,
    /// How long an insurance claim stays open for votes (e.g. 7d).
    #[arg(long, default_value = "7d", value_name = "DURATION")]
    pub claim_ttl: Duration,
    /// A validator to add right away, as PUBKEY:ROLE with ROLE junior, senior, lead or admin
    /// (repeat the flag for several).
    #[arg(long = "validator", value_name = "PUBKEY:ROLE", value_parser = parse_validator)]
    pub validators: Vec<ValidatorSpec>,
    /// Trade approvals needed. At most the SENIOR, LEAD and ADMIN validators (you included):
    /// they also decide insurance claims.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub quorum: u8,
    /// Require one of the approvals to come from a LEAD or ADMIN validator.
    #[arg(long)]
    pub require_lead: bool,
    /// Claim approvals needed, from SENIOR, LEAD and ADMIN validators other than the claimant;
    /// default: --quorum.
    #[arg(long, value_name = "N")]
    pub claim_quorum: Option<u8>,
    /// Require one claim approval to come from a LEAD or ADMIN validator.
    #[arg(long)]
    pub claim_require_lead: bool,
}

impl InitArgs {
    fn claim_quorum(&self) -> u8 {
        self.claim_quorum.unwrap_or(self.quorum)
    }
}

/// A validator and its role, from `PUBKEY:ROLE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValidatorSpec {
    /// Its wallet.
    pub key: Pubkey,
    /// Its role.
    pub role: RoleArg,
}

fn parse_validator(text: &str) -> Result<ValidatorSpec, String> {
    let (key, role) = text.split_once(':').ok_or_else(|| {
        format!(
            "'{text}' is not PUBKEY:ROLE, e.g. 9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin:lead"
        )
    })?;
    Ok(ValidatorSpec {
        key: parse_pubkey(key)?,
        role: RoleArg::from_str(role, true)
            .map_err(|_| format!("'{role}' is not a role: use junior, senior, lead or admin"))?,
    })
}

/// Creates the pool, then adds the validators and sets the quorum.
pub fn run(s: &mut Session, args: &InitArgs) -> Result<(), CliError> {
    let creator = s.signer()?.pubkey();
    let mint = s.global().mint.ok_or_else(|| {
        CliError::Input(
            "`poolbot init` needs --mint <PUBKEY>: the token members deposit (e.g. USDC).".into(),
        )
    })?;
    let (decimals, token_program) = fetch::mint(s.chain(), &mint)?;
    let unit = TokenUnit {
        decimals,
        symbol: symbol_for(&mint, s.global().symbol.as_deref()),
    };
    let p = PoolAddresses::new(&creator, &mint, &token_program);
    if s.chain().account(&p.pool)?.is_some() {
        return Err(CliError::State(format!(
            "You already created a pool for this mint: {}. Use it with --pool {}, or create another with a different wallet.",
            p.pool, p.pool
        )));
    }
    check_quorum(args)?;
    let init = ix::initialize_pool(
        &p,
        &creator,
        InitializePoolArgs {
            name: args.name.clone(),
            max_members: args.max_members,
            min_contribution: unit.base_units(&args.min_contribution)?,
            insurance_bps: args.insurance_bps,
            required_approvals: 1,
            require_lead_approval: args.require_lead,
            proposal_ttl: args.proposal_ttl.0,
            claim_required_approvals: 1,
            claim_require_lead_approval: args.claim_require_lead,
            claim_ttl: args.claim_ttl.0,
            // the founding validators and quorums apply at once; the lock follows
            time_lock: 0,
        },
    );
    let mut receipts = vec![s.send(&[init], Action::Init, None)?];
    let pool = PoolInfo::load(s.chain(), p.pool, s.global().symbol.as_deref())?;
    let mut founding: Vec<GovernanceChange> = args
        .validators
        .iter()
        .map(|v| GovernanceChange::AddValidator {
            validator: v.key,
            role: v.role.into(),
        })
        .collect();
    if args.quorum != 1 || args.claim_quorum() != 1 {
        founding.push(GovernanceChange::Config(ConfigChange {
            required_approvals: Some(args.quorum),
            claim_required_approvals: Some(args.claim_quorum()),
            ..Default::default()
        }));
    }
    let setup: Vec<_> = founding
        .into_iter()
        .enumerate()
        .flat_map(|(id, change)| ix::govern(&p, &creator, id as u64, change))
        .collect();
    for batch in setup.chunks(2 * CHANGES_PER_TRANSACTION) {
        receipts.push(s.send(batch, Action::Manage, Some(&pool))?);
    }
    if args.time_lock.0 > 0 {
        let lock = UpdateConfigArgs {
            time_lock: Some(args.time_lock.0),
            ..Default::default()
        };
        let raise = ix::update_config(&p, &creator, lock);
        receipts.push(s.send(&[raise], Action::Manage, Some(&pool))?);
    }
    let pool = PoolInfo::load(s.chain(), p.pool, s.global().symbol.as_deref())?;
    let st = &pool.state;
    let validators: Vec<String> = args
        .validators
        .iter()
        .map(|v| format!("{} {}", v.key, role_name(v.role.into())))
        .collect();
    let text = format!(
        "Created pool \"{name}\" at {key}\n\
         Mint {mint}; you ({creator}) are its ADMIN.\n\
         Min contribution {min}, max {max} members, insurance {ins}, quorum {q}{lead}, proposals open {ttl}.\n\
         Claims: {cq} approvals{clead}, open {cttl}. Governance time lock {lock}.\n\
         {vals}\
         Use it with: --pool {key}\n{sig}",
        name = args.name,
        key = pool.key,
        min = unit.show(st.min_contribution),
        max = st.max_members,
        ins = percent_of_bps(st.insurance_bps),
        q = st.required_approvals,
        lead = if st.lead_required() { " with a LEAD or ADMIN" } else { "" },
        ttl = Duration(st.proposal_ttl),
        cq = st.claim_required_approvals,
        clead = if st.claim_lead_required() { " with a LEAD or ADMIN" } else { "" },
        cttl = Duration(st.claim_ttl),
        lock = Duration(st.time_lock),
        vals = if validators.is_empty() {
            String::new()
        } else {
            format!("Validators added: {}.\n", validators.join(", "))
        },
        sig = signature_line(&receipts[0]),
    );
    let json = json!({
        "pool": pool.key.to_string(),
        "mint": mint.to_string(),
        "creator": creator.to_string(),
        "name": args.name,
        "required_approvals": st.required_approvals,
        "require_lead_approval": st.lead_required(),
        "claim_required_approvals": st.claim_required_approvals,
        "claim_require_lead_approval": st.claim_lead_required(),
        "claim_ttl": st.claim_ttl,
        "validators": args.validators.iter().map(|v| json!({
            "key": v.key.to_string(),
            "role": role_name(v.role.into()),
        })).collect::<Vec<_>>(),
        "signatures": receipts.iter().map(|r| r.signature.clone()).collect::<Vec<_>>(),
    });
    s.emit(&text, json)
}

/// Refuses a quorum the validators could never reach (the program would refuse it after the
/// pool already exists).
fn check_quorum(args: &InitArgs) -> Result<(), CliError> {
    let senior_plus = 1 + args
        .validators
        .iter()
        .filter(|v| Role::from(v.role) >= Role::Senior)
        .count();
    for (quorum, flag) in [
        (args.quorum, "--quorum"),
        (args.claim_quorum(), "--claim-quorum"),
    ] {
        if quorum == 0 || usize::from(quorum) > senior_plus {
            return Err(CliError::Input(format!(
                "A quorum of {quorum} cannot be reached: it must be between 1 and the SENIOR, LEAD and ADMIN validators, here {senior_plus} (you included). Add validators with --validator PUBKEY:senior, or lower {flag}."
            )));
        }
    }
    Ok(())
}
