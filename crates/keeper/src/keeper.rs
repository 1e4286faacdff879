//! The keeper service: each `tick` refreshes the market, follows the proposals it made
//! (approved → simulate and execute; rejected, expired or stale → drop and reclaim the rent),
//! and proposes the best opportunity when nothing it proposed is still waiting for votes.
use crate::dex::{DexDecoder, SwapRequest};
use crate::market::{MarketView, RouteHop};
use crate::metrics::Metrics;
use anchor_lang::prelude::borsh;
use pool_bot::route::RouteLeg;
use pool_bot::state::{Pool, Product, ProposalStatus, TradeProposal};
use pool_bot_arb::Limits;
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::chain::{AccountFilter, Chain, ChainError, Receipt};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::route::{pack, PackedRoute};
use pool_bot_client::{token, Instruction, Pubkey};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;
use tracing::{info, info_span, warn};

/// What the keeper is told to do.
#[derive(Clone, Debug)]
pub struct KeeperConfig {
    /// The pool it trades for.
    pub pool: Pubkey,
    /// The product its proposals run under.
    pub product: Pubkey,
    /// How far below the expected profit the approved minimum is set, in basis points.
    pub slippage_bps: u16,
    /// Attempts per transaction on transient errors (fresh blockhash each time).
    pub attempts: u32,
    /// Pause between attempts (doubled each time).
    pub backoff: Duration,
}

impl KeeperConfig {
    /// Defaults: 1% slippage, 3 attempts, 200 ms backoff.
    pub fn new(pool: Pubkey, product: Pubkey) -> KeeperConfig {
        KeeperConfig {
            pool,
            product,
            slippage_bps: 100,
            attempts: 3,
            backoff: Duration::from_millis(200),
        }
    }
}

/// Why the keeper could not start or act.
#[derive(Debug, thiserror::Error)]
pub enum KeeperError {
    /// The chain refused or could not be reached.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// An account it needs is missing or is not what it should be.
    #[error(transparent)]
    Account(#[from] LoadError),
}

/// A proposal the keeper made and follows.
struct InFlight {
    id: u64,
    address: Pubkey,
    route: PackedRoute,
}

/// A trade the keeper executed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Execution {
    /// Proposal id.
    pub id: u64,
    /// Amount the route put in.
    pub amount_in: u64,
    /// Profit the keeper expected.
    pub expected_profit: u64,
    /// Gain measured on chain.
    pub gain: u64,
}

/// A route's identity: the same legs (same pools, amounts, minimums) hash the same.
fn fingerprint(legs: &[RouteLeg]) -> u64 {
    let mut hasher = DefaultHasher::new();
    borsh::to_vec(legs)
        .expect("legs serialise")
        .hash(&mut hasher);
    hasher.finish()
}

/// The keeper.
pub struct Keeper {
    config: KeeperConfig,
    addresses: PoolAddresses,
    market: MarketView,
    decoders: Vec<Box<dyn DexDecoder>>,
    in_flight: Vec<InFlight>,
    proposed: HashSet<u64>,
    executions: Vec<Execution>,
    /// Whether the open proposals made by this keeper before a restart were picked up.
    adopted: bool,
    metrics: Arc<Metrics>,
}

impl Keeper {
    /// A keeper for the pool in `config`, watching the DEXes of `decoders`.
    pub fn new(
        chain: &dyn Chain,
        config: KeeperConfig,
        decoders: Vec<Box<dyn DexDecoder>>,
    ) -> Result<Keeper, KeeperError> {
        let pool: Pool = accounts::load_zero_copy(chain, &config.pool)?;
        let addresses = PoolAddresses::of(&pool);
        let market = MarketView::new(pool.asset_mint, Limits::default());
        Ok(Keeper {
            config,
            addresses,
            market,
            decoders,
            in_flight: Vec::new(),
            proposed: HashSet::new(),
            executions: Vec::new(),
            adopted: false,
            metrics: Arc::new(Metrics::default()),
        })
    }

    /// The keeper's counters (share them with `metrics::serve`).
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// One round: refresh, follow, propose. Errors are counted and logged; the keeper goes on
    /// at the next tick.
    pub fn tick(&mut self, chain: &mut dyn Chain, keeper: &Keypair) {
        if let Err(e) = self.try_tick(chain, keeper) {
            Metrics::add(&self.metrics.errors, 1);
            warn!(error = %e, "keeper tick failed");
        }
    }

