//! The embedded chain: LiteSVM (the real SVM, mainnet feature set) in this process, running
//! the SBF builds of Pool Bot and the local AMM.
use crate::chain::{
    AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt, RecentBlockhash,
    SignatureInfo,
};
use crate::{errors, lookup_table};
use anchor_lang::prelude::{Clock, Pubkey};
use litesvm::types::{FailedTransactionMetadata, TransactionMetadata};
use litesvm::LiteSVM;
use solana_signature::Signature;
use solana_slot_hashes::SlotHashes;
use solana_transaction::versioned::VersionedTransaction;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Where the built programs are by default: `POOLBOT_PROGRAMS_DIR`, else the workspace's
/// `target/deploy` (Anchor's convention, where `scripts/build-sbf.sh` puts them).
pub fn default_programs_dir() -> PathBuf {
    std::env::var_os("POOLBOT_PROGRAMS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/deploy"))
}

/// A transaction `submit` landed, kept so the chain can answer history and status requests
/// like a cluster (`signatures_for_address`, `transaction_logs`, `status`).
struct Landed {
    info: SignatureInfo,
    /// Every account it named, those loaded from lookup tables included.
    accounts: Vec<Pubkey>,
    receipt: Receipt,
}

/// Blocks a blockhash stays valid for, as on a cluster.
const BLOCKHASH_VALID_BLOCKS: u64 = 150;

/// How many landed transactions the embedded chain remembers (the oldest are forgotten, as a
/// node without full history does), so a long simulation does not grow without bound.
pub const HISTORY_LIMIT: usize = 20_000;

/// LiteSVM with Pool Bot and the local AMM loaded.
pub struct Embedded {
    svm: LiteSVM,
    /// The signatures of the last `HISTORY_LIMIT` transactions `submit` landed, oldest first.
    history: VecDeque<Signature>,
    /// Those transactions, by signature.
    landed: HashMap<Signature, Landed>,
}

impl Embedded {
    /// Loads `pool_bot.so` and `local_amm.so` from `programs_dir`.
    pub fn new(programs_dir: &Path) -> Result<Embedded, ChainError> {
        let mut svm = LiteSVM::new();
        for (id, name) in [(pool_bot::ID, "pool_bot"), (local_amm::ID, "local_amm")] {
            let path = programs_dir.join(format!("{name}.so"));
            let bytes = std::fs::read(&path).map_err(|e| {
                ChainError::NotFound(format!(
                    "cannot read {}: {e}; build the programs first with scripts/build-sbf.sh",
                    path.display()
                ))
            })?;
            svm.add_program(id, &bytes).map_err(|e| {
                ChainError::Transport(format!("{} was rejected by the SVM: {e:?}", path.display()))
            })?;
        }
        Ok(Embedded {
            svm,
            history: VecDeque::new(),
            landed: HashMap::new(),
        })
    }

    /// Moves the clock forward by `seconds` and the slot by `slots`, recording the new slot in
    /// the slot hashes as a cluster does (lookup tables are created at, and deactivate by,
    /// recent slots).
    pub fn advance(&mut self, seconds: i64, slots: u64) {
        let mut clock = self.svm.get_sysvar::<Clock>();
        clock.unix_timestamp += seconds;
        clock.slot += slots;
        self.svm.set_sysvar(&clock);
        self.svm.expire_blockhash();
        if slots > 0 {
            let mut recent = self.svm.get_sysvar::<SlotHashes>();
            recent.add(clock.slot, self.svm.latest_blockhash());
            self.svm.set_sysvar(&recent);
        }
    }

    /// The SVM itself, for what the trait does not cover.
    pub fn svm(&self) -> &LiteSVM {
        &self.svm
    }

    /// The SVM itself, mutably.
    pub fn svm_mut(&mut self) -> &mut LiteSVM {
        &mut self.svm
    }

    /// Every account `transaction` names: its static keys, then those its lookups load.
    fn accounts_of(&self, transaction: &VersionedTransaction) -> Vec<Pubkey> {
        let mut keys = transaction.message.static_account_keys().to_vec();
        for lookup in transaction
            .message
            .address_table_lookups()
            .unwrap_or_default()
        {
            let Some(table) = self.svm.get_account(&lookup.account_key) else {
                continue;
            };
            let Ok(addresses) = lookup_table::addresses(&table.data) else {
                continue;
            };
            let indexes = lookup
                .writable_indexes
                .iter()
                .chain(&lookup.readonly_indexes);
            keys.extend(indexes.filter_map(|&i| addresses.get(usize::from(i)).copied()));
        }
        keys
    }
}

fn receipt(meta: TransactionMetadata) -> Receipt {
    Receipt {
        signature: meta.signature.to_string(),
        compute_units: meta.compute_units_consumed,
        logs: meta.logs,
        fee: meta.fee,
    }
}

fn failure(failed: FailedTransactionMetadata) -> ChainError {
    match errors::from_logs(&failed.meta.logs) {
        Some(program) => ChainError::Program(program),
        None => ChainError::Transaction {
            error: format!("{:?}", failed.err),
            logs: failed.meta.logs,
        },
    }
}

/// An SVM account as `AccountData` (a macro: LiteSVM's account type is not named here).
macro_rules! data {
    ($account:expr) => {{
        let a = $account;
        AccountData {
            lamports: a.lamports,
            owner: a.owner,
            data: a.data,
        }
    }};
}

impl Chain for Embedded {
    fn account(&self, key: &Pubkey) -> Result<Option<AccountData>, ChainError> {
        Ok(self
            .svm
            .get_account(key)
            .filter(|a| a.lamports > 0)
            .map(|a| data!(a)))
    }

