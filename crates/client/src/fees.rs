//! What a transaction pays to land on a busy cluster: a compute-unit limit sized from its
//! simulation plus a margin (a tight limit is cheaper and schedules sooner), and a price per
//! compute unit taken from what recent transactions touching the same writable accounts paid
//! (`getRecentPrioritizationFees`), at a chosen percentile of the slots where anyone paid one
//! (most slots report 0, which would drag any percentile to nothing), kept between a floor and
//! a ceiling.
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use serde::Deserialize;
use solana_transaction::versioned::VersionedTransaction;

/// The compute budget program's address.
pub const COMPUTE_BUDGET_PROGRAM: Pubkey =
    anchor_lang::pubkey!("ComputeBudget111111111111111111111111111111");

/// Most compute units one transaction may use.
pub const MAX_COMPUTE_UNIT_LIMIT: u32 = 1_400_000;

/// Lamports per signature, the fee every transaction pays before any priority fee.
pub const LAMPORTS_PER_SIGNATURE: u64 = 5_000;

/// How an operator prices its transactions (the `[fees]` table of the keeper's and agent's
/// config files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeePolicy {
    /// Which percentile of the recent non-zero fees to pay, 0 to 100 (50: the median).
    pub percentile: u8,
    /// Least price paid, in micro-lamports per compute unit.
    pub floor_micro_lamports: u64,
    /// Most price paid, in micro-lamports per compute unit: above it the keeper pays the
    /// ceiling and counts the transaction as priced below the market.
    pub ceiling_micro_lamports: u64,
    /// Compute units added to the simulated consumption, in basis points of it.
    pub margin_bps: u16,
}

impl Default for FeePolicy {
    /// The 75th percentile of the recent non-zero fees, at least 1 and at most 1,000,000
    /// micro-lamports per CU (1 lamport), with a 20% compute margin.
    fn default() -> FeePolicy {
        FeePolicy {
            percentile: 75,
            floor_micro_lamports: 1,
            ceiling_micro_lamports: 1_000_000,
            margin_bps: 2_000,
        }
    }
}

/// Why a fee policy cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeePolicyError {
    /// The percentile is above 100.
    #[error("fees.percentile is {0}: write a percentile from 0 to 100 (50 = the median)")]
    Percentile(u8),
    /// The floor is above the ceiling.
    #[error(
        "fees.floor_micro_lamports ({floor}) is above fees.ceiling_micro_lamports ({ceiling}): \
         lower the floor or raise the ceiling"
    )]
    FloorAboveCeiling {
        /// The floor.
        floor: u64,
        /// The ceiling.
        ceiling: u64,
    },
}

/// The price a policy chose and what the market asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Price {
    /// Micro-lamports per compute unit the transaction offers.
    pub micro_lamports: u64,
    /// The policy's percentile of the recent fees, before the floor and the ceiling.
    pub market_micro_lamports: u64,
}

impl Price {
    /// Whether the ceiling held the price below what the market asked.
    pub fn below_market(&self) -> bool {
        self.micro_lamports < self.market_micro_lamports
    }
}

impl FeePolicy {
    /// Checks the policy's fields against each other.
    pub fn validate(&self) -> Result<(), FeePolicyError> {
        if self.percentile > 100 {
            return Err(FeePolicyError::Percentile(self.percentile));
        }
        if self.floor_micro_lamports > self.ceiling_micro_lamports {
            return Err(FeePolicyError::FloorAboveCeiling {
                floor: self.floor_micro_lamports,
                ceiling: self.ceiling_micro_lamports,
            });
        }
        Ok(())
    }

    /// The price to offer given the fees `recent` slots report (any order; zeros, slots where
    /// nobody paid, are left out; none paid: the floor).
    pub fn price(&self, recent: &[u64]) -> Price {
        let paid: Vec<u64> = recent.iter().copied().filter(|fee| *fee > 0).collect();
        let market = percentile(&paid, self.percentile);
        Price {
            micro_lamports: market.clamp(self.floor_micro_lamports, self.ceiling_micro_lamports),
            market_micro_lamports: market,
        }
    }

