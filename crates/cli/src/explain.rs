//! The program's named errors as sentences: what went wrong and what to do, filled in with the
//! pool's actual configuration where it helps. One entry per `PoolError` name (a test checks
//! the table against the program's `errors.rs`); other names (Anchor's own account checks)
//! fall back to the program's message.
use crate::error::CliError;
use crate::fetch::PoolInfo;
use pool_bot::state::Role;
use pool_bot_client::chain::ChainError;
use pool_bot_client::Pubkey;

/// What a command tried to do, which decides who may do it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Create a pool (anyone).
    Init,
    /// Change validators, keepers, products or the configuration (ADMIN).
    Manage,
    /// Approve or reject a trade proposal (any validator).
    TradeVote,
    /// Approve or deny an insurance claim (SENIOR and above).
    ClaimVote,
    /// Execute an approved proposal (a keeper or any validator).
    Execute,
    /// Deposit into the pool.
    Deposit,
    /// Withdraw from the pool.
    Withdraw,
    /// File an insurance claim (members).
    FileClaim,
    /// Fund the insurance reserve (anyone).
    Fund,
    /// Settle ready deposits or expire claims (anyone).
    Maintain,
    /// Propose a mandate (a keeper or an ADMIN).
    MandatePropose,
    /// Approve or reject a mandate (any validator).
    MandateVote,
    /// Revoke a mandate (LEAD or ADMIN).
    MandateRevoke,
    /// Close a finished mandate (anyone).
    MandateClose,
}

impl Action {
    /// The least validator role the action needs, if it needs one.
    pub fn min_role(self) -> Option<Role> {
        match self {
            Action::Manage => Some(Role::Admin),
            Action::TradeVote | Action::MandateVote => Some(Role::Junior),
            Action::ClaimVote => Some(Role::Senior),
            Action::MandateRevoke => Some(Role::Lead),
            _ => None,
        }
    }

    /// The action in words, for "only ... may <what>".
    fn what(self) -> &'static str {
        match self {
            Action::Init => "create a pool",
            Action::Manage => "manage validators, keepers, products and the configuration",
            Action::TradeVote => "vote on trade proposals",
            Action::ClaimVote => "vote on insurance claims",
            Action::Execute => "execute approved proposals",
            Action::Deposit => "deposit",
            Action::Withdraw => "withdraw",
            Action::FileClaim => "file insurance claims",
            Action::Fund => "fund the insurance reserve",
            Action::Maintain => "settle deposits and expire claims",
            Action::MandatePropose => "propose mandates",
            Action::MandateVote => "vote on mandates",
            Action::MandateRevoke => "revoke mandates",
            Action::MandateClose => "close finished mandates",
        }
    }
}

/// A role as the tool prints it.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Junior => "JUNIOR",
        Role::Senior => "SENIOR",
        Role::Lead => "LEAD",
        Role::Admin => "ADMIN",
    }
}

/// What the sentences may mention.
pub struct Facts<'a> {
    /// What the command tried.
    pub action: Action,
    /// Who signed.
    pub signer: Pubkey,
    /// The pool acted on, when the command has one.
    pub pool: Option<&'a PoolInfo>,
    /// The signer's validator role in that pool, if any.
    pub role: Option<Role>,
}

impl Facts<'_> {
    fn amount(&self, base: impl Fn(&PoolInfo) -> u64) -> Option<String> {
        self.pool.map(|p| p.unit.show(base(p)))
    }

    fn symbol(&self) -> &str {
        self.pool
            .map_or("the pool's token", |p| p.unit.symbol.as_str())
    }
}

