//! A competing arbitrageur: another keypair on the same chain, with its own capital and the
//! same arbitrage engine, that trades any price gap worth its while through the same DEX pools,
//! in real transactions. Who reaches a gap first takes it.
use pool_bot_arb::Limits;
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::{AccountMeta, Instruction, Pubkey};
use pool_bot_dex::{DexDecoder, SwapRequest};
use pool_bot_keeper::market::MarketView;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::collections::HashMap;

/// The competitor.
pub struct Competitor {
    wallet: Keypair,
    /// Its token account per mint.
    accounts: HashMap<Pubkey, Pubkey>,
    market: MarketView,
    decoders: Vec<Box<dyn DexDecoder>>,
    /// Gaps it traded.
    pub trades: u64,
}

impl Competitor {
    /// A competitor trading cycles through `base` with the tokens in `accounts`, for at least
    /// `min_profit` a trade.
    pub fn new(
        wallet: Keypair,
        accounts: HashMap<Pubkey, Pubkey>,
        base: Pubkey,
        capital: u64,
        min_profit: u64,
    ) -> Competitor {
        let limits = Limits {
            max_trade: capital,
            available: capital,
            max_reserve_share_bps: 10_000,
            min_profit,
            search_steps: 32,
        };
        Competitor {
            wallet,
            accounts,
            market: MarketView::new(base, limits),
            decoders: pool_bot_dex::all(),
            trades: 0,
        }
    }

    /// Trades the best gap now if it is worth its minimum; says whether it traded.
    pub fn act(&mut self, chain: &mut dyn Chain) -> Result<bool, ChainError> {
        self.market.refresh(chain, &self.decoders, &[])?;
        let Some((hops, sizing)) = self.market.best() else {
            return Ok(false);
        };
        let amounts = sizing.amounts();
        let mut swaps = Vec::with_capacity(hops.len());
        for (i, hop) in hops.iter().enumerate() {
            let (mint_in, mint_out) = hop.pool.mints(hop.direction);
            let (Some(source), Some(destination)) =
                (self.accounts.get(&mint_in), self.accounts.get(&mint_out))
            else {
                return Ok(false);
            };
            let swap = SwapRequest {
                signer: self.wallet.pubkey(),
                source: *source,
                destination: *destination,
                mint_in,
                amount_in: amounts[i],
                min_amount_out: amounts[i + 1],
            };
            let leg = self.decoders[hop.decoder].swap_leg(&hop.pool, &swap);
            swaps.push(Instruction {
                program_id: leg.program_id,
                accounts: leg
                    .accounts
                    .iter()
                    .map(|a| AccountMeta {
                        pubkey: a.pubkey,
                        is_signer: a.is_signer,
                        is_writable: a.is_writable,
                    })
                    .collect(),
                data: leg.data,
            });
        }
        // a gap someone else closed since it looked is simply not traded
        let traded = chain.send(&swaps, &[&self.wallet]).is_ok();
        self.trades += u64::from(traded);
        Ok(traded)
    }

    /// Its balance of `mint`.
    pub fn balance(&self, chain: &dyn Chain, mint: &Pubkey) -> u64 {
        self.accounts
            .get(mint)
            .and_then(|a| chain.account(a).ok().flatten())
            .and_then(|a| pool_bot_client::token::balance(&a.data))
            .unwrap_or(0)
    }
}
