/** The product registry (`register_product.rs`, `disable_product.rs`). */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { ProductCategoryName, productCategory } from "../accounts";
import { PoolAddresses, toBN, U64 } from "../pdas";
import { LegRuleSpec, legRuleArgs } from "../products";
import { poolBotInstruction } from "./build";

/** A product as `register_product` takes it. */
export interface ProductSpec {
  name: string;
  category: ProductCategoryName;
  /** Largest `amountIn` a proposal may use. */
  maxTradeAmount: U64;
  /** Smallest `minProfit` a proposal may set. */
  minProfit: U64;
  /** Largest share of a DEX pool's input reserve a trade may take, in basis points. */
  maxLiquidityBps: number;
  /**
   * What each leg of its routes may do: 1 to 4 rules (e.g. `localAmmSwapRule()`), never on
   * Pool Bot itself.
   */
  legRules: LegRuleSpec[];
  /** Markets (DEX pool accounts) its legs may trade on: at most 16, each once; empty = any. */
  markets: PublicKey[];
}

/** `register_product` by an ADMIN, registering `spec` as product `id` (the pool's `nextProductId`); it starts disabled. */
export function registerProduct(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  id: U64;
  spec: ProductSpec;
}): TransactionInstruction {
  const { addresses: p, spec } = a;
  return poolBotInstruction(
    "registerProduct",
    {
      admin: a.admin,
      pool: p.pool,
      validatorSet: p.validatorSet,
      product: p.product(a.id),
      systemProgram: SystemProgram.programId,
    },
    {
      args: {
        name: spec.name,
        category: productCategory(spec.category),
        config: {
          maxTradeAmount: toBN(spec.maxTradeAmount),
          minProfit: toBN(spec.minProfit),
          maxLiquidityBps: spec.maxLiquidityBps,
        },
        legRules: spec.legRules.map(legRuleArgs),
        markets: spec.markets,
      },
    },
  );
}

/** `disable_product` by an ADMIN: at once (enabling is a queued change). */
export function disableProduct(a: {
  addresses: PoolAddresses;
  admin: PublicKey;
  product: PublicKey;
}): TransactionInstruction {
  const p = a.addresses;
  return poolBotInstruction("disableProduct", {
    admin: a.admin,
    pool: p.pool,
    validatorSet: p.validatorSet,
    product: a.product,
  });
}
