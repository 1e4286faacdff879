/**
 * The seed pool of `crates/seed/src/world.rs`, built the same way through the TypeScript SDK:
 * an admin, validators LEAD, SENIOR, SENIOR (trade and claim quorum 2 with a lead; claims open
 * for 7 days), a keeper, the arbitrage product (the local AMM's swap as its one leg rule, the two
 * AMM pools as its markets), two AMM pools at different SOL prices, and the members who deposit 1000 / 5000 / 2500 USDC. Fresh keypairs and mints
 * every time; a test may shorten the pool's timings (`build(connection, { proposalTtl: 10 })`).
 * Setup governance goes through queued changes applied at once: the seed pool's time lock is 0.
 */
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import {
  AmmAddresses,
  Change,
  LocalAmmClient,
  localAmmSwapRule,
  PoolAddresses,
  PoolBotClient,
  PoolBotEvent,
  PoolConfig,
  RouteLeg,
  SendResult,
  swapOutput,
  TradeTerms,
} from "@poolbot/sdk";
import { createMint, fundedWallet, tokenAccount, tokenBalance } from "./localnet";

/** One USDC in base units (6 decimals). */
export const USDC = 1_000_000n;
/** One SOL in base units (9 decimals). */
export const SOL = 1_000_000_000n;
/** The seed's deposits, in USDC. */
export const DEPOSITS = [1_000n, 5_000n, 2_500n];
/** The AMM pools' fee in basis points. */
export const AMM_FEE_BPS = 30;
/** The arbitrage's size: 5000 USDC. */
export const TRADE_SIZE = 5_000n * USDC;
/** A claim's lifetime in the seed: 7 days. */
export const CLAIM_TTL = 7 * 86_400;

/** The seed's `initialize_pool` configuration (its quorum is raised to 2 right after). */
export const SEED_CONFIG: PoolConfig = {
  name: "Arbitrage Trading Pool",
  maxMembers: 100,
  minContribution: 100n * USDC,
  insuranceBps: 500,
  requiredApprovals: 1,
  requireLeadApproval: true,
  proposalTtl: 3_600,
  claimRequiredApprovals: 1,
  claimRequireLeadApproval: true,
  claimTtl: CLAIM_TTL,
  // a fixture: changes apply at once (production pools lock for days)
  timeLock: 0,
};

/**
 * Creates AMM pool `amm` (fee `AMM_FEE_BPS`) holding `reserveA` of its mint A and `reserveB` of
 * its mint B, put in by a fresh liquidity provider; `payer` is both mints' authority.
 */
export async function createMarket(
  connection: Connection,
  payer: Keypair,
  amm: AmmAddresses,
  reserveA: bigint,
  reserveB: bigint,
): Promise<void> {
  const lp = await fundedWallet(connection);
  const amms = LocalAmmClient.connect(connection, lp);
  const [srcA, srcB] = await Promise.all([
    tokenAccount(connection, payer, amm.mintA, lp.publicKey, reserveA),
    tokenAccount(connection, payer, amm.mintB, lp.publicKey, reserveB),
  ]);
  await amms.createPool(amm, AMM_FEE_BPS);
  await amms.addLiquidity(amm, srcA, srcB, reserveA, reserveB);
}

/** A wallet with its SDK client and its USDC account. */
export interface Actor {
  wallet: Keypair;
  client: PoolBotClient;
  usdc: PublicKey;
}

/** A proposed trade. */
export interface Proposed {
  id: number;
  address: PublicKey;
  terms: TradeTerms & { expectedProfit: bigint };
  legs: RouteLeg[];
  /** The events `propose_trade` emitted. */
  events: PoolBotEvent[];
}

/** The seed pool's actors and addresses. */
export class SeedPool {
  /** Members, in deposit order (empty until `joinMembers`). */
  readonly members: Actor[] = [];

  private constructor(
    readonly connection: Connection,
    /** Pays fixtures' rent and is the mints' authority. */
    readonly payer: Keypair,
    readonly usdc: PublicKey,
    readonly sol: PublicKey,
    /** Creator and first ADMIN. */
    readonly admin: Actor,
    /** LEAD, SENIOR, SENIOR. */
    readonly validators: Actor[],
    readonly keeper: Actor,
    readonly pool: PoolAddresses,
    readonly product: PublicKey,
    /** Where SOL is cheap (100 USDC). */
    readonly cheap: AmmAddresses,
    /** Where SOL is dear (about 105 USDC). */
    readonly dear: AmmAddresses,
    /** The pool PDA's SOL account (the route's intermediate). */
    readonly poolSol: PublicKey,
    /** The events the setup transactions emitted, in order. */
    readonly setupEvents: PoolBotEvent[],
  ) {}

