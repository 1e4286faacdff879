//! Landing a transaction on a cluster that drops some: send it, watch its signature, send the
//! same bytes again while its blockhash is valid (a duplicate cannot run twice: the cluster
//! keeps one result per signature), and build it again with a fresh blockhash only once the
//! old one can no longer land (refused for its blockhash, or expired). A transaction whose
//! fate cannot be learnt is reported `Unconfirmed`, never rebuilt, so a retry cannot run a
//! trade twice.
//!
//! `Sender` adds what a service pays to land: a compute-unit limit from the simulation plus a
//! margin and a price from the recent fees on the transaction's writable accounts
//! (`fees::FeePolicy`).
use crate::chain::{self, Chain, ChainError, Receipt, RecentBlockhash};
use crate::fees::{ComputeBudget, FeePolicy, Price, MAX_COMPUTE_UNIT_LIMIT};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_keypair::Keypair;
use solana_message::AddressLookupTableAccount;
use solana_transaction::versioned::VersionedTransaction;
use std::time::{Duration, Instant};

/// A transaction to build: its instructions, signers (the first pays) and the lookup tables
/// its accounts may be referenced through.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    /// The instructions, in order.
    pub instructions: &'a [Instruction],
    /// The signers; the first pays the fee.
    pub signers: &'a [&'a Keypair],
    /// Lookup tables (only their usable entries: see `lookup_table::usable`).
    pub lookup_tables: &'a [AddressLookupTableAccount],
}

impl<'a> Outgoing<'a> {
    /// `instructions` signed by `signers`, without lookup tables.
    pub fn new(instructions: &'a [Instruction], signers: &'a [&'a Keypair]) -> Outgoing<'a> {
        Outgoing {
            instructions,
            signers,
            lookup_tables: &[],
        }
    }

    /// Signed at `blockhash`.
    pub fn sign(&self, blockhash: &RecentBlockhash) -> Result<VersionedTransaction, ChainError> {
        chain::transaction(
            self.instructions,
            self.signers,
            self.lookup_tables,
            blockhash.hash,
        )
    }
}

/// How patiently a transaction is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tracking {
    /// Pause between two looks at its status.
    pub poll: Duration,
    /// Looks between two re-sends of the same transaction.
    pub resend_every: u32,
    /// Times it may be built again with a fresh blockhash (after a refusal for the blockhash
    /// or an expiry).
    pub rebuilds: u32,
    /// Unanswered looks in a row (the node fails) after which it is reported `Unconfirmed`.
    pub patience: u32,
    /// Longest a send is followed before it is reported `Unconfirmed` (a node that stops
    /// producing blocks, or answers too slowly, must not hold the sender forever).
    pub deadline: Duration,
}

impl Default for Tracking {
    /// A look every 100 ms (a quarter of a slot), a re-send every second, two rebuilds, up
    /// to 50 unanswered looks in a row, and 90 s in all (a blockhash lives about 150 blocks,
    /// 60 s).
    fn default() -> Tracking {
        Tracking {
            poll: Duration::from_millis(100),
            resend_every: 10,
            rebuilds: 2,
            patience: 50,
            deadline: Duration::from_secs(90),
        }
    }
}

/// Sends `outgoing` and waits until it is confirmed or failed, rebuilding it only when the
/// previous build can no longer land.
pub fn send_and_confirm<C: Chain + ?Sized>(
    chain: &mut C,
    outgoing: &Outgoing,
    tracking: &Tracking,
) -> Result<Receipt, ChainError> {
    land(chain, outgoing, tracking).map(|(receipt, _)| receipt)
}

/// `send_and_confirm`, also saying how many times the transaction was built.
fn land<C: Chain + ?Sized>(
    chain: &mut C,
    outgoing: &Outgoing,
    tracking: &Tracking,
) -> Result<(Receipt, u32), ChainError> {
    let mut builds = 0;
    loop {
        builds += 1;
        let can_rebuild = builds <= tracking.rebuilds;
        let blockhash = chain.latest_blockhash()?;
        let transaction = outgoing.sign(&blockhash)?;
        match chain.submit(&transaction, true) {
            Ok(_) => {}
            Err(e) if e.is_stale_blockhash() && can_rebuild => continue,
            // it may have reached the node all the same: follow it
            Err(ChainError::Transport(_)) => {}
            Err(e) => return Err(e),
        }
        match follow(chain, &transaction, &blockhash, tracking)? {
            Some(outcome) => return outcome.map(|receipt| (receipt, builds)),
            None if can_rebuild => continue,
            None => {
                return Err(ChainError::Transaction {
                    error: format!(
                    "BlockhashNotFound: not landed before its blockhash expired ({builds} builds)"
                ),
                    logs: Vec::new(),
                })
            }
        }
    }
}

/// Watches `transaction` until it landed or failed (`Some`) or its blockhash expired without
/// it landing (`None`), sending it again every `resend_every` looks.
fn follow<C: Chain + ?Sized>(
    chain: &mut C,
    transaction: &VersionedTransaction,
    blockhash: &RecentBlockhash,
    tracking: &Tracking,
) -> Result<Option<Result<Receipt, ChainError>>, ChainError> {
    let signature = transaction.signatures[0];
    let unconfirmed = |reason: String| ChainError::Unconfirmed {
        signature: signature.to_string(),
        reason,
        last_valid_block_height: blockhash.last_valid_block_height,
    };
    let started = Instant::now();
    let mut unanswered = 0;
    let mut looks = 0u32;
    loop {
        let expired = match (chain.status(&signature), chain.block_height()) {
            (Ok(Some(outcome)), _) => return Ok(Some(outcome)),
            (Ok(None), Ok(height)) => {
                unanswered = 0;
                height > blockhash.last_valid_block_height
            }
            (Err(e), _) | (_, Err(e)) => {
                unanswered += 1;
                if unanswered >= tracking.patience.max(1) {
                    return Err(unconfirmed(e.to_string()));
                }
                false
            }
        };
        if expired {
            // one last look: it may have landed in the blockhash's last valid block
            return chain
                .status(&signature)
                .map_err(|e| unconfirmed(e.to_string()));
        }
        if started.elapsed() >= tracking.deadline {
            return Err(unconfirmed(format!(
                "not confirmed after {} s",
                tracking.deadline.as_secs()
            )));
        }
        looks += 1;
        if looks.is_multiple_of(tracking.resend_every.max(1)) {
            // a re-send that fails changes nothing: the first one may still land
            let _ = chain.submit(transaction, false);
        }
        std::thread::sleep(tracking.poll);
    }
}

/// How a service lands its transactions: priced by its fee policy, followed by its tracking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sender {
    /// Compute limit and price.
    pub fees: FeePolicy,
    /// Confirmation.
    pub tracking: Tracking,
}

