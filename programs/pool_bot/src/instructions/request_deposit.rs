//! A member deposits while trade proposals are live: the tokens move into the vault now, but
//! they become shares only when `settle_deposit` runs after every proposal live now has
//! ended, priced then. So the deposit earns nothing from trades made before it arrived (the
//! profit sandwich), and it cannot be cancelled (no free option on the settlement price).
use crate::errors::PoolError;
use crate::events::DepositRequested;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `request_deposit`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct RequestDepositArgs {
    /// Amount, in base units (at least the pool's `min_contribution`).
    pub amount: u64,
}

/// Accounts of `request_deposit`.
#[derive(Accounts)]
pub struct RequestDeposit<'info> {
    /// The member; pays for the request (returned at settlement) and the position.
    #[account(mut)]
    pub member: Signer<'info>,
    /// Queues the request (ids, pending total, when the head is ready).
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The member's position (created on the first deposit).
    #[account(
        init_if_needed,
        payer = member,
        space = MemberPosition::SPACE,
        seeds = [SEED_MEMBER, pool.key().as_ref(), member.key().as_ref()],
        bump
    )]
    pub position: Box<Account<'info, MemberPosition>>,
    /// The new request, at the pool's next deposit id.
    #[account(
        init,
        payer = member,
        space = DepositRequest::SPACE,
        seeds = [SEED_DEPOSIT, pool.key().as_ref(), &u64::to_le_bytes(pool.load()?.next_deposit_id)],
        bump
    )]
    pub request: Box<Account<'info, DepositRequest>>,
    /// The member's token account.
    #[account(mut, constraint = member_token.mint == mint.key() @ PoolError::WrongMint)]
    pub member_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The pool's vault.
    #[account(mut, address = pool.load()?.vault @ PoolError::WrongVault)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The pool's asset mint.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// The mint's token program.
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl RequestDeposit<'_> {
    fn validate(&self, args: &RequestDepositArgs) -> Result<()> {
        self.pool.load()?.require_deposit_amount(args.amount)
    }

    /// Moves the tokens into the vault and queues the request.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn request_deposit(ctx: Context<Self>, args: RequestDepositArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        token::transfer(
            &a.token_program,
            a.mint.to_account_info(),
            a.mint.decimals,
            a.member_token.to_account_info(),
            a.vault.to_account_info(),
            a.member.to_account_info(),
            args.amount,
            &[],
        )?;

        let pool_key = ctx.accounts.pool.key();
        let member = ctx.accounts.member.key();
        let position = &mut ctx.accounts.position;
        let is_new = position.open_if_new(pool_key, member, now, ctx.bumps.position);
        let joined = position.record_deposit_requested(args.amount, now)?;
        position.invariant()?;

        let mut pool = ctx.accounts.pool.load_mut()?;
        if joined {
            pool.record_member_joined(!is_new)?;
        }
        let (id, ready_at) = pool.record_deposit_requested(args.amount, now)?;
        pool.invariant()?;

        let request = &mut ctx.accounts.request;
        request.pool = pool_key;
        request.depositor = member;
        request.id = id;
        request.amount = args.amount;
        request.requested_at = now;
        request.ready_at = ready_at;
        request.bump = ctx.bumps.request;

        emit!(DepositRequested {
            pool: pool_key,
            request: request.key(),
            id,
            member,
            amount: args.amount,
            ready_at,
            pending_deposits: pool.pending_deposits,
            unix_timestamp: now,
        });
        Ok(())
    }
}
