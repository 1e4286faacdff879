//! What the keeper did and how fast, as Prometheus metrics named `poolbot_keeper_*` in a
//! registry of their own, which `poolbot run-keeper` serves at `GET /metrics`
//! (`pool_bot_service::http`) and prints when it stops.
use prometheus::{
    exponential_buckets, Encoder, Histogram, HistogramOpts, IntCounter, IntCounterVec, Opts,
    Registry, TextEncoder,
};
use std::time::Duration;

/// A failure the keeper survives, counted by kind in `poolbot_keeper_faults_total{kind}` to
/// tell a flaky node from an expensive market.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The RPC node failed or refused a request.
    Rpc,
    /// A sent transaction was not confirmed in time.
    Timeout,
    /// The transaction's blockhash expired, or none could be fetched.
    Blockhash,
    /// The websocket subscription dropped or could not be made.
    Websocket,
    /// An address lookup table could not be created, extended or read.
    LookupTable,
    /// A transaction was not sent: the fee it needed is above the fee policy's ceiling.
    FeeCeiling,
}

impl Fault {
    const ALL: [Fault; 6] = [
        Fault::Rpc,
        Fault::Timeout,
        Fault::Blockhash,
        Fault::Websocket,
        Fault::LookupTable,
        Fault::FeeCeiling,
    ];

    /// The value of the `kind` label.
    pub fn label(self) -> &'static str {
        match self {
            Fault::Rpc => "rpc",
            Fault::Timeout => "timeout",
            Fault::Blockhash => "blockhash",
            Fault::Websocket => "websocket",
            Fault::LookupTable => "lookup_table",
            Fault::FeeCeiling => "fee_ceiling",
        }
    }
}

/// The keeper's metrics. The counters are read and added to with [`Metrics::get`] and
/// [`Metrics::add`]; latencies, fees and faults through their `observe_*` / `fault` methods.
pub struct Metrics {
    registry: Registry,
    /// Profitable opportunities found after a market change.
    pub opportunities: IntCounter,
    /// Proposals sent.
    pub proposals: IntCounter,
    /// Proposals seen approved.
    pub approvals: IntCounter,
    /// Proposals seen rejected.
    pub rejections: IntCounter,
    /// Proposals that expired or went stale.
    pub expirations: IntCounter,
    /// Proposals executed.
    pub executions: IntCounter,
    /// Routes run under a mandate.
    pub mandate_executions: IntCounter,
    /// Sum of executed gains, in base units.
    pub realised_profit: IntCounter,
    /// Errors survived (RPC, refused transactions).
    pub errors: IntCounter,
    /// Transactions whose price the fee policy's ceiling held below what the market asked:
    /// many mean the ceiling is too low to land on a busy cluster.
    pub priced_below_market: IntCounter,
    /// Lamports paid in fees (signatures and priority), the running cost of the keeper.
    pub fees_lamports: IntCounter,
    tick_seconds: Histogram,
    send_seconds: Histogram,
    reaction_seconds: Histogram,
    fee_lamports: Histogram,
    faults: IntCounterVec,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let registry = Registry::new();
        let counter = |name: &str, help: &str| {
            let counter = IntCounter::new(format!("poolbot_keeper_{name}"), help)
                .expect("a valid metric name");
            registry
                .register(Box::new(counter.clone()))
                .expect("each name registered once");
            counter
        };
        let histogram = |name: &str, help: &str, buckets: Vec<f64>| {
            let opts = HistogramOpts::new(format!("poolbot_keeper_{name}"), help).buckets(buckets);
            let histogram = Histogram::with_opts(opts).expect("valid buckets");
            registry
                .register(Box::new(histogram.clone()))
                .expect("each name registered once");
            histogram
        };
        let faults = IntCounterVec::new(
            Opts::new(
                "poolbot_keeper_faults_total",
                "Failures survived, by kind: rpc, timeout, blockhash, websocket, lookup_table, fee_ceiling",
            ),
            &["kind"],
        )
        .expect("a valid metric name");
        registry
            .register(Box::new(faults.clone()))
            .expect("each name registered once");
        // every kind shows from the start, at 0, so a rate over it is defined
        for kind in Fault::ALL {
            faults.with_label_values(&[kind.label()]);
        }
        Metrics {
            opportunities: counter("opportunities_total", "Profitable opportunities found"),
            proposals: counter("proposals_total", "Trade proposals sent"),
            approvals: counter("approvals_total", "Proposals seen approved"),
            rejections: counter("rejections_total", "Proposals seen rejected"),
            expirations: counter("expirations_total", "Proposals expired or stale"),
            executions: counter("executions_total", "Proposals executed"),
            mandate_executions: counter("mandate_executions_total", "Routes run under a mandate"),
            realised_profit: counter(
                "realised_profit_base_units_total",
                "Executed gains in base units",
            ),
            errors: counter("errors_total", "Errors survived"),
            priced_below_market: counter(
                "priced_below_market_total",
                "Transactions priced at the fee ceiling, below what the market asked",
            ),
            fees_lamports: counter("fees_lamports_total", "Lamports paid in transaction fees"),
            tick_seconds: histogram(
                "tick_seconds",
                "Duration of one keeper round",
                vec![
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
                ],
            ),
            send_seconds: histogram(
                "send_seconds",
                "Time from sending a transaction to its confirmation",
                vec![0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0],
            ),
            reaction_seconds: histogram(
                "reaction_seconds",
                "Time from seeing a market change to sending the transaction it calls for",
                vec![0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
            ),
            fee_lamports: histogram(
                "fee_lamports",
                "Fee paid per transaction, in lamports",
                exponential_buckets(5_000.0, 2.0, 12).expect("valid buckets"),
            ),
            faults,
            registry,
        }
    }
}

