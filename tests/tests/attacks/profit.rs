//! The profit sandwich: new money must not share in profit earned before it arrived.
use super::{approved_trade, funded, seed_member, value, withdraw_all};
use pool_bot::errors::PoolError;
use pool_bot::state::{DepositRequest, ProposalStatus, TradeProposal};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

const SANDWICH: u64 = 50_000;

/// The keeper, who may execute, tries `[deposit, execute, withdraw]` in one transaction: the
/// deposit is refused while the proposal is live, so nothing moves.
#[test]
fn one_transaction_sandwich_is_refused() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w);
    let keeper = w.seed.keeper.insecure_clone();
    let attacker = funded(&mut w, &keeper, SANDWICH);
    let sandwich = [
        w.deposit_ix(&attacker, SANDWICH * USDC, 0),
        w.execute_ix(&proposal),
        ix::withdraw(
            &w.seed.pool,
            &keeper.pubkey(),
            attacker.usdc,
            pool_bot::instructions::WithdrawArgs {
                request: pool_bot::instructions::WithdrawRequest::Shares(SANDWICH * USDC),
                min_amount_out: 0,
            },
        ),
    ];
    w.refuse(&sandwich, &keeper, PoolError::ProposalsLive);
    assert_eq!(w.chain.balance(&attacker.usdc), SANDWICH * USDC);
}

/// The keeper queues a large deposit and executes in the same transaction, then settles and
/// withdraws once it may: the members' shares took the whole member profit, the attacker gets
/// back at most what it put in.
#[test]
fn queued_deposit_takes_no_part_of_the_trade_it_sandwiches() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w);
    let keeper = w.seed.keeper.insecure_clone();
    let attacker = funded(&mut w, &keeper, SANDWICH);
    let honest = seed_member(&w, 1);
    let honest_before = value(&w, &honest);
    let shares_before = w.pool_state().total_shares;

    let id = w.pool_state().next_deposit_id;
    let queue = ix::request_deposit(
        &w.seed.pool,
        &keeper.pubkey(),
        attacker.usdc,
        id,
        SANDWICH * USDC,
    );
    w.chain
        .send_ok(&[queue, w.execute_ix(&proposal)], &[&keeper]);
    let executed: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(executed.status(), ProposalStatus::Executed);
    let pool = w.pool_state();
    assert_eq!(pool.total_shares, shares_before, "no share was minted");
    assert_eq!(w.position(&attacker).pending_deposit, SANDWICH * USDC);
    let member_profit = executed.realised_profit - executed.realised_profit * 500 / 10_000;
    let honest_gain = value(&w, &honest) - honest_before;
    // the honest member's pro-rata share of the whole member profit (5000 of 8500 USDC; the
    // 1,000 virtual shares keep a millionth)
    let fair = member_profit * 5_000 / 8_500;
    assert!(
        honest_gain * 10_000 >= fair * 9_999,
        "gain {honest_gain}, fair {fair}"
    );

    // settling early is refused; after the proposal's expiry anyone settles it
    let settle = ix::settle_deposit(&w.seed.pool, &keeper.pubkey(), id, &keeper.pubkey(), false);
    w.refuse(
        std::slice::from_ref(&settle),
        &keeper,
        PoolError::DepositNotReady,
    );
    let request: DepositRequest = w.chain.account(&w.seed.pool.deposit_request(id));
    assert_eq!(request.ready_at, executed.expires_at);
    w.chain.advance(request.ready_at - w.chain.now());
    w.chain.send_ok(&[settle], &[&keeper]);
    let honest_after_settle = value(&w, &honest);
    assert!(honest_after_settle + 1 >= honest_before + honest_gain);

    w.chain.send_ok(&[withdraw_all(&w, &attacker)], &[&keeper]);
    assert!(
        w.chain.balance(&attacker.usdc) <= SANDWICH * USDC,
        "the attacker gained {}",
        w.chain.balance(&attacker.usdc) - SANDWICH * USDC
    );
}

