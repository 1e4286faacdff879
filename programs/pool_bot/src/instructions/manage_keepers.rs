//! ADMIN authorises or de-authorises keepers (the bots that propose and execute trades).
use crate::errors::PoolError;
use crate::events::KeeperChanged;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `add_keeper` and `remove_keeper`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct KeeperArgs {
    /// The keeper's wallet.
    pub keeper: Pubkey,
}

/// Accounts of `add_keeper` and `remove_keeper`.
#[derive(Accounts)]
pub struct ManageKeepers<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// The pool.
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set (holds the keeper list).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
}

impl ManageKeepers<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    fn emit(&self, keeper: Pubkey, authorised: bool) {
        emit!(KeeperChanged {
            pool: self.pool.key(),
            admin: self.admin.key(),
            keeper,
            authorised
        });
    }

    /// Authorises a keeper.
    #[access_control(ctx.accounts.validate())]
    pub fn add_keeper(ctx: Context<Self>, args: KeeperArgs) -> Result<()> {
        ctx.accounts
            .validator_set
            .load_mut()?
            .add_keeper(args.keeper)?;
        ctx.accounts.emit(args.keeper, true);
        Ok(())
    }

    /// De-authorises a keeper.
    #[access_control(ctx.accounts.validate())]
    pub fn remove_keeper(ctx: Context<Self>, args: KeeperArgs) -> Result<()> {
        ctx.accounts
            .validator_set
            .load_mut()?
            .remove_keeper(&args.keeper)?;
        ctx.accounts.emit(args.keeper, false);
        Ok(())
    }
}
