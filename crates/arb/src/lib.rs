//! The keeper's arbitrage engine, independent of any chain.
//!
//! - [`curve`]: the exact integer quote of a DEX pool ([`PoolQuote`]), the constant-product
//!   pool of the local AMM ([`ConstantProduct`]) and the closed form of a swap chain ([`Curve`]);
//! - [`market`]: the token graph of pools ([`Market`]);
//! - [`cycle`]: the cycles of 2 to 4 pools that start and end in the base token ([`Cycle`]);
//! - [`sizing`]: the most profitable input of one cycle under the caller's [`Limits`];
//! - [`engine`]: all of it together, re-scoring only the cycles through a pool that changed.
//!
//! Tokens and pools are small integers ([`TokenId`], [`PoolId`]); the keeper maps mints and
//! pool addresses to them.
#![deny(missing_docs)]

pub mod curve;
pub mod cycle;
pub mod engine;
pub mod error;
pub mod market;
pub mod sizing;

pub use curve::{ConstantProduct, Curve, Direction, PoolQuote, BPS};
pub use cycle::{cycles_through, Cycle, CycleId, Hop, MAX_HOPS};
pub use engine::{Engine, Opportunity};
pub use error::ArbError;
pub use market::{Market, MarketPool, PoolId, TokenId};
pub use sizing::{size, Limits, Sizing};
