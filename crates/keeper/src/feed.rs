//! Market data by subscription: the RPC node's websocket tells the keeper when a watched
//! account (a DEX pool or one of its vaults) changes, so it re-scores at once instead of at the
//! next poll. The socket lives on its own thread (a small tokio runtime); the keeper's loop
//! waits on `MarketFeed::wait`, which also returns when the polling interval passes, so a dead
//! socket degrades to polling. A dropped socket is reconnected with backoff, and every
//! (re)connection is reported as `Wake::Resubscribed`: the keeper then re-reads everything, so
//! an update missed while the socket was down still gets noticed.
use futures_util::stream::{select_all, StreamExt};
use pool_bot_client::Pubkey;
use solana_commitment_config::CommitmentConfig;
use solana_pubsub_client::nonblocking::pubsub_client::PubsubClient;
use solana_rpc_client_types::config::RpcAccountInfoConfig;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longest pause between two reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// How often the socket's thread looks at the stop flag and at the watched set.
const HOUSEKEEPING: Duration = Duration::from_millis(200);

/// Longest silence of a subscribed socket (slots arrive every 400 ms) before it is taken for
/// half-open and replaced.
const SILENCE: Duration = Duration::from_secs(10);

/// What the socket's thread reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedEvent {
    /// Subscribed to every watched account (first time or after a drop).
    Subscribed,
    /// A watched account changed in `slot`; the notice arrived `at`.
    Changed {
        /// The account.
        account: Pubkey,
        /// The slot of the change.
        slot: u64,
        /// When the notice arrived.
        at: Instant,
    },
    /// The node's latest slot.
    Slot(u64),
    /// The socket failed or closed; reconnecting.
    Dropped(String),
}

/// Why the keeper's loop woke up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wake {
    /// A watched account changed: re-score now.
    Changed {
        /// When the first notice of this wake arrived.
        at: Instant,
    },
    /// The socket (re)connected: re-read everything, an update may have been missed.
    Resubscribed,
    /// The polling interval passed without news.
    Interval,
    /// The keeper was asked to stop.
    Stopped,
}

/// Where the feed stands, for health checks and logs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedState {
    /// Whether the socket is subscribed now (else the keeper is polling).
    pub subscribed: bool,
    /// The latest slot the node reported.
    pub slot: Option<u64>,
    /// Drops since the start.
    pub drops: u64,
}

/// The websocket subscription to the accounts the keeper watches.
pub struct MarketFeed {
    events: Receiver<FeedEvent>,
    watched: Arc<Mutex<Vec<Pubkey>>>,
    stop: Arc<AtomicBool>,
    state: FeedState,
}

impl MarketFeed {
    /// Connects to `ws_url` on a background thread and subscribes to `watched` (more can be
    /// added with `watch`).
    pub fn start(ws_url: &str, watched: Vec<Pubkey>) -> MarketFeed {
        let (tx, events) = mpsc::channel();
        let watched = Arc::new(Mutex::new(watched));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = Socket {
            url: ws_url.to_string(),
            watched: watched.clone(),
            stop: stop.clone(),
            events: tx,
        };
        std::thread::Builder::new()
            .name("market-feed".into())
            .spawn(move || thread.run())
            .expect("a thread for the market feed");
        MarketFeed {
            events,
            watched,
            stop,
            state: FeedState::default(),
        }
    }

    /// Adds accounts to watch (the socket resubscribes, which wakes the keeper to re-read).
    pub fn watch(&self, accounts: &[Pubkey]) {
        let mut watched = self.watched.lock().expect("the feed's lock");
        for key in accounts {
            if !watched.contains(key) {
                watched.push(*key);
            }
        }
    }

    /// Where the feed stands.
    pub fn state(&self) -> FeedState {
        self.state
    }

