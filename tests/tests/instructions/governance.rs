//! `queue_change`, `apply_change`, `cancel_change`: configuration, validators, keepers and
//! product enabling wait out the pool's time lock in a `PendingChange` (the seed pool's lock
//! is 0; `attacks::governance` waits one out).
use super::{govern, only_event, product_args};
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::{self, PoolEvent};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

fn config(change: ConfigChange) -> Vec<GovernanceChange> {
    vec![GovernanceChange::Config(change)]
}

#[test]
fn a_queued_change_is_applied_by_anyone_and_its_rent_returned() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let keeper = Pubkey::new_unique();
    let change = GovernanceChange::AddKeeper { keeper };
    let id = w.pool_state().next_change_id;
    let queue = ix::queue_change(&w.seed.pool, &admin.pubkey(), id, change.clone());
    let meta = w.chain.send_ok(&[queue], &[&admin]);
    let address = w.seed.pool.change(id);
    let pending: PendingChange = w.chain.account(&address);
    assert_eq!(
        (pending.proposer, &pending.change, pending.eta),
        (admin.pubkey(), &change, w.chain.now())
    );
    assert_eq!(w.pool_state().next_change_id, id + 1);
    let PoolEvent::ChangeQueued(queued) = only_event(&meta) else {
        panic!("not ChangeQueued")
    };
    assert_eq!(
        (queued.account, queued.id, queued.change),
        (address, id, change.clone())
    );

    let rent = w.chain.svm().get_balance(&address).unwrap();
    let admin_before = w.chain.svm().get_balance(&admin.pubkey()).unwrap();
    let payer = w.chain.payer.insecure_clone();
    let apply = ix::apply_change(&w.seed.pool, &payer.pubkey(), id, &admin.pubkey(), &change);
    let meta = w.chain.send_ok(&[apply], &[&payer]);
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert!(set.is_keeper(&keeper));
    assert!(w.chain.data(&address).is_empty());
    assert_eq!(
        w.chain.svm().get_balance(&admin.pubkey()).unwrap(),
        admin_before + rent
    );
    let [PoolEvent::KeeperChanged(added), PoolEvent::ChangeFinished(finished)] =
        &events::parse(&meta.logs)[..]
    else {
        panic!("not KeeperChanged, ChangeFinished")
    };
    assert_eq!((added.keeper, added.authorised), (keeper, true));
    assert_eq!(
        (finished.id, finished.by, finished.applied),
        (id, payer.pubkey(), true)
    );
}

#[test]
fn an_admin_cancels_a_queued_change() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let change = GovernanceChange::AddKeeper {
        keeper: Pubkey::new_unique(),
    };
    let id = w.pool_state().next_change_id;
    w.chain.send_ok(
        &[ix::queue_change(&w.seed.pool, &admin.pubkey(), id, change)],
        &[&admin],
    );
    let cancel = ix::cancel_change(&w.seed.pool, &admin.pubkey(), id, &admin.pubkey());
    let meta = w.chain.send_ok(&[cancel], &[&admin]);
    assert!(w.chain.data(&w.seed.pool.change(id)).is_empty());
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert_eq!(set.keepers(), [w.seed.keeper.pubkey()]);
    let PoolEvent::ChangeFinished(finished) = only_event(&meta) else {
        panic!("not ChangeFinished")
    };
    assert_eq!((finished.id, finished.applied), (id, false));
}

#[test]
fn config_changes_refuse_bad_values() {
    let mut w = SeedWorld::new();
    w.join_members();
    let admin = w.seed.admin.insecure_clone();
    let cases: Vec<(ConfigChange, PoolError)> = vec![
        // 4 validators are SENIOR or above: 5 approvals could never pay a claim
        (
            ConfigChange {
                required_approvals: Some(5),
                ..Default::default()
            },
            PoolError::InvalidQuorum,
        ),
        (
            ConfigChange {
                claim_required_approvals: Some(5),
                ..Default::default()
            },
            PoolError::InvalidQuorum,
        ),
        (
            ConfigChange {
                insurance_bps: Some(20_000),
                ..Default::default()
            },
            PoolError::InvalidBps,
        ),
        // 3 members are active already
        (
            ConfigChange {
                max_members: Some(2),
                ..Default::default()
            },
            PoolError::MaxMembersBelowActive,
        ),
        (
            ConfigChange {
                proposal_ttl: Some(0),
                ..Default::default()
            },
            PoolError::InvalidProposalTtl,
        ),
        // a proposal may stay open at most 7 days (deposits wait at most that long)
        (
            ConfigChange {
                proposal_ttl: Some(7 * 86_400 + 1),
                ..Default::default()
            },
            PoolError::InvalidProposalTtl,
        ),
        (
            ConfigChange {
                time_lock: Some(-1),
                ..Default::default()
            },
            PoolError::InvalidTimeLock,
        ),
    ];
    for (change, error) in cases {
        w.refuse(&govern(&w, &admin, config(change)), &admin, error);
    }
}

