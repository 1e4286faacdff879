//! Stopping cleanly: SIGTERM (what an orchestrator sends) or SIGINT (Ctrl-C) sets a flag the
//! run loop reads between rounds, so the transaction in flight lands or fails before the
//! process exits. A second signal stops the process at once (exit status 1).
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::flag;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often a waiting run loop looks at the flag.
const SLICE: Duration = Duration::from_millis(50);

/// Whether the service was asked to stop.
#[derive(Clone, Debug, Default)]
pub struct Shutdown {
    requested: Arc<AtomicBool>,
}

impl Shutdown {
    /// A flag set by SIGTERM and SIGINT.
    pub fn on_signals() -> io::Result<Shutdown> {
        let shutdown = Shutdown::default();
        for signal in [SIGTERM, SIGINT] {
            // registered first, so it sees the flag as the previous signal left it
            flag::register_conditional_shutdown(signal, 1, shutdown.requested.clone())?;
            flag::register(signal, shutdown.requested.clone())?;
        }
        Ok(shutdown)
    }

    /// The flag itself, for waits that check it on their own.
    pub fn flag(&self) -> &AtomicBool {
        &self.requested
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }

    /// Waits `pause` between rounds, in short slices, returning early once a stop is asked
    /// for; says whether one was.
    pub fn sleep(&self, pause: Duration) -> bool {
        let until = Instant::now() + pause;
        while !self.requested() {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            std::thread::sleep(left.min(SLICE));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_ends_the_pause_within_a_slice() {
        let shutdown = Shutdown::default();
        let started = Instant::now();
        assert!(!shutdown.sleep(Duration::from_millis(120)), "no stop asked");
        assert!(started.elapsed() >= Duration::from_millis(120));

        let asker = shutdown.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            asker.requested.store(true, Ordering::SeqCst);
        });
        let started = Instant::now();
        assert!(shutdown.sleep(Duration::from_secs(60)));
        let waited = started.elapsed();
        assert!(waited < Duration::from_secs(2), "stopped after {waited:?}");
        assert!(shutdown.requested());
    }

    #[test]
    fn sigterm_sets_the_flag() {
        let shutdown = Shutdown::on_signals().unwrap();
        assert!(!shutdown.requested());
        signal_hook::low_level::raise(SIGTERM).unwrap();
        assert!(shutdown.requested());
    }
}
