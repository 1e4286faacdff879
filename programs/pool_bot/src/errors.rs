//! Every way an instruction can refuse, by name. Anchor numbers them from 6000 in this order;
//! clients map the number back to the name, so once deployed only ever append.
use anchor_lang::prelude::*;

/// Named refusals of the Pool Bot program.
#[error_code]
pub enum PoolError {
    // --- arithmetic and numbers ---
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Deposit is below the pool's minimum contribution")]
    BelowMinContribution,
    #[msg("Deposit would mint zero shares")]
    ZeroShares,
    #[msg("Fewer shares than min_shares_out would be minted")]
    SlippageSharesOut,
    #[msg("Less than min_amount_out would be paid")]
    SlippageAmountOut,
    #[msg("Withdrawal exceeds the member's shares")]
    InsufficientShares,
    #[msg("The pool has reached max_members")]
    PoolFull,
    #[msg("Basis points must be between 0 and 10000")]
    InvalidBps,
    #[msg("Name must be 1 to 32 bytes")]
    InvalidName,
    #[msg("Text is longer than allowed")]
    TextTooLong,
    #[msg("max_members must be at least 1")]
    InvalidMaxMembers,
    #[msg("max_members is below the number of active members")]
    MaxMembersBelowActive,
    #[msg("min_contribution must be at least 1 base unit")]
    InvalidMinContribution,
    #[msg("Proposal lifetime must be 1 second to 7 days")]
    InvalidProposalTtl,
    #[msg("Claim lifetime must be 1 second to 90 days")]
    InvalidClaimTtl,
    #[msg("Time lock must be 0 to 90 days")]
    InvalidTimeLock,
    #[msg("A product's max trade amount must be greater than zero")]
    InvalidMaxTradeAmount,
    #[msg("A stored flag is neither 0 nor 1")]
    InvalidFlag,

    // --- pool state ---
    #[msg("The pool is paused: deposits and trades are blocked")]
    PoolPaused,
    #[msg("Account belongs to a different pool")]
    WrongPool,
    #[msg("Token mint does not match the pool's asset mint")]
    WrongMint,
    #[msg("Token account is not the pool's vault")]
    WrongVault,
    #[msg("Product does not match the proposal's product")]
    WrongProduct,
    #[msg("Token account does not belong to the expected owner")]
    WrongTokenOwner,
    #[msg("Rent must go back to the account that paid it")]
    WrongRentReceiver,

    // --- roles and governance ---
    #[msg("Signer is not a validator of this pool")]
    NotValidator,
    #[msg("Signer's validator role is too low for this action")]
    InsufficientRole,
    #[msg("Signer is not an authorised keeper of this pool")]
    NotKeeper,
    #[msg("Validator is already in the set")]
    DuplicateValidator,
    #[msg("Keeper is already authorised")]
    DuplicateKeeper,
    #[msg("The validator set is full")]
    ValidatorSetFull,
    #[msg("The keeper list is full")]
    KeeperListFull,
    #[msg("Keeper is not in the list")]
    KeeperNotFound,
    #[msg("Unknown validator role")]
    InvalidRole,
    #[msg("required_approvals must be between 1 and the number of validators (and of SENIOR+ claim voters)")]
    InvalidQuorum,
    #[msg("At least one ADMIN validator must remain")]
    LastAdmin,

    // --- products ---
    #[msg("Product is disabled")]
    ProductDisabled,
    #[msg("Product is already in that state")]
    ProductStateUnchanged,
    #[msg("Too many allowed programs for a product")]
    TooManyPrograms,
    #[msg("Route calls a program the product does not allow")]
    ProgramNotAllowed,
    #[msg("Trade amount exceeds the product's maximum trade size")]
    TradeTooLarge,
    #[msg("Trade amount exceeds the pool's assets")]
    TradeExceedsPool,
    #[msg("Minimum profit is below the product's floor or above the expected profit")]
    InvalidMinProfit,

    // --- proposals ---
    #[msg("A route has 1 to 4 legs")]
    InvalidRouteLength,
    #[msg("A route leg is too large")]
    RouteLegTooLarge,
    #[msg("The route does not match the approved route hash")]
    RouteMismatch,
    #[msg("A route leg may not pass the proposal account")]
    ProposalInRoute,
    #[msg("Only the pool PDA may sign a route leg")]
    RouteSignerNotAllowed,
    #[msg("An account named by the route was not supplied")]
    RouteAccountMissing,
    #[msg("A route leg may not call the Pool Bot program itself")]
    RouteSelfInvocation,
    #[msg("Proposal is not pending")]
    ProposalNotPending,
    #[msg("Proposal is not approved")]
    ProposalNotApproved,
    #[msg("Proposal has expired")]
    ProposalExpired,
    #[msg("Proposal is stale: validators or quorum changed since it was made")]
    ProposalStale,
    #[msg("Proposal is still live: neither expired nor stale")]
    ProposalStillLive,
    #[msg("Proposal is not finished (executed, rejected or expired)")]
    ProposalNotFinished,
    #[msg("Proposal is already finished (executed, rejected or expired)")]
    ProposalFinished,
    #[msg("Validator has already voted")]
    AlreadyVoted,
    #[msg("Vault gained less than the approved minimum profit")]
    ProfitBelowMinimum,
    #[msg("The route changed the vault's owner, delegate or close authority")]
    VaultAuthorityChanged,

