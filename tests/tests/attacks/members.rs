//! Member slots cost real capital: a position is either empty or worth at least the minimum
//! contribution, so one actor cannot fill `max_members` with dust.
use super::seed_member;
use pool_bot::errors::PoolError;
use pool_bot::instructions::{WithdrawArgs, WithdrawRequest};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn a_withdrawal_cannot_leave_dust_holding_a_slot() {
    let mut w = SeedWorld::new();
    w.join_members();
    let m = seed_member(&w, 0); // 1,000 USDC; minimum 100
    let pool = w.seed.pool;
    let take = |amount| {
        ix::withdraw(
            &pool,
            &m.wallet.pubkey(),
            m.usdc,
            WithdrawArgs {
                request: WithdrawRequest::Amount(amount),
                min_amount_out: 0,
            },
        )
    };
    w.refuse(
        &[take(950 * USDC)],
        &m.wallet,
        PoolError::WithdrawalLeavesDust,
    );
    w.chain.send_ok(&[take(900 * USDC)], &[&m.wallet]);
    let active = w.pool_state().active_members;
    let shares = w.position(&m).shares;
    let all = ix::withdraw(
        &w.seed.pool,
        &m.wallet.pubkey(),
        m.usdc,
        WithdrawArgs {
            request: WithdrawRequest::Shares(shares),
            min_amount_out: 0,
        },
    );
    w.chain.send_ok(&[all], &[&m.wallet]);
    assert_eq!(w.pool_state().active_members, active - 1);
}
