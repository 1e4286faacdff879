//! Re-evaluation after one pool update, in seeded random markets of 100, 1,000 and 10,000 pools.
//!
//! Market shape (`market`): the base token (USDC, 6 decimals, $1) plus `pools / 4` other tokens
//! with prices log-uniform in $0.01..$1,000 and 6 or 9 decimals; 10% of them are "majors".
//! - Every token has a pool with the base token, 30% a second one (another DEX or fee tier):
//!   the base token holds about a third of all pools, as USDC does.
//! - The other pools join two non-base tokens, majors drawn 8 times as often as the rest, and no
//!   non-base token gets more than 16 pools. That cap is what bounds the cycles through one pool
//!   (a cycle can only leave the base token's neighbours along non-base tokens): without it a
//!   SOL-like hub would sit on a number of cycles growing with the market.
//! - Liquidity per pool is log-uniform in $2,000..$2,000,000, priced at the token prices with
//!   ±1% noise on one side; fees are 1, 5, 25, 30 or 100 bps. About 18% of the cycles are then
//!   profitable at once, far more than in an arbitraged live market: a pessimistic load, since
//!   an unprofitable cycle costs ~20 ns and a profitable one ~1 µs to size.
//!
//! An update is the pool's state after a swap of 0.01%..2% of its input reserve in a random
//! direction (1,024 of them, precomputed, replayed in turn).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pool_bot_arb::{ConstantProduct, Direction, Engine, Limits, PoolId, PoolQuote, TokenId};
use std::hint::black_box;
use std::time::Duration;

/// SplitMix64: small, seeded, good enough for a market generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo * (hi / lo).powf(self.unit())
    }
}

struct Token {
    /// Base units (micro-USDC) per smallest unit of the token.
    unit_price: f64,
    major: bool,
    pools: usize,
}

const BASE: TokenId = TokenId(0);
const MAX_DEGREE: usize = 16;
const FEES: [u16; 5] = [1, 5, 25, 30, 100];

/// A seeded market of `pools` pools and 1,024 updates to replay.
fn market(pools: usize, seed: u64) -> (Engine, Vec<(PoolId, ConstantProduct)>) {
    let mut rng = Rng(seed);
    let mut tokens: Vec<Token> = (0..pools / 4)
        .map(|_| {
            let decimals = if rng.below(2) == 0 { 6 } else { 9 };
            Token {
                unit_price: rng.log_uniform(0.01, 1_000.0) * 1e6 / 10f64.powi(decimals),
                major: rng.below(10) == 0,
                pools: 0,
            }
        })
        .collect();
    let mut pairs = Vec::new();
    for (t, token) in tokens.iter_mut().enumerate() {
        for _ in 0..1 + usize::from(rng.below(10) < 3) {
            if pairs.len() < pools {
                pairs.push((None, t));
                token.pools += 1;
            }
        }
    }
    let weight = |t: &Token| if t.major { 8 } else { 1 };
    let total: usize = tokens.iter().map(weight).sum();
    let pick = |rng: &mut Rng, tokens: &[Token]| {
        let mut r = rng.below(total);
        tokens
            .iter()
            .position(|t| r.checked_sub(weight(t)).map(|left| r = left).is_none())
            .unwrap()
    };
    while pairs.len() < pools {
        let (a, b) = (pick(&mut rng, &tokens), pick(&mut rng, &tokens));
        if a != b && tokens[a].pools < MAX_DEGREE && tokens[b].pools < MAX_DEGREE {
            tokens[a].pools += 1;
            tokens[b].pools += 1;
            pairs.push((Some(a), b));
        }
    }
    let mut engine = Engine::new(BASE, Limits::default());
    for (a, b) in pairs {
        // Half of the liquidity on each side, at the tokens' prices, one side off by up to 1%.
        let half = rng.log_uniform(2_000.0, 2_000_000.0) * 1e6 / 2.0;
        let (price_a, id_a) = a.map_or((1.0, BASE), |a| {
            (tokens[a].unit_price, TokenId(a as u32 + 1))
        });
        let (price_b, id_b) = (tokens[b].unit_price, TokenId(b as u32 + 1));
        let noise = 1.0 + 0.01 * (2.0 * rng.unit() - 1.0);
        let (ra, rb) = ((half / price_a * noise) as u64, (half / price_b) as u64);
        let fee = FEES[rng.below(FEES.len())];
        let (t0, t1, r0, r1) = if rng.below(2) == 0 {
            (id_a, id_b, ra, rb)
        } else {
            (id_b, id_a, rb, ra)
        };
        engine
            .add_pool(t0, t1, ConstantProduct::new(r0.max(1), r1.max(1), fee))
            .unwrap();
    }
    let updates = (0..1024)
        .map(|_| {
            let id = PoolId(rng.below(pools) as u32);
            let mut pool = engine.market().pool(id).unwrap().state;
            let direction = if rng.below(2) == 0 {
                Direction::AToB
            } else {
                Direction::BToA
            };
            let amount = (pool.reserve_in(direction) as f64 * rng.log_uniform(1e-4, 2e-2)) as u64;
            let out = pool.quote(amount, direction).unwrap();
            match direction {
                Direction::AToB => {
                    (pool.reserve_a, pool.reserve_b) =
                        (pool.reserve_a + amount, pool.reserve_b - out)
                }
                Direction::BToA => {
                    (pool.reserve_b, pool.reserve_a) =
                        (pool.reserve_b + amount, pool.reserve_a - out)
                }
            }
            (id, pool)
        })
        .collect();
    (engine, updates)
}

