//! Program-derived addresses of every Pool Bot and local AMM account.
use anchor_lang::prelude::Pubkey;
use local_amm::state::{SEED_AMM_POOL, SEED_AMM_VAULT};
use pool_bot::state::*;

fn find(seeds: &[&[u8]], program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(seeds, program).0
}

/// `[pool, creator, asset_mint]`.
pub fn pool(creator: &Pubkey, asset_mint: &Pubkey) -> Pubkey {
    find(
        &[SEED_POOL, creator.as_ref(), asset_mint.as_ref()],
        &pool_bot::ID,
    )
}

/// `[vault, pool]`.
pub fn vault(pool: &Pubkey) -> Pubkey {
    find(&[SEED_VAULT, pool.as_ref()], &pool_bot::ID)
}

/// `[validators, pool]`.
pub fn validator_set(pool: &Pubkey) -> Pubkey {
    find(&[SEED_VALIDATORS, pool.as_ref()], &pool_bot::ID)
}

/// `[member, pool, owner]`.
pub fn member(pool: &Pubkey, owner: &Pubkey) -> Pubkey {
    find(&[SEED_MEMBER, pool.as_ref(), owner.as_ref()], &pool_bot::ID)
}

/// `[proposal, pool, id]`.
pub fn proposal(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_PROPOSAL, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// `[insurance, pool]`.
pub fn insurance(pool: &Pubkey) -> Pubkey {
    find(&[SEED_INSURANCE, pool.as_ref()], &pool_bot::ID)
}

/// `[insurance_vault, pool]`.
pub fn insurance_vault(pool: &Pubkey) -> Pubkey {
    find(&[SEED_INSURANCE_VAULT, pool.as_ref()], &pool_bot::ID)
}

/// `[claim, pool, id]`.
pub fn claim(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_CLAIM, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// `[change, pool, id]`.
pub fn change(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_CHANGE, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// `[deposit, pool, id]`.
pub fn deposit_request(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_DEPOSIT, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// `[mandate, pool, id]`.
pub fn mandate(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_MANDATE, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// `[product, pool, id]`.
pub fn product(pool: &Pubkey, id: u64) -> Pubkey {
    find(
        &[SEED_PRODUCT, pool.as_ref(), &id.to_le_bytes()],
        &pool_bot::ID,
    )
}

/// Local AMM `[amm_pool, mint_a, mint_b, id]`.
pub fn amm_pool(mint_a: &Pubkey, mint_b: &Pubkey, id: u64) -> Pubkey {
    find(
        &[
            SEED_AMM_POOL,
            mint_a.as_ref(),
            mint_b.as_ref(),
            &id.to_le_bytes(),
        ],
        &local_amm::ID,
    )
}

/// Local AMM `[amm_vault, pool, mint]`.
pub fn amm_vault(amm_pool: &Pubkey, mint: &Pubkey) -> Pubkey {
    find(
        &[SEED_AMM_VAULT, amm_pool.as_ref(), mint.as_ref()],
        &local_amm::ID,
    )
}

/// Every fixed address of one pool, derived once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolAddresses {
    /// The pool.
    pub pool: Pubkey,
    /// Its asset mint.
    pub mint: Pubkey,
    /// The mint's token program.
    pub token_program: Pubkey,
    /// Its vault.
    pub vault: Pubkey,
    /// Its validator set.
    pub validator_set: Pubkey,
    /// Its insurance reserve.
    pub insurance: Pubkey,
    /// The reserve's token account.
    pub insurance_vault: Pubkey,
}

impl PoolAddresses {
    /// Derives the addresses of the pool `creator` made for `mint`.
    pub fn new(creator: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Self {
        let pool = pool(creator, mint);
        PoolAddresses {
            pool,
            mint: *mint,
            token_program: *token_program,
            vault: vault(&pool),
            validator_set: validator_set(&pool),
            insurance: insurance(&pool),
            insurance_vault: insurance_vault(&pool),
        }
    }

    /// The addresses of the pool whose account holds `pool`.
    pub fn of(pool: &Pool) -> Self {
        PoolAddresses::new(&pool.creator, &pool.asset_mint, &pool.token_program)
    }

    /// Position of `owner`.
    pub fn member(&self, owner: &Pubkey) -> Pubkey {
        member(&self.pool, owner)
    }

    /// Proposal `id`.
    pub fn proposal(&self, id: u64) -> Pubkey {
        proposal(&self.pool, id)
    }

    /// Claim `id`.
    pub fn claim(&self, id: u64) -> Pubkey {
        claim(&self.pool, id)
    }

    /// Product `id`.
    pub fn product(&self, id: u64) -> Pubkey {
        product(&self.pool, id)
    }

    /// Mandate `id`.
    pub fn mandate(&self, id: u64) -> Pubkey {
        mandate(&self.pool, id)
    }

    /// Governance change `id`.
    pub fn change(&self, id: u64) -> Pubkey {
        change(&self.pool, id)
    }

    /// Deposit request `id`.
    pub fn deposit_request(&self, id: u64) -> Pubkey {
        deposit_request(&self.pool, id)
    }
}
