//! The validator agent re-simulates stored routes: it approves one that still pays and rejects,
//! with the reason, one whose profit the market took away.
use local_amm::instructions::SwapArgs;
use pool_bot::state::{ProposalStatus, TradeProposal, ValidatorSet};
use pool_bot_client::amm;
use pool_bot_keeper::dex::LocalAmm;
use pool_bot_tests::seed_world::{SOL, USDC};
use pool_bot_tests::SeedWorld;
use pool_bot_validator::{Policy, ValidatorAgent};
use solana_signer::Signer;

fn agent(w: &SeedWorld) -> ValidatorAgent {
    let policy = Policy {
        min_profit: USDC,
        max_amount_in: 50_000 * USDC,
        max_profit_drop_bps: 5_000,
    };
    ValidatorAgent::new(
        &w.chain.embedded,
        &w.seed.pool.pool,
        policy,
        vec![Box::new(LocalAmm)],
    )
    .unwrap()
}

#[test]
fn the_agent_approves_a_route_that_still_pays() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    let lead = w.voter(Some(0));
    let decisions = agent(&w).tick(&mut w.chain.embedded, &lead).unwrap();
    assert_eq!(decisions.len(), 1);
    assert!(decisions[0].approve, "{}", decisions[0].reason);
    assert!(decisions[0].reason.starts_with("re-simulated profit"));
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.approvals.count_ones(), 1);
    // it does not vote twice
    assert!(agent(&w)
        .tick(&mut w.chain.embedded, &lead)
        .unwrap()
        .is_empty());
}

#[test]
fn the_agent_rejects_a_route_that_lost_its_profit() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
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

    let lead = w.voter(Some(0));
    let decisions = agent(&w).tick(&mut w.chain.embedded, &lead).unwrap();
    assert_eq!(decisions.len(), 1);
    assert!(!decisions[0].approve);
    assert!(
        decisions[0].reason.contains("below its minimum"),
        "{}",
        decisions[0].reason
    );
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    let slot = set.slot_of(&lead.pubkey()).unwrap();
    assert_eq!(state.rejections, 1 << slot);
    assert_eq!(state.status(), ProposalStatus::Pending);
}
