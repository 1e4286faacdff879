//! Running one path through the shared market: an event queue of price shocks, the
//! competitor's answers, the keeper's reactions and the validators' votes, with the chain's
//! clock advanced to each event (in slots and seconds, never more than the next event).
use crate::config::SimConfig;
use crate::report::{PathReport, TradeRow};
use crate::schedule::{exponential, Shock};
use crate::world::World;
use crate::SimError;
use pool_bot::math::assets_for_shares;
use pool_bot_client::landing::Tracking;
use pool_bot_keeper::{Keeper, KeeperConfig, Metrics, Source};
use pool_bot_validator::{Policy, ValidatorAgent};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

/// Which way the pool's trades are approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TradingPath {
    /// Each trade proposed and voted on (`propose_trade`, votes, `execute_and_distribute`).
    PerTrade,
    /// Trades inside a mandate approved once, executed in the slot they are found.
    Mandate,
}

impl TradingPath {
    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            TradingPath::PerTrade => "per-trade votes",
            TradingPath::Mandate => "mandate",
        }
    }
}

/// What happens at a moment of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    /// Shock `i` lands.
    Shock(usize),
    /// The competitor answers shock `i`.
    Competitor(usize),
    /// The keeper looks at the market and its proposals.
    Keeper,
    /// Validator `i`'s agent looks at the open proposals.
    Vote(usize),
    /// The standing mandate ends: a new one is approved.
    RenewMandate,
}

/// The slot length, in milliseconds.
const SLOT_MS: u64 = 400;

