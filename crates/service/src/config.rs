//! The config file of `poolbot run-keeper` and `poolbot run-validator` (TOML, passed with
//! `--config`). Every key is optional: a flag on the command line wins over the file, and the
//! file over the defaults. Relative paths are read from the file's folder. A keeper's:
//!
//! ```toml
//! keypair = "~/.config/solana/keeper.json"
//! pool = "7Xq2…"                 # the pool's address
//! product = 0                    # id or address
//! interval_secs = 2
//! slippage_bps = 100
//! metrics = "127.0.0.1:9464"     # serve /metrics and /healthz here
//! lookup_table = "9kP3…"         # optional: the keeper's address lookup table
//!
//! [rpc]
//! url = "https://api.devnet.solana.com"
//! ws_url = "wss://api.devnet.solana.com"
//!
//! [fees]                         # pool_bot_client::fees::FeePolicy
//! percentile = 75
//! ceiling_micro_lamports = 500_000
//! ```
//!
//! A validator agent's names its `policy` instead of `product` and `slippage_bps`: a file
//! (`policy = "policy.toml"`) or the table itself (`[policy]`, the keys of a policy file).
use pool_bot_client::fees::FeePolicy;
use pool_bot_client::Pubkey;
use serde::de::{self, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Which service reads the file: each refuses the keys only the other reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// `poolbot run-keeper`.
    Keeper,
    /// `poolbot run-validator`.
    Validator,
}

impl Service {
    fn name(self) -> &'static str {
        match self {
            Service::Keeper => "the keeper",
            Service::Validator => "the validator agent",
        }
    }

    fn other(self) -> Service {
        match self {
            Service::Keeper => Service::Validator,
            Service::Validator => Service::Keeper,
        }
    }
}

/// `[rpc]`: where the service connects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RpcConfig {
    /// JSON-RPC URL or moniker, as `--url` takes it.
    pub url: Option<String>,
    /// Websocket URL for subscriptions (`ws://` or `wss://`).
    pub ws_url: Option<String>,
}

/// The keeper's product, by id (`product = 0`) or address (`product = "…"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductSetting {
    /// Its sequential id within the pool.
    Id(u64),
    /// Its address.
    Address(Pubkey),
}

impl<'de> Deserialize<'de> for ProductSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ProductSetting, D::Error> {
        struct Product;
        impl Visitor<'_> for Product {
            type Value = ProductSetting;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a product id (0, 1, ...) or a product address in quotes")
            }

            fn visit_i64<E: de::Error>(self, id: i64) -> Result<ProductSetting, E> {
                u64::try_from(id)
                    .map(ProductSetting::Id)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(id), &self))
            }

            fn visit_u64<E: de::Error>(self, id: u64) -> Result<ProductSetting, E> {
                Ok(ProductSetting::Id(id))
            }

            fn visit_str<E: de::Error>(self, address: &str) -> Result<ProductSetting, E> {
                parse_pubkey(address)
                    .map(ProductSetting::Address)
                    .map_err(E::custom)
            }
        }
        d.deserialize_any(Product)
    }
}

/// The validator agent's policy: the path of a policy file, or the policy table itself
/// (checked by `pool_bot_validator::Policy` when the agent starts).
#[derive(Clone, Debug, PartialEq)]
pub enum PolicySource {
    /// `policy = "policy.toml"`.
    File(PathBuf),
    /// `[policy]` with the keys of a policy file.
    Inline(toml::Table),
}

impl<'de> Deserialize<'de> for PolicySource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PolicySource, D::Error> {
        struct Policy;
        impl<'de> Visitor<'de> for Policy {
            type Value = PolicySource;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the path of a policy file in quotes, or a [policy] table")
            }

            fn visit_str<E: de::Error>(self, path: &str) -> Result<PolicySource, E> {
                Ok(PolicySource::File(PathBuf::from(path)))
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<PolicySource, M::Error> {
                toml::Table::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(PolicySource::Inline)
            }
        }
        d.deserialize_any(Policy)
    }
}

