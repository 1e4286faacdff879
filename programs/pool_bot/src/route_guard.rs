//! What a route may do to the pool's token accounts while it runs, checked around the legs in
//! `execute_and_distribute`: every pool-owned token account a leg writes (other than the vault)
//! ends holding at least what it held, still owned by the pool PDA, with no delegate and no
//! close authority; the vault never dips further below its starting balance than the approved
//! `amount_in`. Read from the raw token-account layout (SPL Token and Token-2022 share it), so
//! it costs no deserialisation.
use crate::errors::PoolError;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;

/// Bytes of a token account before any Token-2022 extension.
const ACCOUNT_LEN: usize = 165;
/// Token-2022's account-type byte (after the base) for a token account.
const ACCOUNT_TYPE_ACCOUNT: u8 = 2;

/// The fields of a token account the guard reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenState {
    /// Who may move its tokens.
    pub owner: Pubkey,
    /// Its balance.
    pub amount: u64,
    /// Whether a delegate may move some of its tokens.
    pub has_delegate: bool,
    /// Whether someone other than the owner may close it.
    pub has_close_authority: bool,
}

/// The token-account state of `info`, or `None` if it is not a token account.
pub fn token_state(info: &AccountInfo) -> Option<TokenState> {
    if *info.owner != spl_token::ID && *info.owner != spl_token_2022::ID {
        return None;
    }
    let data = info.try_borrow_data().ok()?;
    let is_account = data.len() == ACCOUNT_LEN
        || (data.len() > ACCOUNT_LEN && data[ACCOUNT_LEN] == ACCOUNT_TYPE_ACCOUNT);
    if !is_account {
        return None;
    }
    let tag = |at: usize| data[at..at + 4] != [0, 0, 0, 0];
    Some(TokenState {
        owner: Pubkey::try_from(&data[32..64]).ok()?,
        amount: u64::from_le_bytes(data[64..72].try_into().ok()?),
        has_delegate: tag(72),
        has_close_authority: tag(129),
    })
}

/// The owner of the token account `key` among `infos`, if it is one.
pub fn token_owner(infos: &[AccountInfo], key: &Pubkey) -> Option<Pubkey> {
    infos
        .iter()
        .find(|info| info.key == key)
        .and_then(token_state)
        .map(|state| state.owner)
}

/// The pool-owned token accounts a route writes (the vault excepted), with their balances
/// before it runs.
pub struct RouteGuard {
    watched: Vec<(usize, u64)>,
    vault: usize,
    vault_before: u64,
    vault_lowest: u64,
}

impl RouteGuard {
    /// Notes, before the legs run, every pool-owned token account they may write.
    pub fn before(
        legs: &[Instruction],
        infos: &[AccountInfo],
        pool: &Pubkey,
        vault: &Pubkey,
    ) -> Result<RouteGuard> {
        let position = |key: &Pubkey| infos.iter().position(|info| info.key == key);
        let vault_index = position(vault).ok_or(PoolError::RouteAccountMissing)?;
        let vault_before = token_state(&infos[vault_index])
            .ok_or(PoolError::WrongVault)?
            .amount;
        let mut watched: Vec<(usize, u64)> = Vec::new();
        for meta in legs.iter().flat_map(|leg| &leg.accounts) {
            if !meta.is_writable || meta.pubkey == *vault {
                continue;
            }
            let Some(index) = position(&meta.pubkey) else {
                continue;
            };
            match token_state(&infos[index]) {
                Some(state) if state.owner == *pool && watched.iter().all(|w| w.0 != index) => {
                    watched.push((index, state.amount))
                }
                _ => {}
            }
        }
        Ok(RouteGuard {
            watched,
            vault: vault_index,
            vault_before,
            vault_lowest: vault_before,
        })
    }

    /// Notes the vault's balance after a leg.
    pub fn after_leg(&mut self, infos: &[AccountInfo]) -> Result<()> {
        let amount = token_state(&infos[self.vault])
            .ok_or(PoolError::VaultAuthorityChanged)?
            .amount;
        self.vault_lowest = self.vault_lowest.min(amount);
        Ok(())
    }

    /// Refuses, after the legs, a vault outflow beyond `amount_in` or a pool-owned account that
    /// lost tokens, its owner, or gained a delegate or close authority.
    pub fn require_kept(&self, infos: &[AccountInfo], pool: &Pubkey, amount_in: u64) -> Result<()> {
        require!(
            self.vault_before - self.vault_lowest <= amount_in,
            PoolError::RouteSpentTooMuch
        );
        for &(index, before) in &self.watched {
            let kept = token_state(&infos[index]).is_some_and(|after| {
                after.owner == *pool
                    && after.amount >= before
                    && !after.has_delegate
                    && !after.has_close_authority
            });
            require!(kept, PoolError::RouteDrainedPoolAccount);
        }
        Ok(())
    }
}
