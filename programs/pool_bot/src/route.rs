//! Trade routes: the exact CPIs a proposal may run.
//!
//! The proposer sends each leg compactly (`LegSpec`: accounts by index into the instruction's
//! remaining accounts, so a two-pool route fits in one legacy transaction). `propose_trade`
//! resolves them into `RouteLeg`s (full pubkeys), checks them against the product, and stores
//! their Borsh encoding in the proposal with its SHA-256. Validators vote on that stored route
//! and `execute_and_distribute` decodes and runs exactly it: the executor cannot change a byte.
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Most legs (CPIs) in a route: cycles of 2 to 4 pools.
pub const MAX_LEGS: usize = 4;
/// Most accounts one leg may pass.
pub const MAX_LEG_ACCOUNTS: usize = 16;
/// Most instruction-data bytes one leg may pass.
pub const MAX_LEG_DATA: usize = 64;
/// Most bytes of an encoded route stored in a proposal.
pub const MAX_ROUTE_BYTES: usize = 1_600;

/// One account of a resolved leg, as the CPI will see it.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LegAccount {
    /// The account.
    pub pubkey: Pubkey,
    /// Signs the CPI (only the pool PDA may).
    pub is_signer: bool,
    /// Writable in the CPI.
    pub is_writable: bool,
}

/// One CPI of a route, fully resolved: what validators approve and the program executes.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct RouteLeg {
    /// Program invoked.
    pub program_id: Pubkey,
    /// Its accounts, in order.
    pub accounts: Vec<LegAccount>,
    /// Its instruction data.
    pub data: Vec<u8>,
}

/// An account of a leg as the proposer sends it: an index into the remaining accounts.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct AccountRef {
    /// Index into the instruction's remaining accounts.
    pub index: u8,
    /// Signs the CPI (only the pool PDA may).
    pub is_signer: bool,
    /// Writable in the CPI.
    pub is_writable: bool,
}

/// A leg as the proposer sends it.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LegSpec {
    /// Index of the invoked program in the remaining accounts.
    pub program_index: u8,
    /// Its accounts, in order.
    pub accounts: Vec<AccountRef>,
    /// Its instruction data.
    pub data: Vec<u8>,
}

fn key_at(remaining: &[AccountInfo], index: u8) -> Result<Pubkey> {
    remaining
        .get(index as usize)
        .map(|info| info.key())
        .ok_or_else(|| error!(PoolError::RouteAccountMissing))
}

/// Resolves compact legs against the remaining accounts.
pub fn resolve(specs: &[LegSpec], remaining: &[AccountInfo]) -> Result<Vec<RouteLeg>> {
    specs
        .iter()
        .map(|spec| {
            let accounts = spec
                .accounts
                .iter()
                .map(|r| {
                    Ok(LegAccount {
                        pubkey: key_at(remaining, r.index)?,
                        is_signer: r.is_signer,
                        is_writable: r.is_writable,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(RouteLeg {
                program_id: key_at(remaining, spec.program_index)?,
                accounts,
                data: spec.data.clone(),
            })
        })
        .collect()
}

/// Refuses a route that is empty or too long, calls a program the product does not allow (or
/// this program), passes the proposal account, or asks anyone but the pool PDA to sign.
pub fn check(legs: &[RouteLeg], allowed: &[Pubkey], pool: &Pubkey, proposal: &Pubkey) -> Result<()> {
    require!(!legs.is_empty() && legs.len() <= MAX_LEGS, PoolError::InvalidRouteLength);
    for leg in legs {
        require_keys_neq!(leg.program_id, crate::ID, PoolError::RouteSelfInvocation);
        require!(allowed.contains(&leg.program_id), PoolError::ProgramNotAllowed);
        require!(
            leg.accounts.len() <= MAX_LEG_ACCOUNTS && leg.data.len() <= MAX_LEG_DATA,
            PoolError::RouteLegTooLarge
        );
        for account in &leg.accounts {
            require_keys_neq!(account.pubkey, *proposal, PoolError::ProposalInRoute);
            require!(!account.is_signer || account.pubkey == *pool, PoolError::RouteSignerNotAllowed);
        }
    }
    Ok(())
}

/// The canonical bytes of a route (Borsh of `Vec<RouteLeg>`), refusing routes too big to store.
pub fn encode(legs: &[RouteLeg]) -> Result<Vec<u8>> {
    let bytes = borsh::to_vec(legs).map_err(|_| error!(PoolError::RouteLegTooLarge))?;
    require!(bytes.len() <= MAX_ROUTE_BYTES, PoolError::RouteLegTooLarge);
    Ok(bytes)
}

/// Decodes canonical route bytes.
pub fn decode(bytes: &[u8]) -> Result<Vec<RouteLeg>> {
    Vec::<RouteLeg>::try_from_slice(bytes).map_err(|_| error!(PoolError::RouteMismatch))
}

/// SHA-256 of canonical route bytes: the route's fingerprint in proposals and events.
pub fn hash(bytes: &[u8]) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[bytes]).to_bytes()
}
