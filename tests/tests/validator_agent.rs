//! The validator agent re-simulates stored routes: it approves an honest route that still pays,
//! and rejects, naming the failed check, one the market moved, one with a leg that is not a
//! swap, one that spends more of the vault than it declares and one whose declared minimum
//! profit gives most of the gain away. (A route that pays the keeper cannot be proposed at all:
//! `attacks::routes`.)
use litesvm_token::spl_token;
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::RegisterProductArgs;
use pool_bot::route::RouteLeg;
use pool_bot::state::{
    GovernanceChange, LegRuleArgs, MandateTerms, ProductCategory, ProductConfig, ProposalStatus,
    TradeProposal, ValidatorSet,
};
use pool_bot_client::amm;
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::route::{leg, pack};
use pool_bot_client::Pubkey;
use pool_bot_tests::seed_world::{SOL, USDC};
use pool_bot_tests::SeedWorld;
use pool_bot_validator::{Decision, Policy, ValidatorAgent};
use solana_signer::Signer;

fn agent(w: &SeedWorld) -> ValidatorAgent {
    let policy = Policy::new(USDC, 50_000 * USDC);
    ValidatorAgent::new(
        &w.chain.embedded,
        &w.seed.pool.pool,
        policy,
        pool_bot_dex::all(),
    )
    .unwrap()
}

/// The LEAD's agent votes on the one open proposal; its decision.
fn lead_decides(w: &mut SeedWorld) -> Decision {
    let lead = w.voter(Some(0));
    let mut decisions = agent(w).tick(&mut w.chain.embedded, &lead).unwrap();
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    decisions.remove(0)
}

/// Asserts the LEAD's agent rejected `proposal` on chain, for a reason containing `why`.
fn assert_rejected(w: &SeedWorld, proposal: Pubkey, decision: &Decision, why: &str) {
    assert!(
        !decision.approve && decision.reason.contains(why),
        "expected a rejection for '{why}', got {decision:?}"
    );
    let state: TradeProposal = w.chain.zero_copy(&proposal);
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    let slot = set.slot_of(&w.voter(Some(0)).pubkey()).unwrap();
    assert_eq!(state.rejections, 1 << slot);
    assert_eq!(state.approvals, 0);
}

/// The keeper proposes `legs` with `terms` under product `product_id`; the proposal's address.
fn propose(w: &mut SeedWorld, product_id: u64, legs: &[RouteLeg], terms: TradeTerms) -> Pubkey {
    let keeper = w.seed.keeper.insecure_clone();
    let id = w.next_proposal_id();
    let propose = ix::propose_trade(
        &w.seed.pool,
        &keeper.pubkey(),
        w.seed.pool.product(product_id),
        id,
        terms,
        &pack(legs),
    );
    w.chain.send_ok(&[propose], &[&keeper]);
    w.seed.pool.proposal(id)
}

/// Terms an honest keeper declares: what the route spends, its gain, and a minimum 1% below it
/// (the keeper's default slippage).
fn honest_terms(amount_in: u64, gain: i128) -> TradeTerms {
    let gain = u64::try_from(gain).expect("a gain");
    TradeTerms {
        amount_in,
        expected_profit: gain,
        min_profit: gain * 99 / 100,
    }
}

#[test]
fn the_agent_approves_an_honest_route_that_still_pays() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (legs, gain) = w.arbitrage_route(5_000 * USDC);
    let proposal = propose(&mut w, 0, &legs, honest_terms(5_000 * USDC, gain));
    let decision = lead_decides(&mut w);
    assert!(decision.approve, "{}", decision.reason);
    assert_eq!(decision.reason, format!("re-simulated profit {gain}"));
    let state: TradeProposal = w.chain.zero_copy(&proposal);
    assert_eq!(state.approvals.count_ones(), 1);
    // it does not vote twice
    let lead = w.voter(Some(0));
    assert!(agent(&w)
        .tick(&mut w.chain.embedded, &lead)
        .unwrap()
        .is_empty());
}

#[test]
fn the_agent_rejects_a_route_that_lost_its_profit() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (legs, gain) = w.arbitrage_route(5_000 * USDC);
    let proposal = propose(&mut w, 0, &legs, honest_terms(5_000 * USDC, gain));
    // a trader sells SOL where it was dear: the stored route can no longer pay its minimums
    let trader = w.chain.wallet();
    let (usdc, sol) = (w.seed.usdc, w.seed.sol);
    let t_sol = w.chain.token_account(&sol, &trader.pubkey());
    let t_usdc = w.chain.token_account(&usdc, &trader.pubkey());
    w.chain.mint_to(&sol, &t_sol, 300 * SOL);
    let sell = amm::swap(
        &w.seed.dear,
        &trader.pubkey(),
        t_sol,
        t_usdc,
        &sol,
        SwapArgs {
            amount_in: 300 * SOL,
            min_amount_out: 1,
        },
    );
    w.chain.send_ok(&[sell], &[&trader]);

    let decision = lead_decides(&mut w);
    assert_rejected(&w, proposal, &decision, "below its minimum");
    let state: TradeProposal = w.chain.zero_copy(&proposal);
    assert_eq!(state.status(), ProposalStatus::Pending);
}

