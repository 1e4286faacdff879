//! A member's life with `poolbot member`: deposits (from the associated account or another),
//! withdrawals by amount, shares and all, the status, and the messages for what a person
//! gets wrong: unknown member, too little in the wallet, below the minimum, unparseable or
//! malformed input, a missing keypair file, an unreachable RPC node.
mod common;

use clap::Parser;
use common::{spl_token, World, USDC};
use pool_bot_cli::{run, settings, Cli};
use pool_bot_client::chain::Chain;
use pool_bot_client::rpc::Rpc;
use solana_signer::Signer;
use std::path::Path;

#[test]
fn deposits_withdrawals_and_status() {
    let mut w = World::seeded();
    let member = w.usdc_wallet(2_000);
    let out = w.ok(&member, &["member", "deposit", "--amount", "1000.5"]);
    assert!(
        out.starts_with("Deposited 1000.5 USDC into \"Arbitrage Trading Pool\": +1000.5 shares, 1000.5 shares in all."),
        "{out}"
    );
    let ata = w.ata(&member.pubkey());
    assert_eq!(w.balance(&ata), 999_500_000);

    let status = w.json(&member, &["member", "status"]);
    assert_eq!(status["owner"], member.pubkey().to_string());
    assert_eq!(status["status"], "active");
    assert_eq!(status["capital_contributed"], 1_000_500_000u64);
    assert_eq!(status["shares"], 1_000_500_000u64);
    assert_eq!(status["value"], 1_000_500_000u64);
    assert_eq!(status["profit"], 0);

    let out = w.ok(&member, &["member", "withdraw", "--amount", "100"]);
    assert!(
        out.starts_with("Withdrew 100 USDC (burned 100 shares); 900.5 shares left."),
        "{out}"
    );
    let out = w.json(&member, &["member", "withdraw", "--shares", "0.5"]);
    assert_eq!(out["amount"], USDC / 2);
    assert_eq!(out["shares"], 900 * USDC);
    let out = w.ok(&member, &["member", "withdraw", "--all"]);
    assert!(
        out.starts_with("Withdrew 900 USDC (burned 900 shares); 0 shares left."),
        "{out}"
    );
    assert_eq!(w.balance(&ata), 2_000 * USDC);
    let status = w.ok(&member, &["member", "status"]);
    assert!(
        status.contains(&format!("Member {} (withdrawn)", member.pubkey())),
        "{status}"
    );
    assert!(
        status.contains("capital contributed  1000.5 USDC (withdrawn 1000.5 USDC)"),
        "{status}"
    );
    let err = w.err(&member, &["member", "withdraw", "--all"]);
    assert_eq!(
        err,
        "You hold no shares: you already withdrew everything. Nothing to withdraw."
    );

    // Another member's status, by address.
    let seed = w.members[1].pubkey().to_string();
    let other = w.json(&member, &["member", "status", "--member", &seed]);
    assert_eq!(other["capital_contributed"], 5_000 * USDC);
}

#[test]
fn deposits_from_a_named_account_and_withdraws_into_a_new_associated_account() {
    let mut w = World::seeded();
    let member = w.wallet();
    let usdc = w.usdc;
    let account = w.token_account(&usdc, &member.pubkey(), 500 * USDC);
    let err = w.err(&member, &["member", "deposit", "--amount", "200"]);
    assert_eq!(
        err,
        format!(
            "Your wallet {} has no USDC account (expected its associated token account {}). Pass one with --token-account <PUBKEY>, or create it with `spl-token create-account {}`.",
            member.pubkey(),
            w.ata(&member.pubkey()),
            w.usdc
        )
    );
    w.ok(
        &member,
        &[
            "member",
            "deposit",
            "--amount",
            "200",
            "--token-account",
            &account.to_string(),
        ],
    );
    assert_eq!(w.balance(&account), 300 * USDC);
    w.ok(&member, &["member", "withdraw", "--amount", "50"]);
    assert_eq!(w.balance(&w.ata(&member.pubkey())), 50 * USDC);
    let sol_account = {
        let sol = w.sol;
        w.token_account(&sol, &member.pubkey(), 0)
    };
    let err = w.err(
        &member,
        &[
            "member",
            "deposit",
            "--amount",
            "100",
            "--token-account",
            &sol_account.to_string(),
        ],
    );
    assert!(
        err.contains("holds another token") && err.contains("not the pool's USDC"),
        "{err}"
    );
}

