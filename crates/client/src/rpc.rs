//! JSON-RPC to any cluster (localnet, devnet, mainnet-beta), at `confirmed` commitment.
use crate::chain::{
    AccountData, AccountFilter, Chain, ChainClock, ChainError, Receipt, RecentBlockhash,
    SignatureInfo,
};
use crate::errors;
use anchor_lang::prelude::Pubkey;
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::rpc_client::{GetConfirmedSignaturesForAddress2Config, RpcClient};
use solana_rpc_client_api::client_error::{Error as ClientError, ErrorKind};
use solana_rpc_client_api::request::{RpcError, RpcResponseErrorData};
use solana_rpc_client_types::config::{
    RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcSendTransactionConfig,
    RpcSimulateTransactionConfig, RpcTransactionConfig,
};
use solana_rpc_client_types::filter::{Memcmp, RpcFilterType};
use solana_signature::Signature;
use solana_transaction::versioned::VersionedTransaction;
use solana_transaction_status_client_types::UiTransactionEncoding;
use std::str::FromStr;

/// The clock sysvar's address.
const CLOCK_SYSVAR: Pubkey = anchor_lang::pubkey!("SysvarC1ock11111111111111111111111111111111");

/// Longest one request may take: a node slower than that counts as not answering (the
/// client's default, 30 s, would hold a keeper's round far too long).
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// How many times (every 100 ms) an airdrop's confirmation is awaited.
const AIRDROP_POLLS: u32 = 300;

/// A cluster reached over JSON-RPC.
pub struct Rpc {
    client: RpcClient,
}

impl Rpc {
    /// A client of the cluster at `url` (e.g. `http://127.0.0.1:8899`).
    pub fn new(url: &str) -> Rpc {
        Rpc {
            client: RpcClient::new_with_timeout_and_commitment(
                url.to_string(),
                REQUEST_TIMEOUT,
                CommitmentConfig::confirmed(),
            ),
        }
    }

    /// The cluster's URL.
    pub fn url(&self) -> String {
        self.client.url()
    }
}

impl Rpc {
    /// The receipt of a confirmed transaction: its logs and compute units, as the cluster
    /// recorded them.
    fn landed(&self, signature: &Signature) -> Result<Receipt, ChainError> {
        let config = RpcTransactionConfig {
            encoding: Some(UiTransactionEncoding::Base64),
            commitment: Some(self.client.commitment()),
            max_supported_transaction_version: Some(0),
        };
        let landed = self
            .client
            .get_transaction_with_config(signature, config)
            .map_err(|e| match e.kind() {
                // the node answers `null` for a transaction it does not know
                ErrorKind::SerdeJson(_) => {
                    ChainError::NotFound(format!("no transaction {signature}"))
                }
                _ => transport(e),
            })?;
        let meta = landed.transaction.meta;
        let logs = meta
            .as_ref()
            .and_then(|m| Option::<Vec<String>>::from(m.log_messages.clone()))
            .unwrap_or_default();
        let fee = meta.as_ref().map_or(0, |m| m.fee);
        let compute_units = meta
            .and_then(|m| Option::<u64>::from(m.compute_units_consumed))
            .unwrap_or(0);
        Ok(Receipt {
            signature: signature.to_string(),
            compute_units,
            logs,
            fee,
        })
    }
}

/// Whether the node refused a transaction because it already processed it (it landed).
fn already_processed(error: &ClientError) -> bool {
    matches!(
        error.get_transaction_error(),
        Some(solana_transaction_error::TransactionError::AlreadyProcessed)
    ) || error.to_string().contains("already been processed")
}

fn transport(error: ClientError) -> ChainError {
    ChainError::Transport(error.to_string())
}

/// A refused transaction's program error (from the preflight simulation's logs), else the
/// runtime's error, else the transport failure.
fn failure(error: ClientError) -> ChainError {
    if let ErrorKind::RpcError(RpcError::RpcResponseError {
        data: RpcResponseErrorData::SendTransactionPreflightFailure(simulation),
        ..
    }) = error.kind()
    {
        let logs = simulation.logs.clone().unwrap_or_default();
        if let Some(program) = errors::from_logs(&logs) {
            return ChainError::Program(program);
        }
        let runtime = simulation.err.as_ref().map(|e| format!("{e:?}"));
        return ChainError::Transaction {
            error: runtime.unwrap_or_else(|| error.to_string()),
            logs,
        };
    }
    match error.get_transaction_error() {
        Some(runtime) => ChainError::Transaction {
            error: format!("{runtime:?}"),
            logs: Vec::new(),
        },
        None => transport(error),
    }
}