/// A service's config file.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceConfig {
    /// The file it was read from, to name in messages.
    #[serde(skip)]
    pub file: PathBuf,
    /// Where to connect.
    #[serde(default)]
    pub rpc: RpcConfig,
    /// The keypair file that signs and pays, as `--keypair` takes it.
    pub keypair: Option<PathBuf>,
    /// The pool's address.
    #[serde(default, deserialize_with = "optional_pubkey")]
    pub pool: Option<Pubkey>,
    /// The product the keeper's proposals run under.
    pub product: Option<ProductSetting>,
    /// Seconds between rounds.
    pub interval_secs: Option<u64>,
    /// How far below the expected profit the keeper sets the minimum, in basis points.
    pub slippage_bps: Option<u16>,
    /// The keeper's address lookup table, when the operator pins it (else the keeper finds
    /// its own or creates one).
    #[serde(default, deserialize_with = "optional_pubkey")]
    pub lookup_table: Option<Pubkey>,
    /// The validator agent's policy.
    pub policy: Option<PolicySource>,
    /// How the service prices its transactions.
    #[serde(default)]
    pub fees: FeePolicy,
    /// Where to serve `/metrics` and `/healthz`.
    pub metrics: Option<SocketAddr>,
}

/// Why a config file cannot be used, as a sentence naming the file, the key and the fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("Cannot read the config file {}: {reason}. Check the path given to --config.", .path.display())]
    Read {
        /// The path given.
        path: PathBuf,
        /// The operating system's reason.
        reason: String,
    },
    /// The file is not TOML, or a key is unknown, misplaced, of the wrong type or out of range.
    #[error("The config file {} is not valid{place}: {problem}", .path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Where in the file, when known: ` at line 3 (pool)`.
        place: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
}

/// What each key takes, said when its value is wrong.
const HINTS: &[(&str, &str)] = &[
    ("rpc.url", "Write an RPC URL or moniker in quotes under [rpc], e.g. url = \"https://api.devnet.solana.com\""),
    ("rpc.ws_url", "Write a websocket URL in quotes under [rpc], e.g. ws_url = \"wss://api.devnet.solana.com\""),
    ("keypair", "Write the path of a keypair file in quotes, e.g. keypair = \"~/.config/solana/id.json\""),
    ("pool", "Write the pool's address in quotes, e.g. pool = \"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\""),
    ("product", "Write the product's id (product = 0) or its address in quotes"),
    ("interval_secs", "Write whole seconds between rounds, e.g. interval_secs = 2"),
    ("slippage_bps", "Write basis points below 10000, e.g. slippage_bps = 100 (1%)"),
    ("lookup_table", "Write the address of the keeper's lookup table in quotes, as it logged it when it created it"),
    ("policy", "Write the path of a policy file in quotes, or a [policy] table with min_profit and max_amount_in"),
    ("metrics", "Write an address to serve /metrics and /healthz on, in quotes, e.g. metrics = \"127.0.0.1:9464\""),
    ("fees.percentile", "Write a whole number from 0 to 100 (50 = the median)"),
    ("fees.floor_micro_lamports", "Write micro-lamports per compute unit, e.g. floor_micro_lamports = 1"),
    ("fees.ceiling_micro_lamports", "Write micro-lamports per compute unit, e.g. ceiling_micro_lamports = 1_000_000"),
    ("fees.margin_bps", "Write basis points of the simulated compute units, e.g. margin_bps = 2000 (20%)"),
];

