//! Insurance refusals: filing, voting on and closing claims. Each test asserts the exact named
//! error and that no account of the pool changed.
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The seed pool with members and 100 USDC in the insurance reserve.
fn insured() -> SeedWorld {
    let mut w = SeedWorld::new();
    w.join_members();
    let funder = w.new_member(100);
    let wallet = funder.wallet.insecure_clone();
    w.chain.send_ok(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            funder.usdc,
            100 * USDC,
        )],
        &[&wallet],
    );
    w
}

fn claim_args(amount: u64) -> FileClaimArgs {
    FileClaimArgs {
        amount,
        reason: "route failed mid-way".into(),
        proposal_id: None,
    }
}

/// Member `index` files claim `id` for `amount`.
fn file(w: &mut SeedWorld, index: usize, id: u64, amount: u64) -> Pubkey {
    let member = w.seed.members[index].wallet.insecure_clone();
    w.chain.send_ok(
        &[ix::file_claim(
            &w.seed.pool,
            &member.pubkey(),
            id,
            claim_args(amount),
        )],
        &[&member],
    );
    w.seed.pool.claim(id)
}

fn approve(
    w: &SeedWorld,
    voter: &Keypair,
    claim: Pubkey,
    index: usize,
) -> solana_instruction::Instruction {
    let state: Claim = w.chain.account(&claim);
    ix::approve_claim(
        &w.seed.pool,
        &voter.pubkey(),
        claim,
        &state.claimant,
        w.seed.members[index].usdc,
    )
}

fn deny(
    w: &SeedWorld,
    voter: &Keypair,
    claim: Pubkey,
    reason: &str,
) -> solana_instruction::Instruction {
    let state: Claim = w.chain.account(&claim);
    ix::deny_claim(
        &w.seed.pool,
        &voter.pubkey(),
        claim,
        &state.claimant,
        reason,
    )
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

#[test]
fn close_claim_refusals() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    let claimant = w.seed.members[0].wallet.pubkey();
    let payer = w.chain.payer.insecure_clone();
    w.refuse(
        &[ix::close_claim(&w.seed.pool, claim, claimant)],
        &payer,
        PoolError::ClaimNotFinished,
    );
    for who in [Some(0), Some(1), Some(2)] {
        let voter = w.voter(who);
        w.chain
            .send_ok(&[deny(&w, &voter, claim, "not a loss")], &[&voter]);
    }
    w.refuse(
        &[ix::close_claim(&w.seed.pool, claim, payer.pubkey())],
        &payer,
        PoolError::WrongRentReceiver,
    );
    let before = w.chain.svm().get_balance(&claimant).unwrap();
    w.chain
        .send_ok(&[ix::close_claim(&w.seed.pool, claim, claimant)], &[&payer]);
    assert!(w.chain.svm().get_balance(&claimant).unwrap() > before);
    assert_eq!(w.reserve().claims_denied, 1);
}