impl Metrics {
    /// Adds `n` to a counter.
    pub fn add(counter: &IntCounter, n: u64) {
        counter.inc_by(n);
    }

    /// A counter's value.
    pub fn get(counter: &IntCounter) -> u64 {
        counter.get()
    }

    /// The registry holding every metric, to serve (more can be registered beside them,
    /// e.g. the service's health gauges).
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Records how long one `tick` took: a round that slows down is the first sign of a
    /// struggling RPC node.
    pub fn observe_tick(&self, took: Duration) {
        self.tick_seconds.observe(took.as_secs_f64());
    }

    /// Records how long a transaction took from its send to its confirmation: the time the
    /// market had to move against it.
    pub fn observe_send(&self, took: Duration) {
        self.send_seconds.observe(took.as_secs_f64());
    }

    /// Records how long the keeper took from seeing a market change (a subscription's
    /// notification, or the round that read it) to sending the transaction it calls for: the
    /// race against other arbitrageurs.
    pub fn observe_reaction(&self, took: Duration) {
        self.reaction_seconds.observe(took.as_secs_f64());
    }

    /// Records the fee a landed transaction paid, in lamports (`ComputeBudget::fee`), in the
    /// running total and the per-transaction histogram.
    pub fn observe_fee(&self, lamports: u64) {
        self.fees_lamports.inc_by(lamports);
        self.fee_lamports.observe(lamports as f64);
    }

    /// Counts a failure the keeper survived.
    pub fn fault(&self, kind: Fault) {
        self.faults.with_label_values(&[kind.label()]).inc();
    }

    /// How many failures of `kind` the keeper survived.
    pub fn faults(&self, kind: Fault) -> u64 {
        self.faults.with_label_values(&[kind.label()]).get()
    }

    /// Every metric of the registry in Prometheus' text format.
    pub fn render(&self) -> String {
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut text)
            .expect("in-memory text encoding");
        String::from_utf8(text).expect("the text format is UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_keep_their_names_and_call_shape() {
        let metrics = Metrics::default();
        Metrics::add(&metrics.proposals, 3);
        Metrics::add(&metrics.realised_profit, 1_500);
        assert_eq!(Metrics::get(&metrics.proposals), 3);
        let text = metrics.render();
        assert!(
            text.contains("poolbot_keeper_proposals_total 3\n"),
            "{text}"
        );
        assert!(text.contains("poolbot_keeper_realised_profit_base_units_total 1500\n"));
        assert!(text.contains("# TYPE poolbot_keeper_errors_total counter\n"));
    }

    #[test]
    fn latencies_land_in_their_buckets() {
        let metrics = Metrics::default();
        metrics.observe_tick(Duration::from_millis(30));
        metrics.observe_send(Duration::from_millis(1_500));
        metrics.observe_reaction(Duration::from_millis(80));
        metrics.observe_reaction(Duration::from_millis(400));
        let text = metrics.render();
        for line in [
            "# TYPE poolbot_keeper_tick_seconds histogram\n",
            "poolbot_keeper_tick_seconds_bucket{le=\"0.025\"} 0\n",
            "poolbot_keeper_tick_seconds_bucket{le=\"0.05\"} 1\n",
            "poolbot_keeper_send_seconds_bucket{le=\"1\"} 0\n",
            "poolbot_keeper_send_seconds_bucket{le=\"2\"} 1\n",
            "poolbot_keeper_send_seconds_sum 1.5\n",
            "poolbot_keeper_reaction_seconds_bucket{le=\"0.1\"} 1\n",
            "poolbot_keeper_reaction_seconds_count 2\n",
        ] {
            assert!(text.contains(line), "{line:?} missing in\n{text}");
        }
    }

    #[test]
    fn fees_and_faults_are_counted() {
        let metrics = Metrics::default();
        metrics.observe_fee(5_300);
        metrics.observe_fee(12_000);
        Metrics::add(&metrics.priced_below_market, 1);
        metrics.fault(Fault::Blockhash);
        metrics.fault(Fault::Blockhash);
        metrics.fault(Fault::Rpc);
        assert_eq!(metrics.faults(Fault::Blockhash), 2);
        assert_eq!(metrics.faults(Fault::FeeCeiling), 0);
        let text = metrics.render();
        for line in [
            "poolbot_keeper_fees_lamports_total 17300\n",
            "poolbot_keeper_fee_lamports_bucket{le=\"10000\"} 1\n",
            "poolbot_keeper_fee_lamports_count 2\n",
            "poolbot_keeper_priced_below_market_total 1\n",
            "poolbot_keeper_faults_total{kind=\"blockhash\"} 2\n",
            "poolbot_keeper_faults_total{kind=\"rpc\"} 1\n",
            "poolbot_keeper_faults_total{kind=\"lookup_table\"} 0\n",
            "poolbot_keeper_faults_total{kind=\"fee_ceiling\"} 0\n",
        ] {
            assert!(text.contains(line), "{line:?} missing in\n{text}");
        }
    }
}
