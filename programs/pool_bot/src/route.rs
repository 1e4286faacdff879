//! Trade routes: the exact CPIs a proposal may run.
//!
//! The proposer sends each leg compactly (`LegSpec`: accounts by index into the instruction's
//! remaining accounts, so a two-pool route fits in one legacy transaction). `propose_trade`
//! writes the resolved route straight into the proposal in its canonical encoding, the Borsh
//! encoding of `Vec<RouteLeg>` (full pubkeys), checking every leg against the product as it
//! goes, and stores its SHA-256. Validators vote on that stored route; `execute_and_distribute`
//! reads and runs exactly it, checking every leg again: the executor cannot change a byte.
//!
//! Every leg must match one of the product's `LegRule`s (program and instruction), spend from
//! and pay into token accounts the pool PDA owns, and trade only on the product's markets when
//! it lists any; what the legs do to those accounts is checked after they run (`route_guard`).
use crate::errors::PoolError;
use crate::route_guard::{token_owner, token_state};
use crate::state::{LegRule, NO_MARKET};
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::Instruction;

/// Most legs (CPIs) in a route: cycles of 2 to 4 pools.
pub const MAX_LEGS: usize = 4;
/// Most accounts one leg may pass.
pub const MAX_LEG_ACCOUNTS: usize = 16;
/// Most instruction-data bytes one leg may pass.
pub const MAX_LEG_DATA: usize = 64;
/// Most bytes of an encoded route stored in a proposal.
pub const MAX_ROUTE_BYTES: usize = 1_600;
/// Bytes of one encoded account: pubkey, is_signer, is_writable.
const ACCOUNT_BYTES: usize = 34;

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

/// One CPI of a route, fully resolved: the canonical form validators approve (clients decode
/// a proposal's route as `Vec<RouteLeg>`).
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

/// What every leg of a pool's route must respect.
pub struct RoutePolicy<'a> {
    /// What each leg may do (the product's rules).
    pub rules: &'a [LegRule],
    /// Markets the legs may trade on (empty: any).
    pub markets: &'a [Pubkey],
    /// The pool PDA: the only account a leg may ask to sign, and the owner of every token
    /// account a leg spends from or pays into.
    pub pool: Pubkey,
    /// The proposal or mandate the route runs under: no leg may pass it.
    pub record: Pubkey,
}

impl RoutePolicy<'_> {
    /// Refuses a leg that calls this program, an instruction no rule allows, is too large,
    /// passes the proposal or mandate, asks anyone but the pool PDA to sign, spends from or
    /// pays into an account the pool does not own (`owner_of(i)`: the token owner of the leg's
    /// account `i`), or trades on an unlisted market. Returns the rule the leg matched.
    fn check_leg(
        &self,
        program_id: &Pubkey,
        accounts: &[AccountMeta],
        data: &[u8],
        owner_of: impl Fn(usize) -> Option<Pubkey>,
    ) -> Result<LegRule> {
        require_keys_neq!(*program_id, crate::ID, PoolError::RouteSelfInvocation);
        require!(
            self.rules.iter().any(|r| r.program == *program_id),
            PoolError::ProgramNotAllowed
        );
        let rule = *self
            .rules
            .iter()
            .find(|r| r.matches(program_id, data))
            .ok_or(PoolError::LegNotAllowed)?;
        require!(
            accounts.len() <= MAX_LEG_ACCOUNTS && data.len() <= MAX_LEG_DATA,
            PoolError::RouteLegTooLarge
        );
        require!(
            accounts.len() >= rule.min_accounts(),
            PoolError::RouteAccountMissing
        );
        for meta in accounts {
            require_keys_neq!(meta.pubkey, self.record, PoolError::ProposalInRoute);
            require!(
                !meta.is_signer || meta.pubkey == self.pool,
                PoolError::RouteSignerNotAllowed
            );
        }
        for index in [rule.source_index, rule.destination_index] {
            require!(
                owner_of(usize::from(index)) == Some(self.pool),
                PoolError::LegAccountNotPoolOwned
            );
        }
        if rule.market_index != NO_MARKET && !self.markets.is_empty() {
            let market = &accounts[usize::from(rule.market_index)].pubkey;
            require!(self.markets.contains(market), PoolError::MarketNotAllowed);
        }
        Ok(rule)
    }
}

