//! `execute_and_distribute`: a keeper runs an approved route with the pool PDA signing its
//! legs; the vault's gain, at least `min_profit`, is split between the insurance reserve and
//! the members' shares, and any failure undoes every leg.
use super::{approved, only_event, world};
use litesvm_token::spl_token;
use local_amm::instructions::SwapArgs;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::route::RouteLeg;
use pool_bot::state::*;
use pool_bot_tests::client::amm;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::route::pack;
use pool_bot_tests::seed_world::{SOL, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The arbitrage route whose legs accept any output, so only Pool Bot's own profit check
/// guards the trade.
fn loose_route(w: &SeedWorld, amount_in: u64) -> Vec<RouteLeg> {
    let (mut legs, _) = w.arbitrage_route(amount_in);
    let (cheap_in, dear_in) = (amount_in, {
        let (cu, cs) = w.reserves(&w.seed.cheap);
        local_amm::math::swap_output(amount_in, cu, cs, 30).unwrap()
    });
    let signer = w.seed.pool.pool;
    legs[0] = amm::swap_leg(
        &w.seed.cheap,
        &signer,
        w.seed.pool.vault,
        w.seed.pool_sol,
        &w.seed.usdc,
        SwapArgs {
            amount_in: cheap_in,
            min_amount_out: 1,
        },
    );
    legs[1] = amm::swap_leg(
        &w.seed.dear,
        &signer,
        w.seed.pool_sol,
        w.seed.pool.vault,
        &w.seed.sol,
        SwapArgs {
            amount_in: dear_in,
            min_amount_out: 1,
        },
    );
    legs
}

#[test]
fn execute_books_the_gain_to_the_members_and_the_reserve() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(1), true).unwrap();
    let meta = w.execute(&proposal).unwrap();
    let PoolEvent::TradeExecuted(event) = only_event(&meta) else {
        panic!("not TradeExecuted")
    };
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Executed);
    assert!(event.gain >= state.min_profit);
    // 5% of the gain to the reserve, the rest to the members' shares
    assert_eq!(
        (event.insurance, event.member_profit),
        (
            event.gain * 500 / 10_000,
            event.gain - event.gain * 500 / 10_000
        )
    );
    assert_eq!(
        w.chain.balance(&w.seed.pool.vault),
        8_500 * USDC + event.member_profit
    );
    assert_eq!(
        w.chain.balance(&w.seed.pool.insurance_vault),
        event.insurance
    );
    let pool = w.pool_state();
    assert_eq!(
        (pool.total_assets, pool.total_shares, pool.trades_executed),
        (8_500 * USDC + event.member_profit, 8_500 * USDC, 1)
    );
    assert_eq!(
        (event.executor, event.total_assets),
        (w.seed.keeper.pubkey(), pool.total_assets)
    );
}

#[test]
fn execute_refuses_wrong_signers_states_and_accounts() {
    let mut w = world();
    let (legs, gain) = w.arbitrage_route(1_000 * USDC);
    let t = TradeTerms {
        amount_in: 1_000 * USDC,
        expected_profit: gain as u64,
        min_profit: gain as u64 / 2,
    };
    let keeper = w.seed.keeper.insecure_clone();
    // not yet approved
    let id = w.next_proposal_id();
    let (instruction, proposal) = w.propose_ix(&legs, t, id);
    w.chain.send_ok(&[instruction], &[&keeper]);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProposalNotApproved,
    );
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(2), true).unwrap();

    let stranger = w.chain.wallet();
    let by_stranger = ix::execute_and_distribute(
        &w.seed.pool,
        &stranger.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[by_stranger], &stranger, PoolError::NotKeeper);

    let mut wrong_vault = w.seed.pool;
    wrong_vault.vault = w
        .chain
        .token_account(&w.seed.usdc.clone(), &keeper.pubkey());
    let instruction = ix::execute_and_distribute(
        &wrong_vault,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongVault);
    // the reserve passed as the vault too: refused by address
    let mut reserve_as_vault = w.seed.pool;
    reserve_as_vault.vault = w.seed.pool.insurance_vault;
    let instruction = ix::execute_and_distribute(
        &reserve_as_vault,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongVault);

    let mut wrong_reserve = w.seed.pool;
    wrong_reserve.insurance_vault = w
        .chain
        .token_account(&w.seed.usdc.clone(), &keeper.pubkey());
    let instruction = ix::execute_and_distribute(
        &wrong_reserve,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongVault);

    // a route account left out of the transaction
    let mut short = w.execute_ix(&proposal);
    short.accounts.pop();
    let watched = w.watched();
    let before = w.chain.snapshot(&watched);
    let failed = w.chain.send(&[short], &[&keeper]).unwrap_err();
    assert_eq!(
        failed.err,
        solana_transaction_error::TransactionError::InstructionError(
            0,
            solana_instruction::error::InstructionError::MissingAccount
        )
    );
    assert!(before == w.chain.snapshot(&watched));

    w.set_product_enabled(false);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProductDisabled,
    );
    w.set_product_enabled(true);
    w.set_paused(true);
    w.refuse(&[w.execute_ix(&proposal)], &keeper, PoolError::PoolPaused);
    w.set_paused(false);
    w.execute(&proposal)
        .expect("executes once every account is right");
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProposalNotApproved,
    );
}

