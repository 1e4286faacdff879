//! The local validator (`poolbot-localnet`, built in release by `cargo build --release -p
//! pool-bot-localnet`, as scripts/localnet.sh and the test command do) as its users meet it:
//! started as a process, reached over JSON-RPC.
//! The seed story runs over JSON-RPC and in-process with the same keys, and must give the
//! same figures (compute units included); bad starts are refused with a sentence.
use clap::Parser;
use pool_bot_cli::Cli;
use pool_bot_client::chain::Chain;
use pool_bot_client::embedded::{default_programs_dir, Embedded};
use pool_bot_client::rpc::Rpc;
use pool_bot_seed::{run_story, Keys, SeedPool};
use pool_bot_tests::localnet::{free_port, validator_bin, Localnet};
use solana_keypair::Keypair;
use std::io::Read;
use std::net::TcpListener;
use std::process::{Command, Stdio};

/// Runs the validator with `args` and returns its exit code and error output.
fn refused_start(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(validator_bin())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start poolbot-localnet");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    (child.wait().expect("exit").code(), stderr)
}

#[test]
fn seed_story_over_json_rpc_matches_the_embedded_chain() {
    let node = Localnet::start();
    let mut rpc = Rpc::new(&node.url);
    for program in [
        pool_bot_client::pool_bot::ID,
        pool_bot_client::local_amm::ID,
    ] {
        let account = rpc.account(&program).unwrap().expect("program deployed");
        assert_eq!(
            account.owner.to_string(),
            "BPFLoaderUpgradeab1e11111111111111111111111",
            "deployed as an upgradeable-loader program"
        );
    }
    let over_rpc = run_story(&mut rpc, Keys::fixed(7)).expect("the story over JSON-RPC");
    over_rpc.check().expect("the seed's promises over JSON-RPC");

    let mut embedded = Embedded::new(&default_programs_dir()).expect("built programs");
    let in_process = run_story(&mut embedded, Keys::fixed(7)).expect("the story in process");
    assert_eq!(over_rpc, in_process, "same story, same figures");
}

/// Runs `poolbot <args> --pool <pool> --symbol USDC --json` over `chain` as `who`.
fn poolbot(chain: &mut Rpc, who: &Keypair, pool: &str, args: &[&str]) -> serde_json::Value {
    let mut argv = vec!["poolbot"];
    argv.extend_from_slice(args);
    argv.extend(["--pool", pool, "--symbol", "USDC", "--json"]);
    let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    let mut out = Vec::new();
    pool_bot_cli::run(&cli, chain, &Ok(who.insecure_clone()), &mut out)
        .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{argv:?}: {e}"))
}

#[test]
fn keeper_and_validator_agents_trade_over_json_rpc_through_the_cli() {
    let node = Localnet::start();
    let mut rpc = Rpc::new(&node.url);
    let mut seed = SeedPool::build(&mut rpc, Keys::fixed(8)).expect("seed pool over JSON-RPC");
    seed.join_members(&mut rpc).expect("members deposit");
    let pool = seed.pool.pool.to_string();

    let proposed = poolbot(
        &mut rpc,
        &seed.keeper,
        &pool,
        &["run-keeper", "--rounds", "1", "--interval", "0"],
    );
    let listed = poolbot(&mut rpc, &seed.admin, &pool, &["proposals", "list"]);
    assert_eq!(
        listed["proposals"].as_array().map(Vec::len),
        Some(1),
        "{proposed} {listed}"
    );

    let policy = std::env::temp_dir().join(format!("poolbot-policy-{}.toml", std::process::id()));
    std::fs::write(
        &policy,
        "min_profit = 1_000_000\nmax_amount_in = 50_000_000_000\n",
    )
    .expect("policy");
    let policy = policy.to_str().expect("utf-8 path").to_string();
    for validator in &seed.validators[..2] {
        let votes = poolbot(
            &mut rpc,
            validator,
            &pool,
            &[
                "run-validator",
                "--policy",
                &policy,
                "--rounds",
                "1",
                "--interval",
                "0",
            ],
        );
        assert_eq!(votes["votes"][0]["approve"], true, "{votes}");
    }
    poolbot(
        &mut rpc,
        &seed.keeper,
        &pool,
        &["run-keeper", "--rounds", "1", "--interval", "0"],
    );

    let overview = poolbot(&mut rpc, &seed.admin, &pool, &["overview"]);
    assert_eq!(overview["trades"]["executed"], 1, "{overview}");
    let state = seed.pool_state(&rpc).expect("pool");
    // the pool's history over JSON-RPC (getSignaturesForAddress, getTransaction), newest first
    let activity = poolbot(&mut rpc, &seed.admin, &pool, &["activity", "--limit", "40"]);
    let events = activity["events"].as_array().expect("events");
    let executed = events
        .iter()
        .find(|e| e["event"] == "TradeExecuted")
        .unwrap_or_else(|| panic!("no TradeExecuted in {activity}"));
    assert_eq!(executed["data"]["gain"], state.total_profit, "{executed}");
    let slots: Vec<u64> = events.iter().filter_map(|e| e["slot"].as_u64()).collect();
    assert_eq!(slots.len(), events.len());
    assert!(slots.windows(2).all(|w| w[0] >= w[1]), "{slots:?}");
    assert!(
        events.iter().any(|e| e["event"] == "TradeProposed"),
        "{activity}"
    );
    let unknown = "1".repeat(64); // the all-zero signature
    assert!(matches!(
        rpc.transaction_logs(&unknown),
        Err(pool_bot_client::chain::ChainError::NotFound(_))
    ));
    assert_eq!(state.trades_executed, 1);
    assert!(state.total_profit > 0);
    let reserve =
        pool_bot_client::accounts::load_balance(&rpc, &seed.pool.insurance_vault).expect("reserve");
    assert_eq!(
        reserve,
        state.total_profit * 500 / 10_000,
        "5% of the gain in the reserve"
    );
}

#[test]
fn a_missing_program_is_refused_with_the_fix() {
    let (rpc, ws) = (free_port().to_string(), free_port().to_string());
    let (code, stderr) = refused_start(&[
        "--rpc-port",
        &rpc,
        "--ws-port",
        &ws,
        "--programs-dir",
        "/nonexistent/deploy",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/nonexistent/deploy/pool_bot"), "{stderr}");
    assert!(stderr.contains("scripts/build-sbf.sh"), "{stderr}");
}

#[test]
fn a_taken_port_is_refused_with_the_flag_to_change_it() {
    let holder = TcpListener::bind("127.0.0.1:0").expect("bind");
    let taken = holder.local_addr().expect("addr").port().to_string();
    let ws = free_port().to_string();
    let (code, stderr) = refused_start(&["--rpc-port", &taken, "--ws-port", &ws]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(&format!("port {taken}")), "{stderr}");
    assert!(stderr.contains("--rpc-port"), "{stderr}");
}
