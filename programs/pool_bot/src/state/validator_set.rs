//! The pool's validators (with roles and activity) and its authorised keepers. Zero-copy with
//! fixed slots: a validator's slot index is its bit in every vote bitmap.
use super::pool::Pool;
use super::quorum::Quorum;
use crate::errors::PoolError;
use anchor_lang::prelude::*;
use bytemuck::Zeroable;

/// Most validators a pool can have (one bit each in a `u32` vote bitmap).
pub const MAX_VALIDATORS: usize = 32;
/// Most keepers a pool can authorise.
pub const MAX_KEEPERS: usize = 16;

/// Validator roles, lowest first. Any role votes on trades; SENIOR and above vote on claims;
/// a LEAD or ADMIN approval satisfies `require_lead_approval`; ADMIN manages the pool.
#[derive(
    AnchorSerialize,
    AnchorDeserialize,
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    InitSpace,
)]
pub enum Role {
    /// Votes on trades.
    Junior,
    /// Votes on trades and insurance claims.
    Senior,
    /// Also satisfies the lead-approval requirement.
    Lead,
    /// Also manages validators, keepers, products and configuration.
    Admin,
}

impl Role {
    /// The role stored as `code`, if any.
    pub fn from_code(code: u8) -> Option<Role> {
        match code {
            0 => Some(Role::Junior),
            1 => Some(Role::Senior),
            2 => Some(Role::Lead),
            3 => Some(Role::Admin),
            _ => None,
        }
    }

    /// The byte stored for this role.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One validator slot.
#[zero_copy]
#[derive(Debug, PartialEq, Eq)]
pub struct ValidatorEntry {
    /// The validator's wallet.
    pub key: Pubkey,
    /// Slot of the validator's last vote.
    pub last_active_slot: u64,
    /// Unix time the validator was added.
    pub added_at: i64,
    /// Trade approvals cast.
    pub approvals: u32,
    /// Trade rejections cast.
    pub rejections: u32,
    /// Insurance claim votes cast.
    pub claim_votes: u32,
    /// `Role::code()`.
    pub role: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 3],
}

impl ValidatorEntry {
    /// The slot's role (slots are only ever written with valid codes).
    pub fn role(&self) -> Role {
        Role::from_code(self.role).unwrap_or(Role::Junior)
    }
}

/// PDA `[SEED_VALIDATORS, pool]`.
#[account(zero_copy)]
pub struct ValidatorSet {
    /// The pool governed.
    pub pool: Pubkey,
    /// Slots `0..validator_count` are in use.
    pub validators: [ValidatorEntry; MAX_VALIDATORS],
    /// Slots `0..keeper_count` are in use.
    pub keepers: [Pubkey; MAX_KEEPERS],
    /// Validators in use.
    pub validator_count: u8,
    /// Keepers in use.
    pub keeper_count: u8,
    /// Bump of this PDA.
    pub bump: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 5],
}

impl ValidatorSet {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<ValidatorSet>();

    /// The validators in use.
    pub fn validators(&self) -> &[ValidatorEntry] {
        &self.validators[..self.validator_count as usize]
    }

    /// The keepers in use.
    pub fn keepers(&self) -> &[Pubkey] {
        &self.keepers[..self.keeper_count as usize]
    }

    /// Slot of `key`, if it is a validator.
    pub fn slot_of(&self, key: &Pubkey) -> Option<usize> {
        self.validators().iter().position(|v| v.key == *key)
    }

    /// Slot of `key`, refusing non-validators and roles below `min_role`.
    pub fn require_role(&self, key: &Pubkey, min_role: Role) -> Result<usize> {
        let slot = self.slot_of(key).ok_or(PoolError::NotValidator)?;
        require!(
            self.validators[slot].role() >= min_role,
            PoolError::InsufficientRole
        );
        Ok(slot)
    }

    /// Whether `key` is an authorised keeper.
    pub fn is_keeper(&self, key: &Pubkey) -> bool {
        self.keepers().contains(key)
    }

    /// Bit per slot holding at least `role`.
    pub fn mask_at_least(&self, role: Role) -> u32 {
        self.validators()
            .iter()
            .enumerate()
            .filter(|(_, v)| v.role() >= role)
            .fold(0, |mask, (slot, _)| mask | 1 << slot)
    }

