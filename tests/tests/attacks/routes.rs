//! Skim routes: no leg can deliver value to an account the pool does not own, trade on a market
//! the product does not list, or take more of the vault than was approved; what the legs do to
//! the pool's token accounts is checked after they run.
use super::approved_trade;
use litesvm_token::spl_token;
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::errors::PoolError;
use pool_bot::instructions::{RegisterProductArgs, WithdrawArgs, WithdrawRequest};
use pool_bot::route::RouteLeg;
use pool_bot::state::{GovernanceChange, LegRuleArgs, ProductCategory, ProductConfig};
use pool_bot_tests::client::amm::{self, AmmAddresses};
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::route::{leg, pack};
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::seed_world::{AMM_FEE_BPS, SOL, USDC};
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// The pool PDA's swap of `amount_in` of `mint_in` in `market`, demanding `out`.
fn swap(
    w: &SeedWorld,
    market: &AmmAddresses,
    source: Pubkey,
    destination: Pubkey,
    mint_in: &Pubkey,
    amount_in: u64,
    out: u64,
) -> RouteLeg {
    let args = SwapArgs {
        amount_in,
        min_amount_out: out,
    };
    amm::swap_leg(
        market,
        &w.seed.pool.pool,
        source,
        destination,
        mint_in,
        args,
    )
}

/// The keeper's `propose_trade` of `legs` under `product` (id).
fn propose_ix(w: &SeedWorld, product: u64, legs: &[RouteLeg], terms: TradeTerms) -> Instruction {
    ix::propose_trade(
        &w.seed.pool,
        &w.seed.keeper.pubkey(),
        w.seed.pool.product(product),
        w.next_proposal_id(),
        terms,
        &pack(legs),
    )
}

/// Registers and enables product 1 with `rules` (any market) and returns its id.
fn product_with(w: &mut SeedWorld, rules: Vec<LegRuleArgs>) -> u64 {
    let admin = w.seed.admin.insecure_clone();
    let args = RegisterProductArgs {
        name: "Raw token calls".into(),
        category: ProductCategory::Other,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 1_000,
        },
        leg_rules: rules,
        markets: vec![],
    };
    let id = w.pool_state().next_product_id;
    w.chain.send_ok(
        &[ix::register_product(
            &w.seed.pool,
            &admin.pubkey(),
            id,
            args,
        )],
        &[&admin],
    );
    let product = w.seed.pool.product(id);
    w.govern(GovernanceChange::EnableProduct { product });
    id
}

/// SPL Token instruction `tag` spending from account 0 into account 1.
fn token_rule(tag: u8) -> LegRuleArgs {
    LegRuleArgs {
        program: spl_token::ID,
        discriminator: vec![tag],
        source_index: 0,
        destination_index: 1,
        market_index: None,
    }
}

/// The measured attack: buy SOL cheap with 5,000 USDC, sell just enough dear to return the
/// 5,000 and 1 USDC more to the vault, and the rest into the keeper's own USDC account (more
/// than 90% of the arbitrage). The program refuses to store it.
#[test]
fn a_leg_paying_the_keeper_cannot_be_proposed() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (usdc, sol, pool_sol, vault) =
        (w.seed.usdc, w.seed.sol, w.seed.pool_sol, w.seed.pool.vault);
    let keeper = w.seed.keeper.insecure_clone();
    let keeper_usdc = w.chain.token_account(&usdc, &keeper.pubkey());
    let spent = 5_000 * USDC;
    let (cheap_usdc, cheap_sol) = w.reserves(&w.seed.cheap);
    let bought = swap_output(spent, cheap_usdc, cheap_sol, AMM_FEE_BPS).unwrap();
    let (dear_usdc, dear_sol) = w.reserves(&w.seed.dear);
    let returned = |sold| swap_output(sold, dear_sol, dear_usdc, AMM_FEE_BPS).unwrap();
    let (mut lo, mut hi) = (1, bought);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if returned(mid) >= spent + USDC {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let (sold, back) = (lo, returned(lo));
    let rest = bought - sold;
    let skimmed = swap_output(rest, dear_sol + sold, dear_usdc - back, AMM_FEE_BPS).unwrap();
    let legs = vec![
        swap(&w, &w.seed.cheap, vault, pool_sol, &usdc, spent, bought),
        swap(&w, &w.seed.dear, pool_sol, vault, &sol, sold, back),
        swap(&w, &w.seed.dear, pool_sol, keeper_usdc, &sol, rest, skimmed),
    ];
    let terms = TradeTerms {
        amount_in: 1,
        expected_profit: USDC,
        min_profit: USDC,
    };
    w.refuse(
        &[propose_ix(&w, 0, &legs, terms)],
        &keeper,
        PoolError::LegAccountNotPoolOwned,
    );
}

