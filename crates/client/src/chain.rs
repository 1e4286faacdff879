//! One small interface to a chain, with two implementations: the embedded in-process SVM
//! (`embedded::Embedded`, LiteSVM running the built `.so` files) and JSON-RPC to any cluster
//! (`rpc::Rpc`). The keeper, the validator agent and the CLI only see this trait.
//!
//! A chain takes signed v0 transactions (`submit`) and says where each stands (`status`);
//! `landing` builds on those to send and confirm, and `send` / `simulate` are that, for a
//! list of instructions without lookup tables or compute budget.
use crate::errors::ProgramError;
use crate::landing::{self, Outgoing, Tracking};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_hash::Hash;
use solana_keypair::Keypair;
use solana_message::{v0, AddressLookupTableAccount, VersionedMessage};
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::versioned::VersionedTransaction;

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
    /// Lamports the fee payer paid: the signatures' fee plus the priority fee (0 for a
    /// simulation).
    pub fee: u64,
}

/// A blockhash to sign with and the last block height at which a transaction signed with it
/// can still land: past it, the transaction is dead and may be rebuilt without risk of
/// landing twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecentBlockhash {
    /// The blockhash.
    pub hash: Hash,
    /// The last block height it is valid at.
    pub last_valid_block_height: u64,
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
    /// A transaction was sent but its fate could not be learnt (the node stopped answering):
    /// it may still land until its blockhash expires, so it must not be rebuilt and sent
    /// again before then.
    #[error("transaction {signature} was sent but not confirmed: {reason}")]
    Unconfirmed {
        /// Its signature (base58).
        signature: String,
        /// Why its fate is unknown.
        reason: String,
        /// It cannot land past this block height.
        last_valid_block_height: u64,
    },
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
            ChainError::Transaction { .. } => self.is_stale_blockhash(),
            ChainError::Program(_)
            | ChainError::NotFound(_)
            | ChainError::Unsupported(_)
            | ChainError::Unconfirmed { .. } => false,
        }
    }
}

impl ChainError {
    /// Whether the chain refused a transaction for its blockhash (unknown to the node, or
    /// expired): it did not run, so it may be rebuilt with a fresh one at once.
    pub fn is_stale_blockhash(&self) -> bool {
        matches!(self, ChainError::Transaction { error, .. } if error.contains("BlockhashNotFound"))
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

/// Which program accounts to list: those whose data holds given bytes at given offsets (the
/// type's discriminator at 0, the pool at 8 for every Pool Bot account but `Pool`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountFilter {
    /// Each `(offset, bytes)` must match.
    pub matches: Vec<(usize, Vec<u8>)>,
}

impl AccountFilter {
    /// Accounts of type `T` (by its Anchor discriminator), of `pool` when given.
    pub fn of<T: anchor_lang::Discriminator>(pool: Option<Pubkey>) -> AccountFilter {
        let mut matches = vec![(0, T::DISCRIMINATOR.to_vec())];
        if let Some(pool) = pool {
            matches.push((8, pool.to_bytes().to_vec()));
        }
        AccountFilter { matches }
    }

    /// The address lookup tables `authority` may extend (the table's authority is at byte 22,
    /// after its `Some` tag).
    pub fn lookup_tables_of(authority: &Pubkey) -> AccountFilter {
        let mut tagged = vec![1u8];
        tagged.extend_from_slice(authority.as_ref());
        AccountFilter {
            matches: vec![(0, 1u32.to_le_bytes().to_vec()), (21, tagged)],
        }
    }

    /// Whether `data` passes the filter.
    pub fn accepts(&self, data: &[u8]) -> bool {
        self.matches
            .iter()
            .all(|(at, bytes)| data.get(*at..at + bytes.len()) == Some(bytes.as_slice()))
    }
}

/// A v0 transaction of `instructions` signed by `signers` (the first pays) at `blockhash`,
/// with the accounts found in `lookup_tables` referenced by index.
pub fn transaction(
    instructions: &[Instruction],
    signers: &[&Keypair],
    lookup_tables: &[AddressLookupTableAccount],
    blockhash: Hash,
) -> Result<VersionedTransaction, ChainError> {
    let payer = signers.first().ok_or_else(|| ChainError::Transaction {
        error: "a transaction needs a signer".into(),
        logs: Vec::new(),
    })?;
    let message = v0::Message::try_compile(&payer.pubkey(), instructions, lookup_tables, blockhash)
        .map_err(|e| ChainError::Transaction {
            error: format!("the transaction cannot be compiled: {e}"),
            logs: Vec::new(),
        })?;
    VersionedTransaction::try_new(VersionedMessage::V0(message), signers).map_err(|e| {
        ChainError::Transaction {
            error: format!("the transaction cannot be signed: {e}"),
            logs: Vec::new(),
        }
    })
}

/// Bytes `transaction` takes on the wire (at most `PACKET_BYTES` to be sent).
pub fn serialized_size(transaction: &VersionedTransaction) -> usize {
    // the signatures' count is a compact-u16: one byte below 128
    1 + 64 * transaction.signatures.len() + transaction.message.serialize().len()
}

/// Most bytes a transaction may take (one network packet).
pub const PACKET_BYTES: usize = 1_232;

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

    /// Sends a signed transaction without waiting for it. With `preflight` the node first
    /// simulates it and refuses it (a `Program` or `Transaction` error: it did not run) when
    /// it fails; without, it goes straight to the leader (re-sends of a transaction already
    /// checked once). Sending a transaction that already landed is not an error.
    fn submit(
        &mut self,
        transaction: &VersionedTransaction,
        preflight: bool,
    ) -> Result<Signature, ChainError>;

    /// Where a sent transaction stands: `None` while the chain has not seen it land, else its
    /// receipt or why it failed.
    fn status(
        &self,
        signature: &Signature,
    ) -> Result<Option<Result<Receipt, ChainError>>, ChainError>;

    /// Runs a signed transaction without committing anything.
    fn simulate_transaction(
        &self,
        transaction: &VersionedTransaction,
    ) -> Result<Receipt, ChainError>;

    /// A blockhash to sign with, and until which block height it is valid.
    fn latest_blockhash(&self) -> Result<RecentBlockhash, ChainError>;

    /// The current block height (compared with `RecentBlockhash::last_valid_block_height`).
    fn block_height(&self) -> Result<u64, ChainError>;

    /// Priority fees (micro-lamports per CU) recent transactions paid that wrote any of
    /// `writable` (`getRecentPrioritizationFees`); empty when the chain has none to tell.
    fn recent_prioritization_fees(&self, writable: &[Pubkey]) -> Result<Vec<u64>, ChainError> {
        let _ = writable;
        Ok(Vec::new())
    }

    /// Sends `instructions` in one v0 transaction signed by `signers` (the first pays) and
    /// waits until it is confirmed (`landing`: re-sent while its blockhash is valid, rebuilt
    /// only after a refusal for the blockhash).
    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        let outgoing = Outgoing::new(instructions, signers);
        landing::send_and_confirm(self, &outgoing, &Tracking::default())
    }

    /// Runs `instructions` without committing anything.
    fn simulate(
        &self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        let blockhash = self.latest_blockhash()?;
        self.simulate_transaction(&transaction(instructions, signers, &[], blockhash.hash)?)
    }

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
