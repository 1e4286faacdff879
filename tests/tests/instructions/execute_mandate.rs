//! `execute_mandate`: a keeper runs a route inside an active mandate in one transaction, no
//! vote; the route obeys the product's leg rules and the mandate's markets, starts and ends
//! in the vault, fits the mandate's size and budget and makes its minimum profit, and the gain
//! is split exactly as `execute_and_distribute` splits it.
use super::{only_event, world};
use local_amm::instructions::SwapArgs;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::route::pack;
use pool_bot_tests::client::{amm, Instruction, Pubkey};
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The keeper's execution of `legs` for `amount_in` under `mandate`, signed by `keeper`.
fn execute_ix(
    w: &SeedWorld,
    keeper: &Keypair,
    mandate: Pubkey,
    amount_in: u64,
    min_profit: u64,
    legs: &[pool_bot::route::RouteLeg],
) -> Instruction {
    ix::execute_mandate(
        &w.seed.pool,
        &keeper.pubkey(),
        mandate,
        w.seed.product,
        amount_in,
        min_profit,
        &pack(legs),
    )
}

#[test]
fn a_keeper_captures_an_opportunity_in_one_transaction() {
    let mut w = world();
    let mandate = w.active_mandate();
    let (vault, reserve) = (
        w.chain.balance(&w.seed.pool.vault),
        w.chain.balance(&w.seed.pool.insurance_vault),
    );
    let keeper = w.seed.keeper.insecure_clone();
    let meta = w
        .chain
        .send_ok(&[w.execute_mandate_ix(mandate, 1_000 * USDC)], &[&keeper]);
    let PoolEvent::MandateExecuted(event) = only_event(&meta) else {
        panic!("not MandateExecuted")
    };
    let insurance = event.gain * 500 / 10_000;
    assert_eq!(
        (event.amount_in, event.insurance, event.member_profit),
        (1_000 * USDC, insurance, event.gain - insurance)
    );
    assert!(event.gain >= USDC);
    assert_eq!(
        w.chain.balance(&w.seed.pool.vault),
        vault + event.member_profit
    );
    assert_eq!(
        w.chain.balance(&w.seed.pool.insurance_vault),
        reserve + insurance
    );
    let m = w.mandate(&mandate);
    assert_eq!(
        (
            m.executions,
            m.trades_in_period,
            m.notional_in_period,
            m.total_gain
        ),
        (1, 1, 1_000 * USDC, event.gain)
    );
    let pool = w.pool_state();
    assert_eq!((pool.mandate_trades, pool.trades_executed), (1, 0));
    assert_eq!(pool.total_assets, 8_500 * USDC + event.member_profit);
    assert_eq!(w.reserve().total_allocated, insurance);
}

#[test]
fn execute_mandate_refusals_by_state() {
    let mut w = world();
    let keeper = w.seed.keeper.insecure_clone();
    // pending: not approved yet
    let pending = w.propose_mandate(w.mandate_terms());
    let run = |w: &SeedWorld, m| w.execute_mandate_ix(m, 1_000 * USDC);
    w.refuse(&[run(&w, pending)], &keeper, PoolError::MandateNotApproved);
    let active = w.active_mandate();
    // a validator signs: only keepers run mandates
    let lead = w.voter(Some(0));
    let mut by_lead = run(&w, active);
    by_lead.accounts[0].pubkey = lead.pubkey();
    w.refuse(&[by_lead], &lead, PoolError::NotKeeper);
    // paused, product disabled
    w.set_paused(true);
    w.refuse(&[run(&w, active)], &keeper, PoolError::PoolPaused);
    w.set_paused(false);
    w.set_product_enabled(false);
    w.refuse(&[run(&w, active)], &keeper, PoolError::ProductDisabled);
    w.set_product_enabled(true);
    // revoked
    w.chain.send_ok(
        &[ix::revoke_mandate(&w.seed.pool, &lead.pubkey(), active)],
        &[&lead],
    );
    w.refuse(&[run(&w, active)], &keeper, PoolError::MandateRevoked);
    // approved under a time lock: waiting, then active
    let admin = w.voter(None);
    let lock = UpdateConfigArgs {
        time_lock: Some(3_600),
        ..Default::default()
    };
    w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), lock)],
        &[&admin],
    );
    w.approve_mandate(pending);
    w.refuse(&[run(&w, pending)], &keeper, PoolError::MandateNotYetActive);
    w.chain.advance(3_600);
    w.chain.send_ok(&[run(&w, pending)], &[&keeper]);
}

