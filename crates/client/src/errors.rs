//! Turning a failed transaction into the program's named error, from the logs Anchor writes
//! (`AnchorError ... Error Code: <Name>. Error Number: <n>. Error Message: <text>.`).

/// A named error a program returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{name} ({code}): {message}")]
pub struct ProgramError {
    /// The error's name, e.g. `BelowMinContribution`.
    pub name: String,
    /// Its number (6000 + index for program errors, below 6000 for Anchor's own).
    pub code: u32,
    /// Its message.
    pub message: String,
    /// The account Anchor blamed, if any.
    pub account: Option<String>,
}

/// The first Anchor error in `logs`, if any.
pub fn from_logs(logs: &[String]) -> Option<ProgramError> {
    logs.iter().find_map(|line| parse(line))
}

fn field<'a>(line: &'a str, label: &str, end: &str) -> Option<&'a str> {
    let start = line.find(label)? + label.len();
    let rest = &line[start..];
    Some(rest.find(end).map_or(rest, |i| &rest[..i]))
}

fn parse(line: &str) -> Option<ProgramError> {
    if !line.contains("AnchorError") {
        return None;
    }
    let name = field(line, "Error Code: ", ".")?.to_string();
    let code = field(line, "Error Number: ", ".")?.parse().ok()?;
    let message = field(line, "Error Message: ", "\u{0}")?
        .trim_end_matches('.')
        .to_string();
    let account = field(line, "caused by account: ", ".").map(str::to_string);
    Some(ProgramError {
        name,
        code,
        message,
        account,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_thrown_and_account_errors() {
        let logs = vec![
            "Program log: Instruction: Deposit".to_string(),
            "Program log: AnchorError thrown in programs/pool_bot/src/instructions/deposit.rs:57. Error Code: BelowMinContribution. Error Number: 6002. Error Message: Deposit is below the pool's minimum contribution.".to_string(),
        ];
        let e = from_logs(&logs).unwrap();
        assert_eq!(
            (e.name.as_str(), e.code, e.account),
            ("BelowMinContribution", 6002, None)
        );
        assert_eq!(
            e.message,
            "Deposit is below the pool's minimum contribution"
        );
        let blamed = ["Program log: AnchorError caused by account: position. Error Code: AccountNotInitialized. Error Number: 3012. Error Message: The program expected this account to be already initialized.".to_string()];
        let e = from_logs(&blamed).unwrap();
        assert_eq!(
            (e.name.as_str(), e.account.as_deref()),
            ("AccountNotInitialized", Some("position"))
        );
        assert!(from_logs(&["Program log: hello".to_string()]).is_none());
    }
}
