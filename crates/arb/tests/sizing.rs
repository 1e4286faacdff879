//! Sizing against brute force over the exact quote.
use pool_bot_arb::{
    size, ConstantProduct, Curve, Direction, Engine, Hop, Limits, PoolId, PoolQuote, Sizing,
    TokenId,
};
use proptest::prelude::*;

type Legs<'a> = [(&'a ConstantProduct, Direction)];

const USDC: TokenId = TokenId(0);
const SOL: TokenId = TokenId(1);
const BONK: TokenId = TokenId(2);
const JUP: TokenId = TokenId(3);

/// What the cycle earns for `x` (negative for a loss), `None` if `x` breaks a limit or fails.
fn profit_at(legs: &Legs, limits: &Limits, x: u64) -> Option<i128> {
    if x > limits.max_trade || x > limits.available {
        return None;
    }
    let mut amount = x;
    for (pool, direction) in legs {
        let share =
            pool.reserve_in(*direction) as u128 * limits.max_reserve_share_bps as u128 / 10_000;
        if amount as u128 > share {
            return None;
        }
        amount = pool.quote(amount, *direction)?;
    }
    Some(amount as i128 - x as i128)
}

/// The best profit over `xs` and the smallest input earning it.
fn brute(legs: &Legs, limits: &Limits, xs: impl Iterator<Item = u64>) -> (i128, u64) {
    let mut best = (i128::MIN, 0);
    for x in xs {
        if let Some(p) = profit_at(legs, limits, x) {
            if p > best.0 {
                best = (p, x);
            }
        }
    }
    best
}

fn chain(legs: &Legs) -> Curve {
    legs.iter()
        .map(|(p, d)| p.curve(*d).unwrap())
        .reduce(Curve::then)
        .unwrap()
}

/// The sizing is what the exact quotes pay and respects the limits.
fn assert_truthful(legs: &Legs, limits: &Limits, s: &Sizing) {
    let amounts = s.amounts();
    assert_eq!(amounts.len(), legs.len() + 1);
    assert_eq!(
        (amounts[0], amounts[legs.len()]),
        (s.amount_in, s.amount_out)
    );
    for (i, (pool, direction)) in legs.iter().enumerate() {
        assert_eq!(pool.quote(amounts[i], *direction), Some(amounts[i + 1]));
        let share =
            pool.reserve_in(*direction) as u128 * limits.max_reserve_share_bps as u128 / 10_000;
        assert!(
            amounts[i] as u128 <= share,
            "hop {i} sells more than its share"
        );
    }
    assert!(s.amount_in <= limits.max_trade && s.amount_in <= limits.available);
    assert_eq!(s.profit, s.amount_out - s.amount_in);
    assert!(s.profit >= limits.min_profit.max(1));
}

/// Sizes `legs` and checks the result against brute force over every input up to `upto`,
/// beyond which the caller knows nothing can earn.
fn check_against_brute_force(legs: &Legs, limits: &Limits, upto: u64) -> Option<Sizing> {
    let sizing = size(legs, limits);
    let (best, _) = brute(legs, limits, 1..=upto);
    match &sizing {
        Some(s) => {
            assert_truthful(legs, limits, s);
            assert!(s.exact, "{legs:?}: optimum not proven");
            assert_eq!(s.profit as i128, best, "{legs:?}");
        }
        None => assert!(
            best < limits.min_profit.max(1) as i128,
            "{legs:?}: missed a profit of {best}"
        ),
    }
    sizing
}

#[test]
fn planted_two_pool_opportunity_has_the_brute_force_optimum() {
    // 1,000,000 USDC / 10,000 SOL against 1,000,000 USDC / 9,500 SOL, 30 bps each.
    let cheap = ConstantProduct::new(1_000_000_000_000, 10_000_000_000_000, 30);
    let dear = ConstantProduct::new(1_000_000_000_000, 9_500_000_000_000, 30);
    let mut engine = Engine::new(USDC, Limits::default());
    let a = engine.add_pool(USDC, SOL, cheap).unwrap();
    let b = engine.add_pool(USDC, SOL, dear).unwrap();
    assert_eq!(engine.cycles().len(), 2);
    assert_eq!(
        engine.top(10).count(),
        1,
        "only buying where SOL is cheap pays"
    );
    let best = engine.best().unwrap();
    let hops = [
        Hop {
            pool: a,
            direction: Direction::AToB,
        },
        Hop {
            pool: b,
            direction: Direction::BToA,
        },
    ];
    assert_eq!(best.hops, hops);
    let s = *best.sizing;

    let legs = [(&cheap, Direction::AToB), (&dear, Direction::BToA)];
    let limits = Limits::default();
    assert_truthful(&legs, &limits, &s);
    assert!(s.exact);
    // Brute force over ±400,000 units around x*: outside, even the real curve (an upper bound
    // of the floored quote, concave) earns less than the optimum found inside.
    let curve = chain(&legs);
    let x_star = curve.optimal_input().unwrap();
    let (lo, hi) = (x_star as u64 - 400_000, x_star as u64 + 400_000);
    let (best_profit, smallest) = brute(&legs, &limits, lo..=hi);
    for edge in [lo, hi] {
        assert!(curve.output(edge as f64) - (edge as f64) < best_profit as f64);
    }
    assert_eq!(best_profit, 256_654_733);
    assert_eq!(s.profit as i128, best_profit);
    assert_eq!(profit_at(&legs, &limits, s.amount_in), Some(best_profit));
    // The optimum is a plateau: hundreds of thousands of inputs earn exactly as much; the
    // smallest lies ~247,000 units (0.25 USDC of an 11,207 USDC trade) left of x*.
    let plateau = (lo..=hi)
        .filter(|&x| profit_at(&legs, &limits, x) == Some(best_profit))
        .count();
    assert!(plateau > 300_000, "{plateau}");
    assert!(smallest <= s.amount_in && s.amount_in.abs_diff(x_star as u64) < 1_000);
}

