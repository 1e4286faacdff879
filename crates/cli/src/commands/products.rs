//! `poolbot products`: register, enable, disable (ADMIN) and list the pool's products.
use super::changes;
use super::signature_line;
use crate::args::{parse_bps, parse_pubkey};
use crate::error::CliError;
use crate::explain::Action;
use crate::fetch::{self, PoolInfo};
use crate::session::Session;
use crate::table::{Align, Table};
use crate::units::{percent_of_bps, TokenAmount};
use clap::{Subcommand, ValueEnum};
use pool_bot::instructions::RegisterProductArgs;
use pool_bot::state::{GovernanceChange, LegRuleArgs, Product, ProductCategory, ProductConfig};
use pool_bot_client::accounts;
use pool_bot_client::instructions as ix;
use pool_bot_client::Pubkey;
use serde_json::json;
use solana_signer::Signer;
use std::str::FromStr;

/// `poolbot products ...`
#[derive(Debug, Subcommand)]
pub enum ProductsCommand {
    /// Register a product: its limits, what each leg of its routes may do, and the markets they
    /// may trade on (ADMIN).
    Register {
        /// Product name, 1 to 32 bytes.
        #[arg(long)]
        name: String,
        /// What kind of strategy it is.
        #[arg(long, value_enum, default_value = "arbitrage")]
        category: CategoryArg,
        /// Largest amount one trade may put in, in whole tokens.
        #[arg(long, value_name = "AMOUNT")]
        max_trade: TokenAmount,
        /// Smallest minimum profit a proposal may set, in whole tokens.
        #[arg(long, value_name = "AMOUNT")]
        min_profit: TokenAmount,
        /// Largest share of a DEX pool's reserve one trade may take, in basis points.
        #[arg(long, default_value_t = 1_000, value_name = "BPS", value_parser = parse_bps)]
        max_liquidity_bps: u16,
        /// What a route leg may do (repeat for several, at most 4): `local-amm-swap`, or
        /// PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET] with account indices of the
        /// instruction (its source and destination must be token accounts the pool owns).
        #[arg(long = "rule", required = true, value_name = "RULE", value_parser = parse_rule)]
        rules: Vec<LegRuleArgs>,
        /// A market (DEX pool account) its legs may trade on (repeat, at most 16; none: any
        /// market of an allowed instruction).
        #[arg(long = "market", value_name = "PUBKEY", value_parser = parse_pubkey)]
        markets: Vec<Pubkey>,
        /// Leave it disabled (by default enabling is queued right after registering; enable it
        /// later with `poolbot products enable`).
        #[arg(long)]
        disabled: bool,
    },
    /// Enable a product: its trades may be proposed and executed again (ADMIN).
    Enable {
        /// The product's id (0, 1, ...) or address.
        product: ProductRef,
    },
    /// Disable a product: its trades can be neither proposed nor executed (ADMIN).
    Disable {
        /// The product's id (0, 1, ...) or address.
        product: ProductRef,
    },
    /// List the products with their limits and results.
    List,
}

/// A product category as written on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    /// Cross-pool arbitrage.
    Arbitrage,
    /// Staking.
    Staking,
    /// Directional trading.
    Trading,
    /// Lending.
    Lending,
    /// Anything else.
    Other,
}

impl From<CategoryArg> for ProductCategory {
    fn from(c: CategoryArg) -> Self {
        match c {
            CategoryArg::Arbitrage => ProductCategory::Arbitrage,
            CategoryArg::Staking => ProductCategory::Staking,
            CategoryArg::Trading => ProductCategory::Trading,
            CategoryArg::Lending => ProductCategory::Lending,
            CategoryArg::Other => ProductCategory::Other,
        }
    }
}

/// A product named by id or address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductRef {
    /// Its sequential id within the pool.
    Id(u64),
    /// Its address.
    Address(Pubkey),
}

impl FromStr for ProductRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.parse::<u64>() {
            Ok(id) => Ok(ProductRef::Id(id)),
            Err(_) => parse_pubkey(text).map(ProductRef::Address),
        }
    }
}

impl ProductRef {
    /// The product's address in `pool`.
    pub fn address(self, pool: &PoolInfo) -> Pubkey {
        match self {
            ProductRef::Id(id) => pool.addresses.product(id),
            ProductRef::Address(key) => key,
        }
    }
}

