//! Account types, one file each, with the rules (`invariant()`) and transitions they own.
pub mod claim;
pub mod deposit_request;
pub mod insurance_reserve;
pub mod leg_rule;
pub mod member_position;
pub mod pending_change;
pub mod pool;
pub mod product;
pub mod quorum;
pub mod seeds;
pub mod text;
pub mod trade_proposal;
pub mod validator_set;

pub use claim::*;
pub use deposit_request::*;
pub use insurance_reserve::*;
pub use leg_rule::*;
pub use member_position::*;
pub use pending_change::*;
pub use pool::*;
pub use product::*;
pub use quorum::*;
pub use seeds::*;
pub use text::*;
pub use trade_proposal::*;
pub use validator_set::*;