#[test]
fn unknown_member_and_too_large_withdrawals_are_explained() {
    let mut w = World::seeded();
    let stranger = w.usdc_wallet(10);
    let pool = w.pool().pool;
    let expected = format!(
        "{} is not a member of pool {pool}: it has never deposited. Deposit first with `poolbot member deposit --amount <AMOUNT>`.",
        stranger.pubkey()
    );
    assert_eq!(w.err(&stranger, &["member", "withdraw", "--all"]), expected);
    assert_eq!(w.err(&stranger, &["member", "status"]), expected);

    let member = w.members[0].insecure_clone();
    let err = w.err(&member, &["member", "withdraw", "--amount", "1500"]);
    assert_eq!(
        err,
        "Your position is worth 1000 USDC; you asked to withdraw 1500 USDC. Withdraw at most that, or use --all."
    );
    let err = w.err(&member, &["member", "withdraw", "--shares", "1000.000001"]);
    assert_eq!(
        err,
        "You hold 1000 shares; you asked to withdraw 1000.000001. Withdraw at most that, or use --all."
    );
}

#[test]
fn deposits_beyond_the_wallet_or_below_the_minimum_are_explained() {
    let mut w = World::seeded();
    let member = w.usdc_wallet(40);
    let err = w.err(&member, &["member", "deposit", "--amount", "100"]);
    assert_eq!(
        err,
        "Your USDC account holds 40 USDC; you asked to deposit 100 USDC."
    );
    let err = w.err(&member, &["member", "deposit", "--amount", "39.99"]);
    assert_eq!(
        err,
        "Deposit is below the pool minimum of 100 USDC. Deposit at least 100 USDC."
    );
    let err = w.err(&member, &["member", "deposit", "--amount", "1.0000001"]);
    assert_eq!(
        err,
        "1.0000001 has more decimal places than USDC allows (6). Round it to 6 places."
    );
}

#[test]
fn slippage_bounds_refuse_with_the_fix() {
    let mut w = World::seeded();
    let member = w.usdc_wallet(1_000);
    let err = w.err(
        &member,
        &[
            "member",
            "deposit",
            "--amount",
            "100",
            "--min-shares",
            "100.000001",
        ],
    );
    assert_eq!(
        err,
        "--min-shares 100.000001 is above what this deposit can mint at the current share value: 100 USDC buys 100 shares now. Pass --min-shares 100 or less, or leave it out."
    );
    let seed = w.members[0].insecure_clone();
    let err = w.err(
        &seed,
        &[
            "member",
            "withdraw",
            "--shares",
            "10",
            "--min-amount",
            "10.5",
        ],
    );
    assert_eq!(
        err,
        "--min-amount 10.5 USDC is above what this withdrawal can pay at the current share value: it pays 10 USDC now. Pass --min-amount 10 or less, or leave it out."
    );
    // slippage is at most 100%
    for args in [
        &[
            "member",
            "deposit",
            "--amount",
            "100",
            "--slippage-bps",
            "20000",
        ][..],
        &["member", "withdraw", "--all", "--slippage-bps", "10001"],
        &["run-keeper", "--slippage-bps", "20000"],
    ] {
        let err = parse(args).unwrap_err();
        assert!(
            err.contains("basis points is more than 100%: basis points run from 0 to 10000"),
            "{err}"
        );
    }
    let out = w.ok(
        &member,
        &[
            "member",
            "deposit",
            "--amount",
            "100",
            "--slippage-bps",
            "10000",
        ],
    );
    assert!(out.starts_with("Deposited 100 USDC"), "{out}");
}

/// `poolbot <args>` as clap parses it, or clap's message.
fn parse(args: &[&str]) -> Result<Cli, String> {
    let mut argv = vec!["poolbot"];
    argv.extend_from_slice(args);
    Cli::try_parse_from(argv).map_err(|e| e.to_string())
}

