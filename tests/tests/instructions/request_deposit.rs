//! `request_deposit`: while a proposal is live a deposit waits in the vault, holding no
//! shares, until every proposal live now has ended (`settle_deposit` prices it then).
use super::{only_event, world};
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The SPL Token program's `OwnerMismatch`.
const TOKEN_OWNER_MISMATCH: u32 = 4;

#[test]
fn request_deposit_waits_in_the_vault_until_the_live_proposals_end() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let id = w.pool_state().next_deposit_id;
    let meta = w.chain.send_ok(
        &[ix::request_deposit(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            id,
            600 * USDC,
        )],
        &[&wallet],
    );
    let expires_at = w
        .chain
        .zero_copy::<TradeProposal>(&proposal.address)
        .expires_at;
    let request: DepositRequest = w.chain.account(&w.seed.pool.deposit_request(id));
    assert_eq!(
        (request.depositor, request.amount, request.ready_at),
        (wallet.pubkey(), 600 * USDC, expires_at)
    );
    let position = w.position(&m);
    assert_eq!((position.shares, position.pending_deposit), (0, 600 * USDC));
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 9_100 * USDC);
    let pool = w.pool_state();
    assert_eq!(
        (
            pool.pending_deposits,
            pool.total_assets,
            pool.next_deposit_id
        ),
        (600 * USDC, 8_500 * USDC, id + 1)
    );
    let PoolEvent::DepositRequested(event) = only_event(&meta) else {
        panic!("not DepositRequested")
    };
    assert_eq!(
        (event.id, event.member, event.amount, event.ready_at),
        (id, wallet.pubkey(), 600 * USDC, expires_at)
    );
}

#[test]
fn request_deposit_refusals() {
    let mut w = SeedWorld::new();
    w.join_members();
    w.propose_arbitrage(1_000 * USDC);
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let id = w.pool_state().next_deposit_id;
    let request = |w: &SeedWorld, amount, id| {
        ix::request_deposit(&w.seed.pool, &wallet.pubkey(), m.usdc, id, amount)
    };
    w.refuse(&[request(&w, 0, id)], &wallet, PoolError::ZeroAmount);
    w.refuse(
        &[request(&w, 99 * USDC, id)],
        &wallet,
        PoolError::BelowMinContribution,
    );
    w.refuse(
        &[request(&w, 100 * USDC, id + 1)],
        &wallet,
        AnchorError::ConstraintSeeds,
    );
    // another member's token account cannot pay it
    let (usdc, theirs) = (w.seed.usdc, w.seed.members[0].usdc);
    w.chain.mint_to(&usdc, &theirs, 100 * USDC);
    let mut stolen = request(&w, 100 * USDC, id);
    stolen.accounts[4].pubkey = w.seed.members[0].usdc;
    w.refuse(&[stolen], &wallet, TOKEN_OWNER_MISMATCH);
    let mut elsewhere = request(&w, 100 * USDC, id);
    elsewhere.accounts[5].pubkey = w.chain.token_account(&w.seed.usdc, &wallet.pubkey());
    w.refuse(&[elsewhere], &wallet, PoolError::WrongVault);
    w.set_paused(true);
    w.refuse(
        &[request(&w, 100 * USDC, id)],
        &wallet,
        PoolError::PoolPaused,
    );
    w.set_paused(false);
    w.chain.send_ok(&[request(&w, 100 * USDC, id)], &[&wallet]);
}

#[test]
fn while_a_mandate_stands_a_request_waits_a_proposal_lifetime() {
    let mut w = world();
    w.active_mandate();
    // a day later, no proposal is live: only the mandate makes the deposit wait
    w.chain.advance(86_400);
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let id = w.pool_state().next_deposit_id;
    w.chain.send_ok(
        &[ix::request_deposit(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            id,
            600 * USDC,
        )],
        &[&wallet],
    );
    let request: DepositRequest = w.chain.account(&w.seed.pool.deposit_request(id));
    let ttl = w.pool_state().proposal_ttl;
    assert_eq!(request.ready_at, w.chain.now() + ttl);
}