/// The accounts `spec` names, resolved against the remaining accounts (one allocation: this
/// runs for every leg of every proposal and execution).
fn metas(spec: &LegSpec, remaining: &[AccountInfo]) -> Result<Vec<AccountMeta>> {
    let mut out = Vec::with_capacity(spec.accounts.len());
    for r in &spec.accounts {
        out.push(AccountMeta {
            pubkey: *key_at(remaining, r.index)?,
            is_signer: r.is_signer,
            is_writable: r.is_writable,
        });
    }
    Ok(out)
}

/// The token owner of the remaining account the leg names at position `i`.
fn spec_owner(spec: &LegSpec, remaining: &[AccountInfo], i: usize) -> Option<Pubkey> {
    let index = spec.accounts.get(i)?.index;
    token_state(remaining.get(usize::from(index))?).map(|s| s.owner)
}

/// Appends bytes at `*at`, refusing to run past the buffer.
fn put(out: &mut [u8], at: &mut usize, bytes: &[u8]) -> Result<()> {
    let end = *at + bytes.len();
    require!(end <= out.len(), PoolError::RouteLegTooLarge);
    out[*at..end].copy_from_slice(bytes);
    *at = end;
    Ok(())
}

fn key_at<'a>(remaining: &'a [AccountInfo], index: u8) -> Result<&'a Pubkey> {
    remaining
        .get(index as usize)
        .map(|info| info.key)
        .ok_or_else(|| error!(PoolError::RouteAccountMissing))
}

/// Resolves `specs` against the remaining accounts, checks each leg against `policy`, and
/// writes the canonical encoding into `out`. Returns the bytes written.
pub fn write(
    specs: &[LegSpec],
    remaining: &[AccountInfo],
    policy: &RoutePolicy,
    out: &mut [u8],
) -> Result<usize> {
    require!(
        !specs.is_empty() && specs.len() <= MAX_LEGS,
        PoolError::InvalidRouteLength
    );
    let mut at = 0;
    put(out, &mut at, &(specs.len() as u32).to_le_bytes())?;
    for spec in specs {
        let program_id = key_at(remaining, spec.program_index)?;
        let accounts = metas(spec, remaining)?;
        policy.check_leg(program_id, &accounts, &spec.data, |i| {
            spec_owner(spec, remaining, i)
        })?;
        put(out, &mut at, program_id.as_ref())?;
        put(out, &mut at, &(spec.accounts.len() as u32).to_le_bytes())?;
        for meta in &accounts {
            put(out, &mut at, meta.pubkey.as_ref())?;
            put(
                out,
                &mut at,
                &[meta.is_signer as u8, meta.is_writable as u8],
            )?;
        }
        put(out, &mut at, &(spec.data.len() as u32).to_le_bytes())?;
        put(out, &mut at, &spec.data)?;
    }
    Ok(at)
}

/// Resolves `specs` against the remaining accounts into the instructions they describe, each
/// with the leg rule it matched, checking each leg against `policy` (a mandate's route, which
/// is never stored).
pub fn resolve(
    specs: &[LegSpec],
    remaining: &[AccountInfo],
    policy: &RoutePolicy,
) -> Result<Vec<(Instruction, LegRule)>> {
    require!(
        !specs.is_empty() && specs.len() <= MAX_LEGS,
        PoolError::InvalidRouteLength
    );
    let mut out = Vec::with_capacity(specs.len());
    for spec in specs {
        let program_id = *key_at(remaining, spec.program_index)?;
        let accounts = metas(spec, remaining)?;
        let rule = policy.check_leg(&program_id, &accounts, &spec.data, |i| {
            spec_owner(spec, remaining, i)
        })?;
        out.push((
            Instruction {
                program_id,
                accounts,
                data: spec.data.clone(),
            },
            rule,
        ));
    }
    Ok(out)
}

fn key_from(bytes: &[u8]) -> Result<Pubkey> {
    Pubkey::try_from(bytes).map_err(|_| error!(PoolError::RouteMismatch))
}

