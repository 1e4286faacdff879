//! Constant-product swap math (u128, rounded down: the pool keeps the dust).
use crate::errors::AmmError;
use anchor_lang::prelude::*;

/// Basis points in one whole.
pub const BPS: u128 = 10_000;

/// Output of swapping `amount_in` into a pool with reserves `reserve_in` / `reserve_out` and
/// a fee of `fee_bps` on the input: `out = in' * R_out / (R_in + in')`, `in' = in * (1 - fee)`.
pub fn swap_output(amount_in: u64, reserve_in: u64, reserve_out: u64, fee_bps: u16) -> Result<u64> {
    let in_after_fee = amount_in as u128 * (BPS - fee_bps as u128);
    let numerator = in_after_fee * reserve_out as u128;
    let denominator = reserve_in as u128 * BPS + in_after_fee;
    require!(denominator > 0, AmmError::InsufficientLiquidity);
    u64::try_from(numerator / denominator).map_err(|_| error!(AmmError::MathOverflow))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_follows_the_constant_product() {
        // 1000 in at 1:2 with no fee: 1000 * 2_000_000 / 1_001_000 = 1998
        assert_eq!(swap_output(1_000, 1_000_000, 2_000_000, 0).unwrap(), 1_998);
        // a 0.3% fee takes 3 units of the input
        assert_eq!(swap_output(1_000, 1_000_000, 2_000_000, 30).unwrap(), 1_992);
        assert_eq!(swap_output(0, 1_000_000, 2_000_000, 30).unwrap(), 0);
        assert!(swap_output(1, 0, 0, 10_000).is_err());
    }

    #[test]
    fn output_never_drains_the_pool() {
        assert!(swap_output(u64::MAX, 1, 1_000, 0).unwrap() < 1_000);
    }
}
