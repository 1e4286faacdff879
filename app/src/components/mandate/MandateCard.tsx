/**
 * One mandate: where it stands (the SDK's `mandateStanding`), its terms, the validators' votes,
 * the budget used in the current period, its executions and total gain, and what the wallet
 * may do with it.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import {
  isLeadRole,
  Listed,
  MandateAccount,
  mandateBudget,
  mandateMarkets,
  MandateStanding,
  mandateStanding,
  tradeRequiresLead,
  ValidatorSetAccount,
  validatorsOf,
  voteCount,
  voteOf,
  votersOf,
} from "@poolbot/sdk";
import { Address, Badge, Countdown, Progress, Row, Tone } from "../ui";
import {
  big,
  describeSeconds,
  formatAgo,
  formatBps,
  formatCount,
  formatDateTime,
  formatExact,
} from "../../lib/format";
import { PoolInfo } from "../../state/data";
import { MandateActions } from "./MandateActions";

const STANDING: Record<MandateStanding, [string, Tone]> = {
  pending: ["Pending vote", "warn"],
  waiting: ["Approved · waiting out the time lock", "info"],
  active: ["Active", "good"],
  rejected: ["Rejected", "bad"],
  revoked: ["Revoked", "bad"],
  expired: ["Expired", "neutral"],
  stale: ["Stale", "neutral"],
};

export function MandateCard({
  item,
  pool,
  set,
  productName,
  now,
}: {
  item: Listed<MandateAccount>;
  pool: PoolInfo;
  set: ValidatorSetAccount;
  productName: string;
  now: number;
}) {
  const { publicKey } = useWallet();
  const m = item.account;
  const id = m.id.toString();
  const standing = mandateStanding(m, now, pool.account.configVersion);
  const [label, tone] = STANDING[standing];
  const amt = (v: { toString(): string }) => formatExact(big(v), pool.decimals, pool.symbol);
  const budget = mandateBudget(m, now);
  const maxNotional = big(m.maxNotionalPerPeriod);
  return (
    <article className="proposal mandate" data-testid={`mandate-${id}`} data-standing={standing}>
      <header className="proposal-head">
        <div>
          <h3>
            Mandate #{id} <span className="muted">· {productName}</span>
          </h3>
          <div className="muted small">
            Proposed by <Address value={m.proposer} /> · {formatAgo(m.createdAt.toNumber(), now)}
          </div>
        </div>
        <div className="proposal-badges">
          <Badge tone={tone} testId={`mandate-standing-${id}`}>
            {label}
          </Badge>
          <span className="small" data-testid={`mandate-expiry-${id}`}>
            {standing === "pending" && (
              <>
                votes close: <Countdown to={m.voteExpiresAt.toNumber()} now={now} />
              </>
            )}
            {standing === "waiting" && <>usable from {formatDateTime(m.activeFrom.toNumber())}</>}
            {standing === "active" && <Countdown to={m.expiresAt.toNumber()} now={now} />}
          </span>
        </div>
      </header>
      {standing === "stale" && (
        <div className="notice small">
          Validators, roles, the quorum or the insurance share changed after it was proposed: it can no longer
          be voted on or used.
        </div>
      )}
      <div className="rows" data-testid={`mandate-terms-${id}`}>
        <Row label="Markets">
          {mandateMarkets(m).map((k) => (
            <Address key={k.toBase58()} value={k} />
          ))}
        </Row>
        <Row label="Max per trade">{amt(m.maxAmountIn)}</Row>
        <Row label="Least profit a trade">
          {amt(m.minProfit)} and {formatBps(m.minProfitBps)} of the amount in (the larger)
        </Row>
        <Row label="Budget per period">
          {formatCount(m.maxTradesPerPeriod)} trades or {amt(m.maxNotionalPerPeriod)} every{" "}
          {describeSeconds(m.period.toNumber())}
        </Row>
        <Row label="Lifetime">{describeSeconds(m.duration.toNumber())} once active</Row>
      </div>
      <MandateVotes id={id} mandate={m} pool={pool} set={set} me={publicKey?.toBase58()} />
      {(standing === "active" || big(m.executions) > 0n) && (
        <div className="quorum" data-testid={`mandate-budget-${id}`} data-trades={budget.trades}>
          <div className="quorum-top">
            <span>
              <strong>
                {formatCount(budget.trades)} of {formatCount(m.maxTradesPerPeriod)} trades
              </strong>{" "}
              · {amt(budget.notional)} of {amt(maxNotional)} used this period
            </span>
            <span className="muted small">next period {formatDateTime(budget.periodEnd)}</span>
          </div>
          <Progress
            value={Number((budget.notional * 1000n) / (maxNotional || 1n))}
            max={1000}
            tone={budget.tradesLeft === 0 || budget.notionalLeft === 0n ? "warn" : "accent"}
            label={`budget of mandate ${id}`}
          />
        </div>
      )}
      <div className="rows">
        <Row label="Executions" testId={`mandate-executions-${id}`}>
          <span data-raw={m.executions.toString()}>{formatCount(big(m.executions))}</span>
          <span className="muted"> · {amt(m.totalNotional)} traded</span>
        </Row>
        <Row label="Total gain" testId={`mandate-gain-${id}`}>
          <span className={big(m.totalGain) > 0n ? "good" : undefined} data-raw={m.totalGain.toString()}>
            {amt(m.totalGain)}
          </span>
        </Row>
      </div>
      <MandateActions
        id={id}
        address={item.publicKey}
        mandate={m}
        standing={standing}
        pool={pool}
        now={now}
      />
    </article>
  );
}

/** The trade quorum on a mandate: approvals of the required, the lead requirement, who voted how. */
function MandateVotes({
  id,
  mandate,
  pool,
  set,
  me,
}: {
  id: string;
  mandate: MandateAccount;
  pool: PoolInfo;
  set: ValidatorSetAccount;
  me?: string;
}) {
  const validators = validatorsOf(set);
  const approvals = voteCount(mandate.approvals);
  const rejections = voteCount(mandate.rejections);
  const required = pool.account.requiredApprovals;
  const leadApproved = votersOf(mandate.approvals).some((s) => {
    const role = validators.find((v) => v.slot === s)?.roleName;
    return role !== undefined && isLeadRole(role);
  });
  return (
    <div className="quorum" data-testid={`mandate-quorum-${id}`} data-approvals={approvals}>
      <div className="quorum-top">
        <span>
          <strong data-testid={`mandate-quorum-text-${id}`}>
            {approvals} of {required} approvals
          </strong>
          {rejections > 0 && <span className="bad"> · {rejections} rejected</span>}
        </span>
        {tradeRequiresLead(pool.account) ? (
          <span className={leadApproved ? "good small" : "warn small"}>
            {leadApproved ? "✓ LEAD/ADMIN approved" : "Needs a LEAD or ADMIN approval"}
          </span>
        ) : (
          <span className="muted small">No lead approval required</span>
        )}
      </div>
      <div className="voters">
        {validators.map((v) => {
          const vote = voteOf(mandate, v.slot);
          const voted = vote === "approve" ? "yes" : vote === "reject" ? "no" : "none";
          return (
            <span
              key={v.slot}
              className={`voter voter-${voted}`}
              title={`${v.roleName.toUpperCase()} ${v.key.toBase58()}`}
            >
              {voted === "yes" ? "✓" : voted === "no" ? "✗" : "·"} {v.roleName.toUpperCase()}{" "}
              {v.key.toBase58().slice(0, 3)}…{v.key.toBase58().slice(-3)}
              {me === v.key.toBase58() ? " (you)" : ""}
            </span>
          );
        })}
      </div>
    </div>
  );
}