    fn try_tick(&mut self, chain: &mut dyn Chain, keeper: &Keypair) -> Result<(), KeeperError> {
        if !self.adopted {
            self.adopt(chain, &keeper.pubkey())?;
            self.adopted = true;
        }
        let pool: Pool = accounts::load_zero_copy(chain, &self.config.pool)?;
        let product: Product = accounts::load_zero_copy(chain, &self.config.product)?;
        self.market.set_limits(Limits {
            max_trade: product.max_trade_amount,
            available: pool.total_assets,
            max_reserve_share_bps: product.max_liquidity_bps,
            min_profit: self.profit_floor(product.min_profit),
            search_steps: 32,
        });
        let refresh = self.market.refresh(chain, &self.decoders)?;
        self.follow(chain, keeper, &pool)?;
        let waiting = self.in_flight.iter().any(|p| {
            accounts::load_zero_copy::<TradeProposal>(chain, &p.address)
                .is_ok_and(|s| s.status() == ProposalStatus::Pending)
        });
        if pool.paused == 0
            && product.is_enabled()
            && !waiting
            && (refresh.added + refresh.updated) > 0
        {
            self.propose_best(chain, keeper, &pool, &product)?;
        }
        Ok(())
    }

    /// Picks up the pending and approved proposals this keeper made before it (re)started, so
    /// it follows them to the end and never proposes their routes again.
    fn adopt(&mut self, chain: &dyn Chain, me: &Pubkey) -> Result<(), KeeperError> {
        let filter = AccountFilter::of::<TradeProposal>(Some(self.addresses.pool));
        for (address, account) in chain.program_accounts(&pool_bot::ID, &filter)? {
            let Ok(state) = accounts::decode_zero_copy::<TradeProposal>(&account.data) else {
                continue;
            };
            let open = matches!(
                state.status(),
                ProposalStatus::Pending | ProposalStatus::Approved
            );
            if state.proposer != *me || !open || self.in_flight.iter().any(|p| p.id == state.id) {
                continue;
            }
            let Ok(legs) = accounts::proposal_route(&state) else {
                continue;
            };
            self.proposed.insert(fingerprint(&legs));
            info!(
                id = state.id,
                "following a proposal made before the restart"
            );
            self.in_flight.push(InFlight {
                id: state.id,
                address,
                route: pack(&legs),
            });
        }
        Ok(())
    }

    /// Least expected profit worth proposing: its minimum after slippage must still meet the
    /// product's floor.
    fn profit_floor(&self, product_min: u64) -> u64 {
        let keep = 10_000 - u64::from(self.config.slippage_bps.min(9_999));
        (product_min.max(1) * 10_000).div_ceil(keep)
    }

    /// The pool PDA's token account for `mint`: the vault for the asset, else its associated
    /// token account.
    fn account_for(&self, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
        if *mint == self.addresses.mint {
            self.addresses.vault
        } else {
            token::associated_address(&self.addresses.pool, mint, token_program)
        }
    }

    fn propose_best(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        pool: &Pool,
        product: &Product,
    ) -> Result<(), KeeperError> {
        let Some((hops, sizing)) = self.market.best() else {
            return Ok(());
        };
        Metrics::add(&self.metrics.opportunities, 1);
        let span = info_span!(
            "opportunity",
            hops = hops.len(),
            amount_in = sizing.amount_in,
            profit = sizing.profit
        );
        let _enter = span.enter();

        let amounts = sizing.amounts();
        let min_profit = (sizing.profit * (10_000 - u64::from(self.config.slippage_bps)) / 10_000)
            .max(product.min_profit);
        let mut setup = Vec::new();
        let legs: Vec<_> = hops
            .iter()
            .enumerate()
            .map(|(i, hop)| {
                let RouteHop {
                    pool: dex_pool,
                    direction,
                    decoder,
                } = hop;
                let (mint_in, mint_out) = dex_pool.mints(*direction);
                let (source, destination) = (
                    self.account_for(&mint_in, &dex_pool.token_program),
                    self.account_for(&mint_out, &dex_pool.token_program),
                );
                if mint_out != self.addresses.mint {
                    setup.push(token::create_associated_idempotent(
                        &keeper.pubkey(),
                        &self.addresses.pool,
                        &mint_out,
                        &dex_pool.token_program,
                    ));
                }
                let last = i + 1 == hops.len();
                let min_out = if last {
                    sizing.amount_in + min_profit
                } else {
                    amounts[i + 1]
                };
                let swap = SwapRequest {
                    signer: self.addresses.pool,
                    source,
                    destination,
                    mint_in,
                    amount_in: amounts[i],
                    min_amount_out: min_out,
                };
                self.decoders[*decoder].swap_leg(dex_pool, &swap)
            })
            .collect();
        if !self.proposed.insert(fingerprint(&legs)) {
            info!("opportunity already proposed");
            return Ok(());
        }
        for instruction in &setup {
            if chain.account(&instruction.accounts[1].pubkey)?.is_none() {
                self.send(chain, std::slice::from_ref(instruction), keeper)?;
            }
        }
        let route = pack(&legs);
        let terms = TradeTerms {
            amount_in: sizing.amount_in,
            expected_profit: sizing.profit,
            min_profit,
        };
        let id = pool.next_proposal_id;
        let propose = ix::propose_trade(
            &self.addresses,
            &keeper.pubkey(),
            self.config.product,
            id,
            terms,
            &route,
        );
        chain.simulate(std::slice::from_ref(&propose), &[keeper])?;
        self.send(chain, &[propose], keeper)?;
        Metrics::add(&self.metrics.proposals, 1);
        info!(id, "proposed");
        self.in_flight.push(InFlight {
            id,
            address: self.addresses.proposal(id),
            route,
        });
        Ok(())
    }

