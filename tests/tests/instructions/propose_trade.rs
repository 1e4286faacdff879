//! `propose_trade`: a keeper stores a route within its product's policy for the validators'
//! vote.
use super::{only_event, terms, world};
use anchor_lang::error::ErrorCode as AnchorError;
use litesvm_token::spl_token;
use pool_bot::errors::PoolError;
use pool_bot::route::{LegAccount, RouteLeg};
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::route::pack;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// Proposes `legs` as the keeper, expecting `error`.
fn refuse_proposal(
    w: &mut SeedWorld,
    legs: &[RouteLeg],
    terms: TradeTerms,
    error: impl Into<u32> + std::fmt::Debug + Copy,
) {
    let (instruction, _) = w.propose_ix(legs, terms, w.next_proposal_id());
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(&[instruction], &keeper, error);
}

#[test]
fn propose_trade_opens_a_pending_proposal() {
    let mut w = world();
    let (proposal, meta) = w.propose_arbitrage(1_000 * USDC);
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(
        (state.id, state.proposer, state.product, state.amount_in),
        (0, w.seed.keeper.pubkey(), w.seed.product, 1_000 * USDC)
    );
    let pool = w.pool_state();
    assert_eq!((pool.next_proposal_id, pool.trades_proposed), (1, 1));
    assert_eq!(pool.proposals_live_until, state.expires_at);
    let product: Product = w.chain.zero_copy(&w.seed.product);
    assert_eq!(product.proposals, 1);
    let PoolEvent::TradeProposed(event) = only_event(&meta) else {
        panic!("not TradeProposed")
    };
    assert_eq!(
        (event.proposal, event.id, event.proposer, event.leg_count),
        (proposal.address, 0, w.seed.keeper.pubkey(), 2)
    );
    assert_eq!(
        (event.amount_in, event.expires_at, event.route_hash),
        (1_000 * USDC, state.expires_at, state.route_hash)
    );
}

#[test]
fn the_stored_route_is_the_proposed_route() {
    let mut w = world();
    let (legs, _) = w.arbitrage_route(1_000 * USDC);
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    let stored = pool_bot_tests::client::accounts::proposal_route(&state).unwrap();
    assert_eq!(stored, legs);
    assert_eq!(
        (state.leg_count, state.status()),
        (2, ProposalStatus::Pending)
    );
    assert_eq!(state.expires_at, state.created_at + 3_600);
}

#[test]
fn propose_refuses_wrong_signers_and_states() {
    let mut w = world();
    let (legs, _) = w.arbitrage_route(1_000 * USDC);
    // a validator is not a keeper
    let lead = w.voter(Some(0));
    let id = w.next_proposal_id();
    let route = pack(&legs);
    let by_lead = ix::propose_trade(
        &w.seed.pool,
        &lead.pubkey(),
        w.seed.product,
        id,
        terms(1_000 * USDC),
        &route,
    );
    w.refuse(&[by_lead], &lead, PoolError::NotKeeper);
    // the proposal must sit at the pool's next id
    let skipped = ix::propose_trade(
        &w.seed.pool,
        &w.seed.keeper.pubkey(),
        w.seed.product,
        id + 1,
        terms(1_000 * USDC),
        &route,
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(&[skipped], &keeper, AnchorError::ConstraintSeeds);

    w.set_product_enabled(false);
    refuse_proposal(
        &mut w,
        &legs,
        terms(1_000 * USDC),
        PoolError::ProductDisabled,
    );
    w.set_product_enabled(true);
    w.set_paused(true);
    refuse_proposal(&mut w, &legs, terms(1_000 * USDC), PoolError::PoolPaused);
}

#[test]
fn propose_refuses_bad_numbers() {
    let mut w = world();
    let (legs, _) = w.arbitrage_route(1_000 * USDC);
    let cases = [
        (terms(0), PoolError::ZeroAmount),
        (terms(50_001 * USDC), PoolError::TradeTooLarge),
        // the pool holds 8500 USDC
        (terms(8_501 * USDC), PoolError::TradeExceedsPool),
        (
            TradeTerms {
                min_profit: 51 * USDC,
                ..terms(USDC)
            },
            PoolError::InvalidMinProfit,
        ),
        // below the product's floor of 1 USDC
        (
            TradeTerms {
                min_profit: USDC - 1,
                ..terms(USDC)
            },
            PoolError::InvalidMinProfit,
        ),
    ];
    for (t, error) in cases {
        refuse_proposal(&mut w, &legs, t, error);
    }
}

#[test]
fn propose_refuses_routes_outside_the_policy() {
    let mut w = world();
    let (legs, _) = w.arbitrage_route(1_000 * USDC);
    let t = terms(1_000 * USDC);

    let mut foreign = legs.clone();
    foreign[1].program_id = spl_token::ID;
    refuse_proposal(&mut w, &foreign, t, PoolError::ProgramNotAllowed);

    let mut reentrant = legs.clone();
    reentrant[0].program_id = pool_bot::ID;
    refuse_proposal(&mut w, &reentrant, t, PoolError::RouteSelfInvocation);

    let mut keeper_signs = legs.clone();
    keeper_signs[0].accounts.push(LegAccount {
        pubkey: w.seed.keeper.pubkey(),
        is_signer: true,
        is_writable: false,
    });
    refuse_proposal(&mut w, &keeper_signs, t, PoolError::RouteSignerNotAllowed);

    let mut with_proposal = legs.clone();
    let next = w.seed.pool.proposal(w.next_proposal_id());
    with_proposal[1].accounts.push(LegAccount {
        pubkey: next,
        is_signer: false,
        is_writable: true,
    });
    refuse_proposal(&mut w, &with_proposal, t, PoolError::ProposalInRoute);

    let five: Vec<RouteLeg> = legs.iter().cycle().take(5).cloned().collect();
    refuse_proposal(&mut w, &five, t, PoolError::InvalidRouteLength);
    refuse_proposal(&mut w, &[], t, PoolError::InvalidRouteLength);

    let mut oversized = legs.clone();
    oversized[0].data.resize(65, 0);
    refuse_proposal(&mut w, &oversized, t, PoolError::RouteLegTooLarge);

    // a leg pointing past the remaining accounts
    let id = w.next_proposal_id();
    let (mut instruction, _) = w.propose_ix(&legs, t, id);
    instruction.accounts.pop();
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(&[instruction], &keeper, PoolError::RouteAccountMissing);
}
