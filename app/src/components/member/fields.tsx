/** The Member forms' shared fields: an amount with the token's symbol, and the slippage bound. */
import { Segmented } from "../ui";

const SLIPPAGES = [10, 50, 100] as const;

/** The slippage bound (`value` less `bps` basis points, rounded down) is the SDK's. */
export { withSlippage } from "@poolbot/sdk";

export function SlippagePicker({ bps, onChange }: { bps: number; onChange: (bps: number) => void }) {
  return (
    <div className="slippage">
      <span className="muted small">Slippage bound</span>
      <Segmented
        options={SLIPPAGES.map((s) => ({ value: String(s), label: `${s / 100}%` }))}
        value={String(bps)}
        onChange={(v) => onChange(Number(v))}
        testId="slippage"
      />
    </div>
  );
}

/** A decimal amount field with the token's symbol beside it. */
export function AmountInput({
  value,
  onChange,
  symbol,
  testId,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  symbol: string;
  testId?: string;
  label: string;
}) {
  return (
    <div className="amount-input">
      <input
        inputMode="decimal"
        placeholder="0.00"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        aria-label={`${label} in ${symbol}`}
      />
      <span className="unit">{symbol}</span>
    </div>
  );
}
