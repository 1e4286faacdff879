//! Sizing one cycle: the integer input that earns the most base units, under the caller's limits.
//!
//! 1. The closed form ([`Curve`]) of the chain gives the real optimum `x*`; when `A ≤ B`, or when
//!    even the real curve cannot earn `min_profit`, there is no opportunity (most cycles stop
//!    here, after a few floating-point operations).
//! 2. The caps become one bound on the input: `max_trade`, `available`, and for every hop
//!    `hop input ≤ reserve_in · max_reserve_share_bps / 10000`, turned into a bound on the
//!    cycle's input with the exact inverse of the hops before it. A real-valued lower bound of
//!    it comes first; the exact one is only computed when the search reaches that far.
//! 3. Refinement on the exact, floor-rounded quote. Only the smallest input of each output value
//!    can be optimal (any larger one buys the same output for more), so the search walks those
//!    "step edges" outwards from `x*` (or from the cap when `x*` lies beyond it) with the exact
//!    inverse quote, one step per side per round. A side stops once no input beyond it can beat
//!    the best profit found; when both sides stop, the result is proven optimal
//!    ([`Sizing::exact`]).
//!
//! # Upper bounds
//!
//! Flooring only loses, so the real curve bounds the integer profit: `profit(x) ≤ out(x) − x`,
//! concave in `x`. That bound is loose when an intermediate token is coarse (one unit worth many
//! base units): every floor of it loses up to a unit. Splitting the chain after hop `j` into a
//! real prefix `pre` and suffix `post`, an input `x` that reaches the integer amount `m` after
//! hop `j` satisfies `m ≤ pre(x)`, so `x ≥ pre⁻¹(m)` and
//! `profit(x) ≤ G(m) = post(m) − pre⁻¹(m)`, concave in `m` and largest at `m = pre(x*)`. On one
//! side of a walk position all inputs reach amounts on the same side of that position's amount
//! `m`, so the side is bounded by `G(m)` (or by `G`'s largest value at an integer if `m` lies past
//! the maximum); the smallest of these bounds over every split decides.
//!
//! The integer optimum is usually a plateau, not a point: in a 1,000,000 USDC pool hundreds of
//! thousands of inputs around `x*` earn the same number of base units. Among equal profits the
//! search keeps the smallest input it visited, which lies next to `x*`.
use crate::curve::{Curve, Direction, PoolQuote};
use crate::cycle::MAX_HOPS;

/// What one trade may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Largest input of one trade, in base units.
    pub max_trade: u64,
    /// Base units the pool can spend now.
    pub available: u64,
    /// Largest share of each hop's input reserve one hop may sell, in basis points.
    pub max_reserve_share_bps: u16,
    /// Smallest profit worth reporting, in base units (at least 1 is always required).
    pub min_profit: u64,
    /// Most refinement rounds (one step on each side of `x*` each). An opportunity whose
    /// optimum is not proven within them keeps the best size seen, with [`Sizing::exact`] false
    /// (typically a few base units short of the optimum); a keeper can re-size the opportunity
    /// it picks with a larger budget ([`crate::Engine::size_cycle`]).
    pub search_steps: u32,
}

impl Default for Limits {
    /// No caps, any positive profit, 8 refinement rounds.
    fn default() -> Self {
        Limits {
            max_trade: u64::MAX,
            available: u64::MAX,
            max_reserve_share_bps: 10_000,
            min_profit: 1,
            search_steps: 8,
        }
    }
}

/// The size of a profitable trade around a cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sizing {
    /// Base units sold into the first hop.
    pub amount_in: u64,
    /// Base units the last hop pays (exact quote).
    pub amount_out: u64,
    /// `amount_out − amount_in`.
    pub profit: u64,
    /// True when the search proved that no input within the limits earns more.
    pub exact: bool,
    amounts: [u64; MAX_HOPS + 1],
    hops: u8,
}

impl Sizing {
    /// The amount entering each hop, followed by the final output: hop `i` sells
    /// `amounts()[i]` and pays `amounts()[i + 1]`.
    pub fn amounts(&self) -> &[u64] {
        &self.amounts[..=usize::from(self.hops)]
    }
}

/// The hops of a cycle as one exact integer function.
struct Chain<'a, P> {
    legs: &'a [(&'a P, Direction)],
}

