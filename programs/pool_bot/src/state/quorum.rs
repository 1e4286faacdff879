//! Vote counting shared by trade proposals and insurance claims: votes are bits indexed by the
//! voter's slot in the validator set, so a tally is two `u32`s and no loop over validators.
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Who may vote on one question and how many approvals settle it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quorum {
    /// Approvals needed.
    pub required: u8,
    /// Bit per validator slot allowed to vote.
    pub voters: u32,
    /// Whether one approval must come from a slot in `leads`.
    pub lead_required: bool,
    /// Bit per slot whose approval satisfies the lead requirement (none left: unreachable).
    pub leads: u32,
}

/// What a vote did to the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Still open.
    Open,
    /// Enough approvals (with a lead when required).
    Approved,
    /// Approval can no longer be reached.
    Rejected,
}

impl Quorum {
    /// Records `voter_slot`'s vote in the two bitmaps and says where the question now stands.
    pub fn vote(
        &self,
        approvals: &mut u32,
        rejections: &mut u32,
        voter_slot: usize,
        approve: bool,
    ) -> Result<Outcome> {
        let bit = 1u32 << voter_slot;
        require!(self.voters & bit != 0, PoolError::InsufficientRole);
        require!(
            (*approvals | *rejections) & bit == 0,
            PoolError::AlreadyVoted
        );
        if approve {
            *approvals |= bit;
        } else {
            *rejections |= bit;
        }
        Ok(self.outcome(*approvals, *rejections))
    }

    /// Where a question with these votes stands.
    pub fn outcome(&self, approvals: u32, rejections: u32) -> Outcome {
        let approvals = approvals & self.voters;
        let reachable = self.voters & !rejections;
        let lead_ok = |mask: u32| !self.lead_required || mask & self.leads != 0;
        if approvals.count_ones() >= u32::from(self.required) && lead_ok(approvals) {
            Outcome::Approved
        } else if reachable.count_ones() < u32::from(self.required) || !lead_ok(reachable) {
            Outcome::Rejected
        } else {
            Outcome::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // slots: 0 = ADMIN, 1 = LEAD, 2 = SENIOR, 3 = SENIOR
    const SEED: Quorum = Quorum {
        required: 2,
        voters: 0b1111,
        lead_required: true,
        leads: 0b0011,
    };

    #[test]
    fn two_seniors_do_not_satisfy_a_lead_requirement() {
        let (mut a, mut r) = (0, 0);
        assert_eq!(SEED.vote(&mut a, &mut r, 2, true).unwrap(), Outcome::Open);
        assert_eq!(SEED.vote(&mut a, &mut r, 3, true).unwrap(), Outcome::Open);
        assert_eq!(
            SEED.vote(&mut a, &mut r, 1, true).unwrap(),
            Outcome::Approved
        );
    }

    #[test]
    fn rejected_once_every_lead_rejects() {
        let (mut a, mut r) = (0, 0);
        assert_eq!(SEED.vote(&mut a, &mut r, 0, false).unwrap(), Outcome::Open);
        assert_eq!(
            SEED.vote(&mut a, &mut r, 1, false).unwrap(),
            Outcome::Rejected
        );
    }

    #[test]
    fn rejected_once_too_few_voters_remain() {
        let q = Quorum {
            required: 3,
            voters: 0b1111,
            lead_required: false,
            leads: 0,
        };
        let (mut a, mut r) = (0, 0);
        assert_eq!(q.vote(&mut a, &mut r, 0, false).unwrap(), Outcome::Open);
        assert_eq!(q.vote(&mut a, &mut r, 3, false).unwrap(), Outcome::Rejected);
    }

    #[test]
    fn a_lead_requirement_with_no_lead_left_is_unreachable() {
        let q = Quorum { leads: 0, ..SEED };
        let (mut a, mut r) = (0, 0);
        assert_eq!(q.vote(&mut a, &mut r, 2, true).unwrap(), Outcome::Rejected);
    }

    #[test]
    fn double_votes_and_outsiders_are_refused() {
        let (mut a, mut r) = (0, 0);
        SEED.vote(&mut a, &mut r, 2, true).unwrap();
        assert!(SEED.vote(&mut a, &mut r, 2, false).is_err());
        assert!(SEED.vote(&mut a, &mut r, 5, true).is_err());
        assert_eq!((a, r), (0b0100, 0));
    }
}
