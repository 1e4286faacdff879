//! The keeper: watches DEX pools through decoders (`dex`), keeps the arbitrage engine's market
//! current (`market`), proposes the best opportunity to the pool and follows it to execution
//! (`keeper`), counting what it does (`metrics`).
pub mod dex;
pub mod keeper;
pub mod market;
pub mod metrics;

pub use keeper::{Execution, Keeper, KeeperConfig, KeeperError};
pub use metrics::Metrics;
