//! `poolbot`, the member, validator and admin command line of a Pool Bot pool, as a library:
//! [`run`] takes the parsed command line, a chain, the wallet and an output, so the same
//! commands run against a cluster (the binary, over JSON-RPC) and in-process in tests (the
//! embedded LiteSVM chain). Every instruction comes from `pool_bot_client`'s builders.
//!
//! To add a command: a variant of [`args::Command`], its module under [`commands`], and an arm
//! in [`run`].
#![warn(missing_docs)]

pub mod args;
pub mod commands;
pub mod error;
pub mod explain;
pub mod fetch;
pub mod progress;
pub mod service;
pub mod session;
pub mod settings;
pub mod table;
pub mod token_accounts;
pub mod units;

pub use args::{Cli, Command, GlobalArgs};
pub use error::{CliError, KeypairError};
pub use session::{Session, Wallet};

use pool_bot_client::chain::Chain;
use std::io::Write;

/// A failure as `poolbot` prints it: `error: <sentence>` (one line, on stderr), or under
/// `--json` the object `{"error": <sentence>, "kind": <kind>}` (on stdout).
pub fn report(error: &CliError, json: bool) -> String {
    if json {
        error.to_json().to_string()
    } else {
        format!("error: {error}")
    }
}

/// Runs the command `cli` names on `chain`, signing with `wallet`, writing what it shows to
/// `out` (text, or JSON under `--json`).
pub fn run(
    cli: &Cli,
    chain: &mut dyn Chain,
    wallet: &Wallet,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut s = Session::new(chain, wallet, out, &cli.global);
    match &cli.command {
        Command::Init(args) => commands::init::run(&mut s, args),
        Command::Config(args) => commands::config::run(&mut s, args),
        Command::Changes(c) => commands::changes::run(&mut s, c),
        Command::Validators(c) => commands::validators::run(&mut s, c),
        Command::Keepers(c) => commands::keepers::run(&mut s, c),
        Command::Products(c) => commands::products::run(&mut s, c),
        Command::Member(c) => commands::member::run(&mut s, c),
        Command::Proposals(c) => commands::proposals::run(&mut s, c),
        Command::Mandates(c) => commands::mandates::run(&mut s, c),
        Command::Insurance(c) => commands::insurance::run(&mut s, c),
        Command::Overview => commands::overview::run(&mut s),
        Command::Activity(args) => commands::activity::run(&mut s, args),
        Command::Simulate(args) => commands::simulate::run(&mut s, args),
        Command::RunKeeper(args) => commands::keeper::run(&mut s, args),
        Command::RunValidator(args) => commands::validator::run(&mut s, args),
    }
}
