//! Short simulations with the real keeper, validator agents and a competitor on the embedded
//! chain: the figures add up path by path, the same seed gives the same run, and slower
//! validators cost the per-trade path its opportunities while the mandate path keeps them.
use pool_bot_client::embedded::default_programs_dir;
use pool_bot_sim::{simulate, PathReport, Report, SimConfig};

fn config(days: u32, seed: u64) -> SimConfig {
    SimConfig {
        days,
        seed,
        ..SimConfig::new(default_programs_dir())
    }
}

fn run(config: &SimConfig) -> Report {
    simulate(config, |_, _| {}).expect("simulation runs")
}

/// Profit = insurance + members' gain, on chain and trade by trade.
fn adds_up(p: &PathReport) {
    assert_eq!(p.total_profit, p.insurance + p.member_profit, "{}", p.path);
    assert_eq!(p.trades.iter().map(|t| t.gain).sum::<u64>(), p.total_profit);
    assert_eq!(
        p.trades.iter().map(|t| t.insurance).sum::<u64>(),
        p.insurance
    );
    assert!(p
        .trades
        .iter()
        .all(|t| t.insurance == t.gain * 500 / 10_000));
    assert_eq!(p.trades.len() as u64, p.executed);
    assert!(p.opportunities >= p.executed - p.under_mandate);
    assert!(p.proposed >= p.approved && p.proposed >= p.expired);
    // the $1000 member's value rose by its share of the members' profit
    let (deposit, value) = p.example_member;
    assert_eq!(deposit, 1_000_000_000);
    let share = p.member_profit as f64 * 1_000.0 / 8_500.0;
    assert!(
        (value - deposit) as f64 <= share + 1.0 && (value - deposit) as f64 >= share * 0.99,
        "{value} vs {share}"
    );
}

#[test]
fn two_days_add_up_on_both_paths() {
    let report = run(&config(2, 1));
    adds_up(&report.per_trade);
    adds_up(&report.mandate);
    assert_eq!(report.per_trade.under_mandate, 0);
    assert!(report.mandate.under_mandate >= 1, "{:?}", report.mandate);
    // the competitor trades in both worlds
    assert!(report.per_trade.competitor_trades >= 1);
    let text = report.render();
    for heading in [
        "Assumptions",
        "per-trade votes",
        "mandate",
        "Lost to competitors",
        "Annualised return",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert_eq!(
        report.csv().lines().count() as u64,
        report.per_trade.executed + report.mandate.executed + 1
    );
}

#[test]
fn the_same_seed_gives_the_same_run() {
    assert_eq!(run(&config(1, 7)), run(&config(1, 7)));
}

#[test]
fn people_paced_votes_lose_the_market_that_a_mandate_keeps() {
    let people = SimConfig {
        validator_delay_ms: 3_600_000,
        ..config(2, 3)
    };
    let report = run(&people);
    assert!(
        report.mandate.captured_share() > report.per_trade.captured_share(),
        "{:.2} vs {:.2}",
        report.mandate.captured_share(),
        report.per_trade.captured_share()
    );
    assert!(report.mandate.total_profit > report.per_trade.total_profit);
}
