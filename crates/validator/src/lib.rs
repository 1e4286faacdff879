//! The validator agent: for every pending, live proposal of its pool that this validator has
//! not voted on, it re-simulates the stored route against current DEX state, checks its
//! `Policy`, and signs `approve`, or `reject` with the reason.
pub mod agent;
pub mod policy;

pub use agent::{Decision, ValidatorAgent};
pub use policy::{Policy, PolicyError};
