//! What a simulation assumes: the market, the competition, the keeper's and the validators'
//! speed. Every figure the report gives follows from these, and the report states them.
use std::path::PathBuf;

/// How a simulation runs.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// Simulated days.
    pub days: u32,
    /// Random seed: the same seed gives the same run (the same market for both paths).
    pub seed: u64,
    /// Random trades that move a DEX price, per day on average (Poisson arrivals).
    pub shocks_per_day: u32,
    /// Mean delay, in milliseconds, after which a competing arbitrageur trades a price gap
    /// (exponentially distributed per gap).
    pub competitor_delay_ms: u64,
    /// Least profit, in base units, a competitor trades for.
    pub competitor_min_profit: u64,
    /// The keeper's reaction time, in milliseconds (detect, build, land).
    pub keeper_latency_ms: u64,
    /// Mean delay, in milliseconds, after which a validator answers a proposal (exponential).
    pub validator_delay_ms: u64,
    /// Chance in percent that a validator misses a given vote (offline).
    pub validator_offline_pct: u8,
    /// Where the built programs are.
    pub programs_dir: PathBuf,
}

impl SimConfig {
    /// The defaults `poolbot simulate` runs: 30 days, 24 price shocks a day, a competitor after
    /// a second on average, a keeper in one slot, validator bots after 5 s with a 10% chance of
    /// missing a vote.
    pub fn new(programs_dir: PathBuf) -> SimConfig {
        SimConfig {
            days: 30,
            seed: 1,
            shocks_per_day: 24,
            competitor_delay_ms: 1_000,
            competitor_min_profit: 100_000,
            keeper_latency_ms: 400,
            validator_delay_ms: 5_000,
            validator_offline_pct: 10,
            programs_dir,
        }
    }

    /// The assumptions in words, for the top of the report.
    pub fn assumptions(&self, decimals: u8) -> Vec<String> {
        let unit = 10f64.powi(i32::from(decimals));
        vec![
            format!(
                "market: {} random trades a day on average (Poisson), each 0.05% to 0.8% of a DEX pool's reserve, on the seed's two USDC/SOL pools and a USDC/SOL/ETH triangle",
                self.shocks_per_day
            ),
            format!(
                "competitors: an arbitrageur with its own capital closes any gap worth at least ${:.2} after an exponential delay, mean {}",
                self.competitor_min_profit as f64 / unit,
                seconds(self.competitor_delay_ms)
            ),
            format!(
                "keeper: reacts in {} (detect, build, land); proposes with 1% slippage",
                seconds(self.keeper_latency_ms)
            ),
            format!(
                "validators: three agents answer each proposal after an exponential delay, mean {}; each misses a vote with probability {}%",
                seconds(self.validator_delay_ms),
                self.validator_offline_pct
            ),
            "mandate path: the seed's mandate (both USDC/SOL pools and the triangle, up to $5,000 a trade, at least $1 and 0.1% profit, 50 trades or $100,000 a day) approved before the run and renewed when it ends".into(),
            "capital: the seed members' $8,500; profit is bounded by the opportunities, not by the capital, so the return falls as capital grows".into(),
            "return: members' profit / members' capital × 365 / days (simple, not compounded)".into(),
        ]
    }
}

/// Milliseconds as a person reads them.
pub fn seconds(ms: u64) -> String {
    match ms {
        0..=59_999 => format!("{:.1} s", ms as f64 / 1_000.0),
        60_000..=3_599_999 => format!("{:.1} min", ms as f64 / 60_000.0),
        _ => format!("{:.1} h", ms as f64 / 3_600_000.0),
    }
}
