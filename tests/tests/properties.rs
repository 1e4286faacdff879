//! Properties over random histories, every step a real transaction on the SBF build (LiteSVM).
//!
//! `the_books_hold_under_any_history`: deposits, withdrawals, trades and donations;
//! - members' shares always add up to the pool's total shares, and the vault covers the books;
//! - no member ever gets out more than they put in plus their pro-rata share of the profit
//!   (and of the rounding dust other members' operations leave in the pool);
//! - a donation to the vault moves no share price;
//! - rounding never favours the user (a deposit withdrawn at once returns at most the deposit).
//!
//! `random_histories_keep_the_books_and_every_member_whole` (issue 10): instant deposits,
//! deposit requests and their settlement (in order, by anyone or by the keeper's
//! `settle_ready`), withdrawals by shares, by amount and of everything, real arbitrage
//! executions through the local AMM (proposed by the keeper, approved by the LEAD and a SENIOR),
//! market moves that reopen or close the gap, donations to the vault, insurance funding, claims
//! filed, approved, denied and expired, clock advances, config changes through the time lock
//! (queued, applied when due, cancelled), pause, and the keeper's sandwich attempts. A model
//! predicts each step's outcome (success, or the named refusal, which must change nothing) and
//! the books; after every step:
//! - `Pool::invariant`, `MemberPosition::invariant` and `InsuranceReserve::invariant` hold on
//!   chain, and the chain's books, positions, requests, claims, proposals and queued changes
//!   equal the model's (a config change never applies before its time lock has passed);
//! - the members' shares add up to `total_shares`, their pending deposits to `pending_deposits`;
//! - the vault holds exactly `total_assets + pending_deposits + donations` (so at least the
//!   books, every member's withdrawable value and every pending deposit); the reserve holds
//!   exactly what was allocated and funded less what was paid, and at least the pending claims;
//! - every member's wallet is what it put in and took out, plus claims paid;
//! - no member can take out (withdrawn + current value + pending) more than it put in plus its
//!   time-weighted fair share of the profit (for each executed trade: member profit × its
//!   shares that existed, or were requested, before the trade was proposed / total shares),
//!   plus a few base units of other members' rounding per step;
//! - no member holds less than it put in plus its exact pro-rata share of every trade, less a
//!   few base units of its own rounding per own step;
//! - a trade's profit reaches only shares that existed (or were requested) when it was proposed.
//!
//! At the end every request settles and every member leaves; what each got out stays within
//! its bound.
//!
//! `one_actor_never_takes_value_from_the_others`: the same with four members who only hold and
//! one actor (the keeper, who also proposes and executes) depositing, requesting, settling and
//! withdrawing around the trades and trying `[deposit, execute, withdraw]` and
//! `[request_deposit, execute]` in one transaction.
//!
//! `the_invariants_catch_planted_faults`: the checks fail on faults planted on chain (a lifted
//! live-proposal gate that lets a sandwich through, a vault short by one unit, a position with
//! one share too many).
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::instructions::{FileClaimArgs, UpdateConfigArgs};
use pool_bot::math;
use pool_bot::state::{
    Claim, ClaimStatus, DepositRequest, MemberPosition, ProposalStatus, TradeProposal,
};
use pool_bot::state::{ConfigChange, GovernanceChange, PendingChange};
use pool_bot_tests::client::amm;
use pool_bot_tests::client::deposits;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::instructions::TradeTerms;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::custom_error;
use pool_bot_tests::seed_world::Proposed;
use pool_bot_tests::seed_world::{Member, AMM_FEE_BPS, SOL, USDC};
use pool_bot_tests::SeedWorld;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::cell::RefCell;
use std::collections::VecDeque;

/// One step of a random history.
#[derive(Clone, Debug)]
enum Op {
    /// Member `i` deposits `usdc` USDC.
    Deposit(usize, u64),
    /// Member `i` burns `per_mille` ‰ of its shares.
    WithdrawShares(usize, u64),
    /// Member `i` asks for `per_mille` ‰ of its value as an exact amount.
    WithdrawAmount(usize, u64),
    /// The market moves by `sol` SOL and the keeper's arbitrage runs.
    Trade(u64),
    /// Someone sends `usdc` USDC straight to the vault.
    Donate(u64),
    /// Member `i` deposits `usdc` USDC and withdraws the new shares at once.
    RoundTrip(usize, u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..4usize, 100..3_000u64).prop_map(|(i, a)| Op::Deposit(i, a)),
        2 => (0..4usize, 1..1_000u64).prop_map(|(i, p)| Op::WithdrawShares(i, p)),
        2 => (0..4usize, 1..1_000u64).prop_map(|(i, p)| Op::WithdrawAmount(i, p)),
        3 => (20..200u64).prop_map(Op::Trade),
        1 => (1..500u64).prop_map(Op::Donate),
        1 => (0..4usize, 100..2_000u64).prop_map(|(i, a)| Op::RoundTrip(i, a)),
    ]
}

/// The chain plus what an honest ledger says each member is owed at most.
struct Model {
    w: SeedWorld,
    members: Vec<Member>,
    /// Upper bound of what each member may ever take out: deposits plus pro-rata profit.
    entitled: Vec<u128>,
    /// Taken out so far.
    taken: Vec<u128>,
}

impl Model {
    fn new() -> Model {
        let mut w = SeedWorld::new();
        let members = (0..4).map(|_| w.new_member(50_000)).collect();
        Model {
            w,
            members,
            entitled: vec![0; 4],
            taken: vec![0; 4],
        }
    }

    fn shares(&self, i: usize) -> u64 {
        let key = self.w.seed.pool.member(&self.members[i].wallet.pubkey());
        if self.w.chain.data(&key).is_empty() {
            0
        } else {
            self.w.position(&self.members[i]).shares
        }
    }

    fn value(&self, i: usize) -> u64 {
        let pool = self.w.pool_state();
        math::assets_for_shares(self.shares(i), pool.total_shares, pool.total_assets).unwrap()
    }

    fn deposit(&mut self, i: usize, amount: u64) -> bool {
        let instruction = self.w.deposit_ix(&self.members[i], amount, 0);
        let wallet = self.members[i].wallet.insecure_clone();
        let ok = self.w.chain.send(&[instruction], &[&wallet]).is_ok();
        if ok {
            self.entitled[i] += amount as u128;
            self.rounding_dust_to_others(i);
        }
        ok
    }

    /// Rounding keeps less than one share's worth in the pool at every deposit and
    /// withdrawal; it raises the share value for the other holders, so their bound grows by
    /// at most that much.
    fn rounding_dust_to_others(&mut self, actor: usize) {
        let pool = self.w.pool_state();
        let one_share =
            math::assets_for_shares(1, pool.total_shares, pool.total_assets).unwrap() + 1;
        let holders: Vec<usize> = (0..4)
            .filter(|i| *i != actor && self.shares(*i) > 0)
            .collect();
        for i in holders {
            self.entitled[i] += one_share as u128;
        }
    }

    fn withdraw(&mut self, i: usize, request: WithdrawRequest) -> u64 {
        let m = &self.members[i];
        let before = self.w.chain.balance(&m.usdc);
        let args = WithdrawArgs {
            request,
            min_amount_out: 0,
        };
        let instruction = ix::withdraw(&self.w.seed.pool, &m.wallet.pubkey(), m.usdc, args);
        let wallet = m.wallet.insecure_clone();
        let _ = self.w.chain.send(&[instruction], &[&wallet]);
        let got = self.w.chain.balance(&self.members[i].usdc) - before;
        self.taken[i] += got as u128;
        if got > 0 {
            self.rounding_dust_to_others(i);
        }
        got
    }

    fn trade(&mut self, sol: u64) {
        // a trader sells SOL where it is cheap, opening a gap the keeper closes
        let trader = self.w.chain.wallet();
        let (usdc, sol_mint) = (self.w.seed.usdc, self.w.seed.sol);
        let t_sol = self.w.chain.token_account(&sol_mint, &trader.pubkey());
        let t_usdc = self.w.chain.token_account(&usdc, &trader.pubkey());
        self.w.chain.mint_to(&sol_mint, &t_sol, sol * SOL);
        let sell = amm::swap(
            &self.w.seed.cheap,
            &trader.pubkey(),
            t_sol,
            t_usdc,
            &sol_mint,
            SwapArgs {
                amount_in: sol * SOL,
                min_amount_out: 1,
            },
        );
        self.w.chain.send_ok(&[sell], &[&trader]);
        let pool = self.w.pool_state();
        let amount_in = pool.total_assets.min(2_000 * USDC);
        if amount_in == 0 || self.w.arbitrage_route(amount_in).1 < 2 * USDC as i128 {
            return;
        }
        let (before_shares, holders): (u64, Vec<u64>) =
            (pool.total_shares, (0..4).map(|i| self.shares(i)).collect());
        let (proposal, _) = self.w.propose_arbitrage(amount_in);
        self.w.vote(&proposal, Some(0), true).unwrap();
        self.w.vote(&proposal, Some(1), true).unwrap();
        self.w.execute(&proposal).unwrap();
        let member_profit = self.w.pool_state().total_member_profit - pool.total_member_profit;
        for (i, s) in holders.iter().enumerate() {
            // ceil of the exact pro-rata share: the bound must never be too tight
            self.entitled[i] +=
                (member_profit as u128 * *s as u128).div_ceil(before_shares.max(1) as u128);
        }
    }

