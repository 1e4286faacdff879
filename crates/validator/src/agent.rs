//! Reviewing and voting on proposals.
use crate::policy::Policy;
use pool_bot::state::{Pool, Product, ProposalStatus, TradeProposal, ValidatorSet};
use pool_bot_arb::PoolQuote;
use pool_bot_client::accounts;
use pool_bot_client::chain::{AccountFilter, Chain, ChainError};
use pool_bot_client::instructions as ix;
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::Pubkey;
use pool_bot_keeper::dex::{DexDecoder, DexPool};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::collections::HashMap;
use tracing::{info, warn};

/// A vote and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The proposal.
    pub proposal: Pubkey,
    /// Approve (true) or reject.
    pub approve: bool,
    /// The reason (sent with rejections, logged for approvals).
    pub reason: String,
}

/// The agent of one validator of one pool.
pub struct ValidatorAgent {
    addresses: PoolAddresses,
    policy: Policy,
    decoders: Vec<Box<dyn DexDecoder>>,
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
            ChainError::Transport(format!(
                "pool {pool} does not exist; check --pool and --url"
            ))
        })?;
        let addresses = PoolAddresses::of(&state);
        Ok(ValidatorAgent {
            addresses,
            policy,
            decoders,
        })
    }

    /// Reviews every pending, live proposal this validator has not voted on, and votes.
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
        let filter = AccountFilter::of::<TradeProposal>(Some(self.addresses.pool));
        let mut open: Vec<(Pubkey, TradeProposal)> = chain
            .program_accounts(&pool_bot::ID, &filter)?
            .into_iter()
            .filter_map(|(key, a)| {
                Some((
                    key,
                    accounts::decode_zero_copy::<TradeProposal>(&a.data).ok()?,
                ))
            })
            .filter(|(_, p)| {
                p.status() == ProposalStatus::Pending
                    && now < p.expires_at
                    && !p.is_stale(pool.config_version)
                    && (p.approvals | p.rejections) & (1 << slot) == 0
            })
            .collect();
        open.sort_by_key(|(_, p)| p.id);
        let mut decisions = Vec::new();
        for (key, proposal) in open {
            let decision = self.review(chain, &key, &proposal)?;
            let vote = if decision.approve {
                ix::approve(&self.addresses, &validator.pubkey(), key)
            } else {
                ix::reject(&self.addresses, &validator.pubkey(), key, &decision.reason)
            };
            match chain.send(&[vote], &[validator]) {
                Ok(_) => {
                    info!(id = proposal.id, approve = decision.approve, reason = %decision.reason, "voted")
                }
                Err(e) => warn!(id = proposal.id, error = %e, "vote failed"),
            }
            decisions.push(decision);
        }
        Ok(decisions)
    }

    /// Decides on one proposal: product enabled, size within policy, and the stored route
    /// re-simulated against current DEX state still paying at least every minimum.
    pub fn review(
        &self,
        chain: &dyn Chain,
        key: &Pubkey,
        proposal: &TradeProposal,
    ) -> Result<Decision, ChainError> {
        let decide = |approve: bool, reason: String| Decision {
            proposal: *key,
            approve,
            reason,
        };
        match accounts::find_zero_copy::<Product>(chain, &proposal.product)? {
            Some(product) if product.is_enabled() => {}
            _ => return Ok(decide(false, "product is disabled".into())),
        }
        if proposal.amount_in > self.policy.max_amount_in {
            return Ok(decide(
                false,
                format!(
                    "amount {} is above the policy's {}",
                    proposal.amount_in, self.policy.max_amount_in
                ),
            ));
        }
        let profit = match self.resimulate(chain, proposal)? {
            Ok(profit) => profit,
            Err(reason) => return Ok(decide(false, reason)),
        };
        let floor = proposal.min_profit.max(self.policy.min_profit);
        let allowed_drop =
            proposal.expected_profit * u64::from(self.policy.max_profit_drop_bps) / 10_000;
        if profit < floor || profit + allowed_drop < proposal.expected_profit {
            return Ok(decide(
                false,
                format!(
                    "route lost its profit: now {profit}, needs {floor} (expected {})",
                    proposal.expected_profit
                ),
            ));
        }
        Ok(decide(true, format!("re-simulated profit {profit}")))
    }

    /// The stored route's profit at current reserves, or why it cannot run.
    fn resimulate(
        &self,
        chain: &dyn Chain,
        proposal: &TradeProposal,
    ) -> Result<Result<u64, String>, ChainError> {
        let Ok(legs) = accounts::proposal_route(proposal) else {
            return Ok(Err("the stored route is unreadable".into()));
        };
        let mut pools: HashMap<Pubkey, DexPool> = HashMap::new();
        for decoder in &self.decoders {
            pools.extend(decoder.pools(chain)?.into_iter().map(|p| (p.address, p)));
        }
        let mut held = 0u64;
        let mut paid_out = 0u64;
        for (i, leg) in legs.iter().enumerate() {
            let Some(swap) = self
                .decoders
                .iter()
                .find(|d| d.program() == leg.program_id)
                .and_then(|d| d.read_leg(leg))
            else {
                return Ok(Err(format!(
                    "leg {i} calls {} which this agent cannot evaluate",
                    leg.program_id
                )));
            };
            let Some(pool) = pools.get(&swap.pool) else {
                return Ok(Err(format!("leg {i}: unknown DEX pool {}", swap.pool)));
            };
            let Some(direction) = pool.selling(&swap.mint_in) else {
                return Ok(Err(format!(
                    "leg {i}: pool does not hold the mint it sells"
                )));
            };
            if i > 0 && swap.amount_in > held {
                return Ok(Err(format!(
                    "leg {i} sells {} but the previous leg pays only {held}",
                    swap.amount_in
                )));
            }
            let out = pool.curve.quote(swap.amount_in, direction).unwrap_or(0);
            if out < swap.min_amount_out {
                return Ok(Err(format!(
                    "leg {i} would pay {out}, below its minimum {}",
                    swap.min_amount_out
                )));
            }
            held = out;
            paid_out = out;
        }
        Ok(Ok(paid_out.saturating_sub(proposal.amount_in)))
    }
}
