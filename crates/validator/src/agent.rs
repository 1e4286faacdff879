//! Reviewing and voting on proposals.
//!
//! The agent approves only a route it can replay itself: every leg a swap of a DEX it knows,
//! every token account a leg writes either that DEX pool's own reserve or a clean token account
//! of the pool, the vault spending exactly the declared `amount_in`, and a declared minimum
//! profit close to the re-simulated one. Each check that fails names itself in the reason sent
//! with the rejection.
use crate::mandates;
use crate::metrics::Metrics;
use crate::policy::Policy;
use anchor_lang::{AccountDeserialize, Owners};
use anchor_spl::token_interface::TokenAccount;
use pool_bot::route::RouteLeg;
use pool_bot::state::{
    Mandate, MandateStanding, Pool, Product, ProposalStanding, TradeProposal, ValidatorSet,
};
use pool_bot_arb::{ConstantProduct, Direction, PoolQuote};
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::chain::{AccountData, Chain, ChainError};
use pool_bot_client::instructions as ix;
use pool_bot_client::landing::Sender;
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::Pubkey;
use pool_bot_dex::{DexDecoder, DexPool, SwapLeg};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::collections::HashMap;
use std::sync::Arc;
use tracing::{info, warn};

/// A vote and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The proposal or mandate voted on.
    pub account: Pubkey,
    /// Approve (true) or reject.
    pub approve: bool,
    /// The reason (sent with rejections, logged for approvals).
    pub reason: String,
}

/// Why a review ends without approving.
enum Stop {
    /// A check failed: reject with this reason.
    Reject(String),
    /// The chain could not be read: no vote this round.
    Chain(ChainError),
}

impl From<ChainError> for Stop {
    fn from(e: ChainError) -> Stop {
        Stop::Chain(e)
    }
}

impl From<LoadError> for Stop {
    fn from(e: LoadError) -> Stop {
        Stop::Chain(e.into())
    }
}

fn reject<T>(reason: String) -> Result<T, Stop> {
    Err(Stop::Reject(reason))
}

/// One leg read as a swap from one of the pool's token accounts into another.
struct PoolSwap {
    swap: SwapLeg,
    direction: Direction,
    source: Pubkey,
    destination: Pubkey,
}

/// What replaying the route shows.
struct Replay {
    /// Total the legs take out of the vault.
    vault_spent: u64,
    /// The vault's balance after the route minus before.
    vault_gain: i128,
}

/// The agent of one validator of one pool.
pub struct ValidatorAgent {
    addresses: PoolAddresses,
    policy: Policy,
    decoders: Vec<Box<dyn DexDecoder>>,
    /// How votes are priced and followed to confirmation.
    sender: Sender,
    metrics: Arc<Metrics>,
}

impl ValidatorAgent {
    /// An agent for `pool` signing by `policy`, reading DEXes through `decoders`.
    pub fn new(
        chain: &dyn Chain,
        pool: &Pubkey,
        policy: Policy,
        decoders: Vec<Box<dyn DexDecoder>>,
    ) -> Result<ValidatorAgent, ChainError> {
        let state: Pool = accounts::find_zero_copy(chain, pool)?.ok_or_else(|| {
            ChainError::NotFound(format!(
                "pool {pool} does not exist; check --pool and --url"
            ))
        })?;
        let addresses = PoolAddresses::of(&state);
        Ok(ValidatorAgent {
            addresses,
            policy,
            decoders,
            sender: Sender::default(),
            metrics: Arc::new(Metrics::default()),
        })
    }

    /// Votes priced and followed by `sender` (its fee policy, its confirmation tracking).
    pub fn with_sender(mut self, sender: Sender) -> ValidatorAgent {
        self.sender = sender;
        self
    }

    /// The agent's metrics (to serve, see `Metrics::registry`).
    pub fn metrics(&self) -> Arc<Metrics> {
        self.metrics.clone()
    }

