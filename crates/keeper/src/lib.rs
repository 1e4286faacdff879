//! The keeper: watches DEX pools through the shared decoders (`pool_bot_dex`), keeps the arbitrage engine's market
//! current (`market`), proposes the best opportunity to the pool and follows it to execution
//! (`keeper`), counting what it does (`metrics`).
pub mod feed;
pub mod keeper;
pub mod lookup;
pub mod market;
pub mod metrics;

pub use keeper::{Execution, Keeper, KeeperConfig, KeeperError, Source};
pub use metrics::{Fault, Metrics};
