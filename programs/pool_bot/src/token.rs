//! Token movements, through the token interface so SPL Token and Token-2022 mints both work.
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, TokenInterface, TransferChecked};

/// `transfer_checked` of `amount` of `mint` (with `decimals`) from `from` to `to`, signed by
/// `authority` (a wallet, or a PDA whose `signer_seeds` are given). The token program checks
/// the mint and its decimals.
#[allow(clippy::too_many_arguments)]
pub fn transfer<'info>(
    token_program: &Interface<'info, TokenInterface>,
    mint: AccountInfo<'info>,
    decimals: u8,
    from: AccountInfo<'info>,
    to: AccountInfo<'info>,
    authority: AccountInfo<'info>,
    amount: u64,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    let accounts = TransferChecked {
        from,
        mint,
        to,
        authority,
    };
    let ctx = CpiContext::new_with_signer(token_program.key(), accounts, signer_seeds);
    token_interface::transfer_checked(ctx, amount, decimals)
}
