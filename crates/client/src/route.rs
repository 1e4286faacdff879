//! Turning a resolved route into what `propose_trade` and `execute_and_distribute` take:
//! compact legs plus one list of remaining accounts.
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use pool_bot::route::{AccountRef, LegAccount, LegSpec, RouteLeg};

/// The route leg that makes exactly `instruction` (signers are signed by the pool PDA).
pub fn leg(instruction: Instruction) -> RouteLeg {
    RouteLeg {
        program_id: instruction.program_id,
        accounts: instruction
            .accounts
            .iter()
            .map(|m| LegAccount {
                pubkey: m.pubkey,
                is_signer: m.is_signer,
                is_writable: m.is_writable,
            })
            .collect(),
        data: instruction.data,
    }
}

/// A route packed for a transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedRoute {
    /// Legs with accounts as indices into `remaining`.
    pub legs: Vec<LegSpec>,
    /// Every account the legs use (programs included), once each; writable when any leg
    /// writes it, never a transaction signer (the pool PDA signs inside the program).
    pub remaining: Vec<AccountMeta>,
}

/// Packs `legs` (at most 256 distinct accounts).
pub fn pack(legs: &[RouteLeg]) -> PackedRoute {
    let mut remaining: Vec<AccountMeta> = Vec::new();
    let index_of = |key: Pubkey, writable: bool, remaining: &mut Vec<AccountMeta>| -> u8 {
        let i = match remaining.iter().position(|m| m.pubkey == key) {
            Some(i) => i,
            None => {
                remaining.push(AccountMeta::new_readonly(key, false));
                remaining.len() - 1
            }
        };
        remaining[i].is_writable |= writable;
        u8::try_from(i).expect("a route uses at most 256 accounts")
    };
    let legs = legs
        .iter()
        .map(|leg| LegSpec {
            program_index: index_of(leg.program_id, false, &mut remaining),
            accounts: leg
                .accounts
                .iter()
                .map(|a| AccountRef {
                    index: index_of(a.pubkey, a.is_writable, &mut remaining),
                    is_signer: a.is_signer,
                    is_writable: a.is_writable,
                })
                .collect(),
            data: leg.data.clone(),
        })
        .collect();
    PackedRoute { legs, remaining }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_accounts_appear_once_and_stay_writable() {
        let (p, a, b) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let leg = |writable_a| RouteLeg {
            program_id: p,
            accounts: vec![
                LegAccount {
                    pubkey: a,
                    is_signer: false,
                    is_writable: writable_a,
                },
                LegAccount {
                    pubkey: b,
                    is_signer: true,
                    is_writable: false,
                },
            ],
            data: vec![1, 2],
        };
        let packed = pack(&[leg(false), leg(true)]);
        assert_eq!(packed.remaining.len(), 3);
        assert!(packed.remaining[1].is_writable);
        assert!(packed.remaining.iter().all(|m| !m.is_signer));
        assert_eq!(packed.legs[1].accounts[1].index, 2);
        assert!(packed.legs[0].accounts[1].is_signer);
    }
}
