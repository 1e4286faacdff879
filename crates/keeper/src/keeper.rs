//! The keeper service: each `tick` refreshes the market, follows the proposals it made
//! (approved → simulate and execute; rejected, expired or stale → expire; finished → reclaim
//! the rent), and proposes the best opportunity when nothing it proposed is still waiting for
//! votes. A failed send loses nothing: the proposal stays followed, the opportunity is looked
//! at again, and a proposal whose send was reported failed is looked up on chain in case it
//! landed.
use crate::lookup::{self, PoolTable, Upkeep};
use crate::market::{MarketView, RouteHop};
use crate::metrics::{Fault, Metrics};
use anchor_lang::prelude::borsh;
use pool_bot::events::TradeExecuted;
use pool_bot::route::RouteLeg;
use pool_bot::state::{
    Mandate, MandateStanding, Pool, Product, ProposalStanding, ProposalStatus, TradeProposal,
};
use pool_bot_arb::Direction;
use pool_bot_arb::{Limits, Sizing};
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::chain::{self, Chain, ChainError, Receipt, PACKET_BYTES};
use pool_bot_client::deposits;
use pool_bot_client::events::{self, PoolEvent};
use pool_bot_client::fees::{ComputeBudget, MAX_COMPUTE_UNIT_LIMIT};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::landing::{Prepared, Sender, Sent};
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::route::{pack, PackedRoute};
use pool_bot_client::{token, Instruction, Pubkey};
use pool_bot_dex::{DexDecoder, SwapRequest};
use solana_keypair::Keypair;
use solana_message::AddressLookupTableAccount;
use solana_signature::Signature;
use solana_signer::Signer;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant};
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
    /// How its transactions are priced (compute limit and price) and followed to
    /// confirmation (re-sends, rebuilds after a refused or expired blockhash).
    pub sender: Sender,
    /// The lookup table to use; `None`: the keeper finds its own or creates one.
    pub lookup_table: Option<Pubkey>,
}