/// Depositing right after an execution (queued while the proposal's time runs, or at once
/// after) buys shares at a price that already holds the profit: holding them earns nothing of it.
#[test]
fn deposit_after_execution_earns_nothing_of_earlier_profit() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w);
    w.execute(&proposal).expect("execute");
    let late = w.new_member(SANDWICH);
    let wallet = late.wallet.insecure_clone();
    // still inside the executed proposal's lifetime: queued
    w.refuse(
        &[w.deposit_ix(&late, SANDWICH * USDC, 0)],
        &wallet,
        PoolError::ProposalsLive,
    );
    let id = w.pool_state().next_deposit_id;
    let queue = ix::request_deposit(
        &w.seed.pool,
        &wallet.pubkey(),
        late.usdc,
        id,
        SANDWICH * USDC,
    );
    w.chain.send_ok(&[queue], &[&wallet]);
    w.chain.advance(3_600);
    let settle = ix::settle_deposit(&w.seed.pool, &wallet.pubkey(), id, &wallet.pubkey(), false);
    w.chain.send_ok(&[settle], &[&wallet]);
    // and once nothing is live, an instant deposit is priced the same way
    let instant = w.new_member(SANDWICH);
    let instant_wallet = instant.wallet.insecure_clone();
    w.chain.send_ok(
        &[w.deposit_ix(&instant, SANDWICH * USDC, 0)],
        &[&instant_wallet],
    );
    for (member, signer) in [(&late, &wallet), (&instant, &instant_wallet)] {
        w.chain.advance(86_400);
        w.chain.send_ok(&[withdraw_all(&w, member)], &[signer]);
        assert!(w.chain.balance(&member.usdc) <= SANDWICH * USDC);
    }
}

/// A ready request blocks trades until it is settled, so nobody can leave it unsettled to
/// choose its price; once settled, it shares in trades proposed after it was made.
#[test]
fn a_ready_request_is_priced_before_the_next_trade() {
    let mut w = SeedWorld::new();
    let first = approved_trade(&mut w);
    let m = w.new_member(2_000);
    let wallet = m.wallet.insecure_clone();
    let payer = w.chain.payer.insecure_clone();
    for id in [0, 1] {
        let queue = ix::request_deposit(&w.seed.pool, &wallet.pubkey(), m.usdc, id, 1_000 * USDC);
        w.chain.send_ok(&[queue], &[&wallet]);
    }
    w.execute(&first).expect("execute");
    w.chain.advance(3_600);
    let (second, _) = w.propose_arbitrage(1_000 * USDC);
    for who in [Some(0), Some(1)] {
        w.vote(&second, who, true).expect("vote");
    }
    w.refuse(
        &[w.execute_ix(&second)],
        &w.seed.keeper.insecure_clone(),
        PoolError::DepositsAwaitingSettlement,
    );
    // out of order, or without naming the next request, is refused
    let owner = wallet.pubkey();
    let out_of_order = ix::settle_deposit(&w.seed.pool, &payer.pubkey(), 1, &owner, false);
    w.refuse(&[out_of_order], &payer, PoolError::WrongDepositRequest);
    let unnamed_next = ix::settle_deposit(&w.seed.pool, &payer.pubkey(), 0, &owner, false);
    w.refuse(&[unnamed_next], &payer, PoolError::WrongDepositRequest);
    w.chain.send_ok(
        &[
            ix::settle_deposit(&w.seed.pool, &payer.pubkey(), 0, &owner, true),
            ix::settle_deposit(&w.seed.pool, &payer.pubkey(), 1, &owner, false),
        ],
        &[&payer],
    );
    let before = value(&w, &m);
    w.execute(&second).expect("execute after settlement");
    assert!(value(&w, &m) > before, "its shares share the later trade");
    assert_eq!(w.pool_state().pending_deposits, 0);
}
