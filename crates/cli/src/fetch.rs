//! Typed reads: accounts decoded with `pool_bot_client::accounts` (which also lists a pool's
//! accounts), token balances and mints, each failure as the person's sentence.
use crate::error::CliError;
use crate::units::TokenUnit;
use anchor_lang::{AccountDeserialize, Discriminator};
use pool_bot::state::Pool;
use pool_bot_client::accounts::{self, decode_zero_copy, LoadError};
use pool_bot_client::chain::Chain;
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::{mints, token, Pubkey};

/// Offset of `decimals` in an SPL mint.
const MINT_DECIMALS_OFFSET: usize = 44;
/// Size of an SPL mint (Token-2022 mints may be longer).
const MINT_LEN: usize = 82;

/// The symbol to show for `mint`: `--symbol`, else a known mint's (`pool_bot_client::mints`,
/// the table the web app shows too), else `tokens`.
pub fn symbol_for(mint: &Pubkey, flag: Option<&str>) -> String {
    flag.or_else(|| mints::symbol(mint))
        .unwrap_or("tokens")
        .to_string()
}

/// A pool, its addresses and how its amounts are shown.
#[derive(Clone)]
pub struct PoolInfo {
    /// The pool account.
    pub key: Pubkey,
    /// Its derived addresses.
    pub addresses: PoolAddresses,
    /// Its state.
    pub state: Pool,
    /// Its token.
    pub unit: TokenUnit,
}

impl PoolInfo {
    /// Loads the pool at `key`.
    pub fn load(chain: &dyn Chain, key: Pubkey, symbol: Option<&str>) -> Result<Self, CliError> {
        let account = chain.account(&key)?.ok_or_else(|| {
            CliError::State(format!(
                "No pool at {key}. Check --pool (or --creator and --mint) and --url; `poolbot init` creates a pool."
            ))
        })?;
        let state: Pool = decode_zero_copy(&account.data).map_err(|_| {
            CliError::State(format!(
                "{key} is not a Pool Bot pool. Check --pool (or --creator and --mint)."
            ))
        })?;
        let addresses = PoolAddresses::of(&state);
        Ok(PoolInfo {
            key,
            addresses,
            unit: TokenUnit {
                decimals: state.decimals,
                symbol: symbol_for(&state.asset_mint, symbol),
            },
            state,
        })
    }
}

fn wrong_type(key: &Pubkey, what: &str) -> CliError {
    CliError::State(format!(
        "{key} is not a {what} account of Pool Bot. Check the address."
    ))
}

/// A failed read as the CLI says it: the chain's error, or the wrong kind of account.
fn explained(error: LoadError, key: &Pubkey, what: &str) -> CliError {
    match error {
        LoadError::Chain(e) => e.into(),
        LoadError::Missing { .. } | LoadError::Decode { .. } => wrong_type(key, what),
    }
}

fn short_name<T>() -> &'static str {
    std::any::type_name::<T>().rsplit("::").next().unwrap_or("")
}

/// The zero-copy account at `key`, if it exists.
pub fn zero_copy<T: bytemuck::Pod + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<Option<T>, CliError> {
    accounts::find_zero_copy(chain, key).map_err(|e| explained(e, key, short_name::<T>()))
}

/// The Borsh account at `key`, if it exists.
pub fn borsh<T: AccountDeserialize + Discriminator>(
    chain: &dyn Chain,
    key: &Pubkey,
) -> Result<Option<T>, CliError> {
    accounts::find(chain, key).map_err(|e| explained(e, key, short_name::<T>()))
}

/// The balance of the token account at `key`, if it is one.
pub fn token_balance(chain: &dyn Chain, key: &Pubkey) -> Result<Option<u64>, CliError> {
    Ok(chain.account(key)?.and_then(|a| token::balance(&a.data)))
}

/// A mint's decimals and token program (its owner).
pub fn mint(chain: &dyn Chain, key: &Pubkey) -> Result<(u8, Pubkey), CliError> {
    let account = chain
        .account(key)?
        .ok_or_else(|| CliError::State(format!("No mint at {key}. Check --mint and --url.")))?;
    if account.data.len() < MINT_LEN {
        return Err(CliError::State(format!(
            "{key} is not a token mint. Pass the mint of the token members deposit with --mint."
        )));
    }
    Ok((account.data[MINT_DECIMALS_OFFSET], account.owner))
}

/// The lamports of `key` (0 when it does not exist).
pub fn lamports(chain: &dyn Chain, key: &Pubkey) -> Result<u64, CliError> {
    Ok(chain.account(key)?.map_or(0, |a| a.lamports))
}
