//! ADMIN de-authorises a keeper at once (removing power only protects); every pending and
//! approved proposal goes stale with it, so nothing it proposed can still run. Authorising a
//! keeper is a queued governance change.
use crate::errors::PoolError;
use crate::events::KeeperChanged;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `remove_keeper`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct KeeperArgs {
    /// The keeper's wallet.
    pub keeper: Pubkey,
}

/// Accounts of `remove_keeper`.
#[derive(Accounts)]
pub struct RemoveKeeper<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// Its config version is bumped: the removed keeper's proposals go stale.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (holds the keeper list).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
}

impl RemoveKeeper<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// De-authorises the keeper and makes every open proposal stale.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_keeper(ctx: Context<Self>, args: KeeperArgs) -> Result<()> {
        ctx.accounts
            .validator_set
            .load_mut()?
            .remove_keeper(&args.keeper)?;
        let mut pool = ctx.accounts.pool.load_mut()?;
        pool.bump_config_version()?;
        pool.invariant()?;
        emit!(KeeperChanged {
            pool: ctx.accounts.pool.key(),
            admin: ctx.accounts.admin.key(),
            keeper: args.keeper,
            authorised: false,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