#[test]
fn no_opportunity_when_fees_eat_the_gap() {
    // 0.5% apart, 2 × 0.3% of fees.
    for scale in [1_000, 1_000_000_000] {
        let cheap = ConstantProduct::new(scale, 10 * scale, 30);
        let dear = ConstantProduct::new(scale, 9_950 * scale / 1_000, 30);
        let mut engine = Engine::new(USDC, Limits::default());
        engine.add_pool(USDC, SOL, cheap).unwrap();
        engine.add_pool(USDC, SOL, dear).unwrap();
        assert!(engine.best().is_none());
        for legs in [
            [(&cheap, Direction::AToB), (&dear, Direction::BToA)],
            [(&dear, Direction::AToB), (&cheap, Direction::BToA)],
        ] {
            assert_eq!(chain(&legs).optimal_input(), None);
            if scale == 1_000 {
                // Small pools: every input (the last hop pays less than its 1,000 reserve).
                let (best, _) = brute(&legs, &Limits::default(), 1..=1_000);
                assert!(best <= 0);
            }
        }
    }
    // Without fees the same gap pays.
    let cheap = ConstantProduct::new(1_000_000, 10_000_000, 0);
    let dear = ConstantProduct::new(1_000_000, 9_950_000, 0);
    let legs = [(&cheap, Direction::AToB), (&dear, Direction::BToA)];
    assert!(check_against_brute_force(&legs, &Limits::default(), 10_000_000).is_some());
}

#[test]
fn three_pool_cycle_is_found_and_sized() {
    // In units: 1 USDC = 10 SOL, 1 SOL = 20 BONK, but 200 BONK sell for 1.06 USDC.
    let usdc_sol = ConstantProduct::new(200_000, 2_000_000, 30);
    let sol_bonk = ConstantProduct::new(2_000_000, 40_000_000, 25);
    let bonk_usdc = ConstantProduct::new(4_000_000, 21_200, 30);
    let mut engine = Engine::new(USDC, Limits::default());
    let p = engine.add_pool(USDC, SOL, usdc_sol).unwrap();
    let q = engine.add_pool(SOL, BONK, sol_bonk).unwrap();
    let r = engine.add_pool(BONK, USDC, bonk_usdc).unwrap();
    assert_eq!(engine.cycles().len(), 2);
    let best = engine.best().unwrap();
    let d = |pool: PoolId, direction| Hop { pool, direction };
    assert_eq!(
        best.hops,
        [
            d(p, Direction::AToB),
            d(q, Direction::AToB),
            d(r, Direction::AToB)
        ]
    );
    let legs = [
        (&usdc_sol, Direction::AToB),
        (&sol_bonk, Direction::AToB),
        (&bonk_usdc, Direction::AToB),
    ];
    // The last hop pays less than its 21,200 reserve: no input beyond that can earn.
    let s = check_against_brute_force(&legs, engine.limits(), 21_200).unwrap();
    assert_eq!(&s, best.sizing);
    assert_eq!(engine.top(10).count(), 1);
}

#[test]
fn four_pool_cycle_is_found_and_sized() {
    // USDC → SOL → JUP → BONK → USDC, the only loop through the base token: its rates multiply
    // to 1.033 before 1.65% of fees.
    let usdc_sol = ConstantProduct::new(300_000, 30_000, 5);
    let sol_jup = ConstantProduct::new(30_000, 6_000_000, 30);
    let jup_bonk = ConstantProduct::new(6_000_000, 60_000_000, 100);
    let usdc_bonk = ConstantProduct::new(310_000, 60_000_000, 30);
    let mut engine = Engine::new(USDC, Limits::default());
    let p = engine.add_pool(USDC, SOL, usdc_sol).unwrap();
    let q = engine.add_pool(SOL, JUP, sol_jup).unwrap();
    let r = engine.add_pool(JUP, BONK, jup_bonk).unwrap();
    let s_ = engine.add_pool(USDC, BONK, usdc_bonk).unwrap();
    assert_eq!(engine.cycles().len(), 2);
    assert!(engine.cycles().iter().all(|c| c.hops().len() == 4));
    let best = engine.best().unwrap();
    let d = |pool: PoolId, direction| Hop { pool, direction };
    assert_eq!(
        best.hops,
        [
            d(p, Direction::AToB),
            d(q, Direction::AToB),
            d(r, Direction::AToB),
            d(s_, Direction::BToA)
        ]
    );
    let legs = [
        (&usdc_sol, Direction::AToB),
        (&sol_jup, Direction::AToB),
        (&jup_bonk, Direction::AToB),
        (&usdc_bonk, Direction::BToA),
    ];
    let s = check_against_brute_force(&legs, engine.limits(), 310_000).unwrap();
    assert_eq!(&s, best.sizing);
    // The other orientation loses.
    assert_eq!(engine.top(10).count(), 1);
}

