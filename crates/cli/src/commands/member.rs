//! `poolbot member`: deposit, withdraw and show a position. Balances and positions are
//! checked before sending, and the slippage bounds come from the program's own share math.
use super::signature_line;
use crate::args::parse_pubkey;
use crate::error::CliError;
use crate::explain::Action;
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::token_accounts::{self, Owner};
use crate::units::TokenAmount;
use clap::{Args, Subcommand};
use pool_bot::instructions::{DepositArgs, WithdrawArgs, WithdrawRequest};
use pool_bot::math::{assets_for_shares, shares_for_deposit, Rounding};
use pool_bot::state::MemberPosition;
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
    /// Deposit the pool's token for shares at the current share value.
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
    #[arg(long, default_value_t = DEFAULT_SLIPPAGE_BPS, value_name = "BPS")]
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
    let expected = st
        .priced_assets(now, Rounding::Down)
        .and_then(|priced| shares_for_deposit(amount, st.total_shares, priced))
        .unwrap_or(0);
    let min_shares_out = match min_shares {
        Some(min) => u.base_units(min)?,
        None => slippage.floor(expected),
    };
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
    let now = s.clock()?.unix_timestamp;
    let st = &pool.state;
    let priced = st
        .priced_assets(now, Rounding::Up)
        .unwrap_or(st.total_assets);
    let value_of = |shares| assets_for_shares(shares, st.total_shares, priced).unwrap_or(0);
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