#[test]
fn execute_mandate_refusals_by_expiry_and_staleness() {
    let mut w = world();
    let keeper = w.seed.keeper.insecure_clone();
    let mandate = w.active_mandate();
    w.chain.advance(7 * 86_400);
    w.refuse(
        &[w.execute_mandate_ix(mandate, 1_000 * USDC)],
        &keeper,
        PoolError::MandateExpired,
    );
    let fresh = w.active_mandate();
    w.govern(GovernanceChange::Config(ConfigChange {
        insurance_bps: Some(600),
        ..Default::default()
    }));
    w.refuse(
        &[w.execute_mandate_ix(fresh, 1_000 * USDC)],
        &keeper,
        PoolError::MandateStale,
    );
}

#[test]
fn execute_mandate_refusals_by_terms() {
    let mut w = world();
    let keeper = w.seed.keeper.insecure_clone();
    let terms = MandateTerms {
        max_trades_per_period: 1,
        ..w.mandate_terms()
    };
    let mandate = w.propose_mandate(terms);
    w.approve_mandate(mandate);
    // above the mandate's size
    w.refuse(
        &[w.execute_mandate_ix(mandate, 5_001 * USDC)],
        &keeper,
        PoolError::MandateAmountTooLarge,
    );
    // a minimum profit the route cannot make
    let (legs, gain) = w.arbitrage_route(1_000 * USDC);
    let greedy = execute_ix(&w, &keeper, mandate, 1_000 * USDC, gain as u64 + 1, &legs);
    w.refuse(&[greedy], &keeper, PoolError::ProfitBelowMinimum);
    // a route that ends in SOL, not back in the vault
    let one_way = amm::swap_leg(
        &w.seed.cheap,
        &w.seed.pool.pool,
        w.seed.pool.vault,
        w.seed.pool_sol,
        &w.seed.usdc,
        SwapArgs {
            amount_in: 1_000 * USDC,
            min_amount_out: 1,
        },
    );
    let open = execute_ix(&w, &keeper, mandate, 1_000 * USDC, USDC, &[one_way]);
    w.refuse(&[open], &keeper, PoolError::MandateRouteNotClosed);
    // the budget: one trade a day
    w.chain
        .send_ok(&[w.execute_mandate_ix(mandate, 1_000 * USDC)], &[&keeper]);
    w.refuse(
        &[w.execute_mandate_ix(mandate, 1_000 * USDC)],
        &keeper,
        PoolError::MandateBudgetExceeded,
    );
    // a new day, a new budget
    w.chain.advance(86_400);
    w.chain
        .send_ok(&[w.execute_mandate_ix(mandate, 500 * USDC)], &[&keeper]);
}

#[test]
fn a_mandate_trades_only_its_own_markets() {
    let mut w = world();
    let keeper = w.seed.keeper.insecure_clone();
    // a mandate over the cheap pool only: the route's second leg sells on the dear one
    let terms = MandateTerms {
        markets: vec![w.seed.cheap.pool],
        ..w.mandate_terms()
    };
    let mandate = w.propose_mandate(terms);
    w.approve_mandate(mandate);
    w.refuse(
        &[w.execute_mandate_ix(mandate, 1_000 * USDC)],
        &keeper,
        PoolError::MarketNotAllowed,
    );
}