/// Token-program legs: impossible under a product without a rule for them; with a rule, a
/// `Transfer` or `Approve` may only name accounts the pool owns.
#[test]
fn token_program_legs_cannot_move_or_lend_the_pools_tokens() {
    let mut w = SeedWorld::new();
    w.join_members();
    let keeper = w.seed.keeper.insecure_clone();
    let attacker_sol = w.chain.token_account(&w.seed.sol, &keeper.pubkey());
    let (pool_sol, pool) = (w.seed.pool_sol, w.seed.pool.pool);
    let transfer =
        spl_token::instruction::transfer(&spl_token::ID, &pool_sol, &attacker_sol, &pool, &[], 1)
            .unwrap();
    let lend = spl_token::instruction::approve(
        &spl_token::ID,
        &pool_sol,
        &keeper.pubkey(),
        &pool,
        &[],
        u64::MAX,
    )
    .unwrap();
    // the seed product's floor is 1 USDC of minimum profit
    let terms = TradeTerms {
        amount_in: 1,
        expected_profit: USDC,
        min_profit: USDC,
    };
    for instruction in [&transfer, &lend] {
        let legs = [leg(instruction.clone())];
        w.refuse(
            &[propose_ix(&w, 0, &legs, terms)],
            &keeper,
            PoolError::ProgramNotAllowed,
        );
    }
    let raw = product_with(&mut w, vec![token_rule(3), token_rule(4)]);
    for instruction in [transfer, lend] {
        w.refuse(
            &[propose_ix(&w, raw, &[leg(instruction)], terms)],
            &keeper,
            PoolError::LegAccountNotPoolOwned,
        );
    }
}

/// A delegate or a loss on any pool token account the route touched fails the whole
/// execution, even when every leg was allowed and the quorum approved.
#[test]
fn a_route_that_leaves_a_pool_account_lent_out_is_undone() {
    let mut w = SeedWorld::new();
    w.join_members();
    let raw = product_with(&mut w, vec![token_rule(4)]);
    let lend = spl_token::instruction::approve(
        &spl_token::ID,
        &w.seed.pool_sol,
        &w.seed.pool.vault,
        &w.seed.pool.pool,
        &[],
        u64::MAX,
    )
    .unwrap();
    let legs = [leg(lend)];
    let terms = TradeTerms {
        amount_in: 1,
        expected_profit: 1,
        min_profit: 1,
    };
    let keeper = w.seed.keeper.insecure_clone();
    let id = w.next_proposal_id();
    w.chain
        .send_ok(&[propose_ix(&w, raw, &legs, terms)], &[&keeper]);
    let address = w.seed.pool.proposal(id);
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::approve_trade(&w.seed.pool, &voter.pubkey(), address)],
            &[&voter],
        );
    }
    let execute = ix::execute_and_distribute(
        &w.seed.pool,
        &keeper.pubkey(),
        address,
        w.seed.pool.product(raw),
        &pack(&legs),
    );
    w.refuse(&[execute], &keeper, PoolError::RouteDrainedPoolAccount);
}

