//! Local AMM: a small constant-product market (two-token pools with a fee, `swap` with a
//! minimum out). It is the local stand-in for real DEXes (Orca, Raydium) used by the tests and
//! the demo: two of its pools at different prices give the arbitrage Pool Bot executes.
//! Not for production use.
use anchor_lang::prelude::*;

#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

pub mod errors;
pub mod instructions;
pub mod math;
pub mod state;

pub use instructions::*;

declare_id!("AmmxTFnpPRJQEkFdtB5d9ZzbN5V2g7fPkFCoDT594peP");

/// The AMM's instructions.
#[program]
pub mod local_amm {
    use super::*;

    /// Creates a pool for two mints with a fee, and its two vaults.
    pub fn create_pool(ctx: Context<CreatePool>, args: CreatePoolArgs) -> Result<()> {
        CreatePool::create_pool(ctx, args)
    }

    /// The pool's authority adds reserves (no LP tokens: a test market).
    pub fn add_liquidity(ctx: Context<AddLiquidity>, args: AddLiquidityArgs) -> Result<()> {
        AddLiquidity::add_liquidity(ctx, args)
    }

    /// Swaps `amount_in` of one mint for at least `min_amount_out` of the other.
    pub fn swap(ctx: Context<Swap>, args: SwapArgs) -> Result<()> {
        Swap::swap(ctx, args)
    }
}
