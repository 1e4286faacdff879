//! Decoding account data: Borsh accounts through Anchor, zero-copy ones by casting.
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
