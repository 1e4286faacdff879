//! The deposit queue as clients see it. Deposits made while a proposal is live wait as
//! requests, settled strictly in id order once ready; a trade cannot execute while a ready one
//! waits, so keepers settle them first (`settle_ready`).
use crate::accounts::{self, LoadError};
use crate::chain::Chain;
use crate::instructions as ix;
use crate::pda::PoolAddresses;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use pool_bot::state::{DepositRequest, Pool};

/// Most settlements put in one transaction (each is a few thousand CU and three accounts).
pub const MAX_SETTLEMENTS_PER_TRANSACTION: usize = 8;

/// The unsettled requests of `pool`, oldest first (at most `limit`).
pub fn pending(
    chain: &dyn Chain,
    pool: &Pool,
    limit: usize,
) -> Result<Vec<DepositRequest>, LoadError> {
    let p = PoolAddresses::of(pool);
    (pool.deposit_queue_head..pool.next_deposit_id)
        .take(limit)
        .map(|id| accounts::load::<DepositRequest>(chain, &p.deposit_request(id)))
        .collect()
}

/// Instructions that settle, in order, every request ready at `now` (at most one
/// transaction's worth), signed by `settler`.
pub fn settle_ready(
    chain: &dyn Chain,
    pool: &Pool,
    settler: &Pubkey,
    now: i64,
) -> Result<Vec<Instruction>, LoadError> {
    let p = PoolAddresses::of(pool);
    Ok(pending(chain, pool, MAX_SETTLEMENTS_PER_TRANSACTION)?
        .into_iter()
        .take_while(|request| request.is_ready(now))
        .map(|request| {
            let has_next = request.id + 1 < pool.next_deposit_id;
            ix::settle_deposit(&p, settler, request.id, &request.depositor, has_next)
        })
        .collect())
}
