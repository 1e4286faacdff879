//! `poolbot member`: deposit, withdraw and show a position. Balances and positions are
//! checked before sending, and the slippage bounds come from the program's own share math.
use super::signature_line;
use crate::args::{parse_bps, parse_pubkey};
use crate::error::CliError;
use crate::explain::Action;
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::token_accounts::{self, Owner};
use crate::units::{utc, Duration, TokenAmount};
use clap::{Args, Subcommand};
use pool_bot::instructions::{DepositArgs, WithdrawArgs, WithdrawRequest};
use pool_bot::state::MemberPosition;
use pool_bot_client::deposits;
use pool_bot_client::instructions as ix;
use pool_bot_client::overview::Snapshot;
use pool_bot_client::Pubkey;
use serde_json::json;
use solana_signer::Signer;

/// Default slippage allowance, in basis points.
const DEFAULT_SLIPPAGE_BPS: u16 = 50;

/// `poolbot member ...`
#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Deposit the pool's token for shares at the current share value; while a trade proposal
    /// is live the deposit is queued and becomes shares once every live proposal has ended.
    Deposit {
        /// Amount in whole tokens, e.g. 100 or 100.5.
        #[arg(long)]
        amount: TokenAmount,
        /// Fewest shares to accept (counted like the token, e.g. 99.5); default: the
        /// expected shares less --slippage-bps.
        #[arg(long, value_name = "SHARES")]
        min_shares: Option<TokenAmount>,
        /// The slippage allowance.
        #[command(flatten)]
        slippage: Slippage,
        /// Token account to pay from; default: your associated token account.
        #[arg(long, value_name = "PUBKEY", value_parser = parse_pubkey)]
        token_account: Option<Pubkey>,
    },
    /// Withdraw at the current share value: an amount, a number of shares, or everything.
    Withdraw {
        /// What to withdraw.
        #[command(flatten)]
        what: WithdrawWhat,
        /// Least amount to accept, in whole tokens; default: the expected amount less
        /// --slippage-bps (withdrawing by --amount pays exactly that amount).
        #[arg(long, value_name = "AMOUNT")]
        min_amount: Option<TokenAmount>,
        /// The slippage allowance.
        #[command(flatten)]
        slippage: Slippage,
        /// Token account to receive into; default: your associated token account (created
        /// if missing).
        #[arg(long, value_name = "PUBKEY", value_parser = parse_pubkey)]
        token_account: Option<Pubkey>,
    },
    /// Settle every queued deposit that is ready (anyone may; keepers do it before trading).
    Settle,
    /// Show a position: shares, value, capital contributed, profit.
    Status {
        /// The member's wallet; default: yours.
        #[arg(long, value_name = "PUBKEY", value_parser = parse_pubkey)]
        member: Option<Pubkey>,
    },
}

/// How far the share value may move against you before the transaction refuses.
#[derive(Clone, Copy, Debug, Args)]
pub struct Slippage {
    /// Allowed slippage in basis points (50 = 0.5%), used when no explicit minimum is given.
    #[arg(long, default_value_t = DEFAULT_SLIPPAGE_BPS, value_name = "BPS", value_parser = parse_bps)]
    pub slippage_bps: u16,
}

impl Slippage {
    /// `expected` less the allowance.
    fn floor(self, expected: u64) -> u64 {
        let keep = 10_000u128.saturating_sub(u128::from(self.slippage_bps));
        (u128::from(expected) * keep / 10_000) as u64
    }
}

/// What to withdraw: exactly one of the three.
#[derive(Clone, Debug, Args)]
#[group(required = true, multiple = false)]
pub struct WithdrawWhat {
    /// Receive exactly this amount, in whole tokens (shares burned are rounded up).
    #[arg(long)]
    pub amount: Option<TokenAmount>,
    /// Burn exactly this many shares, counted like the token (1 share = 1 token at the
    /// start, same decimals); the amount paid is rounded down.
    #[arg(long)]
    pub shares: Option<TokenAmount>,
    /// Burn every share: leave the pool.
    #[arg(long)]
    pub all: bool,
}

/// Runs a `member` command.
pub fn run(s: &mut Session, command: &MemberCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    match command {
        MemberCommand::Deposit {
            amount,
            min_shares,
            slippage,
            token_account,
        } => deposit(
            s,
            &pool,
            amount,
            min_shares.as_ref(),
            *slippage,
            *token_account,
        ),
        MemberCommand::Withdraw {
            what,
            min_amount,
            slippage,
            token_account,
        } => withdraw(
            s,
            &pool,
            what,
            min_amount.as_ref(),
            *slippage,
            *token_account,
        ),
        MemberCommand::Settle => settle(s, &pool),
        MemberCommand::Status { member } => {
            let who = match member {
                Some(key) => *key,
                None => s.signer()?.pubkey(),
            };
            status(s, &pool, &who)
        }
    }
}

