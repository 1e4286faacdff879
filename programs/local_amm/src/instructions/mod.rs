//! One module per instruction.
pub mod add_liquidity;
pub mod create_pool;
pub mod swap;

pub use add_liquidity::*;
pub use create_pool::*;
pub use swap::*;
