/** The products: limits, leg rules, markets, results, status (disable at once, enable queued), and registering one. */
import { PublicKey } from "@solana/web3.js";
import { Change, decodeName, isEnabled, legRulesOf, marketsOf, PRODUCT_CATEGORIES } from "@poolbot/sdk";
import { Address, Badge, Card, FormError, Skeleton } from "../ui";
import { big, formatAmount, formatBps } from "../../lib/format";
import { describeRule } from "../../lib/products";
import { PoolInfo, useProducts } from "../../state/data";
import { RegisterProduct } from "./RegisterProduct";
import { lockNote, useAdminAction } from "./useAdminAction";

/** A product's markets: "Any market", or the first few addresses. */
function Markets({ markets }: { markets: PublicKey[] }) {
  if (markets.length === 0) return <span className="muted">Any market</span>;
  const shown = markets.slice(0, 3);
  return (
    <div className="cell-stack">
      {shown.map((m) => (
        <Address key={m.toBase58()} value={m} />
      ))}
      {markets.length > shown.length && (
        <span className="muted small">+{markets.length - shown.length} more</span>
      )}
    </div>
  );
}

export function ProductsCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const products = useProducts();
  const { act, govern, busy, error } = useAdminAction();
  const amt = (v: { toString(): string }) => formatAmount(big(v), pool.decimals, { symbol: pool.symbol });
  return (
    <Card
      title="Products"
      subtitle={`Strategies the pool runs; every leg of a proposal's route must match one of its product's leg rules and trade on its markets. Products start disabled; disabling is immediate, enabling is queued: ${lockNote(pool)}`}
      testId="admin-products"
    >
      {!products.data ? (
        <Skeleton height={100} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">Max trade</th>
                <th className="num hide-sm">Min profit</th>
                <th className="num hide-sm">Max liquidity</th>
                <th className="hide-sm">Leg rules</th>
                <th className="hide-sm">Markets</th>
                <th className="num hide-sm">Executed</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {products.data.map(({ publicKey, account: p }) => {
                const enabled = isEnabled(p);
                const name = decodeName(p.name);
                return (
                  <tr key={publicKey.toBase58()}>
                    <td>
                      <div className="cell-stack">
                        <strong>{name}</strong>
                        <span className="muted small">
                          #{p.id.toString()} · {PRODUCT_CATEGORIES[p.category]}
                        </span>
                      </div>
                    </td>
                    <td className="num">{amt(p.maxTradeAmount)}</td>
                    <td className="num hide-sm">{amt(p.minProfit)}</td>
                    <td className="num hide-sm">{formatBps(p.maxLiquidityBps)}</td>
                    <td className="hide-sm" data-testid={`product-rules-${p.id.toString()}`}>
                      <ul className="rule-list">
                        {legRulesOf(p).map((rule, i) => (
                          <li key={i}>{describeRule(rule)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="hide-sm" data-testid={`product-markets-${p.id.toString()}`}>
                      <Markets markets={marketsOf(p)} />
                    </td>
                    <td className="num hide-sm">
                      {p.executed.toString()} · {amt(p.totalProfit)}
                    </td>
                    <td>
                      <div className="cell-stack">
                        <Badge tone={enabled ? "good" : "neutral"}>{enabled ? "Enabled" : "Disabled"}</Badge>
                        {isAdmin && (
                          <button
                            type="button"
                            className="btn small"
                            disabled={busy}
                            data-admin-control
                            onClick={() =>
                              void (enabled
                                ? act(`Disable ${name}`, (c) => c.disableProduct(pool.addresses, publicKey))
                                : govern(pool, `enable ${name}`, Change.enableProduct(publicKey)))
                            }
                          >
                            {enabled ? "Disable" : "Enable"}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FormError>{error}</FormError>
      {isAdmin && <RegisterProduct pool={pool} />}
    </Card>
  );
}
