//! `expire_proposal`: anyone ends a proposal that ran out of time or went stale, so it can
//! no longer be approved or executed and deposits buy shares at once again.
use super::{approved, only_event, world};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::USDC;
use solana_signer::Signer;

#[test]
fn expire_proposal_ends_a_proposal_past_its_lifetime() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    w.chain.advance(3_600);
    let payer = w.chain.payer.insecure_clone();
    let meta = w.chain.send_ok(
        &[ix::expire_proposal(&w.seed.pool, proposal.address)],
        &[&payer],
    );
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Expired);
    assert_eq!(w.pool_state().trades_expired, 1);
    let PoolEvent::ProposalExpired(event) = only_event(&meta) else {
        panic!("not ProposalExpired")
    };
    assert_eq!((event.proposal, event.stale), (proposal.address, false));
}

#[test]
fn expired_proposals_can_be_neither_approved_nor_executed() {
    let mut w = world();
    let (pending, _) = w.propose_arbitrage(1_000 * USDC);
    let (small, _) = w.arbitrage_route(500 * USDC);
    let approved_one = approved(
        &mut w,
        &small,
        TradeTerms {
            amount_in: 500 * USDC,
            expected_profit: 10 * USDC,
            min_profit: 2 * USDC,
        },
    );
    let payer = w.chain.payer.insecure_clone();
    w.refuse(
        &[ix::expire_proposal(&w.seed.pool, pending.address)],
        &payer,
        PoolError::ProposalStillLive,
    );
    w.chain.advance(3_600);
    let lead = w.voter(Some(0));
    w.refuse(
        &[ix::approve_trade(
            &w.seed.pool,
            &lead.pubkey(),
            pending.address,
        )],
        &lead,
        PoolError::ProposalExpired,
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(
        &[w.execute_ix(&approved_one)],
        &keeper,
        PoolError::ProposalExpired,
    );
    w.chain.send_ok(
        &[
            ix::expire_proposal(&w.seed.pool, pending.address),
            ix::expire_proposal(&w.seed.pool, approved_one.address),
        ],
        &[&payer],
    );
    let state: TradeProposal = w.chain.zero_copy(&pending.address);
    assert_eq!(state.status(), ProposalStatus::Expired);
    assert_eq!(w.pool_state().trades_expired, 2);
}

#[test]
fn a_validator_change_makes_pending_proposals_stale() {
    let mut w = world();
    let (pending, _) = w.propose_arbitrage(1_000 * USDC);
    let (legs, _) = w.arbitrage_route(500 * USDC);
    let ready = approved(
        &mut w,
        &legs,
        TradeTerms {
            amount_in: 500 * USDC,
            expected_profit: 10 * USDC,
            min_profit: 2 * USDC,
        },
    );
    w.govern(GovernanceChange::AddValidator {
        validator: Pubkey::new_unique(),
        role: Role::Junior,
    });
    let lead = w.voter(Some(0));
    w.refuse(
        &[ix::approve_trade(
            &w.seed.pool,
            &lead.pubkey(),
            pending.address,
        )],
        &lead,
        PoolError::ProposalStale,
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(&[w.execute_ix(&ready)], &keeper, PoolError::ProposalStale);
    // stale proposals can be expired at once
    let payer = w.chain.payer.insecure_clone();
    w.chain.send_ok(
        &[ix::expire_proposal(&w.seed.pool, ready.address)],
        &[&payer],
    );
    let state: TradeProposal = w.chain.zero_copy(&ready.address);
    assert_eq!(state.status(), ProposalStatus::Expired);
}