/// A cursor over canonical route bytes.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        require!(n <= self.bytes.len(), PoolError::RouteMismatch);
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn len(&mut self) -> Result<usize> {
        let raw: [u8; 4] = self
            .take(4)?
            .try_into()
            .map_err(|_| error!(PoolError::RouteMismatch))?;
        Ok(u32::from_le_bytes(raw) as usize)
    }

    fn key(&mut self) -> Result<Pubkey> {
        key_from(self.take(32)?)
    }
}

/// Reads canonical route bytes back into the instructions they describe, checking each leg
/// against `policy` again (token-account owners read from `infos`, the accounts supplied).
pub fn instructions(
    bytes: &[u8],
    policy: &RoutePolicy,
    infos: &[AccountInfo],
) -> Result<Vec<Instruction>> {
    let mut reader = Reader { bytes };
    let legs = reader.len()?;
    require!(
        (1..=MAX_LEGS).contains(&legs),
        PoolError::InvalidRouteLength
    );
    let mut out = Vec::with_capacity(legs);
    for _ in 0..legs {
        let program_id = reader.key()?;
        let count = reader.len()?;
        require!(count <= MAX_LEG_ACCOUNTS, PoolError::RouteLegTooLarge);
        let raw = reader.take(count * ACCOUNT_BYTES)?;
        let mut accounts = Vec::with_capacity(count);
        for a in raw.chunks_exact(ACCOUNT_BYTES) {
            accounts.push(AccountMeta {
                pubkey: key_from(&a[..32])?,
                is_signer: a[32] != 0,
                is_writable: a[33] != 0,
            });
        }
        let data_len = reader.len()?;
        let data = reader.take(data_len)?.to_vec();
        policy.check_leg(&program_id, &accounts, &data, |i| {
            token_owner(infos, &accounts[i].pubkey)
        })?;
        out.push(Instruction {
            program_id,
            accounts,
            data,
        });
    }
    require!(reader.bytes.is_empty(), PoolError::RouteMismatch);
    Ok(out)
}

