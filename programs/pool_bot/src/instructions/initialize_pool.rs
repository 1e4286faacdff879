//! Creates a pool with its vault, validator set (the creator as first ADMIN) and insurance
//! reserve, for a mint whose issuer cannot take, freeze or skim the vault (`mint_rules`).
use crate::events::PoolInitialized;
use crate::mint_rules;
use crate::state::*;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// Arguments of `initialize_pool`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct InitializePoolArgs {
    /// Display name, 1 to 32 bytes.
    pub name: String,
    /// Most active members.
    pub max_members: u32,
    /// Smallest deposit, in base units.
    pub min_contribution: u64,
    /// Share of each trade's gain sent to the insurance reserve (500 = 5%).
    pub insurance_bps: u16,
    /// Trade approvals needed (the creator is the only validator at first, so 1).
    pub required_approvals: u8,
    /// Whether one approval must come from a LEAD or ADMIN.
    pub require_lead_approval: bool,
    /// Seconds a proposal stays open (also the longest a requested deposit waits).
    pub proposal_ttl: i64,
    /// Claim approvals needed (SENIOR+ voters other than the claimant; 1 at first, as for
    /// trades).
    pub claim_required_approvals: u8,
    /// Whether one claim approval must come from a LEAD or ADMIN.
    pub claim_require_lead_approval: bool,
    /// Seconds a claim stays open for votes.
    pub claim_ttl: i64,
    /// Seconds a governance change waits between being queued and applied (0 for fixtures
    /// only; production pools: days, so members can withdraw first).
    pub time_lock: i64,
}

/// Accounts of `initialize_pool`.
#[derive(Accounts)]
pub struct InitializePool<'info> {
    /// Pays for the accounts and becomes the first ADMIN validator.
    #[account(mut)]
    pub creator: Signer<'info>,
    /// The asset members deposit.
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// Created here: the terms and the books of the pool.
    #[account(
        init,
        payer = creator,
        space = Pool::SPACE,
        seeds = [SEED_POOL, creator.key().as_ref(), mint.key().as_ref()],
        bump
    )]
    pub pool: AccountLoader<'info, Pool>,
    /// The pool's vault, owned by the pool PDA.
    #[account(
        init,
        payer = creator,
        seeds = [SEED_VAULT, pool.key().as_ref()],
        bump,
        token::mint = mint,
        token::authority = pool,
        token::token_program = token_program
    )]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The validator set.
    #[account(
        init,
        payer = creator,
        space = ValidatorSet::SPACE,
        seeds = [SEED_VALIDATORS, pool.key().as_ref()],
        bump
    )]
    pub validator_set: AccountLoader<'info, ValidatorSet>,
    /// The insurance reserve.
    #[account(
        init,
        payer = creator,
        space = InsuranceReserve::SPACE,
        seeds = [SEED_INSURANCE, pool.key().as_ref()],
        bump
    )]
    pub insurance: Box<Account<'info, InsuranceReserve>>,
    /// The insurance reserve's token account, owned by the reserve PDA.
    #[account(
        init,
        payer = creator,
        seeds = [SEED_INSURANCE_VAULT, pool.key().as_ref()],
        bump,
        token::mint = mint,
        token::authority = insurance,
        token::token_program = token_program
    )]
    pub insurance_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    /// SPL Token or Token-2022 (the mint's program).
    pub token_program: Interface<'info, TokenInterface>,
    /// System program.
    pub system_program: Program<'info, System>,
}

impl InitializePool<'_> {
    /// The numbers are checked once, by `Pool::invariant` on the new pool.
    fn validate(&self) -> Result<()> {
        mint_rules::require_supported(&self.mint.to_account_info())
    }

    /// Creates the pool and its accounts.
    #[access_control(ctx.accounts.validate())]
    pub fn initialize_pool(ctx: Context<Self>, args: InitializePoolArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = ctx.accounts;
        let pool_key = accounts.pool.key();
        let creator = accounts.creator.key();

        let mut pool = accounts.pool.load_init()?;
        pool.creator = creator;
        pool.asset_mint = accounts.mint.key();
        pool.vault = accounts.vault.key();
        pool.token_program = accounts.token_program.key();
        pool.name = encode_name(&args.name)?;
        pool.min_contribution = args.min_contribution;
        pool.proposal_ttl = args.proposal_ttl;
        pool.claim_ttl = args.claim_ttl;
        pool.time_lock = args.time_lock;
        pool.deposit_queue_ready_at = i64::MAX;
        pool.created_at = now;
        pool.max_members = args.max_members;
        pool.insurance_bps = args.insurance_bps;
        pool.required_approvals = args.required_approvals;
        pool.require_lead_approval = args.require_lead_approval as u8;
        pool.claim_required_approvals = args.claim_required_approvals;
        pool.claim_require_lead = args.claim_require_lead_approval as u8;
        pool.decimals = accounts.mint.decimals;
        pool.bump = ctx.bumps.pool;
        pool.vault_bump = ctx.bumps.vault;
        pool.invariant()?;

        let mut set = accounts.validator_set.load_init()?;
        set.pool = pool_key;
        set.bump = ctx.bumps.validator_set;
        set.add(creator, Role::Admin, now)?;
        set.invariant(&pool)?;

        let insurance = &mut accounts.insurance;
        insurance.pool = pool_key;
        insurance.vault = accounts.insurance_vault.key();
        insurance.bump = ctx.bumps.insurance;
        insurance.vault_bump = ctx.bumps.insurance_vault;

        emit!(PoolInitialized {
            pool: pool_key,
            creator,
            asset_mint: pool.asset_mint,
            name: args.name,
            unix_timestamp: now,
        });
        Ok(())
    }
}