impl Chain for Rpc {
    fn account(&self, key: &Pubkey) -> Result<Option<AccountData>, ChainError> {
        let response = self
            .client
            .get_account_with_commitment(key, self.client.commitment())
            .map_err(|e| {
                // the client words every failure of this call as "AccountNotFound: pubkey=…:
                // <cause>"; the account's absence is `Ok(None)`, so only the cause is news
                let text = e.to_string();
                let prefix = format!("AccountNotFound: pubkey={key}: ");
                ChainError::Transport(text.strip_prefix(&prefix).unwrap_or(&text).to_string())
            })?;
        Ok(response.value.map(|a| AccountData {
            lamports: a.lamports,
            owner: a.owner,
            data: a.data,
        }))
    }

    fn program_accounts(
        &self,
        program: &Pubkey,
        filter: &AccountFilter,
    ) -> Result<Vec<(Pubkey, AccountData)>, ChainError> {
        let filters = filter
            .matches
            .iter()
            .map(|(at, bytes)| RpcFilterType::Memcmp(Memcmp::new_raw_bytes(*at, bytes.clone())))
            .collect();
        let config = RpcProgramAccountsConfig {
            filters: Some(filters),
            account_config: RpcAccountInfoConfig {
                encoding: Some(solana_account_decoder_client_types::UiAccountEncoding::Base64),
                commitment: Some(self.client.commitment()),
                ..RpcAccountInfoConfig::default()
            },
            ..RpcProgramAccountsConfig::default()
        };
        let accounts = self
            .client
            .get_program_ui_accounts_with_config(program, config)
            .map_err(transport)?;
        accounts
            .into_iter()
            .map(|(key, ui)| {
                let data = ui
                    .data
                    .decode()
                    .ok_or_else(|| ChainError::Transport(format!("undecodable data of {key}")))?;
                let owner = Pubkey::from_str(&ui.owner)
                    .map_err(|e| ChainError::Transport(e.to_string()))?;
                Ok((
                    key,
                    AccountData {
                        lamports: ui.lamports,
                        owner,
                        data,
                    },
                ))
            })
            .collect()
    }

    fn submit(
        &mut self,
        transaction: &VersionedTransaction,
        preflight: bool,
    ) -> Result<Signature, ChainError> {
        let config = RpcSendTransactionConfig {
            skip_preflight: !preflight,
            preflight_commitment: Some(self.client.commitment().commitment),
            encoding: Some(UiTransactionEncoding::Base64),
            // the sender re-sends itself while the blockhash is valid (`landing`)
            max_retries: Some(0),
            min_context_slot: None,
        };
        match self
            .client
            .send_transaction_with_config(transaction, config)
        {
            Ok(signature) => Ok(signature),
            // a duplicate of a transaction that landed: not news
            Err(e) if already_processed(&e) => Ok(transaction.signatures[0]),
            Err(e) => Err(failure(e)),
        }
    }

    fn status(
        &self,
        signature: &Signature,
    ) -> Result<Option<Result<Receipt, ChainError>>, ChainError> {
        let statuses = self
            .client
            .get_signature_statuses(&[*signature])
            .map_err(transport)?
            .value;
        let Some(Some(status)) = statuses.into_iter().next() else {
            return Ok(None);
        };
        if !status.satisfies_commitment(self.client.commitment()) {
            return Ok(None);
        }
        // the status decides; the logs, compute units and fee are best effort (a node without
        // transaction history, or a lagging one, may not have them yet)
        let receipt = self.landed(signature).unwrap_or_else(|_| Receipt {
            signature: signature.to_string(),
            ..Receipt::default()
        });
        Ok(Some(match status.err {
            None => Ok(receipt),
            Some(err) => Err(match errors::from_logs(&receipt.logs) {
                Some(program) => ChainError::Program(program),
                None => ChainError::Transaction {
                    error: format!("{err:?}"),
                    logs: receipt.logs,
                },
            }),
        }))
    }

