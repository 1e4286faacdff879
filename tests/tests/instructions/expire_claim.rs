//! `expire_claim`: anyone ends a claim left undecided past its lifetime; the reserve stops
//! holding its amount back and the claimant waits `claim_ttl` before filing again.
use super::{file, insured, only_event};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use solana_signer::Signer;

#[test]
fn expire_claim_releases_an_undecided_claim_after_its_lifetime() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    let claimant = w.seed.members[0].wallet.pubkey();
    let ttl = w.pool_state().claim_ttl;
    w.chain.advance(ttl);
    let payer = w.chain.payer.insecure_clone();
    let meta = w.chain.send_ok(
        &[ix::expire_claim(&w.seed.pool, claim, &claimant)],
        &[&payer],
    );
    let state: Claim = w.chain.account(&claim);
    assert_eq!(state.status, ClaimStatus::Expired);
    let reserve = w.reserve();
    assert_eq!(
        (
            reserve.pending_claims,
            reserve.pending_amount,
            reserve.claims_expired
        ),
        (0, 0, 1)
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 100 * USDC);
    let position = w.position(&w.seed.members[0]);
    assert_eq!(
        (position.open_claim, position.next_claim_at),
        (0, w.chain.now() + ttl)
    );
    let PoolEvent::ClaimExpired(event) = only_event(&meta) else {
        panic!("not ClaimExpired")
    };
    assert_eq!((event.claim, event.id, event.amount), (claim, 0, 10 * USDC));
}

#[test]
fn expire_claim_refusals() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    let claimant = w.seed.members[0].wallet.pubkey();
    let payer = w.chain.payer.insecure_clone();
    let expire = ix::expire_claim(&w.seed.pool, claim, &claimant);
    w.refuse(
        std::slice::from_ref(&expire),
        &payer,
        PoolError::ClaimStillOpen,
    );
    let ttl = w.pool_state().claim_ttl;
    w.chain.advance(ttl);
    w.chain.send_ok(std::slice::from_ref(&expire), &[&payer]);
    w.refuse(&[expire], &payer, PoolError::ClaimNotPending);
}
