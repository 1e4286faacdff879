//! One module per command group: its flags and what it does.
pub mod activity;
pub mod changes;
pub mod config;
pub mod init;
pub mod insurance;
pub mod keeper;
pub mod keepers;
pub mod mandates;
pub mod member;
pub mod overview;
pub mod products;
pub mod proposals;
pub mod simulate;
pub mod validator;
pub mod validators;

use pool_bot_client::chain::Receipt;

/// The line that ends a command that sent a transaction.
fn signature_line(receipt: &Receipt) -> String {
    format!("Signature: {}", receipt.signature)
}
