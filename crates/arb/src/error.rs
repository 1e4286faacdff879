//! Errors of the engine's mutations.
use crate::market::{PoolId, TokenId};

/// Why a market change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArbError {
    /// A pool must join two different tokens.
    #[error("pool joins token {0:?} to itself")]
    SameToken(TokenId),
    /// No pool has this id.
    #[error("unknown pool {0:?}")]
    UnknownPool(PoolId),
    /// More pools or cycles than a `u32` id can name.
    #[error("too many pools or cycles for 32-bit ids")]
    Capacity,
}
