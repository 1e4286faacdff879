//! `approve_claim`, `deny_claim`: SENIOR+ validators other than the claimant decide a claim;
//! the approval meeting the claim quorum pays the claimant from the reserve.
use super::{approve, deny, file, insured};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::{self, PoolEvent};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::USDC;
use solana_signer::Signer;

#[test]
fn approvals_meeting_the_claim_quorum_pay_the_claimant() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    let before = w.chain.balance(&w.seed.members[0].usdc);
    let lead = w.voter(Some(0));
    w.chain.send_ok(&[approve(&w, &lead, claim, 0)], &[&lead]);
    let state: Claim = w.chain.account(&claim);
    assert_eq!(state.status, ClaimStatus::Pending);
    let senior = w.voter(Some(1));
    let meta = w
        .chain
        .send_ok(&[approve(&w, &senior, claim, 0)], &[&senior]);
    let state: Claim = w.chain.account(&claim);
    assert_eq!(state.status, ClaimStatus::Paid);
    assert_eq!(w.chain.balance(&w.seed.members[0].usdc), before + 10 * USDC);
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 90 * USDC);
    let reserve = w.reserve();
    assert_eq!(
        (
            reserve.total_paid,
            reserve.claims_paid,
            reserve.pending_amount
        ),
        (10 * USDC, 1, 0)
    );
    let position = w.position(&w.seed.members[0]);
    assert_eq!((position.claims_paid, position.open_claim), (10 * USDC, 0));
    let [PoolEvent::ClaimVoted(event)] = &events::parse(&meta.logs)[..] else {
        panic!("not ClaimVoted")
    };
    assert_eq!(
        (
            event.validator,
            event.status,
            event.paid,
            event.reserve_balance
        ),
        (senior.pubkey(), ClaimStatus::Paid, 10 * USDC, 90 * USDC)
    );
}

#[test]
fn claim_vote_refusals() {
    let mut w = insured();
    let junior = w.chain.wallet();
    w.govern(GovernanceChange::AddValidator {
        validator: junior.pubkey(),
        role: Role::Junior,
    });
    let claim = file(&mut w, 0, 0, 10 * USDC);

    w.refuse(
        &[approve(&w, &junior, claim, 0)],
        &junior,
        PoolError::InsufficientRole,
    );
    let deny_junior = deny(&w, &junior, claim, "no");
    w.refuse(&[deny_junior], &junior, PoolError::InsufficientRole);
    let outsider = w.chain.wallet();
    w.refuse(
        &[approve(&w, &outsider, claim, 0)],
        &outsider,
        PoolError::NotValidator,
    );

    let lead = w.voter(Some(0));
    w.chain.send_ok(&[approve(&w, &lead, claim, 0)], &[&lead]);
    w.refuse(
        &[approve(&w, &lead, claim, 0)],
        &lead,
        PoolError::AlreadyVoted,
    );
    w.refuse(
        &[deny(&w, &lead, claim, "no")],
        &lead,
        PoolError::AlreadyVoted,
    );

    // the payment must go to the claimant's own account of the pool's asset
    let senior = w.voter(Some(1));
    let to_other = approve(&w, &senior, claim, 1);
    w.refuse(&[to_other], &senior, PoolError::WrongTokenOwner);
    let claimant_sol = w
        .chain
        .token_account(&w.seed.sol.clone(), &w.seed.members[0].wallet.pubkey());
    let claimant = w.seed.members[0].wallet.pubkey();
    let wrong_mint = ix::approve_claim(
        &w.seed.pool,
        &senior.pubkey(),
        claim,
        &claimant,
        claimant_sol,
    );
    w.refuse(&[wrong_mint], &senior, PoolError::WrongMint);
    let long = "x".repeat(201);
    w.refuse(
        &[deny(&w, &senior, claim, &long)],
        &senior,
        PoolError::TextTooLong,
    );

    w.chain
        .send_ok(&[approve(&w, &senior, claim, 0)], &[&senior]);
    assert_eq!(w.chain.balance(&w.seed.members[0].usdc), 10 * USDC);
    let other = w.voter(Some(2));
    w.refuse(
        &[approve(&w, &other, claim, 0)],
        &other,
        PoolError::ClaimNotPending,
    );
}

#[test]
fn a_validator_change_restarts_claim_votes() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    let lead = w.voter(Some(0));
    w.chain.send_ok(&[approve(&w, &lead, claim, 0)], &[&lead]);
    w.govern(GovernanceChange::AddValidator {
        validator: Pubkey::new_unique(),
        role: Role::Senior,
    });
    // the earlier approval was cast under the old set: one new approval is not a quorum
    let senior = w.voter(Some(1));
    w.chain
        .send_ok(&[approve(&w, &senior, claim, 0)], &[&senior]);
    let state: Claim = w.chain.account(&claim);
    assert_eq!(
        (state.status, state.approvals.count_ones()),
        (ClaimStatus::Pending, 1)
    );
    w.chain.send_ok(&[approve(&w, &lead, claim, 0)], &[&lead]);
    let state: Claim = w.chain.account(&claim);
    assert_eq!(state.status, ClaimStatus::Paid);
}
