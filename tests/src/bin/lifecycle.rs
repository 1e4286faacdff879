//! The seed document's pool lifecycle on the embedded chain (LiteSVM running the SBF builds),
//! printed step by step: validators, members, an arbitrage proposed, approved by quorum and
//! executed, the gain split between the insurance reserve and the members, a claim paid and
//! one denied. Every step is a real transaction.
//!
//! `scripts/run.sh` (builds the programs first) or `cargo run -p pool-bot-tests --bin lifecycle`.
use pool_bot::instructions::FileClaimArgs;
use pool_bot::math::assets_for_shares;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::{DEPOSITS, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

fn usdc(units: u64) -> String {
    format!("{}.{:06} USDC", units / USDC, units % USDC)
}

fn main() {
    let mut w = SeedWorld::new();
    let pool = w.pool_state();
    println!("Pool \"{}\" at {}", pool.name(), w.pool.pool);
    println!(
        "  validators: ADMIN {}, LEAD, SENIOR, SENIOR; quorum {} with a lead",
        w.admin.pubkey(),
        pool.required_approvals
    );

    w.join_members();
    for (m, amount) in w.members.iter().zip(DEPOSITS) {
        println!(
            "  member {} deposited {} for {} shares",
            m.wallet.pubkey(),
            usdc(amount * USDC),
            w.position(m).shares
        );
    }

    let (cheap, dear) = (w.reserves(&w.cheap), w.reserves(&w.dear));
    println!(
        "Market: SOL at {:.2} USDC on AMM pool 0, {:.2} on pool 1",
        cheap.0 as f64 / cheap.1 as f64 * 1_000.0,
        dear.0 as f64 / dear.1 as f64 * 1_000.0
    );
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    println!(
        "Keeper proposed #{}: buy SOL on pool 0, sell on pool 1, {} in, expects {}, minimum {}",
        proposal.id,
        usdc(proposal.terms.amount_in),
        usdc(proposal.terms.expected_profit),
        usdc(proposal.terms.min_profit)
    );
    for (who, name) in [(Some(1), "SENIOR"), (Some(0), "LEAD")] {
        w.vote(&proposal, who, true).expect("vote");
        let state: TradeProposal = w.chain.zero_copy(&proposal.address);
        println!("  {name} approved: {:?}", state.status());
    }
    w.execute(&proposal).expect("execute_and_distribute");
    let pool = w.pool_state();
    let reserve = w.reserve();
    println!("Executed: gain {}", usdc(pool.total_profit));
    println!(
        "  insurance reserve +{} (5%)",
        usdc(reserve.total_allocated)
    );
    println!(
        "  members +{} (95%), through the share value:",
        usdc(pool.total_member_profit)
    );
    for (m, amount) in w.members.iter().zip(DEPOSITS) {
        let value =
            assets_for_shares(w.position(m).shares, pool.total_shares, pool.total_assets).unwrap();
        println!(
            "    {} -> {} (+{})",
            usdc(amount * USDC),
            usdc(value),
            usdc(value - amount * USDC)
        );
    }

    let claimant = w.members[0].wallet.insecure_clone();
    let claim_args = FileClaimArgs {
        amount: reserve.total_allocated / 2,
        reason: "slippage".into(),
        proposal_id: Some(0),
    };
    w.chain.send_ok(
        &[ix::file_claim(&w.pool, &claimant.pubkey(), 0, claim_args)],
        &[&claimant],
    );
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        let pay = ix::approve_claim(&w.pool, &voter.pubkey(), w.pool.claim(0), w.members[0].usdc);
        w.chain.send_ok(&[pay], &[&voter]);
    }
    let other = w.members[1].wallet.insecure_clone();
    let claim_args = FileClaimArgs {
        amount: USDC,
        reason: "no loss".into(),
        proposal_id: None,
    };
    w.chain.send_ok(
        &[ix::file_claim(&w.pool, &other.pubkey(), 1, claim_args)],
        &[&other],
    );
    for who in [None, Some(0), Some(2)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::deny_claim(
                &w.pool,
                &voter.pubkey(),
                w.pool.claim(1),
                "no loss shown",
            )],
            &[&voter],
        );
    }
    let reserve = w.reserve();
    println!(
        "Insurance: claim 0 paid {}, claim 1 denied; reserve holds {}",
        usdc(reserve.total_paid),
        usdc(w.chain.balance(&w.pool.insurance_vault))
    );
    let pool = w.pool_state();
    println!(
        "Pool: {} members, capital {}, trades proposed/approved/executed {}/{}/{}, ROI {:.3}%",
        pool.active_members,
        usdc(pool.total_contributed),
        pool.trades_proposed,
        pool.trades_approved,
        pool.trades_executed,
        pool.total_member_profit as f64 / pool.total_contributed as f64 * 100.0
    );
}
