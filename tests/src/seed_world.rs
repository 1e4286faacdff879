//! The seed document's pool, built by real transactions: an admin, validators LEAD, SENIOR,
//! SENIOR, a keeper, an arbitrage product over the local AMM, two AMM pools at different prices,
//! and three members who deposit 1000 / 5000 / 2500 USDC.
use crate::{Chain, TxResult};
use client::amm::{self, AmmAddresses};
use client::instructions::{self as ix, TradeTerms};
use client::pda::PoolAddresses;
use client::route::{pack, PackedRoute};
use client::{Instruction, Pubkey};
use litesvm::types::TransactionMetadata;
use litesvm_token::spl_token;
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::instructions::*;
use pool_bot::state::*;
use pool_bot_client as client;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// One USDC in base units (6 decimals).
pub const USDC: u64 = 1_000_000;
/// One unit of the traded token in base units (9 decimals).
pub const SOL: u64 = 1_000_000_000;
/// The seed's deposits, in USDC.
pub const DEPOSITS: [u64; 3] = [1_000, 5_000, 2_500];
/// AMM fee in basis points.
pub const AMM_FEE_BPS: u16 = 30;

/// A pool member with a funded USDC account.
pub struct Member {
    /// The wallet.
    pub wallet: Keypair,
    /// Its USDC account.
    pub usdc: Pubkey,
}

/// A proposed trade and what executing it needs.
pub struct Proposed {
    /// Proposal id.
    pub id: u64,
    /// Proposal account.
    pub address: Pubkey,
    /// The packed route.
    pub route: PackedRoute,
    /// Terms proposed.
    pub terms: TradeTerms,
}

/// The seed pool on an in-process chain.
pub struct SeedWorld {
    /// The chain.
    pub chain: Chain,
    /// The pool's asset (6 decimals).
    pub usdc: Pubkey,
    /// The token traded against it (9 decimals).
    pub sol: Pubkey,
    /// Creator and first ADMIN validator.
    pub admin: Keypair,
    /// Validators: LEAD, SENIOR, SENIOR.
    pub validators: Vec<Keypair>,
    /// The authorised keeper.
    pub keeper: Keypair,
    /// The pool's addresses.
    pub pool: PoolAddresses,
    /// The arbitrage product (id 0).
    pub product: Pubkey,
    /// The AMM pool where SOL is cheap (100 USDC).
    pub cheap: AmmAddresses,
    /// The AMM pool where SOL is dear (about 105 USDC).
    pub dear: AmmAddresses,
    /// The pool PDA's SOL account (route intermediate).
    pub pool_sol: Pubkey,
    /// Members, in deposit order (empty until `join_members`).
    pub members: Vec<Member>,
}

impl SeedWorld {
    /// Pool, validators (quorum 2 with a lead), keeper, product and AMM pools; no members yet.
    pub fn new() -> SeedWorld {
        let mut chain = Chain::new();
        let usdc = chain.mint(6);
        let sol = chain.mint(9);
        let admin = chain.wallet();
        let pool = PoolAddresses::new(&admin.pubkey(), &usdc, &spl_token::ID);
        chain.send_ok(
            &[ix::initialize_pool(
                &pool,
                &admin.pubkey(),
                InitializePoolArgs {
                    name: "Arbitrage Trading Pool".to_string(),
                    max_members: 100,
                    min_contribution: 100 * USDC,
                    insurance_bps: 500,
                    required_approvals: 1,
                    require_lead_approval: true,
                    proposal_ttl: 3_600,
                    profit_unlock_period: 0,
                },
            )],
            &[&admin],
        );
        let validators: Vec<Keypair> = (0..3).map(|_| chain.wallet()).collect();
        let roles = [Role::Lead, Role::Senior, Role::Senior];
        let mut setup: Vec<Instruction> = validators
            .iter()
            .zip(roles)
            .map(|(v, role)| {
                ix::add_validator(
                    &pool,
                    &admin.pubkey(),
                    ValidatorRoleArgs {
                        validator: v.pubkey(),
                        role,
                    },
                )
            })
            .collect();
        setup.push(ix::update_config(
            &pool,
            &admin.pubkey(),
            UpdateConfigArgs {
                required_approvals: Some(2),
                ..Default::default()
            },
        ));
        let keeper = chain.wallet();
        setup.push(ix::add_keeper(&pool, &admin.pubkey(), keeper.pubkey()));
        chain.send_ok(&setup, &[&admin]);

        let product = pool.product(0);
        chain.send_ok(
            &[ix::register_product(
                &pool,
                &admin.pubkey(),
                0,
                RegisterProductArgs {
                    name: "DEX arbitrage".to_string(),
                    category: ProductCategory::Arbitrage,
                    config: ProductConfig {
                        max_trade_amount: 50_000 * USDC,
                        min_profit: USDC,
                        max_liquidity_bps: 1_000,
                    },
                    allowed_programs: vec![local_amm::ID],
                    enabled: true,
                },
            )],
            &[&admin],
        );

        let cheap = Self::amm_pool(&mut chain, usdc, sol, 0, 1_000_000 * USDC, 10_000 * SOL);
        let dear = Self::amm_pool(&mut chain, usdc, sol, 1, 1_000_000 * USDC, 9_500 * SOL);
        let pool_sol = chain.token_account(&sol, &pool.pool);
        SeedWorld {
            chain,
            usdc,
            sol,
            admin,
            validators,
            keeper,
            pool,
            product,
            cheap,
            dear,
            pool_sol,
            members: Vec::new(),
        }
    }