#[test]
fn validator_management_refusals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let senior = w.voter(Some(1));
    let newcomer = Pubkey::new_unique();
    let add = |validator, role| GovernanceChange::AddValidator { validator, role };
    let set_role = |validator, role| GovernanceChange::SetValidatorRole { validator, role };
    let remove = |validator| GovernanceChange::RemoveValidator { validator };

    w.refuse(
        &govern(&w, &senior, vec![add(newcomer, Role::Junior)]),
        &senior,
        PoolError::InsufficientRole,
    );
    let lead = w.seed.validators[0].pubkey();
    let cases = [
        (add(lead, Role::Junior), PoolError::DuplicateValidator),
        (remove(newcomer), PoolError::NotValidator),
        (set_role(newcomer, Role::Lead), PoolError::NotValidator),
        // the only ADMIN can neither leave nor step down
        (remove(admin.pubkey()), PoolError::LastAdmin),
        (set_role(admin.pubkey(), Role::Lead), PoolError::LastAdmin),
    ];
    for (change, error) in cases {
        w.refuse(&govern(&w, &admin, vec![change]), &admin, error);
    }
    // demoting all three to JUNIOR leaves one claim voter for a quorum of two
    let demote = w
        .seed
        .validators
        .iter()
        .map(|v| set_role(v.pubkey(), Role::Junior))
        .collect();
    w.refuse(
        &govern(&w, &admin, demote),
        &admin,
        PoolError::InvalidQuorum,
    );
}

#[test]
fn the_validator_set_holds_thirty_two() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let junior = || GovernanceChange::AddValidator {
        validator: Pubkey::new_unique(),
        role: Role::Junior,
    };
    for _ in 0..28 {
        w.govern(junior());
    }
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert_eq!(set.validator_count, 32);
    w.refuse(
        &govern(&w, &admin, vec![junior()]),
        &admin,
        PoolError::ValidatorSetFull,
    );
}

#[test]
fn apply_change_refusals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    w.set_product_enabled(false);
    let product = w.seed.product;
    let enable = GovernanceChange::EnableProduct { product };
    let id = w.pool_state().next_change_id;
    w.chain.send_ok(
        &[ix::queue_change(
            &w.seed.pool,
            &admin.pubkey(),
            id,
            enable.clone(),
        )],
        &[&admin],
    );
    let payer = w.chain.payer.insecure_clone();
    let apply = ix::apply_change(&w.seed.pool, &payer.pubkey(), id, &admin.pubkey(), &enable);
    // without the product, or with another one
    let mut missing = apply.clone();
    missing.accounts[5].pubkey = pool_bot::ID;
    w.refuse(&[missing], &payer, PoolError::WrongProduct);
    let register = ix::register_product(
        &w.seed.pool,
        &admin.pubkey(),
        1,
        product_args(vec![local_amm::ID]),
    );
    w.chain.send_ok(&[register], &[&admin]);
    let mut wrong = apply.clone();
    wrong.accounts[5].pubkey = w.seed.pool.product(1);
    w.refuse(&[wrong], &payer, PoolError::WrongProduct);
    w.chain.send_ok(&[apply], &[&payer]);
    let state: Product = w.chain.zero_copy(&product);
    assert!(state.is_enabled(), "the product named by the change");
    // the rent goes back to whoever queued it, and a change applies once
    let id = w.pool_state().next_change_id;
    let keeper = GovernanceChange::AddKeeper {
        keeper: Pubkey::new_unique(),
    };
    w.chain.send_ok(
        &[ix::queue_change(
            &w.seed.pool,
            &admin.pubkey(),
            id,
            keeper.clone(),
        )],
        &[&admin],
    );
    let stranger = ix::apply_change(&w.seed.pool, &payer.pubkey(), id, &payer.pubkey(), &keeper);
    w.refuse(&[stranger], &payer, PoolError::WrongRentReceiver);
    let apply = ix::apply_change(&w.seed.pool, &payer.pubkey(), id, &admin.pubkey(), &keeper);
    w.chain.send_ok(std::slice::from_ref(&apply), &[&payer]);
    w.refuse(&[apply], &payer, AnchorError::AccountNotInitialized);
}
