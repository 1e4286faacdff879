//! The CLI's test world: the embedded chain (LiteSVM with the built programs), USDC and SOL
//! mints, funded wallets, and `poolbot` commands run in-process as any wallet. `seeded()`
//! builds the seed pool through the CLI itself; `arbitrage()` adds two local AMM pools at
//! different prices and has the keeper propose the trade with `pool_bot_client` builders.
#![allow(dead_code, reason = "each test binary uses part of the shared world")]

use clap::Parser;
use pool_bot::route::RouteLeg;
use pool_bot_cli::{run, Cli, CliError, Wallet};
use pool_bot_client::amm::{self, AmmAddresses};
use pool_bot_client::chain::{Chain, ChainError};
use pool_bot_client::embedded::{default_programs_dir, Embedded};
use pool_bot_client::instructions::{self as ix, TradeTerms};
use pool_bot_client::local_amm::instructions::SwapArgs;
use pool_bot_client::local_amm::math::swap_output;
use pool_bot_client::pda::{self, PoolAddresses};
use pool_bot_client::{route, token, Instruction, Pubkey};
use serde_json::Value;
use solana_keypair::Keypair;
use solana_signer::Signer;

/// One USDC in base units.
pub const USDC: u64 = 1_000_000;
/// One SOL in base units.
pub const SOL: u64 = 1_000_000_000;
/// AMM fee in basis points.
const AMM_FEE_BPS: u16 = 30;

/// The SPL Token program.
pub fn spl_token() -> Pubkey {
    anchor_spl::token::ID
}

/// The chain, the mints and the seed pool's people.
pub struct World {
    /// The embedded chain.
    pub chain: Embedded,
    /// Pays for fixtures and is both mints' authority.
    pub bank: Keypair,
    /// The pool's asset (6 decimals).
    pub usdc: Pubkey,
    /// The token traded against it (9 decimals).
    pub sol: Pubkey,
    /// The pool's creator and first ADMIN.
    pub admin: Keypair,
    /// LEAD, SENIOR, SENIOR.
    pub validators: Vec<Keypair>,
    /// The keeper.
    pub keeper: Keypair,
    /// The seed members, holding 1000 / 5000 / 2500 USDC before depositing.
    pub members: Vec<Keypair>,
}

impl World {
    /// The chain with the mints and funded wallets; no pool yet.
    pub fn new() -> World {
        let mut chain = Embedded::new(&default_programs_dir()).unwrap_or_else(|e| panic!("{e}"));
        let bank = Keypair::new();
        chain.airdrop(&bank.pubkey(), 10_000 * SOL).unwrap();
        let mut world = World {
            chain,
            bank,
            usdc: Pubkey::default(),
            sol: Pubkey::default(),
            admin: Keypair::new(),
            validators: Vec::new(),
            keeper: Keypair::new(),
            members: Vec::new(),
        };
        world.usdc = world.mint(6);
        world.sol = world.mint(9);
        world.admin = world.wallet();
        world.validators = (0..3).map(|_| world.wallet()).collect();
        world.keeper = world.wallet();
        world
    }

    /// The seed pool built with `poolbot`: init with validators LEAD, SENIOR, SENIOR, quorum 2
    /// with a lead, a keeper, the arbitrage product, and members depositing 1000 / 5000 /
    /// 2500 USDC.
    pub fn seeded() -> World {
        let mut w = World::new();
        let admin = w.admin.insecure_clone();
        let usdc = w.usdc.to_string();
        let v: Vec<String> = w
            .validators
            .iter()
            .map(|k| k.pubkey().to_string())
            .collect();
        w.ok(
            &admin,
            &[
                "init",
                "--mint",
                &usdc,
                "--name",
                "Arbitrage Trading Pool",
                "--min-contribution",
                "100",
                "--validator",
                &format!("{}:lead", v[0]),
                "--validator",
                &format!("{}:senior", v[1]),
                "--validator",
                &format!("{}:senior", v[2]),
                "--quorum",
                "2",
                "--require-lead",
                // a test pool: governance changes apply at once
                "--time-lock",
                "0",
            ],
        );
        let keeper = w.keeper.pubkey().to_string();
        w.ok(&admin, &["keepers", "add", &keeper]);
        w.ok(
            &admin,
            &[
                "products",
                "register",
                "--name",
                "DEX arbitrage",
                "--max-trade",
                "50000",
                "--min-profit",
                "1",
                "--rule",
                "local-amm-swap",
            ],
        );
        for usdc in [1_000, 5_000, 2_500] {
            let member = w.usdc_wallet(usdc);
            w.ok(
                &member,
                &["member", "deposit", "--amount", &usdc.to_string()],
            );
            w.members.push(member);
        }
        w
    }

