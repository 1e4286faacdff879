//! The DEX layer shared by the keeper (which proposes) and the validator agent (which reviews):
//! turn a DEX's on-chain pools into curve states the arbitrage engine quotes, build the swap
//! legs of a route and read them back. One module per DEX implements [`DexDecoder`]; adding
//! Orca or Raydium is a new module and a line in [`all`].
mod local_amm_dex;

pub use local_amm_dex::LocalAmm;
use pool_bot::route::RouteLeg;
use pool_bot_arb::{ConstantProduct, Direction};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::Pubkey;

/// One DEX pool as the keeper sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DexPool {
    /// The pool account.
    pub address: Pubkey,
    /// Its program.
    pub program: Pubkey,
    /// Token A and B mints.
    pub mints: [Pubkey; 2],
    /// Its reserves' token accounts (A, B).
    pub vaults: [Pubkey; 2],
    /// The token program of both mints.
    pub token_program: Pubkey,
    /// Reserves and fee.
    pub curve: ConstantProduct,
}

impl DexPool {
    /// The direction that sells `mint`, if the pool holds it.
    pub fn selling(&self, mint: &Pubkey) -> Option<Direction> {
        if *mint == self.mints[0] {
            Some(Direction::AToB)
        } else if *mint == self.mints[1] {
            Some(Direction::BToA)
        } else {
            None
        }
    }

    /// `(mint sold, mint bought)` in `direction`.
    pub fn mints(&self, direction: Direction) -> (Pubkey, Pubkey) {
        match direction {
            Direction::AToB => (self.mints[0], self.mints[1]),
            Direction::BToA => (self.mints[1], self.mints[0]),
        }
    }
}

/// A swap leg read back from a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapLeg {
    /// The DEX pool.
    pub pool: Pubkey,
    /// The mint sold.
    pub mint_in: Pubkey,
    /// Amount sold.
    pub amount_in: u64,
    /// Least amount accepted.
    pub min_amount_out: u64,
}

/// One swap a route should make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwapRequest {
    /// Owner of both token accounts, signing inside Pool Bot (the pool PDA).
    pub signer: Pubkey,
    /// Token account paying `amount_in`.
    pub source: Pubkey,
    /// Token account receiving the output.
    pub destination: Pubkey,
    /// The mint sold.
    pub mint_in: Pubkey,
    /// Amount sold.
    pub amount_in: u64,
    /// Least output accepted.
    pub min_amount_out: u64,
}

/// What a DEX must offer the keeper and the validator agent.
pub trait DexDecoder {
    /// The DEX's program.
    fn program(&self) -> Pubkey;

    /// Every pool of the DEX with its current reserves.
    fn pools(&self, chain: &dyn Chain) -> Result<Vec<DexPool>, ChainError>;

    /// The leg that makes `swap` in `pool`.
    fn swap_leg(&self, pool: &DexPool, swap: &SwapRequest) -> RouteLeg;

    /// Reads a leg of this DEX back, `None` if it is not a swap.
    fn read_leg(&self, leg: &RouteLeg) -> Option<SwapLeg>;
}

/// Every DEX this build knows, for tools that trade or review whatever they find.
pub fn all() -> Vec<Box<dyn DexDecoder>> {
    vec![Box::new(LocalAmm)]
}
