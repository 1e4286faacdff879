//! The seed pool: an admin, validators LEAD, SENIOR, SENIOR (quorum 2 with a lead), a keeper,
//! an arbitrage product over the local AMM, two AMM pools at different SOL prices, and the
//! members who deposit 1000 / 5000 / 2500 USDC.
use crate::{Keys, AMM_FEE_BPS, DEPOSITS, SOL, USDC};
use local_amm::instructions::SwapArgs;
use local_amm::math::swap_output;
use pool_bot::instructions::*;
use pool_bot::route::RouteLeg;
use pool_bot::state::*;
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{Chain, ChainError, Receipt};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::route::{pack, PackedRoute};
use pool_bot_client::{token, Instruction, Pubkey};
use solana_keypair::Keypair;
use solana_signer::Signer;

/// The token program of every mint of the seed.
pub const TOKEN_PROGRAM: Pubkey =
    anchor_lang::pubkey!("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
/// Lamports given to each new wallet.
const WALLET_LAMPORTS: u64 = 100_000_000_000;

/// Why building or playing the seed failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// A transaction was refused or the chain could not be reached.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// An account could not be read back.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The markets offer no arbitrage to propose.
    #[error("no arbitrage at these reserves")]
    NoArbitrage,
    /// The pool's share math overflowed (a member's value cannot be computed).
    #[error("share math overflowed")]
    ShareMath,
}

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

/// The seed pool's actors and addresses (the chain is passed to each call).
pub struct SeedPool {
    /// Where new keypairs come from.
    pub keys: Keys,
    /// Pays fixtures' fees and rent, and is the mints' authority.
    pub payer: Keypair,
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
    /// The pool PDA's SOL account (the route's intermediate).
    pub pool_sol: Pubkey,
    /// Members, in deposit order (empty until `join_members`).
    pub members: Vec<Member>,
}

impl SeedPool {
    /// Pool, validators, keeper, product and AMM pools; no members yet.
    pub fn build(chain: &mut dyn Chain, mut keys: Keys) -> Result<SeedPool, SeedError> {
        let payer = keys.next_keypair();
        chain.airdrop(&payer.pubkey(), 1_000 * WALLET_LAMPORTS)?;
        SeedPool::build_paid_by(chain, keys, payer)
    }

