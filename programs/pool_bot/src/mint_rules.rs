//! Which mints a pool may hold. The books count what members put in and the vault must always
//! be able to pay it back, so a mint whose issuer can skim transfers (fees), block them
//! (hooks, pause, default-frozen accounts), move the vault's tokens (permanent delegate) or
//! hide balances (confidential transfers) is refused at `initialize_pool`, as is any
//! Token-2022 extension not known to be harmless, and a mint close authority (the issuer could
//! close the mint while its supply is zero and re-create it with any of the above). A freeze authority is allowed (USDC has
//! one): the README's security model states that risk.
use crate::errors::PoolError;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022;
use spl_token_2022::extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions};

/// Refuses `mint` if it carries an extension the pool cannot honour.
pub fn require_supported(mint: &AccountInfo) -> Result<()> {
    if *mint.owner != spl_token_2022::ID {
        return Ok(()); // SPL Token mints have no extensions
    }
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&data)
        .map_err(|_| error!(PoolError::WrongMint))?;
    let extensions = state
        .get_extension_types()
        .map_err(|_| error!(PoolError::MintExtensionNotSupported))?;
    extensions.into_iter().try_for_each(check)
}

/// The refusal for one extension, or `Ok` when it only changes how amounts are displayed or
/// described.
fn check(extension: ExtensionType) -> Result<()> {
    use ExtensionType as E;
    let refusal = match extension {
        E::InterestBearingConfig
        | E::ScaledUiAmount
        | E::MetadataPointer
        | E::TokenMetadata
        | E::GroupPointer
        | E::TokenGroup
        | E::GroupMemberPointer
        | E::TokenGroupMember => return Ok(()),
        E::TransferFeeConfig | E::ConfidentialTransferFeeConfig => PoolError::MintTransferFee,
        E::TransferHook => PoolError::MintTransferHook,
        E::PermanentDelegate => PoolError::MintPermanentDelegate,
        E::Pausable => PoolError::MintPausable,
        E::NonTransferable => PoolError::MintNonTransferable,
        E::DefaultAccountState => PoolError::MintDefaultAccountState,
        E::ConfidentialTransferMint | E::ConfidentialMintBurn => {
            PoolError::MintConfidentialTransfers
        }
        _ => PoolError::MintExtensionNotSupported,
    };
    msg!("mint extension {:?} is not supported", extension);
    Err(refusal.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_extensions_pass_and_issuer_powers_are_named() {
        assert!(check(ExtensionType::MetadataPointer).is_ok());
        assert!(check(ExtensionType::InterestBearingConfig).is_ok());
        for (extension, error) in [
            (ExtensionType::TransferFeeConfig, PoolError::MintTransferFee),
            (ExtensionType::TransferHook, PoolError::MintTransferHook),
            (
                ExtensionType::PermanentDelegate,
                PoolError::MintPermanentDelegate,
            ),
            (ExtensionType::Pausable, PoolError::MintPausable),
            (
                ExtensionType::NonTransferable,
                PoolError::MintNonTransferable,
            ),
            (
                ExtensionType::DefaultAccountState,
                PoolError::MintDefaultAccountState,
            ),
            (
                ExtensionType::ConfidentialTransferMint,
                PoolError::MintConfidentialTransfers,
            ),
            (
                ExtensionType::CpiGuard,
                PoolError::MintExtensionNotSupported,
            ),
        ] {
            assert_eq!(check(extension).unwrap_err(), error.into());
        }
    }
}
