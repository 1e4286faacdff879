/**
 * The local AMM (`programs/local_amm`), the stand-in DEX of localnet and tests: pool creation,
 * liquidity, quotes, and the swap as a route leg signed by a Pool Bot pool.
 */
import { AnchorProvider, Program } from "@anchor-lang/core";
import {
  Connection,
  Keypair,
  PublicKey,
  SystemProgram,
  TransactionInstruction,
  TransactionSignature,
} from "@solana/web3.js";
import type { IdlAccounts } from "@anchor-lang/core";
import { LOCAL_AMM_IDL, LocalAmm } from "./idl";
import { keypairProvider } from "./provider";
import { AmmAddresses, toBN, U64 } from "./pdas";
import { legFromInstruction, RouteLeg } from "./route";

/** An AMM pool account. */
export type AmmPoolAccount = IdlAccounts<LocalAmm>["ammPool"];

/** A swap of `amountIn` of `mintIn` through `amm` by `user`, from `source` into `destination`. */
export interface SwapRequest {
  amm: AmmAddresses;
  user: PublicKey;
  source: PublicKey;
  destination: PublicKey;
  mintIn: PublicKey;
  amountIn: U64;
  minAmountOut: U64;
}

/**
 * Output of swapping `amountIn` into reserves `reserveIn` / `reserveOut` with a fee on the input,
 * rounded down (the AMM's `swap_output`).
 */
export function swapOutput(amountIn: bigint, reserveIn: bigint, reserveOut: bigint, feeBps: number): bigint {
  const inAfterFee = amountIn * BigInt(10_000 - feeBps);
  return (inAfterFee * reserveOut) / (reserveIn * 10_000n + inAfterFee);
}

/** The local AMM, signed and paid by the provider's wallet. */
export class LocalAmmClient {
  /** The Anchor program (typed by the generated IDL). */
  readonly program: Program<LocalAmm>;

  constructor(readonly provider: AnchorProvider) {
    this.program = new Program(LOCAL_AMM_IDL, provider);
  }

  /** A client for `keypair` on `connection`. */
  static connect(connection: Connection, keypair: Keypair): LocalAmmClient {
    return new LocalAmmClient(keypairProvider(connection, keypair));
  }

  /** Creates pool `amm` with a fee of `feeBps` on inputs; the wallet becomes its authority. */
  createPool(amm: AmmAddresses, feeBps: number): Promise<TransactionSignature> {
    return this.program.methods
      .createPool({ id: toBN(amm.id), feeBps })
      .accountsStrict({
        authority: this.provider.wallet.publicKey,
        mintA: amm.mintA,
        mintB: amm.mintB,
        pool: amm.pool,
        vaultA: amm.vaultA,
        vaultB: amm.vaultB,
        tokenProgram: amm.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .rpc();
  }

  /** The authority adds `amountA` / `amountB` from its token accounts `sourceA` / `sourceB`. */
  addLiquidity(
    amm: AmmAddresses,
    sourceA: PublicKey,
    sourceB: PublicKey,
    amountA: U64,
    amountB: U64,
  ): Promise<TransactionSignature> {
    return this.program.methods
      .addLiquidity({ amountA: toBN(amountA), amountB: toBN(amountB) })
      .accountsStrict({
        authority: this.provider.wallet.publicKey,
        pool: amm.pool,
        mintA: amm.mintA,
        mintB: amm.mintB,
        vaultA: amm.vaultA,
        vaultB: amm.vaultB,
        sourceA,
        sourceB,
        tokenProgram: amm.tokenProgram,
      })
      .rpc();
  }

  /** The pool account of `amm`. */
  fetchPool(amm: AmmAddresses): Promise<AmmPoolAccount> {
    return this.program.account.ammPool.fetch(amm.pool);
  }

  /** The reserves of `amm` (its vaults' balances). */
  async reserves(amm: AmmAddresses): Promise<{ a: bigint; b: bigint }> {
    const balance = async (vault: PublicKey) =>
      BigInt((await this.provider.connection.getTokenAccountBalance(vault)).value.amount);
    return { a: await balance(amm.vaultA), b: await balance(amm.vaultB) };
  }

  /** The `swap` instruction for `request`. */
  swapInstruction(request: SwapRequest): Promise<TransactionInstruction> {
    const { amm, mintIn } = request;
    const aToB = mintIn.equals(amm.mintA);
    return this.program.methods
      .swap({ amountIn: toBN(request.amountIn), minAmountOut: toBN(request.minAmountOut) })
      .accountsStrict({
        user: request.user,
        pool: amm.pool,
        userSource: request.source,
        userDestination: request.destination,
        vaultIn: aToB ? amm.vaultA : amm.vaultB,
        vaultOut: aToB ? amm.vaultB : amm.vaultA,
        mintIn: aToB ? amm.mintA : amm.mintB,
        mintOut: aToB ? amm.mintB : amm.mintA,
        tokenProgram: amm.tokenProgram,
      })
      .instruction();
  }

  /**
   * The same swap as a route leg; `request.user` is the Pool Bot pool PDA, which signs by CPI.
   * A product allows it with `localAmmSwapRule()` when `source` and `destination` are the pool's
   * own token accounts (and lists `amm.pool` among its markets, if it lists any).
   */
  async swapLeg(request: SwapRequest): Promise<RouteLeg> {
    return legFromInstruction(await this.swapInstruction(request));
  }
}
