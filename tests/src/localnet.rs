//! The local validator (`poolbot-localnet`, built in release by `cargo build --release -p
//! pool-bot-localnet`, as scripts/localnet.sh and the test command do) as the tests start it:
//! a process on free ports, 100 ms slots, killed when dropped.
use pool_bot_client::embedded::default_programs_dir;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The release build of the validator: `$POOLBOT_LOCALNET_BIN`, else
/// `$CARGO_TARGET_DIR/release/poolbot-localnet` (the workspace's `target/` by default).
pub fn validator_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("POOLBOT_LOCALNET_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let bin = target.join("release/poolbot-localnet");
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build --release -p pool-bot-localnet`",
        bin.display()
    );
    bin
}

/// A port nobody holds right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A validator process, killed when dropped.
pub struct Localnet {
    child: Child,
    /// Its JSON-RPC URL.
    pub url: String,
    /// Its websocket URL.
    pub ws_url: String,
}

impl Localnet {
    /// Starts the validator on free ports and waits for its ready line.
    pub fn start() -> Localnet {
        let (rpc, ws) = (free_port(), free_port());
        let mut child = Command::new(validator_bin())
            .args(["--rpc-port", &rpc.to_string(), "--ws-port", &ws.to_string()])
            .args(["--slot-time-ms", "100"])
            .arg("--programs-dir")
            .arg(default_programs_dir())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start poolbot-localnet");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut seen = Vec::new();
        loop {
            match rx.recv_timeout(Duration::from_secs(120)) {
                Ok(line) if line.contains("poolbot-localnet ready") => break,
                Ok(line) => seen.push(line),
                Err(_) => {
                    let _ = child.kill();
                    panic!(
                        "the validator never said it was ready:\n{}",
                        seen.join("\n")
                    );
                }
            }
        }
        Localnet {
            child,
            url: format!("http://127.0.0.1:{rpc}"),
            ws_url: format!("ws://127.0.0.1:{ws}"),
        }
    }
}

impl Drop for Localnet {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
