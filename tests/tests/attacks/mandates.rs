//! Mandate abuse: a mandate lets a keeper trade without a vote, so every attack a keeper could
//! try with a proposal is tried here without one. Every leg still obeys the product's leg
//! rules (outputs only into pool-owned accounts), the vault never lends out more than the
//! declared `amount_in`, and every execution must make the mandate's minimum profit, so what
//! a dishonest keeper can still take is the opportunity itself (trading the same markets first,
//! with its own money), never the members' principal.
use super::funded;
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::errors::PoolError;
use pool_bot::instructions::RegisterProductArgs;
use pool_bot::route::RouteLeg;
use pool_bot::state::{GovernanceChange, MandateTerms, ProductCategory, ProductConfig};
use pool_bot_tests::client::amm::{self, AmmAddresses};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::route::pack;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::seed_world::{AMM_FEE_BPS, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The seed pool with its members and the seed's mandate active.
fn mandated() -> (SeedWorld, Pubkey) {
    let mut w = SeedWorld::new();
    w.join_members();
    let mandate = w.active_mandate();
    (w, mandate)
}

/// The pool PDA's swap of `amount_in` of `mint_in` on `market`, demanding `out`.
fn swap(
    w: &SeedWorld,
    market: &AmmAddresses,
    source: Pubkey,
    destination: Pubkey,
    mint_in: &Pubkey,
    amount_in: u64,
    out: u64,
) -> RouteLeg {
    amm::swap_leg(
        market,
        &w.seed.pool.pool,
        source,
        destination,
        mint_in,
        SwapArgs {
            amount_in,
            min_amount_out: out,
        },
    )
}

/// The keeper's `execute_mandate` of `legs`, declaring `amount_in` and accepting `min_profit`.
fn execute(
    w: &SeedWorld,
    mandate: Pubkey,
    amount_in: u64,
    min_profit: u64,
    legs: &[RouteLeg],
) -> Instruction {
    ix::execute_mandate(
        &w.seed.pool,
        &w.seed.keeper.pubkey(),
        mandate,
        w.seed.product,
        amount_in,
        min_profit,
        &pack(legs),
    )
}

/// The keeper sends the arbitrage's output to its own account instead of the vault.
#[test]
fn a_mandate_route_cannot_pay_the_keeper() {
    let (mut w, mandate) = mandated();
    let keeper = w.seed.keeper.insecure_clone();
    let own = w.chain.token_account(&w.seed.usdc, &keeper.pubkey());
    let (mut legs, _) = w.arbitrage_route(1_000 * USDC);
    let back = swap(&w, &w.seed.dear, w.seed.pool_sol, own, &w.seed.sol, 1, 0);
    legs[1].accounts[3] = back.accounts[3].clone();
    w.refuse(
        &[execute(&w, mandate, 1_000 * USDC, USDC, &legs)],
        &keeper,
        PoolError::LegAccountNotPoolOwned,
    );
    assert_eq!(w.chain.balance(&own), 0);
}

/// The keeper declares 1,000 USDC and has the route take 5,000 (to move a price it profits
/// from elsewhere): the vault's outflow is capped by what was declared.
#[test]
fn a_mandate_route_cannot_spend_more_than_it_declares() {
    let (mut w, mandate) = mandated();
    let keeper = w.seed.keeper.insecure_clone();
    let (legs, _) = w.arbitrage_route(5_000 * USDC);
    w.refuse(
        &[execute(&w, mandate, 1_000 * USDC, USDC, &legs)],
        &keeper,
        PoolError::RouteSpentTooMuch,
    );
}

/// The keeper runs a route that loses money (buys where SOL is dear, sells where it is cheap)
/// to push prices for its own position: no execution may lose, so nothing moves.
#[test]
fn a_mandate_cannot_run_a_losing_trade() {
    let (mut w, mandate) = mandated();
    let keeper = w.seed.keeper.insecure_clone();
    let (vault, pool_sol, usdc, sol) =
        (w.seed.pool.vault, w.seed.pool_sol, w.seed.usdc, w.seed.sol);
    let (du, ds) = w.reserves(&w.seed.dear);
    let bought = swap_output(1_000 * USDC, du, ds, AMM_FEE_BPS).unwrap();
    let legs = [
        swap(
            &w,
            &w.seed.dear,
            vault,
            pool_sol,
            &usdc,
            1_000 * USDC,
            bought,
        ),
        swap(&w, &w.seed.cheap, pool_sol, vault, &sol, bought, 1),
    ];
    let before = w.chain.balance(&vault);
    w.refuse(
        &[execute(&w, mandate, 1_000 * USDC, 1, &legs)],
        &keeper,
        PoolError::ProfitBelowMinimum,
    );
    assert_eq!(w.chain.balance(&vault), before);
}

/// Two executions in one transaction each spend the budget: the one over it undoes both.
#[test]
fn one_transaction_cannot_exceed_the_budget() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mandate = w.propose_mandate(MandateTerms {
        max_trades_per_period: 1,
        ..w.mandate_terms()
    });
    w.approve_mandate(mandate);
    let keeper = w.seed.keeper.insecure_clone();
    let first = w.execute_mandate_ix(mandate, 500 * USDC);
    let second = w.execute_mandate_ix(mandate, 500 * USDC);
    w.refuse(&[first, second], &keeper, PoolError::MandateBudgetExceeded);
}