/// Runs `path` through `shocks`, calling `progress(simulated_ms)` as the clock moves.
pub fn run_path(
    config: &SimConfig,
    path: TradingPath,
    shocks: &[Shock],
    progress: &mut dyn FnMut(u64),
) -> Result<PathReport, SimError> {
    let mut w = World::build(config)?;
    let end = u64::from(config.days) * 86_400_000;
    let mut queue: BinaryHeap<Reverse<(u64, u64, Event)>> = BinaryHeap::new();
    let mut seq = 0;
    let mut push = |queue: &mut BinaryHeap<_>, at: u64, event: Event| {
        seq += 1;
        queue.push(Reverse((at, seq, event)));
    };
    for (i, s) in shocks.iter().enumerate() {
        push(&mut queue, s.at_ms, Event::Shock(i));
        push(
            &mut queue,
            s.at_ms + s.competitor_after_ms,
            Event::Competitor(i),
        );
        push(
            &mut queue,
            s.at_ms + config.keeper_latency_ms,
            Event::Keeper,
        );
    }
    if path == TradingPath::Mandate {
        let terms = w.mandate_terms(config.days);
        let lifetime = terms.duration as u64 * 1_000;
        w.approve_mandate(terms)?;
        push(&mut queue, lifetime, Event::RenewMandate);
    }

    let mut keeper_config = KeeperConfig::new(w.seed.pool.pool, w.product);
    // the embedded chain answers at once: nothing to wait for, nothing to rebuild
    keeper_config.sender.tracking = Tracking {
        poll: Duration::ZERO,
        rebuilds: 0,
        ..Tracking::default()
    };
    let mut keeper = Keeper::new(&w.chain, keeper_config, pool_bot_dex::all())?;
    let keeper_key = w.seed.keeper.insecure_clone();
    let validators: Vec<_> = w
        .seed
        .validators
        .iter()
        .map(|v| v.insecure_clone())
        .collect();
    let mut agents = validators
        .iter()
        .map(|_| {
            ValidatorAgent::new(
                &w.chain,
                &w.seed.pool.pool,
                Policy::new(pool_bot_seed::USDC, 50_000 * pool_bot_seed::USDC),
                pool_bot_dex::all(),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let proposal_ttl_ms = w.seed.pool_state(&w.chain)?.proposal_ttl as u64 * 1_000;
    let mut votes_rng = StdRng::seed_from_u64(config.seed ^ 0x766f_7465);
    let start_usdc = w.competitor.balance(&w.chain, &w.seed.usdc);

    let mut now = 0u64;
    let mut trades = Vec::new();
    let mut lost_to_competitors = 0;
    // an opportunity the keeper detected and has not captured yet
    let mut detected_open = false;
    while let Some(Reverse((at, _, event))) = queue.pop() {
        if at >= end {
            break;
        }
        let (seconds, slots) = (at / 1_000 - now / 1_000, at / SLOT_MS - now / SLOT_MS);
        if seconds > 0 || slots > 0 {
            w.chain.advance(seconds as i64, slots);
        }
        now = at;
        match event {
            Event::Shock(i) => w.shock(&shocks[i])?,
            Event::Competitor(_) => {
                if w.competitor.act(&mut w.chain)? && detected_open {
                    lost_to_competitors += 1;
                    detected_open = false;
                }
            }
            Event::Keeper => {
                let (opportunities, proposed) = (
                    Metrics::get(&keeper.metrics().opportunities),
                    w.seed.pool_state(&w.chain)?.next_proposal_id,
                );
                keeper.tick(&mut w.chain, &keeper_key);
                detected_open |= Metrics::get(&keeper.metrics().opportunities) > opportunities;
                let executions = keeper.take_executions();
                for e in &executions {
                    detected_open = false;
                    let (via, id) = match e.source {
                        Source::Proposal(id) => ("proposal", id),
                        Source::Mandate(id) => ("mandate", id),
                    };
                    trades.push(TradeRow {
                        day: (at / 86_400_000) as u32,
                        via: via.into(),
                        id,
                        amount_in: e.amount_in,
                        expected_profit: e.expected_profit,
                        gain: e.gain,
                        insurance: e.insurance,
                        member_profit: e.member_profit,
                    });
                }
                if w.seed.pool_state(&w.chain)?.next_proposal_id > proposed {
                    // a new proposal: each validator answers after its delay, unless offline
                    for v in 0..agents.len() {
                        if votes_rng.gen_range(0..100) >= config.validator_offline_pct {
                            let delay = exponential(&mut votes_rng, config.validator_delay_ms);
                            push(&mut queue, at + delay.max(1), Event::Vote(v));
                        }
                    }
                    // the keeper comes back to expire it if nothing else wakes it
                    push(&mut queue, at + proposal_ttl_ms + 1_000, Event::Keeper);
                }
                if path == TradingPath::Mandate && !executions.is_empty() {
                    // more may be left to take once this trade landed
                    push(&mut queue, at + SLOT_MS, Event::Keeper);
                }
            }
            Event::Vote(v) => {
                // a vote the chain refuses (the proposal expired meanwhile) is no fault here
                let _ = agents[v].tick(&mut w.chain, &validators[v]);
                push(&mut queue, at + config.keeper_latency_ms, Event::Keeper);
            }
            Event::RenewMandate => {
                let terms = w.mandate_terms(config.days);
                let lifetime = terms.duration as u64 * 1_000;
                w.approve_mandate(terms)?;
                push(&mut queue, at + lifetime, Event::RenewMandate);
            }
        }
        progress(now);
    }
    progress(end);

    let pool = w.seed.pool_state(&w.chain)?;
    let reserve = w.seed.reserve(&w.chain)?;
    let position = w.seed.position(&w.chain, &w.seed.members[0])?;
    let value = assets_for_shares(position.shares, pool.total_shares, pool.total_assets)
        .map_err(|_| SimError::ShareMath)?;
    let metrics = keeper.metrics();
    let competitor_gain = w
        .competitor
        .balance(&w.chain, &w.seed.usdc)
        .saturating_sub(start_usdc);
    Ok(PathReport {
        path: path.name().into(),
        opportunities: Metrics::get(&metrics.opportunities),
        proposed: pool.trades_proposed,
        approved: pool.trades_approved,
        rejected: pool.trades_rejected,
        expired: pool.trades_expired,
        executed: pool.trades_executed + pool.mandate_trades,
        under_mandate: pool.mandate_trades,
        lost_to_competitors,
        competitor_trades: w.competitor.trades,
        competitor_gain,
        total_profit: pool.total_profit,
        insurance: reserve.total_allocated,
        member_profit: pool.total_member_profit,
        capital: pool.total_contributed,
        example_member: (position.capital_contributed, value),
        trades,
    })
}
