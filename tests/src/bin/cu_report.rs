//! Compute units per instruction, measured on the SBF build in LiteSVM, as a Markdown table.
//!
//! `cargo run -p pool-bot-tests --bin cu_report` (after `scripts/build-sbf.sh`), or
//! `scripts/cu-report.sh`, which also writes the table into the README.
use litesvm::types::TransactionMetadata;
use pool_bot::instructions::*;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::USDC;
use pool_bot_tests::SeedWorld;
use solana_signer::Signer;

/// A measured row: instruction, CU, target, note.
struct Row {
    name: &'static str,
    cu: u64,
    target: Option<u64>,
    note: String,
}

/// CU the program itself used: the transaction's total minus inner invocations of other programs.
fn own_cu(meta: &TransactionMetadata, excluded: &[String]) -> (u64, u64) {
    let mut inner = 0;
    for line in &meta.logs {
        for program in excluded {
            let prefix = format!("Program {program} consumed ");
            if let Some(rest) = line.strip_prefix(&prefix) {
                inner += rest.split(' ').next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
            }
        }
    }
    (meta.compute_units_consumed - inner, inner)
}

fn main() {
    let mut rows = Vec::new();
    let mut w = SeedWorld::new();
    let mut row = |name, meta: &TransactionMetadata, target, note: String| {
        rows.push(Row { name, cu: meta.compute_units_consumed, target, note });
    };

    // deposit: first (creates the position) and repeat
    let member = w.new_member(2_000);
    let wallet = member.wallet.insecure_clone();
    let first = w.chain.send_ok(&[w.deposit_ix(&member, 1_000 * USDC, 0)], &[&wallet]);
    row("deposit (first, creates position)", &first, Some(15_000), "incl. SPL Token transfer".into());
    let again = w.chain.send_ok(&[w.deposit_ix(&member, 500 * USDC, 0)], &[&wallet]);
    row("deposit (existing position)", &again, Some(15_000), "incl. SPL Token transfer".into());
    w.join_members();

    let withdraw = ix::withdraw(
        &w.pool,
        &wallet.pubkey(),
        member.usdc,
        WithdrawArgs { request: WithdrawRequest::Amount(200 * USDC), min_amount_out: 0 },
    );
    let meta = w.chain.send_ok(&[withdraw], &[&wallet]);
    row("withdraw", &meta, Some(15_000), "incl. SPL Token transfer".into());

    let (proposal, propose) = w.propose_arbitrage(5_000 * USDC);
    row("propose_trade (2-leg route)", &propose, Some(12_000), "creates the proposal".into());
    let votes: Vec<TransactionMetadata> =
        [Some(1), Some(0)].into_iter().map(|who| w.vote(&proposal, who, true).expect("vote")).collect();
    row("approve", &votes[0], Some(5_000), "vote that leaves it pending".into());
    row("approve (reaches quorum)", &votes[1], Some(5_000), String::new());

    let exec = w.execute(&proposal).expect("execute");
    let amm = local_amm::ID.to_string();
    let (own, swaps) = own_cu(&exec, &[amm]);
    rows.push(Row {
        name: "execute_and_distribute (excl. swaps)",
        cu: own,
        target: Some(20_000),
        note: format!("total {} incl. 2 AMM swaps ({} CU)", exec.compute_units_consumed, swaps),
    });

    for r in &rows {
        let target = r.target.map(|t| format!("≤ {t}")).unwrap_or_default();
        let status = match r.target {
            Some(t) if r.cu <= t => "met",
            Some(_) => "missed",
            None => "",
        };
        println!("| `{}` | {} | {} | {} | {} |", r.name, r.cu, target, status, r.note);
    }
}
