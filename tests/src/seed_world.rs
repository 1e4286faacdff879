//! The seed document's pool (crates/seed's `SeedPool`: an admin, validators LEAD, SENIOR,
//! SENIOR, a keeper, an arbitrage product over the local AMM, two AMM pools at different prices,
//! and three members who deposit 1000 / 5000 / 2500 USDC) on the LiteSVM harness, with what the
//! refusal tests need: raw transaction results and the accounts a refusal must not touch.
use crate::{TestSvm, TxResult};
use client::amm::AmmAddresses;
use client::instructions::{self as ix, TradeTerms};
use client::{Instruction, Pubkey};
use litesvm::types::TransactionMetadata;
use pool_bot::instructions::*;
use pool_bot::route::RouteLeg;
use pool_bot::state::*;
use pool_bot_client as client;
use pool_bot_seed::world::SeedPool;
use pool_bot_seed::Keys;
use solana_keypair::Keypair;
use solana_signer::Signer;

pub use pool_bot_seed::world::{Member, Proposed};
pub use pool_bot_seed::{AMM_FEE_BPS, DEPOSITS, SOL, USDC};

/// The tag of the seed pool's keypair sequence (fixed: same PDAs and compute units every run).
const SEED_KEYS: u64 = 0x5eed;

/// The seed pool on an in-process chain.
pub struct SeedWorld {
    /// The chain.
    pub chain: TestSvm,
    /// The pool's actors and addresses (the harness's payer is the mints' authority, so
    /// `chain.mint_to` works on them).
    pub seed: SeedPool,
}

impl SeedWorld {
    /// Pool, validators (quorum 2 with a lead), keeper, product and AMM pools; no members yet.
    pub fn new() -> SeedWorld {
        let mut chain = TestSvm::new();
        let payer = chain.payer.insecure_clone();
        let seed = SeedPool::build_paid_by(&mut chain.embedded, Keys::fixed(SEED_KEYS), payer)
            .unwrap_or_else(|e| panic!("building the seed pool: {e}"));
        SeedWorld { chain, seed }
    }

    /// A new member wallet holding `usdc` USDC.
    pub fn new_member(&mut self, usdc: u64) -> Member {
        self.seed
            .new_member(&mut self.chain.embedded, usdc)
            .unwrap_or_else(|e| panic!("a new member: {e}"))
    }

    /// The deposit instruction for `member`.
    pub fn deposit_ix(&self, member: &Member, amount: u64, min_shares_out: u64) -> Instruction {
        self.seed.deposit_ix(member, amount, min_shares_out)
    }

    /// The three seed members deposit 1000 / 5000 / 2500 USDC.
    pub fn join_members(&mut self) {
        self.seed
            .join_members(&mut self.chain.embedded)
            .unwrap_or_else(|e| panic!("the members' deposits: {e}"));
    }

    /// Reserves (usdc, sol) of an AMM pool.
    pub fn reserves(&self, a: &AmmAddresses) -> (u64, u64) {
        (
            self.chain.balance(&a.vault_a),
            self.chain.balance(&a.vault_b),
        )
    }

    /// The two-leg arbitrage for `amount_in` USDC base units at current reserves and its gain.
    pub fn arbitrage_route(&self, amount_in: u64) -> (Vec<RouteLeg>, i128) {
        self.seed
            .arbitrage_route(&self.chain.embedded, amount_in)
            .unwrap_or_else(|e| panic!("the arbitrage route: {e}"))
    }

    /// Next proposal id.
    pub fn next_proposal_id(&self) -> u64 {
        self.pool_state().next_proposal_id
    }

    /// The keeper's `propose_trade` instruction for `legs` with `terms`, as proposal `id`.
    pub fn propose_ix(
        &self,
        legs: &[RouteLeg],
        terms: TradeTerms,
        id: u64,
    ) -> (Instruction, Proposed) {
        self.seed.propose_ix(legs, terms, id)
    }

    /// The keeper proposes the arbitrage for `amount_in` with `min_profit` 90% of the expected gain.
    pub fn propose_arbitrage(&mut self, amount_in: u64) -> (Proposed, TransactionMetadata) {
        let (legs, gain) = self.arbitrage_route(amount_in);
        assert!(gain > 0, "no arbitrage at these reserves");
        let expected_profit = gain as u64;
        let terms = TradeTerms {
            amount_in,
            expected_profit,
            min_profit: expected_profit * 9 / 10,
        };
        let (instruction, proposed) = self.propose_ix(&legs, terms, self.next_proposal_id());
        let meta = self.chain.send_ok(&[instruction], &[&self.seed.keeper]);
        (proposed, meta)
    }

    /// Validator `index` (0 = LEAD, 1 and 2 = SENIOR; `None` = the admin) votes.
    pub fn vote(&mut self, proposal: &Proposed, who: Option<usize>, approve: bool) -> TxResult {
        let instruction = self.seed.vote_ix(proposal, who, approve);
        self.chain.send(&[instruction], &[self.seed.voter(who)])
    }

    /// The keypair of validator `who` (`None` = the admin).
    pub fn voter(&self, who: Option<usize>) -> Keypair {
        self.seed.voter(who).insecure_clone()
    }

    /// The seed's mandate terms (the two USDC/SOL pools, 5,000 USDC a trade).
    pub fn mandate_terms(&self) -> MandateTerms {
        self.seed.mandate_terms()
    }