#[test]
fn unparseable_amounts_and_malformed_pubkeys_are_explained() {
    let err = parse(&["member", "deposit", "--amount", "ten"]).unwrap_err();
    assert!(
        err.contains("invalid value 'ten' for '--amount <AMOUNT>': 'ten' is not an amount: write it in whole tokens with an optional decimal point, e.g. 100 or 100.5"),
        "{err}"
    );
    let err = parse(&["validators", "add", "not-a-key", "--role", "lead"]).unwrap_err();
    assert!(
        err.contains("'not-a-key' is not a valid public key: expected 32 to 44 base58 characters"),
        "{err}"
    );
    let err = parse(&["overview", "--pool", "0xdeadbeef"]).unwrap_err();
    assert!(
        err.contains("'0xdeadbeef' is not a valid public key"),
        "{err}"
    );
    let err = parse(&["member", "withdraw", "--all", "--shares", "3"]).unwrap_err();
    assert!(err.contains("cannot be used with"), "{err}");
    let err = parse(&["member", "withdraw"]).unwrap_err();
    assert!(
        err.contains("required arguments were not provided"),
        "{err}"
    );
    let err = parse(&["init", "--name", "P", "--proposal-ttl", "1w"]).unwrap_err();
    assert!(err.contains("'1w' is not a duration"), "{err}");
    let err = parse(&[
        "validators",
        "add",
        "11111111111111111111111111111111",
        "--role",
        "boss",
    ])
    .unwrap_err();
    assert!(
        err.contains("invalid value 'boss'") && err.contains("junior, senior, lead, admin"),
        "{err}"
    );
}

#[test]
fn a_missing_keypair_file_is_reported_when_a_command_signs() {
    let mut w = World::seeded();
    let missing = Path::new("/nonexistent/poolbot/id.json");
    let wallet = settings::load_keypair(missing);
    let err = w
        .run_as(&wallet, &["member", "deposit", "--amount", "100"])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "No keypair file at /nonexistent/poolbot/id.json. Create one with `solana-keygen new -o /nonexistent/poolbot/id.json`, or pass --keypair <FILE>."
    );
    // Reading needs no keypair.
    let out = w.run_as(&wallet, &["overview"]).unwrap();
    assert!(out.starts_with("Pool \"Arbitrage Trading Pool\""), "{out}");
}

#[test]
fn a_missing_pool_flag_and_a_missing_pool_are_explained() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let cli = Cli::try_parse_from(["poolbot", "overview"]).unwrap();
    let err = run(
        &cli,
        &mut w.chain,
        &Ok(admin.insecure_clone()),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Which pool? Pass --pool <PUBKEY> (or set POOLBOT_POOL), or --creator <PUBKEY> and --mint <PUBKEY>."
    );
    let nowhere = pool_bot_client::Pubkey::new_unique().to_string();
    let err = w.err(&admin, &["overview", "--pool", &nowhere]);
    assert!(err.starts_with(&format!("No pool at {nowhere}.")), "{err}");
    let wallet = admin.pubkey().to_string();
    let err = w.err(&admin, &["overview", "--pool", &wallet]);
    assert_eq!(
        err,
        format!("{wallet} is not a Pool Bot pool. Check --pool (or --creator and --mint).")
    );
    // --creator and --mint derive the pool.
    let (creator, usdc) = (admin.pubkey().to_string(), w.usdc.to_string());
    let out = w.json(&admin, &["config", "--creator", &creator, "--mint", &usdc]);
    assert_eq!(out["pool"], w.pool().pool.to_string());
    assert_eq!(spl_token(), w.pool().token_program);
}

