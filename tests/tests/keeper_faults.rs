//! The keeper keeps track of its own work when sends fail (issue 10, item 7): an opportunity
//! whose proposal was refused is proposed again on the next tick although the market did not
//! move; an approved proposal whose executions were refused stays followed and is executed; a
//! proposal or an execution that landed although its send was reported failed is found on
//! chain and followed to the end. `FaultyChain` injects the failures over the embedded chain.
use anchor_lang::Discriminator;
use pool_bot::instruction::{ExecuteAndDistribute, ExecuteMandate, ProposeTrade};
use pool_bot::state::{Mandate, ProposalStatus, TradeProposal};
use pool_bot_keeper::{Keeper, KeeperConfig, Metrics, Source};
use pool_bot_tests::client::accounts;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::faulty_chain::{Fault, FaultyChain};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;
use std::time::Duration;

/// Sends the keeper tries per transaction: refusing this many fails the transaction.
const ATTEMPTS: u32 = 3;

fn keeper(w: &SeedWorld) -> Keeper {
    let mut config = KeeperConfig::new(w.seed.pool.pool, w.seed.product);
    config.sender.tracking.rebuilds = ATTEMPTS - 1;
    config.sender.tracking.poll = Duration::ZERO;
    Keeper::new(&w.chain.embedded, config, pool_bot_dex::all()).expect("keeper starts")
}

fn tick(w: &mut SeedWorld, k: &mut Keeper) {
    let key = w.seed.keeper.insecure_clone();
    k.tick(&mut w.chain.embedded, &key);
}

/// A tick whose next `sends` sends of instruction `I` fail with `fault`; asserts every fault
/// was hit.
fn tick_failing<I: Discriminator>(w: &mut SeedWorld, k: &mut Keeper, sends: usize, fault: Fault) {
    let key = w.seed.keeper.insecure_clone();
    let mut chain = FaultyChain::new(&mut w.chain.embedded).failing::<I>(sends, fault);
    k.tick(&mut chain, &key);
    assert_eq!(
        chain.unused_faults(),
        0,
        "the keeper sent less than planned"
    );
}

/// Proposal `id`, unless it was never created or was closed.
fn proposal(w: &SeedWorld, id: u64) -> Option<TradeProposal> {
    accounts::find_zero_copy(&w.chain.embedded, &w.seed.pool.proposal(id)).expect("readable")
}

/// The LEAD and a SENIOR approve proposal `id`: the quorum.
fn approve(w: &mut SeedWorld, id: u64) {
    let address = w.seed.pool.proposal(id);
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        let vote = ix::approve_trade(&w.seed.pool, &voter.pubkey(), address);
        w.chain.send_ok(&[vote], &[&voter]);
    }
}

/// What the pool holds: its vault and its insurance reserve, which share a trade's gain.
fn holdings(w: &SeedWorld) -> u64 {
    w.chain.balance(&w.seed.pool.vault) + w.chain.balance(&w.seed.pool.insurance_vault)
}

/// The approved proposal 0 was executed, the pool gained its profit, the proposal was closed,
/// and the keeper counted it once.
fn assert_executed_and_closed(w: &SeedWorld, k: &mut Keeper, held_before: u64) {
    let pool = w.pool_state();
    assert_eq!(pool.trades_executed, 1);
    assert!(pool.total_profit > 0);
    assert_eq!(
        holdings(w),
        held_before + pool.total_profit,
        "the pool gained the trade's profit"
    );
    assert!(proposal(w, 0).is_none(), "closed: the rent is back");
    assert_eq!(
        k.in_flight() as u64,
        pool.next_proposal_id - 1,
        "it follows nothing but the proposals made after it"
    );
    let executions = k.take_executions();
    assert_eq!(executions.len(), 1);
    assert_eq!(
        (executions[0].source, executions[0].gain),
        (Source::Proposal(0), pool.total_profit)
    );
    assert_eq!(Metrics::get(&k.metrics().executions), 1);
    assert_eq!(
        Metrics::get(&k.metrics().realised_profit),
        pool.total_profit
    );
}

