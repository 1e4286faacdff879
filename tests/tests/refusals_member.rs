//! Member-facing refusals: deposit, withdraw and insurance funding. Each test asserts the exact
//! named error and that no account of the pool changed.
use anchor_lang::error::ErrorCode as AnchorError;
use pool_bot::errors::PoolError;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Pubkey;
use pool_bot_tests::seed_world::{Member, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The SPL Token program's `InsufficientFunds`.
const TOKEN_INSUFFICIENT_FUNDS: u32 = 1;
/// The SPL Token program's `OwnerMismatch`.
const TOKEN_OWNER_MISMATCH: u32 = 4;

fn withdraw_ix(
    w: &SeedWorld,
    member: &Member,
    request: WithdrawRequest,
    min_amount_out: u64,
) -> solana_instruction::Instruction {
    ix::withdraw(
        &w.seed.pool,
        &member.wallet.pubkey(),
        member.usdc,
        WithdrawArgs {
            request,
            min_amount_out,
        },
    )
}

#[test]
fn deposit_refuses_bad_amounts() {
    let mut w = SeedWorld::new();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    w.refuse(&[w.deposit_ix(&m, 0, 0)], &wallet, PoolError::ZeroAmount);
    w.refuse(
        &[w.deposit_ix(&m, 99 * USDC, 0)],
        &wallet,
        PoolError::BelowMinContribution,
    );
    // 1 share per unit at the start: asking for one more share than the deposit buys
    w.refuse(
        &[w.deposit_ix(&m, 500 * USDC, 500 * USDC + 1)],
        &wallet,
        PoolError::SlippageSharesOut,
    );
    w.refuse(
        &[w.deposit_ix(&m, 2_000 * USDC, 0)],
        &wallet,
        TOKEN_INSUFFICIENT_FUNDS,
    );
    assert_eq!(w.chain.balance(&m.usdc), 1_000 * USDC);
}

#[test]
fn deposit_refuses_wrong_accounts() {
    let mut w = SeedWorld::new();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    // a token account of the traded token instead of the pool's asset
    let sol_account = w.chain.token_account(&w.seed.sol, &wallet.pubkey());
    let wrong_mint = ix::deposit(
        &w.seed.pool,
        &wallet.pubkey(),
        sol_account,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[wrong_mint], &wallet, PoolError::WrongMint);
    // paying into an account that is not the pool's vault
    let mut elsewhere = w.seed.pool;
    elsewhere.vault = w.chain.token_account(&w.seed.usdc, &wallet.pubkey());
    let stolen = ix::deposit(
        &elsewhere,
        &wallet.pubkey(),
        m.usdc,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[stolen], &wallet, PoolError::WrongVault);
    // the mint account must be the pool's asset mint
    let mut other_mint = w.seed.pool;
    other_mint.mint = w.seed.sol;
    let mismatched = ix::deposit(
        &other_mint,
        &wallet.pubkey(),
        m.usdc,
        DepositArgs {
            amount: 100 * USDC,
            min_shares_out: 0,
        },
    );
    w.refuse(&[mismatched], &wallet, PoolError::WrongMint);
}

#[test]
fn deposit_refuses_when_paused_or_full() {
    let mut w = SeedWorld::new();
    w.join_members();
    let admin = w.seed.admin.insecure_clone();
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    w.govern(GovernanceChange::Config(ConfigChange {
        max_members: Some(3),
        ..Default::default()
    }));
    w.refuse(
        &[w.deposit_ix(&m, 100 * USDC, 0)],
        &wallet,
        PoolError::PoolFull,
    );
    // an existing member may still add to a full pool
    let first = w.seed.members[0].wallet.insecure_clone();
    w.chain.mint_to(
        &w.seed.usdc.clone(),
        &w.seed.members[0].usdc.clone(),
        100 * USDC,
    );
    w.chain.send_ok(
        &[w.deposit_ix(&w.seed.members[0], 100 * USDC, 0)],
        &[&first],
    );

    w.govern(GovernanceChange::Config(ConfigChange {
        max_members: Some(100),
        ..Default::default()
    }));
    let paused = UpdateConfigArgs {
        paused: Some(true),
        ..Default::default()
    };
    w.chain.send_ok(
        &[ix::update_config(&w.seed.pool, &admin.pubkey(), paused)],
        &[&admin],
    );
    w.refuse(
        &[w.deposit_ix(&m, 100 * USDC, 0)],
        &wallet,
        PoolError::PoolPaused,
    );
    // pause never blocks withdrawals
    let all = w.position(&w.seed.members[0]).shares;
    w.chain.send_ok(
        &[withdraw_ix(
            &w,
            &w.seed.members[0],
            WithdrawRequest::Shares(all),
            0,
        )],
        &[&first],
    );
    assert_eq!(w.chain.balance(&w.seed.members[0].usdc), 1_100 * USDC);
}

#[test]
fn a_deposit_worth_less_than_a_share_is_refused() {
    let mut w = SeedWorld::new();
    w.join_members();
    w.govern(GovernanceChange::Config(ConfigChange {
        min_contribution: Some(1),
        ..Default::default()
    }));
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(1), true).unwrap();
    w.execute(&proposal).unwrap();
    w.chain.advance(3_600); // no proposal live: deposits buy shares at once again
                            // a share is now worth more than one base unit: one unit buys no share
    let m = w.new_member(1);
    let wallet = m.wallet.insecure_clone();
    w.refuse(&[w.deposit_ix(&m, 1, 0)], &wallet, PoolError::ZeroShares);
}

