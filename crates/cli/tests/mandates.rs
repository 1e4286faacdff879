//! Mandates with `poolbot`: the keeper proposes one, it is listed, approved by the quorum,
//! shown with its voters, used by a keeper (with the client's builder), revoked by the LEAD and
//! closed; every mistake in `propose` is refused before sending with the problem and the fix;
//! votes by the wrong people, stale and expired mandates are explained; `activity` tells the
//! story.
mod common;

use clap::Parser;
use common::{Markets, World, USDC};
use pool_bot_cli::{report, Cli};
use pool_bot_client::chain::Chain;
use pool_bot_client::Pubkey;
use solana_keypair::Keypair;
use solana_signer::Signer;

fn now(w: &World) -> i64 {
    w.chain.clock().unwrap().unix_timestamp
}

/// `mandates propose` over both markets with `extra` flags after the defaults below (a later
/// flag of the same name wins only for single-valued flags, so tests pass what they change).
fn propose_args(m: &Markets, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "mandates",
        "propose",
        "--market",
        &m.cheap.pool.to_string(),
        "--market",
        &m.dear.pool.to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let defaults = [
        ("--max-amount-in", "5000"),
        ("--min-profit", "1"),
        ("--min-profit-bps", "10"),
        ("--max-trades", "3"),
        ("--duration", "7d"),
    ];
    for (flag, value) in defaults {
        if !extra.contains(&flag) {
            args.extend([flag.to_string(), value.to_string()]);
        }
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn propose(w: &mut World, who: &Keypair, m: &Markets, extra: &[&str]) -> Result<String, String> {
    let args = propose_args(m, extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    w.run(who, &args).map_err(|e| e.to_string())
}

fn refused(w: &mut World, m: &Markets, extra: &[&str]) -> String {
    let keeper = w.keeper.insecure_clone();
    match propose(w, &keeper, m, extra) {
        Ok(out) => panic!("{extra:?} was accepted: {out}"),
        Err(e) => e,
    }
}

fn vote(w: &mut World, who: usize, args: &[&str]) -> String {
    let v = w.validators[who].insecure_clone();
    w.ok(&v, args)
}

#[test]
fn a_mandate_is_proposed_listed_approved_used_revoked_and_closed() {
    let mut w = World::seeded();
    let m = w.markets();
    let keeper = w.keeper.insecure_clone();
    let admin = w.admin.insecure_clone();

    let out = propose(&mut w, &keeper, &m, &[]).unwrap();
    let mandate = w.pool().mandate(0);
    assert!(
        out.starts_with(&format!(
            "Proposed mandate 0 at {mandate} under product 0 \"DEX arbitrage\": up to 5000 USDC \
             a trade on 2 market(s), at least 1 USDC or 0.1% profit, 3 trade(s) and 15000 USDC \
             per 1d, standing 7d once usable.\nValidators vote until "
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "(in 1h): 2 approval(s) incl. a LEAD or ADMIN approve it; it becomes usable at once."
        ),
        "{out}"
    );

    let list = w.json(&admin, &["mandates", "list"]);
    let row = &list["mandates"][0];
    assert_eq!(row["id"], 0);
    assert_eq!(row["standing"], "pending");
    assert_eq!(row["markets"].as_array().unwrap().len(), 2);
    assert_eq!(row["max_amount_in"], 5_000 * USDC);
    assert_eq!(row["min_profit"], USDC);
    assert_eq!(row["min_profit_bps"], 10);
    assert_eq!(row["period"], 86_400);
    assert_eq!(row["max_trades_per_period"], 3);
    assert_eq!(row["max_notional_per_period"], 15_000 * USDC);
    assert_eq!(row["duration"], 7 * 86_400);
    assert_eq!(row["proposer"], keeper.pubkey().to_string());
    assert_eq!(row["vote_expires_at"].as_i64().unwrap() - now(&w), 3_600);
    assert_eq!(row["expires_at"], serde_json::Value::Null);
    let text = w.ok(&admin, &["mandates", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "1 mandate(s); quorum 2 approval(s) incl. a LEAD or ADMIN",
        "{text}"
    );
    let (header, row) = (lines[1], lines[2]);
    let start =
        |line: &str, cell: &str| line.find(cell).unwrap_or_else(|| panic!("{cell}: {text}"));
    let end = |line: &str, cell: &str| start(line, cell) + cell.len();
    assert_eq!(start(header, "standing"), start(row, "pending"), "{text}");
    assert_eq!(end(header, "max/trade"), end(row, "5000 USDC"), "{text}");
    assert_eq!(
        end(header, "budget used / per period"),
        end(row, "0/3 trades, 0/15000 USDC per 1d"),
        "{text}"
    );
    assert_eq!(
        start(header, "expires"),
        start(row, "votes close in 1h"),
        "{text}"
    );

    let out = vote(&mut w, 1, &["mandates", "approve", "0"]);
    assert!(
        out.starts_with("Approved mandate 0: 1/2 approval(s), 0 rejection(s), lead approval still needed. Standing: pending."),
        "{out}"
    );
    // a keeper cannot use it yet
    let err = w.execute_mandate(&m, 0, 1_000 * USDC).unwrap_err();
    assert_eq!(err.program_error_name(), Some("MandateNotApproved"));
    let out = vote(&mut w, 0, &["mandates", "approve", "0"]);
    assert!(
        out.starts_with("Approved mandate 0: 2/2 approval(s), 0 rejection(s), lead approval given. Standing: active (usable until "),
        "{out}"
    );

    let show = w.ok(&admin, &["mandates", "show", "0"]);
    let (lead, senior) = (w.validators[0].pubkey(), w.validators[1].pubkey());
    for needle in [
        format!("Mandate 0 {mandate}"),
        "  standing         active: usable since ".to_string(),
        format!("  approvals        2/2 (lead approval given): {lead} (LEAD), {senior} (SENIOR)"),
        "  rejections       0: none".to_string(),
        format!("  proposer         {}", keeper.pubkey()),
        "  product          0 \"DEX arbitrage\" ".to_string(),
        "  max per trade    5000 USDC".to_string(),
        "  least profit     1 USDC or 0.1% of the amount in, the larger".to_string(),
        "  budget           3 trade(s) and 15000 USDC per 1d".to_string(),
        "  used this period 0 trade(s), 0 USDC (this period ends ".to_string(),
        "  lifetime         7d once usable".to_string(),
        "  executions       0: 0 USDC traded, 0 USDC gained".to_string(),
        format!("Markets (2):\n  {}\n  {}", m.cheap.pool, m.dear.pool),
    ] {
        assert!(show.contains(&needle), "missing {needle:?} in\n{show}");
    }

    // a keeper trades under it in one transaction, without a vote
    let gain = w.execute_mandate(&m, 0, 1_000 * USDC).unwrap();
    let shown = w.json(&admin, &["mandates", "show", "0"]);
    assert_eq!(shown["standing"], "active");
    assert_eq!(shown["approved_by"].as_array().unwrap().len(), 2);
    assert_eq!(shown["rejected_by"].as_array().unwrap().len(), 0);
    assert_eq!(
        shown["expires_at"].as_i64().unwrap() - shown["active_from"].as_i64().unwrap(),
        7 * 86_400
    );
    assert_eq!(shown["executions"], 1);
    assert_eq!(shown["trades_in_period"], 1);
    assert_eq!(shown["notional_in_period"], 1_000 * USDC);
    assert_eq!(shown["total_notional"], 1_000 * USDC);
    assert_eq!(shown["total_gain"], gain);
    let text = w.ok(&admin, &["mandates", "list"]);
    assert!(
        text.contains("1/3 trades, 1000/15000 USDC per 1d"),
        "{text}"
    );
    // the next day's period starts with its whole budget
    w.chain.advance(86_400, 1_000);
    let shown = w.json(&admin, &["mandates", "show", "0"]);
    assert_eq!(shown["trades_in_period"], 0);
    assert_eq!(shown["notional_in_period"], 0);

    let active = w.json(&admin, &["mandates", "list", "--status", "active"]);
    assert_eq!(active["mandates"].as_array().unwrap().len(), 1);
    let err = w.err(&admin, &["mandates", "close", "0"]);
    assert!(
        err.starts_with("Mandate 0 cannot be closed yet: it is active: usable since "),
        "{err}"
    );
    assert!(
        err.ends_with(". It can be closed once rejected, revoked, expired or stale; a LEAD or ADMIN can revoke it now with `poolbot mandates revoke 0`."),
        "{err}"
    );

    let senior_key = w.validators[1].insecure_clone();
    let err = w.err(&senior_key, &["mandates", "revoke", "0"]);
    assert_eq!(
        err,
        format!(
            "Your role is SENIOR; only validators with role LEAD or higher may revoke mandates. An ADMIN can change your role with `poolbot validators role {senior} <ROLE>`."
        )
    );
    let out = vote(&mut w, 0, &["mandates", "revoke", "0"]);
    assert!(
        out.starts_with(&format!(
            "Revoked mandate 0: no trade can run under it any more. Close it with `poolbot mandates close 0` to return its rent to {}.",
            keeper.pubkey()
        )),
        "{out}"
    );
    let err = w.execute_mandate(&m, 0, 1_000 * USDC).unwrap_err();
    assert_eq!(err.program_error_name(), Some("MandateRevoked"));
    let lead_key = w.validators[0].insecure_clone();
    let err = w.err(&lead_key, &["mandates", "revoke", "0"]);
    assert_eq!(
        err,
        "Mandate 0 is already revoked: only a pending or approved mandate can be revoked. Close it with `poolbot mandates close 0`."
    );
    let err = w.err(&senior_key, &["mandates", "approve", "0"]);
    assert_eq!(
        err,
        "The mandate is no longer open for votes. See where it stands with `poolbot mandates show <ID>`."
    );

    // anyone closes it; the rent goes back to the keeper who paid it
    let before = w.chain.account(&keeper.pubkey()).unwrap().unwrap().lamports;
    let member = w.members[0].insecure_clone();
    let closed = w.json(&member, &["mandates", "close", "0"]);
    let rent = closed["rent"].as_u64().unwrap();
    assert!(rent > 0);
    assert_eq!(closed["rent_to"], keeper.pubkey().to_string());
    assert_eq!(
        w.chain.account(&keeper.pubkey()).unwrap().unwrap().lamports,
        before + rent
    );
    let err = w.err(&admin, &["mandates", "show", "0"]);
    assert!(
        err.starts_with("No mandate 0 in pool") && err.ends_with("See `poolbot mandates list`."),
        "{err}"
    );
    let list = w.json(&admin, &["mandates", "list"]);
    assert!(list["mandates"].as_array().unwrap().is_empty());

    // the activity trail tells the story, newest first
    let all = w.json(&admin, &["activity", "--limit", "20"]);
    let events = all["events"].as_array().unwrap();
    let story: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["event"].as_str().unwrap(), e["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        &story[..6],
        [
            ("AccountClosed", "Account closed"),
            ("MandateRevoked", "Mandate revoked"),
            ("MandateExecuted", "Mandate trade executed"),
            ("MandateVoted", "Mandate approved"),
            ("MandateVoted", "Mandate approval vote"),
            ("MandateProposed", "Mandate proposed"),
        ],
        "{all}"
    );
    let detail = |i: usize| events[i]["detail"].as_str().unwrap().to_string();
    assert!(
        detail(0).starts_with("mandate #0 closed; its rent went back to "),
        "{}",
        detail(0)
    );
    assert!(
        detail(1).starts_with("LEAD ") && detail(1).ends_with(" revoked mandate #0"),
        "{}",
        detail(1)
    );
    assert!(
        detail(2).contains(" traded 1000 USDC under mandate #0: gain "),
        "{}",
        detail(2)
    );
    assert_eq!(events[2]["actor"], keeper.pubkey().to_string());
    assert_eq!(events[2]["data"]["gain"], gain);
    assert_eq!(
        events[2]["data"]["insurance"].as_u64().unwrap(),
        gain * 500 / 10_000
    );
    assert!(
        detail(3).starts_with("LEAD ") && detail(3).ends_with(" approved mandate #0"),
        "{}",
        detail(3)
    );
    assert!(
        detail(4).starts_with("SENIOR ") && detail(4).ends_with(" approved mandate #0"),
        "{}",
        detail(4)
    );
    assert!(
        detail(5).ends_with(
            " proposed mandate #0: up to 5000 USDC a trade on 2 market(s), at least 1 USDC or 0.1% profit"
        ),
        "{}",
        detail(5)
    );
    assert_eq!(events[5]["data"]["min_profit_bps"], 10);
    let text = w.ok(&admin, &["activity", "--limit", "6"]);
    assert!(text.contains("Mandate trade executed"), "{text}");
}

/// What clap says about a command line it refuses.
fn parse_error(args: &[String]) -> String {
    let mut argv = vec!["poolbot".to_string()];
    argv.extend_from_slice(args);
    match Cli::try_parse_from(&argv) {
        Ok(_) => panic!("{argv:?} parsed"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_propose_mistake_is_refused_before_sending() {
    let mut w = World::seeded();
    let m = w.markets();
    let admin = w.admin.insecure_clone();
    let (cheap, dear) = (m.cheap.pool.to_string(), m.dear.pool.to_string());

    let stranger = w.wallet();
    let err = propose(&mut w, &stranger, &m, &[]).unwrap_err();
    assert_eq!(
        err,
        format!(
            "{me} is neither a keeper nor an ADMIN of this pool: only keepers and ADMINs may propose mandates. An ADMIN can authorise you with `poolbot keepers add {me}`.",
            me = stranger.pubkey()
        )
    );
    // a LEAD votes on mandates but does not propose them
    let lead = w.validators[0].insecure_clone();
    assert!(propose(&mut w, &lead, &m, &[])
        .unwrap_err()
        .contains("is neither a keeper nor an ADMIN"));

    let err = refused(&mut w, &m, &["--market", &cheap]);
    assert_eq!(
        err,
        format!("Market {cheap} is passed twice. Pass each --market once.")
    );
    // under --json the refusal is the error object, kind "input"
    let keeper = w.keeper.insecure_clone();
    let args = propose_args(&m, &["--market", &cheap]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let error = w.run(&keeper, &args).unwrap_err();
    let json: serde_json::Value = serde_json::from_str(&report(&error, true)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "error": format!("Market {cheap} is passed twice. Pass each --market once."),
            "kind": "input",
        })
    );
    let mut nine = Vec::new();
    for _ in 0..7 {
        nine.extend(["--market".to_string(), Pubkey::new_unique().to_string()]);
    }
    let nine: Vec<&str> = nine.iter().map(String::as_str).collect();
    let err = refused(&mut w, &m, &nine);
    assert_eq!(
        err,
        "A mandate lists at most 8 markets; you passed 9. Pass fewer --market (propose a second mandate for the others)."
    );
    let nowhere = Pubkey::new_unique().to_string();
    let err = refused(&mut w, &m, &["--market", &nowhere]);
    assert_eq!(
        err,
        format!("No account at market {nowhere}. A market is a DEX pool account (e.g. a local AMM pool); check the address and --url.")
    );
    let err = refused(&mut w, &m, &["--product", "7"]);
    assert_eq!(
        err,
        "No product 7 in this pool. Pass an existing one with --product (see `poolbot products list`)."
    );

    // a product that lists only the cheap market
    w.ok(
        &admin,
        &[
            "products",
            "register",
            "--name",
            "Listed",
            "--max-trade",
            "10000",
            "--min-profit",
            "2",
            "--rule",
            "local-amm-swap",
            "--market",
            &cheap,
        ],
    );
    let err = refused(&mut w, &m, &["--product", "1"]);
    assert_eq!(
        err,
        format!("Market {dear} is not on product 1 \"Listed\"'s market list ({cheap}). Pass only markets the product lists (`poolbot products list`), or another --product.")
    );

    let err = refused(&mut w, &m, &["--max-amount-in", "0"]);
    assert_eq!(
        err,
        "--max-amount-in must be above 0: it is the largest amount one trade may put in."
    );
    let err = refused(&mut w, &m, &["--max-amount-in", "60000"]);
    assert_eq!(
        err,
        "--max-amount-in 60000 USDC is above product 0 \"DEX arbitrage\"'s largest trade of 50000 USDC. Pass at most 50000."
    );
    let err = refused(&mut w, &m, &["--max-amount-in", "1.0000001"]);
    assert!(
        err.contains("more decimal places than USDC allows (6)"),
        "{err}"
    );
    let err = refused(&mut w, &m, &["--min-profit", "0.5"]);
    assert_eq!(
        err,
        "--min-profit 0.5 USDC is below product 0 \"DEX arbitrage\"'s minimum profit of 1 USDC. Pass at least 1."
    );
    let err = refused(&mut w, &m, &["--period", "30s"]);
    assert_eq!(
        err,
        "--period 30s is outside what a budget period may be (1m to 30d). Pass e.g. --period 1d."
    );
    let err = refused(&mut w, &m, &["--period", "31d"]);
    assert!(err.starts_with("--period 31d is outside"), "{err}");
    let err = refused(&mut w, &m, &["--max-trades", "0"]);
    assert_eq!(
        err,
        "--max-trades must be at least 1: it is how many trades may run per period."
    );
    let err = refused(&mut w, &m, &["--max-notional", "1000"]);
    assert_eq!(
        err,
        "--max-notional 1000 USDC is below --max-amount-in 5000 USDC: a period's budget must allow at least one trade of the largest size. Raise --max-notional to at least 5000, or lower --max-amount-in."
    );
    let err = refused(&mut w, &m, &["--duration", "31d"]);
    assert_eq!(
        err,
        "--duration 31d is outside what a mandate may stand (1s to 30d). Pass at most 30d; propose a new mandate when it ends."
    );
    assert!(refused(&mut w, &m, &["--duration", "0"]).starts_with("--duration 0s is outside"));

    // flags clap itself refuses, with the same words as elsewhere
    let err = parse_error(&propose_args(&m, &["--min-profit-bps", "20000"]));
    assert!(
        err.contains("20000 basis points is more than 100%: basis points run from 0 to 10000"),
        "{err}"
    );
    let err = parse_error(&propose_args(&m, &["--period", "1w"]));
    assert!(err.contains("'1w' is not a duration"), "{err}");
    let err = parse_error(&[
        "mandates".into(),
        "propose".into(),
        "--max-amount-in".into(),
        "5".into(),
    ]);
    assert!(err.contains("--market <PUBKEY>"), "{err}");

    // a disabled product, a paused pool
    w.ok(&admin, &["products", "disable", "1"]);
    let err = refused(&mut w, &m, &["--product", "1"]);
    assert_eq!(
        err,
        "Product 1 \"Listed\" is disabled, so no mandate can be proposed under it. An ADMIN can enable it with `poolbot products enable 1`, or pass another --product."
    );
    w.ok(&admin, &["config", "--pause"]);
    let err = refused(&mut w, &m, &[]);
    assert!(err.starts_with("The pool is paused"), "{err}");
    let keeper = w.keeper.insecure_clone();
    let kind = match w.run(
        &keeper,
        &[
            "mandates",
            "propose",
            "--market",
            &cheap,
            "--max-amount-in",
            "0",
            "--min-profit",
            "1",
            "--max-trades",
            "1",
            "--duration",
            "1d",
        ],
    ) {
        Err(e) => e.kind(),
        Ok(out) => panic!("{out}"),
    };
    assert_eq!(kind, "state");
    w.ok(&admin, &["config", "--resume"]);

    // nothing was sent: no mandate exists, and the next one is still number 0
    let list = w.json(&admin, &["mandates", "list"]);
    assert!(list["mandates"].as_array().unwrap().is_empty(), "{list}");
    // an ADMIN may propose, with the notional given explicitly
    let out = w.json(
        &admin,
        &propose_args(&m, &["--max-notional", "7500"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(out["id"], 0);
    assert_eq!(out["max_notional_per_period"], 7_500 * USDC);
    assert_eq!(out["address"], w.pool().mandate(0).to_string());
}

#[test]
fn votes_by_the_wrong_people_and_on_finished_mandates_are_explained() {
    let mut w = World::seeded();
    let m = w.markets();
    let keeper = w.keeper.insecure_clone();
    let admin = w.admin.insecure_clone();
    propose(&mut w, &keeper, &m, &[]).unwrap();
    propose(&mut w, &keeper, &m, &[]).unwrap();

    let stranger = w.wallet();
    let err = w.err(&stranger, &["mandates", "approve", "0"]);
    assert_eq!(
        err,
        format!(
            "{me} is not a validator of this pool: only validators may vote on mandates. An ADMIN can add you with `poolbot validators add {me} --role <ROLE>`.",
            me = stranger.pubkey()
        )
    );
    let err = w.err(&keeper, &["mandates", "revoke", "0"]);
    assert!(
        err.starts_with(&format!(
            "{} is not a validator of this pool: only validators with role LEAD or higher may revoke mandates.",
            keeper.pubkey()
        )),
        "{err}"
    );
    vote(&mut w, 1, &["mandates", "approve", "0"]);
    let senior = w.validators[1].insecure_clone();
    assert_eq!(
        w.err(&senior, &["mandates", "approve", "0"]),
        "You have already voted on this; each validator votes once."
    );
    assert!(w
        .err(&senior, &["mandates", "approve", "9"])
        .starts_with("No mandate 9 in pool"));

    // both lead-capable validators reject mandate 0: the lead requirement can no longer be met
    let out = vote(
        &mut w,
        0,
        &["mandates", "reject", "0", "--reason", "too wide"],
    );
    assert!(
        out.starts_with("Rejected mandate 0: 1/2 approval(s), 1 rejection(s), lead approval still needed. Standing: pending."),
        "{out}"
    );
    let out = w.ok(&admin, &["mandates", "reject", "0", "--reason", "too wide"]);
    assert!(out.contains("Standing: rejected."), "{out}");
    let shown = w.json(&admin, &["mandates", "show", "0"]);
    assert_eq!(shown["standing"], "rejected");
    assert_eq!(shown["rejected_by"].as_array().unwrap().len(), 2);
    let show = w.ok(&admin, &["mandates", "show", "0"]);
    assert!(
        show.contains("  standing         rejected: rejected "),
        "{show}"
    );
    assert!(show.contains("  rejections       2: "), "{show}");
    for needle in [
        format!("{} (LEAD)", w.validators[0].pubkey()),
        format!("{} (ADMIN)", admin.pubkey()),
    ] {
        assert!(show.contains(&needle), "missing {needle:?} in\n{show}");
    }

    // a validator change makes mandate 1 stale; then its vote window runs out
    let newcomer = w.wallet().pubkey().to_string();
    w.ok(
        &admin,
        &["validators", "add", &newcomer, "--role", "junior"],
    );
    let stale = w.json(&admin, &["mandates", "list", "--status", "stale"]);
    assert_eq!(stale["mandates"][0]["id"], 1, "{stale}");
    let err = w.err(&senior, &["mandates", "approve", "1"]);
    assert_eq!(
        err,
        "The validators, the quorum or the pool's terms changed since the mandate was proposed, so it can no longer be used. Propose it again."
    );
    let out = w.ok(&admin, &["mandates", "close", "1"]);
    assert!(
        out.starts_with("Closed mandate 1 (stale): its rent, 0."),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "SOL, went back to its proposer {}.",
            keeper.pubkey()
        )),
        "{out}"
    );

    // a pending mandate whose votes ran out is expired
    propose(&mut w, &keeper, &m, &[]).unwrap();
    w.chain.advance(2 * 3_600, 100);
    let list = w.json(&admin, &["mandates", "list"]);
    let standings: Vec<&str> = list["mandates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["standing"].as_str().unwrap())
        .collect();
    assert_eq!(standings, ["rejected", "expired"]);
    let text = w.ok(&admin, &["mandates", "list"]);
    assert!(text.contains("1h ago"), "{text}");
    assert_eq!(
        w.err(&senior, &["mandates", "approve", "2"]),
        "The mandate's vote window or lifetime has ended. Propose a new mandate."
    );
    w.ok(&admin, &["mandates", "close", "0"]);
    w.ok(&admin, &["mandates", "close", "2"]);
    assert!(w.json(&admin, &["mandates", "list"])["mandates"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn under_a_time_lock_an_approved_mandate_waits() {
    let mut w = World::seeded();
    let m = w.markets();
    let keeper = w.keeper.insecure_clone();
    let admin = w.admin.insecure_clone();
    // raising the time lock applies at once
    w.ok(&admin, &["config", "--time-lock", "1h"]);
    let out = propose(&mut w, &keeper, &m, &[]).unwrap();
    assert!(
        out.contains("it becomes usable 1h after approval (the pool's time lock)."),
        "{out}"
    );
    vote(&mut w, 1, &["mandates", "approve", "0"]);
    let out = vote(&mut w, 0, &["mandates", "approve", "0"]);
    assert!(
        out.contains("Standing: waiting (usable from ") && out.contains(", in 1h, until "),
        "{out}"
    );
    let err = w.execute_mandate(&m, 0, 1_000 * USDC).unwrap_err();
    assert_eq!(err.program_error_name(), Some("MandateNotYetActive"));
    let show = w.ok(&admin, &["mandates", "show", "0"]);
    assert!(
        show.contains("  standing         waiting: approved; usable from "),
        "{show}"
    );
    let list = w.ok(&admin, &["mandates", "list"]);
    assert!(
        list.contains("waiting") && list.contains("in 7d1h"),
        "{list}"
    );
    w.chain.advance(3_600, 100);
    let shown = w.json(&admin, &["mandates", "show", "0"]);
    assert_eq!(shown["standing"], "active");
    w.execute_mandate(&m, 0, 1_000 * USDC).unwrap();
}
