//! One builder per Pool Bot instruction. Account lists come from the program's own
//! `accounts::*` structs, data from its `instruction::*` structs.
use crate::pda::PoolAddresses;
use crate::route::PackedRoute;
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use pool_bot::state::{GovernanceChange, MandateTerms};
use pool_bot::{accounts as acc, instruction as ix, instructions::*};

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: pool_bot::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

fn with_remaining(mut instruction: Instruction, remaining: &[AccountMeta]) -> Instruction {
    instruction.accounts.extend_from_slice(remaining);
    instruction
}

/// `initialize_pool` by `creator` for `p.mint`.
pub fn initialize_pool(
    p: &PoolAddresses,
    creator: &Pubkey,
    args: InitializePoolArgs,
) -> Instruction {
    build(
        acc::InitializePool {
            creator: *creator,
            mint: p.mint,
            pool: p.pool,
            vault: p.vault,
            validator_set: p.validator_set,
            insurance: p.insurance,
            insurance_vault: p.insurance_vault,
            token_program: p.token_program,
            system_program: system_program::ID,
        },
        ix::InitializePool { args },
    )
}

/// `update_config` by an ADMIN.
pub fn update_config(p: &PoolAddresses, admin: &Pubkey, args: UpdateConfigArgs) -> Instruction {
    build(
        acc::UpdateConfig {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
        },
        ix::UpdateConfig { args },
    )
}

/// `queue_change` by an ADMIN, as change `id` (the pool's `next_change_id`).
pub fn queue_change(
    p: &PoolAddresses,
    admin: &Pubkey,
    id: u64,
    change: GovernanceChange,
) -> Instruction {
    build(
        acc::QueueChange {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
            change: p.change(id),
            system_program: system_program::ID,
        },
        ix::QueueChange {
            args: QueueChangeArgs { change },
        },
    )
}

/// `apply_change` of change `id` (doing `change`, queued by `proposer`), by anyone once due.
pub fn apply_change(
    p: &PoolAddresses,
    applier: &Pubkey,
    id: u64,
    proposer: &Pubkey,
    change: &GovernanceChange,
) -> Instruction {
    let product = match change {
        GovernanceChange::EnableProduct { product } => Some(*product),
        _ => None,
    };
    build(
        acc::ApplyChange {
            applier: *applier,
            pool: p.pool,
            validator_set: p.validator_set,
            change: p.change(id),
            proposer: *proposer,
            product,
        },
        ix::ApplyChange {},
    )
}

/// `cancel_change` of change `id` (queued by `proposer`), by an ADMIN.
pub fn cancel_change(p: &PoolAddresses, admin: &Pubkey, id: u64, proposer: &Pubkey) -> Instruction {
    build(
        acc::CancelChange {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
            change: p.change(id),
            proposer: *proposer,
        },
        ix::CancelChange {},
    )
}

/// Queues `change` as change `id` and applies it in the same transaction: what an ADMIN of a
/// pool without a time lock (a fixture) sends.
pub fn govern(
    p: &PoolAddresses,
    admin: &Pubkey,
    id: u64,
    change: GovernanceChange,
) -> [Instruction; 2] {
    let apply = apply_change(p, admin, id, admin, &change);
    [queue_change(p, admin, id, change), apply]
}

/// `remove_keeper` by an ADMIN (at once; open proposals go stale).
pub fn remove_keeper(p: &PoolAddresses, admin: &Pubkey, keeper: Pubkey) -> Instruction {
    build(
        acc::RemoveKeeper {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
        },
        ix::RemoveKeeper {
            args: KeeperArgs { keeper },
        },
    )
}

/// `register_product` by an ADMIN, at the pool's next product id `id`.
pub fn register_product(
    p: &PoolAddresses,
    admin: &Pubkey,
    id: u64,
    args: RegisterProductArgs,
) -> Instruction {
    build(
        acc::RegisterProduct {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
            product: p.product(id),
            system_program: system_program::ID,
        },
        ix::RegisterProduct { args },
    )
}

