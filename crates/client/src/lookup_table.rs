//! Address lookup tables: a v0 transaction names an account listed in a table by a one-byte
//! index instead of its 32 bytes, which is what lets a route through four DEX pools fit in
//! one transaction. A table is created at a recent slot, extended by its authority, and an
//! entry added in a slot is usable from the next slot on.
use crate::chain::{Chain, ChainError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use solana_address_lookup_table_interface::instruction as alt;
use solana_address_lookup_table_interface::state::AddressLookupTable;
use solana_message::AddressLookupTableAccount;

/// The address lookup table program.
pub const PROGRAM: Pubkey = solana_address_lookup_table_interface::program::ID;

/// Addresses one `extend` instruction adds at most, so that it fits in a transaction with its
/// compute budget instructions, with room to spare (30 take 1,264 bytes: too many).
pub const EXTEND_CHUNK: usize = 20;

/// Most addresses a table holds.
pub const MAX_ADDRESSES: usize = 256;

/// A lookup table as read from the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupTable {
    /// Its address.
    pub key: Pubkey,
    /// Who may extend, deactivate and close it (none once frozen).
    pub authority: Option<Pubkey>,
    /// The slot it was deactivated in; `u64::MAX` while active.
    pub deactivation_slot: u64,
    /// The slot of its last extension: entries added then are usable only after it.
    pub last_extended_slot: u64,
    /// Entries before this index were added before `last_extended_slot`.
    pub last_extended_slot_start_index: usize,
    /// Its entries, in order.
    pub addresses: Vec<Pubkey>,
}

impl LookupTable {
    /// The table at `key`; `None` when there is no account, an error when the account is not a
    /// lookup table.
    pub fn load(chain: &dyn Chain, key: &Pubkey) -> Result<Option<LookupTable>, ChainError> {
        let Some(account) = chain.account(key)? else {
            return Ok(None);
        };
        if account.owner != PROGRAM {
            return Err(ChainError::NotFound(format!(
                "{key} is not an address lookup table"
            )));
        }
        let table = AddressLookupTable::deserialize(&account.data)
            .map_err(|e| ChainError::Transport(format!("lookup table {key}: {e}")))?;
        Ok(Some(LookupTable {
            key: *key,
            authority: table.meta.authority,
            deactivation_slot: table.meta.deactivation_slot,
            last_extended_slot: table.meta.last_extended_slot,
            last_extended_slot_start_index: usize::from(table.meta.last_extended_slot_start_index),
            addresses: table.addresses.to_vec(),
        }))
    }

    /// Whether nobody deactivated it (a deactivated table stops resolving within ~512 slots).
    pub fn is_active(&self) -> bool {
        self.deactivation_slot == u64::MAX
    }

    /// The entries a transaction may use at `slot`: all of them once the slot of the last
    /// extension has passed, else those added before it.
    pub fn usable(&self, slot: u64) -> AddressLookupTableAccount {
        let count = if slot > self.last_extended_slot {
            self.addresses.len()
        } else {
            self.last_extended_slot_start_index
        };
        AddressLookupTableAccount {
            key: self.key,
            addresses: self.addresses[..count.min(self.addresses.len())].to_vec(),
        }
    }

    /// Those of `wanted` the table does not hold, once each, in order.
    pub fn missing(&self, wanted: &[Pubkey]) -> Vec<Pubkey> {
        let mut missing: Vec<Pubkey> = Vec::new();
        for key in wanted {
            if !self.addresses.contains(key) && !missing.contains(key) {
                missing.push(*key);
            }
        }
        missing
    }
}

/// The entries of a lookup table account's data.
pub fn addresses(data: &[u8]) -> Result<Vec<Pubkey>, ChainError> {
    AddressLookupTable::deserialize(data)
        .map(|t| t.addresses.to_vec())
        .map_err(|e| ChainError::Transport(format!("not a lookup table: {e}")))
}

/// Creates the table of `authority` for `recent_slot` (a slot still in the slot hashes),
/// paid by `payer`; returns the instruction and the table's address.
pub fn create(authority: &Pubkey, payer: &Pubkey, recent_slot: u64) -> (Instruction, Pubkey) {
    alt::create_lookup_table(*authority, *payer, recent_slot)
}

/// Adds `addresses` to `table`, `EXTEND_CHUNK` per instruction (send each in its own
/// transaction).
pub fn extend(
    table: &Pubkey,
    authority: &Pubkey,
    payer: &Pubkey,
    addresses: &[Pubkey],
) -> Vec<Instruction> {
    addresses
        .chunks(EXTEND_CHUNK)
        .map(|chunk| alt::extend_lookup_table(*table, *authority, Some(*payer), chunk.to_vec()))
        .collect()
}

/// Deactivates `table` (its authority signs); it can be closed once the slot leaves the slot
/// hashes.
pub fn deactivate(table: &Pubkey, authority: &Pubkey) -> Instruction {
    alt::deactivate_lookup_table(*table, *authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(addresses: usize, last_extended_slot: u64, start: usize) -> LookupTable {
        LookupTable {
            key: Pubkey::new_unique(),
            authority: None,
            deactivation_slot: u64::MAX,
            last_extended_slot,
            last_extended_slot_start_index: start,
            addresses: (0..addresses).map(|_| Pubkey::new_unique()).collect(),
        }
    }

    #[test]
    fn entries_added_in_a_slot_are_usable_from_the_next() {
        let t = table(5, 10, 3);
        assert_eq!(t.usable(10).addresses, t.addresses[..3]);
        assert_eq!(t.usable(11).addresses, t.addresses);
    }

    #[test]
    fn missing_lists_each_absent_address_once() {
        let t = table(2, 0, 0);
        let new = Pubkey::new_unique();
        assert_eq!(t.missing(&[t.addresses[0], new, new]), [new]);
    }

    #[test]
    fn an_extension_fits_in_a_transaction_with_its_compute_budget() {
        use crate::chain::{serialized_size, transaction, PACKET_BYTES};
        use crate::fees::ComputeBudget;
        use solana_keypair::Keypair;
        use solana_signer::Signer;
        let keys: Vec<Pubkey> = (0..45).map(|_| Pubkey::new_unique()).collect();
        let authority = Keypair::new();
        let table = Pubkey::new_unique();
        let steps = extend(&table, &authority.pubkey(), &authority.pubkey(), &keys);
        assert_eq!(steps.len(), 3, "20 + 20 + 5");
        let budget = ComputeBudget {
            unit_limit: 1_400_000,
            unit_price: u64::MAX,
        };
        let mut full: Vec<Instruction> = budget.instructions().to_vec();
        full.push(steps[0].clone());
        let tx = transaction(&full, &[&authority], &[], Default::default()).unwrap();
        assert!(
            serialized_size(&tx) <= PACKET_BYTES,
            "{}",
            serialized_size(&tx)
        );
    }
}
