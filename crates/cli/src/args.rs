//! The command line: global flags, the command tree, and the value parsers shared by the
//! command groups (each group's own flags live in its module under `commands`).
use crate::commands::{
    activity::ActivityArgs, changes::ChangesCommand, config::ConfigArgs, init::InitArgs,
    insurance::InsuranceCommand, keeper::KeeperRunArgs, keepers::KeepersCommand,
    mandates::MandatesCommand, member::MemberCommand, products::ProductsCommand,
    proposals::ProposalsCommand, simulate::SimulateArgs, validator::ValidatorRunArgs,
    validators::ValidatorsCommand,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use pool_bot::state::Role;
use pool_bot_client::Pubkey;
use pool_bot_service::LogFormat;
use std::path::PathBuf;
use std::str::FromStr;

/// `poolbot`: run a member-owned trading pool on Solana.
#[derive(Debug, Parser)]
#[command(
    name = "poolbot",
    version,
    about = "Member, validator and admin command line of a Pool Bot trading pool",
    long_about = "Member, validator and admin command line of a Pool Bot trading pool.\n\n\
        Members deposit the pool's token for shares and withdraw at the share value; keepers \
        propose trades; validators approve, reject and execute them; ADMINs manage validators, \
        keepers, products and the configuration.\n\n\
        Amounts are in whole tokens (e.g. --amount 100.5) and converted with the mint's decimals. \
        The RPC URL and keypair default like the `solana` CLI: the flags, else json_rpc_url and \
        keypair_path from ~/.config/solana/cli/config.yml, else http://127.0.0.1:8899 and \
        ~/.config/solana/id.json."
)]
pub struct Cli {
    /// Flags every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts (before or after the command).
#[derive(Clone, Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// RPC URL or moniker: localnet, devnet, testnet, mainnet-beta (or l, d, t, m).
    /// Default: json_rpc_url from the Solana CLI config, else http://127.0.0.1:8899.
    #[arg(short = 'u', long, global = true, value_name = "URL_OR_MONIKER")]
    pub url: Option<String>,
    /// Keypair file that signs and pays.
    /// Default: keypair_path from the Solana CLI config, else ~/.config/solana/id.json.
    #[arg(short = 'k', long, global = true, value_name = "FILE")]
    pub keypair: Option<PathBuf>,
    /// Config file. For run-keeper and run-validator: the service's TOML file (RPC, keypair,
    /// pool, fees, metrics address...; a flag given wins over it). For the other commands: the
    /// Solana CLI config to take the defaults from.
    /// Default: ~/.config/solana/cli/config.yml (a missing default file is fine).
    #[arg(short = 'C', long = "config", global = true, value_name = "FILE")]
    pub config_file: Option<PathBuf>,
    /// The pool to act on (its address). Alternatively pass --creator and --mint.
    #[arg(long, global = true, env = "POOLBOT_POOL", value_name = "PUBKEY", value_parser = parse_pubkey)]
    pub pool: Option<Pubkey>,
    /// Who created the pool; with --mint, derives the pool's address instead of --pool.
    #[arg(long, global = true, value_name = "PUBKEY", value_parser = parse_pubkey)]
    pub creator: Option<Pubkey>,
    /// The pool's token mint (e.g. USDC); with --creator, derives the pool. `init` creates
    /// the pool for this mint.
    #[arg(long, global = true, value_name = "PUBKEY", value_parser = parse_pubkey)]
    pub mint: Option<Pubkey>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Symbol to show amounts with. Default: USDC, USDT or SOL for those mints, else "tokens".
    #[arg(long, global = true, value_name = "TEXT")]
    pub symbol: Option<String>,
    /// Log lines on stderr as text, or as one JSON object a line for a log collector: text or
    /// json. RUST_LOG chooses which lines (e.g. RUST_LOG=debug).
    #[arg(long, global = true, value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,
    /// Pay this priority fee, in micro-lamports per compute unit, on every transaction the
    /// command sends (as the `solana` CLI's flag).
    #[arg(long, global = true, value_name = "MICRO_LAMPORTS")]
    pub with_compute_unit_price: Option<u64>,
    /// Limit every transaction the command sends to this many compute units (as the `solana`
    /// CLI's flag). Default with --with-compute-unit-price: what the simulation used plus 20%.
    #[arg(long, global = true, value_name = "UNITS", value_parser = parse_compute_unit_limit)]
    pub compute_unit_limit: Option<u32>,
}

/// Parses a compute-unit limit: 1 to 1,400,000, the most a transaction may use.
pub fn parse_compute_unit_limit(text: &str) -> Result<u32, String> {
    let max = pool_bot_client::fees::MAX_COMPUTE_UNIT_LIMIT;
    match text.replace('_', "").parse::<u32>() {
        Ok(units) if (1..=max).contains(&units) => Ok(units),
        _ => Err(format!(
            "'{text}' is not a compute-unit limit: write a whole number from 1 to {max} (a \
             transaction may use at most {max})"
        )),
    }
}

