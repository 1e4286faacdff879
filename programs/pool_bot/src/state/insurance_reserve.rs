//! The insurance reserve: its token account, what flowed in and out, and the claim counters.
use crate::errors::PoolError;
use crate::math::{add, sub};
use anchor_lang::prelude::*;

/// PDA `[SEED_INSURANCE, pool]`; authority of its token account `[SEED_INSURANCE_VAULT, pool]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct InsuranceReserve {
    /// The pool insured.
    pub pool: Pubkey,
    /// The reserve's token account (pool asset mint).
    pub vault: Pubkey,
    /// Sum of the insurance share of every executed trade.
    pub total_allocated: u64,
    /// Sum of direct funding (`fund_insurance`).
    pub total_funded: u64,
    /// Sum paid out on claims.
    pub total_paid: u64,
    /// Claims filed.
    pub claims_filed: u64,
    /// Claims paid.
    pub claims_paid: u64,
    /// Claims denied.
    pub claims_denied: u64,
    /// Claims that expired undecided.
    pub claims_expired: u64,
    /// Claims awaiting a decision.
    pub pending_claims: u64,
    /// Sum of pending claims' amounts.
    pub pending_amount: u64,
    /// Bump of this PDA.
    pub bump: u8,
    /// Bump of the token account PDA.
    pub vault_bump: u8,
}

impl InsuranceReserve {
    /// Account size including the discriminator.
    pub const SPACE: usize = 8 + InsuranceReserve::INIT_SPACE;

    /// Books the insurance share of a trade.
    pub fn record_allocation(&mut self, amount: u64) -> Result<()> {
        self.total_allocated = add(self.total_allocated, amount)?;
        Ok(())
    }

    /// Books direct funding.
    pub fn record_funding(&mut self, amount: u64) -> Result<()> {
        self.total_funded = add(self.total_funded, amount)?;
        Ok(())
    }

    /// Books a new claim.
    pub fn record_filed(&mut self, amount: u64) -> Result<()> {
        self.claims_filed = add(self.claims_filed, 1)?;
        self.pending_claims = add(self.pending_claims, 1)?;
        self.pending_amount = add(self.pending_amount, amount)?;
        Ok(())
    }

    /// Books a paid claim.
    pub fn record_paid(&mut self, amount: u64) -> Result<()> {
        self.close_pending(amount)?;
        self.claims_paid = add(self.claims_paid, 1)?;
        self.total_paid = add(self.total_paid, amount)?;
        Ok(())
    }

    /// Books a denied claim.
    pub fn record_denied(&mut self, amount: u64) -> Result<()> {
        self.close_pending(amount)?;
        self.claims_denied = add(self.claims_denied, 1)?;
        Ok(())
    }

    /// Books a claim that expired undecided.
    pub fn record_expired(&mut self, amount: u64) -> Result<()> {
        self.close_pending(amount)?;
        self.claims_expired = add(self.claims_expired, 1)?;
        Ok(())
    }

    fn close_pending(&mut self, amount: u64) -> Result<()> {
        self.pending_claims = sub(self.pending_claims, 1)?;
        self.pending_amount = sub(self.pending_amount, amount)?;
        Ok(())
    }

    /// Rules the books always satisfy.
    pub fn invariant(&self) -> Result<()> {
        let decided = add(
            add(self.claims_paid, self.claims_denied)?,
            self.claims_expired,
        )?;
        require!(
            add(decided, self.pending_claims)? == self.claims_filed,
            PoolError::BooksOutOfBalance
        );
        require!(
            self.total_paid <= add(self.total_allocated, self.total_funded)?,
            PoolError::BooksOutOfBalance
        );
        Ok(())
    }
}