    fn program_accounts(
        &self,
        program: &Pubkey,
        filter: &AccountFilter,
    ) -> Result<Vec<(Pubkey, AccountData)>, ChainError> {
        Ok(self
            .svm
            .get_program_accounts(program)
            .into_iter()
            .filter(|(_, a)| filter.accepts(&a.data))
            .map(|(key, a)| (key, data!(a)))
            .collect())
    }

    fn submit(
        &mut self,
        transaction: &VersionedTransaction,
        _preflight: bool,
    ) -> Result<Signature, ChainError> {
        let signature = transaction.signatures[0];
        if self.landed.contains_key(&signature) {
            // a node drops a duplicate of a landed transaction without an error
            return Ok(signature);
        }
        let accounts = self.accounts_of(transaction);
        let result = self.svm.send_transaction(transaction.clone());
        // the next transaction gets a fresh blockhash, so identical ones differ
        self.svm.expire_blockhash();
        let receipt = result.map(receipt).map_err(failure)?;
        let clock = self.svm.get_sysvar::<Clock>();
        if self.history.len() == HISTORY_LIMIT {
            if let Some(oldest) = self.history.pop_front() {
                self.landed.remove(&oldest);
            }
        }
        self.history.push_back(signature);
        self.landed.insert(
            signature,
            Landed {
                info: SignatureInfo {
                    signature: receipt.signature.clone(),
                    slot: clock.slot,
                    block_time: Some(clock.unix_timestamp),
                    failed: false,
                },
                accounts,
                receipt,
            },
        );
        Ok(signature)
    }

    fn status(
        &self,
        signature: &Signature,
    ) -> Result<Option<Result<Receipt, ChainError>>, ChainError> {
        Ok(self.landed.get(signature).map(|t| Ok(t.receipt.clone())))
    }

    fn simulate_transaction(
        &self,
        transaction: &VersionedTransaction,
    ) -> Result<Receipt, ChainError> {
        self.svm
            .simulate_transaction(transaction.clone())
            .map(|s| Receipt {
                fee: 0,
                ..receipt(s.meta)
            })
            .map_err(failure)
    }

    fn latest_blockhash(&self) -> Result<RecentBlockhash, ChainError> {
        Ok(RecentBlockhash {
            hash: self.svm.latest_blockhash(),
            last_valid_block_height: self.block_height()? + BLOCKHASH_VALID_BLOCKS,
        })
    }

    /// Every slot has a block here.
    fn block_height(&self) -> Result<u64, ChainError> {
        Ok(self.svm.get_sysvar::<Clock>().slot)
    }

    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError> {
        self.svm
            .airdrop(to, lamports)
            .map(|_| ())
            .map_err(|f| ChainError::Transaction {
                error: format!("{:?}", f.err),
                logs: f.meta.logs,
            })
    }

    fn clock(&self) -> Result<ChainClock, ChainError> {
        let clock = self.svm.get_sysvar::<Clock>();
        Ok(ChainClock {
            slot: clock.slot,
            unix_timestamp: clock.unix_timestamp,
        })
    }

    fn signatures_for_address(
        &self,
        address: &Pubkey,
        limit: usize,
    ) -> Result<Vec<SignatureInfo>, ChainError> {
        Ok(self
            .history
            .iter()
            .rev()
            .filter_map(|signature| self.landed.get(signature))
            .filter(|t| t.accounts.contains(address))
            .take(limit)
            .map(|t| t.info.clone())
            .collect())
    }

    fn transaction_logs(&self, signature: &str) -> Result<Vec<String>, ChainError> {
        self.find(signature)
            .map(|t| t.receipt.logs.clone())
            .ok_or_else(|| ChainError::NotFound(format!("no transaction {signature}")))
    }
}

impl Embedded {
    /// The remembered transaction `signature`.
    fn find(&self, signature: &str) -> Option<&Landed> {
        self.landed.get(&Signature::from_str(signature).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use solana_keypair::Keypair;
    use solana_signer::Signer;

    #[test]
    fn remembers_what_it_landed_like_a_node() {
        let mut chain = Embedded::new(&default_programs_dir()).expect("built programs");
        let payer = Keypair::new();
        chain.airdrop(&payer.pubkey(), 1_000_000_000).unwrap();
        let mut mints = Vec::new();
        let mut signatures = Vec::new();
        for _ in 0..3 {
            let mint = Keypair::new();
            let create = crate::token::create_mint(
                &payer.pubkey(),
                &mint.pubkey(),
                &payer.pubkey(),
                6,
                &anchor_spl::token::ID,
            );
            signatures.push(chain.send(&create, &[&payer, &mint]).unwrap().signature);
            mints.push(mint.pubkey());
        }
        // the payer is in all three, newest first; a mint only in its own
        let listed = chain.signatures_for_address(&payer.pubkey(), 10).unwrap();
        let listed: Vec<&str> = listed.iter().map(|s| s.signature.as_str()).collect();
        assert_eq!(listed, [&signatures[2], &signatures[1], &signatures[0]]);
        let two = chain.signatures_for_address(&payer.pubkey(), 2).unwrap();
        assert_eq!(two.len(), 2);
        let one = chain.signatures_for_address(&mints[1], 10).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].signature, signatures[1]);
        assert!(!one[0].failed && one[0].block_time.is_some());
        let logs = chain.transaction_logs(&signatures[1]).unwrap();
        assert!(logs.iter().any(|l| l.contains("invoke [1]")), "{logs:?}");
        assert!(matches!(
            chain.transaction_logs("nope"),
            Err(ChainError::NotFound(_))
        ));
        assert!(chain
            .signatures_for_address(&Pubkey::new_unique(), 10)
            .unwrap()
            .is_empty());
    }
}
