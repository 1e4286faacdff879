/** Anyone may add to the insurance reserve. */
import { useWallet } from "@solana/wallet-adapter-react";
import { useState } from "react";
import { Card, FormError } from "../ui";
import { formatExact, parseAmount } from "../../lib/format";
import { PoolInfo } from "../../state/data";
import { useSubmit } from "../../state/submit";

export function FundCard({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const { submit, busy, error } = useSubmit();
  const [text, setText] = useState("");
  const parsed = text ? parseAmount(text, pool.decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  if (!publicKey) return null;
  return (
    <Card title="Fund the reserve" subtitle="Anyone may add to the reserve; it is not withdrawable">
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await submit(
            `Fund the reserve with ${formatExact(amount, pool.decimals, pool.symbol)}`,
            "fund",
            (client) => client.fundInsurance(pool.addresses, amount),
            () => null,
          );
          if (ok) setText("");
        }}
      >
        <div className="amount-input">
          <input
            inputMode="decimal"
            placeholder="0.00"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Amount to fund"
          />
          <span className="unit">{pool.symbol}</span>
        </div>
        {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
        <FormError>{error}</FormError>
        <button type="submit" className="btn block" disabled={busy || amount === 0n}>
          Add to reserve
        </button>
      </form>
    </Card>
  );
}