impl KeeperConfig {
    /// Defaults: 1% slippage, the default fee policy and tracking.
    pub fn new(pool: Pubkey, product: Pubkey) -> KeeperConfig {
        KeeperConfig {
            pool,
            product,
            slippage_bps: 100,
            sender: Sender::default(),
            lookup_table: None,
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
    /// Its configuration cannot be used.
    #[error("{0}")]
    Config(String),
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
    /// The pool's lookup table, through which its transactions name their accounts.
    table: PoolTable,
    /// A mandate execution sent but not confirmed: no other runs under a mandate until it is
    /// known to have landed or its blockhash expired, so a retry cannot spend the budget
    /// twice.
    unconfirmed_mandate: Option<UnconfirmedSend>,
    /// When the market feed last reported a change not yet acted on.
    changed_at: Option<Instant>,
    /// How long the last trade transaction took to be sent after the change that caused it.
    last_reaction: Option<Duration>,
    metrics: Arc<Metrics>,
}

/// A mandate execution whose fate is unknown until its blockhash expires.
#[derive(Clone, Copy, Debug)]
struct UnconfirmedSend {
    signature: Signature,
    /// It cannot land past this block height.
    last_valid_block_height: u64,
    run: PendingMandateRun,
}

/// What a mandate execution was sent to do, to book it once it lands.
#[derive(Clone, Copy, Debug)]
struct PendingMandateRun {
    mandate: Pubkey,
    id: u64,
    amount_in: u64,
    expected_profit: u64,
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
        config
            .sender
            .fees
            .validate()
            .map_err(|e| KeeperError::Config(e.to_string()))?;
        let table = PoolTable::new(addresses.pool, config.lookup_table);
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
            table,
            unconfirmed_mandate: None,
            changed_at: None,
            last_reaction: None,
            metrics: Arc::new(Metrics::default()),
        })
    }

    /// The keeper's metrics (serve their registry, see `Metrics::registry`).
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// One round: refresh, follow, propose. Errors are counted and logged; the keeper goes on
    /// at the next tick.
    pub fn tick(&mut self, chain: &mut dyn Chain, keeper: &Keypair) {
        let started = Instant::now();
        if let Err(e) = self.try_tick(chain, keeper) {
            Metrics::add(&self.metrics.errors, 1);
            if let Some(kind) = fault_of(&e) {
                self.metrics.fault(kind);
            }
            warn!(error = %e, "keeper tick failed");
        }
        self.metrics.observe_tick(started.elapsed());
        // a change this tick did not trade on is not what a later trade reacts to
        self.changed_at = None;
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
        let refresh = self
            .market
            .refresh(chain, &self.decoders, product.markets())?;
        self.look_again |= refresh.added + refresh.updated > 0;
        if self.table.refresh(chain, &keeper.pubkey())? {
            Metrics::add(&self.metrics.errors, 1);
            self.metrics.fault(Fault::LookupTable);
            warn!("the pool's lookup table was deactivated; listing its accounts in a new one");
        }
        if refresh.added > 0 || self.table.key().is_none() {
            let wanted = self.table_accounts();
            self.keep_table(chain, keeper, &wanted);
        }
        self.confirm(chain, &keeper.pubkey(), &pool)?;
        self.follow(chain, keeper, &pool)?;
        if self.awaiting_mandate_execution(chain) {
            // the market may or may not have moved by it: trade nothing until that is known
            return Ok(());
        }
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
        let others = self.others_pending_proposal_over(chain, &keeper.pubkey(), pool, &hops)?;
        if let Some(id) = others
            .filter(|(_, theirs)| *theirs >= sizing.profit * 9 / 10)
            .map(|(id, _)| id)
        {
            // another keeper of the pool proposed these markets: one proposal per opportunity
            info!(id, "another keeper's live proposal trades these markets");
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
        let address = self.addresses.proposal(id);
        let wanted = lookup::reusable_accounts(std::slice::from_ref(&propose), &[address]);
        let prepared = match self.prepare(chain, keeper, &[propose], &wanted) {
            Ok(prepared) => prepared,
            Err(e) => {
                if !e.is_transient() {
                    // The chain refuses this route as it stands: it would refuse it again.
                    self.proposed.insert(fingerprint);
                }
                return Err(e.into());
            }
        };
        let sending = Instant::now();
        if let Err(e) = self.land(chain, keeper, &prepared) {
            self.unconfirmed = Some(Unconfirmed { id, address });
            return Err(e.into());
        }
        self.reacted(sending);
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

    /// A pending, live proposal of the pool by another keeper than `me` whose route runs
    /// through the markets of `hops` in the same order: its id and expected profit (a keeper
    /// defers only to one about as good as its own, so a poor one cannot hold a market).
    fn others_pending_proposal_over(
        &self,
        chain: &dyn Chain,
        me: &Pubkey,
        pool: &Pool,
        hops: &[RouteHop],
    ) -> Result<Option<(u64, u64)>, ChainError> {
        let now = chain.clock()?.unix_timestamp;
        let markets: Vec<Pubkey> = hops.iter().map(|h| h.pool.address).collect();
        for (_, proposal) in accounts::proposals(chain, &self.addresses.pool)? {
            let pending = proposal.standing(now, pool.config_version) == ProposalStanding::Pending;
            if !pending || proposal.proposer == *me {
                continue;
            }
            let Ok(legs) = accounts::proposal_route(&proposal) else {
                continue;
            };
            let through: Vec<Pubkey> = legs
                .iter()
                .filter_map(|leg| self.decoders.iter().find_map(|d| d.read_leg(leg)))
                .map(|swap| swap.pool)
                .collect();
            if through == markets {
                return Ok(Some((proposal.id, proposal.expected_profit)));
            }
        }
        Ok(None)
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
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        setup: &[Instruction],
    ) -> Result<(), KeeperError> {
        for instruction in setup {
            if chain.account(&instruction.accounts[1].pubkey)?.is_none() {
                self.send(chain, keeper, std::slice::from_ref(instruction))?;
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
    /// it traded (or is waiting to learn whether its last mandate execution landed).
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
        let execute = ix::execute_mandate(
            &self.addresses,
            &keeper.pubkey(),
            mandate,
            self.config.product,
            sizing.amount_in,
            min_profit,
            &pack(&legs),
        );
        let wanted = lookup::reusable_accounts(std::slice::from_ref(&execute), &[]);
        let mut instructions = deposits::settle_ready(chain, pool, &keeper.pubkey(), now)?;
        instructions.push(execute);
        let prepared = match self.prepare(chain, keeper, &instructions, &wanted) {
            Ok(prepared) => prepared,
            Err(e) => {
                info!(error = %e, "the mandate execution would fail; proposing instead");
                return Ok(false);
            }
        };
        let pending = PendingMandateRun {
            mandate,
            id,
            amount_in: sizing.amount_in,
            expected_profit: sizing.profit,
        };
        let sending = Instant::now();
        let receipt = match self.land(chain, keeper, &prepared) {
            Ok(receipt) => {
                self.reacted(sending);
                receipt
            }
            Err(ChainError::Unconfirmed {
                signature,
                reason,
                last_valid_block_height,
            }) => {
                self.metrics.fault(Fault::Timeout);
                // it may still land: run nothing else under a mandate until its fate is known
                // (recorded before anything else can fail)
                if let Ok(signature) = signature.parse() {
                    self.unconfirmed_mandate = Some(UnconfirmedSend {
                        signature,
                        last_valid_block_height,
                        run: pending,
                    });
                }
                warn!(%reason, "the mandate execution was sent but not confirmed; waiting for its fate");
                return Ok(true);
            }
            Err(e) => return Err(e.into()),
        };
        self.look_again = true;
        self.book_mandate_run(chain, &receipt, pending);
        Ok(true)
    }

    /// Whether a mandate execution sent earlier may still land (then nothing else runs under
    /// a mandate); books it once it is seen landed, forgets it once its blockhash expired.
    /// A node that cannot tell keeps it waiting.
    fn awaiting_mandate_execution(&mut self, chain: &dyn Chain) -> bool {
        let Some(sent) = self.unconfirmed_mandate else {
            return false;
        };
        match chain.status(&sent.signature) {
            Ok(Some(Ok(receipt))) => {
                self.unconfirmed_mandate = None;
                self.look_again = true;
                self.book_mandate_run(chain, &receipt, sent.run);
                false
            }
            Ok(Some(Err(_))) => {
                self.unconfirmed_mandate = None;
                false
            }
            Ok(None) | Err(_) => {
                let expired = chain
                    .block_height()
                    .is_ok_and(|height| height > sent.last_valid_block_height);
                if expired {
                    info!("the unconfirmed mandate execution expired without landing");
                    self.unconfirmed_mandate = None;
                }
                !expired
            }
        }
    }

    /// Counts a mandate execution that landed, with the split its `MandateExecuted` event
    /// booked.
    fn book_mandate_run(&mut self, chain: &dyn Chain, receipt: &Receipt, run: PendingMandateRun) {
        let logs = if receipt.logs.is_empty() {
            chain
                .transaction_logs(&receipt.signature)
                .unwrap_or_default()
        } else {
            receipt.logs.clone()
        };
        let executed = events::parse(&logs).into_iter().find_map(|e| match e {
            PoolEvent::MandateExecuted(e) if e.mandate == run.mandate => Some(e),
            _ => None,
        });
        Metrics::add(&self.metrics.mandate_executions, 1);
        let Some(e) = executed else {
            warn!("executed under the mandate, but its MandateExecuted event could not be read");
            return;
        };
        Metrics::add(&self.metrics.realised_profit, e.gain);
        self.executions.push(Execution {
            source: Source::Mandate(run.id),
            amount_in: run.amount_in,
            expected_profit: run.expected_profit,
            gain: e.gain,
            insurance: e.insurance,
            member_profit: e.member_profit,
        });
        info!(gain = e.gain, "executed under the mandate");
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
                self.send(chain, keeper, &[expire])?;
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
        self.send(chain, keeper, &[close])?;
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
        &mut self,
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
        let execute = ix::execute_and_distribute(
            &self.addresses,
            &keeper.pubkey(),
            p.address,
            product,
            &p.route,
        );
        let wanted = lookup::reusable_accounts(std::slice::from_ref(&execute), &[p.address]);
        let mut instructions = deposits::settle_ready(chain, &pool, &keeper.pubkey(), now)?;
        instructions.push(execute);
        let prepared = match self.prepare(chain, keeper, &instructions, &wanted) {
            Ok(prepared) => prepared,
            Err(e) if e.is_transient() => return Err(e.into()),
            Err(e) => {
                info!(error = %e, "execution would fail; waiting for expiry");
                Metrics::add(&self.metrics.errors, 1);
                return Ok(false);
            }
        };
        let receipt = self.land(chain, keeper, &prepared)?;
        p.executed = events::trade_executed(&events::parse(&receipt.logs), &p.address)
            .map(ExecutedFigures::from);
        Ok(true)
    }

    /// The accounts worth keeping in the pool's lookup table: the pool's own, the product,
    /// the programs, and every account a swap in a known market names.
    fn table_accounts(&self) -> Vec<Pubkey> {
        let a = &self.addresses;
        let mut legs = Vec::new();
        for (pool, decoder) in self.market.pools() {
            let (mint_in, mint_out) = pool.mints(Direction::AToB);
            let swap = SwapRequest {
                signer: a.pool,
                source: self.account_for(&mint_in, &pool.token_program),
                destination: self.account_for(&mint_out, &pool.token_program),
                mint_in,
                amount_in: 0,
                min_amount_out: 0,
            };
            legs.push(self.decoders[decoder].swap_leg(pool, &swap));
        }
        let route = pack(&legs);
        let mut keys = vec![
            a.pool,
            a.validator_set,
            a.vault,
            a.insurance,
            a.insurance_vault,
            a.mint,
            a.token_program,
            self.config.product,
            pool_bot::ID,
            anchor_lang::system_program::ID,
        ];
        for key in route.remaining.iter().map(|m| m.pubkey) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// Makes the pool's lookup table list `wanted`, as far as the chain lets it: a failure (no
    /// SOL for the rent, a node refusing) is counted and logged, and the keeper goes on with
    /// the table as it is (short routes fit without it).
    fn keep_table(&mut self, chain: &mut dyn Chain, keeper: &Keypair, wanted: &[Pubkey]) {
        if let Err(e) = self.extend_table(chain, keeper, wanted) {
            Metrics::add(&self.metrics.errors, 1);
            self.metrics.fault(Fault::LookupTable);
            warn!(error = %e, "cannot keep the pool's lookup table; sending without the new entries");
        }
    }

    /// Creates the pool's lookup table (first) or extends it by what `wanted` misses, each
    /// step in its own transaction.
    fn extend_table(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        wanted: &[Pubkey],
    ) -> Result<(), ChainError> {
        let slot = chain.clock()?.slot;
        let Upkeep::Send(steps) = self.table.upkeep(&keeper.pubkey(), slot, wanted) else {
            return Ok(());
        };
        let creates = self.table.key().is_none();
        for (i, step) in steps.iter().enumerate() {
            let sent =
                self.config
                    .sender
                    .send(chain, std::slice::from_ref(step), &[keeper], &[])?;
            self.count_sent(&sent);
            if i == 0 && creates {
                self.table.created(&keeper.pubkey(), slot);
                info!(
                    table = %self.table.key().unwrap_or_default(),
                    "created the pool's lookup table (pin it with lookup_table in the config file)"
                );
            }
        }
        self.table.refresh(chain, &keeper.pubkey())?;
        Ok(())
    }

    /// The lookup tables `instructions` go through: the pool's table, first made to list
    /// `wanted`. When the transaction fits only with entries added in this slot, waits for the
    /// next slot (they are usable from then on).
    fn tables_for(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        instructions: &[Instruction],
        wanted: &[Pubkey],
    ) -> Result<Vec<AddressLookupTableAccount>, ChainError> {
        if !wanted.is_empty() {
            self.keep_table(chain, keeper, wanted);
        }
        let mut slot = chain.clock()?.slot;
        let tracking = self.config.sender.tracking;
        let mut waits = 0;
        loop {
            let tables = self.table.usable(slot);
            if fits(instructions, keeper, &tables) {
                return Ok(tables);
            }
            if self.table.covers(slot, wanted) {
                return Err(ChainError::Transaction {
                    error: format!(
                        "the transaction is larger than {PACKET_BYTES} bytes even through the \
                         pool's lookup table"
                    ),
                    logs: Vec::new(),
                });
            }
            if waits == tracking.patience.max(1) {
                return Err(ChainError::Transport(
                    "the transaction fits only through lookup table entries added in this \
                     slot, usable from the next one"
                        .into(),
                ));
            }
            std::thread::sleep(tracking.poll);
            waits += 1;
            slot = chain.clock()?.slot;
        }
    }

    /// Checks `instructions` by simulation through the pool's lookup table (made to list
    /// `wanted` first) and prices them; a refusal here sent nothing.
    fn prepare(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        instructions: &[Instruction],
        wanted: &[Pubkey],
    ) -> Result<(Prepared, Vec<AddressLookupTableAccount>), ChainError> {
        let tables = self.tables_for(chain, keeper, instructions, wanted)?;
        let prepared = self
            .config
            .sender
            .prepare(&*chain, instructions, &[keeper], &tables)?;
        Ok((prepared, tables))
    }

    /// Sends a prepared transaction and follows it until it is confirmed, counting its fee.
    fn land(
        &self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        (prepared, tables): &(Prepared, Vec<AddressLookupTableAccount>),
    ) -> Result<Receipt, ChainError> {
        let started = Instant::now();
        let sent = self
            .config
            .sender
            .land(chain, prepared, &[keeper], tables)?;
        self.metrics.observe_send(started.elapsed());
        self.count_sent(&sent);
        Ok(sent.receipt)
    }

    /// `prepare`, then `land`, for a transaction that needs no new table entries.
    fn send(
        &mut self,
        chain: &mut dyn Chain,
        keeper: &Keypair,
        instructions: &[Instruction],
    ) -> Result<Receipt, ChainError> {
        let prepared = self.prepare(chain, keeper, instructions, &[])?;
        self.land(chain, keeper, &prepared)
    }

    /// Counts what a landed transaction paid, whether the market asked more, and the
    /// blockhashes it went through.
    fn count_sent(&self, sent: &Sent) {
        self.metrics.observe_fee(sent.receipt.fee);
        if sent.price.below_market() {
            Metrics::add(&self.metrics.priced_below_market, 1);
            self.metrics.fault(Fault::FeeCeiling);
            warn!(
                price = sent.price.micro_lamports,
                market = sent.price.market_micro_lamports,
                "the fee ceiling is below the market's price: sent at the ceiling"
            );
        }
        for _ in 0..sent.stale_blockhashes {
            Metrics::add(&self.metrics.errors, 1);
            self.metrics.fault(Fault::Blockhash);
        }
    }

    /// The accounts whose changes move the market: every known DEX pool and its vaults (for
    /// the market feed to watch).
    pub fn watched_accounts(&self) -> Vec<Pubkey> {
        self.market
            .pools()
            .flat_map(|(pool, _)| [pool.address, pool.vaults[0], pool.vaults[1]])
            .collect()
    }

    /// The market feed saw a change at `at`: look for an opportunity at the next tick, and time
    /// the reaction from then.
    pub fn market_changed(&mut self, at: Instant) {
        self.look_again = true;
        self.changed_at.get_or_insert(at);
    }

    /// How long the last trade transaction (a proposal or a mandate execution) took to be
    /// sent after the market change that caused it, once: `None` until the next one.
    pub fn take_reaction(&mut self) -> Option<Duration> {
        self.last_reaction.take()
    }

    /// Times the reaction to the pending market change, now that a trade was sent for it.
    fn reacted(&mut self, sent_at: Instant) {
        if let Some(at) = self.changed_at.take() {
            let took = sent_at.saturating_duration_since(at);
            self.metrics.observe_reaction(took);
            self.last_reaction = Some(took);
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

/// The kind of fault a failed tick met, when it is the node's or the network's doing.
fn fault_of(error: &KeeperError) -> Option<Fault> {
    match error {
        KeeperError::Chain(ChainError::Transport(_)) => Some(Fault::Rpc),
        KeeperError::Chain(ChainError::Unconfirmed { .. }) => Some(Fault::Timeout),
        KeeperError::Chain(e) if e.is_stale_blockhash() => Some(Fault::Blockhash),
        _ => None,
    }
}

/// Whether `instructions`, with the compute budget instructions a send adds, fit in one
/// transaction through `tables`.
fn fits(
    instructions: &[Instruction],
    keeper: &Keypair,
    tables: &[AddressLookupTableAccount],
) -> bool {
    let budget = ComputeBudget {
        unit_limit: MAX_COMPUTE_UNIT_LIMIT,
        unit_price: 1,
    };
    let all = budget.before(instructions);
    let blockhash = solana_hash::Hash::default();
    // a transaction that cannot be compiled (more than 256 accounts) does not fit either
    chain::transaction(&all, &[keeper], tables, blockhash)
        .is_ok_and(|tx| chain::serialized_size(&tx) <= PACKET_BYTES)
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
