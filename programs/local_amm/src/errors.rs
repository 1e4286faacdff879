//! The AMM's named refusals.
use anchor_lang::prelude::*;

/// Named refusals of the local AMM.
#[error_code]
pub enum AmmError {
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Fee must be below 10000 basis points")]
    InvalidFee,
    #[msg("The two mints must differ")]
    SameMint,
    #[msg("Vaults do not belong to this pool or do not match the mints")]
    WrongVault,
    #[msg("Output is below min_amount_out")]
    SlippageExceeded,
    #[msg("The pool has no liquidity for this swap")]
    InsufficientLiquidity,
}
