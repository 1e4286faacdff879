//! `close_proposal`, `close_claim`: anyone closes a finished proposal or claim; its rent goes
//! back to the keeper who proposed it or the member who filed it.
use super::{deny, file, insured, only_event, world};
use pool_bot::errors::PoolError;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use solana_signer::Signer;

#[test]
fn closing_a_finished_proposal_returns_its_rent_to_the_keeper() {
    let mut w = world();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    w.chain.advance(3_600);
    let payer = w.chain.payer.insecure_clone();
    w.chain.send_ok(
        &[ix::expire_proposal(&w.seed.pool, proposal.address)],
        &[&payer],
    );
    let keeper = w.seed.keeper.pubkey();
    let rent = w.chain.svm().get_balance(&proposal.address).unwrap();
    let before = w.chain.svm().get_balance(&keeper).unwrap();
    let meta = w.chain.send_ok(
        &[ix::close_proposal(&w.seed.pool, proposal.address, keeper)],
        &[&payer],
    );
    assert!(w.chain.data(&proposal.address).is_empty());
    assert_eq!(w.chain.svm().get_balance(&keeper).unwrap(), before + rent);
    let PoolEvent::AccountClosed(event) = only_event(&meta) else {
        panic!("not AccountClosed")
    };
    assert_eq!((event.account, event.rent_to), (proposal.address, keeper));
}

#[test]
fn closing_a_decided_claim_returns_its_rent_to_the_claimant() {
    let mut w = insured();
    let claim = file(&mut w, 0, 0, 10 * USDC);
    for who in [Some(0), Some(1), Some(2)] {
        let voter = w.voter(who);
        w.chain
            .send_ok(&[deny(&w, &voter, claim, "not a loss")], &[&voter]);
    }
    let claimant = w.seed.members[0].wallet.pubkey();
    let rent = w.chain.svm().get_balance(&claim).unwrap();
    let before = w.chain.svm().get_balance(&claimant).unwrap();
    let payer = w.chain.payer.insecure_clone();
    let meta = w
        .chain
        .send_ok(&[ix::close_claim(&w.seed.pool, claim, claimant)], &[&payer]);
    assert!(w.chain.data(&claim).is_empty());
    assert_eq!(w.chain.svm().get_balance(&claimant).unwrap(), before + rent);
    let PoolEvent::AccountClosed(event) = only_event(&meta) else {
        panic!("not AccountClosed")
    };
    assert_eq!((event.account, event.rent_to), (claim, claimant));
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

#[test]
fn closing_a_finished_mandate_returns_its_rent_to_the_proposer() {
    let mut w = world();
    let mandate = w.active_mandate();
    let payer = w.chain.payer.insecure_clone();
    let keeper = w.seed.keeper.pubkey();
    w.refuse(
        &[ix::close_mandate(&w.seed.pool, mandate, keeper)],
        &payer,
        PoolError::MandateNotFinished,
    );
    let lead = w.voter(Some(0));
    w.chain.send_ok(
        &[ix::revoke_mandate(&w.seed.pool, &lead.pubkey(), mandate)],
        &[&lead],
    );
    let outsider = w.chain.wallet().pubkey();
    w.refuse(
        &[ix::close_mandate(&w.seed.pool, mandate, outsider)],
        &payer,
        PoolError::WrongRentReceiver,
    );
    let rent = w.chain.svm().get_balance(&mandate).unwrap();
    let before = w.chain.svm().get_balance(&keeper).unwrap();
    let meta = w.chain.send_ok(
        &[ix::close_mandate(&w.seed.pool, mandate, keeper)],
        &[&payer],
    );
    assert!(w.chain.data(&mandate).is_empty());
    assert_eq!(w.chain.svm().get_balance(&keeper).unwrap(), before + rent);
    assert!(matches!(
        only_event(&meta),
        PoolEvent::AccountClosed(e) if e.account == mandate && e.rent_to == keeper
    ));
}