impl<P: PoolQuote> Chain<'_, P> {
    /// What the whole chain pays for `amount_in`.
    fn output(&self, amount_in: u64) -> Option<u64> {
        self.legs
            .iter()
            .try_fold(amount_in, |x, (pool, direction)| pool.quote(x, *direction))
    }

    /// The smallest input for which the first `hops` legs pay at least `amount_out`.
    fn min_input(&self, hops: usize, amount_out: u64) -> Option<u64> {
        self.legs[..hops]
            .iter()
            .rev()
            .try_fold(amount_out, |y, (pool, direction)| {
                pool.min_input(y, *direction)
            })
    }

    /// The largest input that respects every limit, exactly.
    fn cap(&self, limits: &Limits) -> u64 {
        let mut cap = limits.max_trade.min(limits.available);
        for (i, (pool, direction)) in self.legs.iter().enumerate() {
            let share = share(*pool, *direction, limits);
            // Hop i sells what the hops before it pay: at most `share` while the input stays
            // below the smallest one that pays `share + 1`.
            let bound = match share.checked_add(1) {
                Some(over) => self.min_input(i, over).map_or(u64::MAX, |x| x - 1),
                None => u64::MAX,
            };
            cap = cap.min(bound);
        }
        cap
    }

    /// `amounts()` of a [`Sizing`] for `amount_in`.
    fn amounts(&self, amount_in: u64) -> Option<[u64; MAX_HOPS + 1]> {
        let mut amounts = [0; MAX_HOPS + 1];
        amounts[0] = amount_in;
        for (i, (pool, direction)) in self.legs.iter().enumerate() {
            amounts[i + 1] = pool.quote(amounts[i], *direction)?;
        }
        Some(amounts)
    }
}

/// The most a hop may sell: `reserve_in · max_reserve_share_bps / 10000`.
fn share<P: PoolQuote>(pool: &P, direction: Direction, limits: &Limits) -> u64 {
    let share =
        u128::from(pool.reserve_in(direction)) * u128::from(limits.max_reserve_share_bps) / 10_000;
    u64::try_from(share).unwrap_or(u64::MAX)
}

/// Allowance for the `f64` evaluation of a real curve (≈ 200 times its rounding error).
fn slack(x: f64, out: f64) -> f64 {
    1e-12 * (x + out) + 1e-9
}

/// The input cap: a cheap real-valued lower bound, and the exact value once needed.
struct Cap<'a, 'l, P> {
    chain: &'a Chain<'l, P>,
    limits: &'a Limits,
    below: u64,
    exact: Option<u64>,
}

impl<'a, 'l, P: PoolQuote> Cap<'a, 'l, P> {
    /// The real prefix curves pay at least the integer hops, so inputs up to the real inverse
    /// of each share never pass it.
    fn new(chain: &'a Chain<'l, P>, limits: &'a Limits, prefixes: &[Curve]) -> Self {
        let mut below = limits.max_trade.min(limits.available);
        for (i, (pool, direction)) in chain.legs.iter().enumerate() {
            let share = share(*pool, *direction, limits);
            let bound = match i {
                0 => share,
                _ => {
                    let x = prefixes[i - 1].input_for(share as f64);
                    // `as` saturates; the margin covers the rounding of the real curve.
                    ((x - slack(x, share as f64)).max(0.0) as u64).saturating_sub(1)
                }
            };
            below = below.min(bound);
        }
        Cap {
            chain,
            limits,
            below,
            exact: None,
        }
    }

    fn exact(&mut self) -> u64 {
        *self
            .exact
            .get_or_insert_with(|| self.chain.cap(self.limits))
    }

    fn allows(&mut self, x: u64) -> bool {
        x <= self.below || x <= self.exact()
    }
}

/// The upper bounds of the module docs for one chain.
struct Bounds {
    /// The whole chain; `x*`; the bound at the best integer input.
    whole: Curve,
    x_star: f64,
    whole_peak: f64,
    /// Per split after hop `j` (1 ≤ j < hops, at `j − 1`): prefix, suffix, the amount after
    /// hop `j` at `x*`, and the bound at the best integer amount.
    splits: [(Curve, Curve, f64, f64); MAX_HOPS - 1],
    hops: usize,
}

