//! Properties over random sequences of deposits, withdrawals, trades and donations, every step
//! a real transaction on the SBF build:
//! - members' shares always add up to the pool's total shares, and the vault covers the books;
//! - no member ever gets out more than they put in plus their pro-rata share of the profit
//!   (and of the rounding dust other members' operations leave in the pool);
//! - a donation to the vault moves no share price;
//! - rounding never favours the user (a deposit withdrawn at once returns at most the deposit).
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::*;
use pool_bot::math;
use pool_bot_tests::client::amm;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::seed_world::{Member, SOL, USDC};
use pool_bot_tests::SeedWorld;
use proptest::prelude::*;
use solana_signer::Signer;

/// One step of a random history.
#[derive(Clone, Debug)]
enum Op {
    /// Member `i` deposits `usdc` USDC.
    Deposit(usize, u64),
    /// Member `i` burns `per_mille` ‰ of its shares.
    WithdrawShares(usize, u64),
    /// Member `i` asks for `per_mille` ‰ of its value as an exact amount.
    WithdrawAmount(usize, u64),
    /// The market moves by `sol` SOL and the keeper's arbitrage runs.
    Trade(u64),
    /// Someone sends `usdc` USDC straight to the vault.
    Donate(u64),
    /// Member `i` deposits `usdc` USDC and withdraws the new shares at once.
    RoundTrip(usize, u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..4usize, 100..3_000u64).prop_map(|(i, a)| Op::Deposit(i, a)),
        2 => (0..4usize, 1..1_000u64).prop_map(|(i, p)| Op::WithdrawShares(i, p)),
        2 => (0..4usize, 1..1_000u64).prop_map(|(i, p)| Op::WithdrawAmount(i, p)),
        3 => (20..200u64).prop_map(Op::Trade),
        1 => (1..500u64).prop_map(Op::Donate),
        1 => (0..4usize, 100..2_000u64).prop_map(|(i, a)| Op::RoundTrip(i, a)),
    ]
}

/// The chain plus what an honest ledger says each member is owed at most.
struct Model {
    w: SeedWorld,
    members: Vec<Member>,
    /// Upper bound of what each member may ever take out: deposits plus pro-rata profit.
    entitled: Vec<u128>,
    /// Taken out so far.
    taken: Vec<u128>,
}

impl Model {
    fn new() -> Model {
        let mut w = SeedWorld::new();
        let members = (0..4).map(|_| w.new_member(50_000)).collect();
        Model {
            w,
            members,
            entitled: vec![0; 4],
            taken: vec![0; 4],
        }
    }

    fn shares(&self, i: usize) -> u64 {
        let key = self.w.seed.pool.member(&self.members[i].wallet.pubkey());
        if self.w.chain.data(&key).is_empty() {
            0
        } else {
            self.w.position(&self.members[i]).shares
        }
    }

    fn value(&self, i: usize) -> u64 {
        let pool = self.w.pool_state();
        math::assets_for_shares(self.shares(i), pool.total_shares, pool.total_assets).unwrap()
    }

    fn deposit(&mut self, i: usize, amount: u64) -> bool {
        let instruction = self.w.deposit_ix(&self.members[i], amount, 0);
        let wallet = self.members[i].wallet.insecure_clone();
        let ok = self.w.chain.send(&[instruction], &[&wallet]).is_ok();
        if ok {
            self.entitled[i] += amount as u128;
            self.rounding_dust_to_others(i);
        }
        ok
    }

    /// Rounding keeps less than one share's worth in the pool at every deposit and
    /// withdrawal; it raises the share value for the other holders, so their bound grows by
    /// at most that much.
    fn rounding_dust_to_others(&mut self, actor: usize) {
        let pool = self.w.pool_state();
        let one_share =
            math::assets_for_shares(1, pool.total_shares, pool.total_assets).unwrap() + 1;
        let holders: Vec<usize> = (0..4)
            .filter(|i| *i != actor && self.shares(*i) > 0)
            .collect();
        for i in holders {
            self.entitled[i] += one_share as u128;
        }
    }

    fn withdraw(&mut self, i: usize, request: WithdrawRequest) -> u64 {
        let m = &self.members[i];
        let before = self.w.chain.balance(&m.usdc);
        let args = WithdrawArgs {
            request,
            min_amount_out: 0,
        };
        let instruction = ix::withdraw(&self.w.seed.pool, &m.wallet.pubkey(), m.usdc, args);
        let wallet = m.wallet.insecure_clone();
        let _ = self.w.chain.send(&[instruction], &[&wallet]);
        let got = self.w.chain.balance(&self.members[i].usdc) - before;
        self.taken[i] += got as u128;
        if got > 0 {
            self.rounding_dust_to_others(i);
        }
        got
    }

