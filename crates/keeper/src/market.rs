//! The keeper's view of the DEX market: the engine's integer ids mapped to pubkeys, refreshed
//! from the decoders. Only pools whose reserves changed are fed to the engine, which re-scores
//! only the cycles through them.
use pool_bot_arb::{ConstantProduct, Direction, Engine, Limits, PoolId, Sizing, TokenId};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::Pubkey;
use pool_bot_dex::{DexDecoder, DexPool};
use std::collections::HashMap;

/// One hop of a chosen route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteHop {
    /// The DEX pool.
    pub pool: DexPool,
    /// Which way it trades.
    pub direction: Direction,
    /// Index of its decoder.
    pub decoder: usize,
}

/// What a refresh changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Pools seen for the first time.
    pub added: usize,
    /// Pools whose reserves changed.
    pub updated: usize,
}

/// The market around one base token.
pub struct MarketView {
    engine: Engine<ConstantProduct>,
    pools: Vec<(DexPool, usize)>,
    by_address: HashMap<Pubkey, PoolId>,
    tokens: HashMap<Pubkey, TokenId>,
}

impl MarketView {
    /// An empty market trading `base_mint` under `limits`.
    pub fn new(base_mint: Pubkey, limits: Limits) -> MarketView {
        let mut tokens = HashMap::new();
        tokens.insert(base_mint, TokenId(0));
        MarketView {
            engine: Engine::new(TokenId(0), limits),
            pools: Vec::new(),
            by_address: HashMap::new(),
            tokens,
        }
    }

    fn token(&mut self, mint: Pubkey) -> TokenId {
        let next = TokenId(self.tokens.len() as u32);
        *self.tokens.entry(mint).or_insert(next)
    }

    /// Reads every pool of every decoder that is in `allowed` (all of them when it is empty,
    /// as a product listing no markets allows any) and updates the engine with what changed.
    pub fn refresh(
        &mut self,
        chain: &dyn Chain,
        decoders: &[Box<dyn DexDecoder>],
        allowed: &[Pubkey],
    ) -> Result<Refresh, ChainError> {
        let mut refresh = Refresh::default();
        for (decoder, dex) in decoders.iter().enumerate() {
            let pools = dex.pools(chain)?.into_iter();
            for pool in pools.filter(|p| allowed.is_empty() || allowed.contains(&p.address)) {
                match self.by_address.get(&pool.address) {
                    Some(&id) if self.pools[id.index()].0.curve != pool.curve => {
                        self.engine.update_pool(id, pool.curve).expect("known pool");
                        self.pools[id.index()].0 = pool;
                        refresh.updated += 1;
                    }
                    Some(_) => {}
                    None => {
                        let (a, b) = (self.token(pool.mints[0]), self.token(pool.mints[1]));
                        let Ok(id) = self.engine.add_pool(a, b, pool.curve) else {
                            continue;
                        };
                        self.by_address.insert(pool.address, id);
                        self.pools.push((pool, decoder));
                        refresh.added += 1;
                    }
                }
            }
        }
        Ok(refresh)
    }

    /// Changes the sizing limits (re-scores every cycle when they differ).
    pub fn set_limits(&mut self, limits: Limits) {
        if *self.engine.limits() != limits {
            self.engine.set_limits(limits);
        }
    }

    /// The most profitable cycle now, with its hops and exact sizing.
    pub fn best(&self) -> Option<(Vec<RouteHop>, Sizing)> {
        let best = self.engine.best()?;
        let hops = best
            .hops
            .iter()
            .map(|hop| {
                let (pool, decoder) = self.pools[hop.pool.index()].clone();
                RouteHop {
                    pool,
                    direction: hop.direction,
                    decoder,
                }
            })
            .collect();
        Some((hops, *best.sizing))
    }

    /// A pool by address.
    pub fn pool(&self, address: &Pubkey) -> Option<&DexPool> {
        self.by_address
            .get(address)
            .map(|id| &self.pools[id.index()].0)
    }

    /// Every pool known, with the index of its decoder.
    pub fn pools(&self) -> impl Iterator<Item = (&DexPool, usize)> {
        self.pools.iter().map(|(pool, decoder)| (pool, *decoder))
    }

    /// Pools known.
    pub fn len(&self) -> usize {
        self.pools.len()
    }

    /// Whether no pool is known.
    pub fn is_empty(&self) -> bool {
        self.pools.is_empty()
    }
}
