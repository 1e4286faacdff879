//! ADMIN registers a product: its category, limits, the leg rules its routes must follow and the
//! markets they may trade on. It starts disabled: enabling it is a governance change that waits
//! out the time lock, so members see what its rules allow before any trade can use them.
use crate::errors::PoolError;
use crate::events::ProductRegistered;
use crate::state::*;
use anchor_lang::prelude::*;

/// Arguments of `register_product`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RegisterProductArgs {
    /// Display name, 1 to 32 bytes.
    pub name: String,
    /// Category.
    pub category: ProductCategory,
    /// Limits for proposals under it.
    pub config: ProductConfig,
    /// What each leg of its routes may do (1 to 4 rules; never this program).
    pub leg_rules: Vec<LegRuleArgs>,
    /// Markets its legs may trade on (at most 16; empty = any).
    pub markets: Vec<Pubkey>,
}

/// Accounts of `register_product`.
#[derive(Accounts)]
pub struct RegisterProduct<'info> {
    /// An ADMIN validator; pays for the product account.
    #[account(mut)]
    pub admin: Signer<'info>,
    /// Hands out the product id.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The new product, at the pool's next product id.
    #[account(
        init,
        payer = admin,
        space = Product::SPACE,
        // Not `x.to_le_bytes()` (same bytes): Anchor's IDL builder reads `pool.load()?.…`
        // as the seed `pool` and would publish a wrong PDA; this form makes it publish none.
        seeds = [
            SEED_PRODUCT,
            pool.key().as_ref(),
            &u64::to_le_bytes(pool.load()?.next_product_id),
        ],
        bump
    )]
    pub product: AccountLoader<'info, Product>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl RegisterProduct<'_> {
    fn validate(&self) -> Result<()> {
        self.validator_set
            .load()?
            .require_role(&self.admin.key(), Role::Admin)?;
        Ok(())
    }

    /// Creates the product account.
    #[access_control(ctx.accounts.validate())]
    pub fn register_product(ctx: Context<Self>, args: RegisterProductArgs) -> Result<()> {
        let pool_key = ctx.accounts.pool.key();
        let id = {
            let mut pool = ctx.accounts.pool.load_mut()?;
            let id = pool.take_product_id()?;
            pool.invariant()?;
            id
        };
        let mut product = ctx.accounts.product.load_init()?;
        product.init(pool_key, id, &args.name, args.category, args.config)?;
        product.set_route_rules(&args.leg_rules, &args.markets)?;
        product.created_at = Clock::get()?.unix_timestamp;
        product.bump = ctx.bumps.product;
        product.invariant()?;

        emit!(ProductRegistered {
            pool: pool_key,
            product: ctx.accounts.product.key(),
            id,
            name: args.name,
            category: args.category,
            programs: product.leg_rules().iter().map(|r| r.program).collect(),
            markets: args.markets,
            unix_timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
