//! A `Chain` that fails chosen sends on purpose, the two ways a cluster fails a sender: it
//! refuses a transaction whose blockhash it does not know, and it lands a transaction whose
//! confirmation the sender then loses. The keeper's fault tests run it over the embedded chain.
use anchor_lang::Discriminator;
use pool_bot_client::chain::{
    AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt, SignatureInfo,
};
use pool_bot_client::{Instruction, Pubkey};
use solana_keypair::Keypair;
use std::collections::VecDeque;

/// How one send fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Refused before it runs, as a node answers for an expired blockhash.
    BlockhashNotFound,
    /// Runs and lands, but the sender is told it failed, as when confirmation times out.
    LandedButReportedFailed,
}

/// `inner` with a queue of faults, each for the next send of one Pool Bot instruction (named
/// by its discriminator); other sends, reads and simulations pass through.
pub struct FaultyChain<'a> {
    inner: &'a mut dyn Chain,
    faults: VecDeque<(&'static [u8], Fault)>,
}

impl<'a> FaultyChain<'a> {
    /// `inner` without faults yet.
    pub fn new(inner: &'a mut dyn Chain) -> FaultyChain<'a> {
        FaultyChain {
            inner,
            faults: VecDeque::new(),
        }
    }

    /// Fails each of the next `sends` sends of instruction `I` (after the faults already
    /// planned) with `fault`.
    pub fn failing<I: Discriminator>(mut self, sends: usize, fault: Fault) -> FaultyChain<'a> {
        self.faults
            .extend(std::iter::repeat_n((I::DISCRIMINATOR, fault), sends));
        self
    }

    /// Faults planned but not yet injected: a test asserts 0 to know its faults were hit.
    pub fn unused_faults(&self) -> usize {
        self.faults.len()
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

    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        let targeted = self.faults.front().is_some_and(|(discriminator, _)| {
            instructions
                .iter()
                .any(|i| i.program_id == pool_bot::ID && i.data.starts_with(discriminator))
        });
        let fault = if targeted {
            self.faults.pop_front().map(|(_, fault)| fault)
        } else {
            None
        };
        match fault {
            None => self.inner.send(instructions, signers),
            Some(Fault::BlockhashNotFound) => Err(ChainError::Transaction {
                error: "BlockhashNotFound".into(),
                logs: Vec::new(),
            }),
            Some(Fault::LandedButReportedFailed) => {
                self.inner.send(instructions, signers)?;
                Err(ChainError::Transport(
                    "unable to confirm transaction: it may have landed".into(),
                ))
            }
        }
    }

    fn simulate(
        &self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        self.inner.simulate(instructions, signers)
    }

    fn clock(&self) -> Result<ChainClock, ChainError> {
        self.inner.clock()
    }

    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError> {
        self.inner.airdrop(to, lamports)
    }
}