/// `disable_product` by an ADMIN (at once).
pub fn disable_product(p: &PoolAddresses, admin: &Pubkey, product: Pubkey) -> Instruction {
    build(
        acc::DisableProduct {
            admin: *admin,
            pool: p.pool,
            validator_set: p.validator_set,
            product,
        },
        ix::DisableProduct {},
    )
}

/// `fund_insurance` from `funder_token`.
pub fn fund_insurance(
    p: &PoolAddresses,
    funder: &Pubkey,
    funder_token: Pubkey,
    amount: u64,
) -> Instruction {
    build(
        acc::FundInsurance {
            funder: *funder,
            pool: p.pool,
            insurance: p.insurance,
            insurance_vault: p.insurance_vault,
            funder_token,
            mint: p.mint,
            token_program: p.token_program,
        },
        ix::FundInsurance {
            args: FundInsuranceArgs { amount },
        },
    )
}

/// `deposit` by `member` from `member_token`.
pub fn deposit(
    p: &PoolAddresses,
    member: &Pubkey,
    member_token: Pubkey,
    args: DepositArgs,
) -> Instruction {
    build(
        acc::Deposit {
            member: *member,
            pool: p.pool,
            position: p.member(member),
            member_token,
            vault: p.vault,
            mint: p.mint,
            token_program: p.token_program,
            system_program: system_program::ID,
        },
        ix::Deposit { args },
    )
}

/// `request_deposit` by `member` from `member_token`, as request `id` (the pool's
/// `next_deposit_id`).
pub fn request_deposit(
    p: &PoolAddresses,
    member: &Pubkey,
    member_token: Pubkey,
    id: u64,
    amount: u64,
) -> Instruction {
    build(
        acc::RequestDeposit {
            member: *member,
            pool: p.pool,
            position: p.member(member),
            request: p.deposit_request(id),
            member_token,
            vault: p.vault,
            mint: p.mint,
            token_program: p.token_program,
            system_program: system_program::ID,
        },
        ix::RequestDeposit {
            args: RequestDepositArgs { amount },
        },
    )
}

/// `settle_deposit` of request `id` (the queue's head) for `depositor`; `has_next` when a
/// later request exists (its `ready_at` becomes the queue's).
pub fn settle_deposit(
    p: &PoolAddresses,
    settler: &Pubkey,
    id: u64,
    depositor: &Pubkey,
    has_next: bool,
) -> Instruction {
    build(
        acc::SettleDeposit {
            settler: *settler,
            pool: p.pool,
            request: p.deposit_request(id),
            depositor: *depositor,
            position: p.member(depositor),
            next_request: has_next.then(|| p.deposit_request(id + 1)),
        },
        ix::SettleDeposit {},
    )
}

/// `withdraw` by `member` into `member_token`.
pub fn withdraw(
    p: &PoolAddresses,
    member: &Pubkey,
    member_token: Pubkey,
    args: WithdrawArgs,
) -> Instruction {
    build(
        acc::Withdraw {
            member: *member,
            pool: p.pool,
            position: p.member(member),
            member_token,
            vault: p.vault,
            mint: p.mint,
            token_program: p.token_program,
        },
        ix::Withdraw { args },
    )
}

/// Economics of a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TradeTerms {
    /// Vault amount the route puts in.
    pub amount_in: u64,
    /// Gain expected.
    pub expected_profit: u64,
    /// Least gain accepted.
    pub min_profit: u64,
}

/// `propose_trade` by `keeper` as proposal `id` under `product`.
pub fn propose_trade(
    p: &PoolAddresses,
    keeper: &Pubkey,
    product: Pubkey,
    id: u64,
    terms: TradeTerms,
    route: &PackedRoute,
) -> Instruction {
    let args = ProposeTradeArgs {
        amount_in: terms.amount_in,
        expected_profit: terms.expected_profit,
        min_profit: terms.min_profit,
        legs: route.legs.clone(),
    };
    with_remaining(
        build(
            acc::ProposeTrade {
                keeper: *keeper,
                pool: p.pool,
                validator_set: p.validator_set,
                product,
                proposal: p.proposal(id),
                system_program: system_program::ID,
            },
            ix::ProposeTrade { args },
        ),
        &route.remaining,
    )
}