    /// Voters and threshold for a trade proposal.
    pub fn trade_quorum(&self, required: u8, lead_required: bool) -> Quorum {
        Quorum {
            required,
            voters: self.mask_at_least(Role::Junior),
            lead_required,
            leads: self.mask_at_least(Role::Lead),
        }
    }

    /// Voters (SENIOR and above, never the claimant) and threshold for an insurance claim.
    pub fn claim_quorum(&self, pool: &Pool, claimant: &Pubkey) -> Quorum {
        let not_claimant = match self.slot_of(claimant) {
            Some(slot) => !(1u32 << slot),
            None => u32::MAX,
        };
        Quorum {
            required: pool.claim_required_approvals,
            voters: self.mask_at_least(Role::Senior) & not_claimant,
            lead_required: pool.claim_lead_required(),
            leads: self.mask_at_least(Role::Lead) & not_claimant,
        }
    }

    /// Adds a validator in the next free slot.
    pub fn add(&mut self, key: Pubkey, role: Role, now: i64) -> Result<()> {
        require!(self.slot_of(&key).is_none(), PoolError::DuplicateValidator);
        let slot = self.validator_count as usize;
        require!(slot < MAX_VALIDATORS, PoolError::ValidatorSetFull);
        self.validators[slot] = ValidatorEntry {
            key,
            last_active_slot: 0,
            added_at: now,
            approvals: 0,
            rejections: 0,
            claim_votes: 0,
            role: role.code(),
            padding: [0; 3],
        };
        self.validator_count += 1;
        Ok(())
    }

    /// Removes a validator; the last slot moves into its place (the caller bumps the config
    /// version, so no pending vote bitmap refers to the old slots).
    pub fn remove(&mut self, key: &Pubkey) -> Result<ValidatorEntry> {
        let slot = self.slot_of(key).ok_or(PoolError::NotValidator)?;
        let last = self.validator_count as usize - 1;
        let removed = self.validators[slot];
        self.validators[slot] = self.validators[last];
        self.validators[last] = ValidatorEntry::zeroed();
        self.validator_count -= 1;
        Ok(removed)
    }

    /// Changes a validator's role, returning the old one.
    pub fn set_role(&mut self, key: &Pubkey, role: Role) -> Result<Role> {
        let slot = self.slot_of(key).ok_or(PoolError::NotValidator)?;
        let old = self.validators[slot].role();
        self.validators[slot].role = role.code();
        Ok(old)
    }

    /// Records a trade vote in the voter's statistics.
    pub fn record_trade_vote(&mut self, slot: usize, approve: bool, now_slot: u64) {
        let entry = &mut self.validators[slot];
        if approve {
            entry.approvals = entry.approvals.saturating_add(1);
        } else {
            entry.rejections = entry.rejections.saturating_add(1);
        }
        entry.last_active_slot = now_slot;
    }

    /// Records a claim vote in the voter's statistics.
    pub fn record_claim_vote(&mut self, slot: usize, now_slot: u64) {
        let entry = &mut self.validators[slot];
        entry.claim_votes = entry.claim_votes.saturating_add(1);
        entry.last_active_slot = now_slot;
    }

    /// Authorises a keeper.
    pub fn add_keeper(&mut self, key: Pubkey) -> Result<()> {
        require!(!self.is_keeper(&key), PoolError::DuplicateKeeper);
        let slot = self.keeper_count as usize;
        require!(slot < MAX_KEEPERS, PoolError::KeeperListFull);
        self.keepers[slot] = key;
        self.keeper_count += 1;
        Ok(())
    }

    /// Withdraws a keeper's authorisation.
    pub fn remove_keeper(&mut self, key: &Pubkey) -> Result<()> {
        let slot = self
            .keepers()
            .iter()
            .position(|k| k == key)
            .ok_or(PoolError::KeeperNotFound)?;
        let last = self.keeper_count as usize - 1;
        self.keepers[slot] = self.keepers[last];
        self.keepers[last] = Pubkey::default();
        self.keeper_count -= 1;
        Ok(())
    }

