//! Pool Bot's built `.so` files on solana-program-test's Bank (the agave runtime behind a
//! `BanksClient`), behind the off-chain tools' `Chain` trait, so the seed story of
//! `crates/seed` runs on it unchanged.
use anchor_lang::prelude::Clock;
use anchor_lang::solana_program::system_instruction::transfer;
use pool_bot_client::chain::{
    self, AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt,
};
use pool_bot_client::{errors, Instruction, Pubkey};
use solana_keypair::Keypair;
use solana_program_test::{BanksClient, BanksClientError, ProgramTest};
use solana_rent::Rent;
use solana_signer::Signer;
use solana_transaction::Transaction;
use std::future::Future;
use tokio::runtime::Runtime;

/// Path of a built program, by Anchor's convention `target/deploy/<name>.so`.
pub fn program_path(name: &str) -> String {
    format!(
        "{}/../../target/deploy/{name}.so",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A Bank with Pool Bot and the local AMM deployed from their SBF builds under the upgradeable
/// BPF loader (program account + program data account, as `anchor deploy` leaves them).
pub struct BankChain {
    runtime: Runtime,
    client: BanksClient,
    /// The genesis mint keypair: the faucet behind `airdrop`.
    faucet: Keypair,
}

impl BankChain {
    /// Starts the Bank; panics with the fix when the programs were not built.
    pub fn start() -> BankChain {
        let mut test = ProgramTest::default();
        for (id, name) in [(pool_bot::ID, "pool_bot"), (local_amm::ID, "local_amm")] {
            let path = program_path(name);
            let elf = std::fs::read(&path).unwrap_or_else(|e| {
                panic!("{path}: {e}; build the programs first: scripts/build-sbf.sh")
            });
            for (address, account) in
                solana_program_binaries::bpf_loader_upgradeable_program_accounts(
                    &id,
                    &elf,
                    &Rent::default(),
                )
            {
                test.add_account(address, account);
            }
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let (client, faucet, _) = runtime.block_on(test.start());
        BankChain {
            runtime,
            client,
            faucet,
        }
    }

    fn run<T>(
        &self,
        call: impl Future<Output = Result<T, BanksClientError>>,
    ) -> Result<T, ChainError> {
        self.runtime
            .block_on(call)
            .map_err(|e| ChainError::Transport(e.to_string()))
    }

    fn transaction(
        &self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Transaction, ChainError> {
        let blockhash = self.run(self.client.get_latest_blockhash())?;
        chain::transaction(instructions, signers, blockhash)
    }
}

/// A failed transaction as the program's named error when its logs carry one.
fn refused(error: String, logs: Vec<String>) -> ChainError {
    match errors::from_logs(&logs) {
        Some(program) => ChainError::Program(program),
        None => ChainError::Transaction { error, logs },
    }
}

impl Chain for BankChain {
    fn account(&self, key: &Pubkey) -> Result<Option<AccountData>, ChainError> {
        let account = self.run(self.client.get_account(*key))?;
        Ok(account.filter(|a| a.lamports > 0).map(|a| AccountData {
            lamports: a.lamports,
            owner: a.owner,
            data: a.data,
        }))
    }

    fn program_accounts(
        &self,
        _: &Pubkey,
        _: &AccountFilter,
    ) -> Result<Vec<(Pubkey, AccountData)>, ChainError> {
        Err(ChainError::Transport(
            "a BanksClient cannot list program accounts".into(),
        ))
    }

    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        let tx = self.transaction(instructions, signers)?;
        let signature = tx.signatures[0].to_string();
        let outcome = self.run(self.client.process_transaction_with_metadata(tx))?;
        let (logs, compute_units) = outcome
            .metadata
            .map(|m| (m.log_messages, m.compute_units_consumed))
            .unwrap_or_default();
        match outcome.result {
            Ok(()) => Ok(Receipt {
                signature,
                compute_units,
                logs,
            }),
            Err(e) => Err(refused(format!("{e:?}"), logs)),
        }
    }

    fn simulate(
        &self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, ChainError> {
        let tx = self.transaction(instructions, signers)?;
        let outcome = self.run(self.client.simulate_transaction(tx))?;
        let (logs, compute_units) = outcome
            .simulation_details
            .map(|d| (d.logs, d.units_consumed))
            .unwrap_or_default();
        match outcome.result {
            Some(Err(e)) => Err(refused(format!("{e:?}"), logs)),
            _ => Ok(Receipt {
                signature: String::new(),
                compute_units,
                logs,
            }),
        }
    }

    fn clock(&self) -> Result<ChainClock, ChainError> {
        let clock: Clock = self.run(self.client.get_sysvar())?;
        Ok(ChainClock {
            slot: clock.slot,
            unix_timestamp: clock.unix_timestamp,
        })
    }

    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError> {
        let faucet = self.faucet.insecure_clone();
        self.send(&[transfer(&faucet.pubkey(), to, lamports)], &[&faucet])
            .map(|_| ())
    }
}
