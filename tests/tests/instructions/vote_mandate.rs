//! `approve_mandate`, `reject_mandate`, `revoke_mandate`: the trade quorum approves a mandate
//! once, within its vote window; a LEAD or ADMIN can revoke it at any time.
use super::world;
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::{self, PoolEvent};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

fn standing(w: &SeedWorld, mandate: &pool_bot_tests::client::Pubkey) -> MandateStanding {
    w.mandate(mandate)
        .standing(w.chain.now(), w.pool_state().config_version)
}

#[test]
fn the_trade_quorum_approves_a_mandate_and_deposits_queue_while_it_stands() {
    let mut w = world();
    let mandate = w.propose_mandate(w.mandate_terms());
    let vote = |w: &mut SeedWorld, who: usize| {
        let instruction = w.seed.mandate_vote_ix(mandate, Some(who), true);
        let voter = w.voter(Some(who));
        w.chain.send_ok(&[instruction], &[&voter])
    };
    // a SENIOR's approval is not enough: the seed's quorum needs two, one a LEAD's
    vote(&mut w, 1);
    assert_eq!(standing(&w, &mandate), MandateStanding::Pending);
    let meta = vote(&mut w, 0);
    let m = w.mandate(&mandate);
    let now = w.chain.now();
    assert_eq!(standing(&w, &mandate), MandateStanding::Active);
    assert_eq!((m.active_from, m.expires_at), (now, now + 7 * 86_400));
    let [PoolEvent::MandateVoted(event)] = &events::parse(&meta.logs)[..] else {
        panic!("not MandateVoted")
    };
    assert_eq!(
        (event.approvals, event.status),
        (2, MandateStatus::Approved)
    );
    // while it stands a keeper may trade at any moment: new money queues
    assert_eq!(w.pool_state().mandates_active_until, m.expires_at);
    let newcomer = w.new_member(500);
    let deposit = w.deposit_ix(&newcomer, 500 * pool_bot_tests::seed_world::USDC, 0);
    let wallet = newcomer.wallet.insecure_clone();
    w.refuse(&[deposit], &wallet, PoolError::ProposalsLive);
}

#[test]
fn rejections_that_make_the_quorum_unreachable_reject_it() {
    let mut w = world();
    let mandate = w.propose_mandate(w.mandate_terms());
    // without the LEAD's and the ADMIN's approval no quorum can have its lead
    for who in [Some(0), None] {
        let reject = w.seed.mandate_vote_ix(mandate, who, false);
        let voter = w.voter(who);
        w.chain.send_ok(&[reject], &[&voter]);
    }
    assert_eq!(standing(&w, &mandate), MandateStanding::Rejected);
    assert_eq!(w.pool_state().mandates_active_until, 0);
}

#[test]
fn vote_mandate_refusals() {
    let mut w = world();
    let mandate = w.propose_mandate(w.mandate_terms());
    let outsider = w.chain.wallet();
    w.refuse(
        &[ix::approve_mandate(
            &w.seed.pool,
            &outsider.pubkey(),
            mandate,
        )],
        &outsider,
        PoolError::NotValidator,
    );
    let senior = w.voter(Some(1));
    w.chain.send_ok(
        &[w.seed.mandate_vote_ix(mandate, Some(1), true)],
        &[&senior],
    );
    w.refuse(
        &[w.seed.mandate_vote_ix(mandate, Some(1), false)],
        &senior,
        PoolError::AlreadyVoted,
    );
    let long = ix::reject_mandate(&w.seed.pool, &senior.pubkey(), mandate, &"x".repeat(201));
    w.refuse(&[long], &senior, PoolError::TextTooLong);
    // past its vote window
    let ttl = w.pool_state().proposal_ttl;
    w.chain.advance(ttl);
    let lead = w.voter(Some(0));
    w.refuse(
        &[w.seed.mandate_vote_ix(mandate, Some(0), true)],
        &lead,
        PoolError::MandateExpired,
    );
    // a validator change makes a pending mandate stale
    let fresh = w.propose_mandate(w.mandate_terms());
    w.govern(GovernanceChange::Config(ConfigChange {
        required_approvals: Some(1),
        ..Default::default()
    }));
    w.refuse(
        &[w.seed.mandate_vote_ix(fresh, Some(0), true)],
        &lead,
        PoolError::MandateStale,
    );
}

#[test]
fn a_lead_revokes_at_once_and_a_senior_cannot() {
    let mut w = world();
    let mandate = w.active_mandate();
    let senior = w.voter(Some(1));
    w.refuse(
        &[ix::revoke_mandate(&w.seed.pool, &senior.pubkey(), mandate)],
        &senior,
        PoolError::InsufficientRole,
    );
    let keeper = w.seed.keeper.insecure_clone();
    w.refuse(
        &[ix::revoke_mandate(&w.seed.pool, &keeper.pubkey(), mandate)],
        &keeper,
        PoolError::NotValidator,
    );
    let lead = w.voter(Some(0));
    let meta = w.chain.send_ok(
        &[ix::revoke_mandate(&w.seed.pool, &lead.pubkey(), mandate)],
        &[&lead],
    );
    assert!(matches!(
        &events::parse(&meta.logs)[..],
        [PoolEvent::MandateRevoked(e)] if e.by == lead.pubkey()
    ));
    assert_eq!(standing(&w, &mandate), MandateStanding::Revoked);
    let admin = w.voter(None);
    w.refuse(
        &[ix::revoke_mandate(&w.seed.pool, &admin.pubkey(), mandate)],
        &admin,
        PoolError::MandateNotRevocable,
    );
}