    /// Rules the set always satisfies under the pool's quorum: no duplicates, valid roles, an
    /// ADMIN left (so a lead approval is always possible), and `required_approvals` reachable by
    /// claim voters (SENIOR and above, hence by trade voters too).
    pub fn invariant(&self, pool: &Pool) -> Result<()> {
        let validators = self.validators();
        for (i, v) in validators.iter().enumerate() {
            require!(Role::from_code(v.role).is_some(), PoolError::InvalidRole);
            require!(
                validators[i + 1..].iter().all(|w| w.key != v.key),
                PoolError::DuplicateValidator
            );
        }
        let keepers = self.keepers();
        for (i, k) in keepers.iter().enumerate() {
            require!(!keepers[i + 1..].contains(k), PoolError::DuplicateKeeper);
        }
        require!(self.mask_at_least(Role::Admin) != 0, PoolError::LastAdmin);
        let claim_voters = self.mask_at_least(Role::Senior).count_ones();
        for required in [pool.required_approvals, pool.claim_required_approvals] {
            require!(
                required >= 1 && u32::from(required) <= claim_voters,
                PoolError::InvalidQuorum
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Pubkey {
        Pubkey::new_from_array([n; 32])
    }

    fn seed_set() -> ValidatorSet {
        let mut set = ValidatorSet::zeroed();
        set.add(key(1), Role::Admin, 0).unwrap();
        set.add(key(2), Role::Lead, 0).unwrap();
        set.add(key(3), Role::Senior, 0).unwrap();
        set.add(key(4), Role::Junior, 0).unwrap();
        set
    }

    #[test]
    fn masks_follow_roles() {
        let set = seed_set();
        assert_eq!(set.mask_at_least(Role::Junior), 0b1111);
        assert_eq!(set.mask_at_least(Role::Senior), 0b0111);
        assert_eq!(set.mask_at_least(Role::Lead), 0b0011);
        assert_eq!(
            set.require_role(&key(4), Role::Senior).unwrap_err(),
            PoolError::InsufficientRole.into()
        );
        assert_eq!(
            set.require_role(&key(9), Role::Junior).unwrap_err(),
            PoolError::NotValidator.into()
        );
    }

    fn quorums(trade: u8, claim: u8) -> Pool {
        let mut pool = Pool::zeroed();
        pool.required_approvals = trade;
        pool.claim_required_approvals = claim;
        pool
    }

    #[test]
    fn invariant_guards_quorum_and_admin() {
        let mut set = seed_set();
        set.invariant(&quorums(3, 3)).unwrap();
        for (trade, claim) in [(4, 1), (1, 4), (0, 1), (1, 0)] {
            assert_eq!(
                set.invariant(&quorums(trade, claim)).unwrap_err(),
                PoolError::InvalidQuorum.into()
            );
        }
        set.remove(&key(1)).unwrap();
        assert_eq!(
            set.invariant(&quorums(1, 1)).unwrap_err(),
            PoolError::LastAdmin.into()
        );
        assert_eq!(set.slot_of(&key(4)), Some(0));
        assert_eq!(
            set.add(key(2), Role::Junior, 0).unwrap_err(),
            PoolError::DuplicateValidator.into()
        );
    }

    #[test]
    fn claim_quorum_leaves_out_the_claimant() {
        let set = seed_set();
        let mut pool = quorums(2, 2);
        pool.claim_require_lead = 1;
        // slots: 0 = ADMIN key(1), 1 = LEAD key(2), 2 = SENIOR key(3), 3 = JUNIOR key(4)
        let q = set.claim_quorum(&pool, &key(2));
        assert_eq!((q.voters, q.leads, q.lead_required), (0b0101, 0b0001, true));
        let q = set.claim_quorum(&pool, &key(9));
        assert_eq!((q.voters, q.leads), (0b0111, 0b0011));
    }

    #[test]
    fn keepers_are_unique() {
        let mut set = seed_set();
        set.add_keeper(key(7)).unwrap();
        assert_eq!(
            set.add_keeper(key(7)).unwrap_err(),
            PoolError::DuplicateKeeper.into()
        );
        set.remove_keeper(&key(7)).unwrap();
        assert_eq!(
            set.remove_keeper(&key(7)).unwrap_err(),
            PoolError::KeeperNotFound.into()
        );
    }
}