/// The position of `owner`, which must exist.
pub fn position(s: &Session, pool: &PoolInfo, owner: &Pubkey) -> Result<MemberPosition, CliError> {
    let key = pool.addresses.member(owner);
    fetch::borsh(s.chain(), &key)?.ok_or_else(|| {
        CliError::State(format!(
            "{owner} is not a member of pool {}: it has never deposited. Deposit first with `poolbot member deposit --amount <AMOUNT>`.",
            pool.key
        ))
    })
}

fn deposit(
    s: &mut Session,
    pool: &PoolInfo,
    amount: &TokenAmount,
    min_shares: Option<&TokenAmount>,
    slippage: Slippage,
    token_account: Option<Pubkey>,
) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let u = &pool.unit;
    let amount = u.base_units(amount)?;
    let source = token_accounts::require(s.chain(), pool, owner(me), token_account)?;
    if source.balance < amount {
        return Err(CliError::State(format!(
            "Your {} account holds {}; you asked to deposit {}.",
            u.symbol,
            u.show(source.balance),
            u.show(amount)
        )));
    }
    let now = s.clock()?.unix_timestamp;
    let st = &pool.state;
    if st.proposals_live(now) {
        return request_deposit(s, pool, amount, source.key, now);
    }
    let expected = st.shares_for_deposit(amount).unwrap_or(0);
    let min_shares_out = match min_shares {
        Some(min) => u.base_units(min)?,
        None => slippage.floor(expected),
    };
    if min_shares_out > expected {
        return Err(CliError::Input(format!(
            "--min-shares {} is above what this deposit can mint at the current share value: {} \
             buys {} shares now. Pass --min-shares {} or less, or leave it out.",
            u.number(min_shares_out),
            u.show(amount),
            u.number(expected),
            u.number(expected)
        )));
    }
    let before = fetch::borsh::<MemberPosition>(s.chain(), &pool.addresses.member(&me))?
        .map_or(0, |p| p.shares);
    let receipt = s.send(
        &[ix::deposit(
            &pool.addresses,
            &me,
            source.key,
            DepositArgs {
                amount,
                min_shares_out,
            },
        )],
        Action::Deposit,
        Some(pool),
    )?;
    let after = position(s, pool, &me)?;
    let text = format!(
        "Deposited {} into \"{}\": +{} shares, {} shares in all.\n{}",
        u.show(amount),
        st.name(),
        u.number(after.shares - before),
        u.number(after.shares),
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "amount": amount,
        "shares_minted": after.shares - before,
        "shares": after.shares,
    });
    s.emit(&text, json)
}

/// Queues `amount` while proposals are live: it joins the pool at the share value of the moment
/// they have all ended, so it takes no part of their profit (nor they of it).
fn request_deposit(
    s: &mut Session,
    pool: &PoolInfo,
    amount: u64,
    source: Pubkey,
    now: i64,
) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let u = &pool.unit;
    let st = &pool.state;
    let id = st.next_deposit_id;
    let receipt = s.send(
        &[ix::request_deposit(
            &pool.addresses,
            &me,
            source,
            id,
            amount,
        )],
        Action::Deposit,
        Some(pool),
    )?;
    let ready_at = st.proposals_live_until.max(now);
    let text = format!(
        "Queued {} for \"{}\" as deposit request #{id}: trade proposals are live, so it becomes shares \
         at the share value of {} (in {}), once they have ended. Keepers settle it then; you can too \
         with `poolbot member settle`.\n{}",
        u.show(amount),
        st.name(),
        utc(ready_at),
        Duration(ready_at - now),
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "amount": amount,
        "queued": true,
        "request_id": id,
        "ready_at": ready_at,
    });
    s.emit(&text, json)
}

