//! The seed document's story end to end on the SBF build: validators LEAD, SENIOR, SENIOR;
//! members depositing 1000 / 5000 / 2500 USDC; an arbitrage approved by quorum and executed
//! through two AMM pools; 5% of the gain in the insurance reserve and the rest in the members'
//! share value, pro rata; a claim paid and another denied.
use pool_bot::instructions::*;
use pool_bot::math::VIRTUAL_SHARES;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::{DEPOSITS, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn seed_story() {
    let mut w = SeedWorld::new();
    w.join_members();

    let pool = w.pool_state();
    assert_eq!(pool.active_members, 3);
    assert_eq!(pool.total_contributed, 8_500 * USDC);
    assert_eq!(
        pool.total_shares,
        8_500 * USDC,
        "1 share = 1 unit at the start"
    );
    for (member, usdc) in w.seed.members.iter().zip(DEPOSITS) {
        assert_eq!(w.position(member).shares, usdc * USDC);
        assert_eq!(w.chain.balance(&member.usdc), 0);
    }
    assert_eq!(w.chain.balance(&w.seed.pool.vault), 8_500 * USDC);

    // The keeper proposes an arbitrage: buy SOL where it is cheap, sell it where it is dear.
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    let expected = proposal.terms.expected_profit;
    assert!(
        expected > 100 * USDC,
        "a 5% price gap on 5000 USDC: got {expected}"
    );

    // Two SENIOR approvals are not enough: a LEAD (or ADMIN) must approve.
    w.vote(&proposal, Some(1), true).unwrap();
    w.vote(&proposal, Some(2), true).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Pending);
    w.vote(&proposal, Some(0), true).unwrap();
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Approved);
    assert_eq!(state.approvals.count_ones(), 3);

    let vault_before = w.chain.balance(&w.seed.pool.vault);
    let meta = w.execute(&proposal).expect("execute_and_distribute");
    assert!(meta
        .logs
        .iter()
        .any(|l| l.contains(&format!("Program {} invoke [2]", local_amm::ID))));

    // The gain is exactly what the constant-product math predicted; 5% went to the reserve.
    let gain = expected;
    let insurance = gain * 500 / 10_000;
    let member_profit = gain - insurance;
    assert_eq!(
        w.chain.balance(&w.seed.pool.vault),
        vault_before + member_profit
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), insurance);
    let reserve = w.reserve();
    assert_eq!(reserve.total_allocated, insurance);
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    assert_eq!(state.status(), ProposalStatus::Executed);
    assert_eq!(state.realised_profit, gain);
    let pool = w.pool_state();
    assert_eq!(pool.total_profit, gain);
    assert_eq!(pool.total_member_profit, member_profit);
    assert_eq!(pool.total_assets, 8_500 * USDC + member_profit);
    assert_eq!(
        (
            pool.trades_proposed,
            pool.trades_approved,
            pool.trades_executed
        ),
        (1, 1, 1)
    );
    let product: Product = w.chain.zero_copy(&w.seed.product);
    assert_eq!(
        (product.proposals, product.executed, product.total_profit),
        (1, 1, gain)
    );

    // Every member's value rose pro rata to their shares: deposit * (1 + member_profit / 8500),
    // less at most the virtual shares' sliver and one unit of rounding.
    let (shares, assets) = (pool.total_shares, pool.total_assets);
    let mut paid_out = 0;
    for (member, usdc) in w.seed.members.iter().zip(DEPOSITS) {
        let position = w.position(member);
        let value = pool_bot::math::assets_for_shares(position.shares, shares, assets).unwrap();
        let pro_rata = usdc * USDC + member_profit * usdc / 8_500;
        let sliver = member_profit * VIRTUAL_SHARES / (shares + VIRTUAL_SHARES) + 1;
        assert!(
            value <= pro_rata && pro_rata - value <= sliver,
            "member {usdc}: {value} vs {pro_rata}"
        );
        paid_out += value;
    }
    assert!(paid_out <= 8_500 * USDC + member_profit);

    // Member 1 withdraws everything and receives its value.
    let first = &w.seed.members[0];
    let all = w.position(first).shares;
    let value = pool_bot::math::assets_for_shares(all, shares, assets).unwrap();
    let withdraw = ix::withdraw(
        &w.seed.pool,
        &first.wallet.pubkey(),
        first.usdc,
        WithdrawArgs {
            request: WithdrawRequest::Shares(all),
            min_amount_out: value,
        },
    );
    let wallet = first.wallet.insecure_clone();
    w.chain.send_ok(&[withdraw], &[&wallet]);
    assert_eq!(w.chain.balance(&w.seed.members[0].usdc), value);
    assert!(value > 1_000 * USDC);
    let position = w.position(&w.seed.members[0]);
    assert_eq!(
        (position.shares, position.status),
        (0, MemberStatus::Withdrawn)
    );
    let pool = w.pool_state();
    assert_eq!((pool.active_members, pool.withdrawn_members), (2, 1));

    // Insurance: a claim approved by two SENIOR+ validators is paid from the reserve.
    let claimant = w.seed.members[1].wallet.insecure_clone();
    let claim_amount = insurance / 2;
    w.chain.send_ok(
        &[ix::file_claim(
            &w.seed.pool,
            &claimant.pubkey(),
            0,
            FileClaimArgs {
                amount: claim_amount,
                reason: "slippage on trade 0".into(),
                proposal_id: Some(0),
            },
        )],
        &[&claimant],
    );
    let claim_key = w.seed.pool.claim(0);
    let lead = w.voter(Some(0));
    let senior = w.voter(Some(1));
    let usdc_1 = w.seed.members[1].usdc;
    w.chain.send_ok(
        &[ix::approve_claim(
            &w.seed.pool,
            &lead.pubkey(),
            claim_key,
            &w.seed.members[1].wallet.pubkey(),
            usdc_1,
        )],
        &[&lead],
    );
    assert_eq!(w.chain.balance(&usdc_1), 0, "one approval does not pay");
    w.chain.send_ok(
        &[ix::approve_claim(
            &w.seed.pool,
            &senior.pubkey(),
            claim_key,
            &w.seed.members[1].wallet.pubkey(),
            usdc_1,
        )],
        &[&senior],
    );
    assert_eq!(w.chain.balance(&usdc_1), claim_amount);
    assert_eq!(
        w.chain.balance(&w.seed.pool.insurance_vault),
        insurance - claim_amount
    );
    let claim: Claim = w.chain.account(&claim_key);
    assert_eq!(claim.status, ClaimStatus::Paid);

    // Another claim is denied once approval can no longer reach the quorum (the LEAD and both
    // SENIORs reject; the ADMIN alone cannot approve).
    let claimant = w.seed.members[2].wallet.insecure_clone();
    w.chain.send_ok(
        &[ix::file_claim(
            &w.seed.pool,
            &claimant.pubkey(),
            1,
            FileClaimArgs {
                amount: claim_amount,
                reason: "felt unlucky".into(),
                proposal_id: None,
            },
        )],
        &[&claimant],
    );
    let denied_key = w.seed.pool.claim(1);
    for who in [Some(0), Some(1), Some(2)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::deny_claim(
                &w.seed.pool,
                &voter.pubkey(),
                denied_key,
                &claimant.pubkey(),
                "no loss shown",
            )],
            &[&voter],
        );
    }
    let claim: Claim = w.chain.account(&denied_key);
    assert_eq!(claim.status, ClaimStatus::Denied);
    assert_eq!(claim.decision_note, "no loss shown");
    let reserve = w.reserve();
    assert_eq!(
        (
            reserve.claims_filed,
            reserve.claims_paid,
            reserve.claims_denied,
            reserve.pending_claims
        ),
        (2, 1, 1, 0)
    );
    assert_eq!(reserve.total_paid, claim_amount);
    assert_eq!(
        w.chain.balance(&w.seed.pool.insurance_vault),
        insurance - claim_amount
    );

    // Finished accounts give their rent back.
    let keeper_before = w.chain.svm().get_balance(&w.seed.keeper.pubkey()).unwrap();
    let payer = w.chain.payer.insecure_clone();
    w.chain.send_ok(
        &[ix::close_proposal(
            &w.seed.pool,
            proposal.address,
            w.seed.keeper.pubkey(),
        )],
        &[&payer],
    );
    assert!(w.chain.svm().get_balance(&w.seed.keeper.pubkey()).unwrap() > keeper_before);
    assert!(w
        .chain
        .svm()
        .get_account(&proposal.address)
        .is_none_or(|a| a.lamports == 0));
    w.chain.send_ok(
        &[ix::close_claim(&w.seed.pool, denied_key, claimant.pubkey())],
        &[&payer],
    );

    // Validators' activity was recorded.
    let set: ValidatorSet = w.chain.zero_copy(&w.seed.pool.validator_set);
    let lead_entry = set.validators()[set.slot_of(&lead.pubkey()).unwrap()];
    assert_eq!((lead_entry.approvals, lead_entry.claim_votes), (1, 2));
}