#[test]
fn an_unreachable_rpc_node_is_explained() {
    let cli = parse(&["overview", "--pool", "11111111111111111111111111111111"]).unwrap();
    let mut chain = Rpc::new("http://127.0.0.1:9");
    let wallet = settings::load_keypair(Path::new("/nonexistent/id.json"));
    let err = run(&cli, &mut chain, &wallet, &mut Vec::new())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("Cannot reach the Solana RPC node ("),
        "{err}"
    );
    assert!(
        err.ends_with("Check --url (or json_rpc_url in the Solana CLI config) and that the node is running; for localnet start it with `scripts/localnet.sh start`."),
        "{err}"
    );
    // the cause, not the client's "AccountNotFound" wording of every failed read
    assert!(!err.contains("AccountNotFound"), "{err}");
    assert!(!err.contains("solana-test-validator"), "{err}");
}

#[test]
fn the_binary_reports_errors_in_one_line_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_poolbot"))
        .env("HOME", home.path())
        .env_remove("POOLBOT_POOL")
        .args([
            "-u",
            "http://127.0.0.1:9",
            "member",
            "deposit",
            "--amount",
            "5",
            "--pool",
        ])
        .arg("11111111111111111111111111111111")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: Cannot reach the Solana RPC node"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Runs the `poolbot` binary with `args` and a fresh HOME; returns (success, stdout, stderr).
fn binary(args: &[&str]) -> (bool, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_poolbot"))
        .env("HOME", home.path())
        .env_remove("POOLBOT_POOL")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_keypair_error_is_printed_once() {
    let mint = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    let (ok, _, stderr) = binary(&[
        "-u",
        "http://127.0.0.1:9",
        "-k",
        "/nonexistent/id.json",
        "init",
        "--mint",
        mint,
        "--name",
        "P",
    ]);
    assert!(!ok);
    assert_eq!(
        stderr,
        "error: No keypair file at /nonexistent/id.json. Create one with `solana-keygen new -o /nonexistent/id.json`, or pass --keypair <FILE>.\n"
    );
}

#[test]
fn json_errors_are_json() {
    let pool = "11111111111111111111111111111111";
    let (ok, stdout, stderr) = binary(&[
        "-u",
        "http://127.0.0.1:9",
        "overview",
        "--pool",
        pool,
        "--json",
    ]);
    assert!(!ok);
    assert!(stderr.is_empty(), "{stderr}");
    let error: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(error["kind"], "unreachable");
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .starts_with("Cannot reach the Solana RPC node"),
        "{error}"
    );
    // a command line clap refuses is a JSON error too
    let (ok, stdout, _) = binary(&["member", "deposit", "--amount", "ten", "--json"]);
    assert!(!ok);
    let error: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(error["kind"], "input");
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains("'ten' is not an amount"),
        "{error}"
    );
    // without --json: one line on stderr
    let (_, stdout, stderr) = binary(&["-u", "http://127.0.0.1:9", "overview", "--pool", pool]);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: Cannot reach"), "{stderr}");
}

/// `--with-compute-unit-price` and `--compute-unit-limit` price a command's transaction as the
/// `solana` CLI's flags do: the payer pays the signature fee plus limit × price.
#[test]
fn priority_fee_flags_price_the_transaction() {
    let mut w = World::seeded();
    let member = w.usdc_wallet(2_000);
    w.ok(&member, &["member", "deposit", "--amount", "100"]);
    let lamports = |w: &World| w.chain.account(&member.pubkey()).unwrap().unwrap().lamports;

    let before = lamports(&w);
    let flags = [
        "--with-compute-unit-price",
        "5000",
        "--compute-unit-limit",
        "200000",
    ];
    let mut args = vec!["member", "deposit", "--amount", "100"];
    args.extend(flags);
    w.ok(&member, &args);
    // 5,000 lamports for the signature; 200,000 CU x 5,000 micro-lamports = 1,000 lamports
    assert_eq!(before - lamports(&w), 6_000);

    // a price alone: the limit is what the simulation used plus 20%
    let before = lamports(&w);
    let args = [
        "member",
        "deposit",
        "--amount",
        "100",
        "--with-compute-unit-price",
        "1000000",
    ];
    w.ok(&member, &args);
    let priority = before - lamports(&w) - 5_000; // 1 lamport per compute unit
    assert!(
        (5_000..100_000).contains(&priority),
        "a limit sized from the simulation, not the 200,000 default: {priority}"
    );
}
