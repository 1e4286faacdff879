//! One module per instruction (related instructions sharing one `Accounts` struct share a
//! module, as Squads does with its votes): args, accounts, `validate()`, handler.
pub mod close_accounts;
pub mod deposit;
pub mod execute_and_distribute;
pub mod expire_proposal;
pub mod file_claim;
pub mod fund_insurance;
pub mod initialize_pool;
pub mod manage_keepers;
pub mod manage_validators;
pub mod propose_trade;
pub mod register_product;
pub mod set_product_enabled;
pub mod update_config;
pub mod vote_claim;
pub mod vote_trade;
pub mod withdraw;

pub use close_accounts::*;
pub use deposit::*;
pub use execute_and_distribute::*;
pub use expire_proposal::*;
pub use file_claim::*;
pub use fund_insurance::*;
pub use initialize_pool::*;
pub use manage_keepers::*;
pub use manage_validators::*;
pub use propose_trade::*;
pub use register_product::*;
pub use set_product_enabled::*;
pub use update_config::*;
pub use vote_claim::*;
pub use vote_trade::*;
pub use withdraw::*;
