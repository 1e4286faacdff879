//! ADMIN enables or disables a product (`enable_product` / `disable_product`). A disabled
//! product's proposals can be neither made nor executed.
use crate::errors::PoolError;
use crate::events::ProductToggled;
use crate::state::*;
use anchor_lang::prelude::*;

/// Accounts of `enable_product` and `disable_product`.
#[derive(Accounts)]
pub struct SetProductEnabled<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// The pool.
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The product.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub product: AccountLoader<'info, Product>,
}

impl SetProductEnabled<'_> {
    fn validate(&self, enabled: bool) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        require!(
            self.product.load()?.is_enabled() != enabled,
            PoolError::ProductStateUnchanged
        );
        Ok(())
    }

    /// Sets the product's `enabled` flag.
    #[access_control(ctx.accounts.validate(enabled))]
    pub fn set_product_enabled(ctx: Context<Self>, enabled: bool) -> Result<()> {
        ctx.accounts.product.load_mut()?.enabled = enabled as u8;
        emit!(ProductToggled {
            pool: ctx.accounts.pool.key(),
            product: ctx.accounts.product.key(),
            enabled,
        });
        Ok(())
    }
}
