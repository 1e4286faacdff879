//! What one leg of a product's routes may do, declared per instruction: which program and
//! instruction (by the leading bytes of its data), which of its accounts the leg spends from
//! and pays into (both must be token accounts the pool PDA owns), and which account names the
//! market (checked against the product's market list when it has one). A leg that matches no
//! rule cannot be proposed or executed, so a token-program `Transfer`, `Approve`,
//! `SetAuthority` or `CloseAccount` is impossible unless a product declares it.
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Most leg rules a product may declare.
pub const MAX_LEG_RULES: usize = 4;
/// Most markets a product may list.
pub const MAX_MARKETS: usize = 16;
/// Longest instruction prefix a rule matches (an Anchor discriminator).
pub const MAX_DISCRIMINATOR_LEN: usize = 8;
/// `market_index` of a rule whose instruction names no market.
pub const NO_MARKET: u8 = u8::MAX;

/// A leg rule as stored in a product.
#[zero_copy]
#[derive(Debug, PartialEq, Eq)]
pub struct LegRule {
    /// The program the leg invokes.
    pub program: Pubkey,
    /// The instruction data must start with the first `discriminator_len` of these bytes.
    pub discriminator: [u8; MAX_DISCRIMINATOR_LEN],
    /// How many bytes of `discriminator` are matched (1 to 8).
    pub discriminator_len: u8,
    /// Index, in the leg's accounts, of the token account it spends from.
    pub source_index: u8,
    /// Index, in the leg's accounts, of the token account it pays into.
    pub destination_index: u8,
    /// Index, in the leg's accounts, of the market (DEX pool), or `NO_MARKET`.
    pub market_index: u8,
    /// Keeps the layout a multiple of 8 bytes.
    pub padding: [u8; 4],
}

/// A leg rule as an ADMIN declares it.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LegRuleArgs {
    /// The program the leg invokes (never Pool Bot itself).
    pub program: Pubkey,
    /// Leading bytes of the instruction data (1 to 8; an Anchor instruction's 8-byte
    /// discriminator, an SPL instruction's 1-byte tag).
    pub discriminator: Vec<u8>,
    /// Index of the token account the leg spends from.
    pub source_index: u8,
    /// Index of the token account the leg pays into.
    pub destination_index: u8,
    /// Index of the market account, if the instruction names one.
    pub market_index: Option<u8>,
}

impl LegRule {
    /// The stored form of `args`, refusing an empty or over-long discriminator, a rule on this
    /// program, or one whose source and destination are the same account.
    pub fn from_args(args: &LegRuleArgs) -> Result<LegRule> {
        let len = args.discriminator.len();
        require!(
            (1..=MAX_DISCRIMINATOR_LEN).contains(&len),
            PoolError::InvalidLegRule
        );
        require_keys_neq!(args.program, crate::ID, PoolError::RouteSelfInvocation);
        require!(
            args.source_index != args.destination_index && args.market_index != Some(NO_MARKET),
            PoolError::InvalidLegRule
        );
        let mut discriminator = [0u8; MAX_DISCRIMINATOR_LEN];
        discriminator[..len].copy_from_slice(&args.discriminator);
        Ok(LegRule {
            program: args.program,
            discriminator,
            discriminator_len: len as u8,
            source_index: args.source_index,
            destination_index: args.destination_index,
            market_index: args.market_index.unwrap_or(NO_MARKET),
            padding: [0; 4],
        })
    }

    /// Whether a leg calling `program` with `data` is this rule's instruction.
    pub fn matches(&self, program: &Pubkey, data: &[u8]) -> bool {
        *program == self.program
            && data.starts_with(&self.discriminator[..self.discriminator_len as usize])
    }

    /// The accounts a matching leg must have at least.
    pub fn min_accounts(&self) -> usize {
        let market = if self.market_index == NO_MARKET {
            0
        } else {
            self.market_index
        };
        usize::from(self.source_index.max(self.destination_index).max(market)) + 1
    }
}
