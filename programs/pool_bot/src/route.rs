//! Trade routes: the exact CPIs a proposal may run.
//!
//! The proposer sends each leg compactly (`LegSpec`: accounts by index into the instruction's
//! remaining accounts, so a two-pool route fits in one legacy transaction). `propose_trade`
//! writes the resolved route straight into the proposal in its canonical encoding, the Borsh
//! encoding of `Vec<RouteLeg>` (full pubkeys), checking every leg against the product as it
//! goes, and stores its SHA-256. Validators vote on that stored route; `execute_and_distribute`
//! reads and runs exactly it, checking every leg again: the executor cannot change a byte.
use crate::errors::PoolError;
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
    /// Programs the product allows.
    pub allowed_programs: &'a [Pubkey],
    /// The pool PDA: the only account a leg may ask to sign.
    pub pool: Pubkey,
    /// The proposal: no leg may pass it.
    pub proposal: Pubkey,
}

impl RoutePolicy<'_> {
    /// Refuses a leg that calls this program or one the product does not allow, is too large,
    /// passes the proposal, or asks anyone but the pool PDA to sign.
    fn check_leg<'k>(
        &self,
        program_id: &Pubkey,
        accounts: impl ExactSizeIterator<Item = (&'k Pubkey, bool)>,
        data_len: usize,
    ) -> Result<()> {
        require_keys_neq!(*program_id, crate::ID, PoolError::RouteSelfInvocation);
        require!(
            self.allowed_programs.contains(program_id),
            PoolError::ProgramNotAllowed
        );
        require!(
            accounts.len() <= MAX_LEG_ACCOUNTS && data_len <= MAX_LEG_DATA,
            PoolError::RouteLegTooLarge
        );
        for (key, is_signer) in accounts {
            require_keys_neq!(*key, self.proposal, PoolError::ProposalInRoute);
            require!(
                !is_signer || *key == self.pool,
                PoolError::RouteSignerNotAllowed
            );
        }
        Ok(())
    }
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
        let keys = spec
            .accounts
            .iter()
            .map(|r| Ok((key_at(remaining, r.index)?, r.is_signer)))
            .collect::<Result<Vec<_>>>()?;
        policy.check_leg(program_id, keys.iter().copied(), spec.data.len())?;
        put(out, &mut at, program_id.as_ref())?;
        put(out, &mut at, &(spec.accounts.len() as u32).to_le_bytes())?;
        for (r, (key, _)) in spec.accounts.iter().zip(&keys) {
            put(out, &mut at, key.as_ref())?;
            put(out, &mut at, &[r.is_signer as u8, r.is_writable as u8])?;
        }
        put(out, &mut at, &(spec.data.len() as u32).to_le_bytes())?;
        put(out, &mut at, &spec.data)?;
    }
    Ok(at)
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
/// against `policy` again.
pub fn instructions(bytes: &[u8], policy: &RoutePolicy) -> Result<Vec<Instruction>> {
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
        let accounts = raw
            .chunks_exact(ACCOUNT_BYTES)
            .map(|a| {
                Ok(AccountMeta {
                    pubkey: key_from(&a[..32])?,
                    is_signer: a[32] != 0,
                    is_writable: a[33] != 0,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let data_len = reader.len()?;
        let data = reader.take(data_len)?.to_vec();
        policy.check_leg(
            &program_id,
            accounts.iter().map(|m| (&m.pubkey, m.is_signer)),
            data.len(),
        )?;
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

    fn infos(
        keys: &[Pubkey],
        lamports: &mut [u64],
        data: &mut [Vec<u8>],
    ) -> Vec<AccountInfo<'static>> {
        let keys: &'static [Pubkey] = Box::leak(keys.to_vec().into_boxed_slice());
        let lamports: &'static mut [u64] = Box::leak(lamports.to_vec().into_boxed_slice());
        let data: &'static mut [Vec<u8>] = Box::leak(data.to_vec().into_boxed_slice());
        let owner: &'static Pubkey = Box::leak(Box::new(Pubkey::default()));
        keys.iter()
            .zip(lamports.iter_mut())
            .zip(data.iter_mut())
            .map(|((k, l), d)| AccountInfo::new(k, false, true, l, d, owner, false))
            .collect()
    }

    #[test]
    fn canonical_bytes_are_borsh_of_the_resolved_legs() {
        let (program, pool, vault, proposal) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let remaining = infos(&[program, pool, vault], &mut [0; 3], &mut vec![vec![]; 3]);
        let spec = LegSpec {
            program_index: 0,
            accounts: vec![
                AccountRef {
                    index: 1,
                    is_signer: true,
                    is_writable: false,
                },
                AccountRef {
                    index: 2,
                    is_signer: false,
                    is_writable: true,
                },
            ],
            data: vec![7, 8, 9],
        };
        let allowed = [program];
        let policy = RoutePolicy {
            allowed_programs: &allowed,
            pool,
            proposal,
        };
        let mut out = [0u8; MAX_ROUTE_BYTES];
        let len = write(&[spec.clone(), spec], &remaining, &policy, &mut out).unwrap();
        let legs = Vec::<RouteLeg>::try_from_slice(&out[..len]).unwrap();
        assert_eq!(legs.len(), 2);
        assert_eq!(
            legs[0].accounts[0],
            LegAccount {
                pubkey: pool,
                is_signer: true,
                is_writable: false
            }
        );
        let ixs = instructions(&out[..len], &policy).unwrap();
        assert_eq!(ixs[1].accounts[1], AccountMeta::new(vault, false));
        assert_eq!(ixs[1].data, vec![7, 8, 9]);
    }

    #[test]
    fn refusals() {
        let (program, pool, other, proposal) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let remaining = infos(
            &[program, pool, other, proposal],
            &mut [0; 4],
            &mut vec![vec![]; 4],
        );
        let allowed = [program];
        let policy = RoutePolicy {
            allowed_programs: &allowed,
            pool,
            proposal,
        };
        let leg = |index, is_signer| LegSpec {
            program_index: 0,
            accounts: vec![AccountRef {
                index,
                is_signer,
                is_writable: true,
            }],
            data: vec![],
        };
        let mut out = [0u8; MAX_ROUTE_BYTES];
        let err =
            |specs: &[LegSpec], out: &mut [u8]| write(specs, &remaining, &policy, out).unwrap_err();
        assert_eq!(
            err(&[leg(2, true)], &mut out),
            PoolError::RouteSignerNotAllowed.into()
        );
        assert_eq!(
            err(&[leg(3, false)], &mut out),
            PoolError::ProposalInRoute.into()
        );
        assert_eq!(
            err(&[leg(9, false)], &mut out),
            PoolError::RouteAccountMissing.into()
        );
        assert_eq!(err(&[], &mut out), PoolError::InvalidRouteLength.into());
        assert_eq!(
            err(&vec![leg(1, true); 5], &mut out),
            PoolError::InvalidRouteLength.into()
        );
        let foreign = LegSpec {
            program_index: 2,
            accounts: vec![],
            data: vec![],
        };
        assert_eq!(
            err(&[foreign], &mut out),
            PoolError::ProgramNotAllowed.into()
        );
        assert_eq!(
            err(&[leg(1, true)], &mut out[..10]),
            PoolError::RouteLegTooLarge.into()
        );
        assert!(instructions(&[1, 0, 0, 0], &policy).is_err());
    }
}
