//! The local AMM: instruction builders, and the swap leg a route uses.
use crate::pda;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, Discriminator, InstructionData, ToAccountMetas};
use local_amm::{accounts as acc, instruction as ix, instructions::*};
use pool_bot::route::RouteLeg;
use pool_bot::state::LegRuleArgs;

/// The leg rule a product declares to route through the local AMM's `swap`: the leg spends
/// from `user_source` (account 2), pays into `user_destination` (account 3), both of which
/// must then be the pool's own token accounts, and trades on `pool` (account 1).
pub fn swap_rule() -> LegRuleArgs {
    LegRuleArgs {
        program: local_amm::ID,
        discriminator: ix::Swap::DISCRIMINATOR.to_vec(),
        source_index: 2,
        destination_index: 3,
        market_index: Some(1),
    }
}

/// Addresses of one AMM pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AmmAddresses {
    /// The pool.
    pub pool: Pubkey,
    /// First mint.
    pub mint_a: Pubkey,
    /// Second mint.
    pub mint_b: Pubkey,
    /// Reserve of `mint_a`.
    pub vault_a: Pubkey,
    /// Reserve of `mint_b`.
    pub vault_b: Pubkey,
    /// Token program of both mints.
    pub token_program: Pubkey,
}

impl AmmAddresses {
    /// Derives the addresses of pool `id` of the pair.
    pub fn new(mint_a: Pubkey, mint_b: Pubkey, id: u64, token_program: Pubkey) -> Self {
        let pool = pda::amm_pool(&mint_a, &mint_b, id);
        AmmAddresses {
            pool,
            mint_a,
            mint_b,
            vault_a: pda::amm_vault(&pool, &mint_a),
            vault_b: pda::amm_vault(&pool, &mint_b),
            token_program,
        }
    }

    /// (vault in, vault out, mint in, mint out) when selling `mint_in`.
    fn direction(&self, mint_in: &Pubkey) -> (Pubkey, Pubkey, Pubkey, Pubkey) {
        if *mint_in == self.mint_a {
            (self.vault_a, self.vault_b, self.mint_a, self.mint_b)
        } else {
            (self.vault_b, self.vault_a, self.mint_b, self.mint_a)
        }
    }
}

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: local_amm::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// `create_pool` by `authority`.
pub fn create_pool(a: &AmmAddresses, authority: &Pubkey, id: u64, fee_bps: u16) -> Instruction {
    build(
        acc::CreatePool {
            authority: *authority,
            mint_a: a.mint_a,
            mint_b: a.mint_b,
            pool: a.pool,
            vault_a: a.vault_a,
            vault_b: a.vault_b,
            token_program: a.token_program,
            system_program: system_program::ID,
        },
        ix::CreatePool {
            args: CreatePoolArgs { id, fee_bps },
        },
    )
}

/// `add_liquidity` by the pool's authority from its two token accounts.
pub fn add_liquidity(
    a: &AmmAddresses,
    authority: &Pubkey,
    source_a: Pubkey,
    source_b: Pubkey,
    amount_a: u64,
    amount_b: u64,
) -> Instruction {
    build(
        acc::AddLiquidity {
            authority: *authority,
            pool: a.pool,
            mint_a: a.mint_a,
            mint_b: a.mint_b,
            vault_a: a.vault_a,
            vault_b: a.vault_b,
            source_a,
            source_b,
            token_program: a.token_program,
        },
        ix::AddLiquidity {
            args: AddLiquidityArgs { amount_a, amount_b },
        },
    )
}

/// `swap` of `amount_in` of `mint_in` by `user` (a wallet signing the transaction).
pub fn swap(
    a: &AmmAddresses,
    user: &Pubkey,
    user_source: Pubkey,
    user_destination: Pubkey,
    mint_in: &Pubkey,
    args: SwapArgs,
) -> Instruction {
    let (vault_in, vault_out, mint_in, mint_out) = a.direction(mint_in);
    build(
        acc::Swap {
            user: *user,
            pool: a.pool,
            user_source,
            user_destination,
            vault_in,
            vault_out,
            mint_in,
            mint_out,
            token_program: a.token_program,
        },
        ix::Swap { args },
    )
}

/// The same swap as a route leg, signed inside Pool Bot by `signer` (the pool PDA).
pub fn swap_leg(
    a: &AmmAddresses,
    signer: &Pubkey,
    user_source: Pubkey,
    user_destination: Pubkey,
    mint_in: &Pubkey,
    args: SwapArgs,
) -> RouteLeg {
    crate::route::leg(swap(
        a,
        signer,
        user_source,
        user_destination,
        mint_in,
        args,
    ))
}
