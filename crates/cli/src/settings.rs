//! Where to connect and who signs, resolved like the `solana` CLI does: the flags, else the
//! Solana CLI config file (`json_rpc_url`, `keypair_path`), else localnet and
//! `~/.config/solana/id.json`.
use crate::error::{CliError, KeypairError};
use solana_keypair::Keypair;
use std::path::{Path, PathBuf};

/// The localnet RPC URL, used when neither a flag nor the config names one.
pub const LOCALNET_URL: &str = "http://127.0.0.1:8899";

/// The two keys of the Solana CLI config file this tool reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SolanaConfig {
    /// `json_rpc_url`.
    pub json_rpc_url: Option<String>,
    /// `keypair_path`.
    pub keypair_path: Option<String>,
}

/// Reads `json_rpc_url` and `keypair_path` from the text of a Solana CLI `config.yml` (flat
/// `key: value` lines, values optionally quoted; everything else is ignored).
pub fn parse_solana_config(text: &str) -> SolanaConfig {
    let mut config = SolanaConfig::default();
    for line in text.lines() {
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "json_rpc_url" => config.json_rpc_url = Some(value.to_string()),
            "keypair_path" => config.keypair_path = Some(value.to_string()),
            _ => {}
        }
    }
    config
}

/// A YAML scalar without its quotes, or without a trailing comment when unquoted.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            return inner.split(quote).next().unwrap_or(inner);
        }
    }
    value.split(" #").next().unwrap_or(value).trim()
}

/// The URL for a moniker (`localnet`, `devnet`, `testnet`, `mainnet-beta`, or their first
/// letter) or an explicit http(s) / ws(s) URL.
pub fn resolve_url(text: &str) -> Result<String, CliError> {
    let url = match text {
        "localnet" | "l" => LOCALNET_URL,
        "devnet" | "d" => "https://api.devnet.solana.com",
        "testnet" | "t" => "https://api.testnet.solana.com",
        "mainnet-beta" | "m" => "https://api.mainnet-beta.solana.com",
        other if other.starts_with("http://") || other.starts_with("https://") => other,
        other => {
            return Err(CliError::Input(format!(
                "'{other}' is not an RPC URL or moniker. Pass --url with http(s)://HOST:PORT, \
                 localnet, devnet, testnet or mainnet-beta."
            )))
        }
    };
    Ok(url.to_string())
}

/// Where to connect and which keypair file signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The RPC URL.
    pub url: String,
    /// The keypair file.
    pub keypair_path: PathBuf,
}

/// The default Solana CLI config file, `~/.config/solana/cli/config.yml`.
pub fn default_config_path(home: &Path) -> PathBuf {
    home.join(".config/solana/cli/config.yml")
}

/// Resolves the endpoint from the flags, then the config file (missing is fine), then the
/// defaults. `home` expands `~/` and locates the default files.
pub fn resolve(
    url: Option<&str>,
    keypair: Option<&Path>,
    config_file: Option<&Path>,
    home: &Path,
) -> Result<Endpoint, CliError> {
    let config_path = config_file.map_or_else(|| default_config_path(home), Path::to_path_buf);
    let config = match std::fs::read_to_string(&config_path) {
        Ok(text) => parse_solana_config(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && config_file.is_none() => {
            SolanaConfig::default()
        }
        Err(e) => {
            return Err(CliError::Input(format!(
                "Cannot read the Solana CLI config {}: {e}. Fix the path given to --config.",
                config_path.display()
            )))
        }
    };
    let url = resolve_url(
        url.or(config.json_rpc_url.as_deref())
            .unwrap_or(LOCALNET_URL),
    )?;
    let keypair_path = match (keypair, config.keypair_path) {
        (Some(path), _) => expand_home(path, home),
        (None, Some(path)) => expand_home(Path::new(&path), home),
        (None, None) => home.join(".config/solana/id.json"),
    };
    Ok(Endpoint { url, keypair_path })
}

fn expand_home(path: &Path, home: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => path.to_path_buf(),
    }
}

