//! What a simulation measured: the seed's "Expected Performance" rows and every trade.
use serde::Serialize;

/// One executed trade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TradeRow {
    /// Simulated day (0-based).
    pub day: u32,
    /// Proposal id.
    pub proposal: u64,
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

/// The measured figures (amounts in base units of the pool's asset; `decimals` says how many).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Simulated days.
    pub days: u32,
    /// Random seed.
    pub seed: u64,
    /// Decimals of the asset.
    pub decimals: u8,
    /// Profitable opportunities the keeper detected.
    pub opportunities: u64,
    /// Proposals made.
    pub proposed: u64,
    /// Proposals approved by the validators.
    pub approved: u64,
    /// Proposals rejected.
    pub rejected: u64,
    /// Proposals executed.
    pub executed: u64,
    /// Proposals that expired.
    pub expired: u64,
    /// Sum of gains.
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

impl Report {
    fn per_day(&self, value: u64) -> f64 {
        value as f64 / self.days.max(1) as f64
    }

    fn money(&self, units: f64) -> String {
        format!("${:.2}", units / 10f64.powi(self.decimals as i32))
    }

    fn pct(part: u64, whole: u64) -> String {
        if whole == 0 {
            "n/a".into()
        } else {
            format!("{:.0}%", part as f64 * 100.0 / whole as f64)
        }
    }

    /// Average gain per executed trade.
    pub fn average_profit(&self) -> u64 {
        self.total_profit.checked_div(self.executed).unwrap_or(0)
    }

    /// The seed's "Expected Performance" rows, measured.
    pub fn render(&self) -> String {
        let (deposit, value) = self.example_member;
        let member_gain = value.saturating_sub(deposit);
        let monthly_member = self.per_day(member_gain) * 30.0;
        let monthly_roi = monthly_member / deposit.max(1) as f64 * 100.0;
        let mut out = format!(
            "Simulated {} day(s), seed {}\n\nDaily Scenario (average per day):\n",
            self.days, self.seed
        );
        out += &format!(
            "- {:.1} arbitrage opportunities detected\n",
            self.per_day(self.opportunities)
        );
        out += &format!(
            "- {:.1} approved by validators ({} of proposals)\n",
            self.per_day(self.approved),
            Self::pct(self.approved, self.proposed)
        );
        out += &format!(
            "- {:.1} successfully executed ({} of approved)\n",
            self.per_day(self.executed),
            Self::pct(self.executed, self.approved)
        );
        out += &format!(
            "- Average profit: {}/trade\n",
            self.money(self.average_profit() as f64)
        );
        out += &format!(
            "- Daily profit: {}\n",
            self.money(self.per_day(self.total_profit))
        );
        out += &format!(
            "- Insurance allocation (5%): {}\n",
            self.money(self.per_day(self.insurance))
        );
        out += &format!(
            "- Member profit (95%): {}\n",
            self.money(self.per_day(self.member_profit))
        );
        out += "\nMonthly (30 days at this rate):\n";
        out += &format!(
            "- ~{:.0} successful trades\n",
            self.per_day(self.executed) * 30.0
        );
        out += &format!(
            "- ~{} profit\n",
            self.money(self.per_day(self.total_profit) * 30.0)
        );
        out += &format!(
            "- ~{} insurance reserve\n",
            self.money(self.per_day(self.insurance) * 30.0)
        );
        out += &format!(
            "- ~{} distributed to members\n",
            self.money(self.per_day(self.member_profit) * 30.0)
        );
        out += &format!(
            "\nMember Example ({} capital):\n",
            self.money(deposit as f64)
        );
        out += &format!(
            "- Profit share: {} of pool\n",
            Self::pct(deposit, self.capital)
        );
        out += &format!("- Monthly earnings: {}\n", self.money(monthly_member));
        out += &format!("- Monthly ROI: {monthly_roi:.2}%\n");
        out += &format!("- Annual ROI: {:.1}%\n", monthly_roi * 12.0);
        out
    }

    /// Every trade as CSV.
    pub fn csv(&self) -> String {
        let mut out =
            String::from("day,proposal,amount_in,expected_profit,gain,insurance,member_profit\n");
        for t in &self.trades {
            out += &format!(
                "{},{},{},{},{},{},{}\n",
                t.day,
                t.proposal,
                t.amount_in,
                t.expected_profit,
                t.gain,
                t.insurance,
                t.member_profit
            );
        }
        out
    }
}
