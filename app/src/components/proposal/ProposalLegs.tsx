/**
 * A proposal's stored route, leg by leg, each with the product rule it matches (or what the
 * program would refuse in it), and its amounts: in, expected, minimum and realised profit.
 */
import { ProductAccount, proposalRoute, TradeProposalAccount } from "@poolbot/sdk";
import { useMemo } from "react";
import { Address, Row } from "../ui";
import { big, formatAmount } from "../../lib/format";
import { LegRuleCheck, legRuleChecks } from "../../lib/products";
import { LegView, programName, routeMints, routeView } from "../../lib/route";
import { PoolInfo, useMints } from "../../state/data";
import { ProposalState } from "../../state/stats";

/** Which of its product's leg rules a leg matches, or what the program would refuse in it. */
function RuleNote({ check, index }: { check?: LegRuleCheck; index: number }) {
  if (!check) return null;
  return (
    <span className={`leg-rule small ${check.ok ? "muted" : "bad"}`} data-testid={`leg-rule-${index}`}>
      {check.ok ? "✓ " : "✗ "}
      {check.label}
    </span>
  );
}

function LegLine({
  leg,
  index,
  mints,
  check,
}: {
  leg: LegView;
  index: number;
  mints?: Map<string, { decimals: number; symbol: string }>;
  check?: LegRuleCheck;
}) {
  if (leg.kind === "swap") {
    const a = mints?.get(leg.mintIn);
    const b = mints?.get(leg.mintOut);
    return (
      <li className="leg">
        <span className="leg-n">{index + 1}</span>
        <span>
          Swap{" "}
          <strong>
            {a
              ? formatAmount(leg.amountIn, a.decimals, { symbol: a.symbol, maxFraction: 4 })
              : leg.amountIn.toString()}
          </strong>{" "}
          → at least{" "}
          <strong>
            {b
              ? formatAmount(leg.minAmountOut, b.decimals, { symbol: b.symbol, maxFraction: 4 })
              : leg.minAmountOut.toString()}
          </strong>
          <span className="muted">
            {" "}
            on {programName(leg.program)} pool <Address value={leg.ammPool} />
          </span>
          <RuleNote check={check} index={index} />
        </span>
      </li>
    );
  }
  return (
    <li className="leg">
      <span className="leg-n">{index + 1}</span>
      <span>
        Call {programName(leg.program)} with {leg.accounts} accounts, {leg.dataBytes} bytes of data
        <RuleNote check={check} index={index} />
      </span>
    </li>
  );
}

export function ProposalLegs({
  proposal,
  product,
  pool,
  state,
  compact,
}: {
  proposal: TradeProposalAccount;
  product?: ProductAccount;
  pool: PoolInfo;
  state: ProposalState;
  compact?: boolean;
}) {
  const legs = useMemo(() => routeView(proposal), [proposal]);
  const mints = useMints(routeMints(legs));
  const checks = useMemo(() => {
    if (!product) return undefined;
    try {
      return legRuleChecks(proposalRoute(proposal), product);
    } catch {
      return undefined;
    }
  }, [proposal, product]);
  const amt = (v: { toString(): string }, signed = false) =>
    formatAmount(big(v), pool.decimals, { symbol: pool.symbol, signed });
  return (
    <div className="proposal-body">
      {!compact && (
        <div>
          <div className="section-label">Route</div>
          <ol className="legs">
            {legs.map((leg, i) => (
              <LegLine key={i} leg={leg} index={i} mints={mints.data} check={checks?.[i]} />
            ))}
            {legs.length === 0 && <li className="muted">The stored route does not decode.</li>}
          </ol>
        </div>
      )}
      <div className="rows">
        <Row label="Amount in">{amt(proposal.amountIn)}</Row>
        <Row label="Expected profit">
          <span className="good">{amt(proposal.expectedProfit, true)}</span>
        </Row>
        <Row label="Minimum profit">{amt(proposal.minProfit, true)}</Row>
        {state === "executed" && (
          <Row label="Realised profit">
            <span className="good">{amt(proposal.realisedProfit, true)}</span>
          </Row>
        )}
      </div>
    </div>
  );
}
