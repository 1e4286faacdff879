//! The insurance reserve pays only real claims: never a claimant's own vote, never more than
//! the claimant's capital at stake, one open claim per member, and claims expire.
use super::{approved_trade, funded, seed_member};
use pool_bot::errors::PoolError;
use pool_bot::instructions::{FileClaimArgs, WithdrawArgs, WithdrawRequest};
use pool_bot::state::{Claim, ClaimStatus, ConfigChange, GovernanceChange, Role};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::seed_world::{Member, USDC};
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

const RESERVE: u64 = 1_000;

/// The seed pool with its members and 1,000 USDC in the reserve.
fn insured() -> SeedWorld {
    let mut w = SeedWorld::new();
    w.join_members();
    let funder = w.new_member(RESERVE);
    let wallet = funder.wallet.insecure_clone();
    let fund = ix::fund_insurance(&w.seed.pool, &wallet.pubkey(), funder.usdc, RESERVE * USDC);
    w.chain.send_ok(&[fund], &[&wallet]);
    w
}

fn file_ix(w: &SeedWorld, claimant: &Pubkey, amount: u64) -> Instruction {
    let args = FileClaimArgs {
        amount,
        reason: "loss".into(),
        proposal_id: None,
    };
    ix::file_claim(&w.seed.pool, claimant, w.pool_state().next_claim_id, args)
}

fn approve_ix(w: &SeedWorld, voter: &Keypair, claim: Pubkey, pay_to: &Member) -> Instruction {
    let claimant = w.chain.account::<Claim>(&claim).claimant;
    ix::approve_claim(&w.seed.pool, &voter.pubkey(), claim, &claimant, pay_to.usdc)
}

/// The LEAD is also a member: it files a claim and may not vote on it, and the quorum that
/// decides it is counted without it.
#[test]
fn a_claimant_never_votes_on_its_own_claim() {
    let mut w = insured();
    let lead = w.voter(Some(0));
    let lead_member = funded(&mut w, &lead, 500);
    w.chain
        .send_ok(&[w.deposit_ix(&lead_member, 500 * USDC, 0)], &[&lead]);
    let id = w.pool_state().next_claim_id;
    w.chain
        .send_ok(&[file_ix(&w, &lead.pubkey(), 500 * USDC)], &[&lead]);
    let claim = w.seed.pool.claim(id);
    w.refuse(
        &[approve_ix(&w, &lead, claim, &lead_member)],
        &lead,
        PoolError::ClaimantCannotVote,
    );
    // a SENIOR and the ADMIN (the remaining LEAD-or-above) decide it
    let senior = w.voter(Some(1));
    w.chain
        .send_ok(&[approve_ix(&w, &senior, claim, &lead_member)], &[&senior]);
    assert_eq!(
        w.chain.account::<Claim>(&claim).status,
        ClaimStatus::Pending
    );
    let admin = w.voter(None);
    w.chain
        .send_ok(&[approve_ix(&w, &admin, claim, &lead_member)], &[&admin]);
    assert_eq!(w.chain.balance(&lead_member.usdc), 500 * USDC);
}

/// One ADMIN lowers the claim quorum to 1, deposits 100 USDC and claims the whole reserve: the
/// claim is refused above its stake, and its own approval is refused.
#[test]
fn one_admin_cannot_drain_the_reserve() {
    let mut w = insured();
    let admin = w.voter(None);
    w.govern(GovernanceChange::Config(ConfigChange {
        claim_required_approvals: Some(1),
        claim_require_lead_approval: Some(false),
        ..Default::default()
    }));
    let me = funded(&mut w, &admin, 100);
    w.chain
        .send_ok(&[w.deposit_ix(&me, 100 * USDC, 0)], &[&admin]);
    let reserve = w.chain.balance(&w.seed.pool.insurance_vault);
    w.refuse(
        &[file_ix(&w, &admin.pubkey(), reserve)],
        &admin,
        PoolError::ClaimExceedsStake,
    );
    let id = w.pool_state().next_claim_id;
    w.chain
        .send_ok(&[file_ix(&w, &admin.pubkey(), 100 * USDC)], &[&admin]);
    w.refuse(
        &[approve_ix(&w, &admin, w.seed.pool.claim(id), &me)],
        &admin,
        PoolError::ClaimantCannotVote,
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), reserve);
}

