//! The seed story of `tests/tests/seed_story.rs` once more, on solana-program-test's Bank with
//! the same `.so` files: validators LEAD, SENIOR, SENIOR with a quorum of 2 and a lead; members
//! depositing 1000 / 5000 / 2500 USDC; an arbitrage through two local AMM pools approved by LEAD
//! and SENIOR and executed by the keeper; 5% of the gain in the insurance reserve and 95% in the
//! vault; a claim paid and another denied.
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::route::pack;
use pool_bot_client::Pubkey;
use pool_bot_program_test::BankChain;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// One USDC in base units (6 decimals).
const USDC: u64 = 1_000_000;
/// One SOL in base units (9 decimals).
const SOL: u64 = 1_000_000_000;
/// The members' deposits, in USDC.
const DEPOSITS: [u64; 3] = [1_000, 5_000, 2_500];
/// The AMM pools' fee in basis points.
const AMM_FEE_BPS: u16 = 30;

/// Creates local AMM pool `id` of USDC/SOL holding the given reserves.
async fn amm_pool(
    chain: &BankChain,
    usdc: Pubkey,
    sol: Pubkey,
    id: u64,
    reserves: (u64, u64),
) -> AmmAddresses {
    let lp = chain.wallet().await;
    let a = AmmAddresses::new(usdc, sol, id, anchor_spl::token::ID);
    let lp_usdc = chain.token_account(&usdc, &lp.pubkey()).await;
    let lp_sol = chain.token_account(&sol, &lp.pubkey()).await;
    chain.mint_to(&usdc, &lp_usdc, reserves.0).await;
    chain.mint_to(&sol, &lp_sol, reserves.1).await;
    let create = amm::create_pool(&a, &lp.pubkey(), id, AMM_FEE_BPS);
    let fund = amm::add_liquidity(&a, &lp.pubkey(), lp_usdc, lp_sol, reserves.0, reserves.1);
    chain.send_ok(&[create, fund], &[&lp]).await;
    a
}