    /// The keeper proposes `terms`; returns the mandate's address.
    pub fn propose_mandate(&mut self, terms: MandateTerms) -> Pubkey {
        self.seed
            .propose_mandate(&mut self.chain.embedded, terms)
            .unwrap_or_else(|e| panic!("proposing a mandate: {e}"))
    }

    /// The LEAD and a SENIOR approve `mandate`.
    pub fn approve_mandate(&mut self, mandate: Pubkey) {
        self.seed
            .approve_mandate(&mut self.chain.embedded, mandate)
            .unwrap_or_else(|e| panic!("approving a mandate: {e}"))
    }

    /// The seed's mandate, proposed and approved (active at once: no time lock).
    pub fn active_mandate(&mut self) -> Pubkey {
        let mandate = self.propose_mandate(self.mandate_terms());
        self.approve_mandate(mandate);
        mandate
    }

    /// The keeper's `execute_mandate` of the arbitrage route for `amount_in`.
    pub fn execute_mandate_ix(&self, mandate: Pubkey, amount_in: u64) -> Instruction {
        self.seed
            .execute_mandate_ix(&self.chain.embedded, mandate, amount_in)
            .unwrap_or_else(|e| panic!("the mandate execution: {e}"))
    }

    /// A mandate's state.
    pub fn mandate(&self, mandate: &Pubkey) -> Mandate {
        self.chain.zero_copy(mandate)
    }

    /// The keeper's `execute_and_distribute` instruction.
    pub fn execute_ix(&self, proposal: &Proposed) -> Instruction {
        self.seed.execute_ix(proposal)
    }

    /// The keeper executes.
    pub fn execute(&mut self, proposal: &Proposed) -> TxResult {
        let instruction = self.execute_ix(proposal);
        self.chain.send(&[instruction], &[&self.seed.keeper])
    }

    /// Every account of the pool, its members, products and markets: what a refused
    /// transaction must leave untouched.
    pub fn watched(&self) -> Vec<Pubkey> {
        let p = &self.seed.pool;
        let mut keys = vec![
            p.pool,
            p.vault,
            p.validator_set,
            p.insurance,
            p.insurance_vault,
            self.seed.product,
            self.seed.pool_sol,
        ];
        keys.extend([
            self.seed.cheap.vault_a,
            self.seed.cheap.vault_b,
            self.seed.dear.vault_a,
            self.seed.dear.vault_b,
        ]);
        let next = self.pool_state();
        keys.extend((0..next.next_proposal_id + 1).map(|id| p.proposal(id)));
        keys.extend((0..next.next_claim_id + 1).map(|id| p.claim(id)));
        keys.extend((0..next.next_product_id + 1).map(|id| p.product(id)));
        keys.extend((0..next.next_mandate_id + 1).map(|id| p.mandate(id)));
        for m in &self.seed.members {
            keys.extend([p.member(&m.wallet.pubkey()), m.usdc]);
        }
        keys
    }

    /// Sends `instructions` signed by `signer`, asserts they fail with `expected` and that no
    /// watched account changed.
    pub fn refuse(
        &mut self,
        instructions: &[Instruction],
        signer: &Keypair,
        expected: impl Into<u32> + std::fmt::Debug + Copy,
    ) {
        let watched = self.watched();
        self.chain
            .assert_refused(instructions, &[signer], expected, &watched);
    }

    /// The ADMIN enables (a governance change, applied at once: the seed pool has no time
    /// lock) or disables the arbitrage product.
    pub fn set_product_enabled(&mut self, enabled: bool) {
        let admin = self.seed.admin.insecure_clone();
        let (p, product) = (self.seed.pool, self.seed.product);
        if enabled {
            let enable = GovernanceChange::EnableProduct { product };
            self.govern(enable);
        } else {
            let disable = ix::disable_product(&p, &admin.pubkey(), product);
            self.chain.send_ok(&[disable], &[&admin]);
        }
    }

    /// The ADMIN queues `change` and applies it in the same transaction (no time lock).
    pub fn govern(&mut self, change: GovernanceChange) {
        let admin = self.seed.admin.insecure_clone();
        let id = self.pool_state().next_change_id;
        let govern = ix::govern(&self.seed.pool, &admin.pubkey(), id, change);
        self.chain.send_ok(&govern, &[&admin]);
    }

    /// The ADMIN pauses or resumes the pool.
    pub fn set_paused(&mut self, paused: bool) {
        let admin = self.seed.admin.insecure_clone();
        let args = UpdateConfigArgs {
            paused: Some(paused),
            ..Default::default()
        };
        self.chain.send_ok(
            &[ix::update_config(&self.seed.pool, &admin.pubkey(), args)],
            &[&admin],
        );
    }

    /// The pool account.
    pub fn pool_state(&self) -> Pool {
        self.chain.zero_copy(&self.seed.pool.pool)
    }

    /// A member's position.
    pub fn position(&self, member: &Member) -> MemberPosition {
        self.chain
            .account(&self.seed.pool.member(&member.wallet.pubkey()))
    }

    /// The insurance reserve.
    pub fn reserve(&self) -> InsuranceReserve {
        self.chain.account(&self.seed.pool.insurance)
    }
}

impl Default for SeedWorld {
    fn default() -> Self {
        SeedWorld::new()
    }
}
