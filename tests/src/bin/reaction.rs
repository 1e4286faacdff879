//! The keeper's reaction time on the local validator (`poolbot-localnet`, 100 ms slots): a
//! trader's swap opens an arbitrage gap on the seed's USDC/SOL pools, and the keeper, standing
//! under a mandate, sends the `execute_mandate` that closes it. Measured from the swap's send
//! and from its confirmation (as its sender learns it) to the keeper's send, with the keeper
//! subscribed to the pools' accounts over the websocket, then polling every 2 s as before.
//! Prints a Markdown table (`scripts/bench.sh` writes it into the README).
use pool_bot::state::MandateTerms;
use pool_bot_client::amm;
use pool_bot_client::chain::Chain;
use pool_bot_client::rpc::Rpc;
use pool_bot_client::Pubkey;
use pool_bot_keeper::feed::{MarketFeed, Wake};
use pool_bot_keeper::{Keeper, KeeperConfig};
use pool_bot_seed::{Keys, SeedPool, SOL, USDC};
use pool_bot_tests::localnet::Localnet;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Gaps opened per mode.
const ROUNDS: usize = 10;
/// The polling keeper's interval (`run-keeper`'s default).
const POLL: Duration = Duration::from_secs(2);

fn main() {
    let node = Localnet::start();
    let mut rpc = Rpc::new(&node.url);
    let mut seed = SeedPool::build(&mut rpc, Keys::fixed(40)).expect("seed pool");
    seed.join_members(&mut rpc).expect("members");
    let terms = MandateTerms {
        max_trades_per_period: 10_000,
        max_notional_per_period: 100_000_000 * USDC,
        ..seed.mandate_terms()
    };
    let mandate = seed.propose_mandate(&mut rpc, terms).expect("mandate");
    seed.approve_mandate(&mut rpc, mandate).expect("approved");
    let trader = seed.new_wallet(&mut rpc).expect("trader");
    let owner = trader.pubkey();
    let (usdc, sol) = (seed.usdc, seed.sol);
    let usdc_account = seed
        .token_account(&mut rpc, &usdc, &owner, 10_000_000 * USDC)
        .expect("trader's USDC");
    let sol_account = seed
        .token_account(&mut rpc, &sol, &owner, 100_000 * SOL)
        .expect("trader's SOL");
    let trader = Trader {
        wallet: trader,
        usdc: usdc_account,
        sol: sol_account,
    };

    println!("| keeper follows the market by | swap sent → keeper's transaction sent (median / max) | swap confirmed → keeper's transaction sent (median / max) |");
    println!("|---|---:|---:|");
    for subscribed in [true, false] {
        let (from_send, from_confirm) = measure(&node, &seed, &trader, subscribed);
        let mode = if subscribed {
            "websocket subscription (`accountSubscribe`)"
        } else {
            "polling every 2 s"
        };
        println!(
            "| {mode} | {} / {} | {} / {} |",
            ms(median(&from_send)),
            ms(max(&from_send)),
            ms(median(&from_confirm)),
            ms(max(&from_confirm))
        );
    }
}

/// A wallet that moves the market.
struct Trader {
    wallet: Keypair,
    usdc: Pubkey,
    sol: Pubkey,
}

