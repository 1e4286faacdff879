//! Amounts in whole tokens (`100.5`) converted with the mint's decimals, and durations
//! (`3600`, `90s`, `15m`, `1h`, `2d`).
use crate::error::CliError;
use std::fmt;
use std::str::FromStr;

/// An amount as a person writes it, in whole tokens with an optional decimal point. It becomes
/// base units only once the mint's decimals are known ([`TokenUnit::base_units`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenAmount {
    /// Digits before the point (never empty: `.5` is stored as `0`).
    whole: String,
    /// Digits after the point, without trailing zeros.
    fraction: String,
}

impl FromStr for TokenAmount {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "'{text}' is not an amount: write it in whole tokens with an optional decimal \
                 point, e.g. 100 or 100.5"
            )
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return Err(bad());
        }
        let whole = whole.trim_start_matches('0');
        Ok(TokenAmount {
            whole: if whole.is_empty() { "0" } else { whole }.to_string(),
            fraction: fraction.trim_end_matches('0').to_string(),
        })
    }
}

impl fmt::Display for TokenAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fraction.is_empty() {
            write!(f, "{}", self.whole)
        } else {
            write!(f, "{}.{}", self.whole, self.fraction)
        }
    }
}

/// The pool's token as amounts are shown: its decimals and a symbol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenUnit {
    /// The mint's decimals.
    pub decimals: u8,
    /// What to call it (`USDC`, or `tokens` when unknown).
    pub symbol: String,
}

impl TokenUnit {
    /// `amount` in base units, refusing more decimal places than the mint has, or overflow.
    pub fn base_units(&self, amount: &TokenAmount) -> Result<u64, CliError> {
        let decimals = usize::from(self.decimals);
        if amount.fraction.len() > decimals {
            return Err(CliError::Input(format!(
                "{amount} has more decimal places than {} allows ({decimals}). Round it to \
                 {decimals} places.",
                self.symbol
            )));
        }
        let padded = format!("{}{:0<decimals$}", amount.whole, amount.fraction);
        padded.parse::<u64>().map_err(|_| {
            CliError::Input(format!(
                "{amount} {} is more than an account can hold. Use a smaller amount.",
                self.symbol
            ))
        })
    }

    /// `base` base units as whole tokens, without trailing zeros (`100.5`).
    pub fn number(&self, base: u64) -> String {
        let decimals = u32::from(self.decimals);
        let scale = 10u128.pow(decimals);
        let (whole, fraction) = (u128::from(base) / scale, u128::from(base) % scale);
        if fraction == 0 {
            return whole.to_string();
        }
        let fraction = format!("{fraction:0>width$}", width = decimals as usize);
        format!("{whole}.{}", fraction.trim_end_matches('0'))
    }

    /// `base` base units with the symbol (`100.5 USDC`).
    pub fn show(&self, base: u64) -> String {
        format!("{} {}", self.number(base), self.symbol)
    }

    /// One whole token in base units.
    pub fn one(&self) -> u64 {
        10u64.pow(u32::from(self.decimals))
    }
}

/// A duration in seconds, written as `3600`, `90s`, `15m`, `1h` or `2d`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration(pub i64);

impl FromStr for Duration {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!("'{text}' is not a duration: use seconds or a number with s, m, h or d, e.g. 3600 or 1h")
        };
        let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => text.split_at(i),
            None => (text, "s"),
        };
        let seconds = match unit {
            "s" => 1,
            "m" => 60,
            "h" => 3_600,
            "d" => 86_400,
            _ => return Err(bad()),
        };
        let number: i64 = number.parse().map_err(|_| bad())?;
        number.checked_mul(seconds).map(Duration).ok_or_else(bad)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        if rest <= 0 {
            return write!(f, "{rest}s");
        }
        for (unit, seconds) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
            if rest >= seconds {
                write!(f, "{}{unit}", rest / seconds)?;
                rest %= seconds;
            }
        }
        Ok(())
    }
}

/// Basis points as a percentage (`500` → `5%`).
pub fn percent_of_bps(bps: u16) -> String {
    format!("{}%", f64::from(bps) / 100.0)
}

/// A unix time as `YYYY-MM-DD HH:MM UTC` (civil calendar from days since 1970).
pub fn utc(unix: i64) -> String {
    let (days, secs) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        secs / 3_600,
        secs % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usdc() -> TokenUnit {
        TokenUnit {
            decimals: 6,
            symbol: "USDC".into(),
        }
    }

    fn amount(text: &str) -> TokenAmount {
        text.parse().unwrap()
    }

    #[test]
    fn whole_tokens_become_base_units() {
        let u = usdc();
        assert_eq!(u.base_units(&amount("100")).unwrap(), 100_000_000);
        assert_eq!(u.base_units(&amount("100.5")).unwrap(), 100_500_000);
        assert_eq!(u.base_units(&amount("0.000001")).unwrap(), 1);
        assert_eq!(u.base_units(&amount(".25")).unwrap(), 250_000);
        assert_eq!(u.base_units(&amount("7.")).unwrap(), 7_000_000);
        assert_eq!(u.base_units(&amount("007.500000")).unwrap(), 7_500_000);
        let no_decimals = TokenUnit {
            decimals: 0,
            symbol: "T".into(),
        };
        assert_eq!(no_decimals.base_units(&amount("42")).unwrap(), 42);
    }

    #[test]
    fn bad_amounts_say_why() {
        for text in ["", ".", "abc", "1.2.3", "-5", "1,000", "1e6", " 1"] {
            let err = text.parse::<TokenAmount>().unwrap_err();
            assert!(err.contains("is not an amount"), "{text}: {err}");
        }
        let err = usdc().base_units(&amount("1.0000001")).unwrap_err();
        assert!(err
            .to_string()
            .contains("more decimal places than USDC allows (6)"));
        let err = usdc().base_units(&amount("18446744073710")).unwrap_err();
        assert!(err.to_string().contains("more than an account can hold"));
    }

    #[test]
    fn base_units_show_as_whole_tokens() {
        let u = usdc();
        assert_eq!(u.show(100_500_000), "100.5 USDC");
        assert_eq!(u.number(1), "0.000001");
        assert_eq!(u.number(0), "0");
        assert_eq!(u.number(u64::MAX), "18446744073709.551615");
        assert_eq!(amount("0100.50").to_string(), "100.5");
    }

    #[test]
    fn durations_parse_and_show() {
        assert_eq!("3600".parse::<Duration>().unwrap(), Duration(3_600));
        assert_eq!("90s".parse::<Duration>().unwrap(), Duration(90));
        assert_eq!("15m".parse::<Duration>().unwrap(), Duration(900));
        assert_eq!("2d".parse::<Duration>().unwrap(), Duration(172_800));
        assert!("1w".parse::<Duration>().is_err());
        assert!("h".parse::<Duration>().is_err());
        assert_eq!(Duration(5_430).to_string(), "1h30m30s");
        assert_eq!(Duration(0).to_string(), "0s");
        assert_eq!(percent_of_bps(500), "5%");
        assert_eq!(percent_of_bps(25), "0.25%");
    }

    #[test]
    fn unix_times_show_as_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc(1_778_322_540), "2026-05-09 10:29 UTC");
    }
}