    /// The compute-unit limit for a transaction whose simulation consumed `simulated` units:
    /// the consumption plus the margin (rounded up), at most the cluster's maximum.
    pub fn compute_unit_limit(&self, simulated: u64) -> u32 {
        let margin = (u128::from(simulated) * u128::from(self.margin_bps)).div_ceil(10_000);
        let limit = u128::from(simulated) + margin;
        u32::try_from(limit)
            .unwrap_or(MAX_COMPUTE_UNIT_LIMIT)
            .min(MAX_COMPUTE_UNIT_LIMIT)
    }
}

/// The `pct`-th percentile of `values` (nearest rank; 0 for none).
fn percentile(values: &[u64], pct: u8) -> u64 {
    if values.is_empty() {
        return 0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let rank = (sorted.len() * usize::from(pct.min(100))).div_ceil(100);
    sorted[rank.saturating_sub(1)]
}

/// The compute budget a transaction declares: its first two instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComputeBudget {
    /// Most compute units it may use.
    pub unit_limit: u32,
    /// Micro-lamports per compute unit it offers.
    pub unit_price: u64,
}

impl ComputeBudget {
    /// `SetComputeUnitLimit` and `SetComputeUnitPrice`, to put before the transaction's own
    /// instructions.
    pub fn instructions(&self) -> [Instruction; 2] {
        let mut limit = vec![2u8];
        limit.extend_from_slice(&self.unit_limit.to_le_bytes());
        let mut price = vec![3u8];
        price.extend_from_slice(&self.unit_price.to_le_bytes());
        [limit, price].map(|data| Instruction {
            program_id: COMPUTE_BUDGET_PROGRAM,
            accounts: Vec::new(),
            data,
        })
    }

    /// The transaction's instructions under this budget: the two budget instructions, then
    /// `instructions`.
    pub fn before(&self, instructions: &[Instruction]) -> Vec<Instruction> {
        self.instructions()
            .into_iter()
            .chain(instructions.iter().cloned())
            .collect()
    }

    /// The priority fee in lamports: the price times the limit (the runtime charges for the
    /// requested limit, not the units used), rounded up.
    pub fn priority_fee(&self) -> u64 {
        let micro = u128::from(self.unit_limit) * u128::from(self.unit_price);
        u64::try_from(micro.div_ceil(1_000_000)).unwrap_or(u64::MAX)
    }

    /// The whole fee of a transaction with `signatures` signatures under this budget.
    pub fn fee(&self, signatures: u64) -> u64 {
        (LAMPORTS_PER_SIGNATURE * signatures).saturating_add(self.priority_fee())
    }
}

/// Compute units a transaction may use when it sets no limit: this many per instruction.
const DEFAULT_UNITS_PER_INSTRUCTION: u64 = 200_000;

/// The fee the runtime charges `transaction`: its signatures, plus its compute-unit price times
/// its limit (the declared one, else the default per instruction).
pub fn transaction_fee(transaction: &VersionedTransaction) -> u64 {
    let keys = transaction.message.static_account_keys();
    let (mut limit, mut price, mut others) = (None, 0u64, 0u64);
    for i in transaction.message.instructions() {
        if keys.get(usize::from(i.program_id_index)) != Some(&COMPUTE_BUDGET_PROGRAM) {
            others += 1;
            continue;
        }
        match (i.data.first(), i.data.get(1..)) {
            (Some(2), Some(rest)) => {
                limit = rest
                    .get(..4)
                    .and_then(|b| b.try_into().ok())
                    .map(u32::from_le_bytes)
            }
            (Some(3), Some(rest)) => {
                price = rest
                    .get(..8)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u64::from_le_bytes)
            }
            _ => {}
        }
    }
    let unit_limit = limit.unwrap_or_else(|| {
        u32::try_from(
            (others * DEFAULT_UNITS_PER_INSTRUCTION).min(u64::from(MAX_COMPUTE_UNIT_LIMIT)),
        )
        .unwrap_or(MAX_COMPUTE_UNIT_LIMIT)
    });
    let signatures = u64::from(transaction.message.header().num_required_signatures);
    ComputeBudget {
        unit_limit,
        unit_price: price,
    }
    .fee(signatures)
}