    /// Creates AMM pool `id` of USDC/SOL with the given reserves.
    fn amm_pool(
        chain: &mut Chain,
        usdc: Pubkey,
        sol: Pubkey,
        id: u64,
        reserve_usdc: u64,
        reserve_sol: u64,
    ) -> AmmAddresses {
        let lp = chain.wallet();
        let a = AmmAddresses::new(usdc, sol, id, spl_token::ID);
        let (src_a, src_b) = (
            chain.token_account(&usdc, &lp.pubkey()),
            chain.token_account(&sol, &lp.pubkey()),
        );
        chain.mint_to(&usdc, &src_a, reserve_usdc);
        chain.mint_to(&sol, &src_b, reserve_sol);
        chain.send_ok(
            &[
                amm::create_pool(&a, &lp.pubkey(), id, AMM_FEE_BPS),
                amm::add_liquidity(&a, &lp.pubkey(), src_a, src_b, reserve_usdc, reserve_sol),
            ],
            &[&lp],
        );
        a
    }

    /// A new member wallet holding `usdc` USDC.
    pub fn new_member(&mut self, usdc: u64) -> Member {
        let wallet = self.chain.wallet();
        let account = self.chain.token_account(&self.usdc, &wallet.pubkey());
        self.chain.mint_to(&self.usdc, &account, usdc * USDC);
        Member {
            wallet,
            usdc: account,
        }
    }

    /// The deposit instruction for `member`.
    pub fn deposit_ix(&self, member: &Member, amount: u64, min_shares_out: u64) -> Instruction {
        ix::deposit(
            &self.pool,
            &member.wallet.pubkey(),
            member.usdc,
            DepositArgs {
                amount,
                min_shares_out,
            },
        )
    }

    /// The three seed members deposit 1000 / 5000 / 2500 USDC.
    pub fn join_members(&mut self) {
        for usdc in DEPOSITS {
            let member = self.new_member(usdc);
            let deposit = self.deposit_ix(&member, usdc * USDC, 0);
            self.chain.send_ok(&[deposit], &[&member.wallet]);
            self.members.push(member);
        }
    }

    /// Reserves (usdc, sol) of an AMM pool.
    pub fn reserves(&self, a: &AmmAddresses) -> (u64, u64) {
        (
            self.chain.balance(&a.vault_a),
            self.chain.balance(&a.vault_b),
        )
    }

    /// The two-leg arbitrage for `amount_in` USDC base units at current reserves: buy SOL where
    /// cheap, sell it where dear. Returns the route and the gain it will make.
    pub fn arbitrage_route(&self, amount_in: u64) -> (Vec<pool_bot::route::RouteLeg>, i128) {
        let (cu, cs) = self.reserves(&self.cheap);
        let (du, ds) = self.reserves(&self.dear);
        let sol_out = swap_output(amount_in, cu, cs, AMM_FEE_BPS).unwrap();
        let usdc_back = swap_output(sol_out, ds, du, AMM_FEE_BPS).unwrap();
        let signer = self.pool.pool;
        let legs = vec![
            amm::swap_leg(
                &self.cheap,
                &signer,
                self.pool.vault,
                self.pool_sol,
                &self.usdc,
                SwapArgs {
                    amount_in,
                    min_amount_out: sol_out,
                },
            ),
            amm::swap_leg(
                &self.dear,
                &signer,
                self.pool_sol,
                self.pool.vault,
                &self.sol,
                SwapArgs {
                    amount_in: sol_out,
                    min_amount_out: usdc_back,
                },
            ),
        ];
        (legs, usdc_back as i128 - amount_in as i128)
    }

    /// Next proposal id.
    pub fn next_proposal_id(&self) -> u64 {
        self.chain
            .zero_copy::<Pool>(&self.pool.pool)
            .next_proposal_id
    }

