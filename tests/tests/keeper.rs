//! The keeper on the seed pool: it finds the planted arbitrage at the best size, proposes it
//! once, executes it after the quorum approves, proposes nothing where fees eat the gap, and
//! survives a flaky chain.
use local_amm::math::swap_output;
use pool_bot::state::{Pool, ProposalStatus, TradeProposal};
use pool_bot_keeper::{Keeper, KeeperConfig, Metrics};
use pool_bot_tests::faulty_chain::{Fault, FaultyChain};
use pool_bot_tests::seed_world::{AMM_FEE_BPS, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;
use std::time::Duration;

fn keeper(w: &SeedWorld) -> Keeper {
    let mut config = KeeperConfig::new(w.seed.pool.pool, w.seed.product);
    config.sender.tracking.poll = Duration::ZERO;
    Keeper::new(&w.chain.embedded, config, pool_bot_dex::all()).expect("keeper starts")
}

fn tick(w: &mut SeedWorld, k: &mut Keeper) {
    let key = w.seed.keeper.insecure_clone();
    k.tick(&mut w.chain.embedded, &key);
}

/// The best two-pool gain over a 1-USDC grid up to `cap`, by the AMM's own math.
fn grid_best(w: &SeedWorld, cap: u64) -> u64 {
    let (cu, cs) = w.reserves(&w.seed.cheap);
    let (du, ds) = w.reserves(&w.seed.dear);
    (1..=cap / USDC)
        .map(|n| {
            let sol = swap_output(n * USDC, cu, cs, AMM_FEE_BPS).unwrap();
            swap_output(sol, ds, du, AMM_FEE_BPS)
                .unwrap()
                .saturating_sub(n * USDC)
        })
        .max()
        .unwrap()
}

#[test]
fn the_keeper_proposes_the_planted_opportunity_at_its_best_size() {
    let mut w = SeedWorld::new();
    w.join_members();
    let best = grid_best(&w, 8_500 * USDC);
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    let proposal: TradeProposal = w.chain.zero_copy(&w.seed.pool.proposal(0));
    assert_eq!(proposal.status(), ProposalStatus::Pending);
    assert!(
        proposal.amount_in <= 8_500 * USDC,
        "capped by the pool's assets"
    );
    assert!(
        proposal.expected_profit >= best,
        "{} < grid best {best}",
        proposal.expected_profit
    );
    assert_eq!(proposal.min_profit, proposal.expected_profit * 99 / 100);
    assert_eq!(Metrics::get(&k.metrics().proposals), 1);

    // waiting for votes: no second proposal, however often it looks
    tick(&mut w, &mut k);
    assert_eq!(w.pool_state().trades_proposed, 1);

    // the quorum approves; the next tick executes and returns the rent
    let p = pool_bot_tests::seed_world::Proposed {
        id: 0,
        address: w.seed.pool.proposal(0),
        route: pool_bot_tests::client::route::pack(&[]),
        terms: pool_bot_tests::client::instructions::TradeTerms {
            amount_in: 0,
            expected_profit: 0,
            min_profit: 0,
        },
    };
    w.vote(&p, Some(0), true).unwrap();
    w.vote(&p, Some(1), true).unwrap();
    let vault_before = w.chain.balance(&w.seed.pool.vault);
    tick(&mut w, &mut k);
    let pool: Pool = w.pool_state();
    assert_eq!(pool.trades_executed, 1);
    assert!(pool.total_profit >= proposal.min_profit);
    assert!(w.chain.balance(&w.seed.pool.vault) > vault_before);
    assert_eq!(
        Metrics::get(&k.metrics().realised_profit),
        pool.total_profit
    );
    assert!(
        w.chain.data(&w.seed.pool.proposal(0)).is_empty(),
        "rent reclaimed"
    );
    let executions = k.take_executions();
    assert_eq!(executions.len(), 1);
    assert_eq!(executions[0].gain, pool.total_profit);
}

#[test]
fn no_proposal_where_fees_eat_the_gap() {
    let mut w = SeedWorld::new();
    w.join_members();
    // a trader sells SOL where it is dear until the two prices are 0.4% apart: less than the
    // two 0.3% fees a round trip pays
    let (du, ds) = w.reserves(&w.seed.dear);
    let target_sol_reserve = ((du as f64 * ds as f64) / (100.4 * 1e-3)).sqrt();
    let sell = (target_sol_reserve - ds as f64 / 1.0) as u64;
    let trader = w.chain.wallet();
    let (usdc, sol) = (w.seed.usdc, w.seed.sol);
    let t_sol = w.chain.token_account(&sol, &trader.pubkey());
    let t_usdc = w.chain.token_account(&usdc, &trader.pubkey());
    w.chain.mint_to(&sol, &t_sol, sell);
    let args = local_amm::instructions::SwapArgs {
        amount_in: sell,
        min_amount_out: 1,
    };
    let swap = pool_bot_tests::client::amm::swap(
        &w.seed.dear,
        &trader.pubkey(),
        t_sol,
        t_usdc,
        &sol,
        args,
    );
    w.chain.send_ok(&[swap], &[&trader]);
    assert_eq!(grid_best(&w, 8_500 * USDC), 0, "no size gains anything");

    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    assert_eq!(w.pool_state().trades_proposed, 0);
    assert_eq!(Metrics::get(&k.metrics().opportunities), 0);
    assert_eq!(k.pools_known(), 2);
}

#[test]
fn the_keeper_retries_through_a_flaky_chain() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    let key = w.seed.keeper.insecure_clone();
    // the node drops the first proposal: the keeper retries within the tick
    let mut flaky = FaultyChain::new(&mut w.chain.embedded)
        .failing::<pool_bot::instruction::ProposeTrade>(1, Fault::BlockhashNotFound);
    k.tick(&mut flaky, &key);
    assert_eq!(
        w.pool_state().trades_proposed,
        1,
        "proposed on the second attempt"
    );
    assert!(Metrics::get(&k.metrics().errors) >= 1);
}

