//! Decoding account data: Borsh accounts through Anchor, zero-copy ones by casting.
use crate::chain::{AccountFilter, Chain, ChainError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::AnchorDeserialize;
use anchor_lang::{AccountDeserialize, Discriminator, Owner};
use bytemuck::Pod;
use pool_bot::route::RouteLeg;
use pool_bot::state::TradeProposal;

/// Why account data could not be decoded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The first 8 bytes are not the expected type's discriminator.
    #[error("account is not a {0}")]
    WrongType(&'static str),
    /// The data is too short or malformed.
    #[error("account data of {0} is malformed")]
    Malformed(&'static str),
}

fn type_name<T>() -> &'static str {
    std::any::type_name::<T>()
        .rsplit("::")
        .next()
        .unwrap_or("account")
}

/// Decodes a Borsh (`#[account]`) account.
pub fn decode<T: AccountDeserialize + Discriminator>(data: &[u8]) -> Result<T, DecodeError> {
    if !data.starts_with(T::DISCRIMINATOR) {
        return Err(DecodeError::WrongType(type_name::<T>()));
    }
    T::try_deserialize(&mut &data[..]).map_err(|_| DecodeError::Malformed(type_name::<T>()))
}

/// Decodes a zero-copy (`#[account(zero_copy)]`) account.
pub fn decode_zero_copy<T: Pod + Discriminator>(data: &[u8]) -> Result<T, DecodeError> {
    if !data.starts_with(T::DISCRIMINATOR) {
        return Err(DecodeError::WrongType(type_name::<T>()));
    }
    let body = data
        .get(8..8 + std::mem::size_of::<T>())
        .ok_or(DecodeError::Malformed(type_name::<T>()))?;
    Ok(bytemuck::pod_read_unaligned(body))
}

/// The route stored in a proposal.
pub fn proposal_route(proposal: &TradeProposal) -> Result<Vec<RouteLeg>, DecodeError> {
    Vec::<RouteLeg>::try_from_slice(proposal.route_bytes())
        .map_err(|_| DecodeError::Malformed("TradeProposal route"))
}

/// Why an account could not be loaded from a chain.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Nothing lives at the address.
    #[error("no {what} at {key}")]
    Missing {
        /// The expected type.
        what: &'static str,
        /// The address.
        key: Pubkey,
    },
    /// Something lives there, but not the expected account.
    #[error("{key}: {error}")]
    Decode {
        /// The address.
        key: Pubkey,
        /// What is wrong with it.
        error: DecodeError,
    },
    /// The chain could not answer.
    #[error(transparent)]
    Chain(#[from] ChainError),
}

fn find_with<T>(
    chain: &dyn Chain,
    key: &Pubkey,
    decode: impl FnOnce(&[u8]) -> Result<T, DecodeError>,
) -> Result<Option<T>, LoadError> {
    match chain.account(key)? {
        None => Ok(None),
        Some(account) => decode(&account.data)
            .map(Some)
            .map_err(|error| LoadError::Decode { key: *key, error }),
    }
}

/// The Borsh account at `key`, or `None` when nothing lives there.
pub fn find<T: AccountDeserialize + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<Option<T>, LoadError> {
    find_with(chain, key, decode::<T>)
}

/// The zero-copy account at `key`, or `None` when nothing lives there.
pub fn find_zero_copy<T: Pod + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<Option<T>, LoadError> {
    find_with(chain, key, decode_zero_copy::<T>)
}

/// The Borsh account at `key`, which must exist.
pub fn load<T: AccountDeserialize + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<T, LoadError> {
    find::<T>(chain, key)?.ok_or(LoadError::Missing {
        what: type_name::<T>(),
        key: *key,
    })
}

/// The zero-copy account at `key`, which must exist.
pub fn load_zero_copy<T: Pod + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<T, LoadError> {
    find_zero_copy::<T>(chain, key)?.ok_or(LoadError::Missing {
        what: type_name::<T>(),
        key: *key,
    })
}

/// The token balance of the token account at `key`, which must exist.
pub fn load_balance(chain: &dyn Chain, key: &Pubkey) -> Result<u64, LoadError> {
    let balance =
        |data: &[u8]| crate::token::balance(data).ok_or(DecodeError::Malformed("token account"));
    find_with(chain, key, balance)?.ok_or(LoadError::Missing {
        what: "token account",
        key: *key,
    })
}

fn list_with<T: Discriminator + Owner>(
    chain: &dyn Chain,
    pool: Option<&Pubkey>,
    decode: impl Fn(&[u8]) -> Result<T, DecodeError>,
) -> Result<Vec<(Pubkey, T)>, ChainError> {
    let filter = AccountFilter::of::<T>(pool.copied());
    let accounts = chain.program_accounts(&T::owner(), &filter)?;
    Ok(accounts
        .into_iter()
        .filter_map(|(key, a)| decode(&a.data).ok().map(|t| (key, t)))
        .collect())
}

/// Every Borsh account of type `T` (of its owning program, by discriminator), of `pool` when
/// given (every Pool Bot account but `Pool` holds its pool at byte 8; pass `None` for other
/// programs' accounts, e.g. the local AMM's pools). Accounts that do not decode are left out.
/// In no particular order.
pub fn list<T: AccountDeserialize + Discriminator + Owner>(
    chain: &dyn Chain,
    pool: Option<&Pubkey>,
) -> Result<Vec<(Pubkey, T)>, ChainError> {
    list_with(chain, pool, decode::<T>)
}

/// Every zero-copy account of type `T`, of `pool` when given, as [`list`] does.
pub fn list_zero_copy<T: Pod + Discriminator + Owner>(
    chain: &dyn Chain,
    pool: Option<&Pubkey>,
) -> Result<Vec<(Pubkey, T)>, ChainError> {
    list_with(chain, pool, decode_zero_copy::<T>)
}

/// A pool's trade proposals that still exist (closed ones are gone), by id.
pub fn proposals(
    chain: &dyn Chain,
    pool: &Pubkey,
) -> Result<Vec<(Pubkey, TradeProposal)>, ChainError> {
    let mut proposals = list_zero_copy::<TradeProposal>(chain, Some(pool))?;
    proposals.sort_by_key(|(_, p)| p.id);
    Ok(proposals)
}

impl From<LoadError> for ChainError {
    /// A chain error as is; no account of the expected type at the address as `NotFound`.
    fn from(error: LoadError) -> ChainError {
        match error {
            LoadError::Chain(e) => e,
            other => ChainError::NotFound(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::{default_programs_dir, Embedded};
    use pool_bot::state::{InsuranceReserve, Pool};

    #[test]
    fn find_and_load_tell_missing_from_malformed() {
        let chain = Embedded::new(&default_programs_dir()).expect("built programs");
        let nowhere = Pubkey::new_unique();
        assert!(matches!(find_zero_copy::<Pool>(&chain, &nowhere), Ok(None)));
        let missing = load_zero_copy::<Pool>(&chain, &nowhere)
            .err()
            .expect("missing");
        assert_eq!(missing.to_string(), format!("no Pool at {nowhere}"));
        // The pool program's own account exists but is no Pool and no reserve.
        let program = pool_bot::ID;
        let wrong = load_zero_copy::<Pool>(&chain, &program)
            .err()
            .expect("wrong type");
        assert!(matches!(
            wrong,
            LoadError::Decode {
                error: DecodeError::WrongType("Pool"),
                ..
            }
        ));
        assert!(find::<InsuranceReserve>(&chain, &program).is_err());
        assert!(matches!(
            ChainError::from(missing),
            ChainError::NotFound(m) if m.contains("no Pool")
        ));
    }
}
