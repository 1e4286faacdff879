//! `GET /metrics` (Prometheus' text format) and `GET /healthz` (200 when healthy, 503 with
//! the reason when not), served by `tiny_http` from a background thread: the services are
//! synchronous, and a scrape must not wait for a round to end.
use crate::health::Health;
use prometheus::{Encoder, Registry, TextEncoder};
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use tiny_http::{Header, Method, Response, Server};

/// Serves `registry` at `/metrics` and `health` at `/healthz` on `addr` (port 0: any free
/// port) until the process exits; returns the bound address.
pub fn serve(addr: SocketAddr, registry: Registry, health: Arc<Health>) -> io::Result<SocketAddr> {
    let server = Server::http(addr).map_err(io::Error::other)?;
    let bound = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| io::Error::other("the server is not listening on an IP address"))?;
    std::thread::Builder::new()
        .name("metrics-http".into())
        .spawn(move || {
            for request in server.incoming_requests() {
                let reply = answer(request.method(), request.url(), &registry, &health);
                // a client that hung up needs no answer
                let _ = request.respond(reply.into_response());
            }
        })?;
    Ok(bound)
}

/// What a request gets.
struct Reply {
    status: u16,
    content_type: String,
    body: String,
}

impl Reply {
    fn text(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8".into(),
            body,
        }
    }

    fn into_response(self) -> Response<io::Cursor<Vec<u8>>> {
        let content_type =
            Header::from_bytes("Content-Type", self.content_type).expect("an ASCII header");
        Response::from_string(self.body)
            .with_status_code(self.status)
            .with_header(content_type)
    }
}

fn answer(method: &Method, url: &str, registry: &Registry, health: &Health) -> Reply {
    let path = url.split('?').next().unwrap_or(url);
    if !matches!(method, Method::Get | Method::Head) {
        return Reply::text(405, format!("{method} is not served: use GET {path}\n"));
    }
    match path {
        "/metrics" => {
            let encoder = TextEncoder::new();
            let mut body = Vec::new();
            match encoder.encode(&registry.gather(), &mut body) {
                Ok(()) => Reply {
                    status: 200,
                    content_type: encoder.format_type().into(),
                    body: String::from_utf8_lossy(&body).into_owned(),
                },
                Err(e) => Reply::text(500, format!("cannot encode the metrics: {e}\n")),
            }
        }
        "/healthz" => match health.check() {
            Ok(line) => Reply::text(200, format!("{line}\n")),
            Err(reason) => Reply::text(503, format!("unhealthy: {reason}\n")),
        },
        other => Reply::text(
            404,
            format!("nothing at {other}: try GET /metrics or GET /healthz\n"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::health::MarketData;
    use prometheus::IntCounter;
    use std::time::Duration;

    /// Status, content type and body of `GET http://{addr}{path}`.
    fn get(addr: SocketAddr, path: &str) -> (u16, String, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .get(&format!("http://{addr}{path}"))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), content_type, body)
    }

    fn server() -> (SocketAddr, IntCounter, Arc<Health>) {
        let registry = Registry::new();
        let rounds = IntCounter::new("poolbot_test_rounds_total", "Rounds run").unwrap();
        registry.register(Box::new(rounds.clone())).unwrap();
        let health = Arc::new(Health::new(Duration::from_secs(30)));
        health.register(&registry).unwrap();
        let addr = serve("127.0.0.1:0".parse().unwrap(), registry, health.clone()).unwrap();
        (addr, rounds, health)
    }

    #[test]
    fn metrics_are_served_as_prometheus_text() {
        let (addr, rounds, _) = server();
        assert_ne!(addr.port(), 0, "the bound port is returned");
        rounds.inc_by(3);
        let (status, content_type, body) = get(addr, "/metrics");
        assert_eq!(status, 200);
        assert!(
            content_type.starts_with("text/plain; version=0.0.4"),
            "{content_type}"
        );
        assert!(
            body.contains("# TYPE poolbot_test_rounds_total counter\n"),
            "{body}"
        );
        assert!(body.contains("poolbot_test_rounds_total 3\n"), "{body}");
        rounds.inc();
        assert!(get(addr, "/metrics?x=1")
            .2
            .contains("poolbot_test_rounds_total 4\n"));
    }

    #[test]
    fn healthz_says_why_it_is_unhealthy() {
        let (addr, _, health) = server();
        let (status, _, body) = get(addr, "/healthz");
        assert_eq!(
            (status, body.as_str()),
            (503, "unhealthy: starting: not following the market yet\n")
        );
        health.set_mode(MarketData::Polling);
        health.saw_slot(42);
        let (status, _, body) = get(addr, "/healthz");
        assert_eq!(status, 200);
        assert!(body.starts_with("ok polling, last slot 42"), "{body}");
    }

    #[test]
    fn other_paths_get_a_hint() {
        let (addr, _, _) = server();
        let (status, _, body) = get(addr, "/");
        assert_eq!(status, 404);
        assert!(body.contains("GET /metrics or GET /healthz"), "{body}");
    }

    #[test]
    fn a_taken_address_is_an_error() {
        let (addr, _, _) = server();
        let health = Arc::new(Health::new(Duration::from_secs(30)));
        assert!(serve(addr, Registry::new(), health).is_err());
    }
}