fn vote_trade(p: &PoolAddresses, validator: &Pubkey, proposal: Pubkey) -> acc::VoteTrade {
    acc::VoteTrade {
        validator: *validator,
        pool: p.pool,
        validator_set: p.validator_set,
        proposal,
    }
}

/// `approve_trade` by a validator.
pub fn approve_trade(p: &PoolAddresses, validator: &Pubkey, proposal: Pubkey) -> Instruction {
    build(vote_trade(p, validator, proposal), ix::ApproveTrade {})
}

/// `reject_trade` by a validator, with a reason.
pub fn reject_trade(
    p: &PoolAddresses,
    validator: &Pubkey,
    proposal: Pubkey,
    reason: &str,
) -> Instruction {
    build(
        vote_trade(p, validator, proposal),
        ix::RejectTrade {
            args: RejectTradeArgs {
                reason: reason.to_string(),
            },
        },
    )
}

/// `expire_proposal`.
pub fn expire_proposal(p: &PoolAddresses, proposal: Pubkey) -> Instruction {
    build(
        acc::ExpireProposal {
            pool: p.pool,
            proposal,
        },
        ix::ExpireProposal {},
    )
}

/// `execute_and_distribute` by a keeper or validator; `route` must be the proposal's route.
pub fn execute_and_distribute(
    p: &PoolAddresses,
    executor: &Pubkey,
    proposal: Pubkey,
    product: Pubkey,
    route: &PackedRoute,
) -> Instruction {
    with_remaining(
        build(
            acc::ExecuteAndDistribute {
                executor: *executor,
                pool: p.pool,
                validator_set: p.validator_set,
                proposal,
                product,
                vault: p.vault,
                mint: p.mint,
                insurance: p.insurance,
                insurance_vault: p.insurance_vault,
                token_program: p.token_program,
            },
            ix::ExecuteAndDistribute {},
        ),
        &route.remaining,
    )
}

/// `propose_mandate` by a keeper or ADMIN as mandate `id` under `product`.
pub fn propose_mandate(
    p: &PoolAddresses,
    proposer: &Pubkey,
    product: Pubkey,
    id: u64,
    terms: MandateTerms,
) -> Instruction {
    build(
        acc::ProposeMandate {
            proposer: *proposer,
            pool: p.pool,
            validator_set: p.validator_set,
            product,
            mandate: p.mandate(id),
            system_program: system_program::ID,
        },
        ix::ProposeMandate {
            args: ProposeMandateArgs { terms },
        },
    )
}

fn vote_mandate(p: &PoolAddresses, validator: &Pubkey, mandate: Pubkey) -> acc::VoteMandate {
    acc::VoteMandate {
        validator: *validator,
        pool: p.pool,
        validator_set: p.validator_set,
        mandate,
    }
}

/// `approve_mandate` by a validator.
pub fn approve_mandate(p: &PoolAddresses, validator: &Pubkey, mandate: Pubkey) -> Instruction {
    build(vote_mandate(p, validator, mandate), ix::ApproveMandate {})
}

/// `reject_mandate` by a validator, with a reason.
pub fn reject_mandate(
    p: &PoolAddresses,
    validator: &Pubkey,
    mandate: Pubkey,
    reason: &str,
) -> Instruction {
    build(
        vote_mandate(p, validator, mandate),
        ix::RejectMandate {
            args: RejectMandateArgs {
                reason: reason.to_string(),
            },
        },
    )
}

/// `revoke_mandate` by a LEAD or ADMIN.
pub fn revoke_mandate(p: &PoolAddresses, validator: &Pubkey, mandate: Pubkey) -> Instruction {
    build(
        acc::RevokeMandate {
            validator: *validator,
            pool: p.pool,
            validator_set: p.validator_set,
            mandate,
        },
        ix::RevokeMandate {},
    )
}

