//! `poolbot simulate`: the seed's pool on an embedded chain under a random market with a
//! competing arbitrageur, run twice on the same market (trades voted one by one, and trades
//! inside a mandate) with the real keeper and validator agents; prints the assumptions and the
//! two paths side by side (`--json` for all figures, `--csv` for every trade), or with
//! `--delay-curve` how the per-trade path's captured share falls as validators slow down.
use crate::error::CliError;
use crate::progress;
use crate::session::Session;
use clap::Args;
use pool_bot_client::embedded::default_programs_dir;
use pool_bot_sim::report::render_curve;
use pool_bot_sim::{delay_curve, simulate, SimConfig};
use std::path::PathBuf;
use std::str::FromStr;

/// A delay with a unit: `400ms`, `1s`, `1.5s`, `5m`, `2h` (plain numbers are seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delay(pub u64);

impl FromStr for Delay {
    type Err = String;

    fn from_str(text: &str) -> Result<Delay, String> {
        let bad = || format!("'{text}' is not a delay: write e.g. 400ms, 1s, 1.5s, 5m or 2h");
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let value: f64 = number.parse().map_err(|_| bad())?;
        let ms = match unit {
            "ms" => 1.0,
            "" | "s" => 1_000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return Err(bad()),
        };
        let total = value * ms;
        if !(0.0..=30.0 * 86_400_000.0).contains(&total) {
            return Err(format!("'{text}' is out of range: use 0 to 30 days"));
        }
        Ok(Delay(total as u64))
    }
}

/// Flags of `simulate`.
#[derive(Clone, Debug, Args)]
pub struct SimulateArgs {
    /// Simulated days.
    #[arg(long, default_value_t = 30)]
    pub days: u32,
    /// Random seed: the same seed gives the same market and the same run.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Random trades that move a DEX price, per day on average.
    #[arg(long, default_value_t = 24)]
    pub shocks_per_day: u32,
    /// Mean delay after which the competing arbitrageur trades a gap (exponential).
    #[arg(long, default_value = "1s", value_name = "DELAY")]
    pub competitor_delay: Delay,
    /// The keeper's reaction time (detect, build, land).
    #[arg(long, default_value = "400ms", value_name = "DELAY")]
    pub keeper_latency: Delay,
    /// Mean delay after which a validator answers a proposal (bots: seconds; people: minutes
    /// to hours).
    #[arg(long, default_value = "5s", value_name = "DELAY")]
    pub validator_delay: Delay,
    /// Chance in percent that a validator misses a vote.
    #[arg(long, default_value_t = 10)]
    pub validator_offline: u8,
    /// Instead of one report: the table of both paths for each of these mean validator delays
    /// (comma separated, e.g. 2s,1m,1h).
    #[arg(long, value_delimiter = ',', value_name = "DELAYS")]
    pub delay_curve: Option<Vec<Delay>>,
    /// Also write every trade to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Where the built programs are. Default: POOLBOT_PROGRAMS_DIR, else target/deploy.
    #[arg(long, value_name = "DIR")]
    pub programs: Option<PathBuf>,
    /// Hide the progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// Show the keeper's and the validator agents' log lines (off the progress bar).
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// Runs the simulation (on its own embedded chain; `--url` does not apply).
pub fn run(s: &mut Session, args: &SimulateArgs) -> Result<(), CliError> {
    if args.days == 0 || args.shocks_per_day == 0 {
        return Err(CliError::Input(
            "--days and --shocks-per-day must be at least 1.".into(),
        ));
    }
    if args.validator_offline > 100 {
        return Err(CliError::Input(
            "--validator-offline is a percentage: use 0 to 100.".into(),
        ));
    }
    let config = SimConfig {
        days: args.days,
        seed: args.seed,
        shocks_per_day: args.shocks_per_day,
        competitor_delay_ms: args.competitor_delay.0,
        keeper_latency_ms: args.keeper_latency.0.max(1),
        validator_delay_ms: args.validator_delay.0,
        validator_offline_pct: args.validator_offline,
        ..SimConfig::new(args.programs.clone().unwrap_or_else(default_programs_dir))
    };
    let show = !args.quiet && !s.global().json;
    let stopped = |e: pool_bot_sim::SimError| {
        progress::finish();
        CliError::State(format!(
            "The simulation stopped: {e}. Build the programs first with scripts/build-sbf.sh."
        ))
    };
    let bar = show.then(|| progress::start(1_000, "simulating"));
    let tick = |done: u64, total: u64| {
        if let Some(bar) = &bar {
            bar.set_position(done * 1_000 / total.max(1));
        }
    };
    if let Some(delays) = &args.delay_curve {
        let delays: Vec<u64> = delays.iter().map(|d| d.0).collect();
        let points = delay_curve(&config, &delays, tick).map_err(stopped)?;
        progress::finish();
        let json = serde_json::to_value(&points).map_err(|e| CliError::Output(e.into()))?;
        let text = format!(
            "{} day(s), seed {}, competitor after {} on average; captured = the pool's share of the gaps traded by it or the competitor\n\n{}",
            config.days,
            config.seed,
            pool_bot_sim::config::seconds(config.competitor_delay_ms),
            render_curve(&points)
        );
        return s.emit(&text, json);
    }
    let report = simulate(&config, tick).map_err(stopped)?;
    progress::finish();
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

#[cfg(test)]
mod tests {
    use super::Delay;

    #[test]
    fn delays_read_with_their_unit() {
        for (text, ms) in [
            ("400ms", 400),
            ("1s", 1_000),
            ("1.5s", 1_500),
            ("2", 2_000),
            ("5m", 300_000),
            ("2h", 7_200_000),
        ] {
            assert_eq!(text.parse::<Delay>(), Ok(Delay(ms)), "{text}");
        }
        for bad in ["", "s", "1x", "-1s", "1e99s", "31d"] {
            assert!(bad.parse::<Delay>().is_err(), "{bad}");
        }
    }
}
