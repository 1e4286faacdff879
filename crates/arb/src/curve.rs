//! Pool curves: the exact integer quote a DEX pool gives ([`PoolQuote`]), the local AMM's
//! constant-product pool ([`ConstantProduct`]) and the closed form of a chain of swaps
//! ([`Curve`]).
//!
//! # Closed form of a swap chain
//!
//! A constant-product pool with reserves `R_in`, `R_out` and fee `fee_bps` pays, in real numbers,
//! `out(x) = f·x·R_out / (10000·R_in + f·x)` with `f = 10000 − fee_bps`: the form
//! `out(x) = a·x / (b + c·x)` with `a = f·R_out`, `b = 10000·R_in`, `c = f`. Feeding one such
//! hop into the next,
//!
//! ```text
//! y = a1·x / (b1 + c1·x),   z = a2·y / (b2 + c2·y)
//!   ⇒ z = a1·a2·x / (b1·b2 + (c1·b2 + a1·c2)·x)
//! ```
//!
//! so a whole chain is again `A·x / (B + C·x)` ([`Curve::then`]). Its profit `A·x/(B + C·x) − x`
//! is concave for `x ≥ 0` and has slope `A/B − 1` at zero: it is positive somewhere exactly when
//! `A > B`, and then largest at `x* = (√(A·B) − B) / C` ([`Curve::optimal_input`]), where it is
//! `(√A − √B)² / C` ([`Curve::max_profit`]).
//!
//! The integer quote floors every hop, so it never exceeds the real chain: the real curve bounds
//! the integer profit from above, which is what lets [`crate::sizing`] prove its integer optimum.

/// Basis points in one whole.
pub const BPS: u128 = 10_000;

/// Which way a swap goes through a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// Sell token A, receive token B.
    AToB,
    /// Sell token B, receive token A.
    BToA,
}

/// The real-valued swap curve `out(x) = a·x / (b + c·x)` of one hop or of a chain of hops.
///
/// `a`, `b` and `c` are only defined up to a common factor; [`Curve::then`] rescales to `b = 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    /// Numerator factor.
    pub a: f64,
    /// Constant term of the denominator.
    pub b: f64,
    /// Input factor of the denominator.
    pub c: f64,
}

impl Curve {
    /// The curve of this chain followed by `next` (see the module docs), rescaled to `b = 1`.
    pub fn then(self, next: Curve) -> Curve {
        let b = self.b * next.b;
        Curve {
            a: self.a * next.a / b,
            b: 1.0,
            c: (self.c * next.b + self.a * next.c) / b,
        }
    }

    /// `out(x)`.
    pub fn output(self, x: f64) -> f64 {
        self.a * x / (self.b + self.c * x)
    }

    /// The real input that pays `out`: `b·out / (a − c·out)`, infinite when the curve never
    /// reaches `out` (at or beyond its asymptote `a / c`).
    pub fn input_for(self, out: f64) -> f64 {
        let room = self.a - self.c * out;
        if room > 0.0 {
            self.b * out / room
        } else {
            f64::INFINITY
        }
    }

    /// The input that maximises `out(x) − x`: `(√(a·b) − b) / c`, or `None` when `a ≤ b` (no
    /// input earns anything).
    pub fn optimal_input(self) -> Option<f64> {
        // (√(ab) − b)/c = √b·(a − b) / ((√a + √b)·c): no cancellation when a ≈ b.
        (self.a > self.b && self.c > 0.0).then(|| {
            let (sa, sb) = (self.a.sqrt(), self.b.sqrt());
            sb * (self.a - self.b) / ((sa + sb) * self.c)
        })
    }

    /// The largest `out(x) − x` over `x ≥ 0`: `(√a − √b)² / c`, or 0 when `a ≤ b`.
    pub fn max_profit(self) -> f64 {
        if self.a > self.b && self.c > 0.0 {
            let (sa, sb) = (self.a.sqrt(), self.b.sqrt());
            let gap = (self.a - self.b) / (sa + sb);
            gap * gap / self.c
        } else {
            0.0
        }
    }
}

