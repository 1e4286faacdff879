//! `poolbot simulate`: the seed's pool on the embedded chain (LiteSVM running the SBF builds)
//! while a random market moves DEX prices for N simulated days. The real keeper and validator
//! agents run; every deposit, proposal, vote and trade is a real transaction. The report holds
//! the seed's "Expected Performance" figures, measured.
pub mod report;
pub mod world;

pub use report::{Report, TradeRow};
pub use world::{simulate, SimConfig, SimError};
