//! `poolbot simulate`: the seed's pool on an embedded chain under a random market for N days,
//! with the real keeper and validator agents; prints the seed's "Expected Performance" rows,
//! measured (`--json` for all figures, `--csv` for every trade).
use crate::error::CliError;
use crate::session::Session;
use clap::Args;
use pool_bot_client::embedded::default_programs_dir;
use pool_bot_sim::{simulate, SimConfig};
use std::io::Write;
use std::path::PathBuf;

/// Flags of `simulate`.
#[derive(Clone, Debug, Args)]
pub struct SimulateArgs {
    /// Simulated days.
    #[arg(long, default_value_t = 30)]
    pub days: u32,
    /// Random seed: the same seed gives the same run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Market steps (random price shocks) per simulated day.
    #[arg(long, default_value_t = 24)]
    pub steps_per_day: u32,
    /// Also write every trade to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Where the built programs are. Default: POOLBOT_PROGRAMS_DIR, else target/deploy.
    #[arg(long, value_name = "DIR")]
    pub programs: Option<PathBuf>,
    /// Hide the progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Runs the simulation (on its own embedded chain; `--url` does not apply).
pub fn run(s: &mut Session, args: &SimulateArgs) -> Result<(), CliError> {
    if args.days == 0 || args.steps_per_day == 0 {
        return Err(CliError::Input(
            "--days and --steps-per-day must be at least 1.".into(),
        ));
    }
    let config = SimConfig {
        days: args.days,
        seed: args.seed,
        steps_per_day: args.steps_per_day,
        programs_dir: args.programs.clone().unwrap_or_else(default_programs_dir),
    };
    let show = !args.quiet && !s.global().json;
    let report = simulate(&config, |done, total| {
        if show && (done % 24 == 0 || done == total) {
            let width = 30;
            let filled = (done * width / total.max(1)) as usize;
            let mut err = std::io::stderr();
            let _ = write!(
                err,
                "\r[{}{}] {done}/{total} hours",
                "#".repeat(filled),
                " ".repeat(width as usize - filled)
            );
            if done == total {
                let _ = writeln!(err);
            }
        }
    })
    .map_err(|e| {
        CliError::State(format!(
            "The simulation stopped: {e}. Build the programs first with scripts/build-sbf.sh."
        ))
    })?;
    if let Some(path) = &args.csv {
        std::fs::write(path, report.csv()).map_err(|e| {
            CliError::Input(format!(
                "Cannot write {}: {e}. Pass a writable --csv path.",
                path.display()
            ))
        })?;
    }
    let json = serde_json::to_value(&report).map_err(|e| CliError::Output(e.into()))?;
    s.emit(&report.render(), json)
}
