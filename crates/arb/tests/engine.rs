//! The engine: incremental re-scoring against full re-evaluation, the pool → cycle index, the
//! ranking.
use pool_bot_arb::{
    ArbError, ConstantProduct, CycleId, Direction, Engine, Limits, PoolId, PoolQuote, TokenId,
};
use proptest::prelude::*;

const BASE: TokenId = TokenId(0);

/// A pool between two of six tokens with reserves near one price per token, so that some cycles
/// pay and most do not.
fn pool() -> impl Strategy<Value = (u32, u32, ConstantProduct)> {
    (
        0u32..6,
        1u32..6,
        1_000u64..1_000_000,
        0.9f64..1.1,
        prop::sample::select(vec![0u16, 5, 30]),
    )
        .prop_map(|(a, shift, reserve, noise, fee)| {
            let b = (a + shift) % 6;
            // Token t is worth t + 1 units of the base token.
            let rb = (reserve as f64 * f64::from(a + 1) / f64::from(b + 1) * noise) as u64;
            (a, b, ConstantProduct::new(reserve, rb.max(1), fee))
        })
}

/// A new state for a pool: its reserves after a swap of up to 5% of the input reserve.
fn swap(pool: ConstantProduct, direction: Direction, permille: u64) -> ConstantProduct {
    let amount = pool.reserve_in(direction) * permille / 1_000;
    let out = pool.quote(amount, direction).unwrap();
    let mut next = pool;
    match direction {
        Direction::AToB => {
            (next.reserve_a, next.reserve_b) = (pool.reserve_a + amount, pool.reserve_b - out)
        }
        Direction::BToA => {
            (next.reserve_b, next.reserve_a) = (pool.reserve_b + amount, pool.reserve_a - out)
        }
    }
    next
}

fn build(pools: &[(u32, u32, ConstantProduct)], limits: Limits) -> Engine {
    let mut engine = Engine::new(BASE, limits);
    for &(a, b, state) in pools {
        engine.add_pool(TokenId(a), TokenId(b), state).unwrap();
    }
    engine
}

/// Every cycle's sizing, and the ranking as (profit, cycle).
fn snapshot(engine: &Engine) -> (Vec<Option<pool_bot_arb::Sizing>>, Vec<(u64, CycleId)>) {
    let sizings = (0..engine.cycles().len())
        .map(|i| engine.sizing(CycleId(i as u32)).copied())
        .collect();
    let ranking = engine
        .top(usize::MAX)
        .map(|o| (o.sizing.profit, o.cycle))
        .collect();
    (sizings, ranking)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// After any sequence of updates the incremental engine equals one built from scratch from
    /// the final pools, and each update changed only cycles through its pool.
    #[test]
    fn incremental_updates_equal_a_full_re_evaluation(
        pools in prop::collection::vec(pool(), 4..24),
        updates in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), 1u64..50), 1..40),
        max_trade in prop_oneof![Just(u64::MAX), 1_000u64..100_000],
    ) {
        let limits = Limits { max_trade, ..Limits::default() };
        let mut engine = build(&pools, limits);
        let mut current = pools.clone();
        for (index, flip, permille) in updates {
            let i = index.index(current.len());
            let direction = if flip { Direction::BToA } else { Direction::AToB };
            let state = swap(current[i].2, direction, permille);
            current[i].2 = state;
            let before = snapshot(&engine).0;
            let id = PoolId(i as u32);
            engine.update_pool(id, state).unwrap();
            let after = snapshot(&engine).0;
            let through = engine.cycles_through(id);
            for (c, (old, new)) in before.iter().zip(&after).enumerate() {
                prop_assert!(old == new || through.contains(&CycleId(c as u32)));
            }
        }
        let fresh = build(&current, limits);
        prop_assert_eq!(engine.cycles(), fresh.cycles());
        prop_assert_eq!(snapshot(&engine), snapshot(&fresh));
        let mut rescored = engine.clone();
        rescored.rescore_all();
        prop_assert_eq!(snapshot(&rescored), snapshot(&engine));
    }

    /// The index lists exactly the cycles that use each pool; the ranking is by profit.
    #[test]
    fn index_and_ranking_are_consistent(pools in prop::collection::vec(pool(), 2..24)) {
        let engine = build(&pools, Limits::default());
        for p in 0..pools.len() {
            let id = PoolId(p as u32);
            let using: Vec<CycleId> = (0..engine.cycles().len())
                .map(|c| CycleId(c as u32))
                .filter(|c| engine.cycles()[c.index()].hops().iter().any(|h| h.pool == id))
                .collect();
            prop_assert_eq!(engine.cycles_through(id), using.as_slice());
        }
        let (sizings, ranking) = snapshot(&engine);
        let mut expected: Vec<(u64, CycleId)> = sizings
            .iter()
            .enumerate()
            .filter_map(|(c, s)| s.map(|s| (s.profit, CycleId(c as u32))))
            .collect();
        expected.sort_by_key(|&(profit, c)| (std::cmp::Reverse(profit), c));
        prop_assert_eq!(&ranking, &expected);
        prop_assert_eq!(engine.best().map(|o| (o.sizing.profit, o.cycle)), expected.first().copied());
        prop_assert_eq!(engine.top(2).count(), expected.len().min(2));
        let thorough = Limits { search_steps: 1_000_000, ..Limits::default() };
        for o in engine.top(usize::MAX) {
            prop_assert_eq!(o.hops, engine.cycles()[o.cycle.index()].hops());
            prop_assert_eq!(engine.size_cycle(o.cycle, engine.limits()), Some(*o.sizing));
            let proven = engine.size_cycle(o.cycle, &thorough).unwrap();
            prop_assert!(proven.exact && proven.profit >= o.sizing.profit);
        }
        prop_assert_eq!(engine.size_cycle(CycleId(u32::MAX), &thorough), None);
    }
}

#[test]
fn limits_and_errors() {
    let mut engine = Engine::new(BASE, Limits::default());
    let (sol, usdc) = (TokenId(1), BASE);
    let cheap = engine
        .add_pool(usdc, sol, ConstantProduct::new(1_000_000, 10_000_000, 30))
        .unwrap();
    engine
        .add_pool(usdc, sol, ConstantProduct::new(1_000_000, 9_500_000, 30))
        .unwrap();
    let free = *engine.best().unwrap().sizing;
    engine.set_limits(Limits {
        max_trade: 1_000,
        ..Limits::default()
    });
    assert_eq!(engine.limits().max_trade, 1_000);
    assert!((990..=1_000).contains(&engine.best().unwrap().sizing.amount_in));
    engine.set_limits(Limits {
        min_profit: free.profit + 1,
        ..Limits::default()
    });
    assert!(engine.best().is_none());
    engine.set_limits(Limits::default());
    assert_eq!(engine.best().unwrap().sizing, &free);
    // Equal prices: nothing left.
    engine
        .update_pool(cheap, ConstantProduct::new(1_000_000, 9_500_000, 30))
        .unwrap();
    assert!(engine.best().is_none());
    assert_eq!(
        engine.update_pool(PoolId(5), ConstantProduct::new(1, 1, 0)),
        Err(ArbError::UnknownPool(PoolId(5)))
    );
    assert_eq!(
        engine.add_pool(sol, sol, ConstantProduct::new(1, 1, 0)),
        Err(ArbError::SameToken(sol))
    );
    assert_eq!(engine.cycles_through(PoolId(5)), []);
    assert_eq!(engine.sizing(CycleId(99)), None);
    assert_eq!(engine.base(), BASE);
    assert_eq!(engine.market().pools().len(), 2);
}
