//! Creating and administering a pool with `poolbot`: init, config (incl. pause / resume),
//! validators, keepers and products, and the messages a wrong role or bad input gets.
mod common;

use clap::Parser;
use common::{spl_token, World, USDC};
use pool_bot_client::Pubkey;
use solana_signer::Signer;

#[test]
fn init_creates_the_seed_pool_with_its_governance() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let config = w.json(&admin, &["config"]);
    assert_eq!(config["name"], "Arbitrage Trading Pool");
    assert_eq!(config["pool"], w.pool().pool.to_string());
    assert_eq!(config["min_contribution"], 100 * USDC);
    assert_eq!(config["max_members"], 100);
    assert_eq!(config["insurance_bps"], 500);
    assert_eq!(config["required_approvals"], 2);
    assert_eq!(config["require_lead_approval"], true);
    assert_eq!(config["proposal_ttl"], 3_600);
    assert_eq!(config["paused"], false);
    let text = w.ok(&admin, &["config"]);
    assert!(text.contains("min contribution  100 USDC"), "{text}");
    assert!(
        text.contains("quorum            2 approval(s), one from a LEAD or ADMIN"),
        "{text}"
    );
}

#[test]
fn init_reports_the_pool_and_refuses_an_unreachable_quorum() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let usdc = w.usdc.to_string();
    let junior = w.validators[0].pubkey().to_string();
    let err = w.err(
        &admin,
        &[
            "init",
            "--mint",
            &usdc,
            "--name",
            "P",
            "--validator",
            &format!("{junior}:junior"),
            "--quorum",
            "2",
        ],
    );
    assert!(
        err.starts_with("A quorum of 2 cannot be reached: it must be between 1 and the SENIOR, LEAD and ADMIN validators, here 1 (you included)."),
        "{err}"
    );
    assert!(w.chain_has_no_pool());

    let out = w.json(
        &admin,
        &[
            "init",
            "--mint",
            &usdc,
            "--name",
            "P",
            "--proposal-ttl",
            "30m",
            "--min-contribution",
            "0.5",
        ],
    );
    assert_eq!(out["pool"], w.pool().pool.to_string());
    assert_eq!(out["creator"], admin.pubkey().to_string());
    assert_eq!(out["required_approvals"], 1);
    // the pool, then the default two-day time lock raised from zero
    assert_eq!(out["signatures"].as_array().unwrap().len(), 2);
    let config = w.json(&admin, &["config"]);
    assert_eq!(config["proposal_ttl"], 1_800);
    assert_eq!(config["time_lock"], 2 * 86_400);
    assert_eq!(config["min_contribution"], USDC / 2);

    let err = w.err(&admin, &["init", "--mint", &usdc, "--name", "P"]);
    assert!(
        err.starts_with("You already created a pool for this mint"),
        "{err}"
    );
}

#[test]
fn config_updates_pause_and_resume() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let out = w.ok(
        &admin,
        &[
            "config",
            "--min-contribution",
            "250.5",
            "--max-members",
            "50",
            "--claim-ttl",
            "1d",
        ],
    );
    assert!(out.starts_with("Configuration updated."), "{out}");
    assert!(out.contains("min contribution  250.5 USDC"), "{out}");
    assert!(out.contains("open 1d"), "{out}");

    let paused = w.json(&admin, &["config", "--pause"]);
    assert_eq!(paused["paused"], true);
    assert!(paused["signature"].is_string());
    let member = w.usdc_wallet(300);
    let err = w.err(&member, &["member", "deposit", "--amount", "300"]);
    assert_eq!(
        err,
        "The pool is paused: deposits, proposals and executions are blocked (withdrawals still work). An ADMIN can resume it with `poolbot config --resume`."
    );
    // pausing a paused pool sends nothing and says so
    let out = w.ok(&admin, &["config", "--pause"]);
    assert!(
        out.starts_with("Nothing to do: the pool is already paused.\n"),
        "{out}"
    );
    assert!(!out.contains("Signature:"), "{out}");
    let again = w.json(&admin, &["config", "--pause", "--max-members", "50"]);
    assert_eq!(again["nothing_to_do"], true);
    assert!(again["signature"].is_null());
    assert_eq!(w.json(&admin, &["config", "--resume"])["paused"], false);
    let out = w.ok(&admin, &["config", "--resume"]);
    assert!(
        out.starts_with("Nothing to do: the pool is not paused.\n"),
        "{out}"
    );
    w.ok(&member, &["member", "deposit", "--amount", "300"]);
}

