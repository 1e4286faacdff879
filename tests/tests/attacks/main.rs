//! Attacks a single participant could mount (issue "No single participant can take what
//! belongs to the members"), each performed end to end on the SBF build and shown refused or
//! worthless, with balances compared before and after. The README's security model lists each
//! with the test that refuses it.
mod governance;
mod insurance;
mod mandates;
mod members;
mod mints;
mod profit;
mod routes;

use pool_bot::instructions::{WithdrawArgs, WithdrawRequest};
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::Instruction;
use pool_bot_tests::seed_world::{Member, Proposed, USDC};
use pool_bot_tests::SeedWorld;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// `wallet` as a member holding `usdc` whole USDC in a fresh token account.
fn funded(w: &mut SeedWorld, wallet: &Keypair, usdc: u64) -> Member {
    let mint = w.seed.usdc;
    let account = w.chain.token_account(&mint, &wallet.pubkey());
    w.chain.mint_to(&mint, &account, usdc * USDC);
    Member {
        wallet: wallet.insecure_clone(),
        usdc: account,
    }
}

/// A handle on seed member `index` (keypairs do not clone implicitly).
fn seed_member(w: &SeedWorld, index: usize) -> Member {
    let m = &w.seed.members[index];
    Member {
        wallet: m.wallet.insecure_clone(),
        usdc: m.usdc,
    }
}

/// The seed members have deposited and a 5,000 USDC arbitrage is approved (LEAD + SENIOR).
fn approved_trade(w: &mut SeedWorld) -> Proposed {
    w.join_members();
    let (proposal, _) = w.propose_arbitrage(5_000 * USDC);
    for who in [Some(0), Some(1)] {
        w.vote(&proposal, who, true).expect("vote");
    }
    proposal
}

/// `member` withdraws every share.
fn withdraw_all(w: &SeedWorld, member: &Member) -> Instruction {
    let shares = w.position(member).shares;
    ix::withdraw(
        &w.seed.pool,
        &member.wallet.pubkey(),
        member.usdc,
        WithdrawArgs {
            request: WithdrawRequest::Shares(shares),
            min_amount_out: 0,
        },
    )
}

/// What `member`'s shares are worth now.
fn value(w: &SeedWorld, member: &Member) -> u64 {
    let pool = w.pool_state();
    pool.assets_for_shares(w.position(member).shares)
        .expect("share math")
}
