//! The validator agent: for every pending, live proposal of its pool that this validator has
//! not voted on, it re-simulates the stored route against current DEX state, checks its
//! `Policy`, and signs `approve_trade`, or `reject_trade` with the reason; pending mandates
//! are judged on their terms (`mandates`). The votes it casts or fails to send are counted
//! (`metrics`).
pub mod agent;
pub mod mandates;
pub mod metrics;
pub mod policy;

pub use agent::{Decision, ValidatorAgent};
pub use metrics::Metrics;
pub use policy::{Policy, PolicyError};
