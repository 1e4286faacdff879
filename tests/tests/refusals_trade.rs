//! Trade refusals: proposing, voting, expiring, executing and closing proposals. Each test
//! asserts the exact named error and that no account of the pool changed.
use anchor_lang::error::ErrorCode as AnchorError;
use litesvm_token::spl_token;
use local_amm::instructions::SwapArgs;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::route::{LegAccount, RouteLeg};
use pool_bot::state::*;
use pool_bot_tests::client::amm;
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::route::pack;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::{Proposed, SOL, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

fn world() -> SeedWorld {
    let mut w = SeedWorld::new();
    w.join_members();
    w
}

fn terms(amount_in: u64) -> TradeTerms {
    TradeTerms {
        amount_in,
        expected_profit: 50 * USDC,
        min_profit: 10 * USDC,
    }
}

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

/// The arbitrage route whose legs accept any output, so only Pool Bot's own profit check
/// guards the trade.
fn loose_route(w: &SeedWorld, amount_in: u64) -> Vec<RouteLeg> {
    let (mut legs, _) = w.arbitrage_route(amount_in);
    let (cheap_in, dear_in) = (amount_in, {
        let (cu, cs) = w.reserves(&w.seed.cheap);
        local_amm::math::swap_output(amount_in, cu, cs, 30).unwrap()
    });
    let signer = w.seed.pool.pool;
    legs[0] = amm::swap_leg(
        &w.seed.cheap,
        &signer,
        w.seed.pool.vault,
        w.seed.pool_sol,
        &w.seed.usdc,
        SwapArgs {
            amount_in: cheap_in,
            min_amount_out: 1,
        },
    );
    legs[1] = amm::swap_leg(
        &w.seed.dear,
        &signer,
        w.seed.pool_sol,
        w.seed.pool.vault,
        &w.seed.sol,
        SwapArgs {
            amount_in: dear_in,
            min_amount_out: 1,
        },
    );
    legs
}

/// Proposes `legs` with `terms` and has the LEAD and a SENIOR approve it.
fn approved(w: &mut SeedWorld, legs: &[RouteLeg], terms: TradeTerms) -> Proposed {
    let id = w.next_proposal_id();
    let (instruction, proposal) = w.propose_ix(legs, terms, id);
    let keeper = w.seed.keeper.insecure_clone();
    w.chain.send_ok(&[instruction], &[&keeper]);
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(1), true).unwrap();
    proposal
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

#[test]
fn execute_refuses_wrong_signers_states_and_accounts() {
    let mut w = world();
    let (legs, gain) = w.arbitrage_route(1_000 * USDC);
    let t = TradeTerms {
        amount_in: 1_000 * USDC,
        expected_profit: gain as u64,
        min_profit: gain as u64 / 2,
    };
    let keeper = w.seed.keeper.insecure_clone();
    // not yet approved
    let id = w.next_proposal_id();
    let (instruction, proposal) = w.propose_ix(&legs, t, id);
    w.chain.send_ok(&[instruction], &[&keeper]);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProposalNotApproved,
    );
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(2), true).unwrap();

    let stranger = w.chain.wallet();
    let by_stranger = ix::execute_and_distribute(
        &w.seed.pool,
        &stranger.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[by_stranger], &stranger, PoolError::NotKeeper);

    let mut wrong_vault = w.seed.pool;
    wrong_vault.vault = w
        .chain
        .token_account(&w.seed.usdc.clone(), &keeper.pubkey());
    let instruction = ix::execute_and_distribute(
        &wrong_vault,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongVault);
    // the reserve passed as the vault too is caught before any constraint
    let mut reserve_as_vault = w.seed.pool;
    reserve_as_vault.vault = w.seed.pool.insurance_vault;
    let instruction = ix::execute_and_distribute(
        &reserve_as_vault,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(
        &[instruction],
        &keeper,
        AnchorError::ConstraintDuplicateMutableAccount,
    );

    let mut wrong_reserve = w.seed.pool;
    wrong_reserve.insurance_vault = w
        .chain
        .token_account(&w.seed.usdc.clone(), &keeper.pubkey());
    let instruction = ix::execute_and_distribute(
        &wrong_reserve,
        &keeper.pubkey(),
        proposal.address,
        w.seed.product,
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongVault);

    // a route account left out of the transaction
    let mut short = w.execute_ix(&proposal);
    short.accounts.pop();
    let watched = w.watched();
    let before = w.chain.snapshot(&watched);
    let failed = w.chain.send(&[short], &[&keeper]).unwrap_err();
    assert_eq!(
        failed.err,
        solana_transaction_error::TransactionError::InstructionError(
            0,
            solana_instruction::error::InstructionError::MissingAccount
        )
    );
    assert!(before == w.chain.snapshot(&watched));

    w.set_product_enabled(false);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProductDisabled,
    );
    w.set_product_enabled(true);
    w.set_paused(true);
    w.refuse(&[w.execute_ix(&proposal)], &keeper, PoolError::PoolPaused);
    w.set_paused(false);
    w.execute(&proposal)
        .expect("executes once every account is right");
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProposalNotApproved,
    );
}