/// A member who took out everything it put in has nothing at stake; a second open claim is
/// refused; an undecided claim expires and stops holding the reserve back, and its claimant
/// waits out a cooldown before filing again.
#[test]
fn claims_are_capped_single_and_expire() {
    let mut w = insured();
    let leaver = seed_member(&w, 0);
    let shares = w.position(&leaver).shares;
    let out = ix::withdraw(
        &w.seed.pool,
        &leaver.wallet.pubkey(),
        leaver.usdc,
        WithdrawArgs {
            request: WithdrawRequest::Shares(shares),
            min_amount_out: 0,
        },
    );
    w.chain.send_ok(&[out], &[&leaver.wallet]);
    w.refuse(
        &[file_ix(&w, &leaver.wallet.pubkey(), USDC)],
        &leaver.wallet,
        PoolError::ClaimExceedsStake,
    );

    let member = seed_member(&w, 1);
    let id = w.pool_state().next_claim_id;
    w.chain.send_ok(
        &[file_ix(&w, &member.wallet.pubkey(), 10 * USDC)],
        &[&member.wallet],
    );
    w.refuse(
        &[file_ix(&w, &member.wallet.pubkey(), 10 * USDC)],
        &member.wallet,
        PoolError::ClaimAlreadyOpen,
    );
    let claim = w.seed.pool.claim(id);
    let payer = w.chain.payer.insecure_clone();
    let expire = ix::expire_claim(&w.seed.pool, claim, &member.wallet.pubkey());
    w.refuse(
        std::slice::from_ref(&expire),
        &payer,
        PoolError::ClaimStillOpen,
    );
    w.chain.advance(7 * 86_400);
    let lead = w.voter(Some(0));
    w.refuse(
        &[approve_ix(&w, &lead, claim, &member)],
        &lead,
        PoolError::ClaimExpired,
    );
    w.chain.send_ok(&[expire], &[&payer]);
    assert_eq!(
        w.chain.account::<Claim>(&claim).status,
        ClaimStatus::Expired
    );
    assert_eq!(w.reserve().pending_amount, 0);
    assert_eq!(w.reserve().claims_expired, 1);
    // not at once: one member cannot keep the reserve held back by re-filing
    w.refuse(
        &[file_ix(&w, &member.wallet.pubkey(), 10 * USDC)],
        &member.wallet,
        PoolError::ClaimCooldown,
    );
    w.chain.advance(7 * 86_400);
    w.chain.send_ok(
        &[file_ix(&w, &member.wallet.pubkey(), 10 * USDC)],
        &[&member.wallet],
    );
}

/// After a proposal is approved, the ADMIN sends every gain to the reserve: the approval no
/// longer stands, so the trade cannot run under terms nobody approved.
#[test]
fn an_insurance_share_change_makes_approved_proposals_stale() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w);
    w.govern(GovernanceChange::Config(ConfigChange {
        insurance_bps: Some(10_000),
        ..Default::default()
    }));
    w.refuse(
        &[w.execute_ix(&proposal)],
        &w.seed.keeper.insecure_clone(),
        PoolError::ProposalStale,
    );
}

/// A validator's own claim that its colleagues cannot approve without it (the claim quorum is
/// every SENIOR+ voter): the first approval decides it Denied and the reserve stops holding its
/// amount back (the claimant may file again only after a cooldown), so a claim cannot lock the
/// reserve.
#[test]
fn an_unreachable_claim_is_denied_and_releases_the_reserve() {
    let mut w = insured();
    w.govern(GovernanceChange::Config(ConfigChange {
        claim_required_approvals: Some(4),
        ..Default::default()
    }));
    let lead = w.voter(Some(0));
    let lead_member = funded(&mut w, &lead, 500);
    w.chain
        .send_ok(&[w.deposit_ix(&lead_member, 500 * USDC, 0)], &[&lead]);
    let id = w.pool_state().next_claim_id;
    w.chain
        .send_ok(&[file_ix(&w, &lead.pubkey(), 500 * USDC)], &[&lead]);
    assert_eq!(w.reserve().pending_amount, 500 * USDC);
    let claim = w.seed.pool.claim(id);
    let senior = w.voter(Some(1));
    w.chain
        .send_ok(&[approve_ix(&w, &senior, claim, &lead_member)], &[&senior]);
    assert_eq!(w.chain.account::<Claim>(&claim).status, ClaimStatus::Denied);
    assert_eq!(w.reserve().pending_amount, 0);
    assert_eq!(w.chain.balance(&lead_member.usdc), 0);
    w.refuse(
        &[file_ix(&w, &lead.pubkey(), USDC)],
        &lead,
        PoolError::ClaimCooldown,
    );
}

/// The claim's lead requirement does not vanish when the only LEAD-or-above left is the
/// claimant: two SENIORs cannot pay the ADMIN's claim.
#[test]
fn a_lead_requirement_survives_the_claimant_being_the_lead() {
    let mut w = insured();
    let lead = w.voter(Some(0)).pubkey();
    w.govern(GovernanceChange::SetValidatorRole {
        validator: lead,
        role: Role::Senior,
    });
    let admin = w.voter(None);
    let me = funded(&mut w, &admin, 100);
    w.chain
        .send_ok(&[w.deposit_ix(&me, 100 * USDC, 0)], &[&admin]);
    let id = w.pool_state().next_claim_id;
    w.chain
        .send_ok(&[file_ix(&w, &admin.pubkey(), 100 * USDC)], &[&admin]);
    let claim = w.seed.pool.claim(id);
    let senior = w.voter(Some(1));
    w.chain
        .send_ok(&[approve_ix(&w, &senior, claim, &me)], &[&senior]);
    assert_eq!(w.chain.account::<Claim>(&claim).status, ClaimStatus::Denied);
    assert_eq!(w.chain.balance(&me.usdc), 0);
}