impl Bounds {
    fn new(prefixes: &[Curve], suffixes: &[Curve], x_star: f64) -> Self {
        let hops = prefixes.len();
        let whole = prefixes[hops - 1];
        let profit = |x: f64| {
            let out = whole.output(x);
            out - x + slack(x, out)
        };
        let mut splits = [(whole, whole, 0.0, 0.0); MAX_HOPS - 1];
        for j in 1..hops {
            let (pre, post) = (prefixes[j - 1], suffixes[j]);
            let m_star = pre.output(x_star);
            let peak = Self::split_at(pre, post, m_star.floor()).max(Self::split_at(
                pre,
                post,
                m_star.ceil(),
            ));
            splits[j - 1] = (pre, post, m_star, peak);
        }
        Bounds {
            whole,
            x_star,
            whole_peak: profit(x_star.floor()).max(profit(x_star.ceil())),
            splits,
            hops,
        }
    }

    /// `G(m) = post(m) − pre⁻¹(m)` plus slack; infinite when `pre⁻¹(m)` is (no information).
    fn split_at(pre: Curve, post: Curve, m: f64) -> f64 {
        let (x, out) = (pre.input_for(m), post.output(m));
        if x.is_finite() {
            out - x + slack(x, out)
        } else {
            f64::INFINITY
        }
    }

    /// A bound from the whole curve on the profit of every input at or beyond `x`, on the left
    /// (`left`) or the right side.
    fn whole(&self, x: u64, left: bool) -> f64 {
        let xf = x as f64;
        if past(xf, self.x_star, left) {
            self.whole_peak
        } else {
            let out = self.whole.output(xf);
            out - xf + slack(xf, out)
        }
    }

    /// A bound from the splits on the profit of every input at or beyond the one paying
    /// `amounts` (per hop, as in [`Sizing::amounts`]), on the left or the right side.
    fn split(&self, amounts: &[u64], left: bool) -> f64 {
        let splits = self.splits[..self.hops - 1].iter().zip(&amounts[1..]);
        splits.fold(f64::INFINITY, |bound, (&(pre, post, m_star, peak), &m)| {
            let m = m as f64;
            bound.min(if past(m, m_star, left) {
                peak
            } else {
                Self::split_at(pre, post, m)
            })
        })
    }
}

/// Whether `at` lies beyond the maximum at `peak`, looking from a left or a right side.
fn past(at: f64, peak: f64, left: bool) -> bool {
    if left {
        at >= peak
    } else {
        at <= peak
    }
}

/// The most profitable input of the cycle `legs` (1 to [`MAX_HOPS`] hops from the base token
/// back to it) within `limits`, or `None` if no input earns `limits.min_profit` (and at least 1).
pub fn size<P: PoolQuote>(legs: &[(&P, Direction)], limits: &Limits) -> Option<Sizing> {
    let hops = legs.len();
    if hops == 0 || hops > MAX_HOPS {
        return None;
    }
    let mut curves = [Curve {
        a: 0.0,
        b: 1.0,
        c: 0.0,
    }; MAX_HOPS];
    // The chain's `A` and `B` are the products of the hops' `a` and `b`: most cycles end here.
    let (mut a, mut b) = (1.0, 1.0);
    for (curve, (pool, direction)) in curves.iter_mut().zip(legs) {
        *curve = pool.curve(*direction)?;
        (a, b) = (a * curve.a, b * curve.b);
    }
    if a < b * (1.0 - 1e-12) {
        return None;
    }
    // prefixes[i]: hops 0..=i (the whole chain first, it decides whether to go on).
    let mut prefixes = curves;
    for i in 1..hops {
        prefixes[i] = prefixes[i - 1].then(curves[i]);
    }
    let whole = prefixes[hops - 1];
    let x_star = whole.optimal_input()?;
    let min_profit = limits.min_profit.max(1);
    if whole.max_profit() + slack(x_star, whole.output(x_star)) < min_profit as f64 {
        return None;
    }
    // suffixes[i]: hops i..
    let mut suffixes = curves;
    for i in (0..hops - 1).rev() {
        suffixes[i] = curves[i].then(suffixes[i + 1]);
    }
    let chain = Chain { legs };
    let mut cap = Cap::new(&chain, limits, &prefixes[..hops]);
    let bounds = Bounds::new(&prefixes[..hops], &suffixes[..hops], x_star);
    let (amount_in, exact) = refine(&chain, &bounds, &mut cap, limits.search_steps)?;
    let amounts = chain.amounts(amount_in)?;
    let amount_out = amounts[hops];
    let profit = amount_out
        .checked_sub(amount_in)
        .filter(|&p| p >= min_profit)?;
    Some(Sizing {
        amount_in,
        amount_out,
        profit,
        exact,
        amounts,
        hops: hops as u8,
    })
}

