//! A pool whose asset is a Token-2022 mint: deposits, withdrawals and insurance funding go
//! through the token interface exactly as with SPL Token.
use anchor_spl::token_2022;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::pda::PoolAddresses;
use pool_bot_tests::TestSvm;
use solana_signer::Signer;

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
