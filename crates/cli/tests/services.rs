//! The long-running commands: `simulate`, `run-keeper` and `run-validator`, on the embedded
//! chain, with flags or a config file.
mod common;

use clap::Parser;
use common::World;
use pool_bot_cli::Cli;
use serde_json::Value;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::path::{Path, PathBuf};

fn n(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn simulate_one_day_seed_one_adds_up() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let csv = tempfile::NamedTempFile::new().unwrap();
    let path = csv.path().to_str().unwrap().to_string();
    let report = w.json(
        &admin,
        &[
            "simulate", "--days", "1", "--seed", "1", "--quiet", "--csv", &path,
        ],
    );
    let mut trades = 0;
    for side in ["per_trade", "mandate"] {
        let p = &report[side];
        assert_eq!(
            n(p, "total_profit"),
            n(p, "insurance") + n(p, "member_profit"),
            "{side}"
        );
        let rows = p["trades"].as_array().unwrap();
        assert_eq!(
            rows.iter().map(|t| n(t, "gain")).sum::<u64>(),
            n(p, "total_profit")
        );
        trades += rows.len();
    }
    assert!(n(&report["mandate"], "executed") >= 1, "{report}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written.lines().count(), trades + 1);
    let text = w.ok(
        &admin,
        &["simulate", "--days", "1", "--seed", "1", "--quiet"],
    );
    for row in [
        "Assumptions",
        "competitors",
        "per-trade votes",
        "Lost to competitors",
        "Insurance allocation (5%)",
        "Annualised return on capital",
    ] {
        assert!(text.contains(row), "{row} missing:\n{text}");
    }
    assert!(w
        .err(&admin, &["simulate", "--days", "0"])
        .contains("--days"));
}

#[test]
fn keeper_and_validator_agents_trade_through_the_cli() {
    let mut w = World::seeded();
    w.markets();
    let keeper = w.keeper.insecure_clone();
    w.ok(&keeper, &["run-keeper", "--rounds", "1", "--interval", "0"]);
    let admin = w.admin.insecure_clone();
    let list = w.json(&admin, &["proposals", "list"]);
    assert_eq!(list["proposals"].as_array().unwrap().len(), 1, "{list}");

    let policy = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        policy.path(),
        "min_profit = 1_000_000\nmax_amount_in = 50_000_000_000\n",
    )
    .unwrap();
    let policy = policy.path().to_str().unwrap().to_string();
    for who in [0, 1] {
        let v = w.validators[who].insecure_clone();
        let votes = w.json(
            &v,
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
    w.ok(&keeper, &["run-keeper", "--rounds", "1", "--interval", "0"]);
    let overview = w.json(&admin, &["overview"]);
    assert_eq!(overview["trades"]["executed"], 1, "{overview}");

    // a wallet that is not a validator, and a policy file that does not exist, are explained
    let stranger = w.wallet();
    let refused = w.err(
        &stranger,
        &["run-validator", "--policy", &policy, "--rounds", "1"],
    );
    assert!(
        refused.contains("not a validator") && refused.contains("validators add"),
        "{refused}"
    );
    let v = w.validators[2].insecure_clone();
    let missing = w.err(
        &v,
        &[
            "run-validator",
            "--policy",
            "/nonexistent.toml",
            "--rounds",
            "1",
        ],
    );
    assert!(missing.contains("--policy"), "{missing}");
    assert!(w
        .err(&keeper, &["run-keeper", "--slippage-bps", "10000"])
        .contains("--slippage-bps"));
    let _ = stranger.pubkey();
}

/// Writes `text` as `name` in `dir`; its path.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `poolbot <args> --json` as `who` with no `--pool`: the config file names the pool.
fn json_without_pool(w: &mut World, who: &Keypair, args: &[&str]) -> Value {
    let argv = [&["poolbot"], args, &["--json"]].concat();
    let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    let mut out = Vec::new();
    pool_bot_cli::run(&cli, &mut w.chain, &Ok(who.insecure_clone()), &mut out)
        .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{argv:?}: {e}"))
}

#[test]
fn keeper_and_validator_agents_run_from_config_files() {
    let mut w = World::seeded();
    w.markets();
    let dir = tempfile::tempdir().unwrap();
    let pool = w.pool().pool.to_string();
    let keeper_file = write(
        dir.path(),
        "keeper.toml",
        &format!(
            "pool = \"{pool}\"\nproduct = 0\ninterval_secs = 0\nslippage_bps = 100\n\n\
             [fees]\npercentile = 75\n"
        ),
    );
    let keeper = w.keeper.insecure_clone();
    let keeper_file = keeper_file.to_str().unwrap();
    let summary = json_without_pool(
        &mut w,
        &keeper,
        &["run-keeper", "--config", keeper_file, "--rounds", "1"],
    );
    assert_eq!(summary["rounds"], 1, "{summary}");
    let admin = w.admin.insecure_clone();
    let list = w.json(&admin, &["proposals", "list"]);
    assert_eq!(list["proposals"].as_array().unwrap().len(), 1, "{list}");

    // the file names another pool: --pool, a flag, wins; the policy is the file's own table
    let agent_file = write(
        dir.path(),
        "agent.toml",
        "pool = \"11111111111111111111111111111111\"\ninterval_secs = 0\n\n\
         [policy]\nmin_profit = 1_000_000\nmax_amount_in = 50_000_000_000\n",
    );
    let agent_file = agent_file.to_str().unwrap();
    for who in [0, 1] {
        let v = w.validators[who].insecure_clone();
        let votes = w.json(
            &v,
            &["run-validator", "--config", agent_file, "--rounds", "1"],
        );
        assert_eq!(votes["votes"][0]["approve"], true, "{votes}");
    }
    w.ok(
        &keeper,
        &["run-keeper", "--config", keeper_file, "--rounds", "1"],
    );
    let overview = w.json(&admin, &["overview"]);
    assert_eq!(overview["trades"]["executed"], 1, "{overview}");
}

#[test]
fn a_bad_config_file_is_named_with_the_fix() {
    let mut w = World::seeded();
    let keeper = w.keeper.insecure_clone();
    let dir = tempfile::tempdir().unwrap();
    let run_keeper = |w: &mut World, file: &Path| {
        w.err(
            &keeper,
            &[
                "run-keeper",
                "--config",
                file.to_str().unwrap(),
                "--rounds",
                "1",
            ],
        )
    };

    let missing = dir.path().join("missing.toml");
    let err = run_keeper(&mut w, &missing);
    assert!(
        err.starts_with(&format!(
            "Cannot read the config file {}: ",
            missing.display()
        )) && err.ends_with("Check the path given to --config."),
        "{err}"
    );
    let typo = write(
        dir.path(),
        "typo.toml",
        "interval_secs = 1\nintervall = 2\n",
    );
    let err = run_keeper(&mut w, &typo);
    assert!(
        err.starts_with(&format!(
            "The config file {} is not valid at line 2 (intervall): unknown field `intervall`",
            typo.display()
        )) && err.ends_with("Remove it or correct its spelling."),
        "{err}"
    );
    let bad_key = write(dir.path(), "bad_key.toml", "pool = \"nope\"\n");
    let err = run_keeper(&mut w, &bad_key);
    assert!(
        err.contains("at line 1 (pool): 'nope' is not a valid public key")
            && err.contains("Write the pool's address in quotes"),
        "{err}"
    );
    let malformed = write(dir.path(), "malformed.toml", "[fees\npercentile = 5\n");
    let err = run_keeper(&mut w, &malformed);
    assert!(
        err.starts_with(&format!(
            "The config file {} is not valid at line 1",
            malformed.display()
        )),
        "{err}"
    );

    let v = w.validators[0].insecure_clone();
    let keeper_key = write(dir.path(), "agent.toml", "slippage_bps = 100\n");
    let err = w.err(
        &v,
        &["run-validator", "--config", keeper_key.to_str().unwrap()],
    );
    assert!(
        err.ends_with("slippage_bps is a setting of the keeper, not of the validator agent. Remove it from this file."),
        "{err}"
    );
    let half_policy = write(dir.path(), "half.toml", "[policy]\nmin_profit = 5\n");
    let err = w.err(
        &v,
        &["run-validator", "--config", half_policy.to_str().unwrap()],
    );
    assert!(
        err.contains("is not valid: [policy]: missing field `max_amount_in`")
            && err.contains("Expected keys: min_profit, max_amount_in"),
        "{err}"
    );
    let no_policy = write(dir.path(), "none.toml", "interval_secs = 1\n");
    let err = w.err(
        &v,
        &["run-validator", "--config", no_policy.to_str().unwrap()],
    );
    assert!(
        err.starts_with("Which policy? Pass --policy <FILE>"),
        "{err}"
    );
}

#[test]
fn a_zero_interval_needs_a_round_limit() {
    let mut w = World::seeded();
    let keeper = w.keeper.insecure_clone();
    let err = w.err(&keeper, &["run-keeper", "--interval", "0"]);
    assert!(err.contains("Use --interval 1 or more"), "{err}");
}
