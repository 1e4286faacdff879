//! What can go wrong, each as a sentence a person can act on: the problem and the fix.
use pool_bot_client::chain::ChainError;
use std::path::PathBuf;

/// Why the wallet keypair could not be loaded. Kept apart from [`CliError`] because it is found
/// before any command runs and only reported when a command needs to sign.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeypairError {
    /// No file at the path.
    #[error(
        "No keypair file at {path}. Create one with `solana-keygen new -o {path}`, or pass \
         --keypair <FILE>."
    )]
    Missing {
        /// Where the keypair was looked for.
        path: PathBuf,
    },
    /// The file exists but could not be read.
    #[error("Cannot read the keypair file {path}: {reason}. Check its permissions, or pass --keypair <FILE>.")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        reason: String,
    },
    /// The file is not a Solana keypair.
    #[error(
        "{path} is not a Solana keypair file ({reason}). Expected the JSON array of 64 numbers \
         that `solana-keygen new` writes; pass another file with --keypair <FILE>."
    )]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// A command's failure, as the one- or two-line message the person sees.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The flags or arguments do not make sense together.
    #[error("{0}")]
    Input(String),
    /// The chain's state does not allow it (unknown member, balance too low, ...), found
    /// before anything was sent.
    #[error("{0}")]
    State(String),
    /// The program refused the transaction; the sentence explains its named error.
    #[error("{0}")]
    Refused(String),
    /// The wallet keypair could not be loaded.
    #[error("{0}")]
    Keypair(#[from] KeypairError),
    /// The RPC node could not be reached or answered badly.
    #[error(
        "Cannot reach the Solana RPC node ({0}). Check --url (or json_rpc_url in the Solana CLI \
         config) and that the node is running, e.g. `solana-test-validator` for localnet."
    )]
    Unreachable(String),
    /// The transaction failed for a reason other than a named program error.
    #[error("The transaction failed: {0}")]
    Transaction(String),
    /// The output could not be written.
    #[error("Cannot write the output: {0}")]
    Output(#[from] std::io::Error),
}

impl From<ChainError> for CliError {
    /// Failures of reads (sends are translated with their context, see `explain`).
    fn from(error: ChainError) -> Self {
        match error {
            ChainError::Transport(detail) => CliError::Unreachable(detail),
            ChainError::Program(e) => CliError::Refused(format!("{}.", e.message)),
            ChainError::Transaction { error, .. } => CliError::Transaction(error),
        }
    }
}
