//! The seed document's pool and story, built only by real transactions over any
//! [`Chain`](pool_bot_client::chain::Chain): the embedded SVM in tests and the simulation, a
//! JSON-RPC validator in the local-cluster tests. Both backends run the same code, so they must
//! produce the same figures.
pub mod keys;
pub mod story;
pub mod world;

pub use keys::Keys;
pub use story::{run_story, StoryFigures};
pub use world::{Member, SeedPool};

/// One USDC in base units (6 decimals).
pub const USDC: u64 = 1_000_000;
/// One unit of the traded token in base units (9 decimals).
pub const SOL: u64 = 1_000_000_000;
/// The seed's deposits, in USDC.
pub const DEPOSITS: [u64; 3] = [1_000, 5_000, 2_500];
/// The AMM pools' fee in basis points.
pub const AMM_FEE_BPS: u16 = 30;