    /// Waits until a watched account changes, the socket (re)connects, `interval` passes, or
    /// `stopping` turns true (checked every 100 ms). Notices already queued are drained into
    /// one wake.
    pub fn wait(&mut self, interval: Duration, stopping: &AtomicBool) -> Wake {
        let deadline = Instant::now() + interval;
        loop {
            if stopping.load(Ordering::Relaxed) {
                return Wake::Stopped;
            }
            let now = Instant::now();
            if now >= deadline {
                return Wake::Interval;
            }
            let slice = (deadline - now).min(Duration::from_millis(100));
            match self.events.recv_timeout(slice) {
                Ok(event) => {
                    if let Some(wake) = self.absorb(event) {
                        // take what else is queued: one re-score covers them
                        let mut wake = wake;
                        while let Ok(next) = self.events.try_recv() {
                            match (self.absorb(next), &wake) {
                                (Some(Wake::Resubscribed), _) => wake = Wake::Resubscribed,
                                (Some(Wake::Changed { .. }), Wake::Changed { .. }) | (None, _) => {}
                                (Some(changed), _) => wake = changed,
                            }
                        }
                        return wake;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    self.state.subscribed = false;
                    std::thread::sleep(slice);
                }
            }
        }
    }

    /// Books an event; the wake it calls for, if any.
    fn absorb(&mut self, event: FeedEvent) -> Option<Wake> {
        match event {
            FeedEvent::Subscribed => {
                self.state.subscribed = true;
                Some(Wake::Resubscribed)
            }
            FeedEvent::Changed { slot, at, .. } => {
                self.state.slot = Some(self.state.slot.map_or(slot, |s| s.max(slot)));
                Some(Wake::Changed { at })
            }
            FeedEvent::Slot(slot) => {
                self.state.slot = Some(self.state.slot.map_or(slot, |s| s.max(slot)));
                None
            }
            FeedEvent::Dropped(reason) => {
                if self.state.subscribed {
                    tracing::warn!(%reason, "the market feed dropped; polling until it reconnects");
                }
                self.state.subscribed = false;
                self.state.drops += 1;
                None
            }
        }
    }
}

impl Drop for MarketFeed {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The socket's side: connect, subscribe, forward, reconnect.
struct Socket {
    url: String,
    watched: Arc<Mutex<Vec<Pubkey>>>,
    stop: Arc<AtomicBool>,
    events: Sender<FeedEvent>,
}

impl Socket {
    fn run(self) {
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => {
                let _ = self.events.send(FeedEvent::Dropped(e.to_string()));
                return;
            }
        };
        let first = Duration::from_millis(100);
        let mut backoff = first;
        while !self.stop.load(Ordering::Relaxed) {
            match runtime.block_on(self.session()) {
                // new accounts to watch: resubscribe at once
                Ok(()) => backoff = first,
                Err(reason) => {
                    if self.events.send(FeedEvent::Dropped(reason)).is_err() {
                        return;
                    }
                    std::thread::sleep(backoff);
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }

    /// One connection: subscribes to every watched account and the slot and forwards what
    /// comes; ends when the watched set changes (`Ok`: resubscribe), or with why it dropped.
    async fn session(&self) -> Result<(), String> {
        let client = PubsubClient::new(self.url.as_str())
            .await
            .map_err(|e| format!("cannot connect to {}: {e}", host_of(&self.url)))?;
        let watched = self.watched.lock().expect("the feed's lock").clone();
        let config = RpcAccountInfoConfig {
            commitment: Some(CommitmentConfig::confirmed()),
            encoding: Some(solana_account_decoder_client_types::UiAccountEncoding::Base64),
            ..RpcAccountInfoConfig::default()
        };
        let mut streams = Vec::new();
        for key in &watched {
            let (stream, _unsubscribe) = client
                .account_subscribe(key, Some(config.clone()))
                .await
                .map_err(|e| format!("cannot subscribe to {key}: {e}"))?;
            let key = *key;
            streams.push(
                stream
                    .map(move |r| FeedEvent::Changed {
                        account: key,
                        slot: r.context.slot,
                        at: Instant::now(),
                    })
                    .boxed(),
            );
        }
        let (slots, _unsubscribe) = client
            .slot_subscribe()
            .await
            .map_err(|e| format!("cannot subscribe to slots: {e}"))?;
        streams.push(slots.map(|s| FeedEvent::Slot(s.slot)).boxed());
        let stopped = || "the keeper stopped".to_string();
        self.events
            .send(FeedEvent::Subscribed)
            .map_err(|_| stopped())?;
        let mut merged = select_all(streams);
        let mut heard = Instant::now();
        loop {
            tokio::select! {
                next = merged.next() => match next {
                    Some(event) => {
                        heard = Instant::now();
                        self.events.send(event).map_err(|_| stopped())?
                    }
                    None => return Err("the websocket closed".into()),
                },
                _ = tokio::time::sleep(HOUSEKEEPING) => {
                    if self.stop.load(Ordering::Relaxed) {
                        return Err(stopped());
                    }
                    if *self.watched.lock().expect("the feed's lock") != watched {
                        return Ok(());
                    }
                    if heard.elapsed() > SILENCE {
                        return Err(format!("no notification, not even a slot, for {} s", SILENCE.as_secs()));
                    }
                }
            }
        }
    }
}

/// `scheme://host[:port]` of `url`: what a log may say of it (a provider's URL often carries
/// an API key in its path or query).
fn host_of(url: &str) -> &str {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url[start..]
        .find(['/', '?'])
        .map_or(url.len(), |i| start + i);
    &url[..end]
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn logs_name_the_host_not_the_key() {
        assert_eq!(
            host_of("wss://rpc.example.com/v2/SECRET"),
            "wss://rpc.example.com"
        );
        assert_eq!(
            host_of("ws://127.0.0.1:8900?api-key=SECRET"),
            "ws://127.0.0.1:8900"
        );
        assert_eq!(host_of("ws://127.0.0.1:8900"), "ws://127.0.0.1:8900");
    }
}
