//! Reviewing mandates: a standing permission is judged on its terms, since no route exists
//! yet. The agent approves a mandate only if every market is a pool of a DEX it can read, each
//! trade stays within the policy's size and least profit, the budget scaled to a day stays
//! within the policy's, and the mandate stands no longer than the policy allows. Each check
//! that fails names itself in the reason sent with the rejection.
use crate::agent::Decision;
use crate::policy::Policy;
use pool_bot::state::{Mandate, Product};
use pool_bot_client::accounts;
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::Pubkey;
use pool_bot_dex::DexDecoder;
use std::collections::HashSet;

/// Decides on one pending mandate.
pub fn review(
    chain: &dyn Chain,
    policy: &Policy,
    decoders: &[Box<dyn DexDecoder>],
    key: &Pubkey,
    mandate: &Mandate,
) -> Result<Decision, ChainError> {
    let reason = check(chain, policy, decoders, mandate)?.err();
    Ok(Decision {
        account: *key,
        approve: reason.is_none(),
        reason: reason.unwrap_or_else(|| "terms within the policy".into()),
    })
}

fn check(
    chain: &dyn Chain,
    policy: &Policy,
    decoders: &[Box<dyn DexDecoder>],
    m: &Mandate,
) -> Result<Result<(), String>, ChainError> {
    match accounts::find_zero_copy::<Product>(chain, &m.product)? {
        Some(product) if product.is_enabled() => {}
        _ => return Ok(Err("product is disabled".into())),
    }
    let mut known = HashSet::new();
    for decoder in decoders {
        known.extend(decoder.pools(chain)?.into_iter().map(|p| p.address));
    }
    if let Some(unknown) = m.markets().iter().find(|market| !known.contains(*market)) {
        return Ok(Err(format!(
            "market {unknown} is not a pool of a DEX this agent reads"
        )));
    }
    if m.max_amount_in > policy.max_amount_in {
        return Ok(Err(format!(
            "max_amount_in {} is above the policy's max_amount_in {}",
            m.max_amount_in, policy.max_amount_in
        )));
    }
    if m.min_profit < policy.min_profit {
        return Ok(Err(format!(
            "min_profit {} is below the policy's min_profit {}",
            m.min_profit, policy.min_profit
        )));
    }
    // the budget scaled to a day (periods are a minute to 30 days), rounded up
    let per_day =
        (u128::from(m.max_notional_per_period) * 86_400).div_ceil(m.period.max(1) as u128);
    let cap = policy.mandate_notional_per_day();
    if per_day > u128::from(cap) {
        return Ok(Err(format!(
            "budget of {per_day} a day is above the policy's {cap}"
        )));
    }
    let days = i64::from(policy.max_mandate_days);
    if m.duration > days * 86_400 {
        return Ok(Err(format!(
            "stands {} s, longer than the policy's {days} days",
            m.duration
        )));
    }
    Ok(Ok(()))
}