    /// Reviews every pending, live proposal and mandate this validator has not voted on, and
    /// votes.
    pub fn tick(
        &mut self,
        chain: &mut dyn Chain,
        validator: &Keypair,
    ) -> Result<Vec<Decision>, ChainError> {
        let now = chain.clock()?.unix_timestamp;
        let Some(pool) = accounts::find_zero_copy::<Pool>(chain, &self.addresses.pool)? else {
            return Ok(Vec::new());
        };
        let Some(set) =
            accounts::find_zero_copy::<ValidatorSet>(chain, &self.addresses.validator_set)?
        else {
            return Ok(Vec::new());
        };
        let Some(slot) = set.slot_of(&validator.pubkey()) else {
            return Ok(Vec::new());
        };
        let open: Vec<(Pubkey, TradeProposal)> = accounts::proposals(chain, &self.addresses.pool)?
            .into_iter()
            .filter(|(_, p)| {
                p.standing(now, pool.config_version) == ProposalStanding::Pending
                    && !p.has_voted(slot)
            })
            .collect();
        let mut decisions = Vec::new();
        for (key, proposal) in open {
            let decision = self.review(chain, &key, &proposal)?;
            let vote = if decision.approve {
                ix::approve_trade(&self.addresses, &validator.pubkey(), key)
            } else {
                ix::reject_trade(&self.addresses, &validator.pubkey(), key, &decision.reason)
            };
            match self.sender.send(chain, &[vote], &[validator], &[]) {
                Ok(_) => {
                    self.metrics.vote(decision.approve);
                    info!(id = proposal.id, approve = decision.approve, reason = %decision.reason, "voted")
                }
                Err(e) => {
                    self.metrics.errors.inc();
                    warn!(id = proposal.id, error = %e, "vote failed")
                }
            }
            decisions.push(decision);
        }
        let pending = accounts::list_zero_copy::<Mandate>(chain, Some(&self.addresses.pool))?
            .into_iter()
            .filter(|(_, m)| {
                m.standing(now, pool.config_version) == MandateStanding::Pending
                    && !m.has_voted(slot)
            });
        for (key, mandate) in pending {
            let decision = mandates::review(chain, &self.policy, &self.decoders, &key, &mandate)?;
            let vote = if decision.approve {
                ix::approve_mandate(&self.addresses, &validator.pubkey(), key)
            } else {
                ix::reject_mandate(&self.addresses, &validator.pubkey(), key, &decision.reason)
            };
            match self.sender.send(chain, &[vote], &[validator], &[]) {
                Ok(_) => {
                    self.metrics.vote(decision.approve);
                    info!(mandate = mandate.id, approve = decision.approve, reason = %decision.reason, "voted")
                }
                Err(e) => {
                    self.metrics.errors.inc();
                    warn!(mandate = mandate.id, error = %e, "vote failed")
                }
            }
            decisions.push(decision);
        }
        Ok(decisions)
    }

    /// Decides on one proposal: approve with the re-simulated profit, or reject naming the
    /// check that failed.
    pub fn review(
        &self,
        chain: &dyn Chain,
        key: &Pubkey,
        proposal: &TradeProposal,
    ) -> Result<Decision, ChainError> {
        let (approve, reason) = match self.check(chain, proposal) {
            Ok(profit) => (true, format!("re-simulated profit {profit}")),
            Err(Stop::Reject(reason)) => (false, reason),
            Err(Stop::Chain(e)) => return Err(e),
        };
        Ok(Decision {
            account: *key,
            approve,
            reason,
        })
    }

