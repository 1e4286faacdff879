//! One simulated day with seed 1: the real keeper and validator agents trade on the embedded
//! chain, and the figures add up.
use pool_bot_client::embedded::default_programs_dir;
use pool_bot_sim::{simulate, SimConfig};

fn one_day(seed: u64) -> pool_bot_sim::Report {
    let config = SimConfig {
        days: 1,
        seed,
        steps_per_day: 24,
        programs_dir: default_programs_dir(),
    };
    simulate(&config, |_, _| {}).expect("simulation runs")
}

#[test]
fn one_day_seed_one_adds_up() {
    let report = one_day(1);
    assert!(report.executed >= 1, "the keeper traded: {report:?}");
    assert!(report.opportunities >= report.proposed && report.proposed >= report.approved);
    assert!(report.approved >= report.executed);
    // profit = insurance + members' gain, on chain and trade by trade
    assert_eq!(report.total_profit, report.insurance + report.member_profit);
    assert_eq!(
        report.trades.iter().map(|t| t.gain).sum::<u64>(),
        report.total_profit
    );
    assert_eq!(
        report.trades.iter().map(|t| t.insurance).sum::<u64>(),
        report.insurance
    );
    assert!(report
        .trades
        .iter()
        .all(|t| t.insurance == t.gain * 500 / 10_000));
    assert!(report
        .trades
        .iter()
        .all(|t| t.gain >= t.expected_profit * 99 / 100));
    // the $1000 member's value rose by its share of the members' profit
    let (deposit, value) = report.example_member;
    assert_eq!(deposit, 1_000_000_000);
    let share = report.member_profit as f64 * 1_000.0 / 8_500.0;
    assert!(
        (value - deposit) as f64 <= share + 1.0 && (value - deposit) as f64 >= share * 0.99,
        "{value} vs {share}"
    );
    let text = report.render();
    assert!(
        text.contains("Daily Scenario")
            && text.contains("Monthly")
            && text.contains("Member Example")
    );
    assert_eq!(report.csv().lines().count(), report.trades.len() + 1);
}

#[test]
fn the_same_seed_gives_the_same_run() {
    assert_eq!(one_day(7), one_day(7));
}
