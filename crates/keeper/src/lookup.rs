//! The keeper's address lookup table for its pool: the accounts its proposals and executions
//! name again and again (the pool's own accounts, the markets and their vaults), so that a
//! route through four DEX pools fits in one transaction. Found on chain after a restart (a
//! table this keeper may extend that lists the pool), else created; extended as the keeper
//! meets new accounts; replaced when someone deactivates it.
use pool_bot_client::chain::{AccountFilter, Chain, ChainError};
use pool_bot_client::lookup_table::{self, LookupTable, MAX_ADDRESSES};
use pool_bot_client::{Instruction, Pubkey};
use solana_message::AddressLookupTableAccount;

/// What the table must do before the keeper can send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Upkeep {
    /// Nothing: the table lists every account asked for.
    None,
    /// Send these instructions, each in its own transaction (create, then extend).
    Send(Vec<Instruction>),
}

/// The keeper's table for one pool.
#[derive(Debug)]
pub struct PoolTable {
    pool: Pubkey,
    table: Option<LookupTable>,
    /// The table the operator named, used instead of a search.
    pinned: Option<Pubkey>,
    /// Whether the table to start from was looked for.
    searched: bool,
}

impl PoolTable {
    /// No table known yet for `pool`; `pinned`, when given, is the one to use (else the
    /// keeper's own tables are searched for one listing the pool).
    pub fn new(pool: Pubkey, pinned: Option<Pubkey>) -> PoolTable {
        PoolTable {
            pool,
            table: None,
            pinned,
            searched: false,
        }
    }

    /// The table's address, once there is one.
    pub fn key(&self) -> Option<Pubkey> {
        self.table.as_ref().map(|t| t.key)
    }

    /// Re-reads the table (after an extension or when the chain may have changed it); on the
    /// first call, looks for a table of `authority` that lists the pool. Says, when the table
    /// known until now was deactivated, that it was dropped.
    pub fn refresh(&mut self, chain: &dyn Chain, authority: &Pubkey) -> Result<bool, ChainError> {
        if !self.searched {
            self.table = match self.pinned {
                Some(key) => LookupTable::load(chain, &key)?,
                // many nodes refuse to list a program with millions of accounts: then a new
                // table it is (pin it in the config to reuse it)
                None => find(chain, authority, &self.pool).unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "cannot search for the keeper's lookup table; creating one");
                    None
                }),
            };
            self.searched = true;
        }
        let Some(known) = &self.table else {
            return Ok(false);
        };
        match LookupTable::load(chain, &known.key)? {
            Some(table) if table.is_active() => {
                self.table = Some(table);
                Ok(false)
            }
            _ => {
                self.table = None;
                Ok(true)
            }
        }
    }

    /// What to send so the table lists `wanted` (with the pool first): its creation at
    /// `slot` when there is none, else the extension by what it misses (never past the
    /// table's capacity).
    pub fn upkeep(&self, authority: &Pubkey, slot: u64, wanted: &[Pubkey]) -> Upkeep {
        match &self.table {
            None => {
                let (create, key) = lookup_table::create(authority, authority, slot);
                let mut listed = vec![self.pool];
                listed.extend(wanted.iter().filter(|k| **k != self.pool));
                listed.truncate(MAX_ADDRESSES);
                let mut all = vec![create];
                all.extend(lookup_table::extend(&key, authority, authority, &listed));
                Upkeep::Send(all)
            }
            Some(table) => {
                let room = MAX_ADDRESSES.saturating_sub(table.addresses.len());
                let mut missing = table.missing(wanted);
                missing.truncate(room);
                if missing.is_empty() {
                    return Upkeep::None;
                }
                Upkeep::Send(lookup_table::extend(
                    &table.key, authority, authority, &missing,
                ))
            }
        }
    }

    /// Notes the table created at `slot` (its address is derived from the slot), to be read
    /// at the next `refresh`.
    pub fn created(&mut self, authority: &Pubkey, slot: u64) {
        let (_, key) = lookup_table::create(authority, authority, slot);
        self.table = Some(LookupTable {
            key,
            authority: Some(*authority),
            deactivation_slot: u64::MAX,
            last_extended_slot: slot,
            last_extended_slot_start_index: 0,
            addresses: Vec::new(),
        });
    }

    /// The tables a transaction may use at `slot`: the entries usable then, none when there
    /// is no table.
    pub fn usable(&self, slot: u64) -> Vec<AddressLookupTableAccount> {
        self.table
            .iter()
            .map(|t| t.usable(slot))
            .filter(|t| !t.addresses.is_empty())
            .collect()
    }

    /// Whether every one of `wanted` is usable at `slot`.
    pub fn covers(&self, slot: u64, wanted: &[Pubkey]) -> bool {
        let usable = self.usable(slot);
        wanted
            .iter()
            .all(|k| usable.iter().any(|t| t.addresses.contains(k)))
    }
}

/// An active table of `authority` that lists `pool`.
fn find(
    chain: &dyn Chain,
    authority: &Pubkey,
    pool: &Pubkey,
) -> Result<Option<LookupTable>, ChainError> {
    let filter = AccountFilter::lookup_tables_of(authority);
    for (key, _) in chain.program_accounts(&lookup_table::PROGRAM, &filter)? {
        if let Some(table) = LookupTable::load(chain, &key)? {
            if table.is_active() && table.addresses.contains(pool) {
                return Ok(Some(table));
            }
        }
    }
    Ok(None)
}

/// The accounts of `instructions` worth listing: every account and program but the signers
/// and those in `one_off` (accounts used once, such as a new proposal), once each.
pub fn reusable_accounts(instructions: &[Instruction], one_off: &[Pubkey]) -> Vec<Pubkey> {
    let mut keys: Vec<Pubkey> = Vec::new();
    for instruction in instructions {
        let accounts = instruction
            .accounts
            .iter()
            .filter(|m| !m.is_signer)
            .map(|m| m.pubkey);
        for key in std::iter::once(instruction.program_id).chain(accounts) {
            if !one_off.contains(&key) && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use pool_bot_client::AccountMeta;

    #[test]
    fn a_new_table_lists_the_pool_first_and_is_created_then_extended() {
        let (pool, me, market) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let table = PoolTable::new(pool, None);
        let Upkeep::Send(sends) = table.upkeep(&me, 7, &[market, pool]) else {
            panic!("a table to create");
        };
        assert_eq!(sends.len(), 2, "create, then one extension");
        assert_eq!(sends[0].program_id, lookup_table::PROGRAM);
        let (_, key) = lookup_table::create(&me, &me, 7);
        assert_eq!(sends[1].accounts[0].pubkey, key);
    }

    #[test]
    fn signers_programs_and_one_off_accounts() {
        let (program, signer, shared, proposal) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let instruction = Instruction {
            program_id: program,
            accounts: vec![
                AccountMeta::new(signer, true),
                AccountMeta::new(shared, false),
                AccountMeta::new(proposal, false),
                AccountMeta::new_readonly(shared, false),
            ],
            data: Vec::new(),
        };
        assert_eq!(
            reusable_accounts(&[instruction], &[proposal]),
            [program, shared]
        );
    }
}