#[test]
fn execute_refuses_another_products_account() {
    let mut w = world();
    let admin = w.seed.admin.insecure_clone();
    let other = RegisterProductArgs {
        name: "Other".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        leg_rules: vec![pool_bot_tests::client::amm::swap_rule()],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            1,
            other,
        )],
        &[&admin],
    );
    let product = w.seed.pool.product(1);
    w.govern(GovernanceChange::EnableProduct { product });
    let (legs, gain) = w.arbitrage_route(1_000 * USDC);
    let terms = TradeTerms {
        amount_in: 1_000 * USDC,
        expected_profit: gain as u64,
        min_profit: gain as u64 / 2,
    };
    let proposal = approved(&mut w, &legs, terms);
    let keeper = w.seed.keeper.insecure_clone();
    let instruction = ix::execute_and_distribute(
        &w.seed.pool,
        &keeper.pubkey(),
        proposal.address,
        w.seed.pool.product(1),
        &proposal.route,
    );
    w.refuse(&[instruction], &keeper, PoolError::WrongProduct);
}

#[test]
fn a_trade_that_lost_its_edge_fails_and_moves_nothing() {
    let mut w = world();
    let legs = loose_route(&w, 5_000 * USDC);
    let (_, gain) = w.arbitrage_route(5_000 * USDC);
    let gain = gain as u64;
    let proposal = approved(
        &mut w,
        &legs,
        TradeTerms {
            amount_in: 5_000 * USDC,
            expected_profit: gain,
            min_profit: gain * 9 / 10,
        },
    );

    // someone else sells SOL where it was dear first: the same route now gains less
    let trader = w.chain.wallet();
    let (usdc, sol) = (w.seed.usdc, w.seed.sol);
    let trader_usdc = w.chain.token_account(&usdc, &trader.pubkey());
    let trader_sol = w.chain.token_account(&sol, &trader.pubkey());
    w.chain.mint_to(&sol, &trader_sol, 300 * SOL);
    let sell = |amount| {
        amm::swap(
            &w.seed.dear,
            &trader.pubkey(),
            trader_sol,
            trader_usdc,
            &sol,
            SwapArgs {
                amount_in: amount,
                min_amount_out: 1,
            },
        )
    };
    let (first, second) = (sell(40 * SOL), sell(200 * SOL));
    w.chain.send_ok(&[first], &[&trader]);
    let (_, now) = w.arbitrage_route(5_000 * USDC);
    assert!(
        now > 0 && (now as u64) < gain * 9 / 10,
        "gain fell to {now}"
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProfitBelowMinimum,
    );

    // and once the gap has closed the route would lose money: refused the same way
    w.chain.send_ok(&[second], &[&trader]);
    assert!(w.arbitrage_route(5_000 * USDC).1 < 0);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &keeper,
        PoolError::ProfitBelowMinimum,
    );
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 8_500 * USDC);
}

#[test]
fn a_route_that_delegates_the_vault_is_refused() {
    let mut w = world();
    let admin = w.seed.admin.insecure_clone();
    let risky = RegisterProductArgs {
        name: "Raw token calls".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        // token `Approve` (tag 4) from account 0 to a delegate (account 1) the pool owns
        leg_rules: vec![LegRuleArgs {
            program: spl_token::ID,
            discriminator: vec![4],
            source_index: 0,
            destination_index: 1,
            market_index: None,
        }],
        markets: vec![],
    };
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            1,
            risky,
        )],
        &[&admin],
    );
    let product = w.seed.pool.product(1);
    w.govern(GovernanceChange::EnableProduct { product });
    let keeper = w.seed.keeper.insecure_clone();
    let delegate = spl_token::instruction::approve(
        &spl_token::ID,
        &w.seed.pool.vault,
        &w.seed.pool_sol,
        &w.seed.pool.pool,
        &[],
        1,
    )
    .unwrap();
    let legs = vec![pool_bot_tests::client::route::leg(delegate)];
    let t = TradeTerms {
        amount_in: 1,
        expected_profit: 1,
        min_profit: 1,
    };
    let id = w.next_proposal_id();
    let route = pack(&legs);
    let product = w.seed.pool.product(1);
    w.chain.send_ok(
        &[ix::propose_trade(
            &w.seed.pool,
            &keeper.pubkey(),
            product,
            id,
            t,
            &route,
        )],
        &[&keeper],
    );
    let address = w.seed.pool.proposal(id);
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::approve_trade(&w.seed.pool, &voter.pubkey(), address)],
            &[&voter],
        );
    }
    let execute =
        ix::execute_and_distribute(&w.seed.pool, &keeper.pubkey(), address, product, &route);
    w.refuse(&[execute], &keeper, PoolError::VaultAuthorityChanged);
}

#[test]
fn close_proposal_refusals() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let payer = w.chain.payer.insecure_clone();
    let keeper = w.seed.keeper.pubkey();
    w.refuse(
        &[ix::close_proposal(&w.seed.pool, proposal.address, keeper)],
        &payer,
        PoolError::ProposalNotFinished,
    );
    w.chain.advance(3_600);
    w.chain.send_ok(
        &[ix::expire_proposal(&w.seed.pool, proposal.address)],
        &[&payer],
    );
    w.refuse(
        &[ix::close_proposal(
            &w.seed.pool,
            proposal.address,
            payer.pubkey(),
        )],
        &payer,
        PoolError::WrongRentReceiver,
    );
    w.chain.send_ok(
        &[ix::close_proposal(&w.seed.pool, proposal.address, keeper)],
        &[&payer],
    );
    assert!(w.chain.data(&proposal.address).is_empty());
}
