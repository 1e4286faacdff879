//! SENIOR, LEAD and ADMIN validators other than the claimant vote on an insurance claim, one
//! vote each, until it expires: `claim_required_approvals` approvals (one from a LEAD or ADMIN
//! when `claim_require_lead`) pay it from the reserve (never more than the reserve holds); it
//! is denied as soon as the rejections make that unreachable with the voters that remain.
use crate::errors::PoolError;
use crate::events::ClaimVoted;
use crate::state::*;
use crate::token;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `deny_claim`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DenyClaimArgs {
    /// Why (at most 200 bytes; kept in the claim when this vote denies it).
    pub reason: String,
}

/// Accounts of `approve_claim` (the vote that reaches quorum pays the claimant).
#[derive(Accounts)]
pub struct ApproveClaim<'info> {
    /// A SENIOR, LEAD or ADMIN validator.
    pub validator: Signer<'info>,
    /// Its config version decides which claim votes still count (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Receives the vote; paid when it reaches quorum.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub claim: Account<'info, Claim>,
    /// The claimant's position (its open-claim mark is cleared when the claim is decided).
    #[account(
        mut,
        seeds = [SEED_MEMBER, pool.key().as_ref(), claim.claimant.as_ref()],
        bump = position.bump
    )]
    pub position: Account<'info, MemberPosition>,
    /// The pool's insurance reserve (signs the payment).
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Account<'info, InsuranceReserve>,
    /// The reserve's token account.
    #[account(mut, address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: InterfaceAccount<'info, TokenAccount>,
    /// The claimant's token account for the pool's asset.
    #[account(
        mut,
        constraint = claimant_token.owner == claim.claimant @ PoolError::WrongTokenOwner,
        constraint = claimant_token.mint == mint.key() @ PoolError::WrongMint
    )]
    pub claimant_token: InterfaceAccount<'info, TokenAccount>,
    /// The pool's asset mint.
    #[account(address = pool.load()?.asset_mint @ PoolError::WrongMint)]
    pub mint: InterfaceAccount<'info, Mint>,
    /// The mint's token program.
    pub token_program: Interface<'info, TokenInterface>,
}

/// Accounts of `deny_claim`.
#[derive(Accounts)]
pub struct DenyClaim<'info> {
    /// A SENIOR, LEAD or ADMIN validator.
    pub validator: Signer<'info>,
    /// Its config version decides which claim votes still count (read only).
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's validator set.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// Receives the vote; denied when approval becomes unreachable.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub claim: Account<'info, Claim>,
    /// The claimant's position (its open-claim mark is cleared when the claim is decided).
    #[account(
        mut,
        seeds = [SEED_MEMBER, pool.key().as_ref(), claim.claimant.as_ref()],
        bump = position.bump
    )]
    pub position: Account<'info, MemberPosition>,
    /// The pool's insurance reserve.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Account<'info, InsuranceReserve>,
    /// The reserve's token account (its balance is reported).
    #[account(address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: InterfaceAccount<'info, TokenAccount>,
}

/// Records a claim vote in the claim and the voter's statistics; returns the new status.
fn cast_vote(
    pool: &AccountLoader<Pool>,
    validator_set: &AccountLoader<ValidatorSet>,
    validator: &Pubkey,
    claim: &mut Claim,
    approve: bool,
    clock: &Clock,
) -> Result<ClaimStatus> {
    let pool = pool.load()?;
    let mut set = validator_set.load_mut()?;
    let slot = set.require_role(validator, Role::Senior)?;
    require_keys_neq!(*validator, claim.claimant, PoolError::ClaimantCannotVote);
    let quorum = set.claim_quorum(&pool, &claim.claimant);
    let status = claim.vote(
        &quorum,
        pool.config_version,
        slot,
        approve,
        clock.unix_timestamp,
    )?;
    set.record_claim_vote(slot, clock.slot);
    Ok(status)
}

impl ApproveClaim<'_> {
    /// Approves the claim; pays it when this vote reaches quorum.
    pub fn approve_claim(ctx: Context<Self>) -> Result<()> {
        let a = ctx.accounts;
        let clock = Clock::get()?;
        let now = clock.unix_timestamp;
        let cooldown = a.pool.load()?.claim_ttl;
        let status = cast_vote(
            &a.pool,
            &a.validator_set,
            &a.validator.key(),
            &mut a.claim,
            true,
            &clock,
        )?;
        let mut paid = 0;
        if status == ClaimStatus::Paid {
            paid = a.claim.amount;
            require!(
                paid <= a.insurance_vault.amount,
                PoolError::ClaimExceedsReserve
            );
            // the stake must still be in the pool when it is paid
            require!(paid <= a.position.claimable(), PoolError::ClaimExceedsStake);
            let pool_key = a.pool.key();
            let seeds: &[&[u8]] = &[SEED_INSURANCE, pool_key.as_ref(), &[a.insurance.bump]];
            token::transfer(
                &a.token_program,
                a.mint.to_account_info(),
                a.mint.decimals,
                a.insurance_vault.to_account_info(),
                a.claimant_token.to_account_info(),
                a.insurance.to_account_info(),
                paid,
                &[seeds],
            )?;
            a.insurance.record_paid(paid)?;
            a.position.record_claim_closed(paid, now, cooldown)?;
        } else if status == ClaimStatus::Denied {
            // an approval can decide a claim too: when the claimant's own slot left the
            // quorum unreachable
            a.insurance.record_denied(a.claim.amount)?;
            a.position.record_claim_closed(0, now, cooldown)?;
        }
        a.insurance.invariant()?;
        a.position.invariant()?;
        emit!(ClaimVoted {
            pool: a.pool.key(),
            claim: a.claim.key(),
            validator: a.validator.key(),
            approve: true,
            reason: String::new(),
            status,
            paid,
            reserve_balance: a.insurance_vault.amount - paid,
            unix_timestamp: now,
        });
        Ok(())
    }
}

impl DenyClaim<'_> {
    /// Denies the claim; records the reason when this vote decides it.
    pub fn deny_claim(ctx: Context<Self>, args: DenyClaimArgs) -> Result<()> {
        check_reason(&args.reason)?;
        let a = ctx.accounts;
        let clock = Clock::get()?;
        let now = clock.unix_timestamp;
        let cooldown = a.pool.load()?.claim_ttl;
        let status = cast_vote(
            &a.pool,
            &a.validator_set,
            &a.validator.key(),
            &mut a.claim,
            false,
            &clock,
        )?;
        if status == ClaimStatus::Denied {
            a.claim.decision_note = args.reason.clone();
            a.insurance.record_denied(a.claim.amount)?;
            a.position.record_claim_closed(0, now, cooldown)?;
        }
        a.insurance.invariant()?;
        a.position.invariant()?;
        emit!(ClaimVoted {
            pool: a.pool.key(),
            claim: a.claim.key(),
            validator: a.validator.key(),
            approve: false,
            reason: args.reason,
            status,
            paid: 0,
            reserve_balance: a.insurance_vault.amount,
            unix_timestamp: now,
        });
        Ok(())
    }
}