    /// The keeper's `propose_trade` instruction for `legs` with `terms`, as proposal `id`.
    pub fn propose_ix(
        &self,
        legs: &[pool_bot::route::RouteLeg],
        terms: TradeTerms,
        id: u64,
    ) -> (Instruction, PackedRoute) {
        let route = pack(legs);
        (
            ix::propose_trade(
                &self.pool,
                &self.keeper.pubkey(),
                self.product,
                id,
                terms,
                &route,
            ),
            route,
        )
    }

    /// The keeper proposes the arbitrage for `amount_in` with `min_profit` below the expected gain.
    pub fn propose_arbitrage(&mut self, amount_in: u64) -> (Proposed, TransactionMetadata) {
        let (legs, gain) = self.arbitrage_route(amount_in);
        assert!(gain > 0, "no arbitrage at these reserves");
        let expected_profit = gain as u64;
        let terms = TradeTerms {
            amount_in,
            expected_profit,
            min_profit: expected_profit * 9 / 10,
        };
        let id = self.next_proposal_id();
        let (instruction, route) = self.propose_ix(&legs, terms, id);
        let keeper = self.keeper.insecure_clone();
        let meta = self.chain.send_ok(&[instruction], &[&keeper]);
        (
            Proposed {
                id,
                address: self.pool.proposal(id),
                route,
                terms,
            },
            meta,
        )
    }

    /// Validator `index` (0 = LEAD, 1 and 2 = SENIOR; `None` = the admin) votes.
    pub fn vote(&mut self, proposal: &Proposed, who: Option<usize>, approve: bool) -> TxResult {
        let voter = self.voter(who);
        let instruction = if approve {
            ix::approve(&self.pool, &voter.pubkey(), proposal.address)
        } else {
            ix::reject(
                &self.pool,
                &voter.pubkey(),
                proposal.address,
                "route lost its edge",
            )
        };
        self.chain.send(&[instruction], &[&voter])
    }

    /// The keypair of validator `who` (`None` = the admin).
    pub fn voter(&self, who: Option<usize>) -> Keypair {
        match who {
            Some(i) => self.validators[i].insecure_clone(),
            None => self.admin.insecure_clone(),
        }
    }

    /// The keeper's `execute_and_distribute` instruction.
    pub fn execute_ix(&self, proposal: &Proposed) -> Instruction {
        ix::execute_and_distribute(
            &self.pool,
            &self.keeper.pubkey(),
            proposal.address,
            self.product,
            &proposal.route,
        )
    }

    /// The keeper executes.
    pub fn execute(&mut self, proposal: &Proposed) -> TxResult {
        let instruction = self.execute_ix(proposal);
        let keeper = self.keeper.insecure_clone();
        self.chain.send(&[instruction], &[&keeper])
    }

    /// Every account of the pool, its members, products and markets: what a refused
    /// transaction must leave untouched.
    pub fn watched(&self) -> Vec<Pubkey> {
        let p = &self.pool;
        let mut keys = vec![
            p.pool,
            p.vault,
            p.validator_set,
            p.insurance,
            p.insurance_vault,
            self.product,
            self.pool_sol,
        ];
        keys.extend([
            self.cheap.vault_a,
            self.cheap.vault_b,
            self.dear.vault_a,
            self.dear.vault_b,
        ]);
        let next = self.pool_state();
        keys.extend((0..next.next_proposal_id + 1).map(|id| p.proposal(id)));
        keys.extend((0..next.next_claim_id + 1).map(|id| p.claim(id)));
        keys.extend((0..next.next_product_id + 1).map(|id| p.product(id)));
        for m in &self.members {
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

    /// The ADMIN enables or disables the arbitrage product.
    pub fn set_product_enabled(&mut self, enabled: bool) {
        let admin = self.admin.insecure_clone();
        let toggle = ix::set_product_enabled(&self.pool, &admin.pubkey(), self.product, enabled);
        self.chain.send_ok(&[toggle], &[&admin]);
    }

    /// The ADMIN pauses or resumes the pool.
    pub fn set_paused(&mut self, paused: bool) {
        let admin = self.admin.insecure_clone();
        let args = UpdateConfigArgs {
            paused: Some(paused),
            ..Default::default()
        };
        self.chain.send_ok(
            &[ix::update_config(&self.pool, &admin.pubkey(), args)],
            &[&admin],
        );
    }

    /// The pool account.
    pub fn pool_state(&self) -> Pool {
        self.chain.zero_copy(&self.pool.pool)
    }

    /// A member's position.
    pub fn position(&self, member: &Member) -> MemberPosition {
        self.chain
            .account(&self.pool.member(&member.wallet.pubkey()))
    }

    /// The insurance reserve.
    pub fn reserve(&self) -> InsuranceReserve {
        self.chain.account(&self.pool.insurance)
    }
}

impl Default for SeedWorld {
    fn default() -> Self {
        SeedWorld::new()
    }
}
