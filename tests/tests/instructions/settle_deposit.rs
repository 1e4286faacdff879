//! `settle_deposit`: anyone turns the oldest ready deposit request into shares at the price
//! of that moment; the request's rent goes back to its depositor.
use super::{only_event, world};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::{Member, Proposed, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The seed members' pool with a live proposal and a new member's request of 100 USDC (id
/// returned) behind it.
fn a_request_behind_a_proposal() -> (SeedWorld, Proposed, Member, u64) {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let id = w.pool_state().next_deposit_id;
    w.chain.send_ok(
        &[ix::request_deposit(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            id,
            100 * USDC,
        )],
        &[&wallet],
    );
    (w, proposal, m, id)
}

/// Moves the clock to the end of `proposal`'s lifetime.
fn wait_out(w: &mut SeedWorld, proposal: &Proposed) {
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    let wait = state.expires_at - w.chain.now();
    w.chain.advance(wait);
}

#[test]
fn settle_deposit_turns_a_ready_request_into_shares() {
    let (mut w, proposal, m, id) = a_request_behind_a_proposal();
    wait_out(&mut w, &proposal);
    let address = w.seed.pool.deposit_request(id);
    let rent = w.chain.svm().get_balance(&address).unwrap();
    let depositor = m.wallet.pubkey();
    let before = w.chain.svm().get_balance(&depositor).unwrap();
    let payer = w.chain.payer.insecure_clone();
    let settle = ix::settle_deposit(&w.seed.pool, &payer.pubkey(), id, &depositor, false);
    let meta = w.chain.send_ok(&[settle], &[&payer]);
    // the proposal never ran: the price is still one share per base unit
    let position = w.position(&m);
    assert_eq!((position.shares, position.pending_deposit), (100 * USDC, 0));
    let pool = w.pool_state();
    assert_eq!(
        (pool.pending_deposits, pool.total_assets, pool.total_shares),
        (0, 8_600 * USDC, 8_600 * USDC)
    );
    assert!(w.chain.data(&address).is_empty());
    assert_eq!(
        w.chain.svm().get_balance(&depositor).unwrap(),
        before + rent
    );
    let PoolEvent::DepositSettled(event) = only_event(&meta) else {
        panic!("not DepositSettled")
    };
    assert_eq!(
        (event.id, event.member, event.amount, event.shares),
        (id, depositor, 100 * USDC, 100 * USDC)
    );
}

#[test]
fn settle_deposit_refusals() {
    let (mut w, proposal, m, id) = a_request_behind_a_proposal();
    // settling: only once ready, only by naming the right depositor
    let payer = w.chain.payer.insecure_clone();
    let pool = w.seed.pool;
    let (mine, other) = (m.wallet.pubkey(), w.seed.members[0].wallet.pubkey());
    let settle =
        |depositor: &Pubkey| ix::settle_deposit(&pool, &payer.pubkey(), id, depositor, false);
    w.refuse(&[settle(&mine)], &payer, PoolError::DepositNotReady);
    wait_out(&mut w, &proposal);
    w.refuse(&[settle(&other)], &payer, PoolError::WrongRentReceiver);
    w.chain.send_ok(&[settle(&mine)], &[&payer]);
    assert_eq!(w.position(&m).pending_deposit, 0);
    assert!(w.position(&m).shares > 0);
}
