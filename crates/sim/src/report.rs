//! What a simulation measured, path by path, and how it is shown: the assumptions first, then
//! the two paths side by side with the seed's "Expected Performance" rows and the annualised
//! return.
use crate::config::seconds;
use serde::Serialize;

/// One executed trade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TradeRow {
    /// Simulated day (0-based).
    pub day: u32,
    /// What it ran under: `proposal` or `mandate`.
    pub via: String,
    /// The proposal's or mandate's id.
    pub id: u64,
    /// Amount in, base units.
    pub amount_in: u64,
    /// Profit the keeper expected, base units.
    pub expected_profit: u64,
    /// Gain measured on chain, base units.
    pub gain: u64,
    /// Sent to the insurance reserve, base units.
    pub insurance: u64,
    /// Booked to members, base units.
    pub member_profit: u64,
}

/// What one path measured (amounts in base units of the pool's asset).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathReport {
    /// The path's name.
    pub path: String,
    /// Profitable opportunities the keeper detected.
    pub opportunities: u64,
    /// Proposals made.
    pub proposed: u64,
    /// Proposals approved by the validators.
    pub approved: u64,
    /// Proposals rejected.
    pub rejected: u64,
    /// Proposals that expired or went stale.
    pub expired: u64,
    /// Trades executed (proposals and mandate executions).
    pub executed: u64,
    /// Of which under a mandate.
    pub under_mandate: u64,
    /// Opportunities the keeper detected that a competitor traded first.
    pub lost_to_competitors: u64,
    /// Gaps the competitor traded.
    pub competitor_trades: u64,
    /// What the competitor earned.
    pub competitor_gain: u64,
    /// Sum of the pool's gains.
    pub total_profit: u64,
    /// Sent to the insurance reserve.
    pub insurance: u64,
    /// Booked to members.
    pub member_profit: u64,
    /// Capital the members deposited.
    pub capital: u64,
    /// The $1000 member's deposit and its value at the end.
    pub example_member: (u64, u64),
    /// Every executed trade.
    pub trades: Vec<TradeRow>,
}

impl PathReport {
    /// The pool's share of the gaps traded (by it or by the competitor).
    pub fn captured_share(&self) -> f64 {
        let all = self.executed + self.competitor_trades;
        if all == 0 {
            0.0
        } else {
            self.executed as f64 / all as f64
        }
    }

    /// The pool's share of the arbitrage profit taken (by it or by the competitor).
    pub fn profit_share(&self) -> f64 {
        let all = self.total_profit + self.competitor_gain;
        if all == 0 {
            0.0
        } else {
            self.total_profit as f64 / all as f64
        }
    }

    /// Members' profit over their capital, per year (simple, not compounded).
    pub fn annual_return(&self, days: u32) -> f64 {
        self.member_profit as f64 / self.capital.max(1) as f64 * 365.0 / f64::from(days.max(1))
    }
}

/// The whole run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Simulated days.
    pub days: u32,
    /// Random seed.
    pub seed: u64,
    /// Decimals of the asset.
    pub decimals: u8,
    /// What the figures assume, in words.
    pub assumptions: Vec<String>,
    /// The per-trade path: a vote for every trade.
    pub per_trade: PathReport,
    /// The mandate path: one vote, then trades in the slot they are found.
    pub mandate: PathReport,
}

impl Report {
    fn money(&self, units: f64) -> String {
        format!("${:.2}", units / 10f64.powi(i32::from(self.decimals)))
    }

    fn per_day(&self, value: u64) -> f64 {
        value as f64 / f64::from(self.days.max(1))
    }

