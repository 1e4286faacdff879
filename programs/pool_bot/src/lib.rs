//! Pool Bot: a member-owned trading pool on Solana.
//!
//! Members deposit an SPL token for shares; keepers propose arbitrage routes; validators vote;
//! an approved route runs by CPI with the pool PDA signing and must leave the vault with at
//! least the approved minimum profit; the gain is split between the insurance reserve and the
//! members (through the share price). This file only dispatches: every instruction lives in
//! `instructions/`, every account in `state/`.
use anchor_lang::prelude::*;

#[cfg(target_arch = "bpf")]
use solana_compiler_builtins as _;

pub mod errors;
pub mod events;
pub mod execution;
pub mod instructions;
pub mod math;
pub mod mint_rules;
pub mod route;
pub mod route_guard;
pub mod state;
pub mod token;

pub use instructions::*;

declare_id!("Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A");

/// The program's instructions.
#[program]
pub mod pool_bot {
    use super::*;

    /// Creates a pool, its vault, validator set and insurance reserve.
    pub fn initialize_pool(ctx: Context<InitializePool>, args: InitializePoolArgs) -> Result<()> {
        InitializePool::initialize_pool(ctx, args)
    }

    /// ADMIN: renames, pauses / unpauses or raises the time lock, at once.
    pub fn update_config(ctx: Context<UpdateConfig>, args: UpdateConfigArgs) -> Result<()> {
        UpdateConfig::update_config(ctx, args)
    }

    /// ADMIN: queues a governance change until the time lock has passed.
    pub fn queue_change(ctx: Context<QueueChange>, args: QueueChangeArgs) -> Result<()> {
        QueueChange::queue_change(ctx, args)
    }

    /// Anyone: applies a queued change whose time lock has passed.
    pub fn apply_change(ctx: Context<ApplyChange>) -> Result<()> {
        ApplyChange::apply_change(ctx)
    }

    /// ADMIN: cancels a queued change.
    pub fn cancel_change(ctx: Context<CancelChange>) -> Result<()> {
        CancelChange::cancel_change(ctx)
    }

    /// ADMIN: de-authorises a keeper at once; open proposals go stale.
    pub fn remove_keeper(ctx: Context<RemoveKeeper>, args: KeeperArgs) -> Result<()> {
        RemoveKeeper::remove_keeper(ctx, args)
    }

    /// ADMIN: registers a product (disabled until an `EnableProduct` change applies).
    pub fn register_product(
        ctx: Context<RegisterProduct>,
        args: RegisterProductArgs,
    ) -> Result<()> {
        RegisterProduct::register_product(ctx, args)
    }

    /// ADMIN: disables a product at once.
    pub fn disable_product(ctx: Context<DisableProduct>) -> Result<()> {
        DisableProduct::disable_product(ctx)
    }

    /// Anyone: adds tokens to the insurance reserve.
    pub fn fund_insurance(ctx: Context<FundInsurance>, args: FundInsuranceArgs) -> Result<()> {
        FundInsurance::fund_insurance(ctx, args)
    }

    /// Member: deposits for shares at once (only while no proposal is live).
    pub fn deposit(ctx: Context<Deposit>, args: DepositArgs) -> Result<()> {
        Deposit::deposit(ctx, args)
    }

    /// Member: deposits now, becoming shares once the proposals live now have ended.
    pub fn request_deposit(ctx: Context<RequestDeposit>, args: RequestDepositArgs) -> Result<()> {
        RequestDeposit::request_deposit(ctx, args)
    }

    /// Anyone: turns the oldest ready deposit request into shares.
    pub fn settle_deposit(ctx: Context<SettleDeposit>) -> Result<()> {
        SettleDeposit::settle_deposit(ctx)
    }

    /// Member: withdraws at the share value.
    pub fn withdraw(ctx: Context<Withdraw>, args: WithdrawArgs) -> Result<()> {
        Withdraw::withdraw(ctx, args)
    }