/// Sentences that need no facts, keyed by error name.
const SENTENCES: &[(&str, &str)] = &[
    (
        "MathOverflow",
        "The amounts involved overflow the program's arithmetic. Use a smaller amount.",
    ),
    (
        "ZeroAmount",
        "The amount is zero, or rounds to zero at the current share value. Ask for a larger amount.",
    ),
    (
        "ZeroShares",
        "This deposit is too small to mint a single share at the current share value. Deposit more.",
    ),
    (
        "SlippageSharesOut",
        "The share value moved: the deposit would mint fewer shares than your minimum. Retry, or allow more with --slippage-bps or a lower --min-shares.",
    ),
    (
        "SlippageAmountOut",
        "The share value moved: the withdrawal would pay less than your minimum. Retry, or allow more with --slippage-bps or a lower --min-amount.",
    ),
    (
        "InsufficientShares",
        "You do not hold that many shares. See `poolbot member status`, and withdraw at most your shares (or use --all).",
    ),
    (
        "InvalidBps",
        "Basis points must be between 0 and 10000 (10000 = 100%). Pass a value in that range.",
    ),
    (
        "InvalidName",
        "A name must be 1 to 32 bytes long. Pass a shorter, non-empty --name.",
    ),
    (
        "TextTooLong",
        "The reason is longer than 200 bytes. Shorten it.",
    ),
    (
        "InvalidMaxMembers",
        "Max members must be at least 1. Fix --max-members and retry.",
    ),
    (
        "MaxMembersBelowActive",
        "Max members cannot go below the number of active members. Choose a value at least `poolbot overview` shows as active.",
    ),
    (
        "InvalidMinContribution",
        "The minimum contribution must be above 0 base units. Fix --min-contribution and retry.",
    ),
    (
        "InvalidProposalTtl",
        "A proposal lifetime must be between 1 second and 7 days. Fix --proposal-ttl and retry.",
    ),
    (
        "InvalidClaimTtl",
        "A claim lifetime must be between 1 second and 90 days. Fix --claim-ttl and retry.",
    ),
    (
        "InvalidTimeLock",
        "The time lock must be between 0 and 90 days. Fix --time-lock and retry.",
    ),
    (
        "InvalidMaxTradeAmount",
        "A product's max trade amount must be above 0. Fix --max-trade and retry.",
    ),
    (
        "InvalidFlag",
        "A stored flag is neither 0 nor 1: the account is corrupt. Report it.",
    ),
    (
        "PoolPaused",
        "The pool is paused: deposits, proposals and executions are blocked (withdrawals still work). An ADMIN can resume it with `poolbot config --resume`.",
    ),
    (
        "WrongPool",
        "An account passed belongs to a different pool. Check --pool (or --creator and --mint).",
    ),
    (
        "WrongVault",
        "The vault passed is not the pool's vault. Check --pool; this tool derives the vault from the pool account.",
    ),
    (
        "WrongProduct",
        "The product passed is not the proposal's product. Use the product stored in the proposal (`poolbot proposals show <ID>`).",
    ),
    (
        "WrongTokenOwner",
        "The token account is not owned by the claimant. Pass the claimant's own token account with --claimant-token.",
    ),
    (
        "WrongRentReceiver",
        "Rent must go back to the account that paid it (the proposer or the claimant).",
    ),
    (
        "DuplicateValidator",
        "That wallet is already a validator. Change its role with `poolbot validators role <PUBKEY> <ROLE>` instead.",
    ),
    (
        "DuplicateKeeper",
        "That wallet is already a keeper of this pool. Nothing to do.",
    ),
    (
        "ValidatorSetFull",
        "The validator set is full (32 validators). Remove one first with `poolbot validators remove <PUBKEY>`.",
    ),
    (
        "KeeperListFull",
        "The keeper list is full (16 keepers). Remove one first with `poolbot keepers remove <PUBKEY>`.",
    ),
    (
        "KeeperNotFound",
        "That wallet is not a keeper of this pool. See `poolbot keepers list`.",
    ),
    (
        "InvalidRole",
        "Unknown validator role. Use junior, senior, lead or admin.",
    ),
    (
        "InvalidQuorum",
        "The quorum must be between 1 and the number of SENIOR, LEAD and ADMIN validators (they decide claims). Add validators first, or lower the quorum with `poolbot config --quorum <N>`.",
    ),
    (
        "LastAdmin",
        "At least one ADMIN must remain. Make another validator ADMIN first with `poolbot validators role <PUBKEY> admin`.",
    ),
    (
        "ProductDisabled",
        "The product is disabled, so its trades can be neither proposed nor executed. An ADMIN can enable it with `poolbot products enable <ID>`.",
    ),
    (
        "ProductStateUnchanged",
        "The product is already in that state. Nothing to do.",
    ),
    (
        "InvalidLegRule",
        "A leg rule needs a 1 to 8 byte discriminator and different source and destination accounts. Fix the --rule.",
    ),
    (
        "TooManyLegRules",
        "A product declares 1 to 4 leg rules. Pass between one and four --rule.",
    ),
    (
        "TooManyMarkets",
        "A product may list at most 16 markets, each once. Pass fewer --market, without repeats.",
    ),
    (
        "LegNotAllowed",
        "A leg of the route calls an instruction none of the product's leg rules allows (a token transfer or approval, say). Propose a route within the product's rules (`poolbot products list`).",
    ),
    (
        "LegAccountNotPoolOwned",
        "A leg of the route spends from or pays into a token account the pool does not own. Every swap must pay into the pool's own accounts; reject this proposal.",
    ),
    (
        "MarketNotAllowed",
        "A leg trades on a market the product does not list. Propose a route over the product's markets (`poolbot products list`).",
    ),
    (
        "RouteSpentTooMuch",
        "The route would take more from the vault than the approved amount in, so nothing moved. Reject this proposal.",
    ),
    (
        "RouteDrainedPoolAccount",
        "The route would leave one of the pool's token accounts with less, another owner, a delegate or a close authority, so nothing moved. Reject this proposal.",
    ),
    (
        "ClaimCooldown",
        "Your last claim was denied or expired: you may file again once the pool's claim time has passed since. See `poolbot member status`.",
    ),
    (
        "MandateMarkets",
        "A mandate lists 1 to 8 markets, each once. Fix the market list and propose again.",
    ),
    (
        "MandateMarketNotAllowed",
        "A market of the mandate is not on its product's market list. Propose only markets the product lists (see `poolbot products list`).",
    ),
    (
        "MandateBudget",
        "A mandate's budget needs a period of a minute to 30 days, at least one trade per period, and a notional per period at least its largest trade. Fix the budget and propose again.",
    ),
    (
        "MandateDuration",
        "A mandate stands from 1 second to 30 days. Choose a shorter duration.",
    ),
    (
        "MandateMinProfitTooLow",
        "The mandate's minimum profit is below its product's minimum profit. Raise it.",
    ),
    (
        "MandateNotPending",
        "The mandate is no longer open for votes. See where it stands with `poolbot mandates show <ID>`.",
    ),
    (
        "MandateNotApproved",
        "The mandate is not approved yet: no trade can run under it. Wait for the validators' votes.",
    ),
    (
        "MandateNotYetActive",
        "The mandate is approved but waits out the pool's time lock before its first use. Try again after the time shown by `poolbot mandates show <ID>`.",
    ),
    (
        "MandateExpired",
        "The mandate's vote window or lifetime has ended. Propose a new mandate.",
    ),
    (
        "MandateStale",
        "The validators, the quorum or the pool's terms changed since the mandate was proposed, so it can no longer be used. Propose it again.",
    ),
    (
        "MandateRevoked",
        "A LEAD or ADMIN revoked this mandate: no trade can run under it. Propose a new one if needed.",
    ),
    (
        "MandateNotRevocable",
        "Only a pending or approved mandate can be revoked; this one is already rejected or revoked. Close it with `poolbot mandates close <ID>`.",
    ),
    (
        "MandateNotFinished",
        "The mandate can still be voted on or used, so it cannot be closed yet. Wait until it expires, or have a LEAD or ADMIN revoke it with `poolbot mandates revoke <ID>`.",
    ),
    (
        "MandateAmountTooLarge",
        "The trade is larger than the mandate allows per trade. Trade at most the mandate's max amount in.",
    ),
    (
        "MandateBudgetExceeded",
        "The mandate's budget for this period (trades or notional) is spent. Wait for the next period or propose the trade for a vote.",
    ),
    (
        "MandateRouteNotClosed",
        "A mandate's route must spend from the pool's vault first and pay back into it last. Build a route that returns to the pool's asset.",
    ),
    (
        "ChangeNotDue",
        "The change is still waiting out the pool's time lock. See when it applies with `poolbot changes list`.",
    ),
    (
        "TimeLockLowered",
        "Lowering the time lock waits out the current one: `poolbot config --time-lock` queues it as a change.",
    ),
    (
        "TooManyPrograms",
        "A product may allow at most 8 programs. Pass fewer --program.",
    ),
    (
        "ProgramNotAllowed",
        "The route calls a program its product does not allow. Register a product that allows it, or propose a route within the product.",
    ),
    (
        "TradeTooLarge",
        "The trade is larger than its product's maximum trade size. Propose a smaller amount.",
    ),
    (
        "TradeExceedsPool",
        "The trade puts in more than the pool holds. Propose a smaller amount.",
    ),
    (
        "InvalidMinProfit",
        "The minimum profit must be at least the product's floor and at most the expected profit. Adjust the proposal's terms.",
    ),
    (
        "InvalidRouteLength",
        "A route has 1 to 4 legs.",
    ),
    (
        "RouteLegTooLarge",
        "A route leg has too many accounts or too much data (at most 16 accounts, 64 bytes; 1600 bytes in all).",
    ),
    (
        "RouteMismatch",
        "The route does not match the approved route. Execute with the route stored in the proposal (this tool does).",
    ),
    (
        "ProposalInRoute",
        "A route leg may not pass the proposal account.",
    ),
    (
        "RouteSignerNotAllowed",
        "Only the pool PDA may sign a route leg.",
    ),
    (
        "RouteAccountMissing",
        "An account the stored route names was not supplied. Execute with the route stored in the proposal (this tool does).",
    ),
    (
        "RouteSelfInvocation",
        "A route may not call the Pool Bot program itself, and a product may not allow it. Remove it from the programs.",
    ),
    (
        "ProposalNotPending",
        "The proposal is no longer pending (already approved, rejected, executed or expired), so votes are closed. See `poolbot proposals show <ID>`.",
    ),
    (
        "ProposalNotApproved",
        "The proposal has not reached its quorum, so it cannot be executed. See its votes with `poolbot proposals show <ID>`.",
    ),
    (
        "ProposalExpired",
        "The proposal has expired: it can no longer be approved or executed. The keeper must propose the trade again.",
    ),
    (
        "ProposalStale",
        "The proposal is stale: validators, roles or the quorum changed after it was made, so its votes no longer count. The keeper must propose the trade again.",
    ),
    (
        "ProposalStillLive",
        "The proposal is still live (neither expired nor stale), so it cannot be marked expired yet.",
    ),
    (
        "ProposalNotFinished",
        "The proposal is not finished (executed, rejected or expired), so it cannot be closed yet.",
    ),
    (
        "ProposalFinished",
        "The proposal is already finished (executed, rejected or expired). Nothing to do.",
    ),
    (
        "AlreadyVoted",
        "You have already voted on this; each validator votes once.",
    ),
    (
        "ProfitBelowMinimum",
        "Executing now would gain less than the approved minimum profit (prices moved), so nothing moved. Let the proposal expire; the keeper can propose a fresh route.",
    ),
    (
        "VaultAuthorityChanged",
        "The route would change the vault's owner, delegate or close authority, so nothing moved. Reject this proposal.",
    ),
    (
        "ClaimExceedsReserve",
        "The claim is larger than the insurance reserve holds beyond the claims already pending. Claim at most the reserve balance less pending claims, both shown by `poolbot insurance status`.",
    ),
    (
        "UnknownProposal",
        "The claim names a trade proposal this pool never issued. Check the id with `poolbot proposals list`, or file the claim without --proposal.",
    ),
    (
        "ClaimNotPending",
        "The claim is already decided (paid or denied), so votes are closed. See `poolbot insurance status`.",
    ),
    (
        "ClaimNotFinished",
        "The claim is not decided yet, so it cannot be closed.",
    ),
    (
        "ProposalsLive",
        "A trade proposal is live, so a deposit cannot buy shares at once (it would share in that trade's profit). `poolbot member deposit` queues it instead; retry it.",
    ),
    (
        "DepositsAwaitingSettlement",
        "A queued deposit is ready and must become shares before any trade executes. Settle it first with `poolbot member settle` (keepers do this), then retry.",
    ),
    (
        "WrongDepositRequest",
        "Queued deposits are settled oldest first, each with the next one named. Use `poolbot member settle`, which passes them in order.",
    ),
    (
        "DepositNotReady",
        "The queued deposit is not ready: a proposal that was live when it was made may still execute. Wait until its ready time (`poolbot member status`).",
    ),
    (
        "BooksOutOfBalance",
        "The pool's books would not balance after this; nothing moved. Report this to the pool's ADMIN.",
    ),
    (
        "WithdrawalLeavesDust",
        "What would remain is worth less than the pool's minimum contribution. Withdraw everything with --all, or leave at least the minimum.",
    ),
    (
        "ClaimAlreadyOpen",
        "You already have a claim awaiting a decision; one at a time. Wait for it to be decided or to expire (`poolbot insurance status`).",
    ),
    (
        "ClaimExceedsStake",
        "A claim may ask at most your capital at stake: what you deposited less what you withdrew and claims already paid. Claim at most that (`poolbot member status`).",
    ),
    (
        "ClaimantCannotVote",
        "You filed this claim, so you may not vote on it. Other SENIOR, LEAD or ADMIN validators decide it.",
    ),
    (
        "ClaimExpired",
        "The claim has expired undecided, so votes are closed. Anyone can mark it expired with `poolbot insurance expire <ID>`; the claimant may file again.",
    ),
    (
        "ClaimStillOpen",
        "The claim is still open for votes; it can be marked expired only after its expiry time.",
    ),
    (
        "MintTransferFee",
        "This mint charges transfer fees: the vault would receive less than members are credited. Create the pool for a mint without the transfer-fee extension.",
    ),
    (
        "MintTransferHook",
        "This mint has a transfer hook: its program could block every withdrawal. Use a mint without a transfer hook.",
    ),
    (
        "MintPermanentDelegate",
        "This mint has a permanent delegate who could move the vault's tokens. Use a mint without one.",
    ),
    (
        "MintPausable",
        "This mint is pausable: its issuer could freeze every withdrawal. Use a mint without the pausable extension.",
    ),
    (
        "MintNonTransferable",
        "This mint's tokens cannot be transferred, so members could not deposit or withdraw. Use a transferable mint.",
    ),
    (
        "MintDefaultAccountState",
        "This mint sets a default account state (new accounts may start frozen). Use a mint without that extension.",
    ),
    (
        "MintConfidentialTransfers",
        "This mint has confidential transfers: balances could move where the pool cannot see them. Use a mint without them.",
    ),
    (
        "MintExtensionNotSupported",
        "This mint has a Token-2022 extension the pool does not support (the program log names it). Use a plain SPL Token or Token-2022 mint.",
    ),
];