impl ServiceConfig {
    /// Reads the config file of `service` at `path`; relative paths in it are made relative
    /// to its folder.
    pub fn load(path: &Path, service: Service) -> Result<ServiceConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let mut config = ServiceConfig::parse(&text, path, service)?;
        let folder = path.parent().unwrap_or(Path::new(""));
        config.keypair = config.keypair.map(|k| beside(folder, k));
        if let Some(PolicySource::File(policy)) = &mut config.policy {
            *policy = beside(folder, std::mem::take(policy));
        }
        Ok(config)
    }

    /// Parses the text of `file` as the config of `service`.
    pub fn parse(text: &str, file: &Path, service: Service) -> Result<ServiceConfig, ConfigError> {
        let mut config: ServiceConfig =
            toml::from_str(text).map_err(|e| syntax_error(text, file, &e))?;
        config.file = file.to_path_buf();
        config.check(service)?;
        Ok(config)
    }

    /// The checks a type cannot express: keys of the other service, ranges, URL schemes and
    /// the fee policy.
    fn check(&self, service: Service) -> Result<(), ConfigError> {
        let keys = [
            ("product", Service::Keeper, self.product.is_some()),
            ("slippage_bps", Service::Keeper, self.slippage_bps.is_some()),
            ("lookup_table", Service::Keeper, self.lookup_table.is_some()),
            ("policy", Service::Validator, self.policy.is_some()),
        ];
        if let Some((key, _, _)) = keys
            .iter()
            .find(|(_, owner, set)| *set && *owner != service)
        {
            return Err(self.invalid(format!(
                "{key} is a setting of {}, not of {}. Remove it from this file.",
                service.other().name(),
                service.name()
            )));
        }
        if let Some(bps) = self.slippage_bps.filter(|bps| *bps >= 10_000) {
            return Err(self.invalid(format!(
                "slippage_bps is {bps}. Write basis points below 10000, e.g. slippage_bps = 100 (1%)."
            )));
        }
        if let Some(ws) = &self.rpc.ws_url {
            if !ws.starts_with("ws://") && !ws.starts_with("wss://") {
                return Err(self.invalid(format!(
                    "rpc.ws_url is '{ws}'. Write a ws:// or wss:// URL, e.g. ws_url = \"wss://api.devnet.solana.com\"."
                )));
            }
        }
        self.fees
            .validate()
            .map_err(|e| self.invalid(format!("{e}.")))
    }

    fn invalid(&self, problem: String) -> ConfigError {
        ConfigError::Invalid {
            path: self.file.clone(),
            place: String::new(),
            problem,
        }
    }
}

/// `path` read from `folder` when it is relative (`~/` paths are left for the caller).
fn beside(folder: &Path, path: PathBuf) -> PathBuf {
    if path.is_relative() && !path.starts_with("~") {
        folder.join(path)
    } else {
        path
    }
}