/// Settles the queued deposits that are ready, oldest first.
fn settle(s: &mut Session, pool: &PoolInfo) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let now = s.clock()?.unix_timestamp;
    let instructions = deposits::settle_ready(s.chain(), &pool.state, &me, now)
        .map_err(|e| CliError::State(format!("Could not read the deposit queue: {e}")))?;
    let waiting = pool.state.next_deposit_id - pool.state.deposit_queue_head;
    if instructions.is_empty() {
        let text = if waiting == 0 {
            "No deposit is queued: nothing to settle.".to_string()
        } else {
            format!(
                "{waiting} queued deposit(s), none ready yet: the oldest becomes ready at {}.",
                utc(pool.state.deposit_queue_ready_at)
            )
        };
        return s.emit(&text, json!({ "settled": 0, "waiting": waiting }));
    }
    let settled = instructions.len();
    let receipt = s.send(&instructions, Action::Maintain, Some(pool))?;
    let text = format!(
        "Settled {settled} queued deposit(s) into shares; {} still queued.\n{}",
        waiting - settled as u64,
        signature_line(&receipt)
    );
    s.emit(
        &text,
        json!({ "signature": receipt.signature, "settled": settled, "waiting": waiting - settled as u64 }),
    )
}

fn owner(key: Pubkey) -> Owner<'static> {
    Owner {
        key,
        whose: "your",
        flag_name: "--token-account",
    }
}

fn withdraw(
    s: &mut Session,
    pool: &PoolInfo,
    what: &WithdrawWhat,
    min_amount: Option<&TokenAmount>,
    slippage: Slippage,
    token_account: Option<Pubkey>,
) -> Result<(), CliError> {
    let me = s.signer()?.pubkey();
    let u = &pool.unit;
    let held = position(s, pool, &me)?;
    if held.shares == 0 {
        return Err(CliError::State(
            "You hold no shares: you already withdrew everything. Nothing to withdraw.".into(),
        ));
    }
    let st = &pool.state;
    let value_of = |shares| st.assets_for_shares(shares).unwrap_or(0);
    let worth = value_of(held.shares);
    let (request, expected) = match (&what.amount, &what.shares) {
        (Some(amount), _) => {
            let amount = u.base_units(amount)?;
            if amount > worth {
                return Err(CliError::State(format!(
                    "Your position is worth {}; you asked to withdraw {}. Withdraw at most that, or use --all.",
                    u.show(worth),
                    u.show(amount)
                )));
            }
            (WithdrawRequest::Amount(amount), amount)
        }
        (None, Some(shares)) => {
            let shares = u.base_units(shares)?;
            if shares > held.shares {
                return Err(CliError::State(format!(
                    "You hold {} shares; you asked to withdraw {}. Withdraw at most that, or use --all.",
                    u.number(held.shares),
                    u.number(shares)
                )));
            }
            (WithdrawRequest::Shares(shares), value_of(shares))
        }
        (None, None) => (WithdrawRequest::Shares(held.shares), worth),
    };
    let min_amount_out = match (min_amount, request) {
        (Some(min), _) => u.base_units(min)?,
        (None, WithdrawRequest::Amount(amount)) => amount,
        (None, WithdrawRequest::Shares(_)) => slippage.floor(expected),
    };
    if min_amount_out > expected {
        return Err(CliError::Input(format!(
            "--min-amount {} is above what this withdrawal can pay at the current share value: \
             it pays {} now. Pass --min-amount {} or less, or leave it out.",
            u.show(min_amount_out),
            u.show(expected),
            u.number(expected)
        )));
    }
    let mut instructions = Vec::new();
    let destination = match token_accounts::find(s.chain(), pool, owner(me), token_account)? {
        Some(holding) => holding.key,
        None => {
            instructions.push(token_accounts::create_associated(pool, &me, &me));
            token_accounts::associated(pool, &me)
        }
    };
    let before = fetch::token_balance(s.chain(), &destination)?.unwrap_or(0);
    instructions.push(ix::withdraw(
        &pool.addresses,
        &me,
        destination,
        WithdrawArgs {
            request,
            min_amount_out,
        },
    ));
    let receipt = s.send(&instructions, Action::Withdraw, Some(pool))?;
    let received = fetch::token_balance(s.chain(), &destination)?.unwrap_or(0) - before;
    let after = position(s, pool, &me)?;
    let text = format!(
        "Withdrew {} (burned {} shares); {} shares left.\n{}",
        u.show(received),
        u.number(held.shares - after.shares),
        u.number(after.shares),
        signature_line(&receipt)
    );
    let json = json!({
        "signature": receipt.signature,
        "amount": received,
        "shares_burned": held.shares - after.shares,
        "shares": after.shares,
        "token_account": destination.to_string(),
    });
    s.emit(&text, json)
}

fn status(s: &mut Session, pool: &PoolInfo, who: &Pubkey) -> Result<(), CliError> {
    let held = position(s, pool, who)?;
    let snapshot = Snapshot::load(s.chain(), &pool.key).map_err(super::overview::snapshot_error)?;
    let m = snapshot.member(&held);
    let (text, json) = super::overview::member_view(pool, &m);
    s.emit(&text, json)
}