#[test]
fn withdraw_refuses_bad_amounts() {
    let mut w = SeedWorld::new();
    w.join_members();
    let m = &w.seed.members[0];
    let wallet = m.wallet.insecure_clone();
    let shares = w.position(m).shares;
    let too_many = withdraw_ix(&w, m, WithdrawRequest::Shares(shares + 1), 0);
    let too_much = withdraw_ix(&w, m, WithdrawRequest::Amount(1_000 * USDC + 1), 0);
    let nothing = withdraw_ix(&w, m, WithdrawRequest::Shares(0), 0);
    let greedy = withdraw_ix(&w, m, WithdrawRequest::Shares(shares), 1_000 * USDC + 1);
    w.refuse(&[too_many], &wallet, PoolError::InsufficientShares);
    w.refuse(&[too_much], &wallet, PoolError::InsufficientShares);
    w.refuse(&[nothing], &wallet, PoolError::ZeroAmount);
    w.refuse(&[greedy], &wallet, PoolError::SlippageAmountOut);
}

#[test]
fn withdraw_refuses_someone_elses_position_or_the_wrong_mint() {
    let mut w = SeedWorld::new();
    w.join_members();
    let thief = w.new_member(0);
    let victim = w.seed.pool.member(&w.seed.members[1].wallet.pubkey());
    let mut steal = withdraw_ix(&w, &thief, WithdrawRequest::Amount(USDC), 0);
    steal.accounts[2].pubkey = victim;
    let wallet = thief.wallet.insecure_clone();
    w.refuse(&[steal], &wallet, PoolError::NotMember);
    // a member without a position has nothing to withdraw
    w.refuse(
        &[withdraw_ix(&w, &thief, WithdrawRequest::Amount(USDC), 0)],
        &wallet,
        AnchorError::AccountNotInitialized,
    );

    let m = &w.seed.members[0];
    let owner = m.wallet.insecure_clone();
    let sol_account = w.chain.token_account(&w.seed.sol, &owner.pubkey());
    let request = WithdrawArgs {
        request: WithdrawRequest::Amount(USDC),
        min_amount_out: 0,
    };
    let wrong_mint = ix::withdraw(&w.seed.pool, &owner.pubkey(), sol_account, request);
    w.refuse(&[wrong_mint], &owner, PoolError::WrongMint);
}

#[test]
fn leaving_and_rejoining_moves_the_member_counts() {
    let mut w = SeedWorld::new();
    w.join_members();
    let m = &w.seed.members[2];
    let wallet = m.wallet.insecure_clone();
    let shares = w.position(m).shares;
    w.chain.send_ok(
        &[withdraw_ix(&w, m, WithdrawRequest::Shares(shares), 0)],
        &[&wallet],
    );
    let pool = w.pool_state();
    assert_eq!((pool.active_members, pool.withdrawn_members), (2, 1));
    assert_eq!(w.position(m).status, MemberStatus::Withdrawn);
    w.chain
        .send_ok(&[w.deposit_ix(m, 200 * USDC, 0)], &[&wallet]);
    let pool = w.pool_state();
    assert_eq!((pool.active_members, pool.withdrawn_members), (3, 0));
    let position = w.position(m);
    assert_eq!(position.status, MemberStatus::Active);
    assert_eq!(
        (position.capital_contributed, position.total_withdrawn),
        (2_700 * USDC, 2_500 * USDC)
    );
}