fn describe(engine: &Engine) {
    let pools = engine.market().pools().len();
    let per_pool: Vec<usize> = (0..pools)
        .map(|p| engine.cycles_through(PoolId(p as u32)).len())
        .collect();
    let hops = |n| {
        engine
            .cycles()
            .iter()
            .filter(|c| c.hops().len() == n)
            .count()
    };
    eprintln!(
        "market {pools} pools: base degree {}, cycles {} (2/3/4 hops: {}/{}/{}), cycles per pool mean {:.1} max {}, profitable {}",
        engine.market().pools_of(BASE).len(),
        engine.cycles().len(),
        hops(2),
        hops(3),
        hops(4),
        per_pool.iter().sum::<usize>() as f64 / pools as f64,
        per_pool.iter().max().unwrap(),
        engine.top(usize::MAX).count(),
    );
}

fn detect(c: &mut Criterion) {
    let mut group = c.benchmark_group("update_one_pool");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for pools in [100, 1_000, 10_000] {
        let (mut engine, updates) = market(pools, 7);
        describe(&engine);
        let mut next = 0;
        group.bench_with_input(BenchmarkId::from_parameter(pools), &pools, |b, _| {
            b.iter(|| {
                let (id, state) = updates[next % updates.len()];
                next += 1;
                engine.update_pool(id, state).unwrap();
                black_box(engine.best().map(|o| o.sizing.profit))
            })
        });
    }
    group.finish();

    // The pool with the most cycles, flipping between two states.
    let mut group = c.benchmark_group("update_busiest_pool");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for pools in [100, 1_000, 10_000] {
        let (mut engine, _) = market(pools, 7);
        let busiest = (0..pools as u32)
            .map(PoolId)
            .max_by_key(|&p| engine.cycles_through(p).len())
            .unwrap();
        let before = engine.market().pool(busiest).unwrap().state;
        let after = ConstantProduct::new(
            before.reserve_a + before.reserve_a / 100,
            before.reserve_b - before.reserve_b / 101,
            before.fee_bps,
        );
        let mut flip = false;
        group.bench_with_input(BenchmarkId::from_parameter(pools), &pools, |b, _| {
            b.iter(|| {
                flip = !flip;
                engine
                    .update_pool(busiest, if flip { after } else { before })
                    .unwrap();
                black_box(engine.best().map(|o| o.sizing.profit))
            })
        });
    }
    group.finish();

    // For scale: what a full re-evaluation would cost instead.
    let mut group = c.benchmark_group("rescore_all");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    for pools in [100, 1_000, 10_000] {
        let (mut engine, _) = market(pools, 7);
        group.bench_with_input(BenchmarkId::from_parameter(pools), &pools, |b, _| {
            b.iter(|| {
                engine.rescore_all();
                black_box(engine.best().map(|o| o.sizing.profit))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, detect);
criterion_main!(benches);
