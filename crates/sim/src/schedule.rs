//! The market both paths face, drawn once from the seed: when prices move and how, and how
//! long the competitor takes to answer each move. Drawing it before either path runs is what
//! makes the two paths' figures comparable.
use crate::config::SimConfig;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// One random trade and the competitor's answer to it.
#[derive(Clone, Copy, Debug)]
pub struct Shock {
    /// When it lands, in milliseconds from the start.
    pub at_ms: u64,
    /// Which market it trades (index into the world's markets).
    pub market: usize,
    /// Whether it sells the market's token A (else B).
    pub sell_a: bool,
    /// The share of the input reserve it sells.
    pub fraction: f64,
    /// How long after it the competitor trades the gap, in milliseconds.
    pub competitor_after_ms: u64,
}

/// An exponentially distributed delay with mean `mean_ms`.
pub fn exponential(rng: &mut StdRng, mean_ms: u64) -> u64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    (-u.ln() * mean_ms as f64) as u64
}

/// Every shock of the run, in time order.
pub fn shocks(config: &SimConfig, markets: usize) -> Vec<Shock> {
    let mut rng = StdRng::seed_from_u64(config.seed);
    let end = u64::from(config.days) * 86_400_000;
    let mean_gap = 86_400_000 / u64::from(config.shocks_per_day.max(1));
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        at += exponential(&mut rng, mean_gap).max(1);
        if at >= end {
            return out;
        }
        out.push(Shock {
            at_ms: at,
            market: rng.gen_range(0..markets),
            sell_a: rng.gen_bool(0.5),
            fraction: rng.gen_range(0.0005..0.008),
            competitor_after_ms: exponential(&mut rng, config.competitor_delay_ms),
        });
    }
}
