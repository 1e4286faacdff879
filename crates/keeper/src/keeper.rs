//! The keeper service: each `tick` refreshes the market, follows the proposals it made
//! (approved → simulate and execute; rejected, expired or stale → expire; finished → reclaim
//! the rent), and proposes the best opportunity when nothing it proposed is still waiting for
//! votes. A failed send loses nothing: the proposal stays followed, the opportunity is looked
//! at again, and a proposal whose send was reported failed is looked up on chain in case it
//! landed.
use crate::market::{MarketView, RouteHop};
use crate::metrics::Metrics;
use anchor_lang::prelude::borsh;
use pool_bot::events::TradeExecuted;
use pool_bot::route::RouteLeg;
use pool_bot::state::{Mandate, MandateStanding, Pool, Product, ProposalStatus, TradeProposal};
use pool_bot_arb::{Limits, Sizing};
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::chain::{Chain, ChainError, Receipt};
use pool_bot_client::deposits;
use pool_bot_client::events::{self, PoolEvent};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::route::{pack, PackedRoute};
use pool_bot_client::{token, Instruction, Pubkey};
use pool_bot_dex::{DexDecoder, SwapRequest};
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

/// A proposal the keeper made and follows until its account is closed.
struct InFlight {
    id: u64,
    address: Pubkey,
    route: PackedRoute,
    /// Its status at the last look, so that each change is counted once.
    seen: ProposalStatus,
    /// What this keeper's own execution booked, read from the send's `TradeExecuted` event.
    executed: Option<ExecutedFigures>,
}

/// A `propose_trade` whose send was reported failed: it may have landed all the same.
#[derive(Clone, Copy)]
struct Unconfirmed {
    id: u64,
    address: Pubkey,
}

/// What a trade ran under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// An approved proposal (its id).
    Proposal(u64),
    /// A standing mandate (its id).
    Mandate(u64),
}

