//! The token graph: tokens are vertices, pools are edges carrying their curve state.
use crate::curve::Direction;
use crate::error::ArbError;
use std::collections::HashMap;

/// A token (the keeper maps each mint to one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(pub u32);

/// A pool, numbered in the order the market received them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PoolId(pub u32);

impl PoolId {
    /// The position of the pool in [`Market`]'s list.
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// One DEX pool of the market (not Pool Bot's pool): the two tokens it joins and its curve
/// state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarketPool<P> {
    /// Token A of the pool's curve.
    pub token_a: TokenId,
    /// Token B of the pool's curve.
    pub token_b: TokenId,
    /// Reserves, fee, ...: whatever the curve needs to quote.
    pub state: P,
}

impl<P> MarketPool<P> {
    /// The direction that sells `token`, or `None` if the pool does not hold it.
    pub fn selling(&self, token: TokenId) -> Option<Direction> {
        if token == self.token_a {
            Some(Direction::AToB)
        } else if token == self.token_b {
            Some(Direction::BToA)
        } else {
            None
        }
    }

    /// `(token sold, token bought)` in `direction`.
    pub fn tokens(&self, direction: Direction) -> (TokenId, TokenId) {
        match direction {
            Direction::AToB => (self.token_a, self.token_b),
            Direction::BToA => (self.token_b, self.token_a),
        }
    }
}

/// All pools, and for every token the pools that hold it.
#[derive(Clone, Debug)]
pub struct Market<P> {
    pools: Vec<MarketPool<P>>,
    by_token: HashMap<TokenId, Vec<PoolId>>,
}

impl<P> Default for Market<P> {
    fn default() -> Self {
        Market {
            pools: Vec::new(),
            by_token: HashMap::new(),
        }
    }
}

impl<P> Market<P> {
    /// An empty market.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a pool between `token_a` and `token_b` (parallel pools of one pair are welcome).
    pub fn add_pool(
        &mut self,
        token_a: TokenId,
        token_b: TokenId,
        state: P,
    ) -> Result<PoolId, ArbError> {
        if token_a == token_b {
            return Err(ArbError::SameToken(token_a));
        }
        let id = PoolId(u32::try_from(self.pools.len()).map_err(|_| ArbError::Capacity)?);
        self.pools.push(MarketPool {
            token_a,
            token_b,
            state,
        });
        self.by_token.entry(token_a).or_default().push(id);
        self.by_token.entry(token_b).or_default().push(id);
        Ok(id)
    }

    /// Replaces the curve state (e.g. the reserves) of pool `id`; its tokens stay.
    pub fn update_pool(&mut self, id: PoolId, state: P) -> Result<(), ArbError> {
        let pool = self
            .pools
            .get_mut(id.index())
            .ok_or(ArbError::UnknownPool(id))?;
        pool.state = state;
        Ok(())
    }

    /// Pool `id`.
    pub fn pool(&self, id: PoolId) -> Option<&MarketPool<P>> {
        self.pools.get(id.index())
    }

    /// Every pool, indexed by [`PoolId::index`].
    pub fn pools(&self) -> &[MarketPool<P>] {
        &self.pools
    }

    /// The pools that hold `token`, in the order they were added.
    pub fn pools_of(&self, token: TokenId) -> &[PoolId] {
        self.by_token.get(&token).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_join_two_tokens() {
        let mut market = Market::new();
        let (usdc, sol) = (TokenId(0), TokenId(1));
        assert_eq!(
            market.add_pool(usdc, usdc, 0),
            Err(ArbError::SameToken(usdc))
        );
        let p = market.add_pool(usdc, sol, 1).unwrap();
        let q = market.add_pool(sol, usdc, 2).unwrap();
        assert_eq!(market.pools_of(usdc), [p, q]);
        assert_eq!(market.pools_of(TokenId(9)), []);
        let pool = market.pool(q).unwrap();
        assert_eq!(pool.selling(usdc), Some(Direction::BToA));
        assert_eq!(pool.tokens(Direction::BToA), (usdc, sol));
        assert_eq!(pool.selling(TokenId(9)), None);
        market.update_pool(q, 3).unwrap();
        assert_eq!(market.pool(q).unwrap().state, 3);
        assert_eq!(
            market.update_pool(PoolId(7), 0),
            Err(ArbError::UnknownPool(PoolId(7)))
        );
        assert_eq!(market.pools().len(), 2);
    }
}
