//! `initialize_pool`: a creator opens a pool of one asset and is its first ADMIN.
use super::{only_event, pool_args};
use anchor_lang::error::ErrorCode as AnchorError;
use anchor_spl::token_2022;
use litesvm_token::spl_token;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::events::PoolEvent;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::pda::PoolAddresses;
use pool_bot_tests::{SeedWorld, TestSvm};
use solana_signer::Signer;

#[test]
fn initialize_pool_opens_an_empty_pool_with_its_creator_as_admin() {
    let mut w = SeedWorld::new();
    let creator = w.chain.wallet();
    let p = PoolAddresses::new(&creator.pubkey(), &w.seed.usdc, &spl_token::ID);
    let meta = w.chain.send_ok(
        &[ix::initialize_pool(&p, &creator.pubkey(), pool_args())],
        &[&creator],
    );
    let pool: Pool = w.chain.zero_copy(&p.pool);
    assert_eq!(
        (pool.creator, pool.asset_mint, pool.vault, pool.name()),
        (creator.pubkey(), w.seed.usdc, p.vault, "Second pool")
    );
    assert_eq!((pool.total_shares, pool.total_assets), (0, 0));
    assert_eq!(w.chain.balance(&p.vault), 0);
    let set: ValidatorSet = w.chain.zero_copy(&p.validator_set);
    let validators: Vec<_> = set.validators().iter().map(|v| (v.key, v.role())).collect();
    assert_eq!(validators, [(creator.pubkey(), Role::Admin)]);
    let PoolEvent::PoolInitialized(event) = only_event(&meta) else {
        panic!("not PoolInitialized")
    };
    assert_eq!(
        (event.pool, event.creator, event.asset_mint, event.name),
        (p.pool, creator.pubkey(), w.seed.usdc, "Second pool".into())
    );
}

#[test]
fn initialize_pool_refuses_bad_config() {
    let mut w = SeedWorld::new();
    let creator = w.chain.wallet();
    let p = PoolAddresses::new(&creator.pubkey(), &w.seed.usdc, &spl_token::ID);
    let cases: Vec<(InitializePoolArgs, PoolError)> = vec![
        (
            InitializePoolArgs {
                insurance_bps: 10_001,
                ..pool_args()
            },
            PoolError::InvalidBps,
        ),
        (
            InitializePoolArgs {
                name: String::new(),
                ..pool_args()
            },
            PoolError::InvalidName,
        ),
        (
            InitializePoolArgs {
                name: "x".repeat(33),
                ..pool_args()
            },
            PoolError::InvalidName,
        ),
        (
            InitializePoolArgs {
                max_members: 0,
                ..pool_args()
            },
            PoolError::InvalidMaxMembers,
        ),
        (
            InitializePoolArgs {
                min_contribution: 0,
                ..pool_args()
            },
            PoolError::InvalidMinContribution,
        ),
        (
            InitializePoolArgs {
                proposal_ttl: 0,
                ..pool_args()
            },
            PoolError::InvalidProposalTtl,
        ),
        (
            InitializePoolArgs {
                claim_ttl: 0,
                ..pool_args()
            },
            PoolError::InvalidClaimTtl,
        ),
        // the creator is the only validator at first: a quorum of 2 is unreachable
        (
            InitializePoolArgs {
                required_approvals: 2,
                ..pool_args()
            },
            PoolError::InvalidQuorum,
        ),
        (
            InitializePoolArgs {
                required_approvals: 0,
                ..pool_args()
            },
            PoolError::InvalidQuorum,
        ),
    ];
    for (args, error) in cases {
        let watched = [
            p.pool,
            p.vault,
            p.validator_set,
            p.insurance,
            p.insurance_vault,
        ];
        w.chain.assert_refused(
            &[ix::initialize_pool(&p, &creator.pubkey(), args)],
            &[&creator],
            error,
            &watched,
        );
        assert!(w.chain.svm().get_account(&p.pool).is_none());
    }
}

#[test]
fn initialize_pool_refuses_a_pool_address_of_someone_else() {
    let mut w = SeedWorld::new();
    let creator = w.chain.wallet();
    let mut p = PoolAddresses::new(&creator.pubkey(), &w.seed.usdc, &spl_token::ID);
    p.pool = PoolAddresses::new(&w.seed.admin.pubkey(), &w.seed.sol, &spl_token::ID).pool;
    let watched = [p.pool];
    let args = pool_args();
    w.chain.assert_refused(
        &[ix::initialize_pool(&p, &creator.pubkey(), args)],
        &[&creator],
        AnchorError::ConstraintSeeds,
        &watched,
    );
}

/// A pool whose asset is a Token-2022 mint: deposits, withdrawals and insurance funding go
/// through the token interface exactly as with SPL Token (hostile mints: `attacks::mints`).
#[test]
fn a_token_2022_pool_takes_deposits_and_pays_withdrawals() {
    let mut chain = TestSvm::new();
    let mint = chain.mint_of(6, &token_2022::ID);
    let admin = chain.wallet();
    let p = PoolAddresses::new(&admin.pubkey(), &mint, &token_2022::ID);
    let args = pool_bot_tests::small_pool_args("Token-2022 pool", 1_000);
    chain.send_ok(&[ix::initialize_pool(&p, &admin.pubkey(), args)], &[&admin]);
    assert_eq!(
        chain.svm().get_account(&p.vault).unwrap().owner,
        token_2022::ID
    );
    let pool: Pool = chain.zero_copy(&p.pool);
    assert_eq!(pool.token_program, token_2022::ID);

    let member = chain.wallet();
    let account = chain.token_account_of(&mint, &member.pubkey(), &token_2022::ID);
    chain.mint_to(&mint, &account, 10_000);
    let deposit = DepositArgs {
        amount: 6_000,
        min_shares_out: 6_000,
    };
    chain.send_ok(
        &[ix::deposit(&p, &member.pubkey(), account, deposit)],
        &[&member],
    );
    assert_eq!(
        (chain.balance(&account), chain.balance(&p.vault)),
        (4_000, 6_000)
    );

    let request = WithdrawArgs {
        request: WithdrawRequest::Amount(2_500),
        min_amount_out: 2_500,
    };
    chain.send_ok(
        &[ix::withdraw(&p, &member.pubkey(), account, request)],
        &[&member],
    );
    chain.send_ok(
        &[ix::fund_insurance(&p, &member.pubkey(), account, 500)],
        &[&member],
    );
    assert_eq!(chain.balance(&account), 6_000);
    assert_eq!(chain.balance(&p.vault), 3_500);
    assert_eq!(chain.balance(&p.insurance_vault), 500);
    let position: MemberPosition = chain.account(&p.member(&member.pubkey()));
    assert_eq!(position.shares, 3_500);
}
