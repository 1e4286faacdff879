//! Share and fee math: u128 intermediates, checked, with the rounding direction
//! named at every call so that it always favours the pool over the caller.
//!
//! Share price = (assets + VIRTUAL_ASSETS) / (shares + VIRTUAL_SHARES). The virtual offset makes
//! the first share worth one unit and takes away the first depositor's power to set the price
//! (the classic vault inflation attack); `assets` is internal accounting, never the live vault
//! balance, so a donation to the vault cannot move the price either.
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Shares that exist before anyone deposits (never redeemable).
pub const VIRTUAL_SHARES: u64 = 1_000;
/// Assets that exist before anyone deposits; equal to `VIRTUAL_SHARES` so 1 share = 1 unit at start.
pub const VIRTUAL_ASSETS: u64 = 1_000;
/// Basis points in one whole.
pub const BPS_DENOMINATOR: u64 = 10_000;

/// Which way a division rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Towards zero: used for what the caller receives.
    Down,
    /// Away from zero: used for what the caller pays.
    Up,
}

/// `a + b`, refusing overflow.
pub fn add(a: u64, b: u64) -> Result<u64> {
    a.checked_add(b)
        .ok_or_else(|| error!(PoolError::MathOverflow))
}

/// `a - b`, refusing underflow.
pub fn sub(a: u64, b: u64) -> Result<u64> {
    a.checked_sub(b)
        .ok_or_else(|| error!(PoolError::MathOverflow))
}

/// `a * b / c` in u128, rounded as asked, refusing overflow and division by zero.
pub fn mul_div(a: u64, b: u64, c: u64, rounding: Rounding) -> Result<u64> {
    require!(c != 0, PoolError::MathOverflow);
    let product = (a as u128) * (b as u128);
    let c = c as u128;
    let quotient = match rounding {
        Rounding::Down => product / c,
        Rounding::Up => product.div_ceil(c),
    };
    u64::try_from(quotient).map_err(|_| error!(PoolError::MathOverflow))
}

fn offset(value: u64, virtual_offset: u64) -> Result<u64> {
    add(value, virtual_offset)
}

/// Shares minted for depositing `amount` (rounded down: the depositor receives).
pub fn shares_for_deposit(amount: u64, total_shares: u64, total_assets: u64) -> Result<u64> {
    mul_div(
        amount,
        offset(total_shares, VIRTUAL_SHARES)?,
        offset(total_assets, VIRTUAL_ASSETS)?,
        Rounding::Down,
    )
}

/// Assets paid for burning `shares` (rounded down: the member receives).
pub fn assets_for_shares(shares: u64, total_shares: u64, total_assets: u64) -> Result<u64> {
    mul_div(
        shares,
        offset(total_assets, VIRTUAL_ASSETS)?,
        offset(total_shares, VIRTUAL_SHARES)?,
        Rounding::Down,
    )
}

/// Shares burned to pay out exactly `amount` (rounded up: the member pays).
pub fn shares_to_burn_for_assets(amount: u64, total_shares: u64, total_assets: u64) -> Result<u64> {
    mul_div(
        amount,
        offset(total_shares, VIRTUAL_SHARES)?,
        offset(total_assets, VIRTUAL_ASSETS)?,
        Rounding::Up,
    )
}

/// Value of one whole share scaled by `scale` (for display and events), rounded down.
pub fn share_value(scale: u64, total_shares: u64, total_assets: u64) -> Result<u64> {
    assets_for_shares(scale, total_shares, total_assets)
}

/// Splits a trade's gain into (insurance, members): insurance is `insurance_bps` of the gain
/// rounded down, members get the rest, so the two always add up to the gain.
pub fn split_profit(gain: u64, insurance_bps: u16) -> Result<(u64, u64)> {
    require!(
        u64::from(insurance_bps) <= BPS_DENOMINATOR,
        PoolError::InvalidBps
    );
    let insurance = mul_div(gain, insurance_bps as u64, BPS_DENOMINATOR, Rounding::Down)?;
    Ok((insurance, gain - insurance))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_deposit_is_one_share_per_unit() {
        assert_eq!(
            shares_for_deposit(1_000_000_000, 0, 0).unwrap(),
            1_000_000_000
        );
        assert_eq!(assets_for_shares(1, 0, 0).unwrap(), 1);
    }

    #[test]
    fn one_unit_deposit_after_profit_rounds_to_zero_shares() {
        // price 2.0: one unit buys half a share, which rounds down to nothing
        assert_eq!(shares_for_deposit(1, 1_000, 3_000).unwrap(), 0);
    }

    #[test]
    fn burning_for_an_amount_rounds_up() {
        // price 1.5: paying 1 unit needs 2/3 of a share, rounded up to 1
        assert_eq!(shares_to_burn_for_assets(1, 1_000, 2_000).unwrap(), 1);
        assert_eq!(assets_for_shares(1, 1_000, 2_000).unwrap(), 1);
        assert_eq!(assets_for_shares(3, 1_000, 2_000).unwrap(), 4);
    }

    #[test]
    fn division_by_zero_and_overflow_are_errors() {
        assert!(mul_div(1, 1, 0, Rounding::Down).is_err());
        assert!(mul_div(u64::MAX, u64::MAX, 1, Rounding::Down).is_err());
        assert!(shares_for_deposit(1, u64::MAX, 0).is_err());
        assert_eq!(
            mul_div(u64::MAX, u64::MAX, u64::MAX, Rounding::Up).unwrap(),
            u64::MAX
        );
    }

    #[test]
    fn profit_split_adds_up() {
        assert_eq!(split_profit(15_050, 500).unwrap(), (752, 14_298));
        assert_eq!(split_profit(0, 500).unwrap(), (0, 0));
        assert_eq!(split_profit(7, 10_000).unwrap(), (7, 0));
        assert!(split_profit(7, 10_001).is_err());
    }

    proptest! {
        #[test]
        fn deposit_then_withdraw_never_gains(
            shares in 0u64..1u64 << 50,
            extra in 0u64..1u64 << 50,
            amount in 1u64..1u64 << 50,
        ) {
            let assets = shares.saturating_add(extra);
            let minted = shares_for_deposit(amount, shares, assets).unwrap();
            let back = assets_for_shares(minted, shares + minted, assets + amount).unwrap();
            prop_assert!(back <= amount);
        }

        #[test]
        fn burn_for_amount_costs_at_least_its_value(
            shares in 0u64..1u64 << 50,
            extra in 0u64..1u64 << 50,
            amount in 1u64..1u64 << 40,
        ) {
            let assets = shares.saturating_add(extra);
            let burned = shares_to_burn_for_assets(amount, shares, assets).unwrap();
            prop_assert!(assets_for_shares(burned, shares, assets).unwrap() >= amount);
        }
    }
}