#[test]
fn the_localnet_test_mint_is_called_usdc_as_in_the_app() {
    use pool_bot_client::chain::Chain;
    use pool_bot_client::token;
    let mut w = World::new();
    // the localnet fixture's test USDC (migrations/localnet/usdc-mint.json)
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../migrations/localnet/usdc-mint.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mint = solana_keypair::read_keypair(&mut text.as_bytes()).unwrap();
    let bank = w.bank.insecure_clone();
    let create = token::create_mint(
        &bank.pubkey(),
        &mint.pubkey(),
        &bank.pubkey(),
        6,
        &spl_token(),
    );
    w.chain.send(&create, &[&bank, &mint]).unwrap();
    let admin = w.admin.insecure_clone();
    let mint = mint.pubkey().to_string();
    // no --symbol: the symbol comes from the client's known-mint table
    let argv = [
        "poolbot",
        "init",
        "--mint",
        &mint,
        "--name",
        "Localnet",
        "--time-lock",
        "0",
    ];
    let cli = pool_bot_cli::Cli::try_parse_from(argv).unwrap();
    let mut out = Vec::new();
    pool_bot_cli::run(&cli, &mut w.chain, &Ok(admin.insecure_clone()), &mut out).unwrap();
    let pool = pool_bot_client::pda::pool(&admin.pubkey(), &mint.parse().unwrap()).to_string();
    let cli = pool_bot_cli::Cli::try_parse_from(["poolbot", "config", "--pool", &pool]).unwrap();
    let mut out = Vec::new();
    pool_bot_cli::run(&cli, &mut w.chain, &Ok(admin.insecure_clone()), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("min contribution  100 USDC"), "{text}");
}

#[test]
fn only_an_admin_changes_the_configuration() {
    let mut w = World::seeded();
    let lead = w.validators[0].insecure_clone();
    let err = w.err(&lead, &["config", "--pause"]);
    assert_eq!(
        err,
        format!(
            "Your role is LEAD; only validators with role ADMIN or higher may manage validators, keepers, products and the configuration. An ADMIN can change your role with `poolbot validators role {} <ROLE>`.",
            lead.pubkey()
        )
    );
    let stranger = w.wallet();
    let err = w.err(
        &stranger,
        &["keepers", "add", &stranger.pubkey().to_string()],
    );
    assert!(
        err.starts_with(&format!(
            "{} is not a validator of this pool: only validators with role ADMIN or higher may manage validators",
            stranger.pubkey()
        )),
        "{err}"
    );
}

