//! Governance through the time lock: an ADMIN queues a change (`queue_change`), visible on chain
//! with the moment it may apply; anyone applies it once the pool's `time_lock` has passed
//! (`apply_change`); any ADMIN may cancel it before (`cancel_change`). Members who disagree
//! withdraw in between (withdrawals are never paused).
use super::update_config::emit_config;
use crate::errors::PoolError;
use crate::events::{
    ChangeFinished, ChangeQueued, KeeperChanged, ProductToggled, ValidatorChanged,
};
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `queue_change`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct QueueChangeArgs {
    /// What the change does.
    pub change: GovernanceChange,
}

/// Accounts of `queue_change`.
#[derive(Accounts)]
pub struct QueueChange<'info> {
    /// An ADMIN validator; pays for the change account (returned when it is applied or cancelled).
    #[account(mut)]
    pub admin: Signer<'info>,
    /// Hands out the change id; its time lock sets when the change may apply.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The new pending change, at the pool's next change id.
    #[account(
        init,
        payer = admin,
        space = PendingChange::SPACE,
        seeds = [SEED_CHANGE, pool.key().as_ref(), &u64::to_le_bytes(pool.load()?.next_change_id)],
        bump
    )]
    pub change: Box<Account<'info, PendingChange>>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl QueueChange<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Queues `change` until `now + time_lock`.
    #[access_control(ctx.accounts.validate())]
    pub fn queue_change(ctx: Context<Self>, args: QueueChangeArgs) -> Result<()> {
        let change = args.change;
        let now = Clock::get()?.unix_timestamp;
        let (id, eta) = {
            let mut pool = ctx.accounts.pool.load_mut()?;
            let opened = pool.queue_change(now)?;
            pool.invariant()?;
            opened
        };
        let pending = &mut ctx.accounts.change;
        pending.pool = ctx.accounts.pool.key();
        pending.id = id;
        pending.proposer = ctx.accounts.admin.key();
        pending.change = change.clone();
        pending.queued_at = now;
        pending.eta = eta;
        pending.bump = ctx.bumps.change;
        emit!(ChangeQueued {
            pool: pending.pool,
            account: pending.key(),
            id,
            proposer: pending.proposer,
            change,
            eta,
            unix_timestamp: now,
        });
        Ok(())
    }
}

/// Accounts of `apply_change`.
#[derive(Accounts)]
pub struct ApplyChange<'info> {
    /// Anyone, once the change is due.
    pub applier: Signer<'info>,
    /// Receives the change (limits, quorums, config version).
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The due change.
    #[account(
        mut,
        close = proposer,
        has_one = pool @ PoolError::WrongPool,
        has_one = proposer @ PoolError::WrongRentReceiver
    )]
    pub change: Box<Account<'info, PendingChange>>,
    /// The ADMIN who queued it (receives the rent).
    /// CHECK: only receives lamports; bound to the change by `has_one`.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
    /// The product, for `EnableProduct` only.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub product: Option<AccountLoader<'info, Product>>,
}

impl ApplyChange<'_> {
    fn validate(&self) -> Result<()> {
        require!(
            self.change.is_due(Clock::get()?.unix_timestamp),
            PoolError::ChangeNotDue
        );
        Ok(())
    }

    /// Applies the change, then checks the pool's and the validator set's rules.
    #[access_control(ctx.accounts.validate())]
    pub fn apply_change(ctx: Context<Self>) -> Result<()> {
        let a = &ctx.accounts;
        let (pool_key, by) = (a.pool.key(), a.applier.key());
        let now = Clock::get()?.unix_timestamp;
        match a.change.change.clone() {
            GovernanceChange::AddValidator { validator, role } => {
                a.validator_set.load_mut()?.add(validator, role, now)?;
                a.validators_changed(validator, None, Some(role), now)?;
            }
            GovernanceChange::RemoveValidator { validator } => {
                let removed = a.validator_set.load_mut()?.remove(&validator)?;
                a.validators_changed(validator, Some(removed.role()), None, now)?;
            }
            GovernanceChange::SetValidatorRole { validator, role } => {
                let old = a.validator_set.load_mut()?.set_role(&validator, role)?;
                a.validators_changed(validator, Some(old), Some(role), now)?;
            }
            GovernanceChange::AddKeeper { keeper } => {
                a.validator_set.load_mut()?.add_keeper(keeper)?;
                emit!(KeeperChanged {
                    pool: pool_key,
                    admin: by,
                    keeper,
                    authorised: true,
                    unix_timestamp: now,
                });
            }
            GovernanceChange::EnableProduct { product } => {
                let loader = a.product.as_ref().ok_or(PoolError::WrongProduct)?;
                require_keys_eq!(loader.key(), product, PoolError::WrongProduct);
                loader.load_mut()?.set_enabled(true)?;
                emit!(ProductToggled {
                    pool: pool_key,
                    product,
                    enabled: true,
                    unix_timestamp: now,
                });
            }
            GovernanceChange::Config(change) => {
                let mut pool = a.pool.load_mut()?;
                pool.apply_config_change(&change)?;
                pool.invariant()?;
                a.validator_set.load()?.invariant(&pool)?;
                emit_config(&pool, pool_key, by, now);
            }
        }
        emit!(ChangeFinished {
            pool: pool_key,
            account: a.change.key(),
            id: a.change.id,
            by,
            applied: true,
            unix_timestamp: now,
        });
        Ok(())
    }

    /// Bumps the config version (votes index validator slots), checks the set's rules and
    /// records the change.
    fn validators_changed(
        &self,
        validator: Pubkey,
        old_role: Option<Role>,
        new_role: Option<Role>,
        now: i64,
    ) -> Result<()> {
        let mut pool = self.pool.load_mut()?;
        pool.bump_config_version()?;
        pool.invariant()?;
        self.validator_set.load()?.invariant(&pool)?;
        emit!(ValidatorChanged {
            pool: self.pool.key(),
            admin: self.applier.key(),
            validator,
            old_role,
            new_role,
            config_version: pool.config_version,
            unix_timestamp: now,
        });
        Ok(())
    }
}

/// Accounts of `cancel_change`.
#[derive(Accounts)]
pub struct CancelChange<'info> {
    /// An ADMIN validator.
    pub admin: Signer<'info>,
    /// Whose validator set names the ADMIN (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The queued change.
    #[account(
        mut,
        close = proposer,
        has_one = pool @ PoolError::WrongPool,
        has_one = proposer @ PoolError::WrongRentReceiver
    )]
    pub change: Box<Account<'info, PendingChange>>,
    /// The ADMIN who queued it (receives the rent).
    /// CHECK: only receives lamports; bound to the change by `has_one`.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
}

impl CancelChange<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Drops the change.
    #[access_control(ctx.accounts.validate())]
    pub fn cancel_change(ctx: Context<Self>) -> Result<()> {
        emit!(ChangeFinished {
            pool: ctx.accounts.pool.key(),
            account: ctx.accounts.change.key(),
            id: ctx.accounts.change.id,
            by: ctx.accounts.admin.key(),
            applied: false,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
