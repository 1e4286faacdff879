//! Pool Bot's events read back from a transaction's logs: `emit!` writes each as a
//! `Program data: <base64>` line (the event's Anchor discriminator, then its Borsh fields).
//! Only lines written while Pool Bot itself is the running program count: the invoke depth is
//! followed through `Program <id> invoke [n]` / `success` / `failed` lines, so data logged by a
//! program Pool Bot calls (a DEX leg of a route) or by another top-level instruction of the
//! same transaction is never read as a Pool Bot event.
use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator};
use base64::Engine;
use pool_bot::events::*;
use std::str::FromStr;

macro_rules! pool_events {
    ($($name:ident),* $(,)?) => {
        /// One event of a pool's audit trail (`programs/pool_bot/src/events.rs`).
        pub enum PoolEvent {
            $(
                #[doc = concat!("`", stringify!($name), "`.")]
                $name($name),
            )*
        }

        impl PoolEvent {
            /// Every event type's name, as the program declares it.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The event type's name, e.g. `TradeExecuted`.
            pub fn name(&self) -> &'static str {
                match self {
                    $(PoolEvent::$name(_) => stringify!($name),)*
                }
            }

            /// The pool the event belongs to (every event names it).
            pub fn pool(&self) -> Pubkey {
                match self {
                    $(PoolEvent::$name(e) => e.pool,)*
                }
            }

            /// The event in `data` (discriminator and Borsh fields), if it is one of Pool Bot's.
            pub fn decode(data: &[u8]) -> Option<PoolEvent> {
                $(
                    if let Some(body) = data.strip_prefix($name::DISCRIMINATOR) {
                        return $name::try_from_slice(body).ok().map(PoolEvent::$name);
                    }
                )*
                None
            }
        }
    };
}

pool_events!(
    PoolInitialized,
    ConfigUpdated,
    ChangeQueued,
    ChangeFinished,
    ValidatorChanged,
    KeeperChanged,
    ProductRegistered,
    ProductToggled,
    InsuranceFunded,
    Deposited,
    DepositRequested,
    DepositSettled,
    Withdrew,
    TradeProposed,
    TradeVoted,
    ProposalExpired,
    TradeExecuted,
    ClaimExpired,
    AccountClosed,
    ClaimFiled,
    ClaimVoted,
    MandateProposed,
    MandateVoted,
    MandateRevoked,
    MandateExecuted,
);

impl std::fmt::Debug for PoolEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The raw `Program data:` payloads `program` itself logged, in order.
pub fn program_data(program: &Pubkey, logs: &[String]) -> Vec<Vec<u8>> {
    let mut running: Vec<Pubkey> = Vec::new();
    let mut out = Vec::new();
    for line in logs {
        let Some(rest) = line.strip_prefix("Program ") else {
            continue;
        };
        if let Some(data) = rest.strip_prefix("data: ") {
            if running.last() == Some(program) {
                if let Some(bytes) = decode_data(data) {
                    out.push(bytes);
                }
            }
            continue;
        }
        // `Program <id> invoke [n]`, `Program <id> success`, `Program <id> failed: ...`;
        // anything else (`log:`, `return:`, `consumed`) leaves the depth alone
        let mut words = rest.split_whitespace();
        let (Some(id), Some(verb)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(id) = Pubkey::from_str(id) else {
            continue;
        };
        match verb {
            "invoke" => running.push(id),
            "success" | "failed:" if running.last() == Some(&id) => {
                running.pop();
            }
            _ => {}
        }
    }
    out
}

/// A `Program data:` line's payload: its base64 parts (one per slice logged) joined.
fn decode_data(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    for part in text.split_whitespace() {
        bytes.extend(
            base64::engine::general_purpose::STANDARD
                .decode(part)
                .ok()?,
        );
    }
    Some(bytes)
}

/// Pool Bot's events in a transaction's `logs`, in the order emitted.
pub fn parse(logs: &[String]) -> Vec<PoolEvent> {
    program_data(&pool_bot::ID, logs)
        .iter()
        .filter_map(|data| PoolEvent::decode(data))
        .collect()
}

/// The `TradeExecuted` event of `proposal` among `events`, if it executed there.
pub fn trade_executed<'a>(events: &'a [PoolEvent], proposal: &Pubkey) -> Option<&'a TradeExecuted> {
    events.iter().find_map(|e| match e {
        PoolEvent::TradeExecuted(t) if t.proposal == *proposal => Some(t),
        _ => None,
    })
}

