//! `register_product`: an ADMIN adds a product (route policy and limits); it starts disabled.
use super::{only_event, product_args, rule};
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

#[test]
fn register_product_adds_a_disabled_product_at_the_next_id() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let register = ix::register_product(
        &w.seed.pool,
        &admin.pubkey(),
        1,
        product_args(vec![local_amm::ID]),
    );
    let meta = w.chain.send_ok(&[register], &[&admin]);
    let address = w.seed.pool.product(1);
    let product: Product = w.chain.zero_copy(&address);
    assert_eq!(
        (product.id, product.name(), product.category()),
        (1, "Staking", ProductCategory::Staking)
    );
    assert!(!product.is_enabled(), "products start disabled");
    assert_eq!(product.leg_rules().len(), 1);
    assert_eq!(w.pool_state().next_product_id, 2);
    let PoolEvent::ProductRegistered(event) = only_event(&meta) else {
        panic!("not ProductRegistered")
    };
    assert_eq!(
        (event.product, event.id, event.programs),
        (address, 1, vec![local_amm::ID])
    );
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