    /// Every check, in order; the re-simulated profit when all pass.
    fn check(&self, chain: &dyn Chain, proposal: &TradeProposal) -> Result<u64, Stop> {
        match accounts::find_zero_copy::<Product>(chain, &proposal.product)? {
            Some(product) if product.is_enabled() => {}
            _ => return reject("product is disabled".into()),
        }
        let Ok(legs) = accounts::proposal_route(proposal) else {
            return reject("the stored route is unreadable".into());
        };
        let mut markets: HashMap<Pubkey, DexPool> = HashMap::new();
        for decoder in &self.decoders {
            markets.extend(decoder.pools(chain)?.into_iter().map(|p| (p.address, p)));
        }
        // the pool's token accounts the route writes, with their balances before it
        let mut balances: HashMap<Pubkey, u64> = HashMap::new();
        let swaps = legs
            .iter()
            .enumerate()
            .map(|(i, leg)| self.read_swap(chain, &markets, &mut balances, i, leg))
            .collect::<Result<Vec<_>, _>>()?;
        let replay = self.replay(&markets, balances, &swaps)?;

        if replay.vault_spent != proposal.amount_in {
            return reject(format!(
                "the route spends {} of the vault, not the declared amount_in {}",
                replay.vault_spent, proposal.amount_in
            ));
        }
        if replay.vault_spent > self.policy.max_amount_in {
            return reject(format!(
                "amount {} is above the policy's max_amount_in {}",
                replay.vault_spent, self.policy.max_amount_in
            ));
        }
        let profit = u64::try_from(replay.vault_gain).unwrap_or(0);
        let floor = proposal.min_profit.max(self.policy.min_profit);
        // u128: the keeper chooses expected_profit, and a panic would stop the agent
        let expected = u128::from(proposal.expected_profit);
        let allowed_drop = expected * u128::from(self.policy.max_profit_drop_bps) / 10_000;
        if profit < floor || u128::from(profit) + allowed_drop < expected {
            return reject(format!(
                "route lost its profit: now {profit}, needs {floor} (expected {})",
                proposal.expected_profit
            ));
        }
        let shortfall_bps = self.policy.max_profit_shortfall_bps;
        if u128::from(proposal.min_profit) * 10_000
            < u128::from(profit) * u128::from(10_000u16.saturating_sub(shortfall_bps))
        {
            return reject(format!(
                "declared min_profit {} is more than {shortfall_bps} bps below the re-simulated profit {profit}",
                proposal.min_profit
            ));
        }
        Ok(profit)
    }

    /// Reads leg `i` as a swap of a known DEX pool whose every written token account is that
    /// pool's reserve or a token account of the pool (recorded in `balances` with its balance).
    fn read_swap(
        &self,
        chain: &dyn Chain,
        markets: &HashMap<Pubkey, DexPool>,
        balances: &mut HashMap<Pubkey, u64>,
        i: usize,
        leg: &RouteLeg,
    ) -> Result<PoolSwap, Stop> {
        let Some(swap) = self
            .decoders
            .iter()
            .find(|d| d.program() == leg.program_id)
            .and_then(|d| d.read_leg(leg))
        else {
            return reject(format!(
                "leg {i} is not a swap of a DEX this agent knows: it calls {}",
                leg.program_id
            ));
        };
        let Some(market) = markets.get(&swap.pool) else {
            return reject(format!("leg {i}: unknown DEX pool {}", swap.pool));
        };
        let Some(direction) = market.selling(&swap.mint_in) else {
            return reject(format!("leg {i}: pool does not hold the mint it sells"));
        };
        let (mint_in, mint_out) = market.mints(direction);
        let (mut source, mut destination) = (None, None);
        let mut written: Vec<Pubkey> = leg
            .accounts
            .iter()
            .filter(|a| a.is_writable)
            .map(|a| a.pubkey)
            .filter(|key| *key != market.address && !market.vaults.contains(key))
            .collect();
        written.sort();
        written.dedup();
        for key in written {
            let Some(token) = chain.account(&key)?.as_ref().and_then(token_account) else {
                return reject(format!(
                    "leg {i} writes {key}, which is not a token account of the pool"
                ));
            };
            if token.owner != self.addresses.pool {
                return reject(format!(
                    "leg {i} writes token account {key}, which the pool does not own (its owner is {})",
                    token.owner
                ));
            }
            if token.delegate.is_some() || token.close_authority.is_some() {
                return reject(format!(
                    "leg {i} writes the pool's token account {key}, which has a delegate or close authority"
                ));
            }
            balances.entry(key).or_insert(token.amount);
            let side = if token.mint == mint_in {
                &mut source
            } else if token.mint == mint_out {
                &mut destination
            } else {
                return reject(format!(
                    "leg {i} writes the pool's token account {key} of a mint it does not trade"
                ));
            };
            if side.replace(key).is_some() {
                return reject(format!(
                    "leg {i} writes two of the pool's token accounts of mint {}",
                    token.mint
                ));
            }
        }
        let (Some(source), Some(destination)) = (source, destination) else {
            return reject(format!(
                "leg {i} does not swap from one of the pool's token accounts into another"
            ));
        };
        Ok(PoolSwap {
            swap,
            direction,
            source,
            destination,
        })
    }