/// Whether `instruction` sets a compute budget (so a caller's own budget is kept, not doubled).
pub fn is_compute_budget(instruction: &Instruction) -> bool {
    instruction.program_id == COMPUTE_BUDGET_PROGRAM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_price_is_the_percentile_within_floor_and_ceiling() {
        let policy = FeePolicy {
            percentile: 75,
            floor_micro_lamports: 10,
            ceiling_micro_lamports: 1_000,
            margin_bps: 1_000,
        };
        let recent = [0, 5, 50, 100, 400, 2_000, 3_000, 0, 0, 0];
        // the zeros left out: 5 50 100 400 2000 3000; rank ceil(6*0.75) = 5 -> 2000, held
        // at the ceiling
        assert_eq!(policy.price(&recent).micro_lamports, 1_000);
        assert_eq!(policy.price(&recent).market_micro_lamports, 2_000);
        let recent = [0, 5, 50, 100, 400];
        // 5 50 100 400; rank ceil(4*0.75) = 3 -> 100
        assert_eq!(policy.price(&recent).micro_lamports, 100);
        assert!(!policy.price(&recent).below_market());
        assert_eq!(policy.price(&[]).micro_lamports, 10, "no data: the floor");
        assert_eq!(
            policy.price(&[0, 0]).micro_lamports,
            10,
            "nobody paid: the floor"
        );
        let dear = policy.price(&[5_000, 6_000]);
        assert_eq!(dear.micro_lamports, 1_000, "held at the ceiling");
        assert_eq!(dear.market_micro_lamports, 6_000);
        assert!(dear.below_market());
    }

    #[test]
    fn the_limit_is_the_simulation_plus_the_margin() {
        let policy = FeePolicy {
            margin_bps: 2_000,
            ..FeePolicy::default()
        };
        assert_eq!(policy.compute_unit_limit(10_000), 12_000);
        assert_eq!(policy.compute_unit_limit(10_001), 12_002, "rounded up");
        assert_eq!(
            policy.compute_unit_limit(5_000_000),
            MAX_COMPUTE_UNIT_LIMIT,
            "never above the cluster's maximum"
        );
    }

    #[test]
    fn the_budget_instructions_and_fee() {
        let budget = ComputeBudget {
            unit_limit: 200_000,
            unit_price: 1_500,
        };
        let [limit, price] = budget.instructions();
        assert_eq!(limit.data, [2, 0x40, 0x0d, 0x03, 0x00]);
        assert_eq!(price.data[0], 3);
        assert_eq!(
            u64::from_le_bytes(price.data[1..9].try_into().unwrap()),
            1_500
        );
        assert!(is_compute_budget(&limit) && is_compute_budget(&price));
        // 200,000 CU x 1,500 micro-lamports = 300 lamports
        assert_eq!(budget.priority_fee(), 300);
        assert_eq!(budget.fee(1), 5_300);
    }

    #[test]
    fn a_floor_above_the_ceiling_is_refused() {
        let policy = FeePolicy {
            floor_micro_lamports: 10,
            ceiling_micro_lamports: 5,
            ..FeePolicy::default()
        };
        assert!(matches!(
            policy.validate(),
            Err(FeePolicyError::FloorAboveCeiling { .. })
        ));
        let policy = FeePolicy {
            percentile: 101,
            ..FeePolicy::default()
        };
        assert_eq!(policy.validate(), Err(FeePolicyError::Percentile(101)));
    }
}