#[test]
fn fund_insurance_refusals() {
    let mut w = SeedWorld::new();
    let m = w.new_member(100);
    let wallet = m.wallet.insecure_clone();
    w.refuse(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            0,
        )],
        &wallet,
        PoolError::ZeroAmount,
    );
    let sol_account = w.chain.token_account(&w.seed.sol, &wallet.pubkey());
    w.refuse(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            sol_account,
            USDC,
        )],
        &wallet,
        PoolError::WrongMint,
    );
    let mut elsewhere = w.seed.pool;
    elsewhere.insurance_vault = w.seed.pool.vault;
    w.refuse(
        &[ix::fund_insurance(
            &elsewhere,
            &wallet.pubkey(),
            m.usdc,
            USDC,
        )],
        &wallet,
        PoolError::WrongVault,
    );
    w.chain.send_ok(
        &[ix::fund_insurance(
            &w.seed.pool,
            &wallet.pubkey(),
            m.usdc,
            100 * USDC,
        )],
        &[&wallet],
    );
    assert_eq!(w.chain.balance(&w.seed.pool.insurance_vault), 100 * USDC);
    assert_eq!(w.reserve().total_funded, 100 * USDC);
}

#[test]
fn request_deposit_refusals() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (proposal, _) = w.propose_arbitrage(1_000 * USDC);
    let m = w.new_member(1_000);
    let wallet = m.wallet.insecure_clone();
    let id = w.pool_state().next_deposit_id;
    let request = |w: &SeedWorld, amount, id| {
        ix::request_deposit(&w.seed.pool, &wallet.pubkey(), m.usdc, id, amount)
    };
    w.refuse(&[request(&w, 0, id)], &wallet, PoolError::ZeroAmount);
    w.refuse(
        &[request(&w, 99 * USDC, id)],
        &wallet,
        PoolError::BelowMinContribution,
    );
    w.refuse(
        &[request(&w, 100 * USDC, id + 1)],
        &wallet,
        AnchorError::ConstraintSeeds,
    );
    // another member's token account cannot pay it
    let (usdc, theirs) = (w.seed.usdc, w.seed.members[0].usdc);
    w.chain.mint_to(&usdc, &theirs, 100 * USDC);
    let mut stolen = request(&w, 100 * USDC, id);
    stolen.accounts[4].pubkey = w.seed.members[0].usdc;
    w.refuse(&[stolen], &wallet, TOKEN_OWNER_MISMATCH);
    let mut elsewhere = request(&w, 100 * USDC, id);
    elsewhere.accounts[5].pubkey = w.chain.token_account(&w.seed.usdc, &wallet.pubkey());
    w.refuse(&[elsewhere], &wallet, PoolError::WrongVault);
    w.set_paused(true);
    w.refuse(
        &[request(&w, 100 * USDC, id)],
        &wallet,
        PoolError::PoolPaused,
    );
    w.set_paused(false);
    w.chain.send_ok(&[request(&w, 100 * USDC, id)], &[&wallet]);
    // settling: only once ready, only by naming the right depositor
    let payer = w.chain.payer.insecure_clone();
    let pool = w.seed.pool;
    let (mine, other) = (wallet.pubkey(), w.seed.members[0].wallet.pubkey());
    let settle =
        |depositor: &Pubkey| ix::settle_deposit(&pool, &payer.pubkey(), id, depositor, false);
    w.refuse(&[settle(&mine)], &payer, PoolError::DepositNotReady);
    let state: TradeProposal = w.chain.zero_copy(&proposal.address);
    let wait = state.expires_at - w.chain.now();
    w.chain.advance(wait);
    w.refuse(&[settle(&other)], &payer, PoolError::WrongRentReceiver);
    w.chain.send_ok(&[settle(&mine)], &[&payer]);
    assert_eq!(w.position(&m).pending_deposit, 0);
    assert!(w.position(&m).shares > 0);
}
