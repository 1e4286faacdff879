//! `withdraw`: a member takes out shares or an amount at the pool's price, paused or not.
use super::{only_event, withdraw_ix, world};
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn withdraw_pays_the_member_and_burns_shares() {
    let mut w = world();
    let m = &w.seed.members[1];
    let wallet = m.wallet.insecure_clone();
    let before = w.chain.balance(&m.usdc);
    let meta = w.chain.send_ok(
        &[withdraw_ix(
            &w,
            m,
            WithdrawRequest::Amount(400 * USDC),
            400 * USDC,
        )],
        &[&wallet],
    );
    assert_eq!(w.chain.balance(&m.usdc), before + 400 * USDC);
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 8_100 * USDC);
    let position = w.position(m);
    assert_eq!(
        (position.shares, position.total_withdrawn),
        (4_600 * USDC, 400 * USDC)
    );
    let pool = w.pool_state();
    assert_eq!(
        (pool.total_shares, pool.total_assets),
        (8_100 * USDC, 8_100 * USDC)
    );
    let PoolEvent::Withdrew(event) = only_event(&meta) else {
        panic!("not Withdrew")
    };
    assert_eq!(
        (event.member, event.amount, event.shares, event.exited),
        (wallet.pubkey(), 400 * USDC, 400 * USDC, false)
    );
}

#[test]
fn withdraw_refuses_bad_amounts() {
    let mut w = SeedWorld::new();
    w.join_members();
    let m = &w.seed.members[0];
    let wallet = m.wallet.insecure_clone();
    let shares = w.position(m).shares;
    let too_many = withdraw_ix(&w, m, WithdrawRequest::Shares(shares + 1), 0);
    let too_much = withdraw_ix(&w, m, WithdrawRequest::Amount(1_000 * USDC + 1), 0);
    let nothing = withdraw_ix(&w, m, WithdrawRequest::Shares(0), 0);
    let greedy = withdraw_ix(&w, m, WithdrawRequest::Shares(shares), 1_000 * USDC + 1);
    w.refuse(&[too_many], &wallet, PoolError::InsufficientShares);
    w.refuse(&[too_much], &wallet, PoolError::InsufficientShares);
    w.refuse(&[nothing], &wallet, PoolError::ZeroAmount);
    w.refuse(&[greedy], &wallet, PoolError::SlippageAmountOut);
}

#[test]
fn withdraw_refuses_someone_elses_position_or_the_wrong_mint() {
    let mut w = SeedWorld::new();
    w.join_members();
    let thief = w.new_member(0);
    let victim = w.seed.pool.member(&w.seed.members[1].wallet.pubkey());
    let mut steal = withdraw_ix(&w, &thief, WithdrawRequest::Amount(USDC), 0);
    steal.accounts[2].pubkey = victim;
    let wallet = thief.wallet.insecure_clone();
    w.refuse(&[steal], &wallet, PoolError::NotMember);
    // a member without a position has nothing to withdraw
    w.refuse(
        &[withdraw_ix(&w, &thief, WithdrawRequest::Amount(USDC), 0)],
        &wallet,
        AnchorError::AccountNotInitialized,
    );

    let m = &w.seed.members[0];
    let owner = m.wallet.insecure_clone();
    let sol_account = w.chain.token_account(&w.seed.sol, &owner.pubkey());
    let request = WithdrawArgs {
        request: WithdrawRequest::Amount(USDC),
        min_amount_out: 0,
    };
    let wrong_mint = ix::withdraw(&w.seed.pool, &owner.pubkey(), sol_account, request);
    w.refuse(&[wrong_mint], &owner, PoolError::WrongMint);
}

#[test]
fn leaving_and_rejoining_moves_the_member_counts() {
    let mut w = SeedWorld::new();
    w.join_members();
    let m = &w.seed.members[2];
    let wallet = m.wallet.insecure_clone();
    let shares = w.position(m).shares;
    w.chain.send_ok(
        &[withdraw_ix(&w, m, WithdrawRequest::Shares(shares), 0)],
        &[&wallet],
    );
    let pool = w.pool_state();
    assert_eq!((pool.active_members, pool.withdrawn_members), (2, 1));
    assert_eq!(w.position(m).status, MemberStatus::Withdrawn);
    w.chain
        .send_ok(&[w.deposit_ix(m, 200 * USDC, 0)], &[&wallet]);
    let pool = w.pool_state();
    assert_eq!((pool.active_members, pool.withdrawn_members), (3, 0));
    let position = w.position(m);
    assert_eq!(position.status, MemberStatus::Active);
    assert_eq!(
        (position.capital_contributed, position.total_withdrawn),
        (2_700 * USDC, 2_500 * USDC)
    );
}