    fn simulate_transaction(
        &self,
        transaction: &VersionedTransaction,
    ) -> Result<Receipt, ChainError> {
        let config = RpcSimulateTransactionConfig {
            sig_verify: false,
            replace_recent_blockhash: false,
            commitment: Some(self.client.commitment()),
            encoding: Some(UiTransactionEncoding::Base64),
            ..RpcSimulateTransactionConfig::default()
        };
        let result = self
            .client
            .simulate_transaction_with_config(transaction, config)
            .map_err(transport)?
            .value;
        let logs = result.logs.unwrap_or_default();
        if let Some(err) = result.err {
            return Err(match errors::from_logs(&logs) {
                Some(program) => ChainError::Program(program),
                None => ChainError::Transaction {
                    error: format!("{err:?}"),
                    logs,
                },
            });
        }
        Ok(Receipt {
            signature: String::new(),
            compute_units: result.units_consumed.unwrap_or(0),
            logs,
            fee: 0,
        })
    }

    fn latest_blockhash(&self) -> Result<RecentBlockhash, ChainError> {
        let (hash, last_valid_block_height) = self
            .client
            .get_latest_blockhash_with_commitment(self.client.commitment())
            .map_err(transport)?;
        Ok(RecentBlockhash {
            hash,
            last_valid_block_height,
        })
    }

    fn block_height(&self) -> Result<u64, ChainError> {
        self.client.get_block_height().map_err(transport)
    }

    fn recent_prioritization_fees(&self, writable: &[Pubkey]) -> Result<Vec<u64>, ChainError> {
        // the node takes at most 128 accounts
        let accounts = &writable[..writable.len().min(128)];
        Ok(self
            .client
            .get_recent_prioritization_fees(accounts)
            .map_err(transport)?
            .into_iter()
            .map(|f| f.prioritization_fee)
            .collect())
    }

    fn clock(&self) -> Result<ChainClock, ChainError> {
        let account = self
            .account(&CLOCK_SYSVAR)?
            .ok_or_else(|| ChainError::NotFound("no clock sysvar".into()))?;
        // bincode Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp
        let word = |at: usize| account.data.get(at..at + 8).and_then(|b| b.try_into().ok());
        match (word(0), word(32)) {
            (Some(slot), Some(time)) => Ok(ChainClock {
                slot: u64::from_le_bytes(slot),
                unix_timestamp: i64::from_le_bytes(time),
            }),
            _ => Err(ChainError::Transport("malformed clock sysvar".into())),
        }
    }

    fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<(), ChainError> {
        let signature = self
            .client
            .request_airdrop(to, lamports)
            .map_err(transport)?;
        for _ in 0..AIRDROP_POLLS {
            if self
                .client
                .confirm_transaction_with_commitment(&signature, self.client.commitment())
                .map_err(transport)?
                .value
            {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(ChainError::Transport(format!(
            "the airdrop to {to} was not confirmed after {} s",
            AIRDROP_POLLS / 10
        )))
    }

    fn signatures_for_address(
        &self,
        address: &Pubkey,
        limit: usize,
    ) -> Result<Vec<SignatureInfo>, ChainError> {
        let config = GetConfirmedSignaturesForAddress2Config {
            limit: Some(limit),
            commitment: Some(self.client.commitment()),
            ..GetConfirmedSignaturesForAddress2Config::default()
        };
        let found = self
            .client
            .get_signatures_for_address_with_config(address, config)
            .map_err(transport)?;
        Ok(found
            .into_iter()
            .map(|s| SignatureInfo {
                signature: s.signature,
                slot: s.slot,
                block_time: s.block_time,
                failed: s.err.is_some(),
            })
            .collect())
    }

    fn transaction_logs(&self, signature: &str) -> Result<Vec<String>, ChainError> {
        let signature = Signature::from_str(signature)
            .map_err(|_| ChainError::NotFound(format!("no transaction {signature}")))?;
        Ok(self.landed(&signature)?.logs)
    }
}