/// A pool the engine can trade through: an exact integer quote plus its closed form.
///
/// The local AMM's pool is [`ConstantProduct`]; other DEX curves (Orca, Raydium) implement this
/// trait too. Contract, relied on by the sizing:
/// - `quote` is non-decreasing in `amount_in` where it is `Some`, and where it is `None`
///   (the pool would fail, e.g. on overflow) it stays `None` for every larger input;
/// - `curve` bounds `quote` from above: `quote(x) ≤ curve.output(x)` for every `x`.
///   For the constant-product pool it is the exact real curve the quote floors.
pub trait PoolQuote {
    /// What the pool pays for `amount_in` sold in `direction`, exactly as the DEX computes it,
    /// or `None` when the swap would fail.
    fn quote(&self, amount_in: u64, direction: Direction) -> Option<u64>;

    /// The closed form of the swap in `direction`, or `None` when the pool cannot trade.
    fn curve(&self, direction: Direction) -> Option<Curve>;

    /// The pool's reserve of the token sold in `direction`.
    fn reserve_in(&self, direction: Direction) -> u64;

    /// The smallest input whose quote is at least `amount_out`, or `None` if no input reaches
    /// it. The default binary-searches `quote`; curves with a closed-form inverse override it.
    fn min_input(&self, amount_out: u64, direction: Direction) -> Option<u64> {
        if amount_out == 0 {
            return Some(0);
        }
        // The first input that either reaches `amount_out` or fails: both hold for a suffix.
        let done = |x: u64| self.quote(x, direction).is_none_or(|out| out >= amount_out);
        let (mut lo, mut hi) = (0u64, u64::MAX);
        if !done(hi) {
            return None;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if done(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        self.quote(hi, direction).map(|_| hi)
    }
}

/// A constant-product pool of the local AMM (`programs/local_amm/src/math.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConstantProduct {
    /// Reserve of token A.
    pub reserve_a: u64,
    /// Reserve of token B.
    pub reserve_b: u64,
    /// Fee on the input, in basis points.
    pub fee_bps: u16,
}

impl ConstantProduct {
    /// A pool with these reserves and fee.
    pub const fn new(reserve_a: u64, reserve_b: u64, fee_bps: u16) -> Self {
        ConstantProduct {
            reserve_a,
            reserve_b,
            fee_bps,
        }
    }

    /// `(reserve in, reserve out)` of a swap in `direction`.
    pub const fn reserves(&self, direction: Direction) -> (u64, u64) {
        match direction {
            Direction::AToB => (self.reserve_a, self.reserve_b),
            Direction::BToA => (self.reserve_b, self.reserve_a),
        }
    }

    /// `10000 − fee_bps`, or `None` for a fee above 100%.
    fn fee_factor(&self) -> Option<u128> {
        BPS.checked_sub(u128::from(self.fee_bps))
    }
}

impl PoolQuote for ConstantProduct {
    /// `in' = amount_in·(10000 − fee_bps)`, `out = in'·R_out / (R_in·10000 + in')` in `u128`,
    /// rounded down; `None` where the AMM fails (empty pool) or its `u128` math would overflow.
    fn quote(&self, amount_in: u64, direction: Direction) -> Option<u64> {
        let (reserve_in, reserve_out) = self.reserves(direction);
        let in_after_fee = u128::from(amount_in) * self.fee_factor()?;
        let numerator = in_after_fee.checked_mul(u128::from(reserve_out))?;
        let denominator = u128::from(reserve_in) * BPS + in_after_fee;
        if denominator == 0 {
            return None;
        }
        u64::try_from(numerator / denominator).ok()
    }

    fn curve(&self, direction: Direction) -> Option<Curve> {
        let (reserve_in, reserve_out) = self.reserves(direction);
        let f = self.fee_factor()?;
        (reserve_in > 0 && reserve_out > 0 && f > 0).then_some(Curve {
            a: f as f64 * reserve_out as f64,
            b: BPS as f64 * reserve_in as f64,
            c: f as f64,
        })
    }

