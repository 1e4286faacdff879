//! The seed document's story as one function over any chain: three members deposit, an
//! arbitrage is approved by quorum (a LEAD required) and executed through the two AMM pools,
//! 5% of the gain goes to the insurance reserve and the rest to the share value, a member
//! withdraws everything, one claim is paid and another denied, and finished accounts are
//! closed. It returns every figure it saw, so two backends can be compared number for number.
use crate::world::{SeedError, SeedPool};
use crate::{Keys, DEPOSITS, USDC};
use pool_bot::instructions::*;
use pool_bot::math::{assets_for_shares, VIRTUAL_SHARES};
use pool_bot::state::*;
use pool_bot_client::accounts;
use pool_bot_client::chain::Chain;
use pool_bot_client::instructions as ix;
use pool_bot_client::Pubkey;
use solana_signer::Signer;

/// The arbitrage's size: 5000 USDC.
pub const TRADE_SIZE: u64 = 5_000 * USDC;

/// Everything the story observed, in base units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFigures {
    /// Each member's shares after depositing.
    pub shares: [u64; 3],
    /// The vault after the deposits.
    pub vault_after_deposits: u64,
    /// The proposal's expected gain.
    pub expected_profit: u64,
    /// Status after the two SENIOR approvals (no LEAD yet).
    pub status_without_lead: ProposalStatus,
    /// Status after the LEAD approved too.
    pub status_with_lead: ProposalStatus,
    /// Whether the execution's logs show the AMM invoked by the pool program (a real CPI).
    pub amm_invoked_by_cpi: bool,
    /// Compute units `execute_and_distribute` consumed (both swaps included).
    pub execute_compute_units: u64,
    /// Realised gain recorded in the proposal.
    pub realised_profit: u64,
    /// The vault's increase from the trade (the members' part).
    pub vault_gain: u64,
    /// The insurance vault after the trade.
    pub insurance: u64,
    /// The pool's members' profit and total assets after the trade.
    pub member_profit: u64,
    /// Total assets after the trade.
    pub total_assets: u64,
    /// Pool counters: proposed, approved, executed.
    pub trades: (u64, u64, u64),
    /// Each member's value after the trade.
    pub member_values: [u64; 3],
    /// What the first member received for all its shares.
    pub withdrawn: u64,
    /// Active and withdrawn members afterwards.
    pub members_after_withdrawal: (u32, u32),
    /// The paid claim's amount, as received by the claimant.
    pub claim_paid: u64,
    /// The claimant's balance after the first approval alone.
    pub paid_after_one_approval: u64,
    /// Final statuses of the two claims.
    pub claim_statuses: (ClaimStatus, ClaimStatus),
    /// Reserve counters: filed, paid, denied, pending.
    pub claims: (u64, u64, u64, u64),
    /// The insurance vault at the end.
    pub insurance_at_end: u64,
    /// Whether closing the proposal returned its rent to the keeper.
    pub rent_returned: bool,
    /// The LEAD's trade approvals and claim votes.
    pub lead_record: (u32, u32),
}

