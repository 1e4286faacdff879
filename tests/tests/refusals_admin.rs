//! Governance refusals: pool creation, configuration, validators, keepers and products. Each
//! test asserts the exact named error and that no account of the pool changed.
use anchor_lang::error::ErrorCode as AnchorError;
use litesvm_token::spl_token;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::pda::PoolAddresses;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

fn pool_args() -> InitializePoolArgs {
    pool_bot_tests::small_pool_args("Second pool", USDC)
}

/// A rule for `program`'s instruction `[1]`, spending from account 0 into account 1.
fn rule(program: Pubkey) -> LegRuleArgs {
    LegRuleArgs {
        program,
        discriminator: vec![1],
        source_index: 0,
        destination_index: 1,
        market_index: None,
    }
}

fn product_args(programs: Vec<Pubkey>) -> RegisterProductArgs {
    RegisterProductArgs {
        name: "Staking".into(),
        category: ProductCategory::Staking,
        config: ProductConfig {
            max_trade_amount: 1_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 100,
        },
        leg_rules: programs.into_iter().map(rule).collect(),
        markets: vec![],
    }
}

#[test]
fn initialize_pool_refuses_bad_config() {
    let mut w = SeedWorld::new();
    let creator = w.chain.wallet();
    let p = PoolAddresses::new(&creator.pubkey(), &w.seed.usdc, &spl_token::ID);
    let cases: Vec<(InitializePoolArgs, PoolError)> = vec![
        (
            InitializePoolArgs {
                insurance_bps: 10_001,
                ..pool_args()
            },
            PoolError::InvalidBps,
        ),
        (
            InitializePoolArgs {
                name: String::new(),
                ..pool_args()
            },
            PoolError::InvalidName,
        ),
        (
            InitializePoolArgs {
                name: "x".repeat(33),
                ..pool_args()
            },
            PoolError::InvalidName,
        ),
        (
            InitializePoolArgs {
                max_members: 0,
                ..pool_args()
            },
            PoolError::InvalidMaxMembers,
        ),
        (
            InitializePoolArgs {
                min_contribution: 0,
                ..pool_args()
            },
            PoolError::InvalidMinContribution,
        ),
        (
            InitializePoolArgs {
                proposal_ttl: 0,
                ..pool_args()
            },
            PoolError::InvalidProposalTtl,
        ),
        (
            InitializePoolArgs {
                claim_ttl: 0,
                ..pool_args()
            },
            PoolError::InvalidClaimTtl,
        ),
        // the creator is the only validator at first: a quorum of 2 is unreachable
        (
            InitializePoolArgs {
                required_approvals: 2,
                ..pool_args()
            },
            PoolError::InvalidQuorum,
        ),
        (
            InitializePoolArgs {
                required_approvals: 0,
                ..pool_args()
            },
            PoolError::InvalidQuorum,
        ),
    ];
    for (args, error) in cases {
        let watched = [
            p.pool,
            p.vault,
            p.validator_set,
            p.insurance,
            p.insurance_vault,
        ];
        w.chain.assert_refused(
            &[ix::initialize_pool(&p, &creator.pubkey(), args)],
            &[&creator],
            error,
            &watched,
        );
        assert!(w.chain.svm().get_account(&p.pool).is_none());
    }
}

#[test]
fn initialize_pool_refuses_a_pool_address_of_someone_else() {
    let mut w = SeedWorld::new();
    let creator = w.chain.wallet();
    let mut p = PoolAddresses::new(&creator.pubkey(), &w.seed.usdc, &spl_token::ID);
    p.pool = PoolAddresses::new(&w.seed.admin.pubkey(), &w.seed.sol, &spl_token::ID).pool;
    let watched = [p.pool];
    let args = pool_args();
    w.chain.assert_refused(
        &[ix::initialize_pool(&p, &creator.pubkey(), args)],
        &[&creator],
        AnchorError::ConstraintSeeds,
        &watched,
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

/// `change` queued and applied at once by `signer` (the seed pool has no time lock).
fn govern(w: &SeedWorld, signer: &Keypair, changes: Vec<GovernanceChange>) -> Vec<Instruction> {
    let first = w.pool_state().next_change_id;
    changes
        .into_iter()
        .enumerate()
        .flat_map(|(i, change)| {
            ix::govern(&w.seed.pool, &signer.pubkey(), first + i as u64, change)
        })
        .collect()
}

fn config(change: ConfigChange) -> Vec<GovernanceChange> {
    vec![GovernanceChange::Config(change)]
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

#[test]
fn product_registration_refusals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let lead = w.voter(Some(0));
    let cases: Vec<(Keypair, RegisterProductArgs, u32)> = vec![
        (
            lead.insecure_clone(),
            product_args(vec![local_amm::ID]),
            PoolError::InsufficientRole.into(),
        ),
        (
            admin.insecure_clone(),
            product_args((0..5).map(|_| Pubkey::new_unique()).collect()),
            PoolError::TooManyLegRules.into(),
        ),
        (
            admin.insecure_clone(),
            product_args(vec![]),
            PoolError::TooManyLegRules.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                leg_rules: vec![LegRuleArgs {
                    discriminator: vec![0; 9],
                    ..rule(local_amm::ID)
                }],
                ..product_args(vec![])
            },
            PoolError::InvalidLegRule.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                leg_rules: vec![LegRuleArgs {
                    destination_index: 0,
                    ..rule(local_amm::ID)
                }],
                ..product_args(vec![])
            },
            PoolError::InvalidLegRule.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                markets: (0..17).map(|_| Pubkey::new_unique()).collect(),
                ..product_args(vec![local_amm::ID])
            },
            PoolError::TooManyMarkets.into(),
        ),
        (
            admin.insecure_clone(),
            product_args(vec![pool_bot::ID]),
            PoolError::RouteSelfInvocation.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                markets: vec![w.seed.cheap.pool, w.seed.cheap.pool],
                ..product_args(vec![local_amm::ID])
            },
            PoolError::TooManyMarkets.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                name: String::new(),
                ..product_args(vec![local_amm::ID])
            },
            PoolError::InvalidName.into(),
        ),
        (
            admin.insecure_clone(),
            RegisterProductArgs {
                config: ProductConfig {
                    max_trade_amount: 1,
                    min_profit: 1,
                    max_liquidity_bps: 10_001,
                },
                ..product_args(vec![local_amm::ID])
            },
            PoolError::InvalidBps.into(),
        ),
    ];
    for (signer, args, error) in cases {
        w.refuse(
            &[ix::register_product(
                &w.seed.pool,
                &signer.pubkey(),
                1,
                args,
            )],
            &signer,
            error,
        );
    }
    // a product must sit at the pool's next id
    w.refuse(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            7,
            product_args(vec![]),
        )],
        &admin,
        AnchorError::ConstraintSeeds,
    );
}

#[test]
fn product_toggle_refusals() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let senior = w.voter(Some(1));
    let product = w.seed.product;
    w.refuse(
        &[ix::disable_product(&w.seed.pool, &senior.pubkey(), product)],
        &senior,
        PoolError::InsufficientRole,
    );
    let enable = vec![GovernanceChange::EnableProduct { product }];
    w.refuse(
        &govern(&w, &admin, enable),
        &admin,
        PoolError::ProductStateUnchanged,
    );
    w.set_product_enabled(false);
    let state: Product = w.chain.zero_copy(&product);
    assert!(!state.is_enabled());
    w.refuse(
        &[ix::disable_product(&w.seed.pool, &admin.pubkey(), product)],
        &admin,
        PoolError::ProductStateUnchanged,
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
