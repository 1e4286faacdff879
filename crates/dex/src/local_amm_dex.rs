//! The workspace's local constant-product AMM (`programs/local_amm`).
use crate::{DexDecoder, DexPool, SwapLeg, SwapRequest};
use anchor_lang::{AnchorDeserialize, Discriminator};
use local_amm::instructions::SwapArgs;
use local_amm::state::AmmPool;
use pool_bot::route::RouteLeg;
use pool_bot_arb::ConstantProduct;
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{AccountFilter, Chain, ChainError};
use pool_bot_client::{token, Pubkey};

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
