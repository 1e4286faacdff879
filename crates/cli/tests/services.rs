//! The long-running commands: `simulate`, `run-keeper` and `run-validator`, on the embedded
//! chain.
mod common;

use common::World;
use serde_json::Value;
use solana_signer::Signer;

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
