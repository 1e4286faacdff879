//! Building the seed's world on the embedded chain and running the market.
use crate::report::{Report, TradeRow};
use local_amm::instructions::SwapArgs;
use pool_bot::instructions::*;
use pool_bot::math::{assets_for_shares, split_profit};
use pool_bot::state::*;
use pool_bot_client::accounts::{self, LoadError};
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::embedded::Embedded;
use pool_bot_client::instructions as ix;
use pool_bot_client::pda::PoolAddresses;
use pool_bot_client::{token, Instruction, Pubkey};
use pool_bot_keeper::{Keeper, KeeperConfig, KeeperError, Metrics};
use pool_bot_validator::{Policy, ValidatorAgent};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use solana_keypair::Keypair;
use solana_signer::Signer;
use std::path::PathBuf;
use std::time::Duration;

/// The token program of every mint here.
const TOKEN: Pubkey = anchor_lang::pubkey!("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
/// One USDC.
const USDC: u64 = 1_000_000;
/// The seed's deposits, in USDC.
const DEPOSITS: [u64; 3] = [1_000, 5_000, 2_500];

/// What to simulate.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// Simulated days.
    pub days: u32,
    /// Random seed: the same seed gives the same run.
    pub seed: u64,
    /// Market steps per simulated day (one random price shock each).
    pub steps_per_day: u32,
    /// Where the built programs are.
    pub programs_dir: PathBuf,
}

