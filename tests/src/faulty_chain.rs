//! A `Chain` that fails chosen sends on purpose, the ways a cluster fails a sender: it refuses
//! a transaction whose blockhash it does not know, it hands out a blockhash that is already
//! stale, and it lands a transaction and then stops answering about it. The keeper's fault
//! tests run it over the embedded chain.
use anchor_lang::Discriminator;
use pool_bot_client::chain::{
    AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt, RecentBlockhash,
    SignatureInfo,
};
use pool_bot_client::Pubkey;
use solana_signature::Signature;
use solana_transaction::versioned::VersionedTransaction;
use std::cell::Cell;
use std::collections::{HashSet, VecDeque};

/// How one send fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Refused before it runs, as a node answers for an expired blockhash.
    BlockhashNotFound,
    /// Runs and lands, but the node times out on the send and then never answers about the
    /// signature: the sender cannot learn its fate.
    LandedButReportedFailed,
}

/// `inner` with a queue of faults, each for the next send of one Pool Bot instruction (named
/// by its discriminator), and a count of stale blockhashes to hand out; other sends, reads
/// and simulations pass through.
pub struct FaultyChain<'a> {
    inner: &'a mut dyn Chain,
    faults: VecDeque<(&'static [u8], Fault)>,
    /// Signatures the node no longer answers about.
    silenced: HashSet<Signature>,
    /// Blockhashes still to be answered with a stale one.
    stale_blockhashes: Cell<usize>,
}

impl<'a> FaultyChain<'a> {
    /// `inner` without faults yet.
    pub fn new(inner: &'a mut dyn Chain) -> FaultyChain<'a> {
        FaultyChain {
            inner,
            faults: VecDeque::new(),
            silenced: HashSet::new(),
            stale_blockhashes: Cell::new(0),
        }
    }

    /// Fails each of the next `sends` sends of instruction `I` (after the faults already
    /// planned) with `fault`.
    pub fn failing<I: Discriminator>(mut self, sends: usize, fault: Fault) -> FaultyChain<'a> {
        self.faults
            .extend(std::iter::repeat_n((I::DISCRIMINATOR, fault), sends));
        self
    }

    /// Answers the next `count` blockhash requests with a blockhash the chain no longer
    /// accepts, as a lagging node does.
    pub fn stale_blockhashes(self, count: usize) -> FaultyChain<'a> {
        self.stale_blockhashes.set(count);
        self
    }

    /// Faults planned but not yet injected: a test asserts 0 to know its faults were hit.
    pub fn unused_faults(&self) -> usize {
        self.faults.len() + self.stale_blockhashes.get()
    }

    /// The fault planned for `transaction`, taken off the queue, if it is the next one's
    /// target.
    fn fault_for(&mut self, transaction: &VersionedTransaction) -> Option<Fault> {
        let (discriminator, _) = self.faults.front()?;
        let keys = transaction.message.static_account_keys();
        let targeted = transaction.message.instructions().iter().any(|i| {
            keys.get(usize::from(i.program_id_index)) == Some(&pool_bot::ID)
                && i.data.starts_with(discriminator)
        });
        targeted.then(|| self.faults.pop_front().map(|(_, fault)| fault))?
    }
}

impl Chain for FaultyChain<'_> {
    fn account(&self, key: &Pubkey) -> Result<Option<AccountData>, ChainError> {
        self.inner.account(key)
    }

    fn program_accounts(
        &self,
        program: &Pubkey,
        filter: &AccountFilter,
    ) -> Result<Vec<(Pubkey, AccountData)>, ChainError> {
        self.inner.program_accounts(program, filter)
    }

    fn signatures_for_address(
        &self,
        address: &Pubkey,
        limit: usize,
    ) -> Result<Vec<SignatureInfo>, ChainError> {
        self.inner.signatures_for_address(address, limit)
    }

    fn transaction_logs(&self, signature: &str) -> Result<Vec<String>, ChainError> {
        self.inner.transaction_logs(signature)
    }

    fn submit(
        &mut self,
        transaction: &VersionedTransaction,
        preflight: bool,
    ) -> Result<Signature, ChainError> {
        match self.fault_for(transaction) {
            None => self.inner.submit(transaction, preflight),
            Some(Fault::BlockhashNotFound) => Err(ChainError::Transaction {
                error: "BlockhashNotFound".into(),
                logs: Vec::new(),
            }),
            Some(Fault::LandedButReportedFailed) => {
                let signature = self.inner.submit(transaction, preflight)?;
                self.silenced.insert(signature);
                Err(ChainError::Transport("the send timed out".into()))
            }
        }
    }

    fn status(
        &self,
        signature: &Signature,
    ) -> Result<Option<Result<Receipt, ChainError>>, ChainError> {
        if self.silenced.contains(signature) {
            return Err(ChainError::Transport("the node did not answer".into()));
        }
        self.inner.status(signature)
    }

    fn simulate_transaction(
        &self,
        transaction: &VersionedTransaction,
    ) -> Result<Receipt, ChainError> {
        self.inner.simulate_transaction(transaction)
    }

    fn latest_blockhash(&self) -> Result<RecentBlockhash, ChainError> {
        let fresh = self.inner.latest_blockhash()?;
        let stale = self.stale_blockhashes.get();
        if stale == 0 {
            return Ok(fresh);
        }
        self.stale_blockhashes.set(stale - 1);
        Ok(RecentBlockhash {
            hash: solana_hash::Hash::new_from_array([7; 32]),
            ..fresh
        })
    }

    fn block_height(&self) -> Result<u64, ChainError> {
        self.inner.block_height()
    }

    fn recent_prioritization_fees(&self, writable: &[Pubkey]) -> Result<Vec<u64>, ChainError> {
        self.inner.recent_prioritization_fees(writable)
    }

    fn clock(&self) -> Result<ChainClock, ChainError> {
        self.inner.clock()
    }

    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError> {
        self.inner.airdrop(to, lamports)
    }
}