/// A trade of this keeper that was executed: a proposal it made (run by it or by a validator)
/// or a route it ran under a mandate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Execution {
    /// What it ran under.
    pub source: Source,
    /// Amount the route put in.
    pub amount_in: u64,
    /// Profit the keeper expected.
    pub expected_profit: u64,
    /// Gain measured on chain.
    pub gain: u64,
    /// Of which the insurance reserve received.
    pub insurance: u64,
    /// Of which stayed with the members.
    pub member_profit: u64,
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
    /// The last `propose_trade` reported failed, until the chain shows whether it landed.
    unconfirmed: Option<Unconfirmed>,
    /// Fingerprints of the routes that landed as proposals or that the chain refuses: never
    /// sent again.
    proposed: HashSet<u64>,
    /// The market moved, or looking for an opportunity failed, since the keeper last looked
    /// to the end: it looks at the next tick it may propose, even if nothing moves by then.
    look_again: bool,
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
            unconfirmed: None,
            proposed: HashSet::new(),
            look_again: false,
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
        let mandates = self.active_mandates(chain, &pool)?;
        // with a mandate standing, size opportunities to what it may take in one transaction
        let max_trade = mandates
            .iter()
            .map(|(_, m)| m.max_amount_in)
            .max()
            .map_or(product.max_trade_amount, |cap| {
                cap.min(product.max_trade_amount)
            });
        self.market.set_limits(Limits {
            max_trade,
            available: pool.total_assets,
            max_reserve_share_bps: product.max_liquidity_bps,
            min_profit: self.profit_floor(product.min_profit),
            search_steps: 32,
        });
        let refresh = self.market.refresh(chain, &self.decoders)?;
        self.look_again |= refresh.added + refresh.updated > 0;
        self.confirm(chain, &keeper.pubkey(), &pool)?;
        self.follow(chain, keeper, &pool)?;
        if !pool.is_paused() && product.is_enabled() && self.look_again {
            // an opportunity inside an active mandate is taken now, in one transaction; the
            // market moved by it, so look again
            if self.execute_under_mandate(chain, keeper, &pool, &product, &mandates)? {
                return Ok(());
            }
        }
        let waiting = self
            .in_flight
            .iter()
            .any(|p| p.seen == ProposalStatus::Pending);
        if !pool.is_paused() && product.is_enabled() && !waiting && self.look_again {
            self.propose_best(chain, keeper, &pool, &product)?;
            self.look_again = false;
        }
        Ok(())
    }

    /// Picks up the pending and approved proposals this keeper made before it (re)started, so
    /// it follows them to the end and never proposes their routes again.
    fn adopt(&mut self, chain: &dyn Chain, me: &Pubkey) -> Result<(), KeeperError> {
        for (address, state) in accounts::proposals(chain, &self.addresses.pool)? {
            let open = !state.is_finished();
            if state.proposer == *me && open && self.take_over(address, &state) {
                info!(
                    id = state.id,
                    "following a proposal made before the restart"
                );
            }
        }
        Ok(())
    }

    /// Learns whether the `propose_trade` reported failed landed after all, and follows it if
    /// so. Stops asking once its id went to another proposal: then it can no longer land.
    fn confirm(&mut self, chain: &dyn Chain, me: &Pubkey, pool: &Pool) -> Result<(), KeeperError> {
        let Some(sent) = self.unconfirmed else {
            return Ok(());
        };
        match accounts::find_zero_copy::<TradeProposal>(chain, &sent.address)? {
            Some(state) => {
                if state.proposer == *me && self.take_over(sent.address, &state) {
                    Metrics::add(&self.metrics.proposals, 1);
                    info!(
                        id = sent.id,
                        "a proposal reported failed landed; following it"
                    );
                }
                self.unconfirmed = None;
            }
            None if pool.next_proposal_id > sent.id => self.unconfirmed = None,
            None => {}
        }
        Ok(())
    }

    /// Follows a proposal of this keeper found on chain and marks its route proposed; false
    /// when it is followed already or its route does not decode.
    fn take_over(&mut self, address: Pubkey, state: &TradeProposal) -> bool {
        if self.in_flight.iter().any(|p| p.id == state.id) {
            return false;
        }
        let Ok(legs) = accounts::proposal_route(state) else {
            return false;
        };
        self.proposed.insert(fingerprint(&legs));
        self.in_flight.push(InFlight {
            id: state.id,
            address,
            route: pack(&legs),
            seen: ProposalStatus::Pending,
            executed: None,
        });
        true
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

        let min_profit = (sizing.profit * (10_000 - u64::from(self.config.slippage_bps)) / 10_000)
            .max(product.min_profit);
        let (setup, legs) = self.route_legs(&keeper.pubkey(), &hops, &sizing, min_profit);
        let fingerprint = fingerprint(&legs);
        if self.proposed.contains(&fingerprint) {
            info!("opportunity already proposed");
            return Ok(());
        }
        self.create_missing(chain, keeper, &setup)?;
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
        if let Err(e) = chain.simulate(std::slice::from_ref(&propose), &[keeper]) {
            if !e.is_transient() {
                // The chain refuses this route as it stands: it would refuse it again.
                self.proposed.insert(fingerprint);
            }
            return Err(e.into());
        }
        let address = self.addresses.proposal(id);
        if let Err(e) = self.send(chain, &[propose], keeper) {
            self.unconfirmed = Some(Unconfirmed { id, address });
            return Err(e.into());
        }
        // An earlier unconfirmed send used this same id (`confirm` forgets it once the id is
        // taken), so it can no longer land.
        self.unconfirmed = None;
        self.proposed.insert(fingerprint);
        Metrics::add(&self.metrics.proposals, 1);
        info!(id, "proposed");
        self.in_flight.push(InFlight {
            id,
            address,
            route,
            seen: ProposalStatus::Pending,
            executed: None,
        });
        Ok(())
    }

    /// The swap legs of `hops` sized by `sizing`, the last one paying back at least
    /// `amount_in + min_profit`, and the instructions creating the pool PDA's token accounts
    /// the route passes through.
    fn route_legs(
        &self,
        payer: &Pubkey,
        hops: &[RouteHop],
        sizing: &Sizing,
        min_profit: u64,
    ) -> (Vec<Instruction>, Vec<RouteLeg>) {
        let amounts = sizing.amounts();
        let mut setup = Vec::new();
        let legs = hops
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
                        payer,
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
        (setup, legs)
    }

    /// Sends those of `setup` whose account does not exist yet.
    fn create_missing(
        &self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        setup: &[Instruction],
    ) -> Result<(), KeeperError> {
        for instruction in setup {
            if chain.account(&instruction.accounts[1].pubkey)?.is_none() {
                self.send(chain, std::slice::from_ref(instruction), keeper)?;
            }
        }
        Ok(())
    }

    /// The pool's mandates for this keeper's product that are active now.
    fn active_mandates(
        &self,
        chain: &dyn Chain,
        pool: &Pool,
    ) -> Result<Vec<(Pubkey, Mandate)>, KeeperError> {
        let now = chain.clock()?.unix_timestamp;
        if !pool.mandates_active(now) {
            return Ok(Vec::new());
        }
        Ok(
            accounts::list_zero_copy::<Mandate>(chain, Some(&self.addresses.pool))?
                .into_iter()
                .filter(|(_, m)| {
                    m.product == self.config.product
                        && m.standing(now, pool.config_version) == MandateStanding::Active
                })
                .collect(),
        )
    }

    /// Takes the best opportunity now if an active mandate of this keeper's product covers it
    /// (its markets, size, budget and least profit, checked by the mandate's own rules):
    /// settles ready deposits and runs it in one simulated-then-sent transaction. Says whether
    /// it traded.
    fn execute_under_mandate(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        pool: &Pool,
        product: &Product,
        mandates: &[(Pubkey, Mandate)],
    ) -> Result<bool, KeeperError> {
        if mandates.is_empty() {
            return Ok(false);
        }
        let now = chain.clock()?.unix_timestamp;
        let Some((hops, sizing)) = self.market.best() else {
            return Ok(false);
        };
        let covering = mandates.iter().find_map(|(address, m)| {
            let markets = hops.iter().all(|h| m.markets().contains(&h.pool.address));
            let mut budget = *m;
            let within = budget.spend(sizing.amount_in, now).is_ok();
            let required = m
                .required_profit(sizing.amount_in, product.min_profit)
                .ok()?;
            (markets && within && sizing.profit >= required).then_some((*address, m.id, required))
        });
        let Some((mandate, id, required)) = covering else {
            return Ok(false);
        };
        Metrics::add(&self.metrics.opportunities, 1);
        let span = info_span!(
            "mandate",
            id,
            amount_in = sizing.amount_in,
            profit = sizing.profit
        );
        let _enter = span.enter();
        let slipped = sizing.profit * (10_000 - u64::from(self.config.slippage_bps)) / 10_000;
        let min_profit = slipped.max(required);
        let (setup, legs) = self.route_legs(&keeper.pubkey(), &hops, &sizing, min_profit);
        self.create_missing(chain, keeper, &setup)?;
        let mut instructions = deposits::settle_ready(chain, pool, &keeper.pubkey(), now)?;
        instructions.push(ix::execute_mandate(
            &self.addresses,
            &keeper.pubkey(),
            mandate,
            self.config.product,
            sizing.amount_in,
            min_profit,
            &pack(&legs),
        ));
        if let Err(e) = chain.simulate(&instructions, &[keeper]) {
            info!(error = %e, "the mandate execution would fail; proposing instead");
            return Ok(false);
        }
        let receipt = self.send(chain, &instructions, keeper)?;
        self.look_again = true;
        let logs = if receipt.logs.is_empty() {
            chain
                .transaction_logs(&receipt.signature)
                .unwrap_or_default()
        } else {
            receipt.logs
        };
        let executed = events::parse(&logs).into_iter().find_map(|e| match e {
            PoolEvent::MandateExecuted(e) if e.mandate == mandate => Some(e),
            _ => None,
        });
        Metrics::add(&self.metrics.mandate_executions, 1);
        let Some(e) = executed else {
            warn!("executed under the mandate, but its MandateExecuted event could not be read");
            return Ok(true);
        };
        let gain = e.gain;
        Metrics::add(&self.metrics.realised_profit, gain);
        self.executions.push(Execution {
            source: Source::Mandate(id),
            amount_in: sizing.amount_in,
            expected_profit: sizing.profit,
            gain,
            insurance: e.insurance,
            member_profit: e.member_profit,
        });
        info!(gain, "executed under the mandate");
        Ok(true)
    }

    /// Moves every followed proposal on. One that cannot be moved on now (a send failed, the
    /// chain did not answer) stays followed and is tried again at the next tick.
    fn follow(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        pool: &Pool,
    ) -> Result<(), KeeperError> {
        let now = chain.clock()?.unix_timestamp;
        for mut p in std::mem::take(&mut self.in_flight) {
            match self.advance(chain, keeper, pool, now, &mut p) {
                Ok(true) => self.in_flight.push(p),
                Ok(false) => {}
                Err(e) => {
                    Metrics::add(&self.metrics.errors, 1);
                    warn!(error = %e, id = p.id, "could not follow the proposal; trying again next tick");
                    self.in_flight.push(p);
                }
            }
        }
        Ok(())
    }

    /// Executes an approved proposal, expires one that can no longer run, and closes a
    /// finished one; says whether to keep following it.
    fn advance(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        pool: &Pool,
        now: i64,
        p: &mut InFlight,
    ) -> Result<bool, KeeperError> {
        let Some(mut state) = self.observe(chain, p)? else {
            return Ok(false);
        };
        let live = state.is_live(now, pool.config_version);
        let acted = match state.status() {
            ProposalStatus::Pending | ProposalStatus::Approved if !live => {
                let expire = ix::expire_proposal(&self.addresses, p.address);
                self.send(chain, &[expire], keeper)?;
                true
            }
            ProposalStatus::Approved => self.execute(chain, keeper, p)?,
            _ => false,
        };
        if acted {
            let Some(after) = self.observe(chain, p)? else {
                return Ok(false);
            };
            state = after;
        }
        if !state.is_finished() {
            return Ok(true);
        }
        let close = ix::close_proposal(&self.addresses, p.address, keeper.pubkey());
        self.send(chain, &[close], keeper)?;
        Ok(false)
    }

    /// Reads a followed proposal (`None`: closed, by anyone) and counts its status change
    /// since the last look. An execution is counted when seen, so one whose send was reported
    /// failed is counted all the same.
    fn observe(
        &mut self,
        chain: &dyn Chain,
        p: &mut InFlight,
    ) -> Result<Option<TradeProposal>, KeeperError> {
        let Some(state) = accounts::find_zero_copy::<TradeProposal>(chain, &p.address)? else {
            return Ok(None);
        };
        if state.status() != p.seen {
            p.seen = state.status();
            match p.seen {
                ProposalStatus::Pending => {}
                ProposalStatus::Approved => Metrics::add(&self.metrics.approvals, 1),
                ProposalStatus::Rejected => Metrics::add(&self.metrics.rejections, 1),
                ProposalStatus::Expired => Metrics::add(&self.metrics.expirations, 1),
                ProposalStatus::Executed => {
                    let event = executed_figures(chain, p, &state);
                    Metrics::add(&self.metrics.executions, 1);
                    Metrics::add(&self.metrics.realised_profit, event.gain);
                    self.executions.push(Execution {
                        source: Source::Proposal(p.id),
                        amount_in: state.amount_in,
                        expected_profit: state.expected_profit,
                        gain: event.gain,
                        insurance: event.insurance,
                        member_profit: event.member_profit,
                    });
                    info!(id = p.id, gain = event.gain, "executed");
                }
            }
        }
        Ok(Some(state))
    }

    /// Simulates, then executes an approved proposal; says whether it was sent (not when the
    /// simulation failed: the market moved; it waits for expiry).
    fn execute(
        &self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        p: &mut InFlight,
    ) -> Result<bool, KeeperError> {
        let span = info_span!("execute", id = p.id);
        let _enter = span.enter();
        let product = self.config.product;
        // a trade cannot run while a ready deposit request waits: settle those first, in the
        // same transaction
        let pool: Pool = accounts::load_zero_copy(chain, &self.config.pool)?;
        let now = chain.clock()?.unix_timestamp;
        let mut instructions = deposits::settle_ready(chain, &pool, &keeper.pubkey(), now)?;
        instructions.push(ix::execute_and_distribute(
            &self.addresses,
            &keeper.pubkey(),
            p.address,
            product,
            &p.route,
        ));
        if let Err(e) = chain.simulate(&instructions, &[keeper]) {
            info!(error = %e, "execution would fail; waiting for expiry");
            Metrics::add(&self.metrics.errors, 1);
            return Ok(false);
        }
        let receipt = self.send(chain, &instructions, keeper)?;
        p.executed = events::trade_executed(&events::parse(&receipt.logs), &p.address)
            .map(ExecutedFigures::from);
        Ok(true)
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

/// What an execution booked.
#[derive(Clone, Copy)]
struct ExecutedFigures {
    gain: u64,
    insurance: u64,
    member_profit: u64,
}

impl From<&TradeExecuted> for ExecutedFigures {
    fn from(e: &TradeExecuted) -> ExecutedFigures {
        ExecutedFigures {
            gain: e.gain,
            insurance: e.insurance,
            member_profit: e.member_profit,
        }
    }
}

/// The split of `p`'s execution as its `TradeExecuted` event booked it: from this keeper's own
/// send, else from the proposal's transaction history (another signer executed it, or the send
/// was reported failed but landed). Only a chain without history falls back to the stored gain
/// split at today's insurance share.
fn executed_figures(chain: &dyn Chain, p: &InFlight, state: &TradeProposal) -> ExecutedFigures {
    let from_history = || {
        chain
            .signatures_for_address(&p.address, 8)
            .ok()?
            .iter()
            .filter_map(|tx| chain.transaction_logs(&tx.signature).ok())
            .find_map(|logs| {
                events::trade_executed(&events::parse(&logs), &p.address).map(ExecutedFigures::from)
            })
    };
    if let Some(figures) = p.executed.or_else(from_history) {
        return figures;
    }
    warn!(
        id = p.id,
        "no TradeExecuted event found; splitting the stored gain at today's share"
    );
    let bps =
        accounts::load_zero_copy::<Pool>(chain, &state.pool).map_or(0, |pool| pool.insurance_bps);
    let (insurance, member_profit) = pool_bot::math::split_profit(state.realised_profit, bps)
        .unwrap_or((0, state.realised_profit));
    ExecutedFigures {
        gain: state.realised_profit,
        insurance,
        member_profit,
    }
}
