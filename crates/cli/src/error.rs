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
    #[error(transparent)]
    Keypair(#[from] KeypairError),
    /// The RPC node could not be reached or answered badly.
    #[error(
        "Cannot reach the Solana RPC node ({0}). Check --url (or json_rpc_url in the Solana CLI \
         config) and that the node is running; for localnet start it with \
         `scripts/localnet.sh start`."
    )]
    Unreachable(String),
    /// The transaction failed for a reason other than a named program error.
    #[error("The transaction failed: {0}")]
    Transaction(String),
    /// The output could not be written.
    #[error("Cannot write the output: {0}")]
    Output(std::io::Error),
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError::Output(error)
    }
}

impl CliError {
    /// What kind of failure it is, as `--json` reports it: `input`, `state`, `refused`,
    /// `keypair`, `unreachable`, `transaction` or `output`.
    pub fn kind(&self) -> &'static str {
        match self {
            CliError::Input(_) => "input",
            CliError::State(_) => "state",
            CliError::Refused(_) => "refused",
            CliError::Keypair(_) => "keypair",
            CliError::Unreachable(_) => "unreachable",
            CliError::Transaction(_) => "transaction",
            CliError::Output(_) => "output",
        }
    }

    /// The failure as `--json` prints it: `{"error": <the sentence>, "kind": <kind>}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.to_string(), "kind": self.kind() })
    }
}

impl From<ChainError> for CliError {
    /// Failures of reads (sends are translated with their context, see `explain`).
    fn from(error: ChainError) -> Self {
        match error {
            ChainError::Transport(detail) => CliError::Unreachable(detail),
            ChainError::NotFound(what) => {
                CliError::State(format!("{what}. Check --pool and --url."))
            }
            ChainError::Unsupported(what) => {
                CliError::Input(format!("This chain does not support {what}."))
            }
            ChainError::Program(e) => CliError::Refused(format!("{}.", e.message)),
            ChainError::Transaction { error, .. } => CliError::Transaction(error),
            ChainError::Unconfirmed {
                signature, reason, ..
            } => CliError::Unreachable(format!(
                "transaction {signature} was sent but the node stopped answering ({reason}); \
                 it may still land: look it up with `solana confirm {signature}` before \
                 sending again"
            )),
        }
    }
}