    fn reserve_in(&self, direction: Direction) -> u64 {
        self.reserves(direction).0
    }

    /// `quote(m) ≥ t ⇔ f·m·(R_out − t) ≥ 10000·t·R_in`, so the answer is
    /// `⌈10000·t·R_in / (f·(R_out − t))⌉`; `None` when `t ≥ R_out` or the quote would overflow.
    fn min_input(&self, amount_out: u64, direction: Direction) -> Option<u64> {
        if amount_out == 0 {
            return Some(0);
        }
        let (reserve_in, reserve_out) = self.reserves(direction);
        let f = self.fee_factor()?;
        if amount_out >= reserve_out || f == 0 {
            return None;
        }
        let numerator = (u128::from(amount_out) * BPS).checked_mul(u128::from(reserve_in))?;
        let denominator = f * u128::from(reserve_out - amount_out);
        let input = u64::try_from(numerator.div_ceil(denominator)).ok()?.max(1);
        // The quote of `input` must not overflow, or the AMM could not execute it.
        (u128::from(input) * f).checked_mul(u128::from(reserve_out))?;
        Some(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The AMM's formula, written out once more.
    fn amm(amount_in: u64, reserve_in: u64, reserve_out: u64, fee_bps: u16) -> Option<u64> {
        let in_after_fee = amount_in as u128 * (10_000 - fee_bps as u128);
        let numerator = in_after_fee.checked_mul(reserve_out as u128)?;
        let denominator = reserve_in as u128 * 10_000 + in_after_fee;
        (denominator > 0).then(|| (numerator / denominator) as u64)
    }

    #[test]
    fn quote_matches_the_local_amm_examples() {
        let pool = ConstantProduct::new(1_000_000, 2_000_000, 0);
        assert_eq!(pool.quote(1_000, Direction::AToB), Some(1_998));
        let pool = ConstantProduct::new(1_000_000, 2_000_000, 30);
        assert_eq!(pool.quote(1_000, Direction::AToB), Some(1_992));
        assert_eq!(pool.quote(0, Direction::AToB), Some(0));
        assert_eq!(
            ConstantProduct::new(0, 0, 10_000).quote(1, Direction::AToB),
            None
        );
        assert!(ConstantProduct::new(1, 1_000, 0)
            .quote(u64::MAX, Direction::AToB)
            .is_some_and(|out| out < 1_000));
        // 2 000 000 in at 0.5 per unit, the other way round.
        assert_eq!(pool.quote(2_000, Direction::BToA), Some(996));
    }

    #[test]
    fn a_fee_above_one_hundred_percent_cannot_trade() {
        let pool = ConstantProduct::new(1_000, 1_000, 10_001);
        assert_eq!(pool.quote(10, Direction::AToB), None);
        assert_eq!(pool.curve(Direction::AToB), None);
        assert_eq!(pool.min_input(1, Direction::AToB), None);
    }

    #[test]
    fn chained_curves_compose() {
        let p = ConstantProduct::new(1_000_000, 10_000_000, 30);
        let q = ConstantProduct::new(9_500_000, 1_000_000, 25);
        let (cp, cq) = (
            p.curve(Direction::AToB).unwrap(),
            q.curve(Direction::AToB).unwrap(),
        );
        let chain = cp.then(cq);
        for x in [1.0, 10.0, 12_345.0, 1e6, 1e9] {
            let nested = cq.output(cp.output(x));
            assert!((chain.output(x) - nested).abs() <= 1e-9 * nested);
        }
        for x in [0.0, 3.0, 12_345.0, 1e9] {
            assert!((chain.input_for(chain.output(x)) - x).abs() <= 1e-9 * x.max(1.0));
        }
        assert_eq!(chain.input_for(chain.a / chain.c), f64::INFINITY);
        // x* is where the profit stops growing.
        let x = chain.optimal_input().unwrap();
        let profit = |x: f64| chain.output(x) - x;
        assert!(profit(x) >= profit(x * 0.999) && profit(x) >= profit(x * 1.001));
        assert!((chain.max_profit() - profit(x)).abs() < 1e-6 * profit(x));
        // The other way round loses twice the fee on top of the gap.
        let back = q
            .curve(Direction::BToA)
            .unwrap()
            .then(p.curve(Direction::BToA).unwrap());
        assert_eq!(back.optimal_input(), None);
        assert_eq!(back.max_profit(), 0.0);
    }

    /// A pool that only offers `quote`, to exercise the default `min_input`.
    struct QuoteOnly(ConstantProduct);

    impl PoolQuote for QuoteOnly {
        fn quote(&self, amount_in: u64, direction: Direction) -> Option<u64> {
            self.0.quote(amount_in, direction)
        }
        fn curve(&self, direction: Direction) -> Option<Curve> {
            self.0.curve(direction)
        }
        fn reserve_in(&self, direction: Direction) -> u64 {
            self.0.reserve_in(direction)
        }
    }

    #[test]
    fn min_input_is_the_smallest_input_reaching_the_output() {
        for pool in [
            ConstantProduct::new(1_000, 3_000, 30),
            ConstantProduct::new(7, 1_000_000, 0),
            ConstantProduct::new(1_000_000, 7, 100),
        ] {
            for direction in [Direction::AToB, Direction::BToA] {
                let reserve_out = pool.reserves(direction).1;
                // Outputs only grow with the input, so one forward scan finds every answer.
                let mut x = 0u64;
                for out in 0..reserve_out.min(3_000) {
                    while pool.quote(x, direction).unwrap() < out {
                        x += 1;
                    }
                    assert_eq!(
                        pool.min_input(out, direction),
                        Some(x),
                        "{pool:?} {direction:?}"
                    );
                    assert_eq!(QuoteOnly(pool).min_input(out, direction), Some(x));
                }
                assert_eq!(pool.min_input(reserve_out, direction), None);
                assert_eq!(QuoteOnly(pool).min_input(reserve_out, direction), None);
            }
        }
    }

    proptest! {
        #[test]
        fn quote_is_the_amm_formula(
            amount in any::<u64>(), reserve_in in any::<u64>(), reserve_out in any::<u64>(),
            fee in 0u16..=10_000,
        ) {
            let pool = ConstantProduct::new(reserve_in, reserve_out, fee);
            prop_assert_eq!(pool.quote(amount, Direction::AToB), amm(amount, reserve_in, reserve_out, fee));
            let flipped = ConstantProduct::new(reserve_out, reserve_in, fee);
            prop_assert_eq!(flipped.quote(amount, Direction::BToA), amm(amount, reserve_in, reserve_out, fee));
        }

        #[test]
        fn min_input_inverts_the_quote(
            out in 1u64..1 << 40, reserve_in in 1u64..1 << 50, reserve_out in 1u64..1 << 50,
            fee in 0u16..10_000,
        ) {
            let pool = ConstantProduct::new(reserve_in, reserve_out, fee);
            let by_search = QuoteOnly(pool).min_input(out, Direction::AToB);
            prop_assert_eq!(pool.min_input(out, Direction::AToB), by_search);
            if let Some(x) = by_search {
                prop_assert!(pool.quote(x, Direction::AToB).unwrap() >= out);
                prop_assert!(pool.quote(x - 1, Direction::AToB).unwrap() < out);
            }
        }

        #[test]
        fn the_curve_bounds_the_quote(
            amount in 0u64..1 << 40, reserve_in in 1u64..1 << 50, reserve_out in 1u64..1 << 50,
            fee in 0u16..10_000,
        ) {
            let pool = ConstantProduct::new(reserve_in, reserve_out, fee);
            let real = pool.curve(Direction::AToB).unwrap().output(amount as f64);
            let exact = pool.quote(amount, Direction::AToB).unwrap() as f64;
            prop_assert!(exact <= real * (1.0 + 1e-12));
            prop_assert!(exact >= real - 1.0 - 1e-12 * real);
        }
    }
}
