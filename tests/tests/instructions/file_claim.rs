//! `file_claim`: a member asks the insurance reserve for at most their stake; the amount is
//! held back until the claim is decided or expires.
use super::{approve, claim_args, file, insured, only_event};
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

#[test]
fn file_claim_holds_the_amount_back_in_the_reserve() {
    let mut w = insured();
    let member = w.seed.members[0].wallet.insecure_clone();
    let meta = w.chain.send_ok(
        &[ix::file_claim(
            &w.seed.pool,
            &member.pubkey(),
            0,
            claim_args(10 * USDC),
        )],
        &[&member],
    );
    let address = w.seed.pool.claim(0);
    let claim: Claim = w.chain.account(&address);
    assert_eq!(
        (claim.claimant, claim.amount, claim.status),
        (member.pubkey(), 10 * USDC, ClaimStatus::Pending)
    );
    let reserve = w.reserve();
    assert_eq!(
        (
            reserve.pending_claims,
            reserve.pending_amount,
            reserve.claims_filed
        ),
        (1, 10 * USDC, 1)
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 100 * USDC);
    assert_eq!(w.position(&w.seed.members[0]).open_claim, 1);
    assert_eq!(w.pool_state().next_claim_id, 1);
    let PoolEvent::ClaimFiled(event) = only_event(&meta) else {
        panic!("not ClaimFiled")
    };
    assert_eq!(
        (event.claim, event.id, event.claimant, event.amount),
        (address, 0, member.pubkey(), 10 * USDC)
    );
}

#[test]
fn file_claim_refusals() {
    let mut w = insured();
    let member = w.seed.members[0].wallet.insecure_clone();
    let file_ix = |w: &SeedWorld, args| ix::file_claim(&w.seed.pool, &member.pubkey(), 0, args);
    w.refuse(
        &[file_ix(&w, claim_args(0))],
        &member,
        PoolError::ZeroAmount,
    );
    w.refuse(
        &[file_ix(&w, claim_args(100 * USDC + 1))],
        &member,
        PoolError::ClaimExceedsReserve,
    );
    let long = FileClaimArgs {
        reason: "x".repeat(201),
        ..claim_args(USDC)
    };
    w.refuse(&[file_ix(&w, long)], &member, PoolError::TextTooLong);

    // only members may claim: an outsider has no position, and may not borrow one
    let outsider = w.chain.wallet();
    let no_position = ix::file_claim(&w.seed.pool, &outsider.pubkey(), 0, claim_args(USDC));
    w.refuse(
        &[no_position],
        &outsider,
        AnchorError::AccountNotInitialized,
    );
    let mut borrowed = ix::file_claim(&w.seed.pool, &outsider.pubkey(), 0, claim_args(USDC));
    borrowed.accounts[2].pubkey = w.seed.pool.member(&member.pubkey());
    w.refuse(&[borrowed], &outsider, PoolError::NotMember);
    // a claim may only name a proposal the pool has issued (none yet)
    let unknown = FileClaimArgs {
        proposal_id: Some(0),
        ..claim_args(USDC)
    };
    w.refuse(&[file_ix(&w, unknown)], &member, PoolError::UnknownProposal);
    // a claim must sit at the pool's next id
    let skipped = ix::file_claim(&w.seed.pool, &member.pubkey(), 5, claim_args(USDC));
    w.refuse(&[skipped], &member, AnchorError::ConstraintSeeds);
}

#[test]
fn pending_claims_never_promise_more_than_the_reserve() {
    let mut w = insured();
    let first = file(&mut w, 0, 0, 70 * USDC);
    // 30 of the reserve's 100 USDC are not yet promised: 31 is refused, 30 accepted
    let second_member = w.seed.members[1].wallet.insecure_clone();
    let too_much = ix::file_claim(
        &w.seed.pool,
        &second_member.pubkey(),
        1,
        claim_args(30 * USDC + 1),
    );
    w.refuse(&[too_much], &second_member, PoolError::ClaimExceedsReserve);
    let second = file(&mut w, 1, 1, 30 * USDC);
    // both are paid in full, whatever the order of the votes
    for (claim, index) in [(second, 1), (first, 0)] {
        for who in [Some(0), Some(1)] {
            let voter = w.voter(who);
            w.chain
                .send_ok(&[approve(&w, &voter, claim, index)], &[&voter]);
        }
        let state: Claim = w.chain.account(&claim);
        assert_eq!(state.status, ClaimStatus::Paid);
    }
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 0);
    assert_eq!(w.reserve().pending_amount, 0);
}