/// Plays the story on `chain` with keypairs from `keys`.
pub fn run_story(chain: &mut dyn Chain, keys: Keys) -> Result<StoryFigures, SeedError> {
    let mut w = SeedPool::build(chain, keys)?;
    w.join_members(chain)?;
    let balance = |chain: &dyn Chain, key| accounts::load_balance(chain, key);
    let mut shares = [0; 3];
    for (slot, member) in shares.iter_mut().zip(&w.members) {
        *slot = w.position(chain, member)?.shares;
    }
    let vault_after_deposits = balance(chain, &w.pool.vault)?;

    let proposal = w.propose_arbitrage(chain, TRADE_SIZE)?;
    w.vote(chain, &proposal, Some(1), true)?;
    w.vote(chain, &proposal, Some(2), true)?;
    let load_proposal =
        |chain: &dyn Chain| accounts::load_zero_copy::<TradeProposal>(chain, &proposal.address);
    let status_without_lead = load_proposal(chain)?.status();
    w.vote(chain, &proposal, Some(0), true)?;
    let status_with_lead = load_proposal(chain)?.status();

    let receipt = w.execute(chain, &proposal)?;
    let cpi = format!("Program {} invoke [2]", local_amm::ID);
    let amm_invoked_by_cpi = receipt.logs.iter().any(|l| l.contains(&cpi));
    let execute_compute_units = receipt.compute_units;
    let executed = load_proposal(chain)?;
    let pool = w.pool_state(chain)?;
    let vault_gain = balance(chain, &w.pool.vault)? - vault_after_deposits;
    let insurance = balance(chain, &w.pool.insurance_vault)?;
    let (total_shares, total_assets) = (pool.total_shares, pool.total_assets);
    let mut member_values = [0; 3];
    for (slot, member) in member_values.iter_mut().zip(&w.members) {
        let position = w.position(chain, member)?;
        *slot = assets_for_shares(position.shares, total_shares, total_assets)
            .map_err(|_| SeedError::ShareMath)?;
    }

    // The first member withdraws everything.
    let first = &w.members[0];
    let all = w.position(chain, first)?.shares;
    chain.send(
        &[ix::withdraw(
            &w.pool,
            &first.wallet.pubkey(),
            first.usdc,
            WithdrawArgs {
                request: WithdrawRequest::Shares(all),
                min_amount_out: member_values[0],
            },
        )],
        &[&first.wallet],
    )?;
    let withdrawn = balance(chain, &first.usdc)?;
    let after = w.pool_state(chain)?;
    let members_after_withdrawal = (after.active_members, after.withdrawn_members);

    // A claim of half the reserve, approved by the LEAD and a SENIOR, is paid.
    let claimant = &w.members[1];
    let claim_amount = insurance / 2;
    chain.send(
        &[ix::file_claim(
            &w.pool,
            &claimant.wallet.pubkey(),
            0,
            FileClaimArgs {
                amount: claim_amount,
                reason: "slippage on trade 0".into(),
                proposal_id: Some(proposal.id),
            },
        )],
        &[&claimant.wallet],
    )?;
    let paid_key = w.pool.claim(0);
    let claimant_key = claimant.wallet.pubkey();
    let approve = |who| {
        let voter = w.voter(who).pubkey();
        ix::approve_claim(&w.pool, &voter, paid_key, &claimant_key, claimant.usdc)
    };
    chain.send(&[approve(Some(0))], &[w.voter(Some(0))])?;
    let paid_after_one_approval = balance(chain, &claimant.usdc)?;
    chain.send(&[approve(Some(1))], &[w.voter(Some(1))])?;
    let claim_paid = balance(chain, &claimant.usdc)?;

    // Another is denied once approval can no longer reach the quorum (3 of the 4 SENIOR+
    // voters reject: the LEAD and both SENIORs).
    let unlucky = &w.members[2];
    chain.send(
        &[ix::file_claim(
            &w.pool,
            &unlucky.wallet.pubkey(),
            1,
            FileClaimArgs {
                amount: claim_amount,
                reason: "felt unlucky".into(),
                proposal_id: None,
            },
        )],
        &[&unlucky.wallet],
    )?;
    let denied_key = w.pool.claim(1);
    let unlucky_key = unlucky.wallet.pubkey();
    for who in [Some(0), Some(1), Some(2)] {
        let voter = w.voter(who);
        let deny = ix::deny_claim(
            &w.pool,
            &voter.pubkey(),
            denied_key,
            &unlucky_key,
            "no loss shown",
        );
        chain.send(&[deny], &[voter])?;
    }
    let paid: Claim = accounts::load(chain, &paid_key)?;
    let denied: Claim = accounts::load(chain, &denied_key)?;
    let reserve = w.reserve(chain)?;

    // Finished accounts give their rent back.
    fn lamports(chain: &dyn Chain, key: &Pubkey) -> Result<u64, SeedError> {
        Ok(chain.account(key)?.map_or(0, |a| a.lamports))
    }
    let keeper = w.keeper.pubkey();
    let keeper_before = lamports(chain, &keeper)?;
    let close = ix::close_proposal(&w.pool, proposal.address, w.keeper.pubkey());
    chain.send(&[close], &[&w.payer])?;
    let rent_returned =
        lamports(chain, &keeper)? > keeper_before && lamports(chain, &proposal.address)? == 0;
    let close = ix::close_claim(&w.pool, denied_key, unlucky.wallet.pubkey());
    chain.send(&[close], &[&w.payer])?;

    let set: ValidatorSet = accounts::load_zero_copy(chain, &w.pool.validator_set)?;
    let lead_record = set
        .slot_of(&w.voter(Some(0)).pubkey())
        .map(|slot| set.validators()[slot])
        .map_or((0, 0), |e| (e.approvals, e.claim_votes));

    Ok(StoryFigures {
        shares,
        vault_after_deposits,
        expected_profit: proposal.terms.expected_profit,
        status_without_lead,
        status_with_lead,
        amm_invoked_by_cpi,
        execute_compute_units,
        realised_profit: executed.realised_profit,
        vault_gain,
        insurance,
        member_profit: pool.total_member_profit,
        total_assets,
        trades: (
            pool.trades_proposed,
            pool.trades_approved,
            pool.trades_executed,
        ),
        member_values,
        withdrawn,
        members_after_withdrawal,
        claim_paid,
        paid_after_one_approval,
        claim_statuses: (paid.status, denied.status),
        claims: (
            reserve.claims_filed,
            reserve.claims_paid,
            reserve.claims_denied,
            reserve.pending_claims,
        ),
        insurance_at_end: balance(chain, &w.pool.insurance_vault)?,
        rent_returned,
        lead_record,
    })
}