    /// The pool the admin created for USDC.
    pub fn pool(&self) -> PoolAddresses {
        PoolAddresses::new(&self.admin.pubkey(), &self.usdc, &spl_token())
    }

    /// A new mint with `decimals`.
    pub fn mint(&mut self, decimals: u8) -> Pubkey {
        let mint = Keypair::new();
        let bank = self.bank.insecure_clone();
        let create = token::create_mint(
            &bank.pubkey(),
            &mint.pubkey(),
            &bank.pubkey(),
            decimals,
            &spl_token(),
        );
        self.chain.send(&create, &[&bank, &mint]).unwrap();
        mint.pubkey()
    }

    /// A new wallet with 10 SOL for fees and rent.
    pub fn wallet(&mut self) -> Keypair {
        let wallet = Keypair::new();
        self.chain.airdrop(&wallet.pubkey(), 10 * SOL).unwrap();
        wallet
    }

    /// `owner`'s associated USDC account.
    pub fn ata(&self, owner: &Pubkey) -> Pubkey {
        token::associated_address(owner, &self.usdc, &spl_token())
    }

    /// A new wallet whose associated USDC account holds `usdc` whole USDC.
    pub fn usdc_wallet(&mut self, usdc: u64) -> Keypair {
        let wallet = self.wallet();
        let bank = self.bank.insecure_clone();
        let ata = self.ata(&wallet.pubkey());
        self.chain
            .send(
                &[
                    token::create_associated_idempotent(
                        &bank.pubkey(),
                        &wallet.pubkey(),
                        &self.usdc,
                        &spl_token(),
                    ),
                    token::mint_to(&self.usdc, &ata, &bank.pubkey(), usdc * USDC, &spl_token()),
                ],
                &[&bank],
            )
            .unwrap();
        wallet
    }

    /// A token account (a new keypair's address) of `mint` owned by `owner`, with `amount`.
    pub fn token_account(&mut self, mint: &Pubkey, owner: &Pubkey, amount: u64) -> Pubkey {
        let account = Keypair::new();
        let bank = self.bank.insecure_clone();
        let mut instructions =
            token::create_account_for(&bank.pubkey(), &account.pubkey(), mint, owner, &spl_token());
        if amount > 0 {
            instructions.push(token::mint_to(
                mint,
                &account.pubkey(),
                &bank.pubkey(),
                amount,
                &spl_token(),
            ));
        }
        self.chain.send(&instructions, &[&bank, &account]).unwrap();
        account.pubkey()
    }

    /// The balance of a token account.
    pub fn balance(&self, account: &Pubkey) -> u64 {
        let data = self
            .chain
            .account(account)
            .unwrap()
            .expect("token account")
            .data;
        token::balance(&data).unwrap()
    }

