//! `poolbot run-keeper` as an operator runs it: the built binary, a config file, a local
//! validator process (`poolbot-localnet`, the release build scripts/localnet.sh runs),
//! `/healthz` and `/metrics` over HTTP, JSON logs, and SIGTERM stopping it after the round
//! in flight with exit status 0 and its summary. A bad config file is refused with a sentence.
use pool_bot_client::embedded::default_programs_dir;
use pool_bot_client::rpc::Rpc;
use pool_bot_seed::{Keys, SeedPool};
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// `poolbot` run with `args` in a clean `home` (no Solana CLI config, no `RUST_LOG`).
fn poolbot(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_poolbot"));
    command.args(args).env("HOME", home).env_remove("RUST_LOG");
    command
}

/// The lines `child`'s pipe prints, as they come.
fn lines(pipe: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    rx
}

/// The release build of the local validator: `$POOLBOT_LOCALNET_BIN`, else
/// `$CARGO_TARGET_DIR/release/poolbot-localnet` (the workspace's `target/` by default).
fn localnet_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("POOLBOT_LOCALNET_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let bin = target.join("release/poolbot-localnet");
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build --release -p pool-bot-localnet`",
        bin.display()
    );
    bin
}

/// A port nobody holds right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A process killed when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the local validator on free ports; it, its RPC URL and its websocket URL once it
/// says it is ready.
fn start_localnet() -> (Killed, String, String) {
    let (rpc, ws) = (free_port(), free_port());
    let mut child = Command::new(localnet_bin())
        .args(["--rpc-port", &rpc.to_string(), "--ws-port", &ws.to_string()])
        .args(["--slot-time-ms", "100"])
        .arg("--programs-dir")
        .arg(default_programs_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start poolbot-localnet");
    let stdout = lines(child.stdout.take().expect("stdout"));
    let node = Killed(child);
    loop {
        match stdout.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if line.contains("poolbot-localnet ready") => break,
            Ok(_) => {}
            Err(_) => panic!("the local validator never said it was ready"),
        }
    }
    (
        node,
        format!("http://127.0.0.1:{rpc}"),
        format!("ws://127.0.0.1:{ws}"),
    )
}

/// `GET http://{addr}{path}`: status and body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(&format!("http://{addr}{path}"))
        .call()
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let body = response.body_mut().read_to_string().expect("a text body");
    (response.status().as_u16(), body)
}

/// Waits up to `limit` for `child` to exit.
fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(started.elapsed() < limit, "still running after {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bad_config_file_is_refused_with_a_sentence() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("keeper.toml");
    std::fs::write(&file, "interval_secs = 2\npool = \"nope\"\n").unwrap();
    let file = file.to_str().unwrap();
    let out = poolbot(home.path(), &["run-keeper", "--config", file])
        .output()
        .expect("run poolbot");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "error: The config file {file} is not valid at line 2 (pool): 'nope' is not a valid \
             public key: expected 32 to 44 base58 characters. Write the pool's address in \
             quotes, e.g. pool = \"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\"."
        )
    );

    // a Solana CLI config given to a service is recognised
    std::fs::write(
        home.path().join("keeper.toml"),
        "json_rpc_url: \"http://x\"\n",
    )
    .unwrap();
    let out = poolbot(home.path(), &["run-keeper", "--config", file, "--json"])
        .output()
        .expect("run poolbot");
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["kind"], "input", "{error}");
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains("This looks like a Solana CLI config (YAML)"),
        "{error}"
    );

    let out = poolbot(home.path(), &["run-keeper", "--log-format", "xml"])
        .output()
        .expect("run poolbot");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("'xml' is not a log format: write text or json"),
        "{stderr}"
    );
}

#[test]
fn sigterm_stops_the_keeper_after_the_round_in_flight() {
    let (_node, url, ws_url) = start_localnet();
    let mut rpc = Rpc::new(&url);
    let seed = SeedPool::build(&mut rpc, Keys::fixed(12)).expect("seed pool over JSON-RPC");
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("keeper.json"),
        format!("{:?}", seed.keeper.to_bytes()),
    )
    .unwrap();
    let config = home.path().join("keeper.toml");
    std::fs::write(
        &config,
        format!(
            "keypair = \"keeper.json\"\npool = \"{}\"\ninterval_secs = 1\n\
             metrics = \"127.0.0.1:0\"\n\n[rpc]\nurl = \"{url}\"\nws_url = \"{ws_url}\"\n",
            seed.pool.pool
        ),
    )
    .unwrap();
    let mut keeper = poolbot(
        home.path(),
        &[
            "run-keeper",
            "--config",
            config.to_str().unwrap(),
            "--log-format",
            "json",
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("start poolbot run-keeper");
    let stdout = lines(keeper.stdout.take().expect("stdout"));
    let stderr = lines(keeper.stderr.take().expect("stderr"));
    let mut keeper = Killed(keeper);

    let serving = stdout
        .recv_timeout(Duration::from_secs(60))
        .expect("the keeper says where it serves its metrics");
    let addr = serving
        .strip_prefix("metrics at http://")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("{serving}"))
        .to_string();
    let started = Instant::now();
    // healthy once subscribed to the markets over the websocket
    let health = loop {
        let (status, body) = get(&addr, "/healthz");
        if status == 200 && body.starts_with("ok subscribed") {
            break body;
        }
        // starting (503), or polling until the first round started the subscription
        assert!(
            status == 503 || body.starts_with("ok polling"),
            "{status} {body}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never subscribed: {body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(health.starts_with("ok subscribed, last slot "), "{health}");
    let (status, metrics) = get(&addr, "/metrics");
    assert_eq!(status, 200);
    assert!(
        metrics.contains("poolbot_keeper_tick_seconds_count "),
        "{metrics}"
    );
    assert!(
        metrics.contains("poolbot_market_data{mode=\"subscribed\"} 1"),
        "{metrics}"
    );

    let pid = keeper.0.id().to_string();
    let signalled = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(signalled.success());
    let status = wait(&mut keeper.0, Duration::from_secs(30));
    assert_eq!(status.code(), Some(0), "exits cleanly");

    // the pipes close with the process: read them to their end
    let summary: Vec<String> = stdout.iter().collect();
    assert!(
        summary
            .iter()
            .any(|l| l.starts_with("poolbot_keeper_proposals_total ")),
        "the summary is printed: {summary:?}"
    );
    let logs: Vec<serde_json::Value> = stderr
        .iter()
        .map(|l| serde_json::from_str(&l).unwrap_or_else(|e| panic!("{e}: not JSON: {l}")))
        .collect();
    assert!(
        logs.iter()
            .any(|l| l["fields"]["message"] == "stopped by a signal after the round in flight"),
        "{logs:?}"
    );
}
