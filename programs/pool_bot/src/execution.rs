//! Running a checked route with the pool PDA signing and booking its gain: one path for
//! `execute_and_distribute` (an approved proposal's stored route) and `execute_mandate` (a
//! route inside a standing mandate), so both split profit and guard the pool's accounts alike.
use crate::errors::PoolError;
use crate::math;
use crate::route_guard::{token_state, RouteGuard};
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program::invoke_signed_unchecked;
use anchor_spl::token_interface::TokenInterface;

/// The accounts whose books a trade changes. The vault, the mint and the reserve's token
/// account are checked by address against the pool's books and read from the raw token layout
/// (`route_guard::token_state`): no deserialisation on the hottest path.
pub struct TradeBooks<'a, 'info> {
    /// The pool (its PDA signs every leg).
    pub pool: &'a AccountLoader<'info, Pool>,
    /// The pool's vault: its gain is the trade's profit.
    pub vault: &'a AccountInfo<'info>,
    /// The pool's asset mint.
    pub mint: &'a AccountInfo<'info>,
    /// The insurance reserve's books.
    pub insurance: &'a mut Account<'info, InsuranceReserve>,
    /// The reserve's token account (receives the insurance share).
    pub insurance_vault: &'a AccountInfo<'info>,
    /// The mint's token program.
    pub token_program: &'a Interface<'info, TokenInterface>,
}

/// What a trade booked.
pub struct Settled {
    /// The vault's gain.
    pub gain: u64,
    /// Of which went to the insurance reserve.
    pub insurance: u64,
    /// Of which stayed with the members (through the share price).
    pub member_profit: u64,
}

/// Runs `legs` (already checked against the product's rules) with the pool PDA signing, then
/// requires the vault never to have lent out more than `amount_in`, every other pool token
/// account the legs wrote to be left whole, and the vault to have gained at least
/// `min_profit`; sends the insurance share to the reserve and books the rest to the members.
/// `infos` holds every account the legs name, the vault included.
pub fn run_and_book<'info>(
    books: TradeBooks<'_, 'info>,
    legs: &[Instruction],
    infos: &[AccountInfo<'info>],
    amount_in: u64,
    min_profit: u64,
) -> Result<Settled> {
    let pool_key = books.pool.key();
    let (creator, asset_mint, bump, insurance_bps, decimals) = {
        let pool = books.pool.load()?;
        (
            pool.creator,
            pool.asset_mint,
            pool.bump,
            pool.insurance_bps,
            pool.decimals,
        )
    };
    let seeds: &[&[u8]] = &[SEED_POOL, creator.as_ref(), asset_mint.as_ref(), &[bump]];

    let vault_state = || token_state(books.vault).ok_or(PoolError::WrongVault);
    let before = vault_state()?.amount;
    let mut guard = RouteGuard::before(legs, infos, &pool_key, books.vault.key)?;
    // No account of the calling instruction is borrowed here (loaders were dropped), which is
    // what the skipped client-side borrow checks would verify.
    for leg in legs {
        invoke_signed_unchecked(leg, infos, &[seeds])?;
        guard.after_leg(infos)?;
    }
    guard.require_kept(infos, &pool_key, amount_in)?;

    let vault = vault_state()?;
    require!(
        vault.owner == pool_key && !vault.has_delegate && !vault.has_close_authority,
        PoolError::VaultAuthorityChanged
    );
    let gain = vault
        .amount
        .checked_sub(before)
        .ok_or(PoolError::ProfitBelowMinimum)?;
    require!(gain >= min_profit, PoolError::ProfitBelowMinimum);

    let (insurance, member_profit) = math::split_profit(gain, insurance_bps)?;
    if insurance > 0 {
        token::transfer(
            books.token_program,
            books.mint.clone(),
            decimals,
            books.vault.clone(),
            books.insurance_vault.clone(),
            books.pool.to_account_info(),
            insurance,
            &[seeds],
        )?;
    }
    books.insurance.record_allocation(insurance)?;
    let mut pool = books.pool.load_mut()?;
    pool.record_profit(gain, member_profit)?;
    Ok(Settled {
        gain,
        insurance,
        member_profit,
    })
}
