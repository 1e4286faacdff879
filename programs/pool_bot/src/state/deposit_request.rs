//! A deposit waiting for the proposals that were live when it was made: its tokens are in the
//! vault but it holds no shares until settled, so it earns nothing from those trades.
use anchor_lang::prelude::*;

/// PDA `[SEED_DEPOSIT, pool, id]`. Settled strictly in id order (`ready_at` never decreases
/// with the id), by anyone, once `ready_at` has passed; the rent goes back to the depositor.
#[account]
#[derive(InitSpace, Debug)]
pub struct DepositRequest {
    /// The pool this account belongs to (checked with `has_one = pool`).
    pub pool: Pubkey,
    /// The member whose position receives the shares.
    pub depositor: Pubkey,
    /// Sequential id within the pool.
    pub id: u64,
    /// Amount already moved into the vault, in base units.
    pub amount: u64,
    /// Unix time requested.
    pub requested_at: i64,
    /// Unix time from which it can be settled: when the last proposal live at `requested_at`
    /// expires.
    pub ready_at: i64,
    /// Bump of this PDA.
    pub bump: u8,
}

impl DepositRequest {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + DepositRequest::INIT_SPACE;

    /// Whether it can be settled at `now`.
    pub fn is_ready(&self, now: i64) -> bool {
        now >= self.ready_at
    }
}
