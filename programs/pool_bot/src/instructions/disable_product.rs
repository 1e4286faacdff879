//! ADMIN disables a product at once (disabling only protects): its proposals can be neither
//! made nor executed. Enabling one is a queued governance change.
use crate::errors::PoolError;
use crate::events::ProductToggled;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `disable_product`.
#[derive(Accounts)]
pub struct DisableProduct<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// Whose validator set names the ADMIN (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Disabled: no new proposal or execution under it.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub product: AccountLoader<'info, Product>,
}

impl DisableProduct<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Clears the product's `enabled` flag.
    #[access_control(ctx.accounts.validate())]
    pub fn disable_product(ctx: Context<Self>) -> Result<()> {
        ctx.accounts.product.load_mut()?.set_enabled(false)?;
        emit!(ProductToggled {
            pool: ctx.accounts.pool.key(),
            product: ctx.accounts.product.key(),
            enabled: false,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
