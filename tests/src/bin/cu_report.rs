//! Compute units of every instruction, measured on the SBF builds in LiteSVM (mainnet feature
//! set), as the Markdown table the README shows. The chain's keys are fixed, so every run
//! measures the same PDAs (and so the same bump searches) and prints the same table.
//!
//! `scripts/cu-report.sh` runs it and writes the table into the README.
use litesvm::types::TransactionMetadata;
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_tests::client::amm;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::seed_world::{SeedWorld, USDC};
use solana_keypair::Keypair;
use solana_signer::Signer;

/// Targets from the program issue.
fn target(name: &str) -> Option<u64> {
    match name {
        "deposit" | "withdraw" => Some(15_000),
        "approve_trade" => Some(5_000),
        "propose_trade" => Some(12_000),
        "execute_and_distribute" | "execute_mandate" => Some(20_000),
        _ => None,
    }
}

/// Collects measured rows.
struct Report {
    w: SeedWorld,
    rows: Vec<(String, u64, String)>,
}

impl Report {
    fn record(&mut self, name: &str, case: &str, meta: &TransactionMetadata) {
        self.record_cu(name, case, meta.compute_units_consumed);
    }

    fn record_cu(&mut self, name: &str, case: &str, cu: u64) {
        self.rows.push((name.to_string(), cu, case.to_string()));
    }

    fn send(&mut self, name: &str, case: &str, instruction: Instruction, signer: &Keypair) {
        let meta = self.w.chain.send_ok(&[instruction], &[signer]);
        self.record(name, case, &meta);
    }

    fn print(&self) {
        println!("| instruction | case | CU | target |");
        println!("|---|---|---:|---|");
        for (name, cu, case) in &self.rows {
            let goal = match target(name) {
                Some(t) if *cu <= t => format!("≤ {t}: met"),
                Some(t) => format!("≤ {t}: **missed**"),
                None => String::new(),
            };
            println!("| `{name}` | {case} | {cu} | {goal} |");
        }
    }
}

/// CU used by the named program's own inner invocations in a transaction.
fn inner_cu(meta: &TransactionMetadata, program: &Pubkey) -> u64 {
    let prefix = format!("Program {program} consumed ");
    meta.logs
        .iter()
        .filter_map(|line| line.strip_prefix(&prefix))
        .filter_map(|rest| rest.split(' ').next()?.parse::<u64>().ok())
        .sum()
}