#[test]
fn an_opportunity_whose_proposal_was_refused_is_proposed_on_the_next_tick() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    let market = (w.reserves(&w.seed.cheap), w.reserves(&w.seed.dear));
    tick_failing::<ProposeTrade>(&mut w, &mut k, ATTEMPTS as usize, Fault::BlockhashNotFound);
    assert!(proposal(&w, 0).is_none(), "every attempt was refused");

    tick(&mut w, &mut k);
    assert_eq!(
        (w.reserves(&w.seed.cheap), w.reserves(&w.seed.dear)),
        market,
        "the market never moved"
    );
    let proposed = proposal(&w, 0).expect("proposed on the next tick");
    assert_eq!(proposed.status(), ProposalStatus::Pending);
    assert_eq!(proposed.proposer, w.seed.keeper.pubkey());
    assert_eq!(k.in_flight(), 1);
    assert_eq!(Metrics::get(&k.metrics().proposals), 1);

    approve(&mut w, 0);
    let held_before = holdings(&w);
    tick(&mut w, &mut k);
    assert_executed_and_closed(&w, &mut k, held_before);
}

#[test]
fn an_approved_proposal_whose_executions_were_refused_stays_followed_and_is_executed() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    approve(&mut w, 0);
    let held_before = holdings(&w);

    tick_failing::<ExecuteAndDistribute>(
        &mut w,
        &mut k,
        ATTEMPTS as usize,
        Fault::BlockhashNotFound,
    );
    let approved = proposal(&w, 0).expect("still open");
    assert_eq!(approved.status(), ProposalStatus::Approved);
    assert_eq!(k.in_flight(), 1, "the approved proposal is still followed");
    assert_eq!(holdings(&w), held_before, "nothing ran");

    tick(&mut w, &mut k);
    assert_executed_and_closed(&w, &mut k, held_before);
}

#[test]
fn a_proposal_that_landed_although_its_send_failed_is_adopted_executed_and_closed() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    tick_failing::<ProposeTrade>(&mut w, &mut k, 1, Fault::LandedButReportedFailed);
    let landed = proposal(&w, 0).expect("the failed send landed");
    assert_eq!(landed.status(), ProposalStatus::Pending);

    tick(&mut w, &mut k);
    assert_eq!(k.in_flight(), 1, "the keeper found its proposal on chain");
    assert_eq!(Metrics::get(&k.metrics().proposals), 1);
    assert_eq!(
        w.pool_state().trades_proposed,
        1,
        "and did not propose again"
    );

    approve(&mut w, 0);
    let held_before = holdings(&w);
    tick(&mut w, &mut k);
    assert_executed_and_closed(&w, &mut k, held_before);
}

#[test]
fn an_execution_that_landed_although_its_send_failed_is_counted_and_closed() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mut k = keeper(&w);
    tick(&mut w, &mut k);
    approve(&mut w, 0);
    let held_before = holdings(&w);

    tick_failing::<ExecuteAndDistribute>(&mut w, &mut k, 1, Fault::LandedButReportedFailed);
    let executed = proposal(&w, 0).expect("not closed yet");
    assert_eq!(executed.status(), ProposalStatus::Executed);

    tick(&mut w, &mut k);
    assert_executed_and_closed(&w, &mut k, held_before);
}

/// A mandate execution that landed while its confirmation was lost is not run again before its
/// fate is known (the gap it traded is still open, so a blind retry would trade twice): the
/// keeper waits, then books it from the chain once the node answers.
#[test]
fn a_mandate_execution_whose_fate_is_unknown_is_not_run_again_before_it_is_known() {
    let mut w = SeedWorld::new();
    w.join_members();
    let terms = w.mandate_terms();
    let mandate = w.propose_mandate(terms);
    w.approve_mandate(mandate);
    let mut k = keeper(&w);
    let key = w.seed.keeper.insecure_clone();
    let executions = |w: &SeedWorld| {
        accounts::load_zero_copy::<Mandate>(&w.chain.embedded, &mandate)
            .expect("mandate")
            .executions
    };
    {
        let mut chain = FaultyChain::new(&mut w.chain.embedded)
            .failing::<ExecuteMandate>(1, Fault::LandedButReportedFailed);
        k.tick(&mut chain, &key);
        assert_eq!(chain.unused_faults(), 0, "the execution was sent");
        // the node still does not answer about it: no second execution
        k.tick(&mut chain, &key);
        k.tick(&mut chain, &key);
    }
    assert_eq!(executions(&w), 1, "landed once, run once");
    assert_eq!(
        Metrics::get(&k.metrics().mandate_executions),
        0,
        "not booked blind"
    );
    assert_eq!(
        k.metrics().faults(pool_bot_keeper::metrics::Fault::Timeout),
        1
    );

    tick(&mut w, &mut k);
    let booked = k.take_executions();
    assert!(
        booked
            .first()
            .is_some_and(|e| e.source == Source::Mandate(0) && e.gain > 0),
        "the landed execution is booked from the chain: {booked:?}"
    );
}