    // --- insurance ---
    #[msg("Claim amount exceeds what the insurance reserve holds beyond pending claims")]
    ClaimExceedsReserve,
    #[msg("Claim is not pending")]
    ClaimNotPending,
    #[msg("Claim is not finished (paid or denied)")]
    ClaimNotFinished,
    #[msg("Claimant is not a member of this pool")]
    NotMember,
    #[msg("No trade proposal with this id exists in the pool")]
    UnknownProposal,

    // --- deposits that wait for live proposals (appended: numbers never move) ---
    #[msg("A trade proposal or mandate is live: request a deposit instead (it becomes shares once every live proposal has ended, and after a proposal lifetime while a mandate stands)")]
    ProposalsLive,
    #[msg("A matured deposit request must be settled before a trade can execute")]
    DepositsAwaitingSettlement,
    #[msg("Deposit request is not the oldest unsettled one, or the next request was not given")]
    WrongDepositRequest,
    #[msg("Deposit request not ready: a proposal live when it was made may still execute")]
    DepositNotReady,
    #[msg("The books do not balance (an invariant failed)")]
    BooksOutOfBalance,
    #[msg("Withdrawal would leave less than the minimum contribution: withdraw everything or leave at least min_contribution")]
    WithdrawalLeavesDust,

    // --- claims ---
    #[msg("The member already has a claim awaiting a decision")]
    ClaimAlreadyOpen,
    #[msg("Claim exceeds the claimant's capital at stake (contributed minus withdrawn minus claims paid)")]
    ClaimExceedsStake,
    #[msg("A claimant may not vote on their own claim")]
    ClaimantCannotVote,
    #[msg("Claim has expired")]
    ClaimExpired,
    #[msg("Claim is still open for votes")]
    ClaimStillOpen,

    // --- mints the pool cannot honour ---
    #[msg("The mint charges transfer fees: the vault would get less than members are credited")]
    MintTransferFee,
    #[msg("The mint has a transfer hook: its program could block every withdrawal")]
    MintTransferHook,
    #[msg("The mint has a permanent delegate who could move the vault's tokens")]
    MintPermanentDelegate,
    #[msg("The mint is pausable: its issuer could freeze every withdrawal")]
    MintPausable,
    #[msg("The mint is non-transferable")]
    MintNonTransferable,
    #[msg("The mint sets a default account state (accounts may start frozen)")]
    MintDefaultAccountState,
    #[msg("The mint has confidential transfers: balances the pool books could move unseen")]
    MintConfidentialTransfers,
    #[msg("The mint has an extension the pool does not support")]
    MintExtensionNotSupported,

    // --- route rules ---
    #[msg("A leg rule needs a 1 to 8 byte discriminator and distinct source and destination")]
    InvalidLegRule,
    #[msg("A product may declare at most 4 leg rules")]
    TooManyLegRules,
    #[msg("A product may list at most 16 markets, each once")]
    TooManyMarkets,
    #[msg("The leg calls an instruction no leg rule of the product allows")]
    LegNotAllowed,
    #[msg("A leg's source or destination is not a token account the pool owns")]
    LegAccountNotPoolOwned,
    #[msg("The leg trades on a market the product does not list")]
    MarketNotAllowed,
    #[msg("The route took more from the vault than the approved amount_in")]
    RouteSpentTooMuch,
    #[msg("The route left a pool token account with less, another owner, a delegate or a closer")]
    RouteDrainedPoolAccount,

    // --- time lock ---
    #[msg("The governance change is still waiting out the time lock")]
    ChangeNotDue,
    #[msg("Lowering the time lock waits out the current one: queue a change")]
    TimeLockLowered,
    #[msg("The member's last claim was denied or expired: it may file again after a cooldown")]
    ClaimCooldown,

    // --- mandates ---
    #[msg("A mandate lists 1 to 8 markets, each once")]
    MandateMarkets,
    #[msg("The mandate names a market its product does not list")]
    MandateMarketNotAllowed,
    #[msg("A mandate's budget needs a period of a minute to 30 days, at least one trade, and notional at least max_amount_in")]
    MandateBudget,
    #[msg("A mandate stands 1 second to 30 days")]
    MandateDuration,
    #[msg("The mandate's minimum profit is below the product's")]
    MandateMinProfitTooLow,
    #[msg("Mandate is not pending")]
    MandateNotPending,
    #[msg("Mandate is not approved")]
    MandateNotApproved,
    #[msg("Mandate is approved but still waiting out the pool's time lock")]
    MandateNotYetActive,
    #[msg("Mandate has expired")]
    MandateExpired,
    #[msg("Mandate is stale: validators, quorum or terms changed since it was proposed")]
    MandateStale,
    #[msg("Mandate was revoked")]
    MandateRevoked,
    #[msg("Only a pending or approved mandate can be revoked")]
    MandateNotRevocable,
    #[msg("Mandate can still be used or voted on")]
    MandateNotFinished,
    #[msg("amount_in is above the mandate's max_amount_in")]
    MandateAmountTooLarge,
    #[msg("The mandate's budget for this period is spent")]
    MandateBudgetExceeded,
    #[msg("A mandate's route must spend from the vault first and pay back into it last")]
    MandateRouteNotClosed,
    #[msg("Signer is neither an authorised keeper nor an ADMIN")]
    NotKeeperOrAdmin,
}