/// The sentence for program error `name`, if it is one of Pool Bot's.
pub fn explain(name: &str, f: &Facts) -> Option<String> {
    let me = f.signer;
    let sentence = match name {
        "BelowMinContribution" => match f.amount(|p| p.state.min_contribution) {
            Some(min) => {
                format!("Deposit is below the pool minimum of {min}. Deposit at least {min}.")
            }
            None => "Deposit is below the pool's minimum contribution. Deposit at least the \
                     minimum shown by `poolbot config`."
                .into(),
        },
        "PoolFull" => format!(
            "The pool already has its maximum of {} active members. An ADMIN can raise it \
             with `poolbot config --max-members <N>`.",
            f.pool
                .map_or("allowed".to_string(), |p| p.state.max_members.to_string())
        ),
        "WrongMint" => format!(
            "The token account holds another token than the pool's {}. Pass an account of \
             the pool's mint with --token-account.",
            f.symbol()
        ),
        "NotValidator" => {
            let with_role = match f.action.min_role() {
                Some(role) if role > Role::Junior => {
                    format!(" with role {} or higher", role_name(role))
                }
                _ => String::new(),
            };
            format!(
                "{me} is not a validator of this pool: only validators{with_role} may {}. An \
                 ADMIN can add you with `poolbot validators add {me} --role <ROLE>`.",
                f.action.what()
            )
        }
        "InsufficientRole" => {
            let needed = f
                .action
                .min_role()
                .map_or("a higher role".to_string(), |r| {
                    format!("role {} or higher", role_name(r))
                });
            let current = f.role.map_or(String::new(), |r| {
                format!("Your role is {}; ", role_name(r))
            });
            format!(
                "{current}only validators with {needed} may {}. An ADMIN can change your role \
                 with `poolbot validators role {me} <ROLE>`.",
                f.action.what()
            )
        }
        "NotKeeper" => format!(
            "{me} is not a keeper of this pool: only keepers propose trades, and only keepers \
             or validators may {}. An ADMIN can authorise you with `poolbot keepers add {me}`.",
            Action::Execute.what()
        ),
        "NotKeeperOrAdmin" => format!(
            "{me} is neither a keeper nor an ADMIN of this pool: only keepers and ADMINs may \
             {}. An ADMIN can authorise you with `poolbot keepers add {me}`.",
            Action::MandatePropose.what()
        ),
        "NotMember" => format!(
            "{me} is not a member of this pool. Deposit first with `poolbot member deposit \
             --amount <AMOUNT>`."
        ),
        _ => {
            return SENTENCES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| s.to_string())
        }
    };
    Some(sentence)
}

