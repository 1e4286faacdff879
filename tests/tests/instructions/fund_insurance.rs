//! `fund_insurance`: anyone adds to the insurance reserve.
use super::only_event;
use pool_bot::errors::PoolError;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn fund_insurance_adds_to_the_reserve() {
    let mut w = SeedWorld::new();
    let m = w.new_member(100);
    let wallet = m.wallet.insecure_clone();
    let meta = w.chain.send_ok(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            40 * USDC,
        )],
        &[&wallet],
    );
    assert_eq!(w.chain.balance(&m.usdc), 60 * USDC);
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 40 * USDC);
    assert_eq!(w.reserve().total_funded, 40 * USDC);
    let PoolEvent::InsuranceFunded(event) = only_event(&meta) else {
        panic!("not InsuranceFunded")
    };
    assert_eq!(
        (event.funder, event.amount, event.reserve_balance),
        (wallet.pubkey(), 40 * USDC, 40 * USDC)
    );
}

#[test]
fn fund_insurance_refusals() {
    let mut w = SeedWorld::new();
    let m = w.new_member(100);
    let wallet = m.wallet.insecure_clone();
    w.refuse(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            0,
        )],
        &wallet,
        PoolError::ZeroAmount,
    );
    let sol_account = w.chain.token_account(&w.seed.sol, &wallet.pubkey());
    w.refuse(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            sol_account,
            USDC,
        )],
        &wallet,
        PoolError::WrongMint,
    );
    let mut elsewhere = w.seed.pool;
    elsewhere.insurance_vault = w.seed.pool.vault;
    w.refuse(
        &[ix::fund_insurance(
            &elsewhere,
            &wallet.pubkey(),
            m.usdc,
            USDC,
        )],
        &wallet,
        PoolError::WrongVault,
    );
    w.chain.send_ok(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            100 * USDC,
        )],
        &[&wallet],
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 100 * USDC);
    assert_eq!(w.reserve().total_funded, 100 * USDC);
}