/// The gain the execution of `proposal` booked, read from the `TradeExecuted` event in the
/// logs of the transaction that executed it (e.g. `Receipt::logs` of the send).
pub fn realised_profit(logs: &[String], proposal: &Pubkey) -> Option<u64> {
    trade_executed(&parse(logs), proposal).map(|t| t.gain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::Event;

    fn data_line(event: &impl Event) -> String {
        format!(
            "Program data: {}",
            base64::engine::general_purpose::STANDARD.encode(event.data())
        )
    }

    /// An event with every field zero (empty strings and lists), whatever fields it gains.
    fn zeroed<T: AnchorDeserialize>() -> T {
        (0..4096)
            .find_map(|n| T::try_from_slice(&vec![0; n]).ok())
            .expect("an event decodes from zeros")
    }

    fn closed(pool: Pubkey, account: Pubkey) -> AccountClosed {
        let mut event: AccountClosed = zeroed();
        event.pool = pool;
        event.account = account;
        event
    }

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn reads_only_the_lines_pool_bot_itself_logged() {
        let (pool, ours, theirs) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        let (pb, amm, other) = (
            pool_bot::ID.to_string(),
            local_amm::ID.to_string(),
            Pubkey::new_unique().to_string(),
        );
        let our_line = data_line(&closed(pool, ours));
        let their_line = data_line(&closed(pool, theirs));
        let logs = lines(&[
            // another program's top-level instruction logs the same bytes first: not ours
            &format!("Program {other} invoke [1]"),
            &their_line,
            &format!("Program {other} success"),
            &format!("Program {pb} invoke [1]"),
            "Program log: Instruction: CloseProposal",
            // a route leg Pool Bot calls logs data: not ours
            &format!("Program {amm} invoke [2]"),
            "Program log: swap",
            &their_line,
            &format!("Program {amm} consumed 1000 of 190000 compute units"),
            &format!("Program {amm} success"),
            // back in Pool Bot
            &our_line,
            "Program data: not base64!",
            &format!("Program {pb} consumed 5000 of 200000 compute units"),
            &format!("Program {pb} success"),
            // after Pool Bot returned
            &their_line,
        ]);
        let events = parse(&logs);
        assert_eq!(events.len(), 1, "{events:?}");
        match &events[0] {
            PoolEvent::AccountClosed(e) => assert_eq!(e.account, ours),
            other => panic!("{other:?}"),
        }
        assert_eq!(events[0].pool(), pool);
    }

    #[test]
    fn a_failed_inner_call_returns_to_pool_bot() {
        let pool = Pubkey::new_unique();
        let pb = pool_bot::ID.to_string();
        let inner = Pubkey::new_unique().to_string();
        let logs = lines(&[
            &format!("Program {pb} invoke [1]"),
            &format!("Program {inner} invoke [2]"),
            &format!("Program {inner} failed: custom program error: 0x1"),
            &data_line(&closed(pool, Pubkey::new_unique())),
        ]);
        assert_eq!(parse(&logs).len(), 1);
    }

    #[test]
    fn realised_profit_comes_from_trade_executed() {
        let (pool, proposal) = (Pubkey::new_unique(), Pubkey::new_unique());
        let mut executed: TradeExecuted = zeroed();
        executed.pool = pool;
        executed.proposal = proposal;
        executed.gain = 4_200;
        let pb = pool_bot::ID.to_string();
        let logs = lines(&[
            &format!("Program {pb} invoke [1]"),
            &data_line(&executed),
            &format!("Program {pb} success"),
        ]);
        assert_eq!(realised_profit(&logs, &proposal), Some(4_200));
        assert_eq!(realised_profit(&logs, &Pubkey::new_unique()), None);
        assert_eq!(realised_profit(&[], &proposal), None);
    }

    /// Every `#[event]` struct in the program's `events.rs`, read from its source.
    fn declared_events() -> Vec<String> {
        let source = include_str!("../../../programs/pool_bot/src/events.rs");
        let mut names = Vec::new();
        let mut after_attribute = false;
        for line in source.lines().map(str::trim) {
            if line == "#[event]" {
                after_attribute = true;
            } else if after_attribute {
                if let Some(rest) = line.strip_prefix("pub struct ") {
                    names.push(rest.trim_end_matches(" {").to_string());
                    after_attribute = false;
                }
            }
        }
        names
    }

    #[test]
    fn every_event_the_program_declares_is_decoded() {
        let declared = declared_events();
        assert!(declared.len() >= 20, "parsed {declared:?}");
        for name in &declared {
            assert!(
                PoolEvent::NAMES.contains(&name.as_str()),
                "add {name} to pool_events! in crates/client/src/events.rs"
            );
        }
        assert_eq!(declared.len(), PoolEvent::NAMES.len());
    }
}
