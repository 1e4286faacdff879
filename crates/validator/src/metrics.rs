//! What the validator agent did and how fast, as Prometheus metrics named
//! `poolbot_validator_*` in a registry of their own, which `poolbot run-validator` serves at
//! `GET /metrics` (`pool_bot_service::http`).
use prometheus::{Histogram, HistogramOpts, IntCounter, IntCounterVec, Opts, Registry};
use std::time::Duration;

/// The agent's metrics.
pub struct Metrics {
    registry: Registry,
    /// Votes that could not be sent (the proposal or mandate is reviewed again next round).
    pub errors: IntCounter,
    votes: IntCounterVec,
    tick_seconds: Histogram,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let registry = Registry::new();
        let errors = IntCounter::new(
            "poolbot_validator_errors_total",
            "Votes that failed to send",
        )
        .expect("a valid metric name");
        let votes = IntCounterVec::new(
            Opts::new(
                "poolbot_validator_votes_total",
                "Votes cast on proposals and mandates, by decision: approve or reject",
            ),
            &["decision"],
        )
        .expect("a valid metric name");
        for decision in ["approve", "reject"] {
            votes.with_label_values(&[decision]);
        }
        let tick_seconds = Histogram::with_opts(
            HistogramOpts::new(
                "poolbot_validator_tick_seconds",
                "Duration of one agent round",
            )
            .buckets(vec![
                0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
            ]),
        )
        .expect("valid buckets");
        for metric in [
            Box::new(errors.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(votes.clone()),
            Box::new(tick_seconds.clone()),
        ] {
            registry
                .register(metric)
                .expect("each name registered once");
        }
        Metrics {
            registry,
            errors,
            votes,
            tick_seconds,
        }
    }
}

impl Metrics {
    /// The registry holding every metric, to serve.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Counts a vote that was sent.
    pub fn vote(&self, approve: bool) {
        self.votes.with_label_values(&[decision(approve)]).inc();
    }

    /// How many votes of this decision were sent.
    pub fn votes(&self, approve: bool) -> u64 {
        self.votes.with_label_values(&[decision(approve)]).get()
    }

    /// Records how long one round took.
    pub fn observe_tick(&self, took: Duration) {
        self.tick_seconds.observe(took.as_secs_f64());
    }
}

fn decision(approve: bool) -> &'static str {
    if approve {
        "approve"
    } else {
        "reject"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prometheus::{Encoder, TextEncoder};

    #[test]
    fn votes_errors_and_rounds_are_exposed() {
        let metrics = Metrics::default();
        metrics.vote(true);
        metrics.vote(true);
        metrics.vote(false);
        metrics.errors.inc();
        metrics.observe_tick(Duration::from_millis(40));
        assert_eq!((metrics.votes(true), metrics.votes(false)), (2, 1));
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&metrics.registry().gather(), &mut text)
            .unwrap();
        let text = String::from_utf8(text).unwrap();
        for line in [
            "poolbot_validator_votes_total{decision=\"approve\"} 2\n",
            "poolbot_validator_votes_total{decision=\"reject\"} 1\n",
            "poolbot_validator_errors_total 1\n",
            "poolbot_validator_tick_seconds_bucket{le=\"0.05\"} 1\n",
        ] {
            assert!(text.contains(line), "{line:?} missing in\n{text}");
        }
    }
}