fn optional_pubkey<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Pubkey>, D::Error> {
    let text = String::deserialize(d)?;
    parse_pubkey(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

fn parse_pubkey(text: &str) -> Result<Pubkey, String> {
    text.parse().map_err(|_| {
        format!("'{text}' is not a valid public key: expected 32 to 44 base58 characters")
    })
}

/// A parse error as a sentence: its line and key, what is wrong, and what the key takes.
fn syntax_error(text: &str, file: &Path, error: &toml::de::Error) -> ConfigError {
    let message = error
        .message()
        .trim()
        .trim_end_matches('.')
        .replace('\n', "; ");
    let (place, key) = match error.span() {
        Some(span) => {
            let (line, key) = key_at(text, span.start);
            let named = key
                .as_deref()
                .map(|k| format!(" ({k})"))
                .unwrap_or_default();
            (format!(" at line {line}{named}"), key)
        }
        None => (String::new(), None),
    };
    let hint = HINTS
        .iter()
        .find(|(k, _)| Some(*k) == key.as_deref())
        .map(|(_, hint)| *hint);
    let fix = if text.contains("json_rpc_url:") {
        "This looks like a Solana CLI config (YAML): with run-keeper and run-validator, --config \
         takes the service's TOML file (see \"Running the keeper and the agent\" in the README)"
            .to_string()
    } else if message.starts_with("unknown field") {
        "Remove it or correct its spelling".into()
    } else if let Some(hint) = hint {
        hint.to_string()
    } else {
        "Write each setting as key = value (TOML), like the example in the README's \"Running the \
         keeper and the agent\""
            .into()
    };
    ConfigError::Invalid {
        path: file.to_path_buf(),
        place,
        problem: format!("{message}. {fix}."),
    }
}

/// The line (from 1) holding byte `offset` of `text`, and the key written on it, under its
/// table's name (`fees.percentile`).
fn key_at(text: &str, offset: usize) -> (usize, Option<String>) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let here = text[start..].lines().next().unwrap_or_default();
    let key = here
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let table = text[..start].lines().rev().find_map(|l| {
        let l = l.split('#').next().unwrap_or_default().trim();
        l.strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .map(|name| name.trim().to_string())
    });
    let key = match (table, key) {
        (Some(table), Some(key)) => Some(format!("{table}.{key}")),
        (None, key) => key,
        (Some(_), None) => None,
    };
    (line, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POOL: &str = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";

    fn keeper(text: &str) -> Result<ServiceConfig, String> {
        ServiceConfig::parse(text, Path::new("keeper.toml"), Service::Keeper)
            .map_err(|e| e.to_string())
    }

    fn validator(text: &str) -> Result<ServiceConfig, String> {
        ServiceConfig::parse(text, Path::new("agent.toml"), Service::Validator)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_keeper_file_with_every_key() {
        let text = format!(
            "keypair = \"~/keeper.json\"\npool = \"{POOL}\"\nproduct = 2\ninterval_secs = 5\n\
             slippage_bps = 150\nmetrics = \"127.0.0.1:9464\"\n\n[rpc]\nurl = \"devnet\"\n\
             ws_url = \"wss://api.devnet.solana.com\"\n\n[fees]\npercentile = 75\n"
        );
        let config = keeper(&text).unwrap();
        assert_eq!(config.file, Path::new("keeper.toml"));
        assert_eq!(config.keypair, Some(PathBuf::from("~/keeper.json")));
        assert_eq!(config.pool, Some(POOL.parse().unwrap()));
        assert_eq!(config.product, Some(ProductSetting::Id(2)));
        assert_eq!(config.interval_secs, Some(5));
        assert_eq!(config.slippage_bps, Some(150));
        assert_eq!(config.metrics, Some("127.0.0.1:9464".parse().unwrap()));
        assert_eq!(config.rpc.url.as_deref(), Some("devnet"));
        assert_eq!(
            config.rpc.ws_url.as_deref(),
            Some("wss://api.devnet.solana.com")
        );
        assert_eq!(config.fees.percentile, 75);
        assert_eq!(
            config.fees.ceiling_micro_lamports,
            FeePolicy::default().ceiling_micro_lamports,
            "fees left out keep their defaults"
        );
        let by_address = keeper(&format!("product = \"{POOL}\"\n")).unwrap();
        assert_eq!(
            by_address.product,
            Some(ProductSetting::Address(POOL.parse().unwrap()))
        );
        assert_eq!(
            keeper("").unwrap().fees,
            FeePolicy::default(),
            "every key is optional"
        );
    }

    #[test]
    fn a_validator_names_its_policy_file_or_writes_it_inline() {
        let file = validator("policy = \"policy.toml\"\n").unwrap();
        assert_eq!(file.policy, Some(PolicySource::File("policy.toml".into())));
        let inline = validator("[policy]\nmin_profit = 5\nmax_amount_in = 100\n").unwrap();
        let Some(PolicySource::Inline(table)) = inline.policy else {
            panic!("{inline:?}");
        };
        assert_eq!(table["min_profit"].as_integer(), Some(5));
    }

    #[test]
    fn relative_paths_are_read_from_the_file_s_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agent.toml");
        std::fs::write(
            &path,
            "keypair = \"keys/agent.json\"\npolicy = \"policy.toml\"\n",
        )
        .unwrap();
        let config = ServiceConfig::load(&path, Service::Validator).unwrap();
        assert_eq!(config.keypair, Some(dir.path().join("keys/agent.json")));
        assert_eq!(
            config.policy,
            Some(PolicySource::File(dir.path().join("policy.toml")))
        );
        std::fs::write(
            &path,
            "keypair = \"/abs/agent.json\"\n[policy]\nmin_profit = 5\nmax_amount_in = 100\n",
        )
        .unwrap();
        let config = ServiceConfig::load(&path, Service::Validator).unwrap();
        assert_eq!(config.keypair, Some(PathBuf::from("/abs/agent.json")));
        assert!(
            matches!(config.policy, Some(PolicySource::Inline(_))),
            "{config:?}"
        );
    }

    #[test]
    fn a_missing_file_names_the_path_and_the_flag() {
        let err = ServiceConfig::load(Path::new("/nonexistent/keeper.toml"), Service::Keeper)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("Cannot read the config file /nonexistent/keeper.toml: ")
                && err.ends_with("Check the path given to --config."),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let err = keeper("pool_address = \"x\"\n").unwrap_err();
        assert!(
            err.starts_with("The config file keeper.toml is not valid at line 1 (pool_address): unknown field `pool_address`"),
            "{err}"
        );
        assert!(err.ends_with("Remove it or correct its spelling."), "{err}");
        let err = keeper("interval_secs = 1\n\n[rpc]\nuri = \"devnet\"\n").unwrap_err();
        assert!(
            err.contains("at line 4 (rpc.uri): unknown field `uri`"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_value_names_its_key_and_what_it_takes() {
        let err = keeper("pool = \"not-a-key\"\n").unwrap_err();
        assert!(
            err.contains("at line 1 (pool): 'not-a-key' is not a valid public key"),
            "{err}"
        );
        assert!(err.contains("Write the pool's address in quotes"), "{err}");

        let err = keeper("interval_secs = \"2\"\n").unwrap_err();
        assert!(
            err.contains("at line 1 (interval_secs): invalid type: string \"2\""),
            "{err}"
        );
        assert!(
            err.ends_with("Write whole seconds between rounds, e.g. interval_secs = 2."),
            "{err}"
        );

        let err = keeper("[fees]  # pricing\npercentile = \"high\"\n").unwrap_err();
        assert!(err.contains("at line 2 (fees.percentile)"), "{err}");
        assert!(
            err.ends_with("Write a whole number from 0 to 100 (50 = the median)."),
            "{err}"
        );

        let err = keeper("metrics = \"localhost\"\n").unwrap_err();
        assert!(
            err.contains("(metrics)") && err.contains("127.0.0.1:9464"),
            "{err}"
        );

        let err = keeper("pool = abc\n").unwrap_err();
        assert!(err.contains("at line 1 (pool)"), "not TOML: {err}");

        let err = keeper("product = -1\n").unwrap_err();
        assert!(err.contains("(product): invalid value: integer `-1`, expected a product id (0, 1, ...) or a product address in quotes"), "{err}");
        let err = validator("policy = 5\n").unwrap_err();
        assert!(err.contains("(policy): invalid type: integer `5`, expected the path of a policy file in quotes, or a [policy] table"), "{err}");
    }

    #[test]
    fn ranges_schemes_and_fees_are_checked() {
        let err = keeper("slippage_bps = 10000\n").unwrap_err();
        assert_eq!(err, "The config file keeper.toml is not valid: slippage_bps is 10000. Write basis points below 10000, e.g. slippage_bps = 100 (1%).");
        let err = keeper("[rpc]\nws_url = \"https://x\"\n").unwrap_err();
        assert!(
            err.contains("rpc.ws_url is 'https://x'. Write a ws:// or wss:// URL"),
            "{err}"
        );
        let err =
            keeper("[fees]\nfloor_micro_lamports = 10\nceiling_micro_lamports = 5\n").unwrap_err();
        assert!(err.contains("fees.floor_micro_lamports (10) is above fees.ceiling_micro_lamports (5): lower the floor or raise the ceiling."), "{err}");
    }

    #[test]
    fn each_service_refuses_the_other_s_keys() {
        let err = keeper("policy = \"policy.toml\"\n").unwrap_err();
        assert!(err.ends_with("policy is a setting of the validator agent, not of the keeper. Remove it from this file."), "{err}");
        let err = validator("slippage_bps = 100\n").unwrap_err();
        assert!(err.ends_with("slippage_bps is a setting of the keeper, not of the validator agent. Remove it from this file."), "{err}");
    }

    #[test]
    fn a_solana_cli_config_is_recognised() {
        let err = keeper("---\njson_rpc_url: \"https://api.devnet.solana.com\"\n").unwrap_err();
        assert!(
            err.contains("This looks like a Solana CLI config (YAML)"),
            "{err}"
        );
    }
}