#[test]
fn caps_are_respected() {
    let cheap = ConstantProduct::new(1_000_000, 10_000_000, 30);
    let dear = ConstantProduct::new(1_000_000, 9_500_000, 30);
    let legs = [(&cheap, Direction::AToB), (&dear, Direction::BToA)];
    let free = check_against_brute_force(&legs, &Limits::default(), 1_000_000).unwrap();
    assert!(free.amount_in > 10_000, "{free:?}");
    let caps = [
        Limits {
            max_trade: 5_000,
            ..Limits::default()
        },
        Limits {
            available: 3_000,
            ..Limits::default()
        },
        // 20 bps of the first hop's 1,000,000 USDC.
        Limits {
            max_reserve_share_bps: 20,
            ..Limits::default()
        },
        // 10 bps of the second hop's 9,500,000 SOL units: binds first.
        Limits {
            max_reserve_share_bps: 10,
            ..Limits::default()
        },
        Limits {
            max_trade: 7_000,
            available: 6_000,
            max_reserve_share_bps: 90,
            ..Limits::default()
        },
    ];
    for limits in caps {
        let s = check_against_brute_force(&legs, &limits, 1_000_000).unwrap();
        assert!(
            s.amount_in < free.amount_in && s.profit < free.profit,
            "{limits:?}"
        );
    }
    // The second hop's cap: inputs stop just where its input would pass 9,500.
    let s = size(
        &legs,
        &Limits {
            max_reserve_share_bps: 10,
            ..Limits::default()
        },
    )
    .unwrap();
    assert!(
        s.amounts()[1] <= 9_500 && cheap.quote(s.amount_in + 1, Direction::AToB).unwrap() > 9_500
    );
    // Nothing to trade, or not enough profit to bother.
    assert_eq!(
        size(
            &legs,
            &Limits {
                available: 0,
                ..Limits::default()
            }
        ),
        None
    );
    let min_profit = Limits {
        min_profit: free.profit + 1,
        ..Limits::default()
    };
    assert_eq!(size(&legs, &min_profit), None);
    let just_enough = Limits {
        min_profit: free.profit,
        ..Limits::default()
    };
    assert_eq!(size(&legs, &just_enough), Some(free));
}

fn pool() -> impl Strategy<Value = ConstantProduct> {
    (
        1_000u64..30_000,
        1_000u64..30_000,
        prop::sample::select(vec![0u16, 5, 30, 100]),
    )
        .prop_map(|(a, b, fee)| ConstantProduct::new(a, b, fee))
}

fn limits() -> impl Strategy<Value = Limits> {
    (
        prop_oneof![Just(u64::MAX), 1u64..20_000],
        prop_oneof![Just(u64::MAX), 1u64..20_000],
        prop_oneof![Just(10_000u16), 1u16..10_000],
        prop_oneof![Just(1u64), 1u64..200],
    )
        .prop_map(|(max_trade, available, bps, min_profit)| Limits {
            max_trade,
            available,
            max_reserve_share_bps: bps,
            min_profit,
            search_steps: 1_000_000,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// 2 to 4 random pools, random caps: the sizing is the brute-force optimum over every input
    /// (the last hop pays less than its reserve, so nothing beyond 30,000 can earn).
    #[test]
    fn random_cycles_match_brute_force(
        pools in prop::collection::vec((pool(), any::<bool>()), 2..=4),
        limits in limits(),
    ) {
        let legs: Vec<_> = pools
            .iter()
            .map(|(p, flip)| (p, if *flip { Direction::BToA } else { Direction::AToB }))
            .collect();
        let exact = check_against_brute_force(&legs, &limits, 30_000);
        // With the default 32 rounds the answer is still truthful, and optimal when proven.
        let quick = size(&legs, &Limits { search_steps: 32, ..limits });
        match (exact, quick) {
            (Some(e), Some(q)) => {
                assert_truthful(&legs, &limits, &q);
                prop_assert!(q.profit <= e.profit);
                prop_assert!(!q.exact || q.profit == e.profit);
            }
            (None, q) => prop_assert_eq!(q, None),
            (Some(_), None) => {}
        }
    }
}
