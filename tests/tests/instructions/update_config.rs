//! `update_config`: what an ADMIN may change at once (pause, name; everything else is a
//! queued governance change).
use super::{only_event, pool_args};
use litesvm_token::spl_token;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::pda::PoolAddresses;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn update_config_pauses_and_renames_the_pool() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let args = UpdateConfigArgs {
        paused: Some(true),
        name: Some("Renamed".into()),
        ..Default::default()
    };
    let meta = w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), args)],
        &[&admin],
    );
    let pool = w.pool_state();
    assert_eq!((pool.paused, pool.name()), (1, "Renamed"));
    let PoolEvent::ConfigUpdated(event) = only_event(&meta) else {
        panic!("not ConfigUpdated")
    };
    assert_eq!(
        (event.pool, event.admin, event.paused),
        (w.seed.pool.pool, admin.pubkey(), true)
    );
}

#[test]
fn update_config_needs_an_admin() {
    let mut w = SeedWorld::new();
    let outsider = w.chain.wallet();
    let paused = UpdateConfigArgs {
        paused: Some(true),
        ..Default::default()
    };
    w.refuse(
        &[ix::update_config(
            &w.seed.pool,
            &outsider.pubkey(),
            paused.clone(),
        )],
        &outsider,
        PoolError::NotValidator,
    );
    let lead = w.voter(Some(0));
    w.refuse(
        &[ix::update_config(&w.seed.pool, &lead.pubkey(), paused)],
        &lead,
        PoolError::InsufficientRole,
    );
}

#[test]
fn update_config_refuses_an_empty_name() {
    let mut w = SeedWorld::new();
    w.join_members();
    let admin = w.seed.admin.insecure_clone();
    let unnamed = UpdateConfigArgs {
        name: Some(String::new()),
        ..Default::default()
    };
    w.refuse(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), unnamed)],
        &admin,
        PoolError::InvalidName,
    );
}

#[test]
fn a_validator_set_of_another_pool_is_refused() {
    let mut w = SeedWorld::new();
    let other_admin = w.chain.wallet();
    let other = PoolAddresses::new(&other_admin.pubkey(), &w.seed.usdc, &spl_token::ID);
    w.chain.send_ok(
        &[ix::initialize_pool(
            &other,
            &other_admin.pubkey(),
            pool_args(),
        )],
        &[&other_admin],
    );
    // the other pool's ADMIN presents its own validator set to change this pool
    let mut mixed = w.seed.pool;
    mixed.validator_set = other.validator_set;
    let args = UpdateConfigArgs {
        paused: Some(true),
        ..Default::default()
    };
    w.refuse(
        &[ix::update_config(&mixed, &other_admin.pubkey(), args)],
        &other_admin,
        PoolError::WrongPool,
    );
}
