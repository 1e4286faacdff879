//! The engine: market, cycles, the index from each pool to the cycles through it, and the
//! current sizing of every cycle.
//!
//! A pool update re-sizes only the cycles through that pool and keeps the ranking of profitable
//! cycles (`BTreeSet` by profit) current, so [`Engine::best`] and [`Engine::top`] cost nothing
//! extra. The work per update depends on how many cycles use the pool, not on the market's size.
use crate::curve::{ConstantProduct, Direction, PoolQuote};
use crate::cycle::{cycles_through, Cycle, CycleId, Hop, MAX_HOPS};
use crate::error::ArbError;
use crate::market::{Market, PoolId, TokenId};
use crate::sizing::{size, Limits, Sizing};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// A profitable cycle and its sizing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opportunity<'a> {
    /// Which cycle.
    pub cycle: CycleId,
    /// Its hops, in trading order.
    pub hops: &'a [Hop],
    /// Its best size under the engine's limits.
    pub sizing: &'a Sizing,
}

/// Arbitrage cycles of one base token over a market of pools of curve `P`.
#[derive(Clone, Debug)]
pub struct Engine<P = ConstantProduct> {
    base: TokenId,
    limits: Limits,
    market: Market<P>,
    cycles: Vec<Cycle>,
    /// For every pool, the cycles that use it.
    by_pool: Vec<Vec<CycleId>>,
    /// For every cycle, its sizing when profitable.
    sizings: Vec<Option<Sizing>>,
    /// Profitable cycles, most profitable first (ties by cycle id).
    ranking: BTreeSet<(Reverse<u64>, CycleId)>,
}

impl<P: PoolQuote> Engine<P> {
    /// An empty market trading `base` under `limits`.
    pub fn new(base: TokenId, limits: Limits) -> Self {
        Engine {
            base,
            limits,
            market: Market::new(),
            cycles: Vec::new(),
            by_pool: Vec::new(),
            sizings: Vec::new(),
            ranking: BTreeSet::new(),
        }
    }

    /// The base token.
    pub fn base(&self) -> TokenId {
        self.base
    }

    /// The limits every sizing respects.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The pools.
    pub fn market(&self) -> &Market<P> {
        &self.market
    }

    /// Every cycle found so far, indexed by [`CycleId::index`].
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// The cycles that use `pool` (empty for an unknown pool).
    pub fn cycles_through(&self, pool: PoolId) -> &[CycleId] {
        self.by_pool.get(pool.index()).map_or(&[], Vec::as_slice)
    }

    /// The current sizing of `cycle`, `None` when it is not profitable (or unknown).
    pub fn sizing(&self, cycle: CycleId) -> Option<&Sizing> {
        self.sizings.get(cycle.index())?.as_ref()
    }

    /// Adds a pool, finds the cycles it closes and sizes them.
    pub fn add_pool(
        &mut self,
        token_a: TokenId,
        token_b: TokenId,
        state: P,
    ) -> Result<PoolId, ArbError> {
        let pool = self.market.add_pool(token_a, token_b, state)?;
        self.by_pool.push(Vec::new());
        for cycle in cycles_through(&self.market, self.base, pool) {
            let id = CycleId(u32::try_from(self.cycles.len()).map_err(|_| ArbError::Capacity)?);
            for hop in cycle.hops() {
                self.by_pool[hop.pool.index()].push(id);
            }
            self.cycles.push(cycle);
            self.sizings.push(None);
            self.rescore(id);
        }
        Ok(pool)
    }

    /// Replaces the state (reserves) of `pool` and re-sizes the cycles through it, only those.
    pub fn update_pool(&mut self, pool: PoolId, state: P) -> Result<(), ArbError> {
        self.market.update_pool(pool, state)?;
        for i in 0..self.by_pool[pool.index()].len() {
            self.rescore(self.by_pool[pool.index()][i]);
        }
        Ok(())
    }

    /// Changes the limits and re-sizes every cycle.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
        self.rescore_all();
    }

    /// Re-sizes every cycle from scratch.
    pub fn rescore_all(&mut self) {
        for i in 0..self.cycles.len() {
            self.rescore(CycleId(i as u32));
        }
    }

    /// The most profitable cycle, if any.
    pub fn best(&self) -> Option<Opportunity<'_>> {
        self.top(1).next()
    }

    /// The `k` most profitable cycles, most profitable first.
    pub fn top(&self, k: usize) -> impl Iterator<Item = Opportunity<'_>> {
        self.ranking.iter().take(k).filter_map(|&(_, cycle)| {
            Some(Opportunity {
                cycle,
                hops: self.cycles[cycle.index()].hops(),
                sizing: self.sizings[cycle.index()].as_ref()?,
            })
        })
    }

    /// Sizes `cycle` under other `limits` (e.g. a larger search budget before trading it),
    /// without storing the result; `None` if unprofitable or unknown.
    pub fn size_cycle(&self, cycle: CycleId, limits: &Limits) -> Option<Sizing> {
        let hops = self.cycles.get(cycle.index())?.hops();
        let pool = |hop: &Hop| &self.market.pools()[hop.pool.index()].state;
        let legs: [(&P, Direction); MAX_HOPS] = std::array::from_fn(|i| {
            let hop = hops.get(i).unwrap_or(&hops[0]);
            (pool(hop), hop.direction)
        });
        size(&legs[..hops.len()], limits)
    }

    /// Sizes `cycle` again and moves it in the ranking.
    fn rescore(&mut self, cycle: CycleId) {
        let sizing = self.size_cycle(cycle, &self.limits);
        let old = std::mem::replace(&mut self.sizings[cycle.index()], sizing);
        let (old, new) = (old.map(|s| s.profit), sizing.map(|s| s.profit));
        if old != new {
            if let Some(profit) = old {
                self.ranking.remove(&(Reverse(profit), cycle));
            }
            if let Some(profit) = new {
                self.ranking.insert((Reverse(profit), cycle));
            }
        }
    }
}
