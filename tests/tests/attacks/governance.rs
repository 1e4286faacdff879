//! Rules change slower than members can leave: everything that moves value or power waits out
//! the pool's time lock as a visible, cancellable pending change; what only protects is
//! immediate.
use super::{approved_trade, seed_member, withdraw_all};
use pool_bot::errors::PoolError;
use pool_bot::instructions::{RegisterProductArgs, UpdateConfigArgs};
use pool_bot::state::{
    ConfigChange, GovernanceChange, PendingChange, ProductCategory, ProductConfig, Role,
    ValidatorSet,
};
use pool_bot_tests::client::amm;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

const DAY: i64 = 86_400;

/// The seed pool with members, its LEAD made a second ADMIN, and a one-day time lock (raising
/// it is immediate).
fn locked() -> SeedWorld {
    let mut w = SeedWorld::new();
    w.join_members();
    let second = w.voter(Some(0)).pubkey();
    w.govern(GovernanceChange::SetValidatorRole {
        validator: second,
        role: Role::Admin,
    });
    let admin = w.seed.admin.insecure_clone();
    let lock = UpdateConfigArgs {
        time_lock: Some(DAY),
        ..Default::default()
    };
    w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), lock)],
        &[&admin],
    );
    w
}

/// The ADMIN queues `change`; returns its id.
fn queue(w: &mut SeedWorld, change: GovernanceChange) -> u64 {
    let admin = w.seed.admin.insecure_clone();
    let id = w.pool_state().next_change_id;
    w.chain.send_ok(
        &[ix::queue_change(&w.seed.pool, &admin.pubkey(), id, change)],
        &[&admin],
    );
    id
}

fn apply_ix(w: &SeedWorld, id: u64) -> pool_bot_tests::client::Instruction {
    let pending: PendingChange = w.chain.account(&w.seed.pool.change(id));
    let payer = w.chain.payer.pubkey();
    ix::apply_change(&w.seed.pool, &payer, id, &pending.proposer, &pending.change)
}

/// One ADMIN lowers the claim quorum and adds a sock-puppet SENIOR "in one transaction": both
/// only queue; nothing applies before the lock, members see it and leave, and another ADMIN
/// cancels it.
#[test]
fn quorum_and_validator_changes_wait_out_the_time_lock() {
    let mut w = locked();
    let puppet = Pubkey::new_unique();
    let quorum = queue(
        &mut w,
        GovernanceChange::Config(ConfigChange {
            claim_required_approvals: Some(1),
            required_approvals: Some(1),
            ..Default::default()
        }),
    );
    let sock = queue(
        &mut w,
        GovernanceChange::AddValidator {
            validator: puppet,
            role: Role::Senior,
        },
    );
    let payer = w.chain.payer.insecure_clone();
    for id in [quorum, sock] {
        w.refuse(&[apply_ix(&w, id)], &payer, PoolError::ChangeNotDue);
    }
    let pool = w.pool_state();
    assert_eq!(
        (pool.required_approvals, pool.claim_required_approvals),
        (2, 2)
    );
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert!(set.slot_of(&puppet).is_none());
    // the pending change is on chain with its time: a member leaves before it applies
    let pending: PendingChange = w.chain.account(&w.seed.pool.change(sock));
    assert_eq!(pending.eta, pending.queued_at + DAY);
    let leaver = seed_member(&w, 0);
    w.chain
        .send_ok(&[withdraw_all(&w, &leaver)], &[&leaver.wallet]);
    assert_eq!(w.chain.balance(&leaver.usdc), 1_000 * USDC);
    // a second ADMIN cancels the puppet; only an ADMIN may
    let second = w.voter(Some(0));
    let senior = w.voter(Some(1));
    let admin = w.seed.admin.pubkey();
    w.refuse(
        &[ix::cancel_change(
            &w.seed.pool,
            &senior.pubkey(),
            sock,
            &admin,
        )],
        &senior,
        PoolError::InsufficientRole,
    );
    w.chain.send_ok(
        &[ix::cancel_change(
            &w.seed.pool,
            &second.pubkey(),
            sock,
            &admin,
        )],
        &[&second],
    );
    assert!(w.chain.data(&w.seed.pool.change(sock)).is_empty());
    // the rest applies once due, by anyone
    w.chain.advance(DAY);
    w.chain.send_ok(&[apply_ix(&w, quorum)], &[&payer]);
    assert_eq!(w.pool_state().claim_required_approvals, 1);
}