fn main() {
    let mut r = Report {
        w: SeedWorld::new(),
        rows: Vec::new(),
    };
    let admin = r.w.seed.admin.insecure_clone();
    let p = r.w.seed.pool;

    // pool creation, measured on a second pool of the same admin
    let sol = r.w.seed.sol;
    let second =
        pool_bot_tests::client::pda::PoolAddresses::new(&admin.pubkey(), &sol, &p.token_program);
    let args = pool_bot_tests::small_pool_args("Second", 1);
    r.send(
        "initialize_pool",
        "pool, vault, validator set, reserve",
        ix::initialize_pool(&second, &admin.pubkey(), args),
        &admin,
    );

    // governance: each change queued, then applied (the seed pool has no time lock)
    let extra = Pubkey::new_unique();
    let changes = [
        (
            "add validator",
            GovernanceChange::AddValidator {
                validator: extra,
                role: Role::Junior,
            },
        ),
        (
            "set validator role",
            GovernanceChange::SetValidatorRole {
                validator: extra,
                role: Role::Senior,
            },
        ),
        (
            "remove validator",
            GovernanceChange::RemoveValidator { validator: extra },
        ),
        (
            "one config field",
            GovernanceChange::Config(ConfigChange {
                insurance_bps: Some(500),
                ..Default::default()
            }),
        ),
        ("add keeper", GovernanceChange::AddKeeper { keeper: extra }),
    ];
    for (what, change) in changes {
        let id = r.w.pool_state().next_change_id;
        let queue = ix::queue_change(&p, &admin.pubkey(), id, change.clone());
        r.send("queue_change", what, queue, &admin);
        let apply = ix::apply_change(&p, &admin.pubkey(), id, &admin.pubkey(), &change);
        r.send("apply_change", what, apply, &admin);
    }
    let id = r.w.pool_state().next_change_id;
    let change = GovernanceChange::AddKeeper { keeper: extra };
    r.w.chain.send_ok(
        &[ix::queue_change(&p, &admin.pubkey(), id, change)],
        &[&admin],
    );
    r.send(
        "cancel_change",
        "",
        ix::cancel_change(&p, &admin.pubkey(), id, &admin.pubkey()),
        &admin,
    );
    let config = UpdateConfigArgs {
        paused: Some(false),
        ..Default::default()
    };
    r.send(
        "update_config",
        "one field",
        ix::update_config(&p, &admin.pubkey(), config),
        &admin,
    );
    r.send(
        "remove_keeper",
        "",
        ix::remove_keeper(&p, &admin.pubkey(), extra),
        &admin,
    );
    let product = RegisterProductArgs {
        name: "Staking".into(),
        category: ProductCategory::Staking,
        config: ProductConfig {
            max_trade_amount: USDC,
            min_profit: 1,
            max_liquidity_bps: 100,
        },
        leg_rules: vec![pool_bot_tests::client::amm::swap_rule()],
        markets: vec![],
    };
    r.send(
        "register_product",
        "",
        ix::register_product(&p, &admin.pubkey(), 1, product),
        &admin,
    );
    let enable = GovernanceChange::EnableProduct {
        product: p.product(1),
    };
    let id = r.w.pool_state().next_change_id;
    let [queue, apply] = ix::govern(&p, &admin.pubkey(), id, enable);
    r.w.chain.send_ok(&[queue], &[&admin]);
    r.send("apply_change", "enable product", apply, &admin);
    r.send(
        "disable_product",
        "",
        ix::disable_product(&p, &admin.pubkey(), p.product(1)),
        &admin,
    );

    // members
    let member = r.w.new_member(3_000);
    let wallet = member.wallet.insecure_clone();
    let first = r.w.deposit_ix(&member, 1_000 * USDC, 0);
    r.send("deposit", "first (creates the position)", first, &wallet);
    let again = r.w.deposit_ix(&member, 500 * USDC, 0);
    r.send("deposit", "existing position", again, &wallet);
    let request = WithdrawArgs {
        request: WithdrawRequest::Amount(200 * USDC),
        min_amount_out: 0,
    };
    r.send(
        "withdraw",
        "by amount",
        ix::withdraw(&p, &wallet.pubkey(), member.usdc, request),
        &wallet,
    );
    r.send(
        "fund_insurance",
        "",
        ix::fund_insurance(&p, &wallet.pubkey(), member.usdc, 100 * USDC),
        &wallet,
    );
    r.w.join_members();

    // a trade
    let (proposal, propose) = r.w.propose_arbitrage(5_000 * USDC);
    r.record("propose_trade", "2-leg route", &propose);
    let first_vote = r.w.vote(&proposal, Some(1), true).expect("vote");
    r.record("approve_trade", "stays pending", &first_vote);
    let deciding = r.w.vote(&proposal, Some(0), true).expect("vote");
    r.record("approve_trade", "reaches quorum", &deciding);
    let exec = r.w.execute(&proposal).expect("execute");
    let swaps = inner_cu(&exec, &local_amm::ID);
    let case = format!(
        "excluding the 2 swaps ({swaps} CU; total {})",
        exec.compute_units_consumed
    );
    r.record_cu(
        "execute_and_distribute",
        &case,
        exec.compute_units_consumed - swaps,
    );
    let payer = r.w.chain.payer.insecure_clone();
    let keeper = r.w.seed.keeper.pubkey();
    r.send(
        "close_proposal",
        "",
        ix::close_proposal(&p, proposal.address, keeper),
        &payer,
    );

    let (rejected, _) = r.w.propose_arbitrage(1_000 * USDC);
    let reject = r.w.vote(&rejected, Some(0), false).expect("reject");
    r.record("reject_trade", "stays pending", &reject);
    let (stale, _) = r.w.propose_arbitrage(500 * USDC);
    let queued = ix::request_deposit(&p, &wallet.pubkey(), member.usdc, 0, 300 * USDC);
    r.send(
        "request_deposit",
        "while proposals are live",
        queued,
        &wallet,
    );
    r.w.chain.advance(3_600);
    r.send(
        "expire_proposal",
        "",
        ix::expire_proposal(&p, stale.address),
        &payer,
    );
    r.send(
        "settle_deposit",
        "last in the queue",
        ix::settle_deposit(&p, &payer.pubkey(), 0, &wallet.pubkey(), false),
        &payer,
    );

    // insurance
    let claimant = r.w.seed.members[0].wallet.insecure_clone();
    let claim = FileClaimArgs {
        amount: 5 * USDC,
        reason: "slippage".into(),
        proposal_id: Some(0),
    };
    r.send(
        "file_claim",
        "",
        ix::file_claim(&p, &claimant.pubkey(), 0, claim),
        &claimant,
    );
    let (lead, senior) = (r.w.voter(Some(0)), r.w.voter(Some(1)));
    let claimant_usdc = r.w.seed.members[0].usdc;
    r.send(
        "approve_claim",
        "stays pending",
        ix::approve_claim(
            &p,
            &lead.pubkey(),
            p.claim(0),
            &claimant.pubkey(),
            claimant_usdc,
        ),
        &lead,
    );
    r.send(
        "approve_claim",
        "reaches quorum, pays",
        ix::approve_claim(
            &p,
            &senior.pubkey(),
            p.claim(0),
            &claimant.pubkey(),
            claimant_usdc,
        ),
        &senior,
    );
    let other = r.w.seed.members[1].wallet.insecure_clone();
    let claim = FileClaimArgs {
        amount: USDC,
        reason: "late fill".into(),
        proposal_id: None,
    };
    r.w.chain
        .send_ok(&[ix::file_claim(&p, &other.pubkey(), 1, claim)], &[&other]);
    r.send(
        "deny_claim",
        "stays pending",
        ix::deny_claim(&p, &lead.pubkey(), p.claim(1), &other.pubkey(), "no loss"),
        &lead,
    );
    r.w.chain.advance(7 * 86_400);
    r.send(
        "expire_claim",
        "",
        ix::expire_claim(&p, p.claim(1), &other.pubkey()),
        &payer,
    );
    r.send(
        "close_claim",
        "",
        ix::close_claim(&p, p.claim(0), claimant.pubkey()),
        &payer,
    );

    // a mandate
    let keeper_kp = r.w.seed.keeper.insecure_clone();
    let terms = r.w.mandate_terms();
    let mandate = p.mandate(0);
    r.send(
        "propose_mandate",
        "2 markets",
        ix::propose_mandate(&p, &keeper_kp.pubkey(), r.w.seed.product, 0, terms.clone()),
        &keeper_kp,
    );
    r.send(
        "approve_mandate",
        "stays pending",
        ix::approve_mandate(&p, &senior.pubkey(), mandate),
        &senior,
    );
    r.send(
        "approve_mandate",
        "reaches quorum",
        ix::approve_mandate(&p, &lead.pubkey(), mandate),
        &lead,
    );
    let run = r.w.execute_mandate_ix(mandate, 1_000 * USDC);
    let exec = r.w.chain.send_ok(&[run], &[&keeper_kp]);
    let swaps = inner_cu(&exec, &local_amm::ID);
    let case = format!(
        "excluding the 2 swaps ({swaps} CU; total {})",
        exec.compute_units_consumed
    );
    r.record_cu(
        "execute_mandate",
        &case,
        exec.compute_units_consumed - swaps,
    );
    r.send(
        "revoke_mandate",
        "",
        ix::revoke_mandate(&p, &lead.pubkey(), mandate),
        &lead,
    );
    r.send(
        "close_mandate",
        "",
        ix::close_mandate(&p, mandate, keeper_kp.pubkey()),
        &payer,
    );
    r.w.chain.send_ok(
        &[ix::propose_mandate(
            &p,
            &keeper_kp.pubkey(),
            r.w.seed.product,
            1,
            terms,
        )],
        &[&keeper_kp],
    );
    r.send(
        "reject_mandate",
        "stays pending",
        ix::reject_mandate(&p, &senior.pubkey(), p.mandate(1), "too wide"),
        &senior,
    );

    // the local AMM, for scale
    let trader = r.w.chain.wallet();
    let (usdc_mint, sol_mint) = (r.w.seed.usdc, r.w.seed.sol);
    let t_usdc = r.w.chain.token_account(&usdc_mint, &trader.pubkey());
    let t_sol = r.w.chain.token_account(&sol_mint, &trader.pubkey());
    r.w.chain.mint_to(&usdc_mint, &t_usdc, 100 * USDC);
    let swap = amm::swap(
        &r.w.seed.cheap,
        &trader.pubkey(),
        t_usdc,
        t_sol,
        &usdc_mint,
        SwapArgs {
            amount_in: 100 * USDC,
            min_amount_out: 1,
        },
    );
    r.send("local_amm::swap", "", swap, &trader);
    r.print();
}
