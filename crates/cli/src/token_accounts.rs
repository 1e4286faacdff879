//! Wallets' token accounts for the pool's mint: the one given with a flag, else the wallet's
//! associated token account (the SPL convention every wallet app uses).
use crate::error::CliError;
use crate::fetch::PoolInfo;
use pool_bot_client::chain::Chain;
use pool_bot_client::{token, Instruction, Pubkey};

/// The associated token account of `owner` for the pool's mint.
pub fn associated(pool: &PoolInfo, owner: &Pubkey) -> Pubkey {
    let p = &pool.addresses;
    token::associated_address(owner, &p.mint, &p.token_program)
}

/// Creates `owner`'s associated token account for the pool's mint unless it exists, paid by
/// `payer`.
pub fn create_associated(pool: &PoolInfo, payer: &Pubkey, owner: &Pubkey) -> Instruction {
    let p = &pool.addresses;
    token::create_associated_idempotent(payer, owner, &p.mint, &p.token_program)
}

/// A token account of the pool's mint and its balance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holding {
    /// The token account.
    pub key: Pubkey,
    /// Its balance in base units.
    pub balance: u64,
}

/// Whose token account is looked for, as messages name it.
#[derive(Clone, Copy, Debug)]
pub struct Owner<'a> {
    /// The wallet.
    pub key: Pubkey,
    /// "your", "the claimant's".
    pub whose: &'a str,
    /// The flag that names another account, e.g. `--token-account`.
    pub flag_name: &'a str,
}

/// `flag`, else the owner's associated account, if it exists and holds the pool's mint;
/// `None` when the associated account does not exist yet.
pub fn find(
    chain: &dyn Chain,
    pool: &PoolInfo,
    owner: Owner,
    flag: Option<Pubkey>,
) -> Result<Option<Holding>, CliError> {
    let Owner {
        whose, flag_name, ..
    } = owner;
    let key = flag.unwrap_or_else(|| associated(pool, &owner.key));
    let symbol = &pool.unit.symbol;
    let Some(account) = chain.account(&key)? else {
        return match flag {
            Some(_) => Err(CliError::State(format!(
                "No token account at {key}. Check {flag_name}."
            ))),
            None => Ok(None),
        };
    };
    let (Some(mint), Some(balance)) = (
        token::account_mint(&account.data),
        token::balance(&account.data),
    ) else {
        return Err(CliError::State(format!(
            "{key} is not a token account. Pass {whose} {symbol} account with {flag_name}."
        )));
    };
    if mint != pool.addresses.mint {
        return Err(CliError::State(format!(
            "{key} holds another token ({mint}), not the pool's {symbol} ({}). Pass {whose} {symbol} account with {flag_name}.",
            pool.addresses.mint
        )));
    }
    Ok(Some(Holding { key, balance }))
}

/// Like [`find`], but the account must exist.
pub fn require(
    chain: &dyn Chain,
    pool: &PoolInfo,
    owner: Owner,
    flag: Option<Pubkey>,
) -> Result<Holding, CliError> {
    find(chain, pool, owner, flag)?.ok_or_else(|| {
        let mut whose = owner.whose.to_string();
        if let Some(first) = whose.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        CliError::State(format!(
            "{whose} wallet {key} has no {symbol} account (expected its associated token account {ata}). Pass one with {flag} <PUBKEY>, or create it with `spl-token create-account {mint}`.",
            key = owner.key,
            flag = owner.flag_name,
            symbol = pool.unit.symbol,
            ata = associated(pool, &owner.key),
            mint = pool.addresses.mint,
        ))
    })
}
