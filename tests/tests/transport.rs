//! The keeper on a live local validator (`poolbot-localnet`, 100 ms slots) as a busy cluster
//! asks: v0 transactions through the pool's address lookup table (a four-pool cycle that does
//! not fit a transaction without it), compute budgets sized from the simulation and priced by
//! the fee policy, two keepers on one pool proposing an opportunity once, the market feed
//! over the websocket, and the faults a node throws at it (stale blockhashes, a deactivated
//! table, a fee ceiling below the market, a node that does not answer, a dropped socket)
//! survived with a clear count.
use pool_bot::state::{Pool, ProposalStatus, TradeProposal};
use pool_bot_client::accounts;
use pool_bot_client::amm::AmmAddresses;
use pool_bot_client::chain::{self, Chain, PACKET_BYTES};
use pool_bot_client::fees::FeePolicy;
use pool_bot_client::instructions as ix;
use pool_bot_client::lookup_table::{self, LookupTable};
use pool_bot_client::rpc::Rpc;
use pool_bot_client::Pubkey;
use pool_bot_keeper::feed::{MarketFeed, Wake};
use pool_bot_keeper::metrics::Fault;
use pool_bot_keeper::{Keeper, KeeperConfig, Metrics};
use pool_bot_seed::{Keys, SeedPool, USDC};
use pool_bot_tests::faulty_chain::FaultyChain;
use pool_bot_tests::localnet::Localnet;
use pool_bot_tests::relay::Relay;
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// The seed pool over JSON-RPC with its members' deposits.
fn seeded(node: &Localnet, tag: u64) -> (Rpc, SeedPool) {
    let mut rpc = Rpc::new(&node.url);
    let mut seed = SeedPool::build(&mut rpc, Keys::fixed(tag)).expect("seed pool");
    seed.join_members(&mut rpc).expect("members deposit");
    (rpc, seed)
}

/// A keeper of `product` paying at least `floor` micro-lamports per CU.
fn keeper(rpc: &Rpc, seed: &SeedPool, product: Pubkey, fees: FeePolicy) -> Keeper {
    let mut config = KeeperConfig::new(seed.pool.pool, product);
    config.sender.fees = fees;
    Keeper::new(rpc, config, pool_bot_dex::all()).expect("the keeper starts")
}

