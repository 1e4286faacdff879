//! Decoding account data: Borsh accounts through Anchor, zero-copy ones by casting.
use crate::chain::{Chain, ChainError};
use anchor_lang::prelude::Pubkey;
use anchor_lang::AnchorDeserialize;
use anchor_lang::{AccountDeserialize, Discriminator};
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

fn load_with<T>(
    chain: &dyn Chain,
    key: &Pubkey,
    what: &'static str,
    decode: impl FnOnce(&[u8]) -> Result<T, DecodeError>,
) -> Result<T, LoadError> {
    let account = chain
        .account(key)?
        .ok_or(LoadError::Missing { what, key: *key })?;
    decode(&account.data).map_err(|error| LoadError::Decode { key: *key, error })
}

/// Fetches and decodes the Borsh account at `key`.
pub fn load<T: AccountDeserialize + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<T, LoadError> {
    load_with(chain, key, type_name::<T>(), decode::<T>)
}

/// Fetches and decodes the zero-copy account at `key`.
pub fn load_zero_copy<T: Pod + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<T, LoadError> {
    load_with(chain, key, type_name::<T>(), decode_zero_copy::<T>)
}

/// The token balance of the token account at `key`.
pub fn load_balance(chain: &dyn Chain, key: &Pubkey) -> Result<u64, LoadError> {
    load_with(chain, key, "token account", |data| {
        crate::token::balance(data).ok_or(DecodeError::Malformed("token account"))
    })
}