/// A deposit requested while the keeper's first proposal was live is ready once that proposal
/// has expired; the keeper settles it in the transaction that executes its next trade (a trade
/// cannot run while a ready request waits).
#[test]
fn the_keeper_settles_ready_deposits_before_it_executes() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    let newcomer = w.new_member(1_000);
    let wallet = newcomer.wallet.insecure_clone();
    let request = pool_bot_tests::client::instructions::request_deposit(
        &w.seed.pool,
        &wallet.pubkey(),
        newcomer.usdc,
        0,
        1_000 * USDC,
    );
    w.chain.send_ok(&[request], &[&wallet]);
    w.chain.advance(3_600);
    // the market has not moved, so the keeper would not propose the same route again: the
    // keeper key proposes it by hand, and a restarted keeper adopts it
    let (second, _) = w.propose_arbitrage(1_000 * USDC);
    w.vote(&second, Some(0), true).unwrap();
    w.vote(&second, Some(1), true).unwrap();
    assert_eq!(w.pool_state().pending_deposits, 1_000 * USDC);
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    let pool: Pool = w.pool_state();
    assert_eq!(pool.pending_deposits, 0);
    assert_eq!(pool.trades_executed, 1);
    assert!(w.position(&newcomer).shares > 0);
    assert!(w.chain.data(&w.seed.pool.deposit_request(0)).is_empty());
}

#[test]
fn inside_an_active_mandate_the_keeper_trades_in_the_tick_it_finds_the_opportunity() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mandate = w.active_mandate();
    let vault = w.chain.balance(&w.seed.pool.vault);
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    // no proposal, no vote: one transaction captured it, sized to the mandate's 5,000 USDC
    let pool: Pool = w.pool_state();
    assert_eq!((pool.next_proposal_id, pool.mandate_trades), (0, 1));
    let executions = k.take_executions();
    assert_eq!(executions.len(), 1);
    let e = executions[0];
    assert_eq!(e.source, pool_bot_keeper::Source::Mandate(0));
    assert!(e.amount_in <= 5_000 * USDC && e.gain >= USDC);
    assert_eq!(e.insurance + e.member_profit, e.gain);
    assert_eq!(w.chain.balance(&w.seed.pool.vault), vault + e.member_profit);
    let m = w.mandate(&mandate);
    assert_eq!((m.executions, m.total_gain), (1, e.gain));
    assert_eq!(Metrics::get(&k.metrics().mandate_executions), 1);
    // it keeps taking what is left while the mandate's budget lasts, then proposes as usual
    for _ in 0..10 {
        tick(&mut w, &mut k);
    }
    let m = w.mandate(&mandate);
    assert!(m.executions >= 1);
    assert!(k.take_executions().iter().all(|e| e.gain >= USDC));
}

#[test]
fn outside_its_mandate_the_keeper_proposes() {
    let mut w = SeedWorld::new();
    w.join_members();
    // a mandate over the cheap pool only cannot cover the two-pool route
    let terms = pool_bot::state::MandateTerms {
        markets: vec![w.seed.cheap.pool],
        ..w.mandate_terms()
    };
    let mandate = w.propose_mandate(terms);
    w.approve_mandate(mandate);
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    let pool: Pool = w.pool_state();
    assert_eq!((pool.next_proposal_id, pool.mandate_trades), (1, 0));
}