    /// Replays the swaps against current reserves (each leg moves the reserves the next one
    /// sees) and the pool's token account balances.
    fn replay(
        &self,
        markets: &HashMap<Pubkey, DexPool>,
        mut balances: HashMap<Pubkey, u64>,
        swaps: &[PoolSwap],
    ) -> Result<Replay, Stop> {
        let before = balances.clone();
        let mut curves: HashMap<Pubkey, ConstantProduct> = markets
            .iter()
            .map(|(address, market)| (*address, market.curve))
            .collect();
        let mut vault_spent = 0u64;
        for (i, s) in swaps.iter().enumerate() {
            let SwapLeg {
                pool,
                amount_in,
                min_amount_out,
                ..
            } = s.swap;
            let held = balances[&s.source];
            if amount_in > held {
                return reject(format!(
                    "leg {i} sells {amount_in} from {}, which would hold only {held}",
                    s.source
                ));
            }
            let curve = curves.get_mut(&pool).expect("every swap's pool is known");
            let out = curve.quote(amount_in, s.direction).unwrap_or(0);
            let least = min_amount_out.max(1);
            if out < least {
                return reject(format!(
                    "leg {i} would pay {out}, below its minimum {least}"
                ));
            }
            apply(curve, s.direction, amount_in, out);
            *balances.get_mut(&s.source).expect("recorded") -= amount_in;
            *balances.get_mut(&s.destination).expect("recorded") += out;
            if s.source == self.addresses.vault {
                vault_spent = vault_spent.saturating_add(amount_in);
            }
        }
        for (key, after) in &balances {
            let was = before[key];
            if *key != self.addresses.vault && *after < was {
                return reject(format!(
                    "the route takes {} from the pool's token account {key} and does not put it back",
                    was - after
                ));
            }
        }
        let vault = |b: &HashMap<Pubkey, u64>| {
            i128::from(b.get(&self.addresses.vault).copied().unwrap_or(0))
        };
        Ok(Replay {
            vault_spent,
            vault_gain: vault(&balances) - vault(&before),
        })
    }
}

/// The token account in `account`, if it is one (SPL Token or Token-2022).
fn token_account(account: &AccountData) -> Option<TokenAccount> {
    if !TokenAccount::owners().contains(&account.owner) {
        return None;
    }
    TokenAccount::try_deserialize(&mut account.data.as_slice()).ok()
}

/// Moves `curve`'s reserves by a swap of `amount_in` for `out` in `direction`.
fn apply(curve: &mut ConstantProduct, direction: Direction, amount_in: u64, out: u64) {
    let (reserve_in, reserve_out) = match direction {
        Direction::AToB => (&mut curve.reserve_a, &mut curve.reserve_b),
        Direction::BToA => (&mut curve.reserve_b, &mut curve.reserve_a),
    };
    *reserve_in += amount_in;
    *reserve_out -= out;
}
