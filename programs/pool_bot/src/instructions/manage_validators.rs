//! ADMIN adds, removes or re-roles validators. Each change bumps the pool's config version,
//! so pending proposals go stale (their vote bitmaps index the old slots).
use crate::errors::PoolError;
use crate::events::ValidatorChanged;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `add_validator` and `set_validator_role`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ValidatorRoleArgs {
    /// The validator's wallet.
    pub validator: Pubkey,
    /// Its role.
    pub role: Role,
}

/// Arguments of `remove_validator`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RemoveValidatorArgs {
    /// The validator's wallet.
    pub validator: Pubkey,
}

/// Accounts of `add_validator`, `remove_validator` and `set_validator_role`.
#[derive(Accounts)]
pub struct ManageValidators<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// The pool.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
}

impl ManageValidators<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Bumps the config version, checks the set's rules and records the change.
    fn finish(
        &self,
        validator: Pubkey,
        old_role: Option<Role>,
        new_role: Option<Role>,
    ) -> Result<()> {
        let mut pool = self.pool.load_mut()?;
        pool.bump_config_version()?;
        self.validator_set.load()?.invariant(&pool)?;
        emit!(ValidatorChanged {
            pool: self.pool.key(),
            admin: self.admin.key(),
            validator,
            old_role,
            new_role,
            config_version: pool.config_version,
        });
        Ok(())
    }

    /// Adds a validator with a role.
    #[access_control(ctx.accounts.validate())]
    pub fn add_validator(ctx: Context<Self>, args: ValidatorRoleArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .validator_set
            .load_mut()?
            .add(args.validator, args.role, now)?;
        ctx.accounts.finish(args.validator, None, Some(args.role))
    }

    /// Removes a validator (never the last ADMIN, never below the quorum).
    #[access_control(ctx.accounts.validate())]
    pub fn remove_validator(ctx: Context<Self>, args: RemoveValidatorArgs) -> Result<()> {
        let removed = ctx
            .accounts
            .validator_set
            .load_mut()?
            .remove(&args.validator)?;
        ctx.accounts
            .finish(args.validator, Some(removed.role()), None)
    }

    /// Changes a validator's role.
    #[access_control(ctx.accounts.validate())]
    pub fn set_validator_role(ctx: Context<Self>, args: ValidatorRoleArgs) -> Result<()> {
        let old = ctx
            .accounts
            .validator_set
            .load_mut()?
            .set_role(&args.validator, args.role)?;
        ctx.accounts
            .finish(args.validator, Some(old), Some(args.role))
    }
}
