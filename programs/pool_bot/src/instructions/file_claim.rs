//! A member files an insurance claim for a loss of their own capital: at most what they put in
//! less what they took out and were paid before (`MemberPosition::claimable`, checked again at
//! payment), one open claim
//! at a time, and at most what the reserve holds beyond the claims already pending (so pending
//! claims together never promise more than the reserve). It expires after `claim_ttl`.
use crate::errors::PoolError;
use crate::events::ClaimFiled;
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

/// Arguments of `file_claim`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct FileClaimArgs {
    /// Amount claimed, in base units.
    pub amount: u64,
    /// What happened (at most 200 bytes).
    pub reason: String,
    /// The trade proposal the loss relates to, if any (an id the pool has issued).
    pub proposal_id: Option<u64>,
}

/// Accounts of `file_claim`.
#[derive(Accounts)]
pub struct FileClaim<'info> {
    /// The member claiming; pays for the claim account (returned on close).
    #[account(mut)]
    pub claimant: Signer<'info>,
    /// Hands out the claim id and its expiry.
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
    /// The claimant's position (active or withdrawn): caps the claim and holds the open-claim
    /// mark.
    #[account(
        mut,
        has_one = pool @ PoolError::WrongPool,
        constraint = position.owner == claimant.key() @ PoolError::NotMember
    )]
    pub position: Account<'info, MemberPosition>,
    /// The pool's insurance reserve.
    #[account(mut, has_one = pool @ PoolError::WrongPool)]
    pub insurance: Account<'info, InsuranceReserve>,
    /// The reserve's token account (its balance, less pending claims, caps the claim).
    #[account(address = insurance.vault @ PoolError::WrongVault)]
    pub insurance_vault: InterfaceAccount<'info, TokenAccount>,
    /// The new claim, at the pool's next claim id.
    #[account(
        init,
        payer = claimant,
        space = Claim::SPACE,
        // Not `x.to_le_bytes()` (same bytes): Anchor's IDL builder reads `pool.load()?.…`
        // as the seed `pool` and would publish a wrong PDA; this form makes it publish none.
        seeds = [SEED_CLAIM, pool.key().as_ref(), &u64::to_le_bytes(pool.load()?.next_claim_id)],
        bump
    )]
    pub claim: Account<'info, Claim>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl FileClaim<'_> {
    fn validate(&self, args: &FileClaimArgs) -> Result<()> {
        require!(args.amount > 0, PoolError::ZeroAmount);
        let uncommitted = self
            .insurance_vault
            .amount
            .saturating_sub(self.insurance.pending_amount);
        require!(args.amount <= uncommitted, PoolError::ClaimExceedsReserve);
        if let Some(id) = args.proposal_id {
            require!(
                id < self.pool.load()?.next_proposal_id,
                PoolError::UnknownProposal
            );
        }
        check_reason(&args.reason)
    }

    /// Opens the claim for votes.
    #[access_control(ctx.accounts.validate(&args))]
    pub fn file_claim(ctx: Context<Self>, args: FileClaimArgs) -> Result<()> {
        let pool_key = ctx.accounts.pool.key();
        let now = Clock::get()?.unix_timestamp;
        let (id, config_version, expires_at) = {
            let mut pool = ctx.accounts.pool.load_mut()?;
            let (id, expires_at) = pool.open_claim(now)?;
            pool.invariant()?;
            (id, pool.config_version, expires_at)
        };
        ctx.accounts.position.record_claim_filed(args.amount, now)?;
        ctx.accounts.position.invariant()?;
        ctx.accounts.insurance.record_filed(args.amount)?;
        ctx.accounts.insurance.invariant()?;
        let claim = &mut ctx.accounts.claim;
        claim.pool = pool_key;
        claim.id = id;
        claim.claimant = ctx.accounts.claimant.key();
        claim.amount = args.amount;
        claim.reason = args.reason;
        claim.proposal_id = args.proposal_id;
        claim.status = ClaimStatus::Pending;
        claim.config_version = config_version;
        claim.filed_at = now;
        claim.expires_at = expires_at;
        claim.bump = ctx.bumps.claim;

        emit!(ClaimFiled {
            pool: pool_key,
            claim: claim.key(),
            id,
            claimant: claim.claimant,
            amount: claim.amount,
            reason: claim.reason.clone(),
            proposal_id: claim.proposal_id,
            expires_at,
            unix_timestamp: now,
        });
        Ok(())
    }
}
