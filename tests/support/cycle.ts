/**
 * A four-market cycle on the seed pool through the local AMM, the longest route the program
 * takes: USDC → SOL → ETH → JUP → USDC. The first three markets agree on prices (SOL 100 USDC,
 * ETH 20 SOL, JUP 0.0005 ETH = 1 USDC); the last pays 1.05 USDC for a JUP, so the cycle gains
 * about 5% less the four fees and the price impact. A product of the local AMM's swap on
 * exactly these four markets (registered and enabled: the seed pool's time lock is 0) and the
 * pool PDA's token accounts for SOL, ETH and JUP.
 */
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { PublicKey } from "@solana/web3.js";
import { AmmAddresses, LocalAmmClient, localAmmSwapRule, RouteLeg, swapOutput } from "@poolbot/sdk";
import { createMint, tokenAccount } from "./localnet";
import { AMM_FEE_BPS, createMarket, SeedPool, SOL, USDC } from "./seed";

/** One ETH in base units (8 decimals). */
const ETH = 100_000_000n;
/** One JUP in base units (6 decimals). */
const JUP = 1_000_000n;

/** One hop of the cycle: the market and the pool's accounts it spends from and pays into. */
interface Hop {
  market: AmmAddresses;
  mintIn: PublicKey;
  source: PublicKey;
  destination: PublicKey;
}

/** The cycle's markets, its product and the route through it. */
export class CycleMarkets {
  private constructor(
    readonly w: SeedPool,
    /** USDC/SOL, SOL/ETH, ETH/JUP, JUP/USDC (the mis-priced one), in route order. */
    readonly markets: AmmAddresses[],
    /** The product allowing the local AMM's swap on exactly these markets. */
    readonly product: PublicKey,
    /** The pool's token accounts between the legs: SOL, ETH, JUP. */
    readonly intermediates: PublicKey[],
    private readonly hops: Hop[],
  ) {}

  /** Mints ETH and JUP, opens the four markets and the pool's accounts, registers the product. */
  static async build(w: SeedPool): Promise<CycleMarkets> {
    const { connection, payer, usdc, sol } = w;
    const [eth, jup] = await Promise.all([
      createMint(connection, payer, 8),
      createMint(connection, payer, 6),
    ]);
    // ids 0 and 1 of USDC/SOL are the seed's own two markets
    const markets = [
      new AmmAddresses(usdc, sol, 2, TOKEN_PROGRAM_ID),
      new AmmAddresses(sol, eth, 0, TOKEN_PROGRAM_ID),
      new AmmAddresses(eth, jup, 0, TOKEN_PROGRAM_ID),
      new AmmAddresses(jup, usdc, 0, TOKEN_PROGRAM_ID),
    ];
    const reserves: Array<[bigint, bigint]> = [
      [1_000_000n * USDC, 10_000n * SOL],
      [10_000n * SOL, 500n * ETH],
      [500n * ETH, 1_000_000n * JUP],
      [1_000_000n * JUP, 1_050_000n * USDC],
    ];
    await Promise.all(markets.map((m, i) => createMarket(connection, payer, m, ...reserves[i])));
    const [poolEth, poolJup] = await Promise.all(
      [eth, jup].map((mint) => tokenAccount(connection, payer, mint, w.pool.pool)),
    );
    const registered = await w.admin.client.registerProduct(
      w.pool,
      {
        name: "4-pool cycle",
        category: "arbitrage",
        maxTradeAmount: 50_000n * USDC,
        minProfit: USDC,
        maxLiquidityBps: 1_000,
        legRules: [localAmmSwapRule()],
        markets: markets.map((m) => m.pool),
      },
      { enable: true },
    );
    const accounts = [w.pool.vault, w.poolSol, poolEth, poolJup, w.pool.vault];
    const mintsIn = [usdc, sol, eth, jup];
    const hops = markets.map((market, i) => ({
      market,
      mintIn: mintsIn[i],
      source: accounts[i],
      destination: accounts[i + 1],
    }));
    return new CycleMarkets(w, markets, registered.product, accounts.slice(1, 4), hops);
  }

  /**
   * The first `legs` hops of the cycle for `amountIn` USDC at current reserves, each leg
   * demanding its exact quote, and what the last one pays out (for all four legs, less
   * `amountIn`, the gain).
   */
  async route(amountIn: bigint, legs = 4): Promise<{ legs: RouteLeg[]; out: bigint }> {
    const amms = new LocalAmmClient(this.w.keeper.client.provider);
    const route: RouteLeg[] = [];
    let amount = amountIn;
    for (const hop of this.hops.slice(0, legs)) {
      const reserves = await amms.reserves(hop.market);
      const aToB = hop.mintIn.equals(hop.market.mintA);
      const [reserveIn, reserveOut] = aToB ? [reserves.a, reserves.b] : [reserves.b, reserves.a];
      const out = swapOutput(amount, reserveIn, reserveOut, AMM_FEE_BPS);
      route.push(
        await amms.swapLeg({
          amm: hop.market,
          user: this.w.pool.pool,
          source: hop.source,
          destination: hop.destination,
          mintIn: hop.mintIn,
          amountIn: amount,
          minAmountOut: out,
        }),
      );
      amount = out;
    }
    return { legs: route, out: amount };
  }
}
