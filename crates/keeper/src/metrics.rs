//! What the keeper did, as counters, rendered in Prometheus' text format and served over HTTP
//! (`GET /metrics`).
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The keeper's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Profitable opportunities found after a market change.
    pub opportunities: AtomicU64,
    /// Proposals sent.
    pub proposals: AtomicU64,
    /// Proposals seen approved.
    pub approvals: AtomicU64,
    /// Proposals seen rejected.
    pub rejections: AtomicU64,
    /// Proposals that expired or went stale.
    pub expirations: AtomicU64,
    /// Proposals executed.
    pub executions: AtomicU64,
    /// Routes run under a mandate.
    pub mandate_executions: AtomicU64,
    /// Sum of executed gains, in base units.
    pub realised_profit: AtomicU64,
    /// Errors survived (RPC, refused transactions).
    pub errors: AtomicU64,
}

impl Metrics {
    /// Adds `n` to a counter.
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// A counter's value.
    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }

    /// Prometheus text exposition.
    pub fn render(&self) -> String {
        let rows = [
            (
                "opportunities_total",
                "Profitable opportunities found",
                &self.opportunities,
            ),
            ("proposals_total", "Trade proposals sent", &self.proposals),
            (
                "approvals_total",
                "Proposals seen approved",
                &self.approvals,
            ),
            (
                "rejections_total",
                "Proposals seen rejected",
                &self.rejections,
            ),
            (
                "expirations_total",
                "Proposals expired or stale",
                &self.expirations,
            ),
            ("executions_total", "Proposals executed", &self.executions),
            (
                "mandate_executions_total",
                "Routes run under a mandate",
                &self.mandate_executions,
            ),
            (
                "realised_profit_base_units_total",
                "Executed gains in base units",
                &self.realised_profit,
            ),
            ("errors_total", "Errors survived", &self.errors),
        ];
        rows.iter()
            .map(|(name, help, counter)| {
                format!("# HELP poolbot_keeper_{name} {help}\n# TYPE poolbot_keeper_{name} counter\npoolbot_keeper_{name} {}\n", Self::get(counter))
            })
            .collect()
    }
}

/// Serves `metrics` at `GET /metrics` on `addr` from a background thread; returns the bound
/// address (pass port 0 for any free port).
pub fn serve(addr: SocketAddr, metrics: Arc<Metrics>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr)?;
    let bound = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut request_line = String::new();
            let mut stream = stream;
            if BufReader::new(&stream)
                .read_line(&mut request_line)
                .is_err()
            {
                continue;
            }
            let (status, body) = if request_line.starts_with("GET /metrics") {
                ("200 OK", metrics.render())
            } else {
                ("404 Not Found", "try GET /metrics\n".to_string())
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_endpoint_serves_the_counters() {
        let metrics = Arc::new(Metrics::default());
        Metrics::add(&metrics.proposals, 3);
        let addr = serve("127.0.0.1:0".parse().unwrap(), metrics.clone()).unwrap();
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK"));
        assert!(response.contains("poolbot_keeper_proposals_total 3\n"));
        assert!(response.contains("# TYPE poolbot_keeper_errors_total counter"));
    }
}
