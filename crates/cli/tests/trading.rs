//! Trades, insurance and the overview with `poolbot`: a keeper's arbitrage proposal (made with
//! the client's builders) listed, shown with its decoded route, voted on and executed; claims
//! filed, paid and denied; and the statistics afterwards.
mod common;

use common::{World, USDC};
use pool_bot_client::chain::Chain;
use serde_json::Value;
use solana_signer::Signer;

fn approve(w: &mut World, who: usize, id: &str) -> String {
    let v = w.validators[who].insecure_clone();
    w.ok(&v, &["proposals", "approve", id])
}

#[test]
fn a_proposal_is_listed_shown_approved_by_quorum_and_executed() {
    let mut w = World::seeded();
    let markets = w.markets();
    let id = w.propose_arbitrage(&markets, 1_000 * USDC);
    let admin = w.admin.insecure_clone();

    let list = w.json(&admin, &["proposals", "list"]);
    let row = &list["proposals"][0];
    assert_eq!(row["id"], id);
    assert_eq!(row["status"], "pending");
    assert_eq!(row["approvals"], 0);
    assert_eq!(row["required_approvals"], 2);
    assert_eq!(row["lead_approval"], "still needed");
    assert_eq!(row["amount_in"], 1_000 * USDC);
    assert_eq!(row["expires_at"].as_i64().unwrap() - w.now(), 3_600);
    let text = w.ok(&admin, &["proposals", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    let (header, row) = (lines[1], lines[2]);
    // every column lines up with its header: text starts, numbers end, under it
    let start =
        |line: &str, cell: &str| line.find(cell).unwrap_or_else(|| panic!("{cell}: {text}"));
    let end = |line: &str, cell: &str| start(line, cell) + cell.len();
    assert_eq!(start(header, "status"), start(row, "pending"), "{text}");
    assert_eq!(end(header, "approvals"), end(row, "0/2"), "{text}");
    assert_eq!(start(header, "lead"), start(row, "still needed"), "{text}");
    assert_eq!(end(header, "amount in"), end(row, "1000 USDC"), "{text}");
    assert_eq!(start(header, "expires"), start(row, "in 1h"), "{text}");

    let show = w.ok(&admin, &["proposals", "show", "0"]);
    assert!(show.contains("Route (2 leg(s)):"), "{show}");
    assert!(
        show.contains("(local AMM swap: 1000 USDC in, at least "),
        "{show}"
    );
    assert!(
        show.contains(&format!("{} (pool vault)", w.pool().vault)),
        "{show}"
    );
    assert!(
        show.contains(&format!("-s {} (the pool, signs)", w.pool().pool)),
        "{show}"
    );
    let shown = w.json(&admin, &["proposals", "show", "0"]);
    assert_eq!(shown["route"].as_array().unwrap().len(), 2);
    assert_eq!(
        shown["route"][0]["program"],
        pool_bot_client::local_amm::ID.to_string()
    );
    assert_eq!(shown["proposer"], w.keeper.pubkey().to_string());

    let out = approve(&mut w, 1, "0");
    assert!(
        out.starts_with("Approved proposal 0: 1/2 approval(s), 0 rejection(s), lead approval still needed. Status: pending."),
        "{out}"
    );
    let out = approve(&mut w, 2, "0");
    assert!(
        out.contains("2/2 approval(s)") && out.contains("Status: pending."),
        "{out}"
    );
    let keeper = w.keeper.insecure_clone();
    let err = w.err(&keeper, &["proposals", "execute", "0"]);
    assert_eq!(
        err,
        "The proposal has not reached its quorum, so it cannot be executed. See its votes with `poolbot proposals show <ID>`."
    );
    let out = approve(&mut w, 0, "0");
    assert!(
        out.contains("lead approval given. Status: approved."),
        "{out}"
    );
    let shown = w.json(&admin, &["proposals", "show", "0"]);
    assert_eq!(shown["approved_by"].as_array().unwrap().len(), 3);

    let vault = w.pool().vault;
    let before = w.balance(&vault);
    let out = w.json(&keeper, &["proposals", "execute", "0"]);
    let gain = out["realised_profit"].as_u64().unwrap();
    assert!(gain > 0);
    assert_eq!(out["insurance"].as_u64().unwrap(), gain * 500 / 10_000);
    assert_eq!(w.balance(&vault), before + out["members"].as_u64().unwrap());
    let executed = w.json(&admin, &["proposals", "list", "--status", "executed"]);
    assert_eq!(executed["proposals"].as_array().unwrap().len(), 1);
    assert_eq!(executed["proposals"][0]["status"], "executed");
    let pending = w.json(&admin, &["proposals", "list", "--status", "pending"]);
    assert!(pending["proposals"].as_array().unwrap().is_empty());
}

#[test]
fn votes_refused_by_the_program_are_explained() {
    let mut w = World::seeded();
    let markets = w.markets();
    w.propose_arbitrage(&markets, 1_000 * USDC);

    let stranger = w.wallet();
    let err = w.err(&stranger, &["proposals", "approve", "0"]);
    assert_eq!(
        err,
        format!(
            "{me} is not a validator of this pool: only validators may vote on trade proposals. An ADMIN can add you with `poolbot validators add {me} --role <ROLE>`.",
            me = stranger.pubkey()
        )
    );
    approve(&mut w, 1, "0");
    let senior = w.validators[1].insecure_clone();
    let err = w.err(&senior, &["proposals", "approve", "0"]);
    assert_eq!(
        err,
        "You have already voted on this; each validator votes once."
    );
    let err = w.err(&senior, &["proposals", "approve", "9"]);
    assert!(err.starts_with("No proposal 9 in pool"), "{err}");

    // Both lead-capable validators reject: the lead requirement can no longer be met.
    let lead = w.validators[0].insecure_clone();
    let admin = w.admin.insecure_clone();
    w.ok(&lead, &["proposals", "reject", "0", "--reason", "too thin"]);
    let out = w.ok(
        &admin,
        &["proposals", "reject", "0", "--reason", "too thin"],
    );
    assert!(out.contains("Status: rejected."), "{out}");
    let err = w.err(&senior, &["proposals", "reject", "0", "--reason", "late"]);
    assert!(
        err.starts_with("The proposal is no longer pending"),
        "{err}"
    );

    let member = w.members[0].insecure_clone();
    let err = w.err(&member, &["proposals", "execute", "0"]);
    assert_eq!(
        err,
        format!(
            "{me} is not a keeper of this pool: only keepers propose trades, and only keepers or validators may execute approved proposals. An ADMIN can authorise you with `poolbot keepers add {me}`.",
            me = member.pubkey()
        )
    );
}

#[test]
fn expired_and_stale_proposals_are_explained() {
    let mut w = World::seeded();
    let markets = w.markets();
    w.propose_arbitrage(&markets, 1_000 * USDC);
    w.propose_arbitrage(&markets, 500 * USDC);
    let admin = w.admin.insecure_clone();

    // A validator change makes both stale.
    let newcomer = w.wallet().pubkey().to_string();
    w.ok(
        &admin,
        &["validators", "add", &newcomer, "--role", "junior"],
    );
    let list = w.json(&admin, &["proposals", "list"]);
    assert_eq!(list["proposals"][0]["status"], "stale");
    // a wallet that is no validator hears that first, not that the proposal is stale
    let stranger = w.wallet();
    let err = w.err(&stranger, &["proposals", "approve", "1"]);
    assert!(
        err.starts_with(&format!(
            "{} is not a validator of this pool: only validators may vote on trade proposals.",
            stranger.pubkey()
        )),
        "{err}"
    );
    let lead = w.validators[0].insecure_clone();
    let err = w.err(&lead, &["proposals", "approve", "1"]);
    assert_eq!(
        err,
        "The proposal is stale: validators, roles or the quorum changed after it was made, so its votes no longer count. The keeper must propose the trade again."
    );

    let id = w.propose_arbitrage(&markets, 800 * USDC).to_string();
    w.chain.advance(2 * 3_600, 100);
    let list = w.json(&admin, &["proposals", "list"]);
    assert_eq!(list["proposals"][2]["status"], "expired");
    // stale stays stale once its time also ran out: one rule, the program's
    assert_eq!(list["proposals"][0]["status"], "stale");
    let stale = w.json(&admin, &["proposals", "list", "--status", "stale"]);
    assert_eq!(stale["proposals"].as_array().unwrap().len(), 2);
    let text = w.ok(&admin, &["proposals", "list"]);
    assert!(text.contains("1h ago"), "{text}");
    let err = w.err(&lead, &["proposals", "approve", &id]);
    assert_eq!(
        err,
        "The proposal has expired: it can no longer be approved or executed. The keeper must propose the trade again."
    );
    // the overview counts them as the proposals say: two stale, one expired
    let overview = w.json(&admin, &["overview"]);
    assert_eq!(overview["trades"]["expired"], 1, "{overview}");
    assert_eq!(overview["trades"]["stale"], 2, "{overview}");
    assert_eq!(overview["trades"]["pending"], 0);
    let text = w.ok(&admin, &["overview"]);
    assert!(text.contains("1 expired, 2 stale"), "{text}");
}

#[test]
fn insurance_is_funded_claimed_paid_and_denied() {
    let mut w = World::seeded();
    let funder = w.usdc_wallet(500);
    let out = w.ok(&funder, &["insurance", "fund", "--amount", "200"]);
    assert!(
        out.starts_with("Funded the insurance reserve with 200 USDC; it holds 200 USDC."),
        "{out}"
    );
    let err = w.err(&funder, &["insurance", "fund", "--amount", "400"]);
    assert_eq!(
        err,
        "Your USDC account holds 300 USDC; you asked to fund 400 USDC."
    );

    let (alice, bob) = (w.members[0].insecure_clone(), w.members[1].insecure_clone());
    let out = w.ok(
        &alice,
        &[
            "insurance",
            "claim",
            "--amount",
            "50",
            "--reason",
            "bad fill",
        ],
    );
    assert!(out.starts_with("Filed claim 0 for 50 USDC."), "{out}");
    let err = w.err(
        &bob,
        &["insurance", "claim", "--amount", "500", "--reason", "x"],
    );
    assert_eq!(
        err,
        "The insurance reserve holds 200 USDC, of which 50 USDC are promised to pending claims; you claimed 500 USDC. Claim at most 150 USDC."
    );
    let err = w.err(
        &funder,
        &["insurance", "claim", "--amount", "5", "--reason", "x"],
    );
    assert!(err.contains("is not a member of pool"), "{err}");
    let err = w.err(
        &bob,
        &[
            "insurance",
            "claim",
            "--amount",
            "30",
            "--reason",
            "slow exit",
            "--proposal",
            "0",
        ],
    );
    assert_eq!(
        err,
        "The claim names a trade proposal this pool never issued. Check the id with `poolbot proposals list`, or file the claim without --proposal."
    );
    w.ok(
        &bob,
        &[
            "insurance",
            "claim",
            "--amount",
            "30",
            "--reason",
            "slow exit",
        ],
    );

    // Claims are for SENIOR and above.
    let admin = w.admin.insecure_clone();
    let junior = w.wallet();
    w.ok(
        &admin,
        &[
            "validators",
            "add",
            &junior.pubkey().to_string(),
            "--role",
            "junior",
        ],
    );
    let err = w.err(&junior, &["insurance", "approve", "0"]);
    assert_eq!(
        err,
        format!(
            "Your role is JUNIOR; only validators with role SENIOR or higher may vote on insurance claims. An ADMIN can change your role with `poolbot validators role {} <ROLE>`.",
            junior.pubkey()
        )
    );

    let alice_ata = w.ata(&alice.pubkey());
    let before = w.balance(&alice_ata);
    let (s1, s2) = (
        w.validators[1].insecure_clone(),
        w.validators[2].insecure_clone(),
    );
    let out = w.ok(&s1, &["insurance", "approve", "0"]);
    assert!(
        out.starts_with("Approved claim 0: 1 approval(s), 0 rejection(s). Status: pending."),
        "{out}"
    );
    let out = w.json(&s2, &["insurance", "approve", "0"]);
    assert_eq!(out["status"], "paid");
    assert_eq!(w.balance(&alice_ata), before + 50 * USDC);

    w.ok(&s1, &["insurance", "deny", "1", "--reason", "no loss"]);
    let err = w.err(&s1, &["insurance", "deny", "1", "--reason", "again"]);
    assert_eq!(
        err,
        "You have already voted on this; each validator votes once."
    );
    w.ok(&s2, &["insurance", "deny", "1", "--reason", "no loss"]);
    let out = w.ok(&admin, &["insurance", "deny", "1", "--reason", "no loss"]);
    assert!(out.contains("Status: denied."), "{out}");
    let err = w.err(&admin, &["insurance", "approve", "1"]);
    assert_eq!(err, "The claim is already decided (paid or denied), so votes are closed. See `poolbot insurance status`.");

    let status = w.json(&admin, &["insurance", "status"]);
    assert_eq!(status["reserve_balance"], 150 * USDC);
    assert_eq!(status["total_funded"], 200 * USDC);
    assert_eq!(status["total_paid"], 50 * USDC);
    assert_eq!(status["claims_filed"], 2);
    assert_eq!(status["claims_paid"], 1);
    assert_eq!(status["claims_denied"], 1);
    assert_eq!(status["pending_claims"], 0);
    let claims = status["claims"].as_array().unwrap();
    assert_eq!(claims[0]["status"], "paid");
    assert_eq!(claims[1]["status"], "denied");
    assert!(claims[1]["proposal_id"].is_null());
    assert_eq!(claims[1]["decision_note"], "no loss");
    let text = w.ok(&admin, &["insurance", "status"]);
    assert!(text.contains("balance          150 USDC"), "{text}");
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("1  denied"))
        .unwrap_or_else(|| panic!("no row for claim 1:\n{text}"));
    assert!(row.contains("30 USDC"), "{row}");
}

#[test]
fn a_claimant_without_an_associated_account_is_paid_where_the_validator_says() {
    let mut w = World::seeded();
    let funder = w.usdc_wallet(100);
    w.ok(&funder, &["insurance", "fund", "--amount", "100"]);
    let member = w.wallet();
    let usdc = w.usdc;
    let account = w.token_account(&usdc, &member.pubkey(), 100 * USDC);
    let account_str = account.to_string();
    w.ok(
        &member,
        &[
            "member",
            "deposit",
            "--amount",
            "100",
            "--token-account",
            &account_str,
        ],
    );
    w.ok(
        &member,
        &["insurance", "claim", "--amount", "10", "--reason", "x"],
    );
    let senior = w.validators[1].insecure_clone();
    let err = w.err(&senior, &["insurance", "approve", "0"]);
    assert!(
        err.starts_with(&format!(
            "The claimant's wallet {} has no USDC account",
            member.pubkey()
        )) && err.contains("Pass one with --claimant-token <PUBKEY>"),
        "{err}"
    );
    w.ok(
        &senior,
        &[
            "insurance",
            "approve",
            "0",
            "--claimant-token",
            &account_str,
        ],
    );
    let other = w.validators[2].insecure_clone();
    w.ok(
        &other,
        &[
            "insurance",
            "approve",
            "0",
            "--claimant-token",
            &account_str,
        ],
    );
    assert_eq!(w.balance(&account), 10 * USDC);
}

#[test]
fn the_overview_shows_pool_member_insurance_validator_and_trade_statistics() {
    let mut w = World::seeded();
    let markets = w.markets();
    w.propose_arbitrage(&markets, 1_000 * USDC);
    approve(&mut w, 0, "0");
    approve(&mut w, 1, "0");
    let keeper = w.keeper.insecure_clone();
    let executed = w.json(&keeper, &["proposals", "execute", "0"]);
    let gain = executed["realised_profit"].as_u64().unwrap();
    let insurance = executed["insurance"].as_u64().unwrap();
    w.propose_arbitrage(&markets, 500 * USDC);

    let alice = w.members[0].insecure_clone();
    let o = w.json(&alice, &["overview"]);
    let pool = &o["pool"];
    assert_eq!(pool["capital_contributed"], 8_500 * USDC);
    assert_eq!(pool["active_members"], 3);
    assert_eq!(pool["withdrawn_members"], 0);
    assert_eq!(pool["total_profit"], gain);
    assert_eq!(pool["member_profit"], gain - insurance);
    assert_eq!(pool["pool_balance"], 8_500 * USDC + gain - insurance);
    let roi = pool["roi_percent"].as_f64().unwrap();
    assert!((roi - (gain - insurance) as f64 / (8_500 * USDC) as f64 * 100.0).abs() < 1e-9);
    assert!(pool["share_value"].as_u64().unwrap() > USDC);

    let member = &o["member"];
    assert_eq!(member["owner"], alice.pubkey().to_string());
    assert_eq!(member["capital_contributed"], 1_000 * USDC);
    let value = member["value"].as_u64().unwrap();
    assert!(value > 1_000 * USDC);
    assert_eq!(member["profit"].as_u64().unwrap(), value - 1_000 * USDC);

    let ins = &o["insurance"];
    assert_eq!(ins["reserve_balance"], insurance);
    assert_eq!(ins["total_allocated"], insurance);
    assert_eq!(ins["total_paid"], 0);
    assert_eq!(ins["pending_claims"], 0);
    let coverage = ins["coverage_ratio_percent"].as_f64().unwrap();
    let assets = pool["total_assets"].as_u64().unwrap();
    assert!((coverage - insurance as f64 / assets as f64 * 100.0).abs() < 1e-9);

    let v = &o["validators"];
    assert_eq!(v["count"], 4);
    assert_eq!(v["required_approvals"], 2);
    assert_eq!(v["pending_approvals"], 1);
    let rows: &Vec<Value> = v["validators"].as_array().unwrap();
    let roles: Vec<&str> = rows.iter().map(|r| r["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["ADMIN", "LEAD", "SENIOR", "SENIOR"]);
    assert_eq!(rows[1]["approval_rate_percent"], 100.0);
    assert_eq!(rows[3]["approval_rate_percent"], Value::Null);
    assert!(rows.iter().all(|r| r["pending_votes"] == 1));

    let t = &o["trades"];
    assert_eq!(
        (
            &t["proposed"],
            &t["approved"],
            &t["rejected"],
            &t["executed"],
            &t["expired"],
            &t["pending"]
        ),
        (
            &2.into(),
            &1.into(),
            &0.into(),
            &1.into(),
            &0.into(),
            &1.into()
        )
    );

    let text = w.ok(&alice, &["overview"]);
    for needle in [
        "capital contributed  8500 USDC",
        "members              3 active, 0 withdrawn (max 100)",
        "ROI                  ",
        &format!("Member {} (active)", alice.pubkey()),
        "coverage ",
        "approval rate ",
        "Trades: 2 proposed, 1 approved, 0 rejected, 1 executed, 0 expired, 0 stale, 1 pending validation",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let admin = w.admin.insecure_clone();
    assert_eq!(w.json(&admin, &["overview"])["member"], Value::Null);
}

impl World {
    fn now(&self) -> i64 {
        self.chain.clock().unwrap().unix_timestamp
    }
}

#[test]
fn activity_shows_the_pool_history_newest_first() {
    let mut w = World::seeded();
    let markets = w.markets();
    w.propose_arbitrage(&markets, 1_000 * USDC);
    approve(&mut w, 1, "0");
    approve(&mut w, 0, "0");
    let keeper = w.keeper.insecure_clone();
    w.ok(&keeper, &["proposals", "execute", "0"]);
    let admin = w.admin.insecure_clone();

    let all = w.json(&admin, &["activity", "--limit", "100"]);
    let events = all["events"].as_array().unwrap();
    let names: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    // newest first: the execution, the two votes, the proposal, ..., the pool's creation
    assert_eq!(names[0], "TradeExecuted", "{names:?}");
    assert_eq!(
        &names[1..4],
        ["TradeVoted", "TradeVoted", "TradeProposed"],
        "{names:?}"
    );
    assert_eq!(names.last(), Some(&"PoolInitialized"), "{names:?}");
    assert_eq!(names.iter().filter(|n| **n == "Deposited").count(), 3);
    // one vote decides nothing: only the one reaching the quorum is headed "approved"
    assert_eq!(events[1]["title"], "Trade approved");
    assert_eq!(events[2]["title"], "Trade vote");
    assert!(
        events[2]["detail"]
            .as_str()
            .unwrap()
            .contains("approved proposal #0; still pending"),
        "{}",
        events[2]
    );
    let executed = &events[0];
    assert!(executed["detail"]
        .as_str()
        .unwrap()
        .starts_with("proposal #0 gained "));
    assert_eq!(executed["actor"], keeper.pubkey().to_string());
    assert!(executed["data"]["gain"].as_u64().unwrap() > 0);
    assert!(executed["block_time"].is_i64());

    let two = w.json(&admin, &["activity", "--limit", "2"]);
    assert_eq!(two["events"].as_array().unwrap().len(), 2);
    let text = w.ok(&admin, &["activity", "--limit", "3"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("3 event(s) of pool \"Arbitrage Trading Pool\""),
        "{text}"
    );
    assert!(lines[1].starts_with("time (UTC)"), "{text}");
    assert!(lines[2].contains("Trade executed"), "{text}");
    assert!(w
        .err(&admin, &["activity", "--limit", "0"])
        .starts_with("--limit must be 1 to 1000"),);
}

#[test]
fn claim_votes_cast_before_a_validator_change_no_longer_count() {
    let mut w = World::seeded();
    let funder = w.usdc_wallet(500);
    w.ok(&funder, &["insurance", "fund", "--amount", "200"]);
    let alice = w.members[0].insecure_clone();
    w.ok(
        &alice,
        &[
            "insurance",
            "claim",
            "--amount",
            "50",
            "--reason",
            "bad fill",
        ],
    );
    let senior = w.validators[1].insecure_clone();
    w.ok(&senior, &["insurance", "approve", "0"]);
    let admin = w.admin.insecure_clone();
    let claims = w.json(&admin, &["insurance", "status"]);
    assert_eq!(claims["claims"][0]["approvals"], 1);

    // a validator change discards the votes (the program restarts them at the next vote)
    let newcomer = w.wallet().pubkey().to_string();
    w.ok(
        &admin,
        &["validators", "add", &newcomer, "--role", "senior"],
    );
    let claims = w.json(&admin, &["insurance", "status"]);
    assert_eq!(claims["claims"][0]["approvals"], 0, "{claims}");
    assert_eq!(claims["claims"][0]["status"], "pending");
    let out = w.ok(&senior, &["insurance", "approve", "0"]);
    assert!(
        out.starts_with("Approved claim 0: 1 approval(s), 0 rejection(s). Status: pending."),
        "{out}"
    );
}