#[test]
fn validators_are_added_re_roled_listed_and_removed() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let newcomer = w.wallet().pubkey().to_string();
    let out = w.ok(
        &admin,
        &["validators", "add", &newcomer, "--role", "junior"],
    );
    assert!(
        out.starts_with(&format!("Added validator {newcomer} as JUNIOR.")),
        "{out}"
    );
    w.ok(&admin, &["validators", "role", &newcomer, "senior"]);

    let list = w.json(&admin, &["validators", "list"]);
    let rows = list["validators"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["key"], admin.pubkey().to_string());
    assert_eq!(rows[0]["role"], "ADMIN");
    assert_eq!(rows[1]["role"], "LEAD");
    assert_eq!(rows[4]["key"], newcomer);
    assert_eq!(rows[4]["role"], "SENIOR");
    assert_eq!(list["required_approvals"], 2);
    let text = w.ok(&admin, &["validators", "list"]);
    assert!(
        text.starts_with("5 validator(s); quorum 2 approval(s), one from a LEAD or ADMIN."),
        "{text}"
    );

    w.ok(&admin, &["validators", "remove", &newcomer]);
    assert_eq!(
        w.json(&admin, &["validators", "list"])["validators"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let err = w.err(&admin, &["validators", "remove", &newcomer]);
    assert_eq!(
        err,
        format!("{newcomer} is not a validator of this pool. See `poolbot validators list`.")
    );
    let err = w.err(
        &admin,
        &[
            "validators",
            "add",
            &w.validators[0].pubkey().to_string(),
            "--role",
            "lead",
        ],
    );
    assert_eq!(
        err,
        "That wallet is already a validator. Change its role with `poolbot validators role <PUBKEY> <ROLE>` instead."
    );
    let err = w.err(
        &admin,
        &["validators", "role", &admin.pubkey().to_string(), "lead"],
    );
    assert_eq!(
        err,
        "At least one ADMIN must remain. Make another validator ADMIN first with `poolbot validators role <PUBKEY> admin`."
    );
}

#[test]
fn keepers_are_added_listed_and_removed() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let keeper = w.keeper.pubkey().to_string();
    assert_eq!(
        w.json(&admin, &["keepers", "list"])["keepers"],
        serde_json::json!([keeper])
    );
    let second = w.wallet().pubkey().to_string();
    let out = w.ok(&admin, &["keepers", "add", &second]);
    assert!(
        out.starts_with(&format!("Keeper {second} may now propose trades.")),
        "{out}"
    );
    assert_eq!(
        w.json(&admin, &["keepers", "list"])["keepers"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    w.ok(&admin, &["keepers", "remove", &keeper]);
    assert_eq!(
        w.json(&admin, &["keepers", "list"])["keepers"],
        serde_json::json!([second])
    );
    let err = w.err(&admin, &["keepers", "remove", &keeper]);
    assert_eq!(
        err,
        "That wallet is not a keeper of this pool. See `poolbot keepers list`."
    );
}

#[test]
fn products_are_registered_disabled_enabled_and_listed() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    let amm = pool_bot_client::local_amm::ID.to_string();
    let out = w.ok(
        &admin,
        &[
            "products",
            "register",
            "--name",
            "Staking",
            "--category",
            "staking",
            "--max-trade",
            "1000",
            "--min-profit",
            "0.5",
            "--rule",
            "local-amm-swap",
            "--disabled",
        ],
    );
    assert!(out.starts_with("Registered product 1 \"Staking\""), "{out}");
    let list = w.json(&admin, &["products", "list"]);
    let products = list["products"].as_array().unwrap();
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["name"], "DEX arbitrage");
    assert_eq!(products[0]["enabled"], true);
    assert_eq!(products[0]["max_trade_amount"], 50_000 * USDC);
    assert_eq!(products[1]["category"], "Staking");
    assert_eq!(products[1]["enabled"], false);
    assert_eq!(products[1]["min_profit"], USDC / 2);
    assert_eq!(products[1]["programs"], serde_json::json!([amm]));
    assert_eq!(products[1]["markets"], serde_json::json!([]));

    let out = w.ok(&admin, &["products", "enable", "1"]);
    assert!(out.starts_with("Product 1 \"Staking\" enabled."), "{out}");
    let address = products[0]["address"].as_str().unwrap().to_string();
    w.ok(&admin, &["products", "disable", &address]);
    let list = w.json(&admin, &["products", "list"]);
    assert_eq!(list["products"][0]["enabled"], false);
    assert_eq!(list["products"][1]["enabled"], true);
    // a no-op sends nothing and says so, like `config` does
    let out = w.ok(&admin, &["products", "disable", "0"]);
    assert_eq!(
        out,
        "Nothing to do: product 0 \"DEX arbitrage\" is already disabled.\n"
    );
    assert_eq!(
        w.json(&admin, &["products", "enable", "1"])["nothing_to_do"],
        true
    );
    // an unknown product is named by the id given, not by a derived address
    let err = w.err(&admin, &["products", "enable", "7"]);
    assert_eq!(
        err,
        "No product 7 in this pool. See `poolbot products list`."
    );
    let err = w.err(&admin, &["products", "disable", "99"]);
    assert_eq!(
        err,
        "No product 99 in this pool. See `poolbot products list`."
    );
    let text = w.ok(&admin, &["products", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "2 product(s)", "{text}");
    assert!(lines[1].starts_with("id  name"), "{text}");
    assert!(
        lines[2].contains("\"DEX arbitrage\"  Arbitrage  DISABLED  50000 USDC"),
        "{text}"
    );
    // right-aligned amounts end where their header ends, in every row
    let end_of = |line: &str, text: &str| line.find(text).map(|i| i + text.len());
    assert_eq!(
        end_of(lines[1], "max trade"),
        end_of(lines[2], "50000 USDC"),
        "{text}"
    );
    assert_eq!(
        end_of(lines[1], "max trade"),
        end_of(lines[3], " 1000 USDC"),
        "{text}"
    );
}

impl World {
    fn chain_has_no_pool(&self) -> bool {
        use pool_bot_client::chain::Chain;
        self.chain.account(&self.pool().pool).unwrap().is_none()
    }
}

#[test]
fn changes_wait_out_the_time_lock_and_can_be_cancelled() {
    let mut w = World::seeded();
    let admin = w.admin.insecure_clone();
    w.ok(&admin, &["config", "--time-lock", "1d"]);
    let keeper = Pubkey::new_unique().to_string();
    let out = w.ok(&admin, &["keepers", "add", &keeper]);
    assert!(out.starts_with("Queued change "), "{out}");
    assert!(
        out.contains(&format!("(authorise keeper {keeper})")),
        "{out}"
    );
    let keepers = w.json(&admin, &["keepers", "list"]);
    assert!(!keepers["keepers"]
        .as_array()
        .unwrap()
        .contains(&keeper.clone().into()));
    let list = w.json(&admin, &["changes", "list"]);
    assert_eq!(list["changes"].as_array().unwrap().len(), 1);
    assert_eq!(list["changes"][0]["due"], false);
    let id = list["changes"][0]["id"].to_string();
    let err = w.err(&admin, &["changes", "apply", &id]);
    assert!(
        err.starts_with(&format!("Change {id} applies from")),
        "{err}"
    );
    // lowering the lock is itself a queued change
    let out = w.ok(&admin, &["config", "--time-lock", "0"]);
    assert!(out.contains("(configuration: time lock 0"), "{out}");
    let out = w.ok(&admin, &["changes", "cancel", &id]);
    assert!(
        out.starts_with(&format!("Cancelled change {id}: authorise keeper")),
        "{out}"
    );
    let list = w.json(&admin, &["changes", "list"]);
    assert_eq!(list["changes"].as_array().unwrap().len(), 1);
}