/// The commands. To add one: a variant here, its module under `commands`, and an arm in
/// [`crate::run`].
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a pool for --mint, signed (and administered) by the wallet.
    Init(InitArgs),
    /// Show the pool's configuration, or change it (ADMIN): any flag given, --pause, --resume.
    Config(ConfigArgs),
    /// Governance changes waiting out the time lock: list, apply once due, cancel (ADMIN).
    #[command(subcommand)]
    Changes(ChangesCommand),
    /// The pool's list of validators: add, remove, re-role, list (changes need ADMIN). To run
    /// the validator agent, see `run-validator`.
    #[command(subcommand)]
    Validators(ValidatorsCommand),
    /// The pool's list of keepers: authorise, remove, list (changes need ADMIN). To run the
    /// keeper service, see `run-keeper`.
    #[command(subcommand)]
    Keepers(KeepersCommand),
    /// Register, enable, disable and list products (changes need ADMIN).
    #[command(subcommand)]
    Products(ProductsCommand),
    /// Deposit, withdraw and show a member's position.
    #[command(subcommand)]
    Member(MemberCommand),
    /// List, show, approve, reject and execute trade proposals.
    #[command(subcommand)]
    Proposals(ProposalsCommand),
    /// Standing trade mandates: propose (keeper or ADMIN), list, show, approve, reject (any
    /// validator), revoke (LEAD or ADMIN), close once finished.
    #[command(subcommand)]
    Mandates(MandatesCommand),
    /// Fund the reserve, file and decide claims, show the reserve.
    #[command(subcommand)]
    Insurance(InsuranceCommand),
    /// The pool's statistics: pool, your position, insurance, validators and trades.
    Overview,
    /// The pool's history: every event of its recent transactions, newest first (deposits,
    /// withdrawals, proposals, votes, executions, claims, governance).
    Activity(ActivityArgs),
    /// Simulate the seed's pool for N days on an embedded chain under a random market, with
    /// the real keeper and validator agents; prints the measured performance.
    Simulate(SimulateArgs),
    /// Run the keeper service as this wallet (finds, proposes and executes arbitrage; the wallet
    /// must be one of the pool's keepers). Settings come from the flags, else the TOML file
    /// given with --config, else the defaults; SIGTERM or Ctrl-C stops it after the round in
    /// flight, with its summary.
    RunKeeper(KeeperRunArgs),
    /// Run the validator agent as this wallet (reviews and votes on proposals by a policy;
    /// the wallet must be one of the pool's validators). Settings come from the flags, else the
    /// TOML file given with --config, else the defaults; SIGTERM or Ctrl-C stops it after the
    /// round in flight, with its summary.
    RunValidator(ValidatorRunArgs),
}

/// A validator role as written on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Votes on trades.
    Junior,
    /// Votes on trades and insurance claims.
    Senior,
    /// Also satisfies the lead-approval requirement.
    Lead,
    /// Also manages validators, keepers, products and the configuration.
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Junior => Role::Junior,
            RoleArg::Senior => Role::Senior,
            RoleArg::Lead => Role::Lead,
            RoleArg::Admin => Role::Admin,
        }
    }
}

/// Parses a base58 public key, saying what one looks like when it is not.
pub fn parse_pubkey(text: &str) -> Result<Pubkey, String> {
    Pubkey::from_str(text).map_err(|_| {
        format!(
            "'{text}' is not a valid public key: expected 32 to 44 base58 characters, e.g. \
             EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"
        )
    })
}

/// Parses basis points, 0 to 10000 (100%), saying what they are when out of range.
pub fn parse_bps(text: &str) -> Result<u16, String> {
    let bps: u64 = text.parse().map_err(|_| {
        format!("'{text}' is not a number of basis points: write a whole number from 0 to 10000 (50 = 0.5%)")
    })?;
    if bps > 10_000 {
        return Err(format!(
            "{bps} basis points is more than 100%: basis points run from 0 to 10000 (50 = 0.5%, 10000 = 100%)"
        ));
    }
    Ok(bps as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn basis_points_stop_at_one_hundred_percent() {
        assert_eq!(parse_bps("50"), Ok(50));
        assert_eq!(parse_bps("10000"), Ok(10_000));
        let err = parse_bps("20000").unwrap_err();
        assert!(
            err.starts_with("20000 basis points is more than 100%"),
            "{err}"
        );
        assert!(parse_bps("-1").unwrap_err().contains("0 to 10000"));
    }

    #[test]
    fn compute_unit_limits_stop_at_the_cluster_maximum() {
        assert_eq!(parse_compute_unit_limit("200_000"), Ok(200_000));
        let err = parse_compute_unit_limit("1500000").unwrap_err();
        assert!(err.contains("from 1 to 1400000"), "{err}");
        assert!(parse_compute_unit_limit("0").is_err());
        assert!(parse_compute_unit_limit("lots").is_err());
    }

    #[test]
    fn malformed_pubkeys_are_explained() {
        let err = parse_pubkey("not-a-key").unwrap_err();
        assert!(err.starts_with("'not-a-key' is not a valid public key"));
        assert!(parse_pubkey("11111111111111111111111111111111").is_ok());
    }
}
