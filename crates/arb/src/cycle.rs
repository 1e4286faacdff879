//! Arbitrage cycles: 2 to [`MAX_HOPS`] pools that start and end in the base token.
//!
//! A cycle never visits a token twice (apart from the base token at both ends), so it never uses
//! a pool twice either. Both orientations of a loop are separate cycles: buying on one pool and
//! selling on the other is a different trade from the reverse.
//!
//! Cycles are found when their last pool arrives ([`cycles_through`] the new pool), so a market
//! built pool by pool holds every cycle exactly once. The search walks at most three hops out of
//! each end of the new pool and never expands the base token, so its cost depends on the degrees
//! of the other tokens only, not on how many pools the base token has.
use crate::curve::Direction;
use crate::market::{Market, PoolId, TokenId};

/// Most pools in one cycle.
pub const MAX_HOPS: usize = 4;

/// Most hops between an end of the new pool and the base token.
const MAX_SIDE: usize = MAX_HOPS - 1;

/// One swap of a cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hop {
    /// The pool swapped through.
    pub pool: PoolId,
    /// The direction of the swap.
    pub direction: Direction,
}

/// A cycle, numbered in the order the engine found them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CycleId(pub u32);

impl CycleId {
    /// The position of the cycle in the engine's list.
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// The swaps of one cycle, in order; the first sells and the last buys the base token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cycle {
    hops: [Hop; MAX_HOPS],
    len: u8,
}

impl Cycle {
    /// The hops, in trading order.
    pub fn hops(&self) -> &[Hop] {
        &self.hops[..usize::from(self.len)]
    }
}

/// One step of a path: through `pool` from token `from` to token `to`.
#[derive(Clone, Copy)]
struct Step {
    pool: PoolId,
    from: TokenId,
    to: TokenId,
}

/// A path of at most [`MAX_SIDE`] steps ending in the base token.
#[derive(Clone, Copy)]
struct Path {
    steps: [Step; MAX_SIDE],
    len: usize,
}

impl Path {
    const EMPTY: Path = Path {
        steps: [Step {
            pool: PoolId(0),
            from: TokenId(0),
            to: TokenId(0),
        }; MAX_SIDE],
        len: 0,
    };

    fn steps(&self) -> &[Step] {
        &self.steps[..self.len]
    }

    /// The tokens the path leaves (all of its tokens but the base token at its end).
    fn tokens(&self) -> impl Iterator<Item = TokenId> + '_ {
        self.steps().iter().map(|s| s.from)
    }
}

/// Every cycle through `base` that uses `pool`, in both orientations. Empty if `pool` is not in
/// the market.
pub fn cycles_through<P>(market: &Market<P>, base: TokenId, pool: PoolId) -> Vec<Cycle> {
    let Some(entry) = market.pool(pool) else {
        return Vec::new();
    };
    let mut cycles = Vec::new();
    for (from, to) in [
        (entry.token_a, entry.token_b),
        (entry.token_b, entry.token_a),
    ] {
        // base ⇝ from → to ⇝ base: the prefix is found backwards, from `from` to the base.
        let prefixes = paths_to_base(market, base, from, to, pool);
        let suffixes = paths_to_base(market, base, to, from, pool);
        for prefix in &prefixes {
            for suffix in &suffixes {
                let len = prefix.len + 1 + suffix.len;
                if !(2..=MAX_HOPS).contains(&len)
                    || prefix.tokens().any(|t| suffix.tokens().any(|u| u == t))
                {
                    continue;
                }
                let mut hops = [Hop {
                    pool,
                    direction: Direction::AToB,
                }; MAX_HOPS];
                let steps = prefix.steps().iter().rev().map(|s| (s.pool, s.to));
                let steps = steps
                    .chain([(pool, from)])
                    .chain(suffix.steps().iter().map(|s| (s.pool, s.from)));
                for (hop, (id, sold)) in hops.iter_mut().zip(steps) {
                    let direction = market.pool(id).and_then(|p| p.selling(sold));
                    *hop = Hop {
                        pool: id,
                        direction: direction
                            .expect("a path only uses pools of the tokens it visits"),
                    };
                }
                cycles.push(Cycle {
                    hops,
                    len: len as u8,
                });
            }
        }
    }
    cycles
}

