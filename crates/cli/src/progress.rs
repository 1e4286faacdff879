//! The progress bar of long commands, and a log writer that keeps log lines off it: while a
//! bar is shown, each line is written with the bar cleared and redrawn after it.
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::sync::Mutex;
use tracing_subscriber::fmt::MakeWriter;

static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// A bar of `len` steps on stderr, labelled `what`, that log lines go around until
/// [`finish`].
pub fn start(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{prefix} [{bar:40}] {percent:>3}% {msg} (elapsed {elapsed})")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_prefix(what.to_string());
    *BAR.lock().expect("bar lock") = Some(bar.clone());
    bar
}

/// Removes the bar (the report follows on stdout).
pub fn finish() {
    if let Some(bar) = BAR.lock().expect("bar lock").take() {
        bar.finish_and_clear();
    }
}

/// Writes log lines to stderr around the bar, if one is shown.
pub struct LogWriter;

/// One log line being written.
pub struct LogLine;

impl Write for LogLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let bar = BAR.lock().expect("bar lock").clone();
        match bar {
            Some(bar) => bar.suspend(|| std::io::stderr().write(buf)),
            None => std::io::stderr().write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

impl<'a> MakeWriter<'a> for LogWriter {
    type Writer = LogLine;

    fn make_writer(&'a self) -> LogLine {
        LogLine
    }
}