/// SHA-256 of canonical route bytes: the route's fingerprint in proposals and events.
pub fn hash(bytes: &[u8]) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[bytes]).to_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_spl::token::spl_token;

    /// Accounts for the tests: `token_of[i]` makes account `i` an SPL token account owned by
    /// that key.
    fn infos(keys: &[Pubkey], token_of: &[Option<Pubkey>]) -> Vec<AccountInfo<'static>> {
        keys.iter()
            .zip(token_of)
            .map(|(key, token_owner)| {
                let key: &'static Pubkey = Box::leak(Box::new(*key));
                let lamports: &'static mut u64 = Box::leak(Box::new(0));
                let mut data = vec![];
                let mut owner = Pubkey::default();
                if let Some(token_owner) = token_owner {
                    data = vec![0u8; 165];
                    data[32..64].copy_from_slice(token_owner.as_ref());
                    owner = spl_token::ID;
                }
                let data: &'static mut [u8] = Box::leak(data.into_boxed_slice());
                let owner: &'static Pubkey = Box::leak(Box::new(owner));
                AccountInfo::new(key, false, true, lamports, data, owner, false)
            })
            .collect()
    }

    struct Fixture {
        program: Pubkey,
        pool: Pubkey,
        proposal: Pubkey,
        market: Pubkey,
        rules: Vec<LegRule>,
        remaining: Vec<AccountInfo<'static>>,
    }

    /// Remaining accounts: 0 program, 1 pool PDA, 2 and 3 pool-owned token accounts, 4 a
    /// stranger's token account, 5 the proposal, 6 the market. The rule: instruction `[7]`,
    /// source 1, destination 2, market 3 (indices into the leg's accounts).
    fn fixture() -> Fixture {
        let [program, pool, a, b, stranger, proposal, market] =
            std::array::from_fn(|_| Pubkey::new_unique());
        let remaining = infos(
            &[program, pool, a, b, stranger, proposal, market],
            &[
                None,
                None,
                Some(pool),
                Some(pool),
                Some(stranger),
                None,
                None,
            ],
        );
        let rule = LegRule::from_args(&crate::state::LegRuleArgs {
            program,
            discriminator: vec![7],
            source_index: 1,
            destination_index: 2,
            market_index: Some(3),
        })
        .unwrap();
        Fixture {
            program,
            pool,
            proposal,
            market,
            rules: vec![rule],
            remaining,
        }
    }

    fn swap(accounts: [u8; 4], data: Vec<u8>) -> LegSpec {
        LegSpec {
            program_index: 0,
            accounts: accounts
                .iter()
                .enumerate()
                .map(|(i, &index)| AccountRef {
                    index,
                    is_signer: i == 0,
                    is_writable: i > 0,
                })
                .collect(),
            data,
        }
    }

    #[test]
    fn canonical_bytes_are_borsh_of_the_resolved_legs() {
        let f = fixture();
        let markets = [f.market];
        let policy = RoutePolicy {
            rules: &f.rules,
            markets: &markets,
            pool: f.pool,
            record: f.proposal,
        };
        let leg = swap([1, 2, 3, 6], vec![7, 8, 9]);
        let mut out = [0u8; MAX_ROUTE_BYTES];
        let len = write(&[leg.clone(), leg], &f.remaining, &policy, &mut out).unwrap();
        let legs = Vec::<RouteLeg>::try_from_slice(&out[..len]).unwrap();
        assert_eq!(legs.len(), 2);
        assert_eq!(legs[0].program_id, f.program);
        assert_eq!(
            legs[0].accounts[0],
            LegAccount {
                pubkey: f.pool,
                is_signer: true,
                is_writable: false
            }
        );
        let ixs = instructions(&out[..len], &policy, &f.remaining).unwrap();
        assert_eq!(ixs[1].accounts[3], AccountMeta::new(f.market, false));
        assert_eq!(ixs[1].data, vec![7, 8, 9]);
    }

    #[test]
    fn refusals() {
        let f = fixture();
        let listed: &'static [Pubkey] = Box::leak(Box::new([f.market]));
        let other_market: &'static [Pubkey] = Box::leak(Box::new([Pubkey::new_unique()]));
        let policy = |markets: &'static [Pubkey]| RoutePolicy {
            rules: &f.rules,
            markets,
            pool: f.pool,
            record: f.proposal,
        };
        let mut out = [0u8; MAX_ROUTE_BYTES];
        let err = |specs: &[LegSpec], markets: &'static [Pubkey], out: &mut [u8]| {
            write(specs, &f.remaining, &policy(markets), out).unwrap_err()
        };
        let ok = swap([1, 2, 3, 6], vec![7]);
        // the output goes to a stranger's account; the input comes from one
        for (leg, error) in [
            (
                swap([1, 2, 4, 6], vec![7]),
                PoolError::LegAccountNotPoolOwned,
            ),
            (
                swap([1, 4, 3, 6], vec![7]),
                PoolError::LegAccountNotPoolOwned,
            ),
            (swap([1, 2, 3, 6], vec![8]), PoolError::LegNotAllowed),
            (swap([1, 2, 3, 5], vec![7]), PoolError::ProposalInRoute),
            (
                swap([2, 2, 3, 6], vec![7]),
                PoolError::RouteSignerNotAllowed,
            ),
            (swap([1, 2, 3, 9], vec![7]), PoolError::RouteAccountMissing),
        ] {
            assert_eq!(err(&[leg], listed, &mut out), error.into());
        }
        assert_eq!(
            err(std::slice::from_ref(&ok), other_market, &mut out),
            PoolError::MarketNotAllowed.into()
        );
        assert!(write(
            std::slice::from_ref(&ok),
            &f.remaining,
            &policy(&[]),
            &mut out
        )
        .is_ok());
        assert_eq!(
            err(&[], listed, &mut out),
            PoolError::InvalidRouteLength.into()
        );
        assert_eq!(
            err(&vec![ok.clone(); 5], listed, &mut out),
            PoolError::InvalidRouteLength.into()
        );
        let mut too_few = ok.clone();
        too_few.accounts.truncate(3);
        assert_eq!(
            err(&[too_few], listed, &mut out),
            PoolError::RouteAccountMissing.into()
        );
        let foreign = LegSpec {
            program_index: 4,
            ..ok.clone()
        };
        assert_eq!(
            err(&[foreign], listed, &mut out),
            PoolError::ProgramNotAllowed.into()
        );
        assert_eq!(
            err(&[ok], listed, &mut out[..10]),
            PoolError::RouteLegTooLarge.into()
        );
        assert!(instructions(&[1, 0, 0, 0], &policy(listed), &f.remaining).is_err());
    }
}