#[tokio::test]
async fn seed_story_on_the_bank() {
    let chain = BankChain::start().await;
    let usdc = chain.mint(6).await;
    let sol = chain.mint(9).await;

    // The admin creates the pool; LEAD, SENIOR, SENIOR join it, quorum 2 with a lead; a keeper.
    let admin = chain.wallet().await;
    let pool = PoolAddresses::new(&admin.pubkey(), &usdc, &anchor_spl::token::ID);
    let config = InitializePoolArgs {
        name: "Arbitrage Trading Pool".to_string(),
        max_members: 100,
        min_contribution: 100 * USDC,
        insurance_bps: 500,
        required_approvals: 1,
        require_lead_approval: true,
        proposal_ttl: 3_600,
        profit_unlock_period: 0,
    };
    chain
        .send_ok(
            &[ix::initialize_pool(&pool, &admin.pubkey(), config)],
            &[&admin],
        )
        .await;
    let (lead, senior, senior_2) = (
        chain.wallet().await,
        chain.wallet().await,
        chain.wallet().await,
    );
    let mut setup: Vec<_> = [
        (&lead, Role::Lead),
        (&senior, Role::Senior),
        (&senior_2, Role::Senior),
    ]
    .into_iter()
    .map(|(v, role)| {
        ix::add_validator(
            &pool,
            &admin.pubkey(),
            ValidatorRoleArgs {
                validator: v.pubkey(),
                role,
            },
        )
    })
    .collect();
    let quorum = UpdateConfigArgs {
        required_approvals: Some(2),
        ..Default::default()
    };
    setup.push(ix::update_config(&pool, &admin.pubkey(), quorum));
    let keeper = chain.wallet().await;
    setup.push(ix::add_keeper(&pool, &admin.pubkey(), keeper.pubkey()));
    chain.send_ok(&setup, &[&admin]).await;

    // An arbitrage product allowed to call the local AMM, and two AMM pools: SOL at 100 USDC
    // and at about 105.26 USDC.
    let product = pool.product(0);
    let arbitrage = RegisterProductArgs {
        name: "DEX arbitrage".to_string(),
        category: ProductCategory::Arbitrage,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: USDC,
            max_liquidity_bps: 1_000,
        },
        allowed_programs: vec![local_amm::ID],
        enabled: true,
    };
    chain
        .send_ok(
            &[ix::register_product(&pool, &admin.pubkey(), 0, arbitrage)],
            &[&admin],
        )
        .await;
    let cheap = amm_pool(&chain, usdc, sol, 0, (1_000_000 * USDC, 10_000 * SOL)).await;
    let dear = amm_pool(&chain, usdc, sol, 1, (1_000_000 * USDC, 9_500 * SOL)).await;
    let pool_sol = chain.token_account(&sol, &pool.pool).await;

    // Three members deposit 1000 / 5000 / 2500 USDC.
    let mut members: Vec<(Keypair, Pubkey)> = Vec::new();
    for amount in DEPOSITS {
        let member = chain.wallet().await;
        let account = chain.token_account(&usdc, &member.pubkey()).await;
        chain.mint_to(&usdc, &account, amount * USDC).await;
        let args = DepositArgs {
            amount: amount * USDC,
            min_shares_out: 0,
        };
        chain
            .send_ok(
                &[ix::deposit(&pool, &member.pubkey(), account, args)],
                &[&member],
            )
            .await;
        assert_eq!(chain.balance(&account).await, 0);
        members.push((member, account));
    }
    assert_eq!(chain.balance(&pool.vault).await, 8_500 * USDC);
    let state: Pool = chain.zero_copy(&pool.pool).await;
    assert_eq!(
        (state.active_members, state.total_shares),
        (3, 8_500 * USDC)
    );

    // The keeper proposes: 5000 USDC buy SOL where it is cheap and sell it where it is dear. The
    // gain is the constant-product math on the AMM vaults' balances.
    let amount_in = 5_000 * USDC;
    let (cheap_usdc, cheap_sol) = (
        chain.balance(&cheap.vault_a).await,
        chain.balance(&cheap.vault_b).await,
    );
    let (dear_usdc, dear_sol) = (
        chain.balance(&dear.vault_a).await,
        chain.balance(&dear.vault_b).await,
    );
    let sol_out = swap_output(amount_in, cheap_usdc, cheap_sol, AMM_FEE_BPS).unwrap();
    let usdc_back = swap_output(sol_out, dear_sol, dear_usdc, AMM_FEE_BPS).unwrap();
    let gain = usdc_back - amount_in;
    assert!(gain > 100 * USDC, "a 5% price gap on 5000 USDC: got {gain}");
    let route = pack(&[
        amm::swap_leg(
            &cheap,
            &pool.pool,
            pool.vault,
            pool_sol,
            &usdc,
            SwapArgs {
                amount_in,
                min_amount_out: sol_out,
            },
        ),
        amm::swap_leg(
            &dear,
            &pool.pool,
            pool_sol,
            pool.vault,
            &sol,
            SwapArgs {
                amount_in: sol_out,
                min_amount_out: usdc_back,
            },
        ),
    ]);
    let terms = TradeTerms {
        amount_in,
        expected_profit: gain,
        min_profit: gain * 9 / 10,
    };
    let propose = ix::propose_trade(&pool, &keeper.pubkey(), product, 0, terms, &route);
    chain.send_ok(&[propose], &[&keeper]).await;
    let proposal = pool.proposal(0);

    // One SENIOR approval is short of the quorum; the LEAD's makes it.
    chain
        .send_ok(
            &[ix::approve(&pool, &senior.pubkey(), proposal)],
            &[&senior],
        )
        .await;
    let state: TradeProposal = chain.zero_copy(&proposal).await;
    assert_eq!(state.status(), ProposalStatus::Pending);
    chain
        .send_ok(&[ix::approve(&pool, &lead.pubkey(), proposal)], &[&lead])
        .await;
    let state: TradeProposal = chain.zero_copy(&proposal).await;
    assert_eq!(state.status(), ProposalStatus::Approved);

    // The keeper executes; both swaps are CPIs into the AMM.
    let execute = ix::execute_and_distribute(&pool, &keeper.pubkey(), proposal, product, &route);
    let logs = chain.send_ok(&[execute], &[&keeper]).await;
    let cpi = format!("Program {} invoke [2]", local_amm::ID);
    assert_eq!(
        logs.iter().filter(|l| **l == cpi).count(),
        2,
        "{}",
        logs.join("\n")
    );

    // 5% of the gain, rounded down, is in the insurance vault; the vault holds the deposits and
    // the members' 95%.
    let insurance = gain * 500 / 10_000;
    let member_profit = gain - insurance;
    assert_eq!(chain.balance(&pool.insurance_vault).await, insurance);
    assert_eq!(
        chain.balance(&pool.vault).await,
        8_500 * USDC + member_profit
    );
    let state: TradeProposal = chain.zero_copy(&proposal).await;
    assert_eq!(
        (state.status(), state.realised_profit),
        (ProposalStatus::Executed, gain)
    );
    let state: Pool = chain.zero_copy(&pool.pool).await;
    assert_eq!(
        (state.total_profit, state.total_member_profit),
        (gain, member_profit)
    );
    assert_eq!(state.total_assets, 8_500 * USDC + member_profit);
    let reserve: InsuranceReserve = chain.account(&pool.insurance).await;
    assert_eq!(reserve.total_allocated, insurance);

    // The first member withdraws everything and receives more than it deposited.
    let (first, first_usdc) = &members[0];
    let shares = chain
        .account::<MemberPosition>(&pool.member(&first.pubkey()))
        .await
        .shares;
    let value =
        pool_bot::math::assets_for_shares(shares, state.total_shares, state.total_assets).unwrap();
    assert!(value > 1_000 * USDC);
    let args = WithdrawArgs {
        request: WithdrawRequest::Shares(shares),
        min_amount_out: value,
    };
    chain
        .send_ok(
            &[ix::withdraw(&pool, &first.pubkey(), *first_usdc, args)],
            &[first],
        )
        .await;
    assert_eq!(chain.balance(first_usdc).await, value);

    // A claim approved by LEAD and SENIOR is paid from the reserve.
    let (claimant, claimant_usdc) = &members[1];
    let claim_amount = insurance / 2;
    let args = FileClaimArgs {
        amount: claim_amount,
        reason: "slippage on trade 0".into(),
        proposal_id: Some(0),
    };
    chain
        .send_ok(
            &[ix::file_claim(&pool, &claimant.pubkey(), 0, args)],
            &[claimant],
        )
        .await;
    let paid = pool.claim(0);
    chain
        .send_ok(
            &[ix::approve_claim(
                &pool,
                &lead.pubkey(),
                paid,
                *claimant_usdc,
            )],
            &[&lead],
        )
        .await;
    assert_eq!(
        chain.balance(claimant_usdc).await,
        0,
        "one approval does not pay"
    );
    chain
        .send_ok(
            &[ix::approve_claim(
                &pool,
                &senior.pubkey(),
                paid,
                *claimant_usdc,
            )],
            &[&senior],
        )
        .await;
    assert_eq!(chain.balance(claimant_usdc).await, claim_amount);
    assert_eq!(
        chain.account::<Claim>(&paid).await.status,
        ClaimStatus::Paid
    );

    // Another is denied by three rejections (admin, LEAD, SENIOR of the four validators).
    let (claimant, _) = &members[2];
    let args = FileClaimArgs {
        amount: claim_amount,
        reason: "felt unlucky".into(),
        proposal_id: None,
    };
    chain
        .send_ok(
            &[ix::file_claim(&pool, &claimant.pubkey(), 1, args)],
            &[claimant],
        )
        .await;
    let denied = pool.claim(1);
    for voter in [&admin, &lead, &senior_2] {
        chain
            .send_ok(
                &[ix::deny_claim(
                    &pool,
                    &voter.pubkey(),
                    denied,
                    "no loss shown",
                )],
                &[voter],
            )
            .await;
    }
    assert_eq!(
        chain.account::<Claim>(&denied).await.status,
        ClaimStatus::Denied
    );
    let reserve: InsuranceReserve = chain.account(&pool.insurance).await;
    assert_eq!(
        (
            reserve.claims_paid,
            reserve.claims_denied,
            reserve.total_paid
        ),
        (1, 1, claim_amount)
    );
    assert_eq!(
        chain.balance(&pool.insurance_vault).await,
        insurance - claim_amount
    );

    // The executed proposal is closed and its rent goes back to the keeper.
    let keeper_before = chain.lamports(&keeper.pubkey()).await;
    let payer = chain.payer.insecure_clone();
    chain
        .send_ok(
            &[ix::close_proposal(&pool, proposal, keeper.pubkey())],
            &[&payer],
        )
        .await;
    assert!(chain.lamports(&keeper.pubkey()).await > keeper_before);
    assert_eq!(chain.lamports(&proposal).await, 0);
}
