//! `poolbot`: parses the command line, resolves the RPC URL and keypair like the `solana` CLI,
//! and runs the command over JSON-RPC.
use anyhow::Result;
use clap::Parser;
use pool_bot_cli::{run, settings, Cli, Command};
use pool_bot_client::rpc::Rpc;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // keeper and validator logs on stderr (RUST_LOG overrides: e.g. RUST_LOG=debug); the
    // simulation shows a progress bar and a report instead of every trade
    let default = match cli.command {
        Command::Simulate(_) => "warn",
        _ => "pool_bot_keeper=info,pool_bot_validator=info,warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default)),
        )
        .with_writer(std::io::stderr)
        .init();
    match try_main(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn try_main(cli: &Cli) -> Result<()> {
    let home = std::env::var_os("HOME").map_or_else(PathBuf::new, PathBuf::from);
    let g = &cli.global;
    let endpoint = settings::resolve(
        g.url.as_deref(),
        g.keypair.as_deref(),
        g.config_file.as_deref(),
        &home,
    )?;
    let wallet = settings::load_keypair(&endpoint.keypair_path);
    let mut chain = Rpc::new(&endpoint.url);
    run(cli, &mut chain, &wallet, &mut std::io::stdout().lock())?;
    Ok(())
}