/// The walk over step edges described in the module docs: `(best input, proven optimal)`.
fn refine<P: PoolQuote>(
    chain: &Chain<'_, P>,
    bounds: &Bounds,
    cap: &mut Cap<'_, '_, P>,
    rounds: u32,
) -> Option<(u64, bool)> {
    let hops = chain.legs.len();
    let mut start = (bounds.x_star.round() as u64).max(1);
    if !cap.allows(start) {
        start = cap.exact();
        if start == 0 {
            return None;
        }
    }
    // (profit, input) of the best edge so far; smaller inputs win ties.
    let mut best = (i128::MIN, u64::MAX);
    let consider = |best: &mut (i128, u64), x: u64, out: u64| {
        let profit = i128::from(out) - i128::from(x);
        if profit > best.0 || (profit == best.0 && x < best.1) {
            *best = (profit, x);
        }
    };
    // The edge of `start`'s step pays the same output as `start`.
    let start_out = chain.output(start)?;
    let mut left = chain.min_input(hops, start_out)?.max(1);
    consider(&mut best, left, start_out);
    let mut right_out = start_out;
    let (mut left_open, mut right_open) = (true, true);
    let mut rounds_left = rounds;
    let mut right = left;
    loop {
        // Bounds on what lies beyond, the cheap one first; below `target` a side is done.
        let target = best.0.saturating_add(1) as f64;
        // Left: every input below the left edge, bounded at `left - 1`.
        let mut left_step = None;
        if left_open {
            let z = left - 1;
            left_open = left > 1 && bounds.whole(z, true) >= target && {
                let amounts = chain.amounts(z)?;
                left_step = Some(amounts[hops]);
                bounds.split(&amounts, true) >= target
            };
        }
        // Right: every input from the next edge on, bounded there.
        let mut right_step = None;
        if right_open {
            right_open = bounds.whole(right.saturating_add(1), false) >= target && {
                let next = right_out
                    .checked_add(1)
                    .and_then(|y| chain.min_input(hops, y));
                match next.filter(|&x| cap.allows(x) && bounds.whole(x, false) >= target) {
                    Some(x) => chain.amounts(x).is_some_and(|amounts| {
                        right_step = Some((x, amounts[hops]));
                        bounds.split(&amounts, false) >= target
                    }),
                    None => false,
                }
            };
        }
        if !left_open && !right_open {
            return Some((best.1, true));
        }
        if rounds_left == 0 {
            return Some((best.1, false));
        }
        rounds_left -= 1;
        if let Some(out) = left_step.filter(|_| left_open) {
            left = chain.min_input(hops, out)?.max(1);
            consider(&mut best, left, out);
        }
        if let Some((x, out)) = right_step.filter(|_| right_open) {
            consider(&mut best, x, out);
            (right, right_out) = (x, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curve::ConstantProduct;

    #[test]
    fn no_legs_or_too_many_legs_is_no_opportunity() {
        let pool = ConstantProduct::new(1_000, 2_000, 0);
        let legs: Vec<(&ConstantProduct, Direction)> = vec![(&pool, Direction::AToB); 5];
        assert_eq!(size(&legs, &Limits::default()), None);
        assert_eq!(size::<ConstantProduct>(&[], &Limits::default()), None);
    }

    #[test]
    fn an_empty_pool_is_no_opportunity() {
        let (p, q) = (
            ConstantProduct::new(1_000, 2_000, 0),
            ConstantProduct::new(0, 1_000, 0),
        );
        assert_eq!(
            size(
                &[(&p, Direction::AToB), (&q, Direction::AToB)],
                &Limits::default()
            ),
            None
        );
    }

    #[test]
    fn zero_rounds_still_returns_a_truthful_size() {
        let p = ConstantProduct::new(1_000_000, 10_000_000, 30);
        let q = ConstantProduct::new(9_500_000, 1_000_000, 30);
        let legs = [(&p, Direction::AToB), (&q, Direction::AToB)];
        let limits = Limits {
            search_steps: 0,
            ..Limits::default()
        };
        let s = size(&legs, &limits).unwrap();
        assert_eq!(
            s.amounts()[1],
            p.quote(s.amount_in, Direction::AToB).unwrap()
        );
        assert_eq!(
            s.amount_out,
            q.quote(s.amounts()[1], Direction::AToB).unwrap()
        );
        assert_eq!(s.profit, s.amount_out - s.amount_in);
        let full = size(&legs, &Limits::default()).unwrap();
        assert!(full.exact && full.profit >= s.profit);
    }
}
