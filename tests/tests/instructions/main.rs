//! One module per instruction module of the program (`programs/pool_bot/src/instructions/`),
//! as Squads' `tests/suites/instructions/` does: each holds the happy path of its
//! instruction (the state, balances and event it leaves) beside its refusals, each refusal
//! asserting the exact named error and that no account of the pool changed. Stories that
//! cross instructions live elsewhere: `seed_story.rs`, `attacks/`, `properties.rs`.
mod close_accounts;
mod deposit;
mod disable_product;
mod execute_and_distribute;
mod execute_mandate;
mod expire_claim;
mod expire_proposal;
mod file_claim;
mod fund_insurance;
mod governance;
mod initialize_pool;
mod manage_keepers;
mod propose_mandate;
mod propose_trade;
mod register_product;
mod request_deposit;
mod settle_deposit;
mod update_config;
mod vote_claim;
mod vote_mandate;
mod vote_trade;
mod withdraw;

use litesvm::types::TransactionMetadata;
use pool_bot::instructions::*;
use pool_bot::route::RouteLeg;
use pool_bot::state::*;
use pool_bot_tests::client::events::{self, PoolEvent};
use pool_bot_tests::client::instructions::{self as ix, TradeTerms};
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::litesvm;
use pool_bot_tests::seed_world::{Member, Proposed, USDC};
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The one Pool Bot event a successful transaction emitted.
fn only_event(meta: &TransactionMetadata) -> PoolEvent {
    let mut emitted = events::parse(&meta.logs);
    assert_eq!(emitted.len(), 1, "events: {emitted:?}");
    emitted.remove(0)
}

// Pool and governance.

/// The terms of a second pool beside the seed's.
fn pool_args() -> InitializePoolArgs {
    pool_bot_tests::small_pool_args("Second pool", USDC)
}

/// `changes` queued and applied at once by `signer` (the seed pool has no time lock).
fn govern(w: &SeedWorld, signer: &Keypair, changes: Vec<GovernanceChange>) -> Vec<Instruction> {
    let first = w.pool_state().next_change_id;
    changes
        .into_iter()
        .enumerate()
        .flat_map(|(i, change)| {
            ix::govern(&w.seed.pool, &signer.pubkey(), first + i as u64, change)
        })
        .collect()
}

/// A rule for `program`'s instruction `[1]`, spending from account 0 into account 1.
fn rule(program: Pubkey) -> LegRuleArgs {
    LegRuleArgs {
        program,
        discriminator: vec![1],
        source_index: 0,
        destination_index: 1,
        market_index: None,
    }
}

/// A staking product whose leg rules name `programs`.
fn product_args(programs: Vec<Pubkey>) -> RegisterProductArgs {
    RegisterProductArgs {
        name: "Staking".into(),
        category: ProductCategory::Staking,
        config: ProductConfig {
            max_trade_amount: 1_000 * USDC,
            min_profit: 1,
            max_liquidity_bps: 100,
        },
        leg_rules: programs.into_iter().map(rule).collect(),
        markets: vec![],
    }
}

// Members.

/// `member` withdraws `request` into their USDC account.
fn withdraw_ix(
    w: &SeedWorld,
    member: &Member,
    request: WithdrawRequest,
    min_amount_out: u64,
) -> Instruction {
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

// Trades.

/// The seed pool with its three members' 8,500 USDC.
fn world() -> SeedWorld {
    let mut w = SeedWorld::new();
    w.join_members();
    w
}

/// `amount_in` expecting 50 USDC, accepting 10.
fn terms(amount_in: u64) -> TradeTerms {
    TradeTerms {
        amount_in,
        expected_profit: 50 * USDC,
        min_profit: 10 * USDC,
    }
}

/// Proposes `legs` with `terms` and has the LEAD and a SENIOR approve it.
fn approved(w: &mut SeedWorld, legs: &[RouteLeg], terms: TradeTerms) -> Proposed {
    let id = w.next_proposal_id();
    let (instruction, proposal) = w.propose_ix(legs, terms, id);
    let keeper = w.seed.keeper.insecure_clone();
    w.chain.send_ok(&[instruction], &[&keeper]);
    w.vote(&proposal, Some(0), true).unwrap();
    w.vote(&proposal, Some(1), true).unwrap();
    proposal
}

// Insurance.

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

/// A claim for `amount` naming no trade.
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

/// `voter` approves `claim`, paying into seed member `index`'s USDC account.
fn approve(w: &SeedWorld, voter: &Keypair, claim: Pubkey, index: usize) -> Instruction {
    let state: Claim = w.chain.account(&claim);
    ix::approve_claim(
        &w.seed.pool,
        &voter.pubkey(),
        claim,
        &state.claimant,
        w.seed.members[index].usdc,
    )
}

/// `voter` denies `claim` for `reason`.
fn deny(w: &SeedWorld, voter: &Keypair, claim: Pubkey, reason: &str) -> Instruction {
    let state: Claim = w.chain.account(&claim);
    ix::deny_claim(
        &w.seed.pool,
        &voter.pubkey(),
        claim,
        &state.claimant,
        reason,
    )
}
