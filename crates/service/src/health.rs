//! Whether a service is fit to act: it follows the market (subscribed to it, or polling it)
//! and has seen a recent slot. A service that lost its RPC node keeps running and retrying,
//! so only a health check can tell an orchestrator to look at it.
use prometheus::{IntGauge, IntGaugeVec, Opts, Registry};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How a service learns about market changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarketData {
    /// Not following the market yet (before the first round).
    Starting,
    /// Pushed by a websocket subscription.
    Subscribed,
    /// Read each round over JSON-RPC.
    Polling,
}

impl MarketData {
    const ALL: [MarketData; 3] = [
        MarketData::Starting,
        MarketData::Subscribed,
        MarketData::Polling,
    ];

    /// The mode as `/healthz` and the `mode` label write it.
    pub fn label(self) -> &'static str {
        match self {
            MarketData::Starting => "starting",
            MarketData::Subscribed => "subscribed",
            MarketData::Polling => "polling",
        }
    }
}

/// The last slot a service saw, and when.
#[derive(Clone, Copy)]
struct SlotSeen {
    slot: u64,
    at: Instant,
}

/// A service's health, shared between its run loop (which records) and the HTTP server
/// (which reports), and exported as the gauges `poolbot_last_slot` and
/// `poolbot_market_data{mode}` (1 for the current mode, 0 for the others).
pub struct Health {
    /// Longest time without a new slot that is still healthy.
    staleness: Duration,
    mode: Mutex<MarketData>,
    last: Mutex<Option<SlotSeen>>,
    slot_gauge: IntGauge,
    mode_gauge: IntGaugeVec,
}

impl Health {
    /// Half a minute: about 75 slots, far longer than a healthy round.
    pub const DEFAULT_STALENESS: Duration = Duration::from_secs(30);

    /// A service starting up, healthy once it follows the market and saw a slot less than
    /// `staleness` ago.
    pub fn new(staleness: Duration) -> Health {
        let slot_gauge = IntGauge::new("poolbot_last_slot", "Last slot the service saw")
            .expect("a valid metric name");
        let mode_gauge = IntGaugeVec::new(
            Opts::new(
                "poolbot_market_data",
                "How the service follows the market: 1 for the current mode",
            ),
            &["mode"],
        )
        .expect("a valid metric name");
        let health = Health {
            staleness,
            mode: Mutex::new(MarketData::Starting),
            last: Mutex::new(None),
            slot_gauge,
            mode_gauge,
        };
        health.set_mode(MarketData::Starting);
        health
    }

    /// Adds the gauges to `registry`.
    pub fn register(&self, registry: &Registry) -> prometheus::Result<()> {
        registry.register(Box::new(self.slot_gauge.clone()))?;
        registry.register(Box::new(self.mode_gauge.clone()))
    }

    /// Records how the service now follows the market.
    pub fn set_mode(&self, mode: MarketData) {
        *self.mode.lock().expect("health lock") = mode;
        for m in MarketData::ALL {
            self.mode_gauge
                .with_label_values(&[m.label()])
                .set(i64::from(m == mode));
        }
    }

    /// Records that the service saw `slot` just now.
    pub fn saw_slot(&self, slot: u64) {
        *self.last.lock().expect("health lock") = Some(SlotSeen {
            slot,
            at: Instant::now(),
        });
        self.slot_gauge.set(i64::try_from(slot).unwrap_or(i64::MAX));
    }

    /// `Ok` with a line saying how the service follows the market, or `Err` with the reason
    /// it is unhealthy.
    pub fn check(&self) -> Result<String, String> {
        self.check_at(Instant::now())
    }

    fn check_at(&self, now: Instant) -> Result<String, String> {
        let mode = *self.mode.lock().expect("health lock");
        let last = *self.last.lock().expect("health lock");
        if mode == MarketData::Starting {
            return Err("starting: not following the market yet".into());
        }
        let Some(seen) = last else {
            return Err(format!("{}: no slot seen yet", mode.label()));
        };
        let age = now.saturating_duration_since(seen.at);
        if age > self.staleness {
            return Err(format!(
                "{}: last slot {} seen {:.1} s ago, more than {} s (is the RPC node reachable?)",
                mode.label(),
                seen.slot,
                age.as_secs_f64(),
                self.staleness.as_secs()
            ));
        }
        Ok(format!(
            "ok {}, last slot {} seen {:.1} s ago",
            mode.label(),
            seen.slot,
            age.as_secs_f64()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prometheus::{Encoder, TextEncoder};

    #[test]
    fn healthy_only_while_following_the_market_with_a_recent_slot() {
        let health = Health::new(Duration::from_secs(30));
        assert!(health.check().unwrap_err().starts_with("starting"));
        health.set_mode(MarketData::Polling);
        assert_eq!(health.check().unwrap_err(), "polling: no slot seen yet");
        health.saw_slot(1_234);
        let ok = health.check().unwrap();
        assert!(ok.starts_with("ok polling, last slot 1234"), "{ok}");

        let later = Instant::now() + Duration::from_secs(31);
        let stale = health.check_at(later).unwrap_err();
        assert!(
            stale.contains("last slot 1234") && stale.contains("more than 30 s"),
            "{stale}"
        );
        health.set_mode(MarketData::Subscribed);
        assert!(
            health.check_at(later).is_err(),
            "a subscription does not refresh the slot"
        );
        health.saw_slot(1_300);
        assert!(health.check().unwrap().starts_with("ok subscribed"));
    }

    #[test]
    fn the_gauges_follow_the_mode_and_the_slot() {
        let registry = Registry::new();
        let health = Health::new(Health::DEFAULT_STALENESS);
        health.register(&registry).unwrap();
        health.set_mode(MarketData::Polling);
        health.saw_slot(77);
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&registry.gather(), &mut text)
            .unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("poolbot_last_slot 77\n"), "{text}");
        assert!(
            text.contains("poolbot_market_data{mode=\"polling\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("poolbot_market_data{mode=\"starting\"} 0\n"),
            "{text}"
        );
    }
}