/// Runs a `products` command.
pub fn run(s: &mut Session, command: &ProductsCommand) -> Result<(), CliError> {
    let pool = s.pool()?;
    let (instruction, done) = match command {
        ProductsCommand::List => return list(s, &pool),
        ProductsCommand::Register {
            name,
            category,
            max_trade,
            min_profit,
            max_liquidity_bps,
            rules,
            markets,
            disabled,
        } => {
            let id = pool.state.next_product_id;
            let args = RegisterProductArgs {
                name: name.clone(),
                category: (*category).into(),
                config: ProductConfig {
                    max_trade_amount: pool.unit.base_units(max_trade)?,
                    min_profit: pool.unit.base_units(min_profit)?,
                    max_liquidity_bps: *max_liquidity_bps,
                },
                leg_rules: rules.clone(),
                markets: markets.clone(),
            };
            let register = ix::register_product(&pool.addresses, &s.signer()?.pubkey(), id, args);
            let address = pool.addresses.product(id);
            let registered = format!("Registered product {id} \"{name}\" at {address}");
            if *disabled {
                (register, format!("{registered} (disabled)."))
            } else {
                // enabling goes through the time lock: members see its rules first
                let change = GovernanceChange::EnableProduct { product: address };
                let done = format!("{registered} (enabled).");
                return changes::submit(s, &pool, vec![register], change, &done);
            }
        }
        ProductsCommand::Enable { product } | ProductsCommand::Disable { product } => {
            let enable = matches!(command, ProductsCommand::Enable { .. });
            let key = product.address(&pool);
            let found: Product = fetch::zero_copy(s.chain(), &key)?
                .filter(|p: &Product| p.pool == pool.key)
                .ok_or_else(|| {
                    let which = match product {
                        ProductRef::Id(id) => id.to_string(),
                        ProductRef::Address(key) => format!("at {key}"),
                    };
                    CliError::State(format!(
                        "No product {which} in this pool. See `poolbot products list`."
                    ))
                })?;
            if found.is_enabled() == enable {
                let state = if enable { "enabled" } else { "disabled" };
                let text = format!(
                    "Nothing to do: product {} \"{}\" is already {state}.",
                    found.id,
                    found.name()
                );
                return s.emit(
                    &text,
                    json!({ "nothing_to_do": true, "id": found.id, "enabled": enable }),
                );
            }
            if enable {
                let done = format!("Product {} \"{}\" enabled.", found.id, found.name());
                let change = GovernanceChange::EnableProduct { product: key };
                return changes::submit(s, &pool, vec![], change, &done);
            }
            (
                ix::disable_product(&pool.addresses, &s.signer()?.pubkey(), key),
                format!("Product {} \"{}\" disabled.", found.id, found.name()),
            )
        }
    };
    let receipt = s.send(&[instruction], Action::Manage, Some(&pool))?;
    s.emit(
        &format!("{done}\n{}", signature_line(&receipt)),
        json!({ "signature": receipt.signature }),
    )
}

fn list(s: &mut Session, pool: &PoolInfo) -> Result<(), CliError> {
    let mut products = accounts::list_zero_copy::<Product>(s.chain(), Some(&pool.key))?;
    products.sort_by_key(|(_, p)| p.id);
    let u = &pool.unit;
    let mut table = Table::new(&[
        ("id", Align::Right),
        ("name", Align::Left),
        ("category", Align::Left),
        ("state", Align::Left),
        ("max trade", Align::Right),
        ("min profit", Align::Right),
        ("max liquidity", Align::Right),
        ("proposals", Align::Right),
        ("executed", Align::Right),
        ("profit", Align::Right),
    ]);
    let mut routes = Table::new(&[
        ("id", Align::Right),
        ("address", Align::Left),
        ("programs", Align::Left),
        ("markets", Align::Left),
    ]);
    let mut rows = Vec::new();
    for (key, p) in &products {
        let programs: Vec<String> = p
            .leg_rules()
            .iter()
            .map(|r| r.program.to_string())
            .collect();
        let markets: Vec<String> = p.markets().iter().map(Pubkey::to_string).collect();
        table.row([
            p.id.to_string(),
            format!("\"{}\"", p.name()),
            format!("{:?}", p.category()),
            if p.is_enabled() {
                "enabled"
            } else {
                "DISABLED"
            }
            .to_string(),
            u.show(p.max_trade_amount),
            u.show(p.min_profit),
            percent_of_bps(p.max_liquidity_bps),
            p.proposals.to_string(),
            p.executed.to_string(),
            u.show(p.total_profit),
        ]);
        routes.row([
            p.id.to_string(),
            key.to_string(),
            programs.join(", "),
            if markets.is_empty() {
                "any".to_string()
            } else {
                markets.join(", ")
            },
        ]);
        rows.push(json!({
            "id": p.id,
            "address": key.to_string(),
            "name": p.name(),
            "category": format!("{:?}", p.category()),
            "enabled": p.is_enabled(),
            "max_trade_amount": p.max_trade_amount,
            "min_profit": p.min_profit,
            "max_liquidity_bps": p.max_liquidity_bps,
            "programs": programs,
            "markets": markets,
            "proposals": p.proposals,
            "executed": p.executed,
            "total_profit": p.total_profit,
        }));
    }
    let mut text = format!("{} product(s)\n", products.len());
    if !table.is_empty() {
        text.push_str(&table.render());
        text.push_str("Where their routes may go:\n");
        text.push_str(&routes.render());
    }
    s.emit(
        &text,
        json!({ "pool": pool.key.to_string(), "products": rows }),
    )
}

/// A leg rule from `local-amm-swap` or `PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET]`.
fn parse_rule(text: &str) -> Result<LegRuleArgs, String> {
    if text == "local-amm-swap" {
        return Ok(pool_bot_client::amm::swap_rule());
    }
    let bad = |why: &str| {
        format!(
            "'{text}' is not a leg rule ({why}): use local-amm-swap, or PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET], e.g. AmmxTFnpPRJQEkFdtB5d9ZzbN5V2g7fPkFCoDT594peP:f8c69e91e17587c8:2:3:1"
        )
    };
    let parts: Vec<&str> = text.split(':').collect();
    if !(4..=5).contains(&parts.len()) {
        return Err(bad("four or five parts separated by ':'"));
    }
    let program = parse_pubkey(parts[0]).map_err(|_| bad("the program is not a pubkey"))?;
    let hex = parts[1];
    if hex.is_empty() || hex.len() > 16 || !hex.len().is_multiple_of(2) {
        return Err(bad("the discriminator is 1 to 8 bytes of hex"));
    }
    let discriminator = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|_| bad("the discriminator is not hex"))?;
    let index = |part: &str| {
        part.parse::<u8>()
            .map_err(|_| bad("an index is not 0 to 254"))
    };
    Ok(LegRuleArgs {
        program,
        discriminator,
        source_index: index(parts[2])?,
        destination_index: index(parts[3])?,
        market_index: parts.get(4).map(|p| index(p)).transpose()?,
    })
}