impl StoryFigures {
    /// What the seed document promises, checked against the figures; each broken promise is
    /// one line of the error.
    pub fn check(&self) -> Result<(), String> {
        let mut broken = Vec::new();
        let mut expect = |ok: bool, what: String| {
            if !ok {
                broken.push(what);
            }
        };
        let deposited: u64 = DEPOSITS.iter().sum::<u64>() * USDC;
        for (shares, usdc) in self.shares.iter().zip(DEPOSITS) {
            expect(
                *shares == usdc * USDC,
                format!("1 share = 1 unit: {usdc} USDC gave {shares}"),
            );
        }
        expect(
            self.vault_after_deposits == deposited,
            format!("vault {}", self.vault_after_deposits),
        );
        expect(
            self.expected_profit > 100 * USDC,
            format!("a 5% gap on 5000 USDC: {}", self.expected_profit),
        );
        expect(
            self.status_without_lead == ProposalStatus::Pending,
            "two SENIORs without a LEAD must not approve".into(),
        );
        expect(
            self.status_with_lead == ProposalStatus::Approved,
            "LEAD + SENIORs approve".into(),
        );
        expect(
            self.amm_invoked_by_cpi,
            "the AMM ran by CPI from the pool program".into(),
        );
        expect(
            self.execute_compute_units > 0,
            "the execution reported its compute units".into(),
        );
        let gain = self.realised_profit;
        expect(
            gain == self.expected_profit,
            format!("realised {gain} vs expected {}", self.expected_profit),
        );
        let insurance = gain * 500 / 10_000;
        expect(
            self.insurance == insurance,
            format!("5% to the reserve: {} vs {insurance}", self.insurance),
        );
        expect(
            self.vault_gain == gain - insurance,
            format!("members' part {}", self.vault_gain),
        );
        expect(
            self.member_profit == gain - insurance,
            format!("member profit {}", self.member_profit),
        );
        expect(
            self.total_assets == deposited + gain - insurance,
            format!("total assets {}", self.total_assets),
        );
        expect(
            self.trades == (1, 1, 1),
            format!("trades {:?}", self.trades),
        );
        let shares: u64 = self.shares.iter().sum();
        for (value, usdc) in self.member_values.iter().zip(DEPOSITS) {
            let pro_rata = usdc * USDC + self.member_profit * usdc / DEPOSITS.iter().sum::<u64>();
            let sliver = self.member_profit * VIRTUAL_SHARES / (shares + VIRTUAL_SHARES) + 1;
            expect(
                *value <= pro_rata && pro_rata - value <= sliver,
                format!("member {usdc}: value {value} vs pro rata {pro_rata}"),
            );
        }
        expect(
            self.withdrawn == self.member_values[0],
            format!("withdrawn {}", self.withdrawn),
        );
        expect(
            self.members_after_withdrawal == (2, 1),
            format!("members {:?}", self.members_after_withdrawal),
        );
        expect(
            self.paid_after_one_approval == 0,
            "one approval does not pay".into(),
        );
        expect(
            self.claim_paid == insurance / 2,
            format!("claim paid {}", self.claim_paid),
        );
        expect(
            self.claim_statuses == (ClaimStatus::Paid, ClaimStatus::Denied),
            format!("claims {:?}", self.claim_statuses),
        );
        expect(
            self.claims == (2, 1, 1, 0),
            format!("reserve counters {:?}", self.claims),
        );
        expect(
            self.insurance_at_end == insurance - insurance / 2,
            format!("reserve left {}", self.insurance_at_end),
        );
        expect(
            self.rent_returned,
            "closing the proposal returns its rent".into(),
        );
        expect(
            self.lead_record == (1, 2),
            format!("LEAD record {:?}", self.lead_record),
        );
        if broken.is_empty() {
            Ok(())
        } else {
            Err(broken.join("\n"))
        }
    }
}
