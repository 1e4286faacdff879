//! `disable_product`: an ADMIN stops a product at once (enabling is a queued governance
//! change).
use super::{govern, only_event};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn disable_product_stops_the_product_at_once() {
    let mut w = SeedWorld::new();
    let admin = w.seed.admin.insecure_clone();
    let product = w.seed.product;
    let meta = w.chain.send_ok(
        &[ix::disable_product(&w.seed.pool, &admin.pubkey(), product)],
        &[&admin],
    );
    let state: Product = w.chain.zero_copy(&product);
    assert!(!state.is_enabled());
    let PoolEvent::ProductToggled(event) = only_event(&meta) else {
        panic!("not ProductToggled")
    };
    assert_eq!((event.product, event.enabled), (product, false));
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