    fn donate(&mut self, usdc: u64) {
        let donor = self.w.chain.wallet();
        let account = self
            .w
            .chain
            .token_account(&self.w.seed.usdc.clone(), &donor.pubkey());
        self.w
            .chain
            .mint_to(&self.w.seed.usdc.clone(), &account, usdc * USDC);
        let give = pool_bot_tests::client::token::transfer(
            &account,
            &self.w.seed.pool.vault,
            &donor.pubkey(),
            usdc * USDC,
            &litesvm_token::spl_token::ID,
        );
        self.w.chain.send_ok(&[give], &[&donor]);
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let pool = self.w.pool_state();
        let sum: u64 = (0..4).map(|i| self.shares(i)).sum();
        prop_assert_eq!(
            sum,
            pool.total_shares,
            "members' shares add up to the total"
        );
        prop_assert!(
            self.w.chain.balance(&self.w.seed.pool.vault) >= pool.total_assets,
            "the vault covers the books"
        );
        for i in 0..4 {
            let out = self.taken[i] + self.value(i) as u128;
            prop_assert!(
                out <= self.entitled[i],
                "member {} could take {} of {}",
                i,
                out,
                self.entitled[i]
            );
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, max_shrink_iters: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_books_hold_under_any_history(ops in prop::collection::vec(op(), 4..16)) {
        let mut m = Model::new();
        for op in ops {
            match op {
                Op::Deposit(i, usdc) => { m.deposit(i, usdc * USDC); }
                Op::WithdrawShares(i, per_mille) => {
                    let shares = m.shares(i) * per_mille / 1_000;
                    m.withdraw(i, WithdrawRequest::Shares(shares));
                }
                Op::WithdrawAmount(i, per_mille) => {
                    let amount = m.value(i) * per_mille / 1_000;
                    m.withdraw(i, WithdrawRequest::Amount(amount));
                }
                Op::Trade(sol) => m.trade(sol),
                Op::Donate(usdc) => {
                    let pool = m.w.pool_state();
                    let price = math::share_value(USDC, pool.total_shares, pool.total_assets).unwrap();
                    m.donate(usdc);
                    let after = m.w.pool_state();
                    prop_assert_eq!(price, math::share_value(USDC, after.total_shares, after.total_assets).unwrap());
                    prop_assert_eq!(pool.total_assets, after.total_assets, "a donation is not income");
                }
                Op::RoundTrip(i, usdc) => {
                    let before = m.shares(i);
                    if m.deposit(i, usdc * USDC) {
                        let minted = m.shares(i) - before;
                        let got = m.withdraw(i, WithdrawRequest::Shares(minted));
                        prop_assert!(got <= usdc * USDC, "round trip of {} returned {}", usdc * USDC, got);
                    }
                }
            }
            m.check()?;
        }
    }
}

// --- random histories of the whole pool (issue 10) ---

/// Members in a history: four wallets and the keeper (who also proposes and executes).
const N: usize = 5;
/// The keeper's index among the members.
const KEEPER: usize = 4;
/// USDC each member's wallet starts with.
const WALLET_USDC: u64 = 1_000_000;
/// The pool's time lock in the histories (the seed pool has none).
const TIME_LOCK: i64 = 86_400;
/// Largest `amount_in` a proposal uses.
const MAX_TRADE: u64 = 10_000 * USDC;
const VIRTUAL: u128 = math::VIRTUAL_SHARES as u128;

/// One step of a pool history.
#[derive(Clone, Debug)]
enum Step {
    /// Member `i` deposits `usdc` USDC at once.
    Deposit(usize, u64),
    /// Member `i` requests a deposit of `usdc` USDC.
    Request(usize, u64),
    /// Anyone settles the oldest request (refused unless ready).
    SettleHead,
    /// The keeper settles every ready request (`deposits::settle_ready`).
    SettleReady,
    /// Anyone settles the second request first (`true`), or the head without naming the next.
    SettleWrong(bool),
    /// Member `i` burns `per_mille` ‰ of its shares.
    WithdrawShares(usize, u64),
    /// Member `i` asks for `per_mille` ‰ of its value as an exact amount.
    WithdrawAmount(usize, u64),
    /// Member `i` withdraws every share.
    WithdrawAll(usize),
    /// A trader sells `sol` SOL on the cheap pool (opens the gap) or the dear one (closes it).
    MoveMarket(bool, u64),
    /// The keeper proposes the arbitrage for `per_mille` ‰ of the pool's assets.
    Propose(u64),
    /// The LEAD and a SENIOR approve the newest pending proposal.
    Approve,
    /// The keeper executes the newest approved proposal, settling ready requests first or not.
    Execute(bool),
    /// Market move, propose, approve, execute (settling ready requests first or not).
    Trade(u64, u64, bool),
    /// Someone sends `usdc` USDC straight to the vault.
    Donate(u64),
    /// Someone funds the reserve with `usdc` USDC.
    FundInsurance(u64),
    /// Member `i` files a claim for `per_mille` ‰ of the lesser of its stake and what the
    /// reserve has uncommitted (above 1000: more than that), or of its stake alone.
    FileClaim(usize, u64, bool),
    /// Validator slot `voter` (0 ADMIN, 1 LEAD, 2-3 SENIOR) votes on open claim `which`.
    ClaimVote(usize, usize, bool),
    /// Two validators decide open claim `which`: LEAD and SENIOR approve, or LEAD and ADMIN deny.
    DecideClaim(usize, bool),
    /// Anyone expires open claim `which` (refused while it is still open).
    ExpireClaim(usize),
    /// The clock moves on.
    Advance(i64),
    /// ADMIN queues a config change behind the time lock.
    Queue(Setting),
    /// Anyone applies queued change `which` (refused until its time lock has passed).
    ApplyChange(usize),
    /// ADMIN cancels queued change `which`.
    CancelChange(usize),
    /// ADMIN pauses or resumes.
    SetPaused(bool),
    /// The keeper tries `[deposit, execute, withdraw all]` in one transaction.
    KeeperSandwich(u64),
    /// The keeper sends `[settle ready…, request_deposit, execute]` in one transaction.
    KeeperQueuedSandwich(u64),
}

/// A setting that changes only through the time lock.
#[derive(Clone, Copy, Debug)]
enum Setting {
    /// `insurance_bps` (a change makes approved proposals stale).
    InsuranceBps(u16),
    /// `min_contribution`, whole USDC.
    MinContribution(u64),
    /// `proposal_ttl`, seconds.
    ProposalTtl(i64),
}

fn setting() -> impl Strategy<Value = Setting> {
    prop_oneof![
        prop_oneof![Just(0u16), Just(500), Just(2_500), Just(10_000)]
            .prop_map(Setting::InsuranceBps),
        prop_oneof![Just(1u64), Just(100), Just(500), Just(2_000)]
            .prop_map(Setting::MinContribution),
        prop_oneof![Just(600i64), Just(3_600), Just(7_200)].prop_map(Setting::ProposalTtl),
    ]
}

fn advance() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(30i64),
        Just(600),
        Just(1_800),
        Just(3_600),
        Just(4_000),
        Just(90_000),
        Just(700_000),
    ]
}

/// Any participant's step.
fn step() -> BoxedStrategy<Step> {
    prop_oneof![
        4 => (0..N, 50..5_000u64).prop_map(|(i, a)| Step::Deposit(i, a)),
        4 => (0..N, 50..5_000u64).prop_map(|(i, a)| Step::Request(i, a)),
        2 => Just(Step::SettleHead),
        2 => Just(Step::SettleReady),
        1 => any::<bool>().prop_map(Step::SettleWrong),
        2 => (0..N, 1..1_000u64).prop_map(|(i, p)| Step::WithdrawShares(i, p)),
        2 => (0..N, 1..1_000u64).prop_map(|(i, p)| Step::WithdrawAmount(i, p)),
        1 => (0..N).prop_map(Step::WithdrawAll),
        2 => (any::<bool>(), 10..300u64).prop_map(|(c, s)| Step::MoveMarket(c, s)),
        3 => (1..1_000u64).prop_map(Step::Propose),
        3 => Just(Step::Approve),
        3 => any::<bool>().prop_map(Step::Execute),
        5 => (10..300u64, 100..1_000u64, prop::bool::weighted(0.8)).prop_map(|(s, p, f)| Step::Trade(s, p, f)),
        1 => (1..500u64).prop_map(Step::Donate),
        2 => (100..3_000u64).prop_map(Step::FundInsurance),
        5 => (0..N, 0..1_200u64, prop::bool::weighted(0.8)).prop_map(|(i, p, r)| Step::FileClaim(i, p, r)),
        3 => (0..8usize, 0..4usize, any::<bool>()).prop_map(|(c, v, a)| Step::ClaimVote(c, v, a)),
        3 => (0..8usize, prop::bool::weighted(0.7)).prop_map(|(c, a)| Step::DecideClaim(c, a)),
        1 => (0..8usize).prop_map(Step::ExpireClaim),
        4 => advance().prop_map(Step::Advance),
        3 => setting().prop_map(Step::Queue),
        3 => (0..4usize).prop_map(Step::ApplyChange),
        1 => (0..4usize).prop_map(Step::CancelChange),
        1 => any::<bool>().prop_map(Step::SetPaused),
        1 => (100..20_000u64).prop_map(Step::KeeperSandwich),
        2 => (100..20_000u64).prop_map(Step::KeeperQueuedSandwich),
    ]
    .boxed()
}

/// Only the keeper (the one actor) moves money; the pool trades around it.
fn actor_step() -> BoxedStrategy<Step> {
    prop_oneof![
        3 => (50..20_000u64).prop_map(|a| Step::Deposit(KEEPER, a)),
        3 => (50..20_000u64).prop_map(|a| Step::Request(KEEPER, a)),
        1 => Just(Step::SettleHead),
        1 => Just(Step::SettleReady),
        2 => (1..1_000u64).prop_map(|p| Step::WithdrawShares(KEEPER, p)),
        2 => (1..1_000u64).prop_map(|p| Step::WithdrawAmount(KEEPER, p)),
        2 => Just(Step::WithdrawAll(KEEPER)),
        2 => (1..1_000u64).prop_map(Step::Propose),
        2 => Just(Step::Approve),
        2 => any::<bool>().prop_map(Step::Execute),
        4 => (10..300u64, 100..1_000u64, prop::bool::weighted(0.8)).prop_map(|(s, p, f)| Step::Trade(s, p, f)),
        1 => (any::<bool>(), 10..300u64).prop_map(|(c, s)| Step::MoveMarket(c, s)),
        3 => advance().prop_map(Step::Advance),
        2 => (100..50_000u64).prop_map(Step::KeeperSandwich),
        3 => (100..50_000u64).prop_map(Step::KeeperQueuedSandwich),
    ]
    .boxed()
}

/// What the model says a transaction does.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// It succeeds.
    Ok,
    /// It is refused with this error.
    Refused(PoolError),
    /// It fails, with an error the model does not name (a swap's slippage bound).
    Fails,
}

