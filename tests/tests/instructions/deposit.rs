//! `deposit`: a member buys shares at the pool's price while no proposal is live.
use super::{only_event, withdraw_ix, world};
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The SPL Token program's `InsufficientFunds`.
const TOKEN_INSUFFICIENT_FUNDS: u32 = 1;

#[test]
fn deposit_buys_shares_at_the_pool_price() {
    let mut w = world();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let meta = w
        .chain
        .send_ok(&[w.deposit_ix(&m, 1_000 * USDC, 1_000 * USDC)], &[&wallet]);
    // 8,500 USDC held as 8,500 USDC of shares: one share per base unit
    let position = w.position(&m);
    assert_eq!(
        (
            position.shares,
            position.capital_contributed,
            position.status
        ),
        (1_000 * USDC, 1_000 * USDC, MemberStatus::Active)
    );
    assert_eq!(w.chain.balance(&m.usdc), 0);
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 9_500 * USDC);
    let pool = w.pool_state();
    assert_eq!(
        (pool.total_shares, pool.total_assets, pool.active_members),
        (9_500 * USDC, 9_500 * USDC, 4)
    );
    let PoolEvent::Deposited(event) = only_event(&meta) else {
        panic!("not Deposited")
    };
    assert_eq!(
        (event.member, event.amount, event.shares, event.total_assets),
        (wallet.pubkey(), 1_000 * USDC, 1_000 * USDC, 9_500 * USDC)
    );
}

#[test]
fn deposit_refuses_bad_amounts() {
    let mut w = SeedWorld::new();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    w.refuse(&[w.deposit_ix(&m, 0, 0)], &wallet, PoolError::ZeroAmount);
    w.refuse(
        &[w.deposit_ix(&m, 99 * USDC, 0)],
        &wallet,
        PoolError::BelowMinContribution,
    );
    // 1 share per unit at the start: asking for one more share than the deposit buys
    w.refuse(
        &[w.deposit_ix(&m, 500 * USDC, 500 * USDC + 1)],
        &wallet,
        PoolError::SlippageSharesOut,
    );
    w.refuse(
        &[w.deposit_ix(&m, 2_000 * USDC, 0)],
        &wallet,
        TOKEN_INSUFFICIENT_FUNDS,
    );
    assert_eq!(w.chain.balance(&m.usdc), 1_000 * USDC);
}

#[test]
fn deposit_refuses_wrong_accounts() {
    let mut w = SeedWorld::new();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    // a token account of the traded token instead of the pool's asset
    let sol_account = w.chain.token_account(&w.seed.sol, &wallet.pubkey());
    let wrong_mint = ix::deposit(
        &w.seed.pool,
        &wallet.pubkey(),
        sol_account,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[wrong_mint], &wallet, PoolError::WrongMint);
    // paying into an account that is not the pool's vault
    let mut elsewhere = w.seed.pool;
    elsewhere.vault = w.chain.token_account(&w.seed.usdc, &wallet.pubkey());
    let stolen = ix::deposit(
        &elsewhere,
        &wallet.pubkey(),
        m.usdc,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[stolen], &wallet, PoolError::WrongVault);
    // the mint account must be the pool's asset mint
    let mut other_mint = w.seed.pool;
    other_mint.mint = w.seed.sol;
    let mismatched = ix::deposit(
        &other_mint,
        &wallet.pubkey(),
        m.usdc,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[mismatched], &wallet, PoolError::WrongMint);
}

#[test]
fn deposit_refuses_when_paused_or_full() {
    let mut w = SeedWorld::new();
    w.join_members();
    let admin = w.seed.admin.insecure_clone();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    w.govern(GovernanceChange::Config(ConfigChange {
        max_members: Some(3),
        ..Default::default()
    }));
    w.refuse(
        &[w.deposit_ix(&m, 100 * USDC, 0)],
        &wallet,
        PoolError::PoolFull,
    );
    // an existing member may still add to a full pool
    let first = w.seed.members[0].wallet.insecure_clone();
    w.chain.mint_to(
        &w.seed.usdc.clone(),
        &w.seed.members[0].usdc.clone(),
        100 * USDC,
    );
    w.chain.send_ok(
        &[w.deposit_ix(&w.seed.members[0], 100 * USDC, 0)],
        &[&first],
    );

    w.govern(GovernanceChange::Config(ConfigChange {
        max_members: Some(100),
        ..Default::default()
    }));
    let paused = UpdateConfigArgs {
        paused: Some(true),
        ..Default::default()
    };
    w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), paused)],
        &[&admin],
    );
    w.refuse(
        &[w.deposit_ix(&m, 100 * USDC, 0)],
        &wallet,
        PoolError::PoolPaused,
    );
    // pause never blocks withdrawals
    let all = w.position(&w.seed.members[0]).shares;
    w.chain.send_ok(
        &[withdraw_ix(
            &w,
            &w.seed.members[0],
            WithdrawRequest::Shares(all),
            0,
        )],
        &[&first],
    );
    assert_eq!(w.chain.balance(&w.seed.members[0].usdc), 1_100 * USDC);
}

#[test]
fn a_deposit_worth_less_than_a_share_is_refused() {
    let mut w = SeedWorld::new();
    w.join_members();
    w.govern(GovernanceChange::Config(ConfigChange {
        min_contribution: Some(1),
        ..Default::default()
    }));
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(1), true).unwrap();
    w.execute(&proposal).unwrap();
    w.chain.advance(3_600); // no proposal live: deposits buy shares at once again
                            // a share is now worth more than one base unit: one unit buys no share
    let m = w.new_member(1);
    let wallet = m.wallet.insecure_clone();
    w.refuse(&[w.deposit_ix(&m, 1, 0)], &wallet, PoolError::ZeroShares);
}