/// Ticks until `done` holds (at most `ticks` times, a slot apart).
fn tick_until(
    k: &mut Keeper,
    chain: &mut dyn Chain,
    who: &Keypair,
    ticks: usize,
    mut done: impl FnMut(&dyn Chain) -> bool,
) {
    for _ in 0..ticks {
        k.tick(chain, who);
        if done(chain) {
            return;
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    panic!("not done after {ticks} ticks");
}

fn pool_state(chain: &dyn Chain, seed: &SeedPool) -> Pool {
    accounts::load_zero_copy(chain, &seed.pool.pool).expect("pool")
}

fn proposal(chain: &dyn Chain, seed: &SeedPool, id: u64) -> Option<TradeProposal> {
    accounts::find_zero_copy(chain, &seed.pool.proposal(id)).expect("readable")
}

/// The LEAD and a SENIOR approve proposal `id`.
fn approve(rpc: &mut Rpc, seed: &SeedPool, id: u64) {
    for validator in &seed.validators[..2] {
        let vote = ix::approve_trade(&seed.pool, &validator.pubkey(), seed.pool.proposal(id));
        rpc.send(&[vote], &[validator]).expect("vote");
    }
}

/// Four markets in a cycle USDC → A → B → C → USDC, the last one paying 20% too much USDC for
/// C, and a product trading only them.
fn four_pool_cycle(rpc: &mut Rpc, seed: &mut SeedPool) -> (Pubkey, [AmmAddresses; 4]) {
    let (a, b, c) = (
        seed.new_mint(rpc, 6).expect("mint"),
        seed.new_mint(rpc, 6).expect("mint"),
        seed.new_mint(rpc, 6).expect("mint"),
    );
    let deep = 1_000_000 * USDC;
    let usdc = seed.usdc;
    let markets = [
        seed.add_market(rpc, (usdc, deep), (a, deep), 7),
        seed.add_market(rpc, (a, deep), (b, deep), 7),
        seed.add_market(rpc, (b, deep), (c, deep), 7),
        seed.add_market(rpc, (c, deep), (usdc, deep * 6 / 5), 7),
    ]
    .map(|m| m.expect("market"));
    let product = seed
        .register_product(rpc, markets.iter().map(|m| m.pool).collect())
        .expect("product");
    (product, markets)
}

#[test]
fn a_four_pool_cycle_is_proposed_and_executed_through_the_lookup_table() {
    let node = Localnet::start();
    let (mut rpc, mut seed) = seeded(&node, 31);
    let (product, markets) = four_pool_cycle(&mut rpc, &mut seed);
    let fees = FeePolicy {
        floor_micro_lamports: 1_000,
        ..FeePolicy::default()
    };
    let mut k = keeper(&rpc, &seed, product, fees);
    let who = seed.keeper.insecure_clone();
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        proposal(c, &seed, 0).is_some()
    });

    let proposed = proposal(&rpc, &seed, 0).expect("proposed");
    let legs = accounts::proposal_route(&proposed).expect("route");
    assert_eq!(legs.len(), 4, "the four-pool cycle");
    // the same proposal without the table does not fit in a transaction
    let route = pool_bot_client::route::pack(&legs);
    let terms = ix::TradeTerms {
        amount_in: proposed.amount_in,
        expected_profit: proposed.expected_profit,
        min_profit: proposed.min_profit,
    };
    let propose = ix::propose_trade(&seed.pool, &who.pubkey(), product, 1, terms, &route);
    let blockhash = solana_hash::Hash::default();
    let bare = chain::transaction(std::slice::from_ref(&propose), &[&who], &[], blockhash)
        .expect("compiles");
    assert!(
        chain::serialized_size(&bare) > PACKET_BYTES,
        "{} bytes without the table",
        chain::serialized_size(&bare)
    );
    let table = table_of(&rpc, &who.pubkey()).expect("the keeper's table");
    for market in &markets {
        assert!(table.addresses.contains(&market.pool), "lists every market");
    }
    let through = chain::transaction(
        std::slice::from_ref(&propose),
        &[&who],
        &[table.usable(u64::MAX)],
        blockhash,
    )
    .expect("compiles");
    assert!(chain::serialized_size(&through) <= PACKET_BYTES);

    approve(&mut rpc, &seed, 0);
    let held = |c: &dyn Chain| {
        accounts::load_balance(c, &seed.pool.vault).unwrap()
            + accounts::load_balance(c, &seed.pool.insurance_vault).unwrap()
    };
    let before = held(&rpc);
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        pool_state(c, &seed).trades_executed == 1
    });
    let pool = pool_state(&rpc, &seed);
    assert!(pool.total_profit > 0);
    assert_eq!(
        held(&rpc),
        before + pool.total_profit,
        "the pool gained the cycle's profit"
    );
    let fees_paid = Metrics::get(&k.metrics().fees_lamports);
    assert!(
        fees_paid > 0,
        "the keeper counted what its transactions paid"
    );
}

/// The keeper's active table, if it made one.
fn table_of(chain: &dyn Chain, keeper: &Pubkey) -> Option<LookupTable> {
    let filter = chain::AccountFilter::lookup_tables_of(keeper);
    chain
        .program_accounts(&lookup_table::PROGRAM, &filter)
        .expect("tables")
        .into_iter()
        .filter_map(|(key, _)| LookupTable::load(chain, &key).expect("table"))
        .find(LookupTable::is_active)
}

#[test]
fn the_compute_budget_is_the_simulation_plus_the_margin_at_the_policy_price() {
    let node = Localnet::start();
    let (mut rpc, seed) = seeded(&node, 32);
    let fees = FeePolicy {
        floor_micro_lamports: 2_000,
        margin_bps: 1_000,
        ..FeePolicy::default()
    };
    let sender = pool_bot_client::landing::Sender {
        fees,
        ..Default::default()
    };
    let member = &seed.members[0];
    let withdraw = ix::withdraw(
        &seed.pool,
        &member.wallet.pubkey(),
        member.usdc,
        pool_bot::instructions::WithdrawArgs {
            request: pool_bot::instructions::WithdrawRequest::Amount(USDC),
            min_amount_out: 0,
        },
    );
    let before = rpc
        .account(&member.wallet.pubkey())
        .unwrap()
        .unwrap()
        .lamports;
    let sent = sender
        .send(&mut rpc, &[withdraw], &[&member.wallet], &[])
        .expect("sent");
    let used = sent.receipt.compute_units;
    let limit = u64::from(sent.budget.unit_limit);
    assert!(limit >= used, "the limit {limit} covers the {used} CU used");
    assert!(
        limit <= used * 11 / 10 + 1_000,
        "10% margin over {used}: {limit}"
    );
    assert_eq!(sent.budget.unit_price, 2_000, "the floor: nobody paid more");
    let expected = 5_000 + (limit * 2_000).div_ceil(1_000_000);
    assert_eq!(
        sent.receipt.fee, expected,
        "signature fee plus limit x price"
    );
    let after = rpc
        .account(&member.wallet.pubkey())
        .unwrap()
        .unwrap()
        .lamports;
    assert_eq!(before - after, expected, "the payer paid exactly that");
}