fn refused(error: PoolError) -> Expect {
    Expect::Refused(error)
}

/// A member's ledger in the model.
#[derive(Clone, Debug, Default)]
struct Ledger {
    contributed: u64,
    withdrawn: u64,
    claims_paid: u64,
    pending: u64,
    shares: u64,
    open_claim: bool,
    /// Unix time before which it may not file again (after a denied or expired claim).
    next_claim_at: i64,
    /// Fair share of the profit booked while its shares existed (rounded up).
    fair_up: u128,
    /// Rounding dust other members' steps may have left to it.
    dust_up: u128,
    /// Exact pro-rata share of every trade's profit (rounded down).
    fair_low: u128,
    /// Rounding its own steps may have cost it.
    loss: u128,
}

/// A queued deposit request in the model.
#[derive(Clone, Debug)]
struct Req {
    id: u64,
    who: usize,
    amount: u64,
    /// Step sequence number at which the money arrived.
    made: u64,
    ready_at: i64,
}

/// A trade proposal in the model.
struct Prop {
    p: Proposed,
    status: ProposalStatus,
    /// Step sequence number at which it was made.
    made: u64,
    expires_at: i64,
    config_version: u64,
    /// SOL its first leg must buy and USDC its second must return (the legs' minimum outputs,
    /// priced when it was proposed).
    sol_out: u64,
    usdc_back: u64,
    /// Each member's shares that may share its profit: held when it was proposed (less later
    /// withdrawals) plus settlements of requests made before it.
    eligible: [u64; N],
}

/// An insurance claim in the model.
#[derive(Clone, Debug)]
struct ClaimModel {
    id: u64,
    who: usize,
    amount: u64,
    expires_at: i64,
    config_version: u64,
    approvals: u32,
    rejections: u32,
    status: ClaimStatus,
}

/// A config change waiting out the time lock, in the model.
#[derive(Clone, Debug)]
struct Queued {
    id: u64,
    setting: Setting,
    eta: i64,
}

impl Setting {
    /// The queued change that makes this setting.
    fn change(self) -> ConfigChange {
        match self {
            Setting::InsuranceBps(bps) => ConfigChange {
                insurance_bps: Some(bps),
                ..Default::default()
            },
            Setting::MinContribution(usdc) => ConfigChange {
                min_contribution: Some(usdc * USDC),
                ..Default::default()
            },
            Setting::ProposalTtl(ttl) => ConfigChange {
                proposal_ttl: Some(ttl),
                ..Default::default()
            },
        }
    }
}

/// What the histories exercised (printed, and required to be non-trivial).
#[derive(Default, Debug)]
struct Coverage {
    steps: usize,
    instant_deposits: usize,
    requests: usize,
    settlements: usize,
    withdrawals: usize,
    executions: usize,
    executions_refused: usize,
    stale_or_expired_refusals: usize,
    awaiting_settlement_refusals: usize,
    sandwiches_refused: usize,
    queued_sandwiches_executed: usize,
    claims_filed: usize,
    claims_paid: usize,
    claims_denied: usize,
    claims_expired: usize,
    claims_refused: usize,
    donations: usize,
    dust_refusals: usize,
    changes_queued: usize,
    changes_not_due: usize,
    config_changes: usize,
}

/// The seed pool on chain and the model of what must hold.
struct History {
    w: SeedWorld,
    members: Vec<Member>,
    initial: Vec<u64>,
    led: Vec<Ledger>,
    assets: u64,
    shares: u64,
    pending: u64,
    donated: u64,
    reserve: u64,
    reserve_pending: u64,
    config_version: u64,
    insurance_bps: u16,
    min_contribution: u64,
    proposal_ttl: i64,
    claim_ttl: i64,
    paused: bool,
    time_lock: i64,
    next_change_id: u64,
    changes: Vec<Queued>,
    live_until: i64,
    next_deposit_id: u64,
    queue: VecDeque<Req>,
    props: Vec<Prop>,
    claims: Vec<ClaimModel>,
    /// Event order of requests and proposals.
    seq: u64,
    /// Steps taken in this history.
    steps: usize,
    trader: Keypair,
    trader_sol: Pubkey,
    trader_usdc: Pubkey,
    donor: Keypair,
    donor_usdc: Pubkey,
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

impl History {
    fn new() -> History {
        let mut w = SeedWorld::new();
        let mut members: Vec<Member> = (0..KEEPER).map(|_| w.new_member(WALLET_USDC)).collect();
        let keeper = w.seed.keeper.insecure_clone();
        let usdc_mint = w.seed.usdc;
        let keeper_usdc = w.chain.token_account(&usdc_mint, &keeper.pubkey());
        w.chain
            .mint_to(&usdc_mint, &keeper_usdc, WALLET_USDC * USDC);
        members.push(Member {
            wallet: keeper,
            usdc: keeper_usdc,
        });
        let trader = w.chain.wallet();
        let sol_mint = w.seed.sol;
        let trader_sol = w.chain.token_account(&sol_mint, &trader.pubkey());
        let trader_usdc = w.chain.token_account(&usdc_mint, &trader.pubkey());
        let donor = w.chain.wallet();
        let donor_usdc = w.chain.token_account(&usdc_mint, &donor.pubkey());
        let mut h = History {
            members,
            initial: Vec::new(),
            led: Vec::new(),
            assets: 0,
            shares: 0,
            pending: 0,
            donated: 0,
            reserve: 0,
            reserve_pending: 0,
            config_version: 0,
            insurance_bps: 0,
            min_contribution: 0,
            proposal_ttl: 0,
            claim_ttl: 0,
            paused: false,
            time_lock: 0,
            next_change_id: 0,
            changes: Vec::new(),
            live_until: 0,
            next_deposit_id: 0,
            queue: VecDeque::new(),
            props: Vec::new(),
            claims: Vec::new(),
            seq: 0,
            steps: 0,
            trader,
            trader_sol,
            trader_usdc,
            donor,
            donor_usdc,
            w,
        };
        h.read_model();
        h
    }

    /// Starts the model from what the chain holds now (no member has deposited yet).
    fn read_model(&mut self) {
        let w = &self.w;
        let pool = w.pool_state();
        self.initial = self
            .members
            .iter()
            .map(|m| w.chain.balance(&m.usdc))
            .collect();
        self.led = vec![Ledger::default(); N];
        self.assets = pool.total_assets;
        self.shares = pool.total_shares;
        self.pending = pool.pending_deposits;
        self.donated = 0;
        self.reserve = w.chain.balance(&w.seed.pool.insurance_vault);
        self.reserve_pending = 0;
        self.config_version = pool.config_version;
        self.insurance_bps = pool.insurance_bps;
        self.min_contribution = pool.min_contribution;
        self.proposal_ttl = pool.proposal_ttl;
        self.claim_ttl = pool.claim_ttl;
        self.paused = pool.is_paused();
        self.time_lock = pool.time_lock;
        self.next_change_id = pool.next_change_id;
        self.changes = Vec::new();
        self.live_until = pool.proposals_live_until;
        self.next_deposit_id = pool.next_deposit_id;
        self.queue = VecDeque::new();
        self.props = Vec::new();
        self.claims = Vec::new();
        self.seq = 0;
        self.steps = 0;
    }

    /// Puts the chain back to `start` (a copy of this history's SVM taken before any member
    /// deposited) and the model with it: a new case without rebuilding the pool.
    fn restart(&mut self, start: &pool_bot_tests::litesvm::LiteSVM) {
        *self.w.chain.svm_mut() = start.clone();
        self.read_model();
    }

    fn now(&self) -> i64 {
        self.w.chain.now()
    }