/// The keeper trades the opportunity with its own money just before its execution: it can
/// take the opportunity (as it always could, instead of proposing), but the pool's execution
/// then either still makes the mandate's minimum or does not run; the members' assets never
/// fall.
#[test]
fn front_running_its_own_mandate_takes_the_opportunity_never_the_principal() {
    let (mut w, mandate) = mandated();
    let keeper = w.seed.keeper.insecure_clone();
    let execution = w.execute_mandate_ix(mandate, 1_000 * USDC);
    // the keeper closes most of the gap with its own USDC
    let own = funded(&mut w, &keeper, 100_000);
    let own_sol = w.chain.token_account(&w.seed.sol, &keeper.pubkey());
    let (cu, cs) = w.reserves(&w.seed.cheap);
    let bought = swap_output(40_000 * USDC, cu, cs, AMM_FEE_BPS).unwrap();
    let buy = amm::swap(
        &w.seed.cheap,
        &keeper.pubkey(),
        own.usdc,
        own_sol,
        &w.seed.usdc,
        SwapArgs {
            amount_in: 40_000 * USDC,
            min_amount_out: bought,
        },
    );
    let sell = amm::swap(
        &w.seed.dear,
        &keeper.pubkey(),
        own_sol,
        own.usdc,
        &w.seed.sol,
        SwapArgs {
            amount_in: bought,
            min_amount_out: 1,
        },
    );
    w.chain.send_ok(&[buy, sell], &[&keeper]);
    let assets = w.pool_state().total_assets;
    // the execution built before the front-run demands the output it saw: its own legs
    // refuse it (the AMM's minimum output), and had they not, the vault's profit check would
    w.refuse(
        &[execution],
        &keeper,
        local_amm::errors::AmmError::SlippageExceeded,
    );
    assert_eq!(w.pool_state().total_assets, assets);
}

/// A keeper that knows when it will trade deposits first: while a mandate stands, money waits
/// a proposal lifetime before it becomes shares, so the deposit shares in nothing the keeper
/// did in the meantime.
#[test]
fn a_keeper_cannot_deposit_just_before_its_own_mandate_execution() {
    let (mut w, mandate) = mandated();
    let keeper = w.seed.keeper.insecure_clone();
    let own = funded(&mut w, &keeper, 10_000);
    w.refuse(
        &[w.deposit_ix(&own, 10_000 * USDC, 0)],
        &keeper,
        PoolError::ProposalsLive,
    );
    let id = w.pool_state().next_deposit_id;
    w.chain.send_ok(
        &[ix::request_deposit(
            &w.seed.pool,
            &keeper.pubkey(),
            own.usdc,
            id,
            10_000 * USDC,
        )],
        &[&keeper],
    );
    // the keeper now executes: its request is not shares yet
    let before = w.pool_state();
    w.chain
        .send_ok(&[w.execute_mandate_ix(mandate, 1_000 * USDC)], &[&keeper]);
    let after = w.pool_state();
    assert!(after.total_assets > before.total_assets);
    assert_eq!(after.total_shares, before.total_shares);
    // once ready it buys shares at the price after the profit: worth what it paid, no more
    w.chain.advance(w.pool_state().proposal_ttl);
    let settle = pool_bot_tests::client::deposits::settle_ready(
        &w.chain.embedded,
        &w.pool_state(),
        &keeper.pubkey(),
        w.chain.now(),
    )
    .unwrap();
    w.chain.send_ok(&settle, &[&keeper]);
    let pool = w.pool_state();
    let position = w.position(&own);
    let value =
        pool_bot::math::assets_for_shares(position.shares, pool.total_shares, pool.total_assets)
            .unwrap();
    assert!(value <= 10_000 * USDC, "{value}");
}

/// A mandate of one product cannot be run under another product's looser rules.
#[test]
fn a_mandate_runs_only_under_its_own_product() {
    let (mut w, mandate) = mandated();
    let admin = w.seed.admin.insecure_clone();
    // product 1: the same swap rule, any market
    let loose = RegisterProductArgs {
        name: "Any market".into(),
        category: ProductCategory::Arbitrage,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 10_000,
        },
        leg_rules: vec![amm::swap_rule()],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            1,
            loose,
        )],
        &[&admin],
    );
    w.govern(GovernanceChange::EnableProduct {
        product: w.seed.pool.product(1),
    });
    let keeper = w.seed.keeper.insecure_clone();
    let mut run = w.execute_mandate_ix(mandate, 1_000 * USDC);
    // accounts: keeper, pool, validator_set, mandate, product, ...
    run.accounts[4].pubkey = w.seed.pool.product(1);
    w.refuse(&[run], &keeper, PoolError::WrongProduct);
}