    /// Keeper: proposes a trade route.
    pub fn propose_trade(ctx: Context<ProposeTrade>, args: ProposeTradeArgs) -> Result<()> {
        ProposeTrade::propose_trade(ctx, args)
    }

    /// Validator: approves a proposal.
    pub fn approve_trade(ctx: Context<VoteTrade>) -> Result<()> {
        VoteTrade::approve_trade(ctx)
    }

    /// Validator: rejects a proposal.
    pub fn reject_trade(ctx: Context<VoteTrade>, args: RejectTradeArgs) -> Result<()> {
        VoteTrade::reject_trade(ctx, args)
    }

    /// Anyone: marks an expired or stale proposal Expired.
    pub fn expire_proposal(ctx: Context<ExpireProposal>) -> Result<()> {
        ExpireProposal::expire_proposal(ctx)
    }

    /// Keeper or validator: runs an approved route and distributes the gain.
    pub fn execute_and_distribute<'info>(
        ctx: Context<'info, ExecuteAndDistribute<'info>>,
    ) -> Result<()> {
        ExecuteAndDistribute::execute_and_distribute(ctx)
    }

    /// Member: files an insurance claim.
    pub fn file_claim(ctx: Context<FileClaim>, args: FileClaimArgs) -> Result<()> {
        FileClaim::file_claim(ctx, args)
    }

    /// SENIOR+ validator: approves a claim (pays it at quorum).
    pub fn approve_claim(ctx: Context<ApproveClaim>) -> Result<()> {
        ApproveClaim::approve_claim(ctx)
    }

    /// SENIOR+ validator: denies a claim.
    pub fn deny_claim(ctx: Context<DenyClaim>, args: DenyClaimArgs) -> Result<()> {
        DenyClaim::deny_claim(ctx, args)
    }

    /// Anyone: marks an undecided claim past its expiry Expired.
    pub fn expire_claim(ctx: Context<ExpireClaim>) -> Result<()> {
        ExpireClaim::expire_claim(ctx)
    }

    /// Anyone: closes a finished proposal, returning rent to its proposer.
    pub fn close_proposal(ctx: Context<CloseProposal>) -> Result<()> {
        CloseProposal::close_proposal(ctx)
    }

    /// Anyone: closes a finished claim, returning rent to its claimant.
    pub fn close_claim(ctx: Context<CloseClaim>) -> Result<()> {
        CloseClaim::close_claim(ctx)
    }

    /// Keeper or ADMIN: proposes a standing mandate (a class of trades approved once).
    pub fn propose_mandate(ctx: Context<ProposeMandate>, args: ProposeMandateArgs) -> Result<()> {
        ProposeMandate::propose_mandate(ctx, args)
    }

    /// Validator: approves a mandate.
    pub fn approve_mandate(ctx: Context<VoteMandate>) -> Result<()> {
        VoteMandate::approve_mandate(ctx)
    }

    /// Validator: rejects a mandate.
    pub fn reject_mandate(ctx: Context<VoteMandate>, args: RejectMandateArgs) -> Result<()> {
        VoteMandate::reject_mandate(ctx, args)
    }

    /// LEAD or ADMIN: revokes a mandate at once.
    pub fn revoke_mandate(ctx: Context<RevokeMandate>) -> Result<()> {
        RevokeMandate::revoke_mandate(ctx)
    }

    /// Keeper: runs a route inside an active mandate and distributes the gain.
    pub fn execute_mandate<'info>(
        ctx: Context<'info, ExecuteMandate<'info>>,
        args: ExecuteMandateArgs,
    ) -> Result<()> {
        ExecuteMandate::execute_mandate(ctx, args)
    }

    /// Anyone: closes a finished mandate (rent back to its proposer).
    pub fn close_mandate(ctx: Context<CloseMandate>) -> Result<()> {
        CloseMandate::close_mandate(ctx)
    }
}