    /// The next number of the model's event order (requests and proposals are ordered by it).
    fn tick(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    fn wallet(&self, i: usize) -> Keypair {
        self.members[i].wallet.insecure_clone()
    }

    fn pubkey(&self, i: usize) -> Pubkey {
        self.members[i].wallet.pubkey()
    }

    /// Every account a refused transaction must leave as it was.
    fn watched(&self) -> Vec<Pubkey> {
        let p = &self.w.seed.pool;
        let mut keys = self.w.watched();
        for m in &self.members {
            keys.push(p.member(&m.wallet.pubkey()));
            keys.push(m.usdc);
        }
        let pool = self.w.pool_state();
        keys.extend(
            (pool.deposit_queue_head..=pool.next_deposit_id).map(|id| p.deposit_request(id)),
        );
        keys.extend((0..=pool.next_change_id).map(|id| p.change(id)));
        keys
    }

    /// Sends `instructions` and holds the chain to `expect`; a refused transaction must change
    /// nothing. Returns whether it succeeded.
    fn send(
        &mut self,
        what: &str,
        instructions: &[Instruction],
        signers: &[&Keypair],
        expect: Expect,
    ) -> Result<bool, TestCaseError> {
        let watched = self.watched();
        let before = self.w.chain.snapshot(&watched);
        let result = self.w.chain.send(instructions, signers);
        match (&result, expect) {
            (Ok(_), Expect::Ok) => Ok(true),
            (Ok(meta), _) => Err(fail(format!(
                "{what}: the model expected {expect:?}, but it succeeded\n{}",
                meta.logs.join("\n")
            ))),
            (Err(failed), Expect::Ok) => Err(fail(format!(
                "{what}: the model expected success, got {:?}\n{}",
                failed.err,
                failed.meta.logs.join("\n")
            ))),
            (Err(failed), _) => {
                if let Expect::Refused(error) = expect {
                    prop_assert_eq!(
                        custom_error(&result),
                        Some(u32::from(error)),
                        "{}: expected {:?}, got {:?}\n{}",
                        what,
                        error,
                        failed.err,
                        failed.meta.logs.join("\n")
                    );
                }
                prop_assert!(
                    before == self.w.chain.snapshot(&watched),
                    "{}: the refused transaction changed an account",
                    what
                );
                Ok(false)
            }
        }
    }

    /// Most a rounding in one step can move between members: a share's worth, rounded up, plus one.
    fn rounding(&self) -> u128 {
        math::assets_for_shares(1, self.shares, self.assets).unwrap() as u128 + 2
    }

    /// Books the rounding of `actor`'s step at the price before it: it may cost the actor up
    /// to `rounding()` and leave as much to each other holder.
    fn book_rounding(&mut self, actor: usize) {
        let r = self.rounding();
        self.led[actor].loss += r;
        for (j, l) in self.led.iter_mut().enumerate() {
            if j != actor && l.shares > 0 {
                l.dust_up += r;
            }
        }
    }

    /// Proposals that may still execute (in the model's view: not executed and not dead).
    fn open_props(&mut self) -> impl Iterator<Item = &mut Prop> {
        self.props
            .iter_mut()
            .filter(|p| matches!(p.status, ProposalStatus::Pending | ProposalStatus::Approved))
    }

    fn deposit(&mut self, i: usize, usdc: u64, cov: &mut Coverage) -> TestCaseResult {
        let amount = usdc * USDC;
        let expect = if self.paused {
            refused(PoolError::PoolPaused)
        } else if amount < self.min_contribution {
            refused(PoolError::BelowMinContribution)
        } else if self.now() < self.live_until {
            refused(PoolError::ProposalsLive)
        } else {
            Expect::Ok
        };
        let instruction = self.w.deposit_ix(&self.members[i], amount, 0);
        let wallet = self.wallet(i);
        if self.send("deposit", &[instruction], &[&wallet], expect)? {
            let minted = math::shares_for_deposit(amount, self.shares, self.assets).unwrap();
            self.book_rounding(i);
            self.assets += amount;
            self.shares += minted;
            let l = &mut self.led[i];
            l.shares += minted;
            l.contributed += amount;
            cov.instant_deposits += 1;
        }
        Ok(())
    }

    fn request(&mut self, i: usize, usdc: u64, cov: &mut Coverage) -> TestCaseResult {
        let amount = usdc * USDC;
        let expect = self.request_expect(amount);
        let instruction = ix::request_deposit(
            &self.w.seed.pool,
            &self.pubkey(i),
            self.members[i].usdc,
            self.next_deposit_id,
            amount,
        );
        let wallet = self.wallet(i);
        if self.send("request_deposit", &[instruction], &[&wallet], expect)? {
            self.book_request(i, amount);
            cov.requests += 1;
        }
        Ok(())
    }

    fn request_expect(&self, amount: u64) -> Expect {
        if self.paused {
            refused(PoolError::PoolPaused)
        } else if amount < self.min_contribution {
            refused(PoolError::BelowMinContribution)
        } else {
            Expect::Ok
        }
    }

    fn book_request(&mut self, i: usize, amount: u64) {
        let now = self.now();
        let made = self.tick();
        self.queue.push_back(Req {
            id: self.next_deposit_id,
            who: i,
            amount,
            made,
            ready_at: now.max(self.live_until),
        });
        self.next_deposit_id += 1;
        self.pending += amount;
        let l = &mut self.led[i];
        l.pending += amount;
        l.contributed += amount;
    }

    /// Books the settlement of the queue's head.
    fn book_settlement(&mut self, cov: &mut Coverage) {
        let r = self.queue.pop_front().expect("a request");
        let minted = math::shares_for_deposit(r.amount, self.shares, self.assets).unwrap();
        self.book_rounding(r.who);
        self.assets += r.amount;
        self.shares += minted;
        self.pending -= r.amount;
        let l = &mut self.led[r.who];
        l.pending -= r.amount;
        l.shares += minted;
        for p in self.open_props() {
            if r.made < p.made {
                p.eligible[r.who] += minted;
            }
        }
        cov.settlements += 1;
    }

    fn settle_head(&mut self, cov: &mut Coverage) -> TestCaseResult {
        let Some(head) = self.queue.front().cloned() else {
            return Ok(());
        };
        let expect = if self.now() >= head.ready_at {
            Expect::Ok
        } else {
            refused(PoolError::DepositNotReady)
        };
        let payer = self.w.chain.payer.insecure_clone();
        let instruction = ix::settle_deposit(
            &self.w.seed.pool,
            &payer.pubkey(),
            head.id,
            &self.pubkey(head.who),
            self.queue.len() > 1,
        );
        if self.send("settle_deposit", &[instruction], &[&payer], expect)? {
            self.book_settlement(cov);
        }
        Ok(())
    }

    /// Settlement out of order, or of the head without the request after it: refused.
    fn settle_wrong(&mut self, out_of_order: bool) -> TestCaseResult {
        if self.queue.len() < 2 {
            return Ok(());
        }
        let (head, next) = (self.queue[0].clone(), self.queue[1].clone());
        let (request, has_next, expect) = if out_of_order {
            (
                &next,
                self.queue.len() > 2,
                refused(PoolError::WrongDepositRequest),
            )
        } else if self.now() >= head.ready_at {
            (&head, false, refused(PoolError::WrongDepositRequest))
        } else {
            (&head, false, refused(PoolError::DepositNotReady))
        };
        let payer = self.w.chain.payer.insecure_clone();
        let instruction = ix::settle_deposit(
            &self.w.seed.pool,
            &payer.pubkey(),
            request.id,
            &self.pubkey(request.who),
            has_next,
        );
        self.send(
            "settle_deposit out of order",
            &[instruction],
            &[&payer],
            expect,
        )?;
        Ok(())
    }

    /// The keeper's settlement instructions for every ready request; checked against the model.
    fn settle_ready_ixs(&self) -> Result<Vec<Instruction>, TestCaseError> {
        let now = self.now();
        let pool = self.w.pool_state();
        let keeper = self.w.seed.keeper.pubkey();
        let ixs = deposits::settle_ready(&self.w.chain.embedded, &pool, &keeper, now)
            .map_err(|e| fail(format!("settle_ready: {e}")))?;
        let ready = self
            .queue
            .iter()
            .take(deposits::MAX_SETTLEMENTS_PER_TRANSACTION)
            .take_while(|r| r.ready_at <= now)
            .count();
        prop_assert_eq!(
            ixs.len(),
            ready,
            "settle_ready settles exactly the ready requests"
        );
        Ok(ixs)
    }

    fn settle_ready(&mut self, cov: &mut Coverage) -> TestCaseResult {
        let ixs = self.settle_ready_ixs()?;
        if ixs.is_empty() {
            return Ok(());
        }
        let keeper = self.wallet(KEEPER);
        if self.send("settle_ready", &ixs, &[&keeper], Expect::Ok)? {
            for _ in 0..ixs.len() {
                self.book_settlement(cov);
            }
        }
        Ok(())
    }

    fn withdraw(
        &mut self,
        i: usize,
        request: WithdrawRequest,
        cov: &mut Coverage,
    ) -> TestCaseResult {
        if self.led[i].contributed == 0 {
            return Ok(()); // no position
        }
        let held = self.led[i].shares;
        let (s, a) = (self.shares, self.assets);
        let (burn, amount) = match request {
            WithdrawRequest::Shares(k) => (k, math::assets_for_shares(k, s, a).unwrap()),
            WithdrawRequest::Amount(x) => (math::shares_to_burn_for_assets(x, s, a).unwrap(), x),
        };
        let expect = if burn == 0 || amount == 0 {
            refused(PoolError::ZeroAmount)
        } else if burn > held {
            refused(PoolError::InsufficientShares)
        } else if burn != held
            && math::assets_for_shares(held - burn, s, a).unwrap() < self.min_contribution
        {
            refused(PoolError::WithdrawalLeavesDust)
        } else {
            Expect::Ok
        };
        let args = WithdrawArgs {
            request,
            min_amount_out: 0,
        };
        let instruction = ix::withdraw(
            &self.w.seed.pool,
            &self.pubkey(i),
            self.members[i].usdc,
            args,
        );
        let wallet = self.wallet(i);
        let before = self.w.chain.balance(&self.members[i].usdc);
        if self.send("withdraw", &[instruction], &[&wallet], expect)? {
            let got = self.w.chain.balance(&self.members[i].usdc) - before;
            prop_assert_eq!(got, amount, "the withdrawal paid what the share math says");
            self.book_rounding(i);
            self.assets -= amount;
            self.shares -= burn;
            let l = &mut self.led[i];
            l.shares -= burn;
            l.withdrawn += amount;
            let left = l.shares;
            for p in self.open_props() {
                p.eligible[i] = p.eligible[i].min(left);
            }
            cov.withdrawals += 1;
        } else if matches!(expect, Expect::Refused(PoolError::WithdrawalLeavesDust)) {
            cov.dust_refusals += 1;
        }
        Ok(())
    }

    fn move_market(&mut self, cheap: bool, sol: u64) {
        let sol_mint = self.w.seed.sol;
        self.w.chain.mint_to(&sol_mint, &self.trader_sol, sol * SOL);
        let market = if cheap {
            &self.w.seed.cheap
        } else {
            &self.w.seed.dear
        };
        let sell = amm::swap(
            market,
            &self.trader.pubkey(),
            self.trader_sol,
            self.trader_usdc,
            &sol_mint,
            SwapArgs {
                amount_in: sol * SOL,
                min_amount_out: 1,
            },
        );
        let trader = self.trader.insecure_clone();
        self.w.chain.send_ok(&[sell], &[&trader]);
    }

    fn propose(&mut self, per_mille: u64) -> TestCaseResult {
        let amount_in = (self.assets as u128 * per_mille as u128 / 1_000) as u64;
        let amount_in = amount_in.min(MAX_TRADE);
        if amount_in < 10 * USDC {
            return Ok(());
        }
        let (legs, gain) = self.w.arbitrage_route(amount_in);
        if gain < 2 * USDC as i128 {
            return Ok(());
        }
        let expected_profit = gain as u64;
        let sol_out = self.buy_sol(amount_in);
        let usdc_back = self.sell_sol(sol_out);
        prop_assert_eq!(
            usdc_back as i128 - amount_in as i128,
            gain,
            "the model prices the route as the seed does"
        );
        let terms = TradeTerms {
            amount_in,
            expected_profit,
            min_profit: expected_profit * 9 / 10,
        };
        let id = self.props.len() as u64;
        prop_assert_eq!(self.w.next_proposal_id(), id);
        let (instruction, proposed) = self.w.propose_ix(&legs, terms, id);
        let expect = if self.paused {
            refused(PoolError::PoolPaused)
        } else {
            Expect::Ok
        };
        let keeper = self.wallet(KEEPER);
        if self.send("propose_trade", &[instruction], &[&keeper], expect)? {
            let expires_at = self.now() + self.proposal_ttl;
            self.live_until = self.live_until.max(expires_at);
            let eligible = std::array::from_fn(|i| self.led[i].shares);
            let made = self.tick();
            self.props.push(Prop {
                p: proposed,
                status: ProposalStatus::Pending,
                made,
                expires_at,
                config_version: self.config_version,
                sol_out,
                usdc_back,
                eligible,
            });
        }
        Ok(())
    }

    fn approve(&mut self) -> TestCaseResult {
        let Some(k) = self
            .props
            .iter()
            .rposition(|p| p.status == ProposalStatus::Pending)
        else {
            return Ok(());
        };
        let p = &self.props[k];
        let expect = if self.now() >= p.expires_at {
            refused(PoolError::ProposalExpired)
        } else if p.config_version != self.config_version {
            refused(PoolError::ProposalStale)
        } else {
            Expect::Ok
        };
        let (lead, senior) = (self.w.voter(Some(0)), self.w.voter(Some(1)));
        let votes = [
            self.w.seed.vote_ix(&p.p, Some(0), true),
            self.w.seed.vote_ix(&p.p, Some(1), true),
        ];
        if self.send("approve", &votes, &[&lead, &senior], expect)? {
            self.props[k].status = ProposalStatus::Approved;
        }
        Ok(())
    }

    /// SOL the cheap pool gives for `usdc_in` now (the arbitrage's first leg).
    fn buy_sol(&self, usdc_in: u64) -> u64 {
        let (usdc, sol) = self.w.reserves(&self.w.seed.cheap);
        swap_output(usdc_in, usdc, sol, AMM_FEE_BPS).unwrap()
    }

    /// USDC the dear pool gives for `sol_in` now (the arbitrage's second leg).
    fn sell_sol(&self, sol_in: u64) -> u64 {
        let (usdc, sol) = self.w.reserves(&self.w.seed.dear);
        swap_output(sol_in, sol, usdc, AMM_FEE_BPS).unwrap()
    }

    /// Whether proposal `p`'s stored legs still meet their minimum outputs at the current
    /// reserves (the market and other trades may have moved them since it was priced).
    fn route_holds(&self, p: &Prop) -> bool {
        self.buy_sol(p.p.terms.amount_in) >= p.sol_out && self.sell_sol(p.sol_out) >= p.usdc_back
    }

    /// The newest approved proposal not yet executed.
    fn approved(&self) -> Option<usize> {
        self.props
            .iter()
            .rposition(|p| p.status == ProposalStatus::Approved)
    }

    /// What executing proposal `k` does now, with `settled` of the queue settled first and
    /// `extra_assets` booked before it, and a request of `requested` made just before it if
    /// any (the head of the queue when nothing else waits).
    fn execute_expect(
        &self,
        k: usize,
        settled: usize,
        extra_assets: u64,
        requested: bool,
    ) -> Expect {
        let p = &self.props[k];
        let now = self.now();
        let head_ready_at = match self.queue.get(settled) {
            Some(r) => Some(r.ready_at),
            None => requested.then(|| now.max(self.live_until)),
        };
        let head_ready = head_ready_at.is_some_and(|ready_at| ready_at <= now);
        if self.paused {
            refused(PoolError::PoolPaused)
        } else if head_ready {
            refused(PoolError::DepositsAwaitingSettlement)
        } else if p.p.terms.amount_in > self.assets + extra_assets {
            refused(PoolError::TradeExceedsPool)
        } else if now >= p.expires_at {
            refused(PoolError::ProposalExpired)
        } else if p.config_version != self.config_version {
            refused(PoolError::ProposalStale)
        } else if self.route_holds(p) {
            Expect::Ok
        } else {
            Expect::Fails
        }
    }

    /// Books proposal `k`'s execution: the gain it realised, the insurance cut, each member's
    /// fair share.
    fn book_execution(&mut self, k: usize, cov: &mut Coverage) -> TestCaseResult {
        let executed: TradeProposal = self.w.chain.zero_copy(&self.props[k].p.address);
        prop_assert_eq!(executed.status(), ProposalStatus::Executed);
        let gain = executed.realised_profit;
        prop_assert!(
            gain >= executed.min_profit,
            "gain {} below the minimum",
            gain
        );
        let (insurance, member_profit) = math::split_profit(gain, self.insurance_bps).unwrap();
        prop_assert_eq!(insurance + member_profit, gain);
        let p = &self.props[k];
        let eligible: u64 = p.eligible.iter().sum();
        // checked after booking, so the bounds below can be shown to catch it too
        let time_weighted = (eligible == self.shares).then_some(()).ok_or_else(|| {
            fail(format!(
                "proposal {} paid shares that did not exist (nor were requested) when it was proposed: eligible {:?}, held {:?}",
                p.p.id,
                p.eligible,
                self.led.iter().map(|l| l.shares).collect::<Vec<_>>()
            ))
        });
        let (mp, total) = (member_profit as u128, self.shares as u128);
        for (j, l) in self.led.iter_mut().enumerate() {
            let e = p.eligible[j] as u128;
            if total > 0 {
                l.fair_up += (mp * e).div_ceil(total);
            }
            l.fair_low += mp * e / (eligible as u128 + VIRTUAL);
            if l.shares > 0 {
                l.dust_up += 1;
            }
        }
        self.assets += member_profit;
        self.reserve += insurance;
        self.props[k].status = ProposalStatus::Executed;
        cov.executions += 1;
        time_weighted
    }

    fn count_refusal(expect: Expect, ok: bool, cov: &mut Coverage) {
        if ok {
            return;
        }
        cov.executions_refused += 1;
        match expect {
            Expect::Refused(PoolError::ProposalStale | PoolError::ProposalExpired) => {
                cov.stale_or_expired_refusals += 1
            }
            Expect::Refused(PoolError::DepositsAwaitingSettlement) => {
                cov.awaiting_settlement_refusals += 1
            }
            _ => {}
        }
    }

    fn execute(&mut self, settle_first: bool, cov: &mut Coverage) -> TestCaseResult {
        let Some(k) = self.approved() else {
            return Ok(());
        };
        if settle_first {
            self.settle_ready(cov)?;
        }
        let expect = self.execute_expect(k, 0, 0, false);
        let instruction = self.w.execute_ix(&self.props[k].p);
        let keeper = self.wallet(KEEPER);
        let ok = self.send("execute_and_distribute", &[instruction], &[&keeper], expect)?;
        if ok {
            self.book_execution(k, cov)?;
        }
        Self::count_refusal(expect, ok, cov);
        Ok(())
    }

    fn donate(&mut self, usdc: u64, cov: &mut Coverage) -> TestCaseResult {
        let usdc_mint = self.w.seed.usdc;
        self.w
            .chain
            .mint_to(&usdc_mint, &self.donor_usdc, usdc * USDC);
        let before = self.w.pool_state();
        let give = pool_bot_tests::client::token::transfer(
            &self.donor_usdc,
            &self.w.seed.pool.vault,
            &self.donor.pubkey(),
            usdc * USDC,
            &litesvm_token::spl_token::ID,
        );
        let donor = self.donor.insecure_clone();
        self.w.chain.send_ok(&[give], &[&donor]);
        let after = self.w.pool_state();
        prop_assert_eq!(
            before.total_assets,
            after.total_assets,
            "a donation is not income"
        );
        prop_assert_eq!(before.total_shares, after.total_shares);
        prop_assert_eq!(
            math::share_value(USDC, before.total_shares, before.total_assets).unwrap(),
            math::share_value(USDC, after.total_shares, after.total_assets).unwrap(),
            "a donation moves no share price"
        );
        self.donated += usdc * USDC;
        cov.donations += 1;
        Ok(())
    }

    fn fund_insurance(&mut self, usdc: u64) -> TestCaseResult {
        let usdc_mint = self.w.seed.usdc;
        self.w
            .chain
            .mint_to(&usdc_mint, &self.donor_usdc, usdc * USDC);
        let instruction = ix::fund_insurance(
            &self.w.seed.pool,
            &self.donor.pubkey(),
            self.donor_usdc,
            usdc * USDC,
        );
        let donor = self.donor.insecure_clone();
        if self.send("fund_insurance", &[instruction], &[&donor], Expect::Ok)? {
            self.reserve += usdc * USDC;
        }
        Ok(())
    }

    fn file_claim(
        &mut self,
        i: usize,
        per_mille: u64,
        within_reserve: bool,
        cov: &mut Coverage,
    ) -> TestCaseResult {
        let l = &self.led[i];
        if l.contributed == 0 {
            return Ok(()); // no position
        }
        let stake = l
            .contributed
            .saturating_sub(l.withdrawn)
            .saturating_sub(l.claims_paid);
        let uncommitted = self.reserve.saturating_sub(self.reserve_pending);
        let base = if within_reserve {
            stake.min(uncommitted)
        } else {
            stake
        };
        let amount = (base as u128 * per_mille as u128 / 1_000) as u64;
        let expect = if amount == 0 {
            refused(PoolError::ZeroAmount)
        } else if amount > uncommitted {
            refused(PoolError::ClaimExceedsReserve)
        } else if l.open_claim {
            refused(PoolError::ClaimAlreadyOpen)
        } else if self.now() < l.next_claim_at {
            refused(PoolError::ClaimCooldown)
        } else if amount > stake {
            refused(PoolError::ClaimExceedsStake)
        } else {
            Expect::Ok
        };
        let id = self.claims.len() as u64;
        let args = FileClaimArgs {
            amount,
            reason: "the trade lost my money".to_string(),
            proposal_id: None,
        };
        let instruction = ix::file_claim(&self.w.seed.pool, &self.pubkey(i), id, args);
        let wallet = self.wallet(i);
        if self.send("file_claim", &[instruction], &[&wallet], expect)? {
            self.claims.push(ClaimModel {
                id,
                who: i,
                amount,
                expires_at: self.now() + self.claim_ttl,
                config_version: self.config_version,
                approvals: 0,
                rejections: 0,
                status: ClaimStatus::Pending,
            });
            self.reserve_pending += amount;
            self.led[i].open_claim = true;
            cov.claims_filed += 1;
        } else {
            cov.claims_refused += 1;
        }
        Ok(())
    }

    /// Index of open claim `which` (modulo the open ones).
    fn open_claim(&self, which: usize) -> Option<usize> {
        let open: Vec<usize> = (0..self.claims.len())
            .filter(|&k| self.claims[k].status == ClaimStatus::Pending)
            .collect();
        (!open.is_empty()).then(|| open[which % open.len()])
    }

    fn close_claim(&mut self, k: usize, status: ClaimStatus, cov: &mut Coverage) {
        let now = self.now();
        let c = &mut self.claims[k];
        c.status = status;
        self.reserve_pending -= c.amount;
        let l = &mut self.led[c.who];
        l.open_claim = false;
        match status {
            ClaimStatus::Paid => {
                l.claims_paid += c.amount;
                self.reserve -= c.amount;
                cov.claims_paid += 1;
            }
            ClaimStatus::Denied => cov.claims_denied += 1,
            _ => cov.claims_expired += 1,
        }
        // a denied or expired claim: the member waits a claim lifetime before filing again
        if status != ClaimStatus::Paid {
            l.next_claim_at = now + self.claim_ttl;
        }
    }

    fn claim_vote(
        &mut self,
        which: usize,
        voter: usize,
        approve: bool,
        cov: &mut Coverage,
    ) -> TestCaseResult {
        let Some(k) = self.open_claim(which) else {
            return Ok(());
        };
        let c = self.claims[k].clone();
        // slots: 0 ADMIN, 1 LEAD, 2 and 3 SENIOR; two approvals, one from a LEAD or ADMIN
        let (voters, leads, required) = (0b1111u32, 0b0011u32, 2u32);
        let (mut approvals, mut rejections) = if c.config_version == self.config_version {
            (c.approvals, c.rejections)
        } else {
            (0, 0)
        };
        let bit = 1u32 << voter;
        let mut outcome = ClaimStatus::Pending;
        let expect = if self.now() >= c.expires_at {
            refused(PoolError::ClaimExpired)
        } else if (approvals | rejections) & bit != 0 {
            refused(PoolError::AlreadyVoted)
        } else {
            if approve {
                approvals |= bit;
            } else {
                rejections |= bit;
            }
            let reachable = voters & !rejections;
            if approvals.count_ones() >= required && approvals & leads != 0 {
                outcome = ClaimStatus::Paid;
            } else if reachable.count_ones() < required || reachable & leads == 0 {
                outcome = ClaimStatus::Denied;
            }
            // the stake must still be in the pool when the claim is paid
            let l = &self.led[c.who];
            let stake = l
                .contributed
                .saturating_sub(l.withdrawn)
                .saturating_sub(l.claims_paid);
            if outcome == ClaimStatus::Paid && c.amount > stake {
                refused(PoolError::ClaimExceedsStake)
            } else {
                Expect::Ok
            }
        };
        let signer = self.w.voter(voter.checked_sub(1));
        let p = &self.w.seed.pool;
        let claimant = self.pubkey(c.who);
        let address = p.claim(c.id);
        let instruction = if approve {
            ix::approve_claim(
                p,
                &signer.pubkey(),
                address,
                &claimant,
                self.members[c.who].usdc,
            )
        } else {
            ix::deny_claim(p, &signer.pubkey(), address, &claimant, "no loss shown")
        };
        if self.send("claim vote", &[instruction], &[&signer], expect)? {
            let m = &mut self.claims[k];
            m.approvals = approvals;
            m.rejections = rejections;
            m.config_version = self.config_version;
            if outcome != ClaimStatus::Pending {
                self.close_claim(k, outcome, cov);
            }
        }
        Ok(())
    }

    fn expire_claim(&mut self, which: usize, cov: &mut Coverage) -> TestCaseResult {
        let Some(k) = self.open_claim(which) else {
            return Ok(());
        };
        let c = self.claims[k].clone();
        let expect = if self.now() >= c.expires_at {
            Expect::Ok
        } else {
            refused(PoolError::ClaimStillOpen)
        };
        let p = &self.w.seed.pool;
        let instruction = ix::expire_claim(p, p.claim(c.id), &self.pubkey(c.who));
        let payer = self.w.chain.payer.insecure_clone();
        if self.send("expire_claim", &[instruction], &[&payer], expect)? {
            self.close_claim(k, ClaimStatus::Expired, cov);
        }
        Ok(())
    }

    fn update_config(&mut self, args: UpdateConfigArgs, cov: &mut Coverage) -> TestCaseResult {
        let admin = self.w.voter(None);
        let instruction = ix::update_config(&self.w.seed.pool, &admin.pubkey(), args.clone());
        self.send("update_config", &[instruction], &[&admin], Expect::Ok)?;
        if let Some(paused) = args.paused {
            self.paused = paused;
        }
        if let Some(time_lock) = args.time_lock {
            self.time_lock = time_lock;
        }
        cov.config_changes += 1;
        Ok(())
    }

    fn queue_change(&mut self, setting: Setting, cov: &mut Coverage) -> TestCaseResult {
        let change = setting.change();
        let admin = self.w.voter(None);
        let id = self.next_change_id;
        let instruction = ix::queue_change(
            &self.w.seed.pool,
            &admin.pubkey(),
            id,
            GovernanceChange::Config(change),
        );
        if self.send("queue_change", &[instruction], &[&admin], Expect::Ok)? {
            self.changes.push(Queued {
                id,
                setting,
                eta: self.now() + self.time_lock,
            });
            self.next_change_id += 1;
            cov.changes_queued += 1;
        }
        Ok(())
    }

    fn apply_change(&mut self, which: usize, cov: &mut Coverage) -> TestCaseResult {
        if self.changes.is_empty() {
            return Ok(());
        }
        let k = which % self.changes.len();
        let queued = self.changes[k].clone();
        let expect = if self.now() >= queued.eta {
            Expect::Ok
        } else {
            refused(PoolError::ChangeNotDue)
        };
        let admin = self.w.voter(None);
        let payer = self.w.chain.payer.insecure_clone();
        let change = GovernanceChange::Config(queued.setting.change());
        let instruction = ix::apply_change(
            &self.w.seed.pool,
            &payer.pubkey(),
            queued.id,
            &admin.pubkey(),
            &change,
        );
        if self.send("apply_change", &[instruction], &[&payer], expect)? {
            self.changes.remove(k);
            match queued.setting {
                Setting::InsuranceBps(bps) => {
                    if bps != self.insurance_bps {
                        self.config_version += 1;
                    }
                    self.insurance_bps = bps;
                }
                Setting::MinContribution(usdc) => self.min_contribution = usdc * USDC,
                Setting::ProposalTtl(ttl) => self.proposal_ttl = ttl,
            }
            cov.config_changes += 1;
        } else {
            cov.changes_not_due += 1;
        }
        Ok(())
    }

    fn cancel_change(&mut self, which: usize) -> TestCaseResult {
        if self.changes.is_empty() {
            return Ok(());
        }
        let k = which % self.changes.len();
        let admin = self.w.voter(None);
        let instruction = ix::cancel_change(
            &self.w.seed.pool,
            &admin.pubkey(),
            self.changes[k].id,
            &admin.pubkey(),
        );
        if self.send("cancel_change", &[instruction], &[&admin], Expect::Ok)? {
            self.changes.remove(k);
        }
        Ok(())
    }

    /// An approved proposal that can still run, proposed and approved now if there is none:
    /// the moment a sandwich is tried.
    fn approved_trade(&mut self) -> Result<Option<usize>, TestCaseError> {
        let now = self.now();
        let live = |p: &Prop| now < p.expires_at && p.config_version == self.config_version;
        if !self.approved().is_some_and(|k| live(&self.props[k])) {
            self.propose(700)?;
            self.approve()?;
        }
        Ok(self.approved())
    }

    /// The keeper deposits, executes and withdraws in one transaction: always refused.
    fn keeper_sandwich(&mut self, usdc: u64, cov: &mut Coverage) -> TestCaseResult {
        let Some(k) = self.approved_trade()? else {
            return Ok(());
        };
        let amount = usdc * USDC;
        let expect = if self.paused {
            refused(PoolError::PoolPaused)
        } else if amount < self.min_contribution {
            refused(PoolError::BelowMinContribution)
        } else if self.now() < self.live_until {
            refused(PoolError::ProposalsLive)
        } else {
            Expect::Fails
        };
        let minted = math::shares_for_deposit(amount, self.shares, self.assets).unwrap();
        let all = WithdrawArgs {
            request: WithdrawRequest::Shares(self.led[KEEPER].shares + minted),
            min_amount_out: 0,
        };
        let sandwich = [
            self.w.deposit_ix(&self.members[KEEPER], amount, 0),
            self.w.execute_ix(&self.props[k].p),
            ix::withdraw(
                &self.w.seed.pool,
                &self.pubkey(KEEPER),
                self.members[KEEPER].usdc,
                all,
            ),
        ];
        let keeper = self.wallet(KEEPER);
        self.send(
            "[deposit, execute, withdraw]",
            &sandwich,
            &[&keeper],
            expect,
        )?;
        cov.sandwiches_refused += 1;
        Ok(())
    }

    /// The keeper settles what is ready, requests a deposit and executes in one transaction.
    fn keeper_queued_sandwich(&mut self, usdc: u64, cov: &mut Coverage) -> TestCaseResult {
        let Some(k) = self.approved_trade()? else {
            return Ok(());
        };
        let amount = usdc * USDC;
        let mut ixs = self.settle_ready_ixs()?;
        let settled = ixs.len();
        let settled_assets: u64 = self.queue.iter().take(settled).map(|r| r.amount).sum();
        let expect = match self.request_expect(amount) {
            Expect::Ok => self.execute_expect(k, settled, settled_assets, true),
            refusal => refusal,
        };
        // the request goes after the ones settled here
        ixs.push(ix::request_deposit(
            &self.w.seed.pool,
            &self.pubkey(KEEPER),
            self.members[KEEPER].usdc,
            self.next_deposit_id,
            amount,
        ));
        ixs.push(self.w.execute_ix(&self.props[k].p));
        let keeper = self.wallet(KEEPER);
        let ok = self.send(
            "[settle…, request_deposit, execute]",
            &ixs,
            &[&keeper],
            expect,
        )?;
        if ok {
            for _ in 0..settled {
                self.book_settlement(cov);
            }
            self.book_request(KEEPER, amount);
            self.book_execution(k, cov)?;
            cov.requests += 1;
            cov.queued_sandwiches_executed += 1;
        }
        Self::count_refusal(expect, ok, cov);
        Ok(())
    }

    fn step(&mut self, step: &Step, cov: &mut Coverage) -> TestCaseResult {
        self.steps += 1;
        cov.steps += 1;
        match *step {
            Step::Deposit(i, usdc) => self.deposit(i, usdc, cov)?,
            Step::Request(i, usdc) => self.request(i, usdc, cov)?,
            Step::SettleHead => self.settle_head(cov)?,
            Step::SettleReady => self.settle_ready(cov)?,
            Step::SettleWrong(out_of_order) => self.settle_wrong(out_of_order)?,
            Step::WithdrawShares(i, per_mille) => {
                let shares = self.led[i].shares * per_mille / 1_000;
                self.withdraw(i, WithdrawRequest::Shares(shares), cov)?
            }
            Step::WithdrawAmount(i, per_mille) => {
                let value =
                    math::assets_for_shares(self.led[i].shares, self.shares, self.assets).unwrap();
                self.withdraw(i, WithdrawRequest::Amount(value * per_mille / 1_000), cov)?
            }
            Step::WithdrawAll(i) => {
                let shares = self.led[i].shares;
                self.withdraw(i, WithdrawRequest::Shares(shares), cov)?
            }
            Step::MoveMarket(cheap, sol) => self.move_market(cheap, sol),
            Step::Propose(per_mille) => self.propose(per_mille)?,
            Step::Approve => self.approve()?,
            Step::Execute(settle_first) => self.execute(settle_first, cov)?,
            Step::Trade(sol, per_mille, settle_first) => {
                self.move_market(true, sol);
                self.propose(per_mille)?;
                self.approve()?;
                self.execute(settle_first, cov)?;
            }
            Step::Donate(usdc) => self.donate(usdc, cov)?,
            Step::FundInsurance(usdc) => self.fund_insurance(usdc)?,
            Step::FileClaim(i, per_mille, within_reserve) => {
                self.file_claim(i, per_mille, within_reserve, cov)?
            }
            Step::ClaimVote(which, voter, approve) => {
                self.claim_vote(which, voter, approve, cov)?
            }
            Step::DecideClaim(which, approve) => {
                let (first, second) = if approve { (1, 2) } else { (1, 0) };
                self.claim_vote(which, first, approve, cov)?;
                self.claim_vote(which, second, approve, cov)?;
            }
            Step::ExpireClaim(which) => self.expire_claim(which, cov)?,
            Step::Advance(seconds) => self.w.chain.advance(seconds),
            Step::Queue(setting) => self.queue_change(setting, cov)?,
            Step::ApplyChange(which) => self.apply_change(which, cov)?,
            Step::CancelChange(which) => self.cancel_change(which)?,
            Step::SetPaused(paused) => self.update_config(
                UpdateConfigArgs {
                    paused: Some(paused),
                    ..Default::default()
                },
                cov,
            )?,
            Step::KeeperSandwich(usdc) => self.keeper_sandwich(usdc, cov)?,
            Step::KeeperQueuedSandwich(usdc) => self.keeper_queued_sandwich(usdc, cov)?,
        }
        self.check()
            .map_err(|e| fail(format!("after step {} ({step:?}): {e}", self.steps)))
    }

    /// Everything settles and every member leaves: what each got out is bounded as above.
    fn drain(&mut self, cov: &mut Coverage) -> TestCaseResult {
        if self.paused {
            self.step(&Step::SetPaused(false), cov)?;
        }
        let last = self
            .queue
            .iter()
            .map(|r| r.ready_at)
            .chain([self.live_until])
            .max()
            .unwrap_or(0);
        if last >= self.now() {
            self.step(&Step::Advance(last - self.now() + 1), cov)?;
        }
        while !self.queue.is_empty() {
            self.step(&Step::SettleHead, cov)?;
        }
        // the validators decide the oldest open claims (approve one, deny the next)
        for approve in [true, false] {
            if self.open_claim(0).is_some() {
                self.step(&Step::DecideClaim(0, approve), cov)?;
            }
        }
        // claims still open run out of time: votes are refused, anyone expires them
        if let Some(last) = self
            .claims
            .iter()
            .filter(|c| c.status == ClaimStatus::Pending)
            .map(|c| c.expires_at)
            .max()
        {
            if last > self.now() {
                self.step(&Step::Advance(last - self.now()), cov)?;
            }
            self.step(&Step::ClaimVote(0, 1, true), cov)?;
            while self.open_claim(0).is_some() {
                self.step(&Step::ExpireClaim(0), cov)?;
            }
        }
        for i in 0..N {
            self.step(&Step::WithdrawAll(i), cov)?;
        }
        prop_assert_eq!(self.w.pool_state().total_shares, 0, "everyone has left");
        for (i, l) in self.led.iter().enumerate() {
            let got = self.w.chain.balance(&self.members[i].usdc) as u128 + l.contributed as u128;
            let out = got - self.initial[i] as u128 - l.claims_paid as u128;
            prop_assert!(
                out <= l.contributed as u128 + l.fair_up + l.dust_up,
                "member {} ended with {} out for {} in: more than its fair share {} (+{} rounding)",
                i,
                out,
                l.contributed,
                l.fair_up,
                l.dust_up
            );
        }
        Ok(())
    }

    /// Every invariant, on chain and against the model.
    fn check(&self) -> Result<(), String> {
        let chain = &self.w.chain;
        let p = &self.w.seed.pool;
        let pool = self.w.pool_state();
        pool.invariant()
            .map_err(|e| format!("Pool::invariant: {e:?}"))?;
        let books = (
            pool.total_assets,
            pool.total_shares,
            pool.pending_deposits,
            pool.config_version,
            pool.insurance_bps,
            pool.min_contribution,
            pool.proposals_live_until,
            pool.is_paused(),
            pool.time_lock,
            pool.next_change_id,
        );
        let model = (
            self.assets,
            self.shares,
            self.pending,
            self.config_version,
            self.insurance_bps,
            self.min_contribution,
            self.live_until,
            self.paused,
            self.time_lock,
            self.next_change_id,
        );
        if books != model {
            return Err(format!(
                "(assets, shares, pending, config_version, insurance_bps, min_contribution, live_until, paused, time_lock, next_change_id): chain {books:?}, model {model:?}"
            ));
        }
        for q in &self.changes {
            let pending: PendingChange = chain.account(&p.change(q.id));
            if pending.eta != q.eta
                || pending.change != GovernanceChange::Config(q.setting.change())
            {
                return Err(format!(
                    "queued change {}: chain {pending:?}, model {q:?}",
                    q.id
                ));
            }
        }
        let head = self.next_deposit_id - self.queue.len() as u64;
        let ready_at = self.queue.front().map_or(i64::MAX, |r| r.ready_at);
        if (
            pool.deposit_queue_head,
            pool.next_deposit_id,
            pool.deposit_queue_ready_at,
        ) != (head, self.next_deposit_id, ready_at)
        {
            return Err(format!(
                "deposit queue (head, next, ready_at): chain {:?}, model {:?}",
                (
                    pool.deposit_queue_head,
                    pool.next_deposit_id,
                    pool.deposit_queue_ready_at
                ),
                (head, self.next_deposit_id, ready_at)
            ));
        }
        let mut queued = 0u64;
        for r in &self.queue {
            let request: DepositRequest = chain.account(&p.deposit_request(r.id));
            if (request.depositor, request.amount, request.ready_at)
                != (self.pubkey(r.who), r.amount, r.ready_at)
            {
                return Err(format!(
                    "deposit request {} differs from the model {r:?}: {request:?}",
                    r.id
                ));
            }
            queued += request.amount;
        }
        if queued != pool.pending_deposits {
            return Err(format!(
                "requests hold {queued}, the pool books {} pending",
                pool.pending_deposits
            ));
        }

        let (mut shares, mut pending, mut values) = (0u64, 0u64, 0u128);
        for (i, l) in self.led.iter().enumerate() {
            let key = p.member(&self.pubkey(i));
            if !chain.data(&key).is_empty() {
                let position: MemberPosition = chain.account(&key);
                position
                    .invariant()
                    .map_err(|e| format!("MemberPosition::invariant of member {i}: {e:?}"))?;
                let on_chain = (
                    position.shares,
                    position.pending_deposit,
                    position.capital_contributed,
                    position.total_withdrawn,
                    position.claims_paid,
                    position.open_claim != 0,
                    position.next_claim_at,
                );
                let modelled = (
                    l.shares,
                    l.pending,
                    l.contributed,
                    l.withdrawn,
                    l.claims_paid,
                    l.open_claim,
                    l.next_claim_at,
                );
                if on_chain != modelled {
                    return Err(format!(
                        "member {i} (shares, pending, contributed, withdrawn, claims paid, open claim, next claim at): chain {on_chain:?}, model {modelled:?}"
                    ));
                }
                shares += position.shares;
                pending += position.pending_deposit;
            } else if l.contributed != 0 {
                return Err(format!("member {i} has no position"));
            }
            let wallet = chain.balance(&self.members[i].usdc) as u128;
            let expected = self.initial[i] as u128 - l.contributed as u128
                + l.withdrawn as u128
                + l.claims_paid as u128;
            if wallet != expected {
                return Err(format!(
                    "member {i}'s wallet holds {wallet}, its ledger says {expected}"
                ));
            }
            let value = math::assets_for_shares(l.shares, pool.total_shares, pool.total_assets)
                .unwrap() as u128;
            values += value;
            let out = l.withdrawn as u128 + value + l.pending as u128;
            let most = l.contributed as u128 + l.fair_up + l.dust_up;
            if out > most {
                return Err(format!(
                    "member {i} can take {out} (withdrawn {} + value {value} + pending {}), more than deposits {} + fair share {} + rounding {}",
                    l.withdrawn, l.pending, l.contributed, l.fair_up, l.dust_up
                ));
            }
            let least = l.contributed as u128 + l.fair_low;
            if out + l.loss + 1 < least {
                return Err(format!(
                    "member {i} holds {out} (withdrawn {} + value {value} + pending {}), less than deposits {} + pro-rata profit {} - own rounding {}",
                    l.withdrawn, l.pending, l.contributed, l.fair_low, l.loss
                ));
            }
        }
        if shares != pool.total_shares || pending != pool.pending_deposits {
            return Err(format!(
                "positions hold {shares} shares and {pending} pending, the pool books {} and {}",
                pool.total_shares, pool.pending_deposits
            ));
        }

        let vault = chain.balance(&p.vault);
        let books = pool.total_assets as u128 + pool.pending_deposits as u128;
        if (vault as u128) < books || (vault as u128) < values + pool.pending_deposits as u128 {
            return Err(format!(
                "the vault holds {vault}, less than the books {books} or the members' value {values} + pending"
            ));
        }
        if vault as u128 != books + self.donated as u128 {
            return Err(format!(
                "the vault holds {vault}, the books {books} + donations {}",
                self.donated
            ));
        }

        let reserve = self.w.reserve();
        reserve
            .invariant()
            .map_err(|e| format!("InsuranceReserve::invariant: {e:?}"))?;
        let held = chain.balance(&p.insurance_vault);
        let open: u64 = self
            .claims
            .iter()
            .filter(|c| c.status == ClaimStatus::Pending)
            .map(|c| c.amount)
            .sum();
        if held != self.reserve
            || reserve.pending_amount != self.reserve_pending
            || open != self.reserve_pending
        {
            return Err(format!(
                "the reserve holds {held} with {} pending; the model {} with {} pending",
                reserve.pending_amount, self.reserve, self.reserve_pending
            ));
        }
        if held < reserve.pending_amount {
            return Err(format!(
                "the reserve holds {held}, less than the pending claims {}",
                reserve.pending_amount
            ));
        }
        for c in &self.claims {
            let claim: Claim = chain.account(&p.claim(c.id));
            if claim.status != c.status || claim.amount != c.amount {
                return Err(format!(
                    "claim {}: chain {:?} {}, model {:?} {}",
                    c.id, claim.status, claim.amount, c.status, c.amount
                ));
            }
        }
        for prop in &self.props {
            let on_chain: TradeProposal = chain.zero_copy(&prop.p.address);
            if on_chain.status() != prop.status {
                return Err(format!(
                    "proposal {}: chain {:?}, model {:?}",
                    prop.p.id,
                    on_chain.status(),
                    prop.status
                ));
            }
        }
        Ok(())
    }
}

/// Runs `cases` histories of `steps` and reports what they exercised.
fn run_histories(
    name: &str,
    cases: u32,
    steps: BoxedStrategy<Vec<Step>>,
    setup: fn(&mut History, &mut Coverage) -> TestCaseResult,
) -> Coverage {
    let config = Config {
        cases,
        max_shrink_iters: 256,
        source_file: Some(file!()),
        ..Config::default()
    };
    let coverage = RefCell::new(Coverage::default());
    // the pool with its time lock is built once; every case starts from a copy of its SVM
    let world = RefCell::new(None);
    let mut runner = TestRunner::new(config);
    let result = runner.run(&steps, |steps| {
        let mut world = world.borrow_mut();
        let mut cov = coverage.borrow_mut();
        let (h, start) = world.get_or_insert_with(|| {
            let mut h = History::new();
            // rules change slower than members can leave
            let time_lock = UpdateConfigArgs {
                time_lock: Some(TIME_LOCK),
                ..Default::default()
            };
            h.update_config(time_lock, &mut Coverage::default())
                .expect("raise the time lock");
            let start = h.w.chain.svm().clone();
            (h, start)
        });
        h.restart(start);
        h.check().map_err(fail)?;
        setup(h, &mut cov)?;
        for step in &steps {
            h.step(step, &mut cov)?;
        }
        h.drain(&mut cov)
    });
    if let Err(e) = result {
        panic!("{name}: {e}\n{runner}");
    }
    let coverage = coverage.into_inner();
    eprintln!("{name}: {coverage:?}");
    coverage
}

/// Random histories of every participant.
#[test]
fn random_histories_keep_the_books_and_every_member_whole() {
    let steps = prop::collection::vec(step(), 20..40).boxed();
    let c = run_histories("histories", 32, steps, |_, _| Ok(()));
    assert!(
        c.executions >= 12,
        "too few executions to mean anything: {c:?}"
    );
    assert!(c.settlements > 0 && c.instant_deposits > 0 && c.withdrawals > 0);
    assert!(c.claims_paid + c.claims_denied + c.claims_expired > 0);
}

/// One actor (the keeper, who also proposes and executes) deposits, requests, settles and
/// withdraws around the pool's trades, and tries sandwiches; four members who deposited before
/// just hold. The actor never ends with more than its deposits and its fair share, and the
/// holders never with less than theirs.
#[test]
fn one_actor_never_takes_value_from_the_others() {
    fn holders(h: &mut History, cov: &mut Coverage) -> TestCaseResult {
        for (i, usdc) in [1_000, 5_000, 2_500, 20_000].into_iter().enumerate() {
            h.step(&Step::Deposit(i, usdc), cov)?;
        }
        Ok(())
    }
    let steps = prop::collection::vec(actor_step(), 20..40).boxed();
    let c = run_histories("one actor", 24, steps, holders);
    assert!(
        c.executions >= 8 && c.queued_sandwiches_executed > 0,
        "{c:?}"
    );
}

impl History {
    /// Rewrites the pool account as a faulty program could have left it.
    fn plant_pool(&mut self, fault: impl FnOnce(&mut pool_bot::state::Pool)) {
        let key = self.w.seed.pool.pool;
        let mut account = self.w.chain.svm().get_account(&key).expect("the pool");
        let size = std::mem::size_of::<pool_bot::state::Pool>();
        let mut pool: pool_bot::state::Pool =
            bytemuck::pod_read_unaligned(&account.data[8..8 + size]);
        fault(&mut pool);
        account.data[8..8 + size].copy_from_slice(bytemuck::bytes_of(&pool));
        self.w
            .chain
            .svm_mut()
            .set_account(key, account)
            .expect("set the pool");
    }