  /**
   * Pool, validators, keeper, product and AMM pools; no members yet. `timings` replaces the
   * seed's proposal or claim lifetime (tests that wait for an expiry).
   */
  static async build(
    connection: Connection,
    timings: Partial<Pick<PoolConfig, "proposalTtl" | "claimTtl">> = {},
  ): Promise<SeedPool> {
    const payer = await fundedWallet(connection, 1_000);
    const [usdc, sol] = await Promise.all([
      createMint(connection, payer, 6),
      createMint(connection, payer, 9),
    ]);
    const actor = async (): Promise<Actor> => {
      const wallet = await fundedWallet(connection);
      return { wallet, client: PoolBotClient.connect(connection, wallet), usdc: PublicKey.default };
    };
    const [admin, lead, senior1, senior2, keeper] = await Promise.all([1, 2, 3, 4, 5].map(actor));
    const setupEvents: PoolBotEvent[] = [];
    const record = (sent: SendResult) => setupEvents.push(...sent.events);

    const init = await admin.client.initializePool(usdc, { ...SEED_CONFIG, ...timings });
    record(init);
    const pool = init.addresses;
    const validators = [lead, senior1, senior2];
    const roles = ["lead", "senior", "senior"] as const;
    // changes 0..4, queued and applied together (time lock 0), three per transaction
    const governed = await admin.client.govern(pool, [
      ...validators.map((v, i) => Change.addValidator(v.wallet.publicKey, roles[i])),
      Change.config({ requiredApprovals: 2, claimRequiredApprovals: 2 }),
      Change.addKeeper(keeper.wallet.publicKey),
    ]);
    governed.sent.forEach(record);
    if (!governed.applied) throw new Error("the seed pool needs a time lock of 0 to be set up");
    // The product routes only through the local AMM's swap, on the two seed markets.
    const cheap = new AmmAddresses(usdc, sol, 0, TOKEN_PROGRAM_ID);
    const dear = new AmmAddresses(usdc, sol, 1, TOKEN_PROGRAM_ID);
    const registered = await admin.client.registerProduct(
      pool,
      {
        name: "DEX arbitrage",
        category: "arbitrage",
        maxTradeAmount: 50_000n * USDC,
        minProfit: USDC,
        maxLiquidityBps: 1_000,
        legRules: [localAmmSwapRule()],
        markets: [cheap.pool, dear.pool],
      },
      { enable: true },
    ); // registered and enabled (change 5) in one transaction
    record(registered);

    await Promise.all([
      createMarket(connection, payer, cheap, 1_000_000n * USDC, 10_000n * SOL),
      createMarket(connection, payer, dear, 1_000_000n * USDC, 9_500n * SOL),
    ]);
    const poolSol = await tokenAccount(connection, payer, sol, pool.pool);
    return new SeedPool(
      connection,
      payer,
      usdc,
      sol,
      admin,
      validators,
      keeper,
      pool,
      registered.product,
      cheap,
      dear,
      poolSol,
      setupEvents,
    );
  }

  /** A new wallet holding `usdc` whole USDC in its associated token account (not deposited). */
  async newMember(usdc: bigint): Promise<Actor> {
    const wallet = await fundedWallet(this.connection);
    const account = await tokenAccount(this.connection, this.payer, this.usdc, wallet.publicKey, usdc * USDC);
    return { wallet, client: PoolBotClient.connect(this.connection, wallet), usdc: account };
  }

  /** The three seed members deposit 1000 / 5000 / 2500 USDC; returns the deposits' results. */
  async joinMembers(): Promise<SendResult[]> {
    const sent = [];
    for (const usdc of DEPOSITS) {
      const member = await this.newMember(usdc);
      sent.push(await member.client.deposit(this.pool, usdc * USDC));
      this.members.push(member);
    }
    return sent;
  }

  /**
   * The two-leg arbitrage for `amountIn` at current reserves (buy SOL where cheap, sell it
   * where dear) and the gain it makes. `variant` changes where the SOL is sold (`sellOn`, the
   * dear pool by default) or who receives the USDC back (`payTo`, the vault by default), to
   * make routes the product refuses.
   */
  async arbitrageRoute(
    amountIn: bigint,
    variant: { sellOn?: AmmAddresses; payTo?: PublicKey } = {},
  ): Promise<{ legs: RouteLeg[]; gain: bigint }> {
    const sellOn = variant.sellOn ?? this.dear;
    const amms = new LocalAmmClient(this.keeper.client.provider);
    const [cheap, dear] = await Promise.all([amms.reserves(this.cheap), amms.reserves(sellOn)]);
    const solOut = swapOutput(amountIn, cheap.a, cheap.b, AMM_FEE_BPS);
    const usdcBack = swapOutput(solOut, dear.b, dear.a, AMM_FEE_BPS);
    const signer = this.pool.pool;
    const legs = [
      await amms.swapLeg({
        amm: this.cheap,
        user: signer,
        source: this.pool.vault,
        destination: this.poolSol,
        mintIn: this.usdc,
        amountIn,
        minAmountOut: solOut,
      }),
      await amms.swapLeg({
        amm: sellOn,
        user: signer,
        source: this.poolSol,
        destination: variant.payTo ?? this.pool.vault,
        mintIn: this.sol,
        amountIn: solOut,
        minAmountOut: usdcBack,
      }),
    ];
    return { legs, gain: usdcBack - amountIn };
  }

  /** The keeper proposes the arbitrage for `amountIn`, accepting 90% of the expected gain. */
  async proposeArbitrage(amountIn: bigint): Promise<Proposed> {
    const { legs, gain } = await this.arbitrageRoute(amountIn);
    if (gain <= 0n) throw new Error("no arbitrage at these reserves");
    const terms = { amountIn, expectedProfit: gain, minProfit: (gain * 9n) / 10n };
    const sent = await this.keeper.client.proposeTrade(this.pool, this.product, terms, legs);
    return { id: sent.id, address: sent.proposal, terms, legs, events: sent.events };
  }

  /** The vault's balance. */
  vaultBalance(): Promise<bigint> {
    return tokenBalance(this.connection, this.pool.vault);
  }

  /** The insurance vault's balance. */
  insuranceBalance(): Promise<bigint> {
    return tokenBalance(this.connection, this.pool.insuranceVault);
  }
}
