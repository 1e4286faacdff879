//! Text in accounts and arguments: fixed-size names and bounded reasons.
use crate::errors::PoolError;
use anchor_lang::prelude::*;

/// Longest pool or product name, in bytes.
pub const MAX_NAME_LEN: usize = 32;
/// Longest claim reason, rejection reason or decision note, in bytes.
pub const MAX_REASON_LEN: usize = 200;

/// Encodes a name into a zero-padded fixed field, refusing empty or over-long names.
pub fn encode_name(name: &str) -> Result<[u8; MAX_NAME_LEN]> {
    require!(
        !name.is_empty() && name.len() <= MAX_NAME_LEN,
        PoolError::InvalidName
    );
    let mut out = [0u8; MAX_NAME_LEN];
    out[..name.len()].copy_from_slice(name.as_bytes());
    Ok(out)
}

/// The text of a zero-padded name field.
pub fn decode_name(field: &[u8; MAX_NAME_LEN]) -> &str {
    let len = field.iter().position(|b| *b == 0).unwrap_or(MAX_NAME_LEN);
    core::str::from_utf8(&field[..len]).unwrap_or("")
}

/// Refuses a reason longer than `MAX_REASON_LEN`.
pub fn check_reason(text: &str) -> Result<()> {
    require!(text.len() <= MAX_REASON_LEN, PoolError::TextTooLong);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_bounded() {
        let field = encode_name("Arbitrage Trading Pool").unwrap();
        assert_eq!(decode_name(&field), "Arbitrage Trading Pool");
        assert_eq!(
            decode_name(&encode_name(&"x".repeat(32)).unwrap()).len(),
            32
        );
        assert!(encode_name("").is_err());
        assert!(encode_name(&"x".repeat(33)).is_err());
        assert!(check_reason(&"x".repeat(200)).is_ok());
        assert!(check_reason(&"x".repeat(201)).is_err());
    }
}