    /// The assumptions, then the two paths side by side.
    pub fn render(&self) -> String {
        let mut out = format!(
            "Simulated {} day(s), seed {}. Assumptions:\n",
            self.days, self.seed
        );
        for a in &self.assumptions {
            out += &format!("- {a}\n");
        }
        let paths = [&self.per_trade, &self.mandate];
        let row = |out: &mut String, label: &str, f: &dyn Fn(&PathReport) -> String| {
            *out += &format!("{label:<40}{:>18}{:>18}\n", f(paths[0]), f(paths[1]));
        };
        out += "\n";
        row(&mut out, "", &|p| p.path.clone());
        let count = |v: u64| v.to_string();
        row(&mut out, "Opportunities detected", &|p| {
            count(p.opportunities)
        });
        row(&mut out, "Proposed", &|p| count(p.proposed));
        row(&mut out, "Approved by validators", &|p| count(p.approved));
        row(&mut out, "Executed", &|p| count(p.executed));
        row(&mut out, "  of which under the mandate", &|p| {
            count(p.under_mandate)
        });
        row(&mut out, "Lost to competitors", &|p| {
            count(p.lost_to_competitors)
        });
        row(&mut out, "Expired or stale", &|p| count(p.expired));
        row(&mut out, "Share of gaps captured", &|p| {
            format!("{:.0}%", p.captured_share() * 100.0)
        });
        row(&mut out, "Share of arbitrage profit captured", &|p| {
            format!("{:.0}%", p.profit_share() * 100.0)
        });
        out += "\nExpected Performance, measured (average per day):\n";
        row(&mut out, "Successful trades per day", &|p| {
            format!("{:.1}", self.per_day(p.executed))
        });
        row(&mut out, "Average profit per trade", &|p| {
            self.money(p.total_profit.checked_div(p.executed).unwrap_or(0) as f64)
        });
        row(&mut out, "Daily profit", &|p| {
            self.money(self.per_day(p.total_profit))
        });
        row(&mut out, "Insurance allocation (5%)", &|p| {
            self.money(self.per_day(p.insurance))
        });
        row(&mut out, "Member profit (95%)", &|p| {
            self.money(self.per_day(p.member_profit))
        });
        row(&mut out, "Monthly profit (30 days at this rate)", &|p| {
            self.money(self.per_day(p.total_profit) * 30.0)
        });
        row(&mut out, "$1000 member: monthly earnings", &|p| {
            let (deposit, value) = p.example_member;
            self.money(self.per_day(value.saturating_sub(deposit)) * 30.0)
        });
        row(&mut out, "Annualised return on capital", &|p| {
            format!("{:.1}%", p.annual_return(self.days) * 100.0)
        });
        out += "\nAnnualised return = members' profit / members' capital x 365 / days simulated.\n";
        out
    }

    /// Every executed trade of both paths as CSV.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "path,day,via,id,amount_in,expected_profit,gain,insurance,member_profit\n",
        );
        for p in [&self.per_trade, &self.mandate] {
            for t in &p.trades {
                out += &format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    p.path,
                    t.day,
                    t.via,
                    t.id,
                    t.amount_in,
                    t.expected_profit,
                    t.gain,
                    t.insurance,
                    t.member_profit
                );
            }
        }
        out
    }
}

/// One point of the delay curve: how much the per-trade path captures when validators answer
/// after `validator_delay_ms` on average, beside the mandate path on the same market.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DelayPoint {
    /// Mean validator delay, milliseconds.
    pub validator_delay_ms: u64,
    /// The per-trade path's share of the gaps traded.
    pub per_trade_captured: f64,
    /// Its annualised return.
    pub per_trade_return: f64,
    /// The mandate path's share of the gaps traded.
    pub mandate_captured: f64,
    /// Its annualised return.
    pub mandate_return: f64,
}

/// The delay curve as a table.
pub fn render_curve(points: &[DelayPoint]) -> String {
    let mut out = String::from(
        "| mean validator delay | per-trade: gaps captured | per-trade: annual return | mandate: gaps captured | mandate: annual return |\n|---|---:|---:|---:|---:|\n",
    );
    for p in points {
        out += &format!(
            "| {} | {:.0}% | {:.1}% | {:.0}% | {:.1}% |\n",
            seconds(p.validator_delay_ms),
            p.per_trade_captured * 100.0,
            p.per_trade_return * 100.0,
            p.mandate_captured * 100.0,
            p.mandate_return * 100.0
        );
    }
    out
}
