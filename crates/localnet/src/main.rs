//! `poolbot-localnet`: a local Solana validator speaking JSON-RPC and websocket on 127.0.0.1,
//! offline, with the Pool Bot and local AMM programs deployed at their program ids as
//! upgradeable-loader programs, and SPL Token, Token-2022 and the ATA program present.
//!
//! The runtime is surfpool's (LiteSVM with the mainnet feature set, real signature checks);
//! state lives in memory and is gone when the process stops (Ctrl-C or SIGTERM).
mod node;
mod programs;

use clap::Parser;
use solana_pubkey::Pubkey;
use std::path::PathBuf;
use std::str::FromStr;

/// A local Solana validator with the Pool Bot programs deployed.
#[derive(Parser, Debug)]
#[command(name = "poolbot-localnet", version)]
pub struct Args {
    /// JSON-RPC port on 127.0.0.1.
    #[arg(long, default_value_t = 8899)]
    pub rpc_port: u16,
    /// Websocket (pubsub) port on 127.0.0.1.
    #[arg(long, default_value_t = 8900)]
    pub ws_port: u16,
    /// Where the built programs are (`<name>.so` beside `<name>-keypair.json`).
    #[arg(long, default_value = "target/deploy")]
    pub programs_dir: PathBuf,
    /// Deploy this program instead of the defaults: `PROGRAM_ID=PATH_TO.so` (repeatable).
    #[arg(long = "program", value_name = "PROGRAM_ID=PATH")]
    pub programs: Vec<String>,
    /// Upgrade authority of the deployed programs: a public key or a keypair file. Defaults to
    /// the Solana CLI wallet (~/.config/solana/id.json) when it exists.
    #[arg(long)]
    pub upgrade_authority: Option<String>,
    /// Milliseconds per slot.
    #[arg(long, default_value_t = 400)]
    pub slot_time_ms: u64,
    /// Print every transaction the validator processes.
    #[arg(long)]
    pub log_transactions: bool,
}

/// Why the validator could not start.
#[derive(Debug, thiserror::Error)]
pub enum LocalnetError {
    /// A program's `.so` could not be read.
    #[error("cannot deploy {}: {why}. Build the programs first with scripts/build-sbf.sh, or point --programs-dir / --program at the .so", path.display())]
    MissingProgram {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        why: String,
    },
    /// A keypair file could not be read.
    #[error("cannot read the keypair {}: {why}", path.display())]
    BadKeypair {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        why: String,
    },
    /// A `--program` value is malformed.
    #[error("--program {spec}: {why}")]
    BadSpec {
        /// The value given.
        spec: String,
        /// What is wrong with it.
        why: String,
    },
    /// `--upgrade-authority` is neither a public key nor a readable keypair file.
    #[error("--upgrade-authority {0}: not a public key, and not a readable keypair file")]
    BadAuthority(String),
    /// A port is already bound.
    #[error("port {port} on 127.0.0.1 is in use ({what}): stop whatever holds it (another validator?) or pass {flag} with a free port")]
    PortInUse {
        /// The port.
        port: u16,
        /// Which service wanted it.
        what: &'static str,
        /// The flag that changes it.
        flag: &'static str,
    },
    /// The validator failed while starting.
    #[error("the validator did not start: {0}")]
    Startup(String),
}

fn main() {
    let args = Args::parse();
    if let Err(error) = run(args) {
        eprintln!("error: {error}");
        std::process::exit(2);
    }
}

fn run(args: Args) -> Result<(), LocalnetError> {
    node::check_port_free(args.rpc_port, "JSON-RPC", "--rpc-port")?;
    node::check_port_free(args.ws_port, "websocket", "--ws-port")?;
    let programs = if args.programs.is_empty() {
        programs::DEFAULT_PROGRAMS
            .iter()
            .map(|name| programs::from_dir(&args.programs_dir, name))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        args.programs
            .iter()
            .map(|spec| programs::from_spec(spec))
            .collect::<Result<Vec<_>, _>>()?
    };
    let authority = upgrade_authority(args.upgrade_authority.as_deref())?;
    let node = node::Node::start(&args, &programs, authority)?;
    let (stop_tx, stop_rx) = crossbeam_channel::bounded::<()>(1);
    ctrlc::set_handler(move || {
        let _ = stop_tx.try_send(());
    })
    .map_err(|e| LocalnetError::Startup(format!("cannot handle Ctrl-C: {e}")))?;
    let _ = stop_rx.recv();
    node.stop();
    println!("poolbot-localnet stopped");
    Ok(())
}

/// The programs' upgrade authority: the flag's public key or keypair, else the Solana CLI
/// wallet when there is one.
fn upgrade_authority(flag: Option<&str>) -> Result<Option<Pubkey>, LocalnetError> {
    match flag {
        Some(value) => Pubkey::from_str(value)
            .or_else(|_| programs::keypair_address(&expand_home(value)))
            .map(Some)
            .map_err(|_| LocalnetError::BadAuthority(value.to_string())),
        None => {
            let wallet = expand_home("~/.config/solana/id.json");
            Ok(programs::keypair_address(&wallet).ok())
        }
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