    /// Runs `poolbot <args> --pool <the pool> --symbol USDC` as `wallet`.
    pub fn run_as(&mut self, wallet: &Wallet, args: &[&str]) -> Result<String, CliError> {
        let pool = pda::pool(&self.admin.pubkey(), &self.usdc).to_string();
        let mut argv = vec!["poolbot"];
        argv.extend_from_slice(args);
        if !args.contains(&"--pool") && !args.contains(&"--mint") {
            argv.extend(["--pool", &pool]);
        }
        argv.extend(["--symbol", "USDC"]);
        let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        let mut out = Vec::new();
        run(&cli, &mut self.chain, wallet, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    /// Runs `poolbot <args>` as `who`.
    pub fn run(&mut self, who: &Keypair, args: &[&str]) -> Result<String, CliError> {
        self.run_as(&Ok(who.insecure_clone()), args)
    }

    /// Runs `poolbot <args>` as `who`, which must succeed; returns its output.
    pub fn ok(&mut self, who: &Keypair, args: &[&str]) -> String {
        self.run(who, args)
            .unwrap_or_else(|e| panic!("poolbot {args:?} failed: {e}"))
    }

    /// Runs `poolbot <args>` as `who`, which must fail; returns the message.
    pub fn err(&mut self, who: &Keypair, args: &[&str]) -> String {
        match self.run(who, args) {
            Ok(out) => panic!("poolbot {args:?} succeeded: {out}"),
            Err(e) => e.to_string(),
        }
    }

    /// Runs `poolbot <args> --json` as `who` and parses the output.
    pub fn json(&mut self, who: &Keypair, args: &[&str]) -> Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let out = self.ok(who, &with_json);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    }

    /// Creates USDC/SOL AMM pool `id` with the given reserves.
    fn amm_pool(&mut self, id: u64, reserve_usdc: u64, reserve_sol: u64) -> AmmAddresses {
        let lp = self.wallet();
        let a = AmmAddresses::new(self.usdc, self.sol, id, spl_token());
        let (usdc, sol) = (self.usdc, self.sol);
        let src_a = self.token_account(&usdc, &lp.pubkey(), reserve_usdc);
        let src_b = self.token_account(&sol, &lp.pubkey(), reserve_sol);
        self.chain
            .send(
                &[
                    amm::create_pool(&a, &lp.pubkey(), id, AMM_FEE_BPS),
                    amm::add_liquidity(&a, &lp.pubkey(), src_a, src_b, reserve_usdc, reserve_sol),
                ],
                &[&lp],
            )
            .unwrap();
        a
    }

    /// Two AMM pools (SOL at 100 and about 105 USDC) and the pool PDA's SOL account: what the
    /// keeper's arbitrage routes through.
    pub fn markets(&mut self) -> Markets {
        let cheap = self.amm_pool(0, 1_000_000 * USDC, 10_000 * SOL);
        let dear = self.amm_pool(1, 1_000_000 * USDC, 9_500 * SOL);
        let sol = self.sol;
        let pool_sol = self.token_account(&sol, &self.pool().pool, 0);
        Markets {
            cheap,
            dear,
            pool_sol,
        }
    }

    /// Buying SOL where cheap and selling it where dear with `amount_in` USDC base units, at
    /// today's reserves: the two legs and the gain they make.
    pub fn arbitrage_legs(&self, m: &Markets, amount_in: u64) -> (Vec<RouteLeg>, u64) {
        let p = self.pool();
        let reserves = |a: &AmmAddresses| (self.balance(&a.vault_a), self.balance(&a.vault_b));
        let ((cu, cs), (du, ds)) = (reserves(&m.cheap), reserves(&m.dear));
        let sol_out = swap_output(amount_in, cu, cs, AMM_FEE_BPS).unwrap();
        let usdc_back = swap_output(sol_out, ds, du, AMM_FEE_BPS).unwrap();
        let legs = vec![
            amm::swap_leg(
                &m.cheap,
                &p.pool,
                p.vault,
                m.pool_sol,
                &self.usdc,
                SwapArgs {
                    amount_in,
                    min_amount_out: sol_out,
                },
            ),
            amm::swap_leg(
                &m.dear,
                &p.pool,
                m.pool_sol,
                p.vault,
                &self.sol,
                SwapArgs {
                    amount_in: sol_out,
                    min_amount_out: usdc_back,
                },
            ),
        ];
        (legs, usdc_back - amount_in)
    }

    /// The keeper executes the arbitrage with `amount_in` USDC base units under mandate `id`
    /// (of product 0), accepting no less than 90% of the gain; returns the gain expected.
    pub fn execute_mandate(
        &mut self,
        m: &Markets,
        id: u64,
        amount_in: u64,
    ) -> Result<u64, ChainError> {
        let p = self.pool();
        let (legs, gain) = self.arbitrage_legs(m, amount_in);
        let execute = ix::execute_mandate(
            &p,
            &self.keeper.pubkey(),
            p.mandate(id),
            p.product(0),
            amount_in,
            gain * 9 / 10,
            &route::pack(&legs),
        );
        let keeper = self.keeper.insecure_clone();
        self.chain.send(&[execute], &[&keeper])?;
        Ok(gain)
    }

    /// The keeper proposes buying SOL where cheap and selling it where dear with `amount_in`
    /// USDC base units, as the pool's next proposal; returns its id.
    pub fn propose_arbitrage(&mut self, m: &Markets, amount_in: u64) -> u64 {
        let p = self.pool();
        let (legs, gain) = self.arbitrage_legs(m, amount_in);
        let pool: pool_bot::state::Pool = pool_bot_client::accounts::decode_zero_copy(
            &self.chain.account(&p.pool).unwrap().unwrap().data,
        )
        .unwrap();
        let id = pool.next_proposal_id;
        let propose: Instruction = ix::propose_trade(
            &p,
            &self.keeper.pubkey(),
            p.product(0),
            id,
            TradeTerms {
                amount_in,
                expected_profit: gain,
                min_profit: gain * 9 / 10,
            },
            &route::pack(&legs),
        );
        let keeper = self.keeper.insecure_clone();
        self.chain.send(&[propose], &[&keeper]).unwrap();
        id
    }
}

/// The markets an arbitrage goes through.
pub struct Markets {
    /// SOL at 100 USDC.
    pub cheap: AmmAddresses,
    /// SOL at about 105 USDC.
    pub dear: AmmAddresses,
    /// The pool PDA's SOL account, between the two swaps.
    pub pool_sol: Pubkey,
}