/// A transaction checked by simulation and priced, ready to send.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The compute budget instructions followed by the caller's.
    pub instructions: Vec<Instruction>,
    /// The budget it declares.
    pub budget: ComputeBudget,
    /// The price chosen and what the market asked.
    pub price: Price,
    /// Compute units the simulation consumed.
    pub simulated_units: u64,
    /// Blockhashes the simulation was refused for (a lagging node's), then asked again.
    pub stale_blockhashes: u32,
}

/// What a send cost and where it landed.
#[derive(Clone, Debug)]
pub struct Sent {
    /// The landed transaction.
    pub receipt: Receipt,
    /// The budget it declared.
    pub budget: ComputeBudget,
    /// The price chosen and what the market asked.
    pub price: Price,
    /// Blockhashes refused or expired on the way (in the simulation, then in the sends):
    /// each made the sender ask for a fresh one.
    pub stale_blockhashes: u32,
}

impl Sender {
    /// Simulates `instructions` under the largest limit at the policy's price (the priced
    /// instructions run in the simulation too), then sizes the limit from what it consumed.
    /// A refusal here sent nothing.
    pub fn prepare<C: Chain + ?Sized>(
        &self,
        chain: &C,
        instructions: &[Instruction],
        signers: &[&Keypair],
        lookup_tables: &[AddressLookupTableAccount],
    ) -> Result<Prepared, ChainError> {
        let recent = chain.recent_prioritization_fees(&writable(instructions))?;
        let price = self.fees.price(&recent);
        let trial = ComputeBudget {
            unit_limit: MAX_COMPUTE_UNIT_LIMIT,
            unit_price: price.micro_lamports,
        };
        let all = trial.before(instructions);
        let outgoing = Outgoing {
            instructions: &all,
            signers,
            lookup_tables,
        };
        let mut tries = 0;
        let simulated = loop {
            tries += 1;
            let blockhash = chain.latest_blockhash()?;
            match chain.simulate_transaction(&outgoing.sign(&blockhash)?) {
                // a lagging node's blockhash: ask again
                Err(e) if e.is_stale_blockhash() && tries <= self.tracking.rebuilds => continue,
                result => break result?,
            }
        };
        // a node that does not report the units used leaves the largest limit
        let unit_limit = match simulated.compute_units {
            0 => MAX_COMPUTE_UNIT_LIMIT,
            used => self.fees.compute_unit_limit(used),
        };
        let budget = ComputeBudget {
            unit_limit,
            unit_price: price.micro_lamports,
        };
        Ok(Prepared {
            instructions: budget.before(instructions),
            budget,
            price,
            simulated_units: simulated.compute_units,
            stale_blockhashes: tries - 1,
        })
    }

    /// Sends a prepared transaction and follows it to confirmation.
    pub fn land<C: Chain + ?Sized>(
        &self,
        chain: &mut C,
        prepared: &Prepared,
        signers: &[&Keypair],
        lookup_tables: &[AddressLookupTableAccount],
    ) -> Result<Sent, ChainError> {
        let outgoing = Outgoing {
            instructions: &prepared.instructions,
            signers,
            lookup_tables,
        };
        let (receipt, builds) = land(chain, &outgoing, &self.tracking)?;
        Ok(Sent {
            receipt,
            budget: prepared.budget,
            price: prepared.price,
            stale_blockhashes: prepared.stale_blockhashes + builds - 1,
        })
    }

    /// `prepare`, then `land`.
    pub fn send<C: Chain + ?Sized>(
        &self,
        chain: &mut C,
        instructions: &[Instruction],
        signers: &[&Keypair],
        lookup_tables: &[AddressLookupTableAccount],
    ) -> Result<Sent, ChainError> {
        let prepared = self.prepare(chain, instructions, signers, lookup_tables)?;
        self.land(chain, &prepared, signers, lookup_tables)
    }
}

/// The accounts `instructions` write, once each: what the fee market is local to.
pub fn writable(instructions: &[Instruction]) -> Vec<Pubkey> {
    let mut keys: Vec<Pubkey> = Vec::new();
    for meta in instructions.iter().flat_map(|i| &i.accounts) {
        if meta.is_writable && !keys.contains(&meta.pubkey) {
            keys.push(meta.pubkey);
        }
    }
    keys
}
