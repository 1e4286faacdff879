//! `approve_trade`, `reject_trade`: validators vote on a pending proposal until its quorum
//! is met or can no longer be.
use super::world;
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::{self, PoolEvent};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use solana_signer::Signer;

#[test]
fn approvals_meeting_the_quorum_approve_the_trade() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    // the seed's quorum: two approvals, one of them a LEAD's
    let senior = w.vote(&proposal, Some(1), true).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(
        (state.status(), state.approvals.count_ones()),
        (ProposalStatus::Pending, 1)
    );
    let lead = w.vote(&proposal, Some(0), true).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Approved);
    assert_eq!(w.pool_state().trades_approved, 1);
    for (meta, who, approvals, status) in [
        (senior, 1, 1, ProposalStatus::Pending),
        (lead, 0, 2, ProposalStatus::Approved),
    ] {
        let [PoolEvent::TradeVoted(event)] = &events::parse(&meta.logs)[..] else {
            panic!("not TradeVoted")
        };
        assert_eq!(
            (
                event.validator,
                event.approve,
                event.approvals,
                event.status
            ),
            (w.seed.validators[who].pubkey(), true, approvals, status)
        );
    }
}

#[test]
fn vote_refusals() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let outsider = w.chain.wallet();
    let by_outsider = ix::approve_trade(&w.seed.pool, &outsider.pubkey(), proposal.address);
    w.refuse(&[by_outsider], &outsider, PoolError::NotValidator);
    w.vote(&proposal, Some(1), true).unwrap();
    let senior = w.voter(Some(1));
    w.refuse(
        &[ix::approve_trade(
            &w.seed.pool,
            &senior.pubkey(),
            proposal.address,
        )],
        &senior,
        PoolError::AlreadyVoted,
    );
    w.refuse(
        &[ix::reject_trade(
            &w.seed.pool,
            &senior.pubkey(),
            proposal.address,
            "changed my mind",
        )],
        &senior,
        PoolError::AlreadyVoted,
    );
    let lead = w.voter(Some(0));
    let rambling = "x".repeat(201);
    w.refuse(
        &[ix::reject_trade(
            &w.seed.pool,
            &lead.pubkey(),
            proposal.address,
            &rambling,
        )],
        &lead,
        PoolError::TextTooLong,
    );
    w.vote(&proposal, Some(0), true).unwrap();
    let other = w.voter(Some(2));
    w.refuse(
        &[ix::approve_trade(
            &w.seed.pool,
            &other.pubkey(),
            proposal.address,
        )],
        &other,
        PoolError::ProposalNotPending,
    );
}

#[test]
fn rejection_counts_once_quorum_is_unreachable() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    // the ADMIN and the LEAD are the only lead voters: both rejecting decides it
    w.vote(&proposal, None, false).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Pending);
    w.vote(&proposal, Some(0), false).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Rejected);
    assert_eq!(w.pool_state().trades_rejected, 1);
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProposalNotApproved,
    );
    let payer = w.chain.payer.insecure_clone();
    w.refuse(
        &[ix::expire_proposal(&w.seed.pool, proposal.address)],
        &payer,
        PoolError::ProposalFinished,
    );
}