/// A failed send as the sentence for the person.
pub fn translate(error: ChainError, f: &Facts) -> CliError {
    match error {
        ChainError::Program(e) => CliError::Refused(explain(&e.name, f).unwrap_or_else(|| {
            let account = e
                .account
                .map_or(String::new(), |a| format!(" (account `{a}`)"));
            format!("The program refused: {}{account} [{}].", e.message, e.name)
        })),
        ChainError::Transaction { error, logs } => {
            let me = f.signer;
            if error.contains("InsufficientFundsForFee") || error.contains("AccountNotFound") {
                CliError::State(format!(
                    "Your wallet {me} has no SOL to pay the transaction fee. Fund it (e.g. `solana airdrop 1` on devnet or localnet) and retry."
                ))
            } else if logs.iter().any(|l| l.contains("insufficient lamports")) {
                CliError::State(format!(
                    "Your wallet {me} does not hold enough SOL for the new account's rent and the fee. Fund it and retry."
                ))
            } else {
                CliError::Transaction(error)
            }
        }
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant name in the program's `PoolError`, read from its source.
    fn pool_error_names() -> Vec<String> {
        let source = include_str!("../../../programs/pool_bot/src/errors.rs");
        let mut names = Vec::new();
        let mut after_msg = false;
        for line in source.lines().map(str::trim) {
            if line.starts_with("#[msg(") {
                after_msg = true;
            } else if after_msg {
                names.push(line.trim_end_matches(',').to_string());
                after_msg = false;
            }
        }
        names
    }

    #[test]
    fn every_pool_error_has_a_sentence() {
        let facts = Facts {
            action: Action::Manage,
            signer: Pubkey::new_unique(),
            pool: None,
            role: Some(Role::Junior),
        };
        let names = pool_error_names();
        assert!(names.len() > 50, "parsed {} names", names.len());
        for name in &names {
            let sentence =
                explain(name, &facts).unwrap_or_else(|| panic!("no sentence for {name}"));
            assert!(sentence.ends_with('.'), "{name}: {sentence}");
        }
        assert!(explain("AccountNotInitialized", &facts).is_none());
    }

    #[test]
    fn role_errors_say_who_may_and_how() {
        let signer = Pubkey::new_unique();
        let facts = Facts {
            action: Action::ClaimVote,
            signer,
            pool: None,
            role: Some(Role::Junior),
        };
        let text = explain("InsufficientRole", &facts).unwrap();
        assert!(text.starts_with("Your role is JUNIOR; only validators with role SENIOR or higher may vote on insurance claims."), "{text}");
        assert!(text.contains(&format!("poolbot validators role {signer} <ROLE>")));
        let text = explain(
            "NotValidator",
            &Facts {
                role: None,
                ..facts
            },
        )
        .unwrap();
        assert!(
            text.contains(
                "only validators with role SENIOR or higher may vote on insurance claims"
            ),
            "{text}"
        );
    }

    #[test]
    fn unknown_names_fall_back_to_the_program_message() {
        let facts = Facts {
            action: Action::Deposit,
            signer: Pubkey::new_unique(),
            pool: None,
            role: None,
        };
        let error = ChainError::Program(pool_bot_client::errors::ProgramError {
            name: "AccountNotInitialized".into(),
            code: 3012,
            message: "The program expected this account to be already initialized".into(),
            account: Some("position".into()),
        });
        assert_eq!(
            translate(error, &facts).to_string(),
            "The program refused: The program expected this account to be already initialized (account `position`) [AccountNotInitialized]."
        );
    }
}