/// The paths from `start` to `base` of at most [`MAX_SIDE`] steps that skip pool `skip`, never
/// visit `avoid` and visit no token twice; just the empty path when `start` is the base token.
fn paths_to_base<P>(
    market: &Market<P>,
    base: TokenId,
    start: TokenId,
    avoid: TokenId,
    skip: PoolId,
) -> Vec<Path> {
    let mut paths = Vec::new();
    if start == base {
        paths.push(Path::EMPTY);
    } else {
        let mut path = Path::EMPTY;
        walk(market, base, avoid, skip, start, &mut path, &mut paths);
    }
    paths
}

fn walk<P>(
    market: &Market<P>,
    base: TokenId,
    avoid: TokenId,
    skip: PoolId,
    at: TokenId,
    path: &mut Path,
    paths: &mut Vec<Path>,
) {
    for &id in market.pools_of(at) {
        let Some(pool) = market.pool(id).filter(|_| id != skip) else {
            continue;
        };
        let next = if pool.token_a == at {
            pool.token_b
        } else {
            pool.token_a
        };
        path.steps[path.len] = Step {
            pool: id,
            from: at,
            to: next,
        };
        path.len += 1;
        if next == base {
            paths.push(*path);
        } else if path.len < MAX_SIDE && next != avoid && path.tokens().all(|t| t != next) {
            walk(market, base, avoid, skip, next, path, paths);
        }
        path.len -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every cycle by brute force: all walks from the base token of 2 to 4 hops that return to
    /// it and repeat no other token.
    fn all_cycles<P>(market: &Market<P>, base: TokenId) -> BTreeSet<Vec<Hop>> {
        fn go<P>(
            market: &Market<P>,
            base: TokenId,
            at: TokenId,
            hops: &mut Vec<Hop>,
            seen: &mut Vec<TokenId>,
            out: &mut BTreeSet<Vec<Hop>>,
        ) {
            for (i, pool) in market.pools().iter().enumerate() {
                let Some(direction) = pool.selling(at) else {
                    continue;
                };
                let next = pool.tokens(direction).1;
                if hops.iter().any(|h| h.pool.index() == i) {
                    continue;
                }
                hops.push(Hop {
                    pool: PoolId(i as u32),
                    direction,
                });
                if next == base {
                    if hops.len() >= 2 {
                        out.insert(hops.clone());
                    }
                } else if hops.len() < MAX_HOPS && !seen.contains(&next) {
                    seen.push(next);
                    go(market, base, next, hops, seen, out);
                    seen.pop();
                }
                hops.pop();
            }
        }
        let mut out = BTreeSet::new();
        go(
            market,
            base,
            base,
            &mut Vec::new(),
            &mut Vec::new(),
            &mut out,
        );
        out
    }

    #[test]
    fn pools_added_one_by_one_yield_every_cycle_once() {
        // Tokens 0 (base) to 5; pools between many pairs, some of them parallel.
        let pairs = [
            (0, 1),
            (0, 1),
            (1, 2),
            (0, 2),
            (2, 3),
            (3, 0),
            (1, 3),
            (3, 4),
            (4, 0),
            (2, 4),
            (4, 5),
            (5, 1),
            (0, 5),
            (2, 3),
            (1, 4),
            (0, 3),
        ];
        let base = TokenId(0);
        let mut market = Market::new();
        let mut found = Vec::new();
        for (a, b) in pairs {
            let id = market.add_pool(TokenId(a), TokenId(b), ()).unwrap();
            let new = cycles_through(&market, base, id);
            assert!(new.iter().all(|c| c.hops().iter().any(|h| h.pool == id)));
            found.extend(new.iter().map(|c| c.hops().to_vec()));
        }
        let unique: BTreeSet<_> = found.iter().cloned().collect();
        assert_eq!(unique.len(), found.len(), "a cycle was found twice");
        assert_eq!(unique, all_cycles(&market, base));
        assert!(found.iter().any(|c| c.len() == 2) && found.iter().any(|c| c.len() == 4));
        for cycle in &found {
            let mut at = base;
            for hop in cycle {
                let pool = market.pool(hop.pool).unwrap();
                let (sold, bought) = pool.tokens(hop.direction);
                assert_eq!(sold, at);
                at = bought;
            }
            assert_eq!(at, base);
        }
    }

    #[test]
    fn an_unknown_pool_has_no_cycles() {
        let market: Market<()> = Market::new();
        assert!(cycles_through(&market, TokenId(0), PoolId(3)).is_empty());
    }
}
