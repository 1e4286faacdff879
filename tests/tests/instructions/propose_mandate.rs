//! `propose_mandate`: a keeper or ADMIN proposes a class of trades (markets, size, least
//! profit, budget, lifetime) for one vote by the trade quorum.
use super::{only_event, world};
use pool_bot::errors::PoolError;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

fn propose_ix(
    w: &SeedWorld,
    proposer: &Keypair,
    terms: MandateTerms,
) -> pool_bot_tests::client::Instruction {
    let id = w.pool_state().next_mandate_id;
    ix::propose_mandate(&w.seed.pool, &proposer.pubkey(), w.seed.product, id, terms)
}

#[test]
fn a_keeper_proposes_a_mandate_for_votes() {
    let mut w = world();
    let terms = w.mandate_terms();
    let keeper = w.seed.keeper.insecure_clone();
    let meta = w
        .chain
        .send_ok(&[propose_ix(&w, &keeper, terms.clone())], &[&keeper]);
    let address = w.seed.pool.mandate(0);
    let m = w.mandate(&address);
    let now = w.chain.now();
    assert_eq!(m.markets(), &terms.markets[..]);
    assert_eq!(
        (m.max_amount_in, m.min_profit, m.min_profit_bps, m.duration),
        (5_000 * USDC, USDC, 10, 7 * 86_400)
    );
    assert_eq!(
        m.standing(now, w.pool_state().config_version),
        MandateStanding::Pending
    );
    assert_eq!(m.vote_expires_at, now + w.pool_state().proposal_ttl);
    assert_eq!(w.pool_state().next_mandate_id, 1);
    let PoolEvent::MandateProposed(event) = only_event(&meta) else {
        panic!("not MandateProposed")
    };
    assert_eq!(
        (event.id, event.proposer, event.markets),
        (0, keeper.pubkey(), terms.markets)
    );
    // an ADMIN may propose too
    let admin = w.seed.admin.insecure_clone();
    w.chain
        .send_ok(&[propose_ix(&w, &admin, w.mandate_terms())], &[&admin]);
    assert_eq!(w.mandate(&w.seed.pool.mandate(1)).proposer, admin.pubkey());
}

#[test]
fn propose_mandate_refusals() {
    let mut w = world();
    let keeper = w.seed.keeper.insecure_clone();
    let base = w.mandate_terms();
    let unlisted = Pubkey::new_unique();
    let cases: Vec<(MandateTerms, PoolError)> = vec![
        (
            MandateTerms {
                markets: vec![],
                ..base.clone()
            },
            PoolError::MandateMarkets,
        ),
        (
            MandateTerms {
                markets: vec![base.markets[0]; 2],
                ..base.clone()
            },
            PoolError::MandateMarkets,
        ),
        (
            MandateTerms {
                markets: vec![unlisted],
                ..base.clone()
            },
            PoolError::MandateMarketNotAllowed,
        ),
        (
            MandateTerms {
                max_amount_in: 0,
                ..base.clone()
            },
            PoolError::ZeroAmount,
        ),
        // the product allows 50,000 USDC a trade
        (
            MandateTerms {
                max_amount_in: 50_001 * USDC,
                ..base.clone()
            },
            PoolError::TradeTooLarge,
        ),
        // the product asks at least 1 USDC a trade
        (
            MandateTerms {
                min_profit: USDC - 1,
                ..base.clone()
            },
            PoolError::MandateMinProfitTooLow,
        ),
        (
            MandateTerms {
                min_profit_bps: 10_001,
                ..base.clone()
            },
            PoolError::InvalidBps,
        ),
        (
            MandateTerms {
                period: 59,
                ..base.clone()
            },
            PoolError::MandateBudget,
        ),
        (
            MandateTerms {
                max_trades_per_period: 0,
                ..base.clone()
            },
            PoolError::MandateBudget,
        ),
        (
            MandateTerms {
                max_notional_per_period: 4_999 * USDC,
                ..base.clone()
            },
            PoolError::MandateBudget,
        ),
        (
            MandateTerms {
                duration: 0,
                ..base.clone()
            },
            PoolError::MandateDuration,
        ),
        (
            MandateTerms {
                duration: 30 * 86_400 + 1,
                ..base.clone()
            },
            PoolError::MandateDuration,
        ),
    ];
    for (terms, error) in cases {
        w.refuse(&[propose_ix(&w, &keeper, terms)], &keeper, error);
    }
    // neither a keeper nor an ADMIN: a member, a LEAD validator
    let outsider = w.chain.wallet();
    w.refuse(
        &[propose_ix(&w, &outsider, base.clone())],
        &outsider,
        PoolError::NotKeeperOrAdmin,
    );
    let lead = w.voter(Some(0));
    w.refuse(
        &[propose_ix(&w, &lead, base.clone())],
        &lead,
        PoolError::NotKeeperOrAdmin,
    );
    // a paused pool, a disabled product
    w.set_paused(true);
    w.refuse(
        &[propose_ix(&w, &keeper, base.clone())],
        &keeper,
        PoolError::PoolPaused,
    );
    w.set_paused(false);
    w.set_product_enabled(false);
    w.refuse(
        &[propose_ix(&w, &keeper, base)],
        &keeper,
        PoolError::ProductDisabled,
    );
}