    fn follow(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        pool: &Pool,
    ) -> Result<(), KeeperError> {
        let now = chain.clock()?.unix_timestamp;
        let mut still = Vec::new();
        for p in std::mem::take(&mut self.in_flight) {
            let state: TradeProposal = accounts::load_zero_copy(chain, &p.address)?;
            let live = now < state.expires_at && !state.is_stale(pool.config_version);
            let keep = match state.status() {
                ProposalStatus::Pending | ProposalStatus::Approved if !live => {
                    self.send(
                        chain,
                        &[ix::expire_proposal(&self.addresses, p.address)],
                        keeper,
                    )?;
                    Metrics::add(&self.metrics.expirations, 1);
                    false
                }
                ProposalStatus::Pending => true,
                ProposalStatus::Approved => {
                    Metrics::add(&self.metrics.approvals, 1);
                    self.execute(chain, keeper, &p)?
                }
                ProposalStatus::Rejected => {
                    Metrics::add(&self.metrics.rejections, 1);
                    false
                }
                ProposalStatus::Executed | ProposalStatus::Expired => false,
            };
            if keep {
                still.push(p);
            } else {
                self.close(chain, keeper, &p);
            }
        }
        self.in_flight = still;
        Ok(())
    }

    /// Simulates, then executes an approved proposal; says whether to keep following it (the
    /// simulation failed: the market moved; it will expire).
    fn execute(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        p: &InFlight,
    ) -> Result<bool, KeeperError> {
        let span = info_span!("execute", id = p.id);
        let _enter = span.enter();
        let product = self.config.product;
        let execute = ix::execute_and_distribute(
            &self.addresses,
            &keeper.pubkey(),
            p.address,
            product,
            &p.route,
        );
        if let Err(e) = chain.simulate(std::slice::from_ref(&execute), &[keeper]) {
            info!(error = %e, "execution would fail; waiting for expiry");
            Metrics::add(&self.metrics.errors, 1);
            return Ok(true);
        }
        self.send(chain, &[execute], keeper)?;
        let state: TradeProposal = accounts::load_zero_copy(chain, &p.address)?;
        Metrics::add(&self.metrics.executions, 1);
        Metrics::add(&self.metrics.realised_profit, state.realised_profit);
        self.executions.push(Execution {
            id: p.id,
            amount_in: state.amount_in,
            expected_profit: state.expected_profit,
            gain: state.realised_profit,
        });
        info!(gain = state.realised_profit, "executed");
        Ok(false)
    }

    /// Returns a finished proposal's rent to the keeper (best effort).
    fn close(&self, chain: &mut dyn Chain, keeper: &Keypair, p: &InFlight) {
        let close = ix::close_proposal(&self.addresses, p.address, keeper.pubkey());
        if let Err(e) = self.send(chain, &[close], keeper) {
            warn!(error = %e, id = p.id, "could not close the proposal");
        }
    }

    /// Sends with a fresh blockhash, retrying transient failures with backoff.
    fn send(
        &self,
        chain: &mut dyn Chain,
        instructions: &[Instruction],
        keeper: &Keypair,
    ) -> Result<Receipt, ChainError> {
        let mut pause = self.config.backoff;
        let mut attempt = 1;
        loop {
            match chain.send(instructions, &[keeper]) {
                Err(e) if e.is_transient() && attempt < self.config.attempts => {
                    warn!(error = %e, attempt, "retrying");
                    Metrics::add(&self.metrics.errors, 1);
                    std::thread::sleep(pause);
                    pause *= 2;
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    /// The trades executed since the last call.
    pub fn take_executions(&mut self) -> Vec<Execution> {
        std::mem::take(&mut self.executions)
    }

    /// Proposals being followed.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Pools in the market view.
    pub fn pools_known(&self) -> usize {
        self.market.len()
    }
}
