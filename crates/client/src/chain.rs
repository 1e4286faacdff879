//! One small interface to a chain, with two implementations: the embedded in-process SVM
//! (`embedded::Embedded`, LiteSVM running the built `.so` files) and JSON-RPC to any cluster
//! (`rpc::Rpc`). The keeper, the validator agent and the CLI only see this trait.
use crate::errors::ProgramError;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::Message;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// An account as the tools need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountData {
    /// Balance in lamports.
    pub lamports: u64,
    /// Owning program.
    pub owner: Pubkey,
    /// Raw data.
    pub data: Vec<u8>,
}

/// What a landed (or simulated) transaction reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipt {
    /// Transaction signature (base58).
    pub signature: String,
    /// Compute units consumed.
    pub compute_units: u64,
    /// Program logs.
    pub logs: Vec<String>,
}

/// The chain's notion of now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainClock {
    /// Current slot.
    pub slot: u64,
    /// Unix time of the current slot.
    pub unix_timestamp: i64,
}

/// Why a chain call failed.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
    /// A program refused the transaction with a named error.
    #[error("{0}")]
    Program(ProgramError),
    /// The transaction failed for another reason (the runtime's error, and the logs).
    #[error("transaction failed: {error}")]
    Transaction {
        /// The runtime's error.
        error: String,
        /// Program logs.
        logs: Vec<String>,
    },
    /// Something the request needs does not exist on the chain: an account, a transaction.
    #[error("{0}")]
    NotFound(String),
    /// The chain could not be reached, or answered with something that is not a valid
    /// answer.
    #[error("{0}")]
    Transport(String),
    /// This chain implementation does not offer the request (e.g. a test bank keeps no
    /// transaction history).
    #[error("this chain does not support {0}")]
    Unsupported(&'static str),
}

impl ChainError {
    /// The program error's name (e.g. `BelowMinContribution`), when a program refused.
    pub fn program_error_name(&self) -> Option<&str> {
        match self {
            ChainError::Program(e) => Some(&e.name),
            _ => None,
        }
    }

    /// Whether retrying the same request may succeed (transport trouble, expired blockhash).
    pub fn is_transient(&self) -> bool {
        match self {
            ChainError::Transport(_) => true,
            ChainError::Transaction { error, .. } => {
                error.contains("BlockhashNotFound") || error.contains("AlreadyProcessed")
            }
            ChainError::Program(_) | ChainError::NotFound(_) | ChainError::Unsupported(_) => false,
        }
    }
}

/// A landed transaction as a chain's history lists it (`getSignaturesForAddress`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureInfo {
    /// Transaction signature (base58).
    pub signature: String,
    /// Slot it landed in.
    pub slot: u64,
    /// Unix time of its block, when the chain knows it.
    pub block_time: Option<i64>,
    /// Whether it failed (landed, fees paid, nothing else changed).
    pub failed: bool,
}

/// Which program accounts to list: by owner, type (discriminator) and optionally the pool
/// they belong to (every Pool Bot account but `Pool` has its pool at byte 8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountFilter {
    /// The account type's 8-byte discriminator.
    pub discriminator: [u8; 8],
    /// The pool field at byte 8, if filtering by pool.
    pub pool: Option<Pubkey>,
}

impl AccountFilter {
    /// Accounts of type `T` (by its Anchor discriminator), of `pool` when given.
    pub fn of<T: anchor_lang::Discriminator>(pool: Option<Pubkey>) -> AccountFilter {
        let discriminator = T::DISCRIMINATOR
            .try_into()
            .expect("Anchor discriminators are 8 bytes");
        AccountFilter {
            discriminator,
            pool,
        }
    }
}

/// A legacy transaction of `instructions` signed by `signers` (the first pays) at `blockhash`.
pub fn transaction(
    instructions: &[Instruction],
    signers: &[&Keypair],
    blockhash: solana_hash::Hash,
) -> Result<Transaction, ChainError> {
    let payer = signers.first().ok_or_else(|| ChainError::Transaction {
        error: "a transaction needs a signer".into(),
        logs: Vec::new(),
    })?;
    let message = Message::new(instructions, Some(&payer.pubkey()));
    Ok(Transaction::new(signers, message, blockhash))
}

/// A chain the off-chain tools talk to.
pub trait Chain {
    /// The account at `key`, if it exists.
    fn account(&self, key: &Pubkey) -> Result<Option<AccountData>, ChainError>;

    /// Accounts of `program` matching `filter`.
    fn program_accounts(
        &self,
        program: &Pubkey,
        filter: &AccountFilter,
    ) -> Result<Vec<(Pubkey, AccountData)>, ChainError>;

    /// Sends `instructions` in one transaction signed by `signers` (the first pays) and waits
    /// until it is confirmed.
    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError>;

    /// Runs `instructions` without committing anything.
    fn simulate(
        &self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError>;

    /// The chain's slot and time.
    fn clock(&self) -> Result<ChainClock, ChainError>;

    /// Gives `to` lamports from the chain's faucet (embedded chain, localnet, devnet) and waits
    /// until they arrived.
    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError>;

    /// The `limit` most recent transactions that named `address` among their accounts, newest
    /// first (`getSignaturesForAddress`).
    fn signatures_for_address(
        &self,
        address: &Pubkey,
        limit: usize,
    ) -> Result<Vec<SignatureInfo>, ChainError> {
        let _ = (address, limit);
        Err(ChainError::Unsupported("transaction history"))
    }

    /// The program logs of the landed transaction `signature` (`getTransaction`);
    /// `NotFound` when the chain does not know it.
    fn transaction_logs(&self, signature: &str) -> Result<Vec<String>, ChainError> {
        let _ = signature;
        Err(ChainError::Unsupported("transaction history"))
    }
}