/// A market the attacker created on the allowed DEX is not one the product lists.
#[test]
fn an_attacker_created_market_is_refused() {
    let mut w = SeedWorld::new();
    w.join_members();
    let keeper = w.seed.keeper.insecure_clone();
    let (usdc, sol) = (w.seed.usdc, w.seed.sol);
    let own = AmmAddresses::new(usdc, sol, 7, w.seed.pool.token_program);
    let lp_usdc = w.chain.token_account(&usdc, &keeper.pubkey());
    let lp_sol = w.chain.token_account(&sol, &keeper.pubkey());
    w.chain.mint_to(&usdc, &lp_usdc, 1_000 * USDC);
    w.chain.mint_to(&sol, &lp_sol, 20 * SOL);
    w.chain.send_ok(
        &[
            amm::create_pool(&own, &keeper.pubkey(), 7, AMM_FEE_BPS),
            amm::add_liquidity(
                &own,
                &keeper.pubkey(),
                lp_usdc,
                lp_sol,
                1_000 * USDC,
                20 * SOL,
            ),
        ],
        &[&keeper],
    );
    let (vault, pool_sol) = (w.seed.pool.vault, w.seed.pool_sol);
    let legs = [
        swap(&w, &own, vault, pool_sol, &usdc, 500 * USDC, 1),
        swap(&w, &w.seed.dear, pool_sol, vault, &sol, 1, 1),
    ];
    let terms = TradeTerms {
        amount_in: 500 * USDC,
        expected_profit: USDC,
        min_profit: USDC,
    };
    w.refuse(
        &[propose_ix(&w, 0, &legs, terms)],
        &keeper,
        PoolError::MarketNotAllowed,
    );
}

/// A proposal declaring 500 USDC whose legs spend 5,000, approved by a careless quorum: the
/// execution measures the vault's outflow and refuses.
#[test]
fn a_route_spending_more_than_its_amount_in_is_undone() {
    let mut w = SeedWorld::new();
    w.join_members();
    let (legs, gain) = w.arbitrage_route(5_000 * USDC);
    let terms = TradeTerms {
        amount_in: 500 * USDC,
        expected_profit: gain as u64,
        min_profit: gain as u64 * 9 / 10,
    };
    let keeper = w.seed.keeper.insecure_clone();
    let id = w.next_proposal_id();
    w.chain
        .send_ok(&[propose_ix(&w, 0, &legs, terms)], &[&keeper]);
    let address = w.seed.pool.proposal(id);
    for who in [Some(0), Some(1)] {
        let voter = w.voter(who);
        w.chain.send_ok(
            &[ix::approve_trade(&w.seed.pool, &voter.pubkey(), address)],
            &[&voter],
        );
    }
    let execute = ix::execute_and_distribute(
        &w.seed.pool,
        &keeper.pubkey(),
        address,
        w.seed.product,
        &pack(&legs),
    );
    w.refuse(&[execute], &keeper, PoolError::RouteSpentTooMuch);
}

/// The pool's assets are checked when the trade runs: after members withdraw, an approved
/// trade larger than what is left cannot run.
#[test]
fn amount_in_is_checked_against_the_pool_at_execution() {
    let mut w = SeedWorld::new();
    let proposal = approved_trade(&mut w); // 5,000 USDC of 8,500
    let big = super::seed_member(&w, 1); // 5,000 USDC
    let shares = w.position(&big).shares;
    let out = ix::withdraw(
        &w.seed.pool,
        &big.wallet.pubkey(),
        big.usdc,
        WithdrawArgs {
            request: WithdrawRequest::Shares(shares),
            min_amount_out: 0,
        },
    );
    w.chain.send_ok(&[out], &[&big.wallet]);
    w.refuse(
        &[w.execute_ix(&proposal)],
        &w.seed.keeper.insecure_clone(),
        PoolError::TradeExceedsPool,
    );
}