#[test]
fn two_keepers_on_one_pool_propose_an_opportunity_once() {
    let node = Localnet::start();
    let (mut rpc, mut seed) = seeded(&node, 33);
    let second = seed.new_wallet(&mut rpc).expect("wallet");
    seed.govern(
        &mut rpc,
        pool_bot::state::GovernanceChange::AddKeeper {
            keeper: second.pubkey(),
        },
    )
    .expect("second keeper");
    let first = seed.keeper.insecure_clone();
    let url = node.url.clone();
    let (pool, product) = (seed.pool.pool, seed.product);
    // both at once, each on its own connection
    let run = |who: Keypair| {
        let url = url.clone();
        std::thread::spawn(move || {
            let mut rpc = Rpc::new(&url);
            let config = KeeperConfig::new(pool, product);
            let mut k = Keeper::new(&rpc, config, pool_bot_dex::all()).expect("keeper");
            for _ in 0..4 {
                k.tick(&mut rpc, &who);
                std::thread::sleep(Duration::from_millis(150));
            }
            k.in_flight()
        })
    };
    let (a, b) = (run(first), run(second));
    let followed = a.join().expect("first") + b.join().expect("second");
    let state = pool_state(&rpc, &seed);
    assert_eq!(
        state.trades_proposed, 1,
        "one proposal for the one opportunity"
    );
    assert_eq!(followed, 1, "followed by the keeper that made it");
    let made = proposal(&rpc, &seed, 0).expect("proposal 0");
    assert_eq!(made.status(), ProposalStatus::Pending);
}

#[test]
fn a_deactivated_table_is_replaced_and_a_stale_blockhash_rebuilt() {
    let node = Localnet::start();
    let (mut rpc, seed) = seeded(&node, 34);
    let mut k = keeper(&rpc, &seed, seed.product, FeePolicy::default());
    let who = seed.keeper.insecure_clone();
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        table_of(c, &who.pubkey()).is_some()
    });
    let first = table_of(&rpc, &who.pubkey()).expect("table");
    rpc.send(
        &[lookup_table::deactivate(&first.key, &who.pubkey())],
        &[&who],
    )
    .expect("deactivated by its authority");
    let errors = Metrics::get(&k.metrics().errors);
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        table_of(c, &who.pubkey()).is_some_and(|t| t.key != first.key)
    });
    assert!(
        Metrics::get(&k.metrics().errors) > errors,
        "the replacement was counted"
    );

    // the node hands out a stale blockhash once: the execution is rebuilt and lands
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        proposal(c, &seed, 0).is_some()
    });
    approve(&mut rpc, &seed, 0);
    let blockhash_faults = k.metrics().faults(Fault::Blockhash);
    let mut lagging = FaultyChain::new(&mut rpc).stale_blockhashes(1);
    tick_until(&mut k, &mut lagging, &who, 20, |c| {
        pool_state(c, &seed).trades_executed == 1
    });
    assert_eq!(
        lagging.unused_faults(),
        0,
        "the stale blockhash was handed out"
    );
    assert_eq!(
        k.metrics().faults(Fault::Blockhash),
        blockhash_faults + 1,
        "and counted"
    );
}

#[test]
fn a_fee_ceiling_below_the_market_is_counted_and_the_keeper_goes_on() {
    let node = Localnet::start();
    let (mut rpc, seed) = seeded(&node, 35);
    // someone pays 50,000 micro-lamports per CU on the pool's accounts
    let dear = pool_bot_client::landing::Sender {
        fees: FeePolicy {
            floor_micro_lamports: 50_000,
            ceiling_micro_lamports: 50_000,
            ..FeePolicy::default()
        },
        ..Default::default()
    };
    let member = &seed.members[0];
    let withdraw = ix::withdraw(
        &seed.pool,
        &member.wallet.pubkey(),
        member.usdc,
        pool_bot::instructions::WithdrawArgs {
            request: pool_bot::instructions::WithdrawRequest::Amount(USDC),
            min_amount_out: 0,
        },
    );
    dear.send(&mut rpc, &[withdraw], &[&member.wallet], &[])
        .expect("sent");
    let thrifty = FeePolicy {
        percentile: 100,
        floor_micro_lamports: 1,
        ceiling_micro_lamports: 100,
        margin_bps: 2_000,
    };
    let mut k = keeper(&rpc, &seed, seed.product, thrifty);
    let who = seed.keeper.insecure_clone();
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        proposal(c, &seed, 0).is_some()
    });
    assert!(
        Metrics::get(&k.metrics().priced_below_market) > 0,
        "the ceiling held the price below the market's"
    );
}