    /// `build` with fixtures paid for, and the mints controlled, by `payer` (already funded).
    pub fn build_paid_by(
        chain: &mut dyn Chain,
        mut keys: Keys,
        payer: Keypair,
    ) -> Result<SeedPool, SeedError> {
        let usdc = mint(chain, &mut keys, &payer, 6)?;
        let sol = mint(chain, &mut keys, &payer, 9)?;
        let admin = wallet(chain, &mut keys)?;
        let pool = PoolAddresses::new(&admin.pubkey(), &usdc, &TOKEN_PROGRAM);
        chain.send(
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
                    claim_required_approvals: 1,
                    claim_require_lead_approval: true,
                    claim_ttl: 7 * 86_400,
                    // a fixture: changes apply at once (production pools lock for days)
                    time_lock: 0,
                },
            )],
            &[&admin],
        )?;
        let validators = (0..3)
            .map(|_| wallet(chain, &mut keys))
            .collect::<Result<Vec<_>, _>>()?;
        let roles = [Role::Lead, Role::Senior, Role::Senior];
        let keeper = wallet(chain, &mut keys)?;
        let mut changes: Vec<GovernanceChange> = validators
            .iter()
            .zip(roles)
            .map(|(v, role)| GovernanceChange::AddValidator {
                validator: v.pubkey(),
                role,
            })
            .collect();
        changes.push(GovernanceChange::Config(ConfigChange {
            required_approvals: Some(2),
            claim_required_approvals: Some(2),
            ..Default::default()
        }));
        changes.push(GovernanceChange::AddKeeper {
            keeper: keeper.pubkey(),
        });
        let admin_key = admin.pubkey();
        for batch in changes
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
            .chunks(3)
        {
            let setup: Vec<Instruction> = batch
                .iter()
                .flat_map(|(id, change)| ix::govern(&pool, &admin_key, *id as u64, change.clone()))
                .collect();
            chain.send(&setup, &[&admin])?;
        }

        let product = pool.product(0);
        let [queue, apply] = ix::govern(
            &pool,
            &admin_key,
            5,
            GovernanceChange::EnableProduct { product },
        );
        chain.send(
            &[
                ix::register_product(
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
                        leg_rules: vec![amm::swap_rule()],
                        markets: (0..2)
                            .map(|id| AmmAddresses::new(usdc, sol, id, TOKEN_PROGRAM).pool)
                            .collect(),
                    },
                ),
                queue,
                apply,
            ],
            &[&admin],
        )?;

        let mut seed = SeedPool {
            keys,
            payer,
            usdc,
            sol,
            admin,
            validators,
            keeper,
            pool,
            product,
            cheap: AmmAddresses::new(usdc, sol, 0, TOKEN_PROGRAM),
            dear: AmmAddresses::new(usdc, sol, 1, TOKEN_PROGRAM),
            pool_sol: Pubkey::default(),
            members: Vec::new(),
        };
        seed.amm_pool(chain, 0, 1_000_000 * USDC, 10_000 * SOL)?;
        seed.amm_pool(chain, 1, 1_000_000 * USDC, 9_500 * SOL)?;
        let pool_pda = seed.pool.pool;
        seed.pool_sol = seed.token_account(chain, &sol, &pool_pda, 0)?;
        Ok(seed)
    }

    /// Creates AMM pool `id` of USDC/SOL with the given reserves.
    fn amm_pool(
        &mut self,
        chain: &mut dyn Chain,
        id: u64,
        reserve_usdc: u64,
        reserve_sol: u64,
    ) -> Result<AmmAddresses, SeedError> {
        let (usdc, sol) = (self.usdc, self.sol);
        self.add_market(chain, (usdc, reserve_usdc), (sol, reserve_sol), id)
    }

    /// Creates AMM pool `id` of two mints with the given reserves, its liquidity provided by a
    /// new wallet.
    pub fn add_market(
        &mut self,
        chain: &mut dyn Chain,
        (mint_a, reserve_a): (Pubkey, u64),
        (mint_b, reserve_b): (Pubkey, u64),
        id: u64,
    ) -> Result<AmmAddresses, SeedError> {
        let lp = wallet(chain, &mut self.keys)?;
        let a = AmmAddresses::new(mint_a, mint_b, id, TOKEN_PROGRAM);
        let src_a = self.token_account(chain, &mint_a, &lp.pubkey(), reserve_a)?;
        let src_b = self.token_account(chain, &mint_b, &lp.pubkey(), reserve_b)?;
        chain.send(
            &[
                amm::create_pool(&a, &lp.pubkey(), id, AMM_FEE_BPS),
                amm::add_liquidity(&a, &lp.pubkey(), src_a, src_b, reserve_a, reserve_b),
            ],
            &[&lp],
        )?;
        Ok(a)
    }

    /// Registers and enables the pool's next arbitrage product, trading only `markets` through
    /// the local AMM, with the seed product's limits; returns its address.
    pub fn register_product(
        &self,
        chain: &mut dyn Chain,
        markets: Vec<Pubkey>,
    ) -> Result<Pubkey, SeedError> {
        let id = self.pool_state(chain)?.next_product_id;
        let product = self.pool.product(id);
        let register = ix::register_product(
            &self.pool,
            &self.admin.pubkey(),
            id,
            RegisterProductArgs {
                name: format!("DEX arbitrage {id}"),
                category: ProductCategory::Arbitrage,
                config: ProductConfig {
                    max_trade_amount: 50_000 * USDC,
                    min_profit: USDC,
                    max_liquidity_bps: 1_000,
                },
                leg_rules: vec![amm::swap_rule()],
                markets,
            },
        );
        chain.send(&[register], &[&self.admin])?;
        self.govern(chain, GovernanceChange::EnableProduct { product })?;
        Ok(product)
    }

    /// A new mint with `decimals` whose authority is the payer.
    pub fn new_mint(&mut self, chain: &mut dyn Chain, decimals: u8) -> Result<Pubkey, SeedError> {
        mint(chain, &mut self.keys, &self.payer, decimals)
    }

    /// A new wallet with lamports for fees and rent.
    pub fn new_wallet(&mut self, chain: &mut dyn Chain) -> Result<Keypair, SeedError> {
        wallet(chain, &mut self.keys)
    }

    /// The admin queues and applies `change` (the seed pool has no time lock).
    pub fn govern(
        &self,
        chain: &mut dyn Chain,
        change: GovernanceChange,
    ) -> Result<Receipt, SeedError> {
        let id = self.pool_state(chain)?.next_change_id;
        let admin = self.admin.pubkey();
        Ok(chain.send(&ix::govern(&self.pool, &admin, id, change), &[&self.admin])?)
    }

    /// A new token account of `mint` owned by `owner`, holding `amount` minted by the payer.
    pub fn token_account(
        &mut self,
        chain: &mut dyn Chain,
        mint: &Pubkey,
        owner: &Pubkey,
        amount: u64,
    ) -> Result<Pubkey, SeedError> {
        let account = self.keys.next_keypair();
        let payer = &self.payer;
        let mut instructions = token::create_account_for(
            &payer.pubkey(),
            &account.pubkey(),
            mint,
            owner,
            &TOKEN_PROGRAM,
        );
        if amount > 0 {
            instructions.push(token::mint_to(
                mint,
                &account.pubkey(),
                &payer.pubkey(),
                amount,
                &TOKEN_PROGRAM,
            ));
        }
        chain.send(&instructions, &[payer, &account])?;
        Ok(account.pubkey())
    }

    /// A new member wallet holding `usdc` USDC (not yet deposited).
    pub fn new_member(&mut self, chain: &mut dyn Chain, usdc: u64) -> Result<Member, SeedError> {
        let wallet = wallet(chain, &mut self.keys)?;
        let mint = self.usdc;
        let account = self.token_account(chain, &mint, &wallet.pubkey(), usdc * USDC)?;
        Ok(Member {
            wallet,
            usdc: account,
        })
    }

    /// `member`'s deposit of `amount` base units, accepting no fewer than `min_shares_out`.
    pub fn deposit_ix(&self, member: &Member, amount: u64, min_shares_out: u64) -> Instruction {
        let args = DepositArgs {
            amount,
            min_shares_out,
        };
        ix::deposit(&self.pool, &member.wallet.pubkey(), member.usdc, args)
    }

    /// The three seed members deposit 1000 / 5000 / 2500 USDC.
    pub fn join_members(&mut self, chain: &mut dyn Chain) -> Result<(), SeedError> {
        for usdc in DEPOSITS {
            let member = self.new_member(chain, usdc)?;
            let deposit = self.deposit_ix(&member, usdc * USDC, 0);
            chain.send(&[deposit], &[&member.wallet])?;
            self.members.push(member);
        }
        Ok(())
    }

    /// The two-leg arbitrage for `amount_in` USDC base units at current reserves (buy SOL where
    /// cheap, sell it where dear) and the gain it makes.
    pub fn arbitrage_route(
        &self,
        chain: &dyn Chain,
        amount_in: u64,
    ) -> Result<(Vec<RouteLeg>, i128), SeedError> {
        let reserves = |a: &AmmAddresses| -> Result<(u64, u64), SeedError> {
            Ok((
                accounts::load_balance(chain, &a.vault_a)?,
                accounts::load_balance(chain, &a.vault_b)?,
            ))
        };
        let (cheap_usdc, cheap_sol) = reserves(&self.cheap)?;
        let (dear_usdc, dear_sol) = reserves(&self.dear)?;
        let out = |amount, reserve_in, reserve_out| {
            swap_output(amount, reserve_in, reserve_out, AMM_FEE_BPS)
                .map_err(|_| SeedError::NoArbitrage)
        };
        let sol_out = out(amount_in, cheap_usdc, cheap_sol)?;
        let usdc_back = out(sol_out, dear_sol, dear_usdc)?;
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
        Ok((legs, usdc_back as i128 - amount_in as i128))
    }

    /// The keeper proposes the arbitrage for `amount_in`, accepting 90% of the expected gain.
    pub fn propose_arbitrage(
        &self,
        chain: &mut dyn Chain,
        amount_in: u64,
    ) -> Result<Proposed, SeedError> {
        let (legs, gain) = self.arbitrage_route(chain, amount_in)?;
        let expected_profit = u64::try_from(gain)
            .ok()
            .filter(|g| *g > 0)
            .ok_or(SeedError::NoArbitrage)?;
        let terms = TradeTerms {
            amount_in,
            expected_profit,
            min_profit: expected_profit * 9 / 10,
        };
        let id = self.pool_state(chain)?.next_proposal_id;
        let (instruction, proposed) = self.propose_ix(&legs, terms, id);
        chain.send(&[instruction], &[&self.keeper])?;
        Ok(proposed)
    }

    /// The keeper's `propose_trade` of `legs` with `terms` as proposal `id`, and the proposal
    /// it makes.
    pub fn propose_ix(
        &self,
        legs: &[RouteLeg],
        terms: TradeTerms,
        id: u64,
    ) -> (Instruction, Proposed) {
        let route = pack(legs);
        let instruction = ix::propose_trade(
            &self.pool,
            &self.keeper.pubkey(),
            self.product,
            id,
            terms,
            &route,
        );
        let proposed = Proposed {
            id,
            address: self.pool.proposal(id),
            route,
            terms,
        };
        (instruction, proposed)
    }

    /// Validator `who` (0 = LEAD, 1 and 2 = SENIOR; `None` = the admin) approves or rejects.
    pub fn vote(
        &self,
        chain: &mut dyn Chain,
        proposal: &Proposed,
        who: Option<usize>,
        approve: bool,
    ) -> Result<Receipt, ChainError> {
        chain.send(&[self.vote_ix(proposal, who, approve)], &[self.voter(who)])
    }

    /// Validator `who`'s approval or rejection of `proposal`.
    pub fn vote_ix(&self, proposal: &Proposed, who: Option<usize>, approve: bool) -> Instruction {
        let voter = self.voter(who).pubkey();
        if approve {
            ix::approve_trade(&self.pool, &voter, proposal.address)
        } else {
            ix::reject_trade(&self.pool, &voter, proposal.address, "route lost its edge")
        }
    }

    /// The keeper runs the approved route and distributes the gain.
    pub fn execute(
        &self,
        chain: &mut dyn Chain,
        proposal: &Proposed,
    ) -> Result<Receipt, ChainError> {
        chain.send(&[self.execute_ix(proposal)], &[&self.keeper])
    }

    /// The keeper's `execute_and_distribute` of `proposal`.
    pub fn execute_ix(&self, proposal: &Proposed) -> Instruction {
        ix::execute_and_distribute(
            &self.pool,
            &self.keeper.pubkey(),
            proposal.address,
            self.product,
            &proposal.route,
        )
    }

    /// The seed's mandate: arbitrage between its two USDC/SOL pools, up to 5,000 USDC a
    /// trade and 50 trades or 100,000 USDC a day, at least 1 USDC and 0.1% profit a trade,
    /// standing 7 days.
    pub fn mandate_terms(&self) -> MandateTerms {
        MandateTerms {
            markets: vec![self.cheap.pool, self.dear.pool],
            max_amount_in: 5_000 * USDC,
            min_profit: USDC,
            min_profit_bps: 10,
            period: 86_400,
            max_trades_per_period: 50,
            max_notional_per_period: 100_000 * USDC,
            duration: 7 * 86_400,
        }
    }

    /// The keeper proposes `terms` as the next mandate; returns its address.
    pub fn propose_mandate(
        &self,
        chain: &mut dyn Chain,
        terms: MandateTerms,
    ) -> Result<Pubkey, SeedError> {
        let id = self.pool_state(chain)?.next_mandate_id;
        let keeper = self.keeper.pubkey();
        let propose = ix::propose_mandate(&self.pool, &keeper, self.product, id, terms);
        chain.send(&[propose], &[&self.keeper])?;
        Ok(self.pool.mandate(id))
    }

    /// Validator `who`'s approval or rejection of `mandate`.
    pub fn mandate_vote_ix(
        &self,
        mandate: Pubkey,
        who: Option<usize>,
        approve: bool,
    ) -> Instruction {
        let voter = self.voter(who).pubkey();
        if approve {
            ix::approve_mandate(&self.pool, &voter, mandate)
        } else {
            ix::reject_mandate(&self.pool, &voter, mandate, "markets too thin")
        }
    }

    /// The LEAD and a SENIOR approve `mandate` (the seed's quorum).
    pub fn approve_mandate(&self, chain: &mut dyn Chain, mandate: Pubkey) -> Result<(), SeedError> {
        for who in [0, 1] {
            let vote = self.mandate_vote_ix(mandate, Some(who), true);
            chain.send(&[vote], &[self.voter(Some(who))])?;
        }
        Ok(())
    }

    /// The keeper's `execute_mandate` of the arbitrage route for `amount_in` under `mandate`,
    /// accepting 90% of the gain it expects at current reserves.
    pub fn execute_mandate_ix(
        &self,
        chain: &dyn Chain,
        mandate: Pubkey,
        amount_in: u64,
    ) -> Result<Instruction, SeedError> {
        let (legs, gain) = self.arbitrage_route(chain, amount_in)?;
        let min_profit = u64::try_from(gain).map_err(|_| SeedError::NoArbitrage)? * 9 / 10;
        Ok(ix::execute_mandate(
            &self.pool,
            &self.keeper.pubkey(),
            mandate,
            self.product,
            amount_in,
            min_profit,
            &pack(&legs),
        ))
    }

    /// The keypair of validator `who` (`None` = the admin).
    pub fn voter(&self, who: Option<usize>) -> &Keypair {
        match who {
            Some(i) => &self.validators[i],
            None => &self.admin,
        }
    }

    /// The pool account.
    pub fn pool_state(&self, chain: &dyn Chain) -> Result<Pool, LoadError> {
        accounts::load_zero_copy(chain, &self.pool.pool)
    }

    /// A member's position.
    pub fn position(
        &self,
        chain: &dyn Chain,
        member: &Member,
    ) -> Result<MemberPosition, LoadError> {
        accounts::load(chain, &self.pool.member(&member.wallet.pubkey()))
    }

    /// The insurance reserve.
    pub fn reserve(&self, chain: &dyn Chain) -> Result<InsuranceReserve, LoadError> {
        accounts::load(chain, &self.pool.insurance)
    }
}

/// A new wallet with lamports for fees and rent.
fn wallet(chain: &mut dyn Chain, keys: &mut Keys) -> Result<Keypair, SeedError> {
    let wallet = keys.next_keypair();
    chain.airdrop(&wallet.pubkey(), WALLET_LAMPORTS)?;
    Ok(wallet)
}

/// A new SPL Token mint with `decimals` whose authority is `payer`.
fn mint(
    chain: &mut dyn Chain,
    keys: &mut Keys,
    payer: &Keypair,
    decimals: u8,
) -> Result<Pubkey, SeedError> {
    let mint = keys.next_keypair();
    let create = token::create_mint(
        &payer.pubkey(),
        &mint.pubkey(),
        &payer.pubkey(),
        decimals,
        &TOKEN_PROGRAM,
    );
    chain.send(&create, &[payer, &mint])?;
    Ok(mint.pubkey())
}
