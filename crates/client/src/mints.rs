//! The symbols of the mints every tool knows by name: mainnet USDC, USDT and wrapped SOL,
//! devnet USDC, and the localnet fixtures' test USDC and SOL (`migrations/localnet/
//! usdc-mint.json`, `app/fixtures/localnet/sol-mint.json`). The table is
//! `known_mints.json` beside this file, a flat JSON object of mint → symbol, so the web app
//! can import the same file instead of keeping its own list.
use anchor_lang::prelude::Pubkey;
use std::str::FromStr;
use std::sync::OnceLock;

/// The table's text.
pub const KNOWN_MINTS_JSON: &str = include_str!("known_mints.json");

/// Every known mint with its symbol.
pub fn known() -> &'static [(Pubkey, String)] {
    static TABLE: OnceLock<Vec<(Pubkey, String)>> = OnceLock::new();
    TABLE.get_or_init(|| parse(KNOWN_MINTS_JSON))
}

/// The symbol of `mint`, when it is a known one.
pub fn symbol(mint: &Pubkey) -> Option<&'static str> {
    known()
        .iter()
        .find(|(m, _)| m == mint)
        .map(|(_, s)| s.as_str())
}

/// The pairs of a flat JSON object of strings (`{"MINT": "SYMBOL", ...}`), skipping entries
/// whose key is not a pubkey.
fn parse(text: &str) -> Vec<(Pubkey, String)> {
    let strings: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
    strings
        .chunks_exact(2)
        .filter_map(|pair| Some((Pubkey::from_str(pair[0]).ok()?, pair[1].to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use solana_signer::Signer;

    fn keypair_file(path: &str) -> Pubkey {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path);
        let text = std::fs::read_to_string(&full).expect("fixture keypair");
        let keypair = solana_keypair::read_keypair(&mut text.as_bytes()).expect("keypair");
        keypair.pubkey()
    }

    #[test]
    fn the_table_names_mainnet_and_the_localnet_fixtures() {
        assert_eq!(known().len(), KNOWN_MINTS_JSON.matches(':').count());
        let usdc = Pubkey::from_str("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v").unwrap();
        assert_eq!(symbol(&usdc), Some("USDC"));
        assert_eq!(
            symbol(&keypair_file("migrations/localnet/usdc-mint.json")),
            Some("USDC")
        );
        assert_eq!(
            symbol(&keypair_file("app/fixtures/localnet/sol-mint.json")),
            Some("SOL")
        );
        assert_eq!(symbol(&Pubkey::new_unique()), None);
    }
}