#[test]
fn a_node_that_does_not_answer_is_counted_and_survived() {
    let node = Localnet::start();
    let (rpc, seed) = seeded(&node, 36);
    let mut k = keeper(&rpc, &seed, seed.product, FeePolicy::default());
    let who = seed.keeper.insecure_clone();
    let mut dead = Rpc::new("http://127.0.0.1:9"); // nothing listens on the discard port
    let started = Instant::now();
    k.tick(&mut dead, &who);
    assert_eq!(Metrics::get(&k.metrics().errors), 1, "one error, counted");
    assert!(started.elapsed() < Duration::from_secs(30));
    let mut rpc = rpc;
    tick_until(&mut k, &mut rpc, &who, 20, |c| {
        proposal(c, &seed, 0).is_some()
    });
}

/// The swap a trader makes on the seed's cheap pool: `usdc` whole USDC for SOL.
fn trader_swap(rpc: &mut Rpc, seed: &mut SeedPool, usdc: u64) {
    let trader = seed.new_wallet(rpc).expect("trader");
    let (mint_usdc, mint_sol) = (seed.usdc, seed.sol);
    let pay = seed
        .token_account(rpc, &mint_usdc, &trader.pubkey(), usdc * USDC)
        .expect("USDC");
    let receive = seed
        .token_account(rpc, &mint_sol, &trader.pubkey(), 0)
        .expect("SOL account");
    let swap = pool_bot_client::amm::swap(
        &seed.cheap,
        &trader.pubkey(),
        pay,
        receive,
        &mint_usdc,
        local_amm::instructions::SwapArgs {
            amount_in: usdc * USDC,
            min_amount_out: 0,
        },
    );
    rpc.send(&[swap], &[&trader]).expect("the trader's swap");
}

/// Waits on `feed` until `wanted` matches the wake, at most `limit`.
fn wake_until(feed: &mut MarketFeed, limit: Duration, wanted: impl Fn(&Wake) -> bool) -> Wake {
    let never = AtomicBool::new(false);
    let started = Instant::now();
    loop {
        let wake = feed.wait(Duration::from_millis(500), &never);
        if wanted(&wake) {
            return wake;
        }
        assert!(
            started.elapsed() < limit,
            "no such wake within {limit:?}: last {wake:?}"
        );
    }
}

#[test]
fn the_market_feed_wakes_on_a_swap_and_resubscribes_after_a_dropped_socket() {
    let node = Localnet::start();
    let (mut rpc, mut seed) = seeded(&node, 37);
    let mut k = keeper(&rpc, &seed, seed.product, FeePolicy::default());
    let who = seed.keeper.insecure_clone();
    k.tick(&mut rpc, &who);
    let watched = k.watched_accounts();
    assert!(watched.contains(&seed.cheap.pool) && watched.contains(&seed.dear.pool));
    let target = node
        .ws_url
        .trim_start_matches("ws://")
        .parse()
        .expect("ws address");
    let relay = Relay::start(target);
    let mut feed = MarketFeed::start(&relay.url, watched);
    let limit = Duration::from_secs(20);
    wake_until(&mut feed, limit, |w| *w == Wake::Resubscribed);
    assert!(feed.state().subscribed);

    trader_swap(&mut rpc, &mut seed, 1_000);
    wake_until(&mut feed, limit, |w| matches!(w, Wake::Changed { .. }));

    // the socket drops; a swap lands while it is down; the feed reconnects and says so, so
    // the keeper re-reads every market and misses nothing
    relay.cut();
    let started = Instant::now();
    while feed.state().drops == 0 {
        let never = AtomicBool::new(false);
        let _ = feed.wait(Duration::from_millis(200), &never);
        assert!(started.elapsed() < limit, "the drop was never noticed");
    }
    assert!(!feed.state().subscribed, "polling while the socket is down");
    trader_swap(&mut rpc, &mut seed, 1_000);
    relay.restore();
    wake_until(&mut feed, limit, |w| *w == Wake::Resubscribed);
    assert!(feed.state().subscribed);
    assert!(feed.state().slot.is_some(), "slots are followed too");
}