/// Why a simulation stopped.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The chain refused a setup step.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The keeper could not start.
    #[error(transparent)]
    Keeper(#[from] KeeperError),
    /// An account could not be read back.
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// The world: chain, actors and markets.
struct World {
    chain: Embedded,
    rng: StdRng,
    payer: Keypair,
    admin: Keypair,
    validators: Vec<Keypair>,
    keeper: Keypair,
    trader: Keypair,
    pool: PoolAddresses,
    product: Pubkey,
    amms: Vec<AmmAddresses>,
    /// The trader's token account per mint.
    trader_accounts: Vec<(Pubkey, Pubkey)>,
    members: Vec<Keypair>,
}

impl World {
    fn keypair(&mut self) -> Keypair {
        Keypair::new_from_array(self.rng.gen())
    }

    fn wallet(&mut self) -> Result<Keypair, ChainError> {
        let wallet = self.keypair();
        self.chain.airdrop(&wallet.pubkey(), 100_000_000_000)?;
        Ok(wallet)
    }

    fn send(
        &mut self,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<(), ChainError> {
        self.chain.send(instructions, signers).map(|_| ())
    }

    fn mint(&mut self, decimals: u8) -> Result<Pubkey, ChainError> {
        let mint = self.keypair();
        let payer = self.payer.insecure_clone();
        self.send(
            &token::create_mint(
                &payer.pubkey(),
                &mint.pubkey(),
                &payer.pubkey(),
                decimals,
                &TOKEN,
            ),
            &[&payer, &mint],
        )?;
        Ok(mint.pubkey())
    }

    /// A new token account of `owner` holding `amount` of `mint`.
    fn funded(&mut self, mint: &Pubkey, owner: &Pubkey, amount: u64) -> Result<Pubkey, ChainError> {
        let account = self.keypair();
        let payer = self.payer.insecure_clone();
        let mut instructions =
            token::create_account_for(&payer.pubkey(), &account.pubkey(), mint, owner, &TOKEN);
        if amount > 0 {
            instructions.push(token::mint_to(
                mint,
                &account.pubkey(),
                &payer.pubkey(),
                amount,
                &TOKEN,
            ));
        }
        self.send(&instructions, &[&payer, &account])?;
        Ok(account.pubkey())
    }

    fn amm_pool(
        &mut self,
        a: (Pubkey, u64),
        b: (Pubkey, u64),
        id: u64,
    ) -> Result<AmmAddresses, ChainError> {
        let lp = self.wallet()?;
        let addresses = AmmAddresses::new(a.0, b.0, id, TOKEN);
        let (src_a, src_b) = (
            self.funded(&a.0, &lp.pubkey(), a.1)?,
            self.funded(&b.0, &lp.pubkey(), b.1)?,
        );
        self.send(
            &[
                amm::create_pool(&addresses, &lp.pubkey(), id, 30),
                amm::add_liquidity(&addresses, &lp.pubkey(), src_a, src_b, a.1, b.1),
            ],
            &[&lp],
        )?;
        Ok(addresses)
    }

    /// A random trader swap of 0.05% to 0.8% of a random pool's input reserve.
    fn shock(&mut self) -> Result<(), ChainError> {
        let amm = self.amms[self.rng.gen_range(0..self.amms.len())];
        let sell_a = self.rng.gen_bool(0.5);
        let (mint_in, mint_out, vault_in) = if sell_a {
            (amm.mint_a, amm.mint_b, amm.vault_a)
        } else {
            (amm.mint_b, amm.mint_a, amm.vault_b)
        };
        let reserve = self
            .chain
            .account(&vault_in)?
            .and_then(|a| token::balance(&a.data))
            .unwrap_or(0);
        let amount = (reserve as f64 * self.rng.gen_range(0.0005..0.008)) as u64;
        let account_of = |mint: &Pubkey, list: &[(Pubkey, Pubkey)]| {
            list.iter().find(|(m, _)| m == mint).map(|(_, a)| *a)
        };
        let (Some(source), Some(destination)) = (
            account_of(&mint_in, &self.trader_accounts),
            account_of(&mint_out, &self.trader_accounts),
        ) else {
            return Ok(());
        };
        let trader = self.trader.insecure_clone();
        let swap = amm::swap(
            &amm,
            &trader.pubkey(),
            source,
            destination,
            &mint_in,
            SwapArgs {
                amount_in: amount.max(1),
                min_amount_out: 1,
            },
        );
        // a swap the market cannot take (e.g. an empty account) is just skipped
        let _ = self.send(&[swap], &[&trader]);
        Ok(())
    }
}

fn build(config: &SimConfig) -> Result<World, SimError> {
    let mut chain = Embedded::new(&config.programs_dir)?;
    let mut rng = StdRng::seed_from_u64(config.seed);
    let payer = Keypair::new_from_array(rng.gen());
    chain.airdrop(&payer.pubkey(), 10_000_000_000_000)?;
    let mut w = World {
        chain,
        rng,
        payer,
        admin: Keypair::new(),
        validators: Vec::new(),
        keeper: Keypair::new(),
        trader: Keypair::new(),
        pool: PoolAddresses::new(&Pubkey::default(), &Pubkey::default(), &TOKEN),
        product: Pubkey::default(),
        amms: Vec::new(),
        trader_accounts: Vec::new(),
        members: Vec::new(),
    };
    let usdc = w.mint(6)?;
    let sol = w.mint(9)?;
    let eth = w.mint(8)?;
    w.admin = w.wallet()?;
    w.keeper = w.wallet()?;
    w.trader = w.wallet()?;
    let admin = w.admin.insecure_clone();
    w.pool = PoolAddresses::new(&admin.pubkey(), &usdc, &TOKEN);
    let init = InitializePoolArgs {
        name: "Arbitrage Trading Pool".into(),
        max_members: 100,
        min_contribution: 100 * USDC,
        insurance_bps: 500,
        required_approvals: 1,
        require_lead_approval: true,
        proposal_ttl: 3_600,
        claim_required_approvals: 1,
        claim_require_lead_approval: true,
        claim_ttl: 7 * 86_400,
        time_lock: 0,
    };
    w.send(
        &[ix::initialize_pool(&w.pool, &admin.pubkey(), init)],
        &[&admin],
    )?;
    let mut changes = Vec::new();
    for role in [Role::Lead, Role::Senior, Role::Senior] {
        let v = w.wallet()?;
        changes.push(GovernanceChange::AddValidator {
            validator: v.pubkey(),
            role,
        });
        w.validators.push(v);
    }
    changes.push(GovernanceChange::Config(ConfigChange {
        required_approvals: Some(2),
        claim_required_approvals: Some(2),
        ..Default::default()
    }));
    changes.push(GovernanceChange::AddKeeper {
        keeper: w.keeper.pubkey(),
    });
    // the pool has no time lock: each change is queued and applied in one transaction
    for (id, change) in changes.into_iter().enumerate() {
        let govern = ix::govern(&w.pool, &admin.pubkey(), id as u64, change);
        w.send(&govern, &[&admin])?;
    }
    // the market: SOL at 100 and ETH at 2500 USDC, two USDC/SOL pools a little apart
    const SOL: u64 = 1_000_000_000;
    const ETH: u64 = 100_000_000;
    let markets = [
        ((usdc, 1_000_000 * USDC), (sol, 10_000 * SOL), 0),
        ((usdc, 1_000_000 * USDC), (sol, 9_900 * SOL), 1),
        ((sol, 25_000 * SOL), (eth, 1_000 * ETH), 0),
        ((usdc, 2_500_000 * USDC), (eth, 1_000 * ETH), 0),
    ];
    let product = RegisterProductArgs {
        name: "DEX arbitrage".into(),
        category: ProductCategory::Arbitrage,
        config: ProductConfig {
            max_trade_amount: 50_000 * USDC,
            min_profit: USDC,
            max_liquidity_bps: 1_000,
        },
        leg_rules: vec![amm::swap_rule()],
        markets: markets
            .iter()
            .map(|&((a, _), (b, _), id)| AmmAddresses::new(a, b, id, TOKEN).pool)
            .collect(),
    };
    w.product = w.pool.product(0);
    let enable = GovernanceChange::EnableProduct { product: w.product };
    let [queue, apply] = ix::govern(&w.pool, &admin.pubkey(), 5, enable);
    w.send(
        &[
            ix::register_product(&w.pool, &admin.pubkey(), 0, product),
            queue,
            apply,
        ],
        &[&admin],
    )?;

    for (a, b, id) in markets {
        let amm = w.amm_pool(a, b, id)?;
        w.amms.push(amm);
    }
    let trader = w.trader.pubkey();
    for (mint, amount) in [
        (usdc, 100_000_000 * USDC),
        (sol, 1_000_000 * SOL),
        (eth, 40_000 * ETH),
    ] {
        let account = w.funded(&mint, &trader, amount)?;
        w.trader_accounts.push((mint, account));
    }

    for usdc_amount in DEPOSITS {
        let member = w.wallet()?;
        let account = w.funded(&usdc, &member.pubkey(), usdc_amount * USDC)?;
        let deposit = DepositArgs {
            amount: usdc_amount * USDC,
            min_shares_out: 0,
        };
        w.send(
            &[ix::deposit(&w.pool, &member.pubkey(), account, deposit)],
            &[&member],
        )?;
        w.members.push(member);
    }
    Ok(w)
}

/// Runs the simulation, calling `progress(done, total)` after every market step.
pub fn simulate(
    config: &SimConfig,
    mut progress: impl FnMut(u64, u64),
) -> Result<Report, SimError> {
    let mut w = build(config)?;
    let mut keeper_config = KeeperConfig::new(w.pool.pool, w.product);
    keeper_config.backoff = Duration::ZERO;
    let mut keeper = Keeper::new(&w.chain, keeper_config, pool_bot_dex::all())?;
    let policy = Policy {
        min_profit: USDC,
        max_amount_in: 50_000 * USDC,
        max_profit_drop_bps: 5_000,
        max_profit_shortfall_bps: 300,
    };
    let mut agents = Vec::new();
    for _ in &w.validators {
        agents.push(ValidatorAgent::new(
            &w.chain,
            &w.pool.pool,
            policy.clone(),
            pool_bot_dex::all(),
        )?);
    }
    let insurance_bps = accounts::load_zero_copy::<Pool>(&w.chain, &w.pool.pool)?.insurance_bps;
    let steps_per_day = config.steps_per_day.max(1);
    let total = u64::from(config.days) * u64::from(steps_per_day);
    let step_seconds = 86_400 / i64::from(steps_per_day);
    let keeper_key = w.keeper.insecure_clone();
    let mut trades = Vec::new();
    for step in 0..total {
        w.shock()?;
        keeper.tick(&mut w.chain, &keeper_key);
        for (agent, validator) in agents.iter_mut().zip(&w.validators) {
            agent.tick(&mut w.chain, validator)?;
        }
        keeper.tick(&mut w.chain, &keeper_key);
        for e in keeper.take_executions() {
            let (insurance, member_profit) =
                split_profit(e.gain, insurance_bps).expect("valid bps");
            trades.push(TradeRow {
                day: (step / u64::from(steps_per_day)) as u32,
                proposal: e.id,
                amount_in: e.amount_in,
                expected_profit: e.expected_profit,
                gain: e.gain,
                insurance,
                member_profit,
            });
        }
        w.chain.advance(step_seconds, 1);
        progress(step + 1, total);
    }

    let pool: Pool = accounts::load_zero_copy(&w.chain, &w.pool.pool)?;
    let metrics = keeper.metrics();
    let first = &w.members[0];
    let position: MemberPosition = accounts::load(&w.chain, &w.pool.member(&first.pubkey()))?;
    let value = assets_for_shares(position.shares, pool.total_shares, pool.total_assets)
        .expect("share math");
    let reserve: InsuranceReserve = accounts::load(&w.chain, &w.pool.insurance)?;
    Ok(Report {
        days: config.days,
        seed: config.seed,
        decimals: pool.decimals,
        opportunities: Metrics::get(&metrics.opportunities),
        proposed: pool.trades_proposed,
        approved: pool.trades_approved,
        rejected: pool.trades_rejected,
        executed: pool.trades_executed,
        expired: pool.trades_expired,
        total_profit: pool.total_profit,
        insurance: reserve.total_allocated,
        member_profit: pool.total_member_profit,
        capital: pool.total_contributed,
        example_member: (position.capital_contributed, value),
        trades,
    })
}
