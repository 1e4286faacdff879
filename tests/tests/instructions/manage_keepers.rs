//! `remove_keeper` (at once: its open proposals go stale) and the keeper list's limits;
//! adding a keeper is a queued governance change.
use super::{govern, only_event};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn remove_keeper_deauthorises_at_once_and_stales_proposals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let keeper = w.seed.keeper.pubkey();
    let version = w.pool_state().config_version;
    let meta = w.chain.send_ok(
        &[ix::remove_keeper(&w.seed.pool, &admin.pubkey(), keeper)],
        &[&admin],
    );
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert!(set.keepers().is_empty());
    assert_eq!(w.pool_state().config_version, version + 1);
    let PoolEvent::KeeperChanged(event) = only_event(&meta) else {
        panic!("not KeeperChanged")
    };
    assert_eq!(
        (event.admin, event.keeper, event.authorised),
        (admin.pubkey(), keeper, false)
    );
}

#[test]
fn keeper_management_refusals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let lead = w.voter(Some(0));
    let keeper = w.seed.keeper.pubkey();
    let add = |keeper| GovernanceChange::AddKeeper { keeper };
    w.refuse(
        &govern(&w, &lead, vec![add(Pubkey::new_unique())]),
        &lead,
        PoolError::InsufficientRole,
    );
    w.refuse(
        &govern(&w, &admin, vec![add(keeper)]),
        &admin,
        PoolError::DuplicateKeeper,
    );
    w.refuse(
        &[ix::remove_keeper(
            &w.seed.pool,
            &admin.pubkey(),
            Pubkey::new_unique(),
        )],
        &admin,
        PoolError::KeeperNotFound,
    );
    for _ in 0..15 {
        w.govern(add(Pubkey::new_unique()));
    }
    w.refuse(
        &govern(&w, &admin, vec![add(Pubkey::new_unique())]),
        &admin,
        PoolError::KeeperListFull,
    );
    w.chain.send_ok(
        &[ix::remove_keeper(&w.seed.pool, &admin.pubkey(), keeper)],
        &[&admin],
    );
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert!(!set.is_keeper(&keeper));
}