    /// Rewrites member `i`'s position as a faulty program could have left it.
    fn plant_position(&mut self, i: usize, fault: impl FnOnce(&mut MemberPosition)) {
        let key = self.w.seed.pool.member(&self.pubkey(i));
        let mut position: MemberPosition = self.w.chain.account(&key);
        fault(&mut position);
        let mut account = self.w.chain.svm().get_account(&key).expect("the position");
        let mut data = Vec::new();
        anchor_lang::AccountSerialize::try_serialize(&position, &mut data).expect("serialize");
        account.data[..data.len()].copy_from_slice(&data);
        self.w
            .chain
            .svm_mut()
            .set_account(key, account)
            .expect("set the position");
    }

    /// Takes `amount` out of the vault behind the program's back.
    fn plant_vault_loss(&mut self, amount: u64) {
        let key = self.w.seed.pool.vault;
        let mut account = self.w.chain.svm().get_account(&key).expect("the vault");
        let held = u64::from_le_bytes(account.data[64..72].try_into().unwrap());
        account.data[64..72].copy_from_slice(&(held - amount).to_le_bytes());
        self.w
            .chain
            .svm_mut()
            .set_account(key, account)
            .expect("set the vault");
    }
}

/// The checks can fail: faults planted on chain, as a faulty program would leave them, are
/// caught by the invariants the random histories assert.
#[test]
fn the_invariants_catch_planted_faults() {
    let setup = |h: &mut History, cov: &mut Coverage| {
        for step in [
            Step::Deposit(0, 5_000),
            Step::Deposit(1, 2_500),
            Step::Propose(900),
            Step::Approve,
        ] {
            h.step(&step, cov).unwrap();
        }
        assert!(h.approved().is_some(), "an approved trade");
    };

    // a program that forgot to hold instant deposits while a proposal is live: the keeper
    // sandwiches the approved trade, and both the time-weighting and the keeper's bound see it
    let mut h = History::new();
    let mut cov = Coverage::default();
    setup(&mut h, &mut cov);
    h.plant_pool(|pool| pool.proposals_live_until = 0);
    h.live_until = 0;
    h.step(&Step::Deposit(KEEPER, 40_000), &mut cov).unwrap();
    let caught = h.step(&Step::Execute(true), &mut cov).unwrap_err();
    assert!(caught.to_string().contains("did not exist"), "{caught}");
    let caught = h.check().unwrap_err();
    assert!(
        caught.contains("member 0 holds"),
        "the honest member is short: {caught}"
    );
    let pool = h.w.pool_state();
    let keeper = &h.led[KEEPER];
    let value =
        math::assets_for_shares(keeper.shares, pool.total_shares, pool.total_assets).unwrap();
    assert!(
        value as u128 > keeper.contributed as u128 + keeper.fair_up + keeper.dust_up,
        "and the keeper can take more than its deposit and fair share (none)"
    );

    // a vault short of the books by one base unit
    let mut h = History::new();
    setup(&mut h, &mut cov);
    h.plant_vault_loss(1);
    let caught = h.check().unwrap_err();
    assert!(caught.contains("the vault holds"), "{caught}");

    // a position holding one share more than the pool books
    let mut h = History::new();
    setup(&mut h, &mut cov);
    h.plant_position(1, |p| p.shares += 1);
    let caught = h.check().unwrap_err();
    assert!(caught.contains("member 1 (shares"), "{caught}");
    // even were the model fooled into following the position, the share sum and the member's
    // bound would not hold
    h.led[1].shares += 1;
    let caught = h.check().unwrap_err();
    assert!(caught.contains("member 1 can take"), "{caught}");
}
