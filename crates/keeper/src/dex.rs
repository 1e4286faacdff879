//! DEX decoders: turn a DEX's on-chain pools into curve states the engine quotes, and build or
//! read the swap legs of a route. The local AMM is the one implemented; Orca or Raydium
//! decoders implement the same trait.
use anchor_lang::{AnchorDeserialize, Discriminator};
use local_amm::instructions::SwapArgs;
use local_amm::state::AmmPool;
use pool_bot::route::RouteLeg;
use pool_bot_arb::{ConstantProduct, Direction};
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{AccountFilter, Chain, ChainError};
use pool_bot_client::{token, Pubkey};

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

/// The workspace's local constant-product AMM.
pub struct LocalAmm;

impl LocalAmm {
    fn addresses(pool: &DexPool) -> AmmAddresses {
        AmmAddresses {
            pool: pool.address,
            mint_a: pool.mints[0],
            mint_b: pool.mints[1],
            vault_a: pool.vaults[0],
            vault_b: pool.vaults[1],
            token_program: pool.token_program,
        }
    }
}

fn balance(chain: &dyn Chain, account: &Pubkey) -> Result<Option<(u64, Pubkey)>, ChainError> {
    Ok(chain
        .account(account)?
        .and_then(|a| Some((token::balance(&a.data)?, a.owner))))
}

impl DexDecoder for LocalAmm {
    fn program(&self) -> Pubkey {
        local_amm::ID
    }

    fn pools(&self, chain: &dyn Chain) -> Result<Vec<DexPool>, ChainError> {
        let filter = AccountFilter::of::<AmmPool>(None);
        let mut out = Vec::new();
        for (address, account) in chain.program_accounts(&local_amm::ID, &filter)? {
            let Ok(state) = AmmPool::deserialize(&mut &account.data[8..]) else {
                continue;
            };
            let (Some((reserve_a, token_program)), Some((reserve_b, _))) = (
                balance(chain, &state.vault_a)?,
                balance(chain, &state.vault_b)?,
            ) else {
                continue;
            };
            out.push(DexPool {
                address,
                program: local_amm::ID,
                mints: [state.mint_a, state.mint_b],
                vaults: [state.vault_a, state.vault_b],
                token_program,
                curve: ConstantProduct::new(reserve_a, reserve_b, state.fee_bps),
            });
        }
        Ok(out)
    }

    fn swap_leg(&self, pool: &DexPool, swap: &SwapRequest) -> RouteLeg {
        let args = SwapArgs {
            amount_in: swap.amount_in,
            min_amount_out: swap.min_amount_out,
        };
        amm::swap_leg(
            &Self::addresses(pool),
            &swap.signer,
            swap.source,
            swap.destination,
            &swap.mint_in,
            args,
        )
    }

    fn read_leg(&self, leg: &RouteLeg) -> Option<SwapLeg> {
        let discriminator = local_amm::instruction::Swap::DISCRIMINATOR;
        if leg.program_id != local_amm::ID || !leg.data.starts_with(discriminator) {
            return None;
        }
        let args = SwapArgs::deserialize(&mut &leg.data[discriminator.len()..]).ok()?;
        // accounts: user, pool, user_source, user_destination, vault_in, vault_out, mint_in, ...
        Some(SwapLeg {
            pool: leg.accounts.get(1)?.pubkey,
            mint_in: leg.accounts.get(6)?.pubkey,
            amount_in: args.amount_in,
            min_amount_out: args.min_amount_out,
        })
    }
}