/// The time lock itself: raising it is immediate, lowering it waits out the current lock.
#[test]
fn the_time_lock_cannot_be_lowered_at_once() {
    let mut w = locked();
    let admin = w.seed.admin.insecure_clone();
    let shorter = UpdateConfigArgs {
        time_lock: Some(0),
        ..Default::default()
    };
    w.refuse(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), shorter)],
        &admin,
        PoolError::TimeLockLowered,
    );
    let id = queue(
        &mut w,
        GovernanceChange::Config(ConfigChange {
            time_lock: Some(0),
            ..Default::default()
        }),
    );
    let payer = w.chain.payer.insecure_clone();
    w.refuse(&[apply_ix(&w, id)], &payer, PoolError::ChangeNotDue);
    w.chain.advance(DAY);
    w.chain.send_ok(&[apply_ix(&w, id)], &[&payer]);
    assert_eq!(w.pool_state().time_lock, 0);
}

/// A product with permissive rules is registered disabled: nothing can trade under it until
/// its enabling has waited out the lock. A new keeper waits too; removing one is immediate
/// and its approved proposal can no longer run.
#[test]
fn products_and_keepers_wait_but_removal_protects_at_once() {
    let mut w = locked();
    let admin = w.seed.admin.insecure_clone();
    let args = RegisterProductArgs {
        name: "Anything goes".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        leg_rules: vec![amm::swap_rule()],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(&w.seed.pool, &admin.pubkey(), 1, args)],
        &[&admin],
    );
    let product = w.seed.pool.product(1);
    let state: pool_bot::state::Product = w.chain.zero_copy(&product);
    assert!(!state.is_enabled());
    queue(&mut w, GovernanceChange::EnableProduct { product });
    let stranger = Pubkey::new_unique();
    queue(&mut w, GovernanceChange::AddKeeper { keeper: stranger });
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    assert!(!set.is_keeper(&stranger));

    let proposal = approved_trade_on(&mut w);
    let keeper = w.seed.keeper.pubkey();
    w.chain.send_ok(
        &[ix::remove_keeper(&w.seed.pool, &admin.pubkey(), keeper)],
        &[&admin],
    );
    // a validator may execute, but not what the removed keeper proposed
    let lead = w.voter(Some(0));
    let execute = ix::execute_and_distribute(
        &w.seed.pool,
        &lead.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[execute], &lead, PoolError::ProposalStale);
}

/// An approved 5,000 USDC arbitrage on a pool whose members already deposited.
fn approved_trade_on(w: &mut SeedWorld) -> pool_bot_tests::seed_world::Proposed {
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    for who in [Some(0), Some(1)] {
        w.vote(&proposal, who, true).expect("vote");
    }
    proposal
}

/// An insurance-share change queued after approval cannot reach the approved trade: it runs
/// under the terms it was approved with, before the change can apply.
#[test]
fn an_insurance_share_change_cannot_catch_an_approved_trade() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w);
    let admin = w.seed.admin.insecure_clone();
    let lock = UpdateConfigArgs {
        time_lock: Some(DAY),
        ..Default::default()
    };
    w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), lock)],
        &[&admin],
    );
    queue(
        &mut w,
        GovernanceChange::Config(ConfigChange {
            insurance_bps: Some(10_000),
            ..Default::default()
        }),
    );
    let reserve_before = w.chain.balance(&w.seed.pool.insurance_vault);
    w.execute(&proposal)
        .expect("executes under the approved split");
    let gain = w.chain.balance(&w.seed.pool.insurance_vault) - reserve_before;
    let state: pool_bot::state::TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(gain, state.realised_profit * 500 / 10_000);
}