/// Runs the keeper on its own thread and opens `ROUNDS` gaps; the delays from each swap's
/// send and confirmation to the keeper's next send, in seconds.
fn measure(
    node: &Localnet,
    seed: &SeedPool,
    trader: &Trader,
    subscribed: bool,
) -> (Vec<f64>, Vec<f64>) {
    let sends: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let keeper = {
        let (url, ws) = (node.url.clone(), node.ws_url.clone());
        let (pool, product, who) = (seed.pool.pool, seed.product, seed.keeper.insecure_clone());
        let (sends, stop) = (sends.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut rpc = Rpc::new(&url);
            let config = KeeperConfig::new(pool, product);
            let mut k = Keeper::new(&rpc, config, pool_bot_dex::all()).expect("keeper");
            k.tick(&mut rpc, &who);
            let mut feed = subscribed.then(|| MarketFeed::start(&ws, k.watched_accounts()));
            while !stop.load(Ordering::Relaxed) {
                // when the change the next tick reacts to was seen: the notice's arrival, or
                // the start of a polled round
                let changed = match feed.as_mut().map(|f| f.wait(POLL, &stop)) {
                    Some(Wake::Changed { at }) => at,
                    Some(Wake::Stopped) => break,
                    Some(_) => Instant::now(),
                    None => {
                        std::thread::sleep(POLL);
                        Instant::now()
                    }
                };
                k.market_changed(changed);
                k.tick(&mut rpc, &who);
                if let Some(reaction) = k.take_reaction() {
                    sends.lock().expect("lock").push(changed + reaction);
                }
            }
        })
    };
    let mut rpc = Rpc::new(&node.url);
    let (mut from_send, mut from_confirm) = (Vec::new(), Vec::new());
    wait_quiet(&sends, Duration::from_secs(3), Duration::from_secs(60));
    for round in 0..ROUNDS {
        let swap = if round % 2 == 0 {
            // buy SOL where it is cheap: it gets dear there
            amm::swap(
                &seed.cheap,
                &trader.wallet.pubkey(),
                trader.usdc,
                trader.sol,
                &seed.usdc,
                local_amm::instructions::SwapArgs {
                    amount_in: 40_000 * USDC,
                    min_amount_out: 0,
                },
            )
        } else {
            amm::swap(
                &seed.cheap,
                &trader.wallet.pubkey(),
                trader.sol,
                trader.usdc,
                &seed.sol,
                local_amm::instructions::SwapArgs {
                    amount_in: 400 * SOL,
                    min_amount_out: 0,
                },
            )
        };
        let sent = Instant::now();
        rpc.send(&[swap], &[&trader.wallet])
            .expect("the trader's swap");
        let confirmed = Instant::now();
        let Some(reacted) = first_send_after(&sends, sent, Duration::from_secs(10)) else {
            eprintln!("round {round}: the keeper did not trade within 10 s");
            continue;
        };
        from_send.push(reacted.duration_since(sent).as_secs_f64());
        from_confirm.push(signed_seconds(reacted, confirmed));
        wait_quiet(&sends, Duration::from_secs(3), Duration::from_secs(60));
    }
    stop.store(true, Ordering::Relaxed);
    keeper.join().expect("the keeper's thread");
    (from_send, from_confirm)
}

/// The first keeper send after `after`, waiting up to `limit`.
fn first_send_after(
    sends: &Mutex<Vec<Instant>>,
    after: Instant,
    limit: Duration,
) -> Option<Instant> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(at) = sends.lock().expect("lock").iter().find(|t| **t > after) {
            return Some(*at);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

/// Waits until the keeper sent nothing for `quiet` (the gap is closed), at most `limit`.
fn wait_quiet(sends: &Mutex<Vec<Instant>>, quiet: Duration, limit: Duration) {
    let started = Instant::now();
    while started.elapsed() < limit {
        let last = sends.lock().expect("lock").last().copied();
        if last.is_none_or(|t| t.elapsed() >= quiet) && started.elapsed() >= quiet {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `a - b` in seconds, negative when `a` came first.
fn signed_seconds(a: Instant, b: Instant) -> f64 {
    if a >= b {
        a.duration_since(b).as_secs_f64()
    } else {
        -b.duration_since(a).as_secs_f64()
    }
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied()
}

fn max(values: &[f64]) -> Option<f64> {
    values.iter().copied().max_by(f64::total_cmp)
}

fn ms(seconds: Option<f64>) -> String {
    seconds.map_or("–".into(), |s| format!("{:.0} ms", s * 1_000.0))
}
