//! Pool Bot's built `.so` files on solana-program-test's Bank (the agave runtime behind a
//! `BanksClient`), behind the off-chain tools' `Chain` trait, so the seed story of
//! `crates/seed` runs on it unchanged.
use anchor_lang::prelude::Clock;
use anchor_lang::solana_program::system_instruction::transfer;
use pool_bot_client::chain::{
    AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt, RecentBlockhash,
};
use pool_bot_client::{errors, fees, Pubkey};
use solana_keypair::Keypair;
use solana_program_test::{BanksClient, BanksClientError, ProgramTest};
use solana_rent::Rent;
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::versioned::VersionedTransaction;
use std::collections::HashMap;
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
    /// The receipts of the transactions `submit` landed (the Bank runs them at once).
    landed: HashMap<Signature, Receipt>,
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
            landed: HashMap::new(),
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

    fn submit(
        &mut self,
        transaction: &VersionedTransaction,
        _preflight: bool,
    ) -> Result<Signature, ChainError> {
        let signature = transaction.signatures[0];
        if self.landed.contains_key(&signature) {
            return Ok(signature);
        }
        let outcome = self.run(
            self.client
                .process_transaction_with_metadata(transaction.clone()),
        )?;
        let (logs, compute_units) = outcome
            .metadata
            .map(|m| (m.log_messages, m.compute_units_consumed))
            .unwrap_or_default();
        match outcome.result {
            Ok(()) => {
                let receipt = Receipt {
                    signature: signature.to_string(),
                    compute_units,
                    logs,
                    fee: fees::transaction_fee(transaction),
                };
                self.landed.insert(signature, receipt);
                Ok(signature)
            }
            Err(e) => Err(refused(format!("{e:?}"), logs)),
        }
    }

    fn status(
        &self,
        signature: &Signature,
    ) -> Result<Option<Result<Receipt, ChainError>>, ChainError> {
        Ok(self.landed.get(signature).cloned().map(Ok))
    }

    fn simulate_transaction(
        &self,
        transaction: &VersionedTransaction,
    ) -> Result<Receipt, ChainError> {
        let outcome = self.run(self.client.simulate_transaction(transaction.clone()))?;
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
                fee: 0,
            }),
        }
    }

    fn latest_blockhash(&self) -> Result<RecentBlockhash, ChainError> {
        let latest = self.run(
            self.client
                .get_latest_blockhash_with_commitment(Default::default()),
        )?;
        let (hash, last_valid_block_height) =
            latest.ok_or_else(|| ChainError::Transport("the Bank has no blockhash".into()))?;
        Ok(RecentBlockhash {
            hash,
            last_valid_block_height,
        })
    }

    fn block_height(&self) -> Result<u64, ChainError> {
        self.run(self.client.get_root_block_height())
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
