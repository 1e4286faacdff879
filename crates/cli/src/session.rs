//! What every command works with: the chain, the wallet, the output and the global flags, with
//! the pool lookup, sending (refusals translated into sentences) and text / JSON output.
use crate::args::GlobalArgs;
use crate::error::{CliError, KeypairError};
use crate::explain::{translate, Action, Facts};
use crate::fetch::{self, PoolInfo};
use pool_bot::state::{Role, ValidatorSet};
use pool_bot_client::chain::{Chain, ChainClock, Receipt};
use pool_bot_client::fees::{is_compute_budget, ComputeBudget, FeePolicy, MAX_COMPUTE_UNIT_LIMIT};
use pool_bot_client::{pda, Instruction, Pubkey};
use serde_json::Value;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::io::Write;

/// Compute units the two compute budget instructions themselves use (150 each), which a
/// simulation without them does not count.
const BUDGET_UNITS: u64 = 300;

/// The wallet commands act as: its keypair, or why it could not be loaded (reported only
/// when a command needs it, so read-only commands work without one).
pub type Wallet = Result<Keypair, KeypairError>;

/// One command's environment.
pub struct Session<'a> {
    chain: &'a mut dyn Chain,
    wallet: &'a Wallet,
    out: &'a mut dyn Write,
    global: &'a GlobalArgs,
}

impl<'a> Session<'a> {
    /// A session over `chain` acting as `wallet`, writing to `out`.
    pub fn new(
        chain: &'a mut dyn Chain,
        wallet: &'a Wallet,
        out: &'a mut dyn Write,
        global: &'a GlobalArgs,
    ) -> Self {
        Session {
            chain,
            wallet,
            out,
            global,
        }
    }

    /// The chain, for reads.
    pub fn chain(&self) -> &dyn Chain {
        &*self.chain
    }

    /// The chain and the signer together, for services that send on their own (keeper,
    /// validator agent).
    pub fn chain_and_signer(&mut self) -> Result<(&mut dyn Chain, &'a Keypair), CliError> {
        let signer = self.signer()?;
        Ok((&mut *self.chain, signer))
    }

    /// The global flags.
    pub fn global(&self) -> &GlobalArgs {
        self.global
    }

    /// The signing keypair, or why there is none.
    pub fn signer(&self) -> Result<&'a Keypair, CliError> {
        self.wallet
            .as_ref()
            .map_err(|e| CliError::Keypair(e.clone()))
    }

    /// The wallet's address, if a keypair was loaded.
    pub fn wallet_key(&self) -> Option<Pubkey> {
        self.wallet.as_ref().ok().map(Signer::pubkey)
    }

    /// The chain's clock.
    pub fn clock(&self) -> Result<ChainClock, CliError> {
        Ok(self.chain.clock()?)
    }

    /// The pool named by `--pool`, or derived from `--creator` and `--mint`.
    pub fn pool_key(&self) -> Result<Pubkey, CliError> {
        let g = self.global;
        match (g.pool, g.creator, g.mint) {
            (Some(pool), _, _) => Ok(pool),
            (None, Some(creator), Some(mint)) => Ok(pda::pool(&creator, &mint)),
            _ => Err(CliError::Input(
                "Which pool? Pass --pool <PUBKEY> (or set POOLBOT_POOL), or --creator <PUBKEY> and --mint <PUBKEY>."
                    .into(),
            )),
        }
    }

    /// The pool acted on, loaded.
    pub fn pool(&self) -> Result<PoolInfo, CliError> {
        PoolInfo::load(
            self.chain(),
            self.pool_key()?,
            self.global.symbol.as_deref(),
        )
    }

    /// The pool's validator set.
    pub fn validator_set(&self, pool: &PoolInfo) -> Result<ValidatorSet, CliError> {
        fetch::zero_copy(self.chain(), &pool.addresses.validator_set)?.ok_or_else(|| {
            CliError::State(format!(
                "The validator set of pool {} is missing. Check --url.",
                pool.key
            ))
        })
    }

    /// Signs and sends `instructions` as the wallet, for `action` on `pool`. Refusals come
    /// back as sentences.
    pub fn send(
        &mut self,
        instructions: &[Instruction],
        action: Action,
        pool: Option<&PoolInfo>,
    ) -> Result<Receipt, CliError> {
        let signer = self.signer()?;
        let me = signer.pubkey();
        if fetch::lamports(self.chain(), &me)? == 0 {
            return Err(CliError::State(format!(
                "Your wallet {me} holds no SOL to pay fees. Fund it (e.g. `solana airdrop 1` on devnet or localnet) and retry."
            )));
        }
        let instructions = self.with_compute_budget(instructions, signer);
        match self.chain.send(&instructions, &[signer]) {
            Ok(receipt) => Ok(receipt),
            Err(error) => {
                let role = match (error.program_error_name(), pool) {
                    (Some("InsufficientRole" | "NotValidator"), Some(p)) => self.role_of(p, &me),
                    _ => None,
                };
                let facts = Facts {
                    action,
                    signer: me,
                    pool,
                    role,
                };
                Err(translate(error, &facts))
            }
        }
    }

    /// `instructions` after the compute budget the global flags ask for: the given price and
    /// limit, the limit from a simulation plus the default margin when only a price is given.
    /// A simulation that fails leaves the limit to the runtime's default: the send reports the
    /// failure.
    fn with_compute_budget(
        &self,
        instructions: &[Instruction],
        signer: &Keypair,
    ) -> Vec<Instruction> {
        let g = self.global;
        let flagged = g.with_compute_unit_price.is_some() || g.compute_unit_limit.is_some();
        if !flagged || instructions.iter().any(is_compute_budget) {
            return instructions.to_vec();
        }
        let simulated = || {
            let units = self
                .chain
                .simulate(instructions, &[signer])
                .ok()?
                .compute_units;
            Some(FeePolicy::default().compute_unit_limit(units + BUDGET_UNITS))
        };
        let unit_limit = g
            .compute_unit_limit
            .or_else(simulated)
            .unwrap_or(MAX_COMPUTE_UNIT_LIMIT);
        let budget = ComputeBudget {
            unit_limit,
            unit_price: g.with_compute_unit_price.unwrap_or(0),
        };
        budget.before(instructions)
    }

    fn role_of(&self, pool: &PoolInfo, key: &Pubkey) -> Option<Role> {
        let set = self.validator_set(pool).ok()?;
        let slot = set.slot_of(key)?;
        Some(set.validators[slot].role())
    }

    /// Writes `text` (with a final newline), or `json` pretty-printed under `--json`.
    pub fn emit(&mut self, text: &str, json: Value) -> Result<(), CliError> {
        if self.global.json {
            serde_json::to_writer_pretty(&mut *self.out, &json)
                .map_err(|e| CliError::Output(e.into()))?;
            writeln!(self.out)?;
        } else {
            writeln!(self.out, "{}", text.trim_end())?;
        }
        Ok(())
    }
}
