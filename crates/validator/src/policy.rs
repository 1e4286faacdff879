//! The policy a validator signs by, loaded from a TOML file, e.g.:
//!
//! ```toml
//! # least re-simulated profit to approve, in base units of the pool's asset
//! min_profit = 1_000_000
//! # largest amount a trade may put in, in base units
//! max_amount_in = 50_000_000_000
//! # reject when the re-simulated profit fell more than this below the proposal's expectation
//! max_profit_drop_bps = 5_000
//! # reject when the proposal's declared minimum profit is more than this below the
//! # re-simulated profit: a low minimum lets the route give the rest of the gain away
//! max_profit_shortfall_bps = 300
//! # mandates: the most a mandate may trade per day (default 10 × max_amount_in) and the
//! # longest it may stand, in days (default 7)
//! max_mandate_notional_per_day = 500_000_000_000
//! max_mandate_days = 7
//! ```
use serde::Deserialize;
use std::path::Path;

/// What a validator approves.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Least re-simulated profit to approve, in base units.
    pub min_profit: u64,
    /// Largest amount a trade may put in, in base units.
    pub max_amount_in: u64,
    /// Largest fall of the re-simulated profit below the expected profit, in basis points.
    #[serde(default = "default_drop")]
    pub max_profit_drop_bps: u16,
    /// Largest gap between the re-simulated profit and the declared minimum profit, in basis
    /// points of the re-simulated profit.
    #[serde(default = "default_shortfall")]
    pub max_profit_shortfall_bps: u16,
    /// Most a mandate may trade per day (its budget scaled to a day), in base units; `None`:
    /// ten times `max_amount_in`.
    #[serde(default)]
    pub max_mandate_notional_per_day: Option<u64>,
    /// Longest a mandate may stand, in days.
    #[serde(default = "default_mandate_days")]
    pub max_mandate_days: u32,
}

fn default_mandate_days() -> u32 {
    7
}

fn default_drop() -> u16 {
    5_000
}

/// 3%: above the keeper's default slippage (1%), far below any skim worth making.
fn default_shortfall() -> u16 {
    300
}

/// Why a policy file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read.
    #[error("cannot read the policy file {path}: {source}. Pass an existing file with --policy.")]
    Read {
        /// The path given.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a valid policy.
    #[error("the policy file {path} is not valid: {message}. Expected keys: min_profit, max_amount_in, and optionally max_profit_drop_bps, max_profit_shortfall_bps, max_mandate_notional_per_day, max_mandate_days.")]
    Parse {
        /// The path given.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Policy {
    /// A policy approving trades and mandates of at most `max_amount_in` that make at least
    /// `min_profit`, with the default margins.
    pub fn new(min_profit: u64, max_amount_in: u64) -> Policy {
        Policy {
            min_profit,
            max_amount_in,
            max_profit_drop_bps: default_drop(),
            max_profit_shortfall_bps: default_shortfall(),
            max_mandate_notional_per_day: None,
            max_mandate_days: default_mandate_days(),
        }
    }

    /// Most a mandate may trade per day.
    pub fn mandate_notional_per_day(&self) -> u64 {
        self.max_mandate_notional_per_day
            .unwrap_or(self.max_amount_in.saturating_mul(10))
    }

    /// Reads a policy file.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Policy::parse(&text).map_err(|message| PolicyError::Parse {
            path: path.display().to_string(),
            message,
        })
    }

    /// Parses policy TOML.
    pub fn parse(text: &str) -> Result<Policy, String> {
        let policy: Policy = toml::from_str(text).map_err(|e| e.message().to_string())?;
        for (key, bps) in [
            ("max_profit_drop_bps", policy.max_profit_drop_bps),
            ("max_profit_shortfall_bps", policy.max_profit_shortfall_bps),
        ] {
            if bps > 10_000 {
                return Err(format!("{key} must be at most 10000"));
            }
        }
        Ok(policy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses_with_a_clear_message() {
        let policy = Policy::parse("min_profit = 5\nmax_amount_in = 100\n").unwrap();
        assert_eq!(policy, Policy::new(5, 100));
        assert!(Policy::parse("min_profit = 5\n")
            .unwrap_err()
            .contains("max_amount_in"));
        assert!(
            Policy::parse("min_profit = 5\nmax_amount_in = 1\nsurprise = 2\n")
                .unwrap_err()
                .contains("surprise")
        );
        assert!(
            Policy::parse("min_profit = 5\nmax_amount_in = 1\nmax_profit_drop_bps = 20000\n")
                .is_err()
        );
        assert!(Policy::parse(
            "min_profit = 5\nmax_amount_in = 1\nmax_profit_shortfall_bps = 10001\n"
        )
        .unwrap_err()
        .contains("max_profit_shortfall_bps"));
        let missing = Policy::load(Path::new("/nonexistent/policy.toml"))
            .unwrap_err()
            .to_string();
        assert!(missing.contains("--policy"));
    }
}