    fn trade(&mut self, sol: u64) {
        // a trader sells SOL where it is cheap, opening a gap the keeper closes
        let trader = self.w.chain.wallet();
        let (usdc, sol_mint) = (self.w.seed.usdc, self.w.seed.sol);
        let t_sol = self.w.chain.token_account(&sol_mint, &trader.pubkey());
        let t_usdc = self.w.chain.token_account(&usdc, &trader.pubkey());
        self.w.chain.mint_to(&sol_mint, &t_sol, sol * SOL);
        let sell = amm::swap(
            &self.w.seed.cheap,
            &trader.pubkey(),
            t_sol,
            t_usdc,
            &sol_mint,
            SwapArgs {
                amount_in: sol * SOL,
                min_amount_out: 1,
            },
        );
        self.w.chain.send_ok(&[sell], &[&trader]);
        let pool = self.w.pool_state();
        let amount_in = pool.total_assets.min(2_000 * USDC);
        if amount_in == 0 || self.w.arbitrage_route(amount_in).1 < 2 * USDC as i128 {
            return;
        }
        let (before_shares, holders): (u64, Vec<u64>) =
            (pool.total_shares, (0..4).map(|i| self.shares(i)).collect());
        let (proposal, _) = self.w.propose_arbitrage(amount_in);
        self.w.vote(&proposal, Some(0), true).unwrap();
        self.w.vote(&proposal, Some(1), true).unwrap();
        self.w.execute(&proposal).unwrap();
        let member_profit = self.w.pool_state().total_member_profit - pool.total_member_profit;
        for (i, s) in holders.iter().enumerate() {
            // ceil of the exact pro-rata share: the bound must never be too tight
            self.entitled[i] +=
                (member_profit as u128 * *s as u128).div_ceil(before_shares.max(1) as u128);
        }
    }

    fn donate(&mut self, usdc: u64) {
        let donor = self.w.chain.wallet();
        let account = self
            .w
            .chain
            .token_account(&self.w.seed.usdc.clone(), &donor.pubkey());
        self.w
            .chain
            .mint_to(&self.w.seed.usdc.clone(), &account, usdc * USDC);
        let give = pool_bot_tests::client::token::transfer(
            &account,
            &self.w.seed.pool.vault,
            &donor.pubkey(),
            usdc * USDC,
            &litesvm_token::spl_token::ID,
        );
        self.w.chain.send_ok(&[give], &[&donor]);
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let pool = self.w.pool_state();
        let sum: u64 = (0..4).map(|i| self.shares(i)).sum();
        prop_assert_eq!(
            sum,
            pool.total_shares,
            "members' shares add up to the total"
        );
        prop_assert!(
            self.w.chain.balance(&self.w.seed.pool.vault) >= pool.total_assets,
            "the vault covers the books"
        );
        for i in 0..4 {
            let out = self.taken[i] + self.value(i) as u128;
            prop_assert!(
                out <= self.entitled[i],
                "member {} could take {} of {}",
                i,
                out,
                self.entitled[i]
            );
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, max_shrink_iters: 16, ..ProptestConfig::default() })]

    #[test]
    fn the_books_hold_under_any_history(ops in prop::collection::vec(op(), 4..16)) {
        let mut m = Model::new();
        for op in ops {
            match op {
                Op::Deposit(i, usdc) => { m.deposit(i, usdc * USDC); }
                Op::WithdrawShares(i, per_mille) => {
                    let shares = m.shares(i) * per_mille / 1_000;
                    m.withdraw(i, WithdrawRequest::Shares(shares));
                }
                Op::WithdrawAmount(i, per_mille) => {
                    let amount = m.value(i) * per_mille / 1_000;
                    m.withdraw(i, WithdrawRequest::Amount(amount));
                }
                Op::Trade(sol) => m.trade(sol),
                Op::Donate(usdc) => {
                    let pool = m.w.pool_state();
                    let price = math::share_value(USDC, pool.total_shares, pool.total_assets).unwrap();
                    m.donate(usdc);
                    let after = m.w.pool_state();
                    prop_assert_eq!(price, math::share_value(USDC, after.total_shares, after.total_assets).unwrap());
                    prop_assert_eq!(pool.total_assets, after.total_assets, "a donation is not income");
                }
                Op::RoundTrip(i, usdc) => {
                    let before = m.shares(i);
                    if m.deposit(i, usdc * USDC) {
                        let minted = m.shares(i) - before;
                        let got = m.withdraw(i, WithdrawRequest::Shares(minted));
                        prop_assert!(got <= usdc * USDC, "round trip of {} returned {}", usdc * USDC, got);
                    }
                }
            }
            m.check()?;
        }
    }
}