#[test]
fn the_agent_rejects_a_leg_that_is_not_a_swap() {
    let mut w = SeedWorld::new();
    w.join_members();
    // a product whose routes may also call the token program directly
    let admin = w.seed.admin.insecure_clone();
    let raw = RegisterProductArgs {
        name: "Arbitrage with token calls".into(),
        category: ProductCategory::Arbitrage,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: USDC,
            max_liquidity_bps: 1_000,
        },
        // also token `Approve` (tag 4) from account 0 to a delegate (account 1) the pool owns
        leg_rules: vec![
            pool_bot_tests::client::amm::swap_rule(),
            LegRuleArgs {
                program: spl_token::ID,
                discriminator: vec![4],
                source_index: 0,
                destination_index: 1,
                market_index: None,
            },
        ],
        markets: vec![],
    };
    let register = ix::register_product(&w.seed.pool, &admin.pubkey(), 1, raw);
    w.chain.send_ok(&[register], &[&admin]);
    let product = w.seed.pool.product(1);
    w.govern(GovernanceChange::EnableProduct { product });

    // the honest arbitrage, plus a standing approval of the pool's SOL account (to an account
    // the pool owns: the program's rule lets nothing else through)
    let (mut legs, gain) = w.arbitrage_route(5_000 * USDC);
    let approve = spl_token::instruction::approve(
        &spl_token::ID,
        &w.seed.pool_sol,
        &w.seed.pool.vault,
        &w.seed.pool.pool,
        &[],
        u64::MAX,
    )
    .unwrap();
    legs.push(leg(approve));
    let proposal = propose(&mut w, 1, &legs, honest_terms(5_000 * USDC, gain));

    let decision = lead_decides(&mut w);
    assert_rejected(&w, proposal, &decision, "leg 2 is not a swap");
}

#[test]
fn the_agent_rejects_a_route_that_spends_more_than_it_declares() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (legs, gain) = w.arbitrage_route(5_000 * USDC);
    let understated = TradeTerms {
        amount_in: 500 * USDC,
        ..honest_terms(5_000 * USDC, gain)
    };
    let proposal = propose(&mut w, 0, &legs, understated);

    let decision = lead_decides(&mut w);
    assert_rejected(
        &w,
        proposal,
        &decision,
        "the route spends 5000000000 of the vault, not the declared amount_in 500000000",
    );
}

#[test]
fn the_agent_rejects_a_minimum_profit_far_below_the_resimulated_gain() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (legs, gain) = w.arbitrage_route(5_000 * USDC);
    let lowballed = TradeTerms {
        min_profit: USDC,
        ..honest_terms(5_000 * USDC, gain)
    };
    let proposal = propose(&mut w, 0, &legs, lowballed);

    let decision = lead_decides(&mut w);
    assert_rejected(
        &w,
        proposal,
        &decision,
        &format!(
            "declared min_profit 1000000 is more than 300 bps below the re-simulated profit {gain}"
        ),
    );
}

/// The LEAD's agent votes on the one pending mandate; its decision.
fn lead_decides_mandate(w: &mut SeedWorld, policy: Policy) -> Decision {
    let lead = w.voter(Some(0));
    let mut agent = ValidatorAgent::new(
        &w.chain.embedded,
        &w.seed.pool.pool,
        policy,
        pool_bot_dex::all(),
    )
    .unwrap();
    let mut decisions = agent.tick(&mut w.chain.embedded, &lead).unwrap();
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    decisions.remove(0)
}

#[test]
fn the_agent_approves_a_mandate_within_its_policy() {
    let mut w = SeedWorld::new();
    w.join_members();
    let mandate = w.propose_mandate(w.mandate_terms());
    // the seed's mandate: 5,000 a trade, 100,000 a day, 7 days
    let decision = lead_decides_mandate(&mut w, Policy::new(USDC, 50_000 * USDC));
    assert!(decision.approve, "{}", decision.reason);
    assert_eq!(decision.account, mandate);
    let state = w.mandate(&mandate);
    assert_eq!((state.approvals.count_ones(), state.rejections), (1, 0));
}

#[test]
fn the_agent_rejects_a_mandate_outside_its_policy_naming_the_check() {
    type Terms = Box<dyn Fn(&SeedWorld) -> MandateTerms>;
    let cases: Vec<(Terms, Policy, &str)> = vec![
        (
            Box::new(|w| w.mandate_terms()),
            Policy::new(USDC, 4_000 * USDC),
            "above the policy's max_amount_in",
        ),
        (
            Box::new(|w| w.mandate_terms()),
            Policy::new(2 * USDC, 50_000 * USDC),
            "below the policy's min_profit",
        ),
        (
            // 100,000 USDC an hour is 2.4 M a day
            Box::new(|w| MandateTerms {
                period: 3_600,
                ..w.mandate_terms()
            }),
            Policy::new(USDC, 50_000 * USDC),
            "a day is above the policy's",
        ),
        (
            Box::new(|w| MandateTerms {
                duration: 8 * 86_400,
                ..w.mandate_terms()
            }),
            Policy::new(USDC, 50_000 * USDC),
            "longer than the policy's 7 days",
        ),
    ];
    for (terms, policy, why) in cases {
        let mut w = SeedWorld::new();
        w.join_members();
        let mandate = w.propose_mandate(terms(&w));
        let decision = lead_decides_mandate(&mut w, policy);
        assert!(
            !decision.approve && decision.reason.contains(why),
            "expected '{why}', got {decision:?}"
        );
        assert_eq!(w.mandate(&mandate).rejections.count_ones(), 1);
    }
}
