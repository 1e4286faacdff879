//! `poolbot`: parses the command line, resolves the RPC URL and keypair like the `solana` CLI
//! (for `run-keeper` and `run-validator`, from their config file under the flags), and runs
//! the command over JSON-RPC.
use clap::Parser;
use pool_bot_cli::{report, run, service, settings, Cli, CliError, Command};
use pool_bot_client::rpc::Rpc;
use pool_bot_service::logging;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // under --json a malformed command line is a JSON error too (help and --version
            // print as usual)
            let json = std::env::args().any(|a| a == "--json");
            if json && error.use_stderr() {
                let text = error.to_string();
                let first = text.lines().next().unwrap_or_default();
                let message = first.trim_start_matches("error: ");
                println!(
                    "{}",
                    serde_json::json!({ "error": message, "kind": "input" })
                );
                return ExitCode::from(2);
            }
            error.exit()
        }
    };
    // keeper and validator logs on stderr (RUST_LOG overrides: e.g. RUST_LOG=debug); the
    // simulation shows a progress bar and a report instead of every trade
    let default = match &cli.command {
        Command::Simulate(args) if !args.verbose => "warn",
        _ => "pool_bot_keeper=info,pool_bot_validator=info,pool_bot_cli=info,warn",
    };
    logging::init(
        cli.global.log_format,
        default,
        pool_bot_cli::progress::LogWriter,
    )
    .expect("the only logger of the process");
    match try_main(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // under --json the error object goes where the command's JSON would have gone
            let text = report(&error, cli.global.json);
            if cli.global.json {
                println!("{text}");
            } else {
                eprintln!("{text}");
            }
            ExitCode::FAILURE
        }
    }
}

fn try_main(cli: &Cli) -> Result<(), CliError> {
    let home = std::env::var_os("HOME").map_or_else(PathBuf::new, PathBuf::from);
    let g = &cli.global;
    let endpoint = match service::config_of(cli)? {
        // a service's --config is its own file, under the flags
        Some(config) => service::endpoint(g.url.as_deref(), g.keypair.as_deref(), &config, &home)?,
        None => settings::resolve(
            g.url.as_deref(),
            g.keypair.as_deref(),
            g.config_file.as_deref(),
            &home,
        )?,
    };
    let wallet = settings::load_keypair(&endpoint.keypair_path);
    let mut chain = Rpc::new(&endpoint.url);
    run(cli, &mut chain, &wallet, &mut std::io::stdout().lock())
}