#[test]
fn execute_refuses_another_products_account() {
    let mut w = world();
    let admin = w.seed.admin.insecure_clone();
    let other = RegisterProductArgs {
        name: "Other".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        leg_rules: vec![pool_bot_tests::client::amm::swap_rule()],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            1,
            other,
        )],
        &[&admin],
    );
    let product = w.seed.pool.product(1);
    w.govern(GovernanceChange::EnableProduct { product });
    let (legs, gain) = w.arbitrage_route(1_000 * USDC);
    let terms = TradeTerms {
        amount_in: 1_000 * USDC,
        expected_profit: gain as u64,
        min_profit: gain as u64 / 2,
    };
    let proposal = approved(&mut w, &legs, terms);
    let keeper = w.seed.keeper.insecure_clone();
    let instruction = ix::execute_and_distribute(
        &w.seed.pool,
        &keeper.pubkey(),
        proposal.address,
        w.seed.pool.product(1),
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongProduct);
}

#[test]
fn a_trade_that_lost_its_edge_fails_and_moves_nothing() {
    let mut w = world();
    let legs = loose_route(&w, 5_000 * USDC);
    let (_, gain) = w.arbitrage_route(5_000 * USDC);
    let gain = gain as u64;
    let proposal = approved(
        &mut w,
        &legs,
        TradeTerms {
            amount_in: 5_000 * USDC,
            expected_profit: gain,
            min_profit: gain * 9 / 10,
        },
    );

    // someone else sells SOL where it was dear first: the same route now gains less
    let trader = w.chain.wallet();
    let (usdc, sol) = (w.seed.usdc, w.seed.sol);
    let trader_usdc = w.chain.token_account(&usdc, &trader.pubkey());
    let trader_sol = w.chain.token_account(&sol, &trader.pubkey());
    w.chain.mint_to(&sol, &trader_sol, 300 * SOL);
    let sell = |amount| {
        amm::swap(
            &w.seed.dear,
            &trader.pubkey(),
            trader_sol,
            trader_usdc,
            &sol,
            SwapArgs {
                amount_in: amount,
                min_amount_out: 1,
            },
        )
    };
    let (first, second) = (sell(40 * SOL), sell(200 * SOL));
    w.chain.send_ok(&[first], &[&trader]);
    let (_, now) = w.arbitrage_route(5_000 * USDC);
    assert!(
        now > 0 && (now as u64) < gain * 9 / 10,
        "gain fell to {now}"
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProfitBelowMinimum,
    );

    // and once the gap has closed the route would lose money: refused the same way
    w.chain.send_ok(&[second], &[&trader]);
    assert!(w.arbitrage_route(5_000 * USDC).1 < 0);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProfitBelowMinimum,
    );
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 8_500 * USDC);
}

#[test]
fn a_route_that_delegates_the_vault_is_refused() {
    let mut w = world();
    let admin = w.seed.admin.insecure_clone();
    let risky = RegisterProductArgs {
        name: "Raw token calls".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        // token `Approve` (tag 4) from account 0 to a delegate (account 1) the pool owns
        leg_rules: vec![LegRuleArgs {
            program: spl_token::ID,
            discriminator: vec![4],
            source_index: 0,
            destination_index: 1,
            market_index: None,
        }],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            1,
            risky,
        )],
        &[&admin],
    );
    let product = w.seed.pool.product(1);
    w.govern(GovernanceChange::EnableProduct { product });
    let keeper = w.seed.keeper.insecure_clone();
    let delegate = spl_token::instruction::approve(
        &spl_token::ID,
        &w.seed.pool.vault,
        &w.seed.pool_sol,
        &w.seed.pool.pool,
        &[],
        1,
    )
    .unwrap();
    let legs = vec![pool_bot_tests::client::route::leg(delegate)];
    let t = TradeTerms {
        amount_in: 1,
        expected_profit: 1,
        min_profit: 1,
    };
    let id = w.next_proposal_id();
    let route = pack(&legs);
    let product = w.seed.pool.product(1);
    w.chain.send_ok(
        &[ix::propose_trade(
            &w.seed.pool,
            &keeper.pubkey(),
            product,
            id,
            t,
            &route,
        )],
        &[&keeper],
    );
    let address = w.seed.pool.proposal(id);
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::approve_trade(&w.seed.pool, &voter.pubkey(), address)],
            &[&voter],
        );
    }
    let execute =
        ix::execute_and_distribute(&w.seed.pool, &keeper.pubkey(), address, product, &route);
    w.refuse(&[execute], &keeper, PoolError::VaultAuthorityChanged);
}