/// Loads a keypair file written by `solana-keygen`.
pub fn load_keypair(path: &Path) -> Result<Keypair, KeypairError> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => KeypairError::Missing {
            path: path.to_path_buf(),
        },
        _ => KeypairError::Unreadable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
    })?;
    solana_keypair::read_keypair(&mut text.as_bytes()).map_err(|e| KeypairError::Malformed {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "---\n\
        json_rpc_url: \"https://api.devnet.solana.com\"\n\
        websocket_url: \"\"\n\
        keypair_path: /home/ana/.config/solana/devnet.json\n\
        address_labels:\n  \"11111111111111111111111111111111\": System Program\n\
        commitment: confirmed\n";

    #[test]
    fn reads_the_two_keys_of_a_solana_cli_config() {
        let config = parse_solana_config(CONFIG);
        assert_eq!(
            config.json_rpc_url.as_deref(),
            Some("https://api.devnet.solana.com")
        );
        assert_eq!(
            config.keypair_path.as_deref(),
            Some("/home/ana/.config/solana/devnet.json")
        );
        let single =
            parse_solana_config("json_rpc_url: 'http://x:1' \nkeypair_path: ~/k.json # mine\n");
        assert_eq!(single.json_rpc_url.as_deref(), Some("http://x:1"));
        assert_eq!(single.keypair_path.as_deref(), Some("~/k.json"));
        assert_eq!(
            parse_solana_config("json_rpc_url:\n"),
            SolanaConfig::default()
        );
    }

    #[test]
    fn monikers_and_urls() {
        assert_eq!(resolve_url("localnet").unwrap(), LOCALNET_URL);
        assert_eq!(resolve_url("d").unwrap(), "https://api.devnet.solana.com");
        assert_eq!(
            resolve_url("mainnet-beta").unwrap(),
            "https://api.mainnet-beta.solana.com"
        );
        assert_eq!(
            resolve_url("http://10.0.0.1:8899").unwrap(),
            "http://10.0.0.1:8899"
        );
        let err = resolve_url("devnett").unwrap_err().to_string();
        assert!(
            err.contains("'devnett' is not an RPC URL or moniker"),
            "{err}"
        );
    }

    #[test]
    fn flags_then_config_then_defaults() {
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        let none = resolve(None, None, None, h).unwrap();
        assert_eq!(none.url, LOCALNET_URL);
        assert_eq!(none.keypair_path, h.join(".config/solana/id.json"));

        std::fs::create_dir_all(h.join(".config/solana/cli")).unwrap();
        std::fs::write(
            default_config_path(h),
            "json_rpc_url: https://api.devnet.solana.com\nkeypair_path: ~/dev.json\n",
        )
        .unwrap();
        let from_config = resolve(None, None, None, h).unwrap();
        assert_eq!(from_config.url, "https://api.devnet.solana.com");
        assert_eq!(from_config.keypair_path, h.join("dev.json"));

        let flags = resolve(Some("m"), Some(Path::new("/k.json")), None, h).unwrap();
        assert_eq!(flags.url, "https://api.mainnet-beta.solana.com");
        assert_eq!(flags.keypair_path, PathBuf::from("/k.json"));

        let missing = resolve(None, None, Some(&h.join("nope.yml")), h).unwrap_err();
        assert!(missing
            .to_string()
            .contains("Cannot read the Solana CLI config"));
    }

    #[test]
    fn keypair_files_load_or_say_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("id.json");
        let err = load_keypair(&missing).unwrap_err();
        assert_eq!(
            err,
            KeypairError::Missing {
                path: missing.clone()
            }
        );
        assert!(err.to_string().contains("solana-keygen new -o"));

        std::fs::write(&missing, "not json").unwrap();
        let err = load_keypair(&missing).unwrap_err().to_string();
        assert!(err.contains("is not a Solana keypair file"), "{err}");

        let keypair = Keypair::new();
        std::fs::write(&missing, format!("{:?}", keypair.to_bytes())).unwrap();
        let loaded = load_keypair(&missing).unwrap();
        assert_eq!(loaded.to_bytes(), keypair.to_bytes());
    }
}