/// `execute_mandate` by `keeper`: runs `route` for `amount_in` under `mandate` (of `product`),
/// accepting no less than `min_profit` (the mandate's own minimum applies when higher).
pub fn execute_mandate(
    p: &PoolAddresses,
    keeper: &Pubkey,
    mandate: Pubkey,
    product: Pubkey,
    amount_in: u64,
    min_profit: u64,
    route: &PackedRoute,
) -> Instruction {
    with_remaining(
        build(
            acc::ExecuteMandate {
                keeper: *keeper,
                pool: p.pool,
                validator_set: p.validator_set,
                mandate,
                product,
                vault: p.vault,
                mint: p.mint,
                insurance: p.insurance,
                insurance_vault: p.insurance_vault,
                token_program: p.token_program,
            },
            ix::ExecuteMandate {
                args: ExecuteMandateArgs {
                    amount_in,
                    min_profit,
                    legs: route.legs.clone(),
                },
            },
        ),
        &route.remaining,
    )
}

/// `close_mandate` of a finished mandate; the rent goes back to `proposer`.
pub fn close_mandate(p: &PoolAddresses, mandate: Pubkey, proposer: Pubkey) -> Instruction {
    build(
        acc::CloseMandate {
            pool: p.pool,
            mandate,
            proposer,
        },
        ix::CloseMandate {},
    )
}

/// `file_claim` by `claimant` as claim `id`.
pub fn file_claim(
    p: &PoolAddresses,
    claimant: &Pubkey,
    id: u64,
    args: FileClaimArgs,
) -> Instruction {
    build(
        acc::FileClaim {
            claimant: *claimant,
            pool: p.pool,
            position: p.member(claimant),
            insurance: p.insurance,
            insurance_vault: p.insurance_vault,
            claim: p.claim(id),
            system_program: system_program::ID,
        },
        ix::FileClaim { args },
    )
}

/// `approve_claim` by a SENIOR+ validator; pays `claimant_token` at quorum.
pub fn approve_claim(
    p: &PoolAddresses,
    validator: &Pubkey,
    claim: Pubkey,
    claimant: &Pubkey,
    claimant_token: Pubkey,
) -> Instruction {
    build(
        acc::ApproveClaim {
            validator: *validator,
            pool: p.pool,
            validator_set: p.validator_set,
            claim,
            position: p.member(claimant),
            insurance: p.insurance,
            insurance_vault: p.insurance_vault,
            claimant_token,
            mint: p.mint,
            token_program: p.token_program,
        },
        ix::ApproveClaim {},
    )
}

/// `deny_claim` by a SENIOR+ validator, with a reason.
pub fn deny_claim(
    p: &PoolAddresses,
    validator: &Pubkey,
    claim: Pubkey,
    claimant: &Pubkey,
    reason: &str,
) -> Instruction {
    build(
        acc::DenyClaim {
            validator: *validator,
            pool: p.pool,
            validator_set: p.validator_set,
            claim,
            position: p.member(claimant),
            insurance: p.insurance,
            insurance_vault: p.insurance_vault,
        },
        ix::DenyClaim {
            args: DenyClaimArgs {
                reason: reason.to_string(),
            },
        },
    )
}

/// `expire_claim` of `claimant`'s claim past its expiry.
pub fn expire_claim(p: &PoolAddresses, claim: Pubkey, claimant: &Pubkey) -> Instruction {
    build(
        acc::ExpireClaim {
            pool: p.pool,
            claim,
            insurance: p.insurance,
            position: p.member(claimant),
        },
        ix::ExpireClaim {},
    )
}

/// `close_proposal`, rent to `proposer`.
pub fn close_proposal(p: &PoolAddresses, proposal: Pubkey, proposer: Pubkey) -> Instruction {
    build(
        acc::CloseProposal {
            pool: p.pool,
            proposal,
            proposer,
        },
        ix::CloseProposal {},
    )
}

/// `close_claim`, rent to `claimant`.
pub fn close_claim(p: &PoolAddresses, claim: Pubkey, claimant: Pubkey) -> Instruction {
    build(
        acc::CloseClaim {
            pool: p.pool,
            claim,
            claimant,
        },
        ix::CloseClaim {},
    )
}
