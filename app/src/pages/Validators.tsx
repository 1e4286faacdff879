/**
 * Validators: proposals with their route, amounts, quorum progress, lead requirement and expiry;
 * approve, or reject with a reason; execute, expire and close; the connected validator's record.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { useMemo, useState } from "react";
import {
  decodeName,
  depositsAwaitingSettlement,
  Listed,
  PoolBotClient,
  proposalRoute,
  SendResult,
  TradeProposalAccount,
  ValidatorSetAccount,
  validatorsOf,
  votersOf,
} from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import {
  Address,
  Badge,
  Card,
  Countdown,
  Empty,
  ExplorerLink,
  FormError,
  Modal,
  Progress,
  RoleBadge,
  Row,
  Skeleton,
  Stat,
  Tone,
} from "../components/ui";
import { Action } from "../lib/errors";
import {
  big,
  formatAgo,
  formatAmount,
  formatCount,
  formatDateTime,
  formatPercent,
  shortAddress,
} from "../lib/format";
import { LegRuleCheck, legRuleChecks } from "../lib/products";
import { LegView, programName, routeMints, routeView } from "../lib/route";
import {
  PoolInfo,
  useMints,
  useMyRole,
  useNow,
  usePool,
  useProducts,
  useProposals,
  useValidatorSet,
} from "../state/data";
import { popcount, ProposalState, proposalState, validatorRows } from "../state/stats";
import { useTx } from "../state/tx";

export function ValidatorsPage() {
  return (
    <PoolGate>
      <Validators />
    </PoolGate>
  );
}

const STATE_LABEL: Record<ProposalState, [string, Tone]> = {
  pending: ["Pending vote", "warn"],
  approved: ["Approved · awaiting execution", "info"],
  rejected: ["Rejected", "bad"],
  executed: ["Executed", "good"],
  expired: ["Expired", "neutral"],
  stale: ["Stale", "neutral"],
};

function Validators() {
  const pool = usePool().data!;
  const set = useValidatorSet();
  const proposals = useProposals();
  const now = useNow();
  const groups = useMemo(() => {
    const all = [...(proposals.data ?? [])].sort((a, b) => b.account.id.toNumber() - a.account.id.toNumber());
    const withState = all.map((p) => ({ ...p, state: proposalState(p.account, pool.account, now) }));
    return {
      open: withState.filter((p) => p.state === "pending" || p.state === "approved"),
      dead: withState.filter((p) => (p.state === "stale" || p.state === "expired") && p.account.status <= 1),
      done: withState.filter((p) => p.account.status >= 2),
    };
  }, [proposals.data, pool.account, now]);

  return (
    <>
      <PageHead title="Validators">
        <Badge tone="info">
          Quorum {pool.account.requiredApprovals}
          {pool.account.requireLeadApproval ? " incl. a LEAD or ADMIN" : ""}
        </Badge>
      </PageHead>
      <MyRecord pool={pool} />
      <Card
        title="Open proposals"
        subtitle="Trades the keepers proposed; each runs only the exact route shown, and only after the quorum approves it"
        testId="open-proposals"
      >
        {!proposals.data || !set.data ? (
          <Skeleton height={160} />
        ) : groups.open.length === 0 ? (
          <Empty title="Nothing to review" icon="✓">
            New proposals from the keepers appear here.
          </Empty>
        ) : (
          <ProposalList items={groups.open} pool={pool} set={set.data!} now={now} />
        )}
      </Card>
      {set.data && groups.dead.length > 0 && (
        <Card
          title="Stale or expired"
          subtitle="No longer votable or executable; anyone can mark them expired to return the keeper's rent"
          testId="dead-proposals"
        >
          <ProposalList items={groups.dead} pool={pool} set={set.data!} now={now} />
        </Card>
      )}
      {set.data && groups.done.length > 0 && (
        <Card
          title="Recently decided"
          subtitle="Finished proposals whose accounts are still open"
          testId="done-proposals"
        >
          <ProposalList items={groups.done} pool={pool} set={set.data!} now={now} compact />
        </Card>
      )}
      <ValidatorTable pool={pool} now={now} />
    </>
  );
}

function MyRecord({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const set = useValidatorSet();
  const proposals = useProposals();
  const now = useNow();
  const { role, keeper } = useMyRole();
  if (!publicKey || !set.data || !proposals.data) return null;
  const me = validatorRows(
    set.data,
    proposals.data.map((p) => p.account),
    pool.account,
    now,
  ).find((v) => v.key.equals(publicKey));
  if (!me) {
    return (
      <Card testId="my-record">
        <div className="notice">
          <strong>{shortAddress(publicKey)} is not a validator of this pool.</strong>{" "}
          <span className="muted">
            {keeper
              ? "It is an authorised keeper: it can propose trades and execute approved ones."
              : "Validators are added by an ADMIN. You can still follow every proposal here."}
          </span>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Your record" action={role && <RoleBadge role={role} />} testId="my-record">
      <div className="grid stats tight four">
        <Stat
          label="Role"
          value={<span data-testid="my-role">{me.role.toUpperCase()}</span>}
          sub={`slot ${me.slot} in the vote bitmaps`}
        />
        <Stat
          label="Approval rate"
          value={formatPercent(me.approvalRatePercent, 0)}
          sub={`${me.approvals} approved · ${me.rejections} rejected`}
        />
        <Stat
          label="Awaiting your vote"
          value={formatCount(me.pendingVotes)}
          tone={me.pendingVotes > 0 ? "warn" : undefined}
        />
        <Stat
          label="Claim votes"
          value={formatCount(me.claimVotes)}
          sub={me.role === "junior" ? "SENIOR+ vote on claims" : undefined}
        />
      </div>
    </Card>
  );
}

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

/** One card per proposal of `items`, newest first. */
function ProposalList({
  items,
  pool,
  set,
  now,
  compact,
}: {
  items: (Listed<TradeProposalAccount> & { state: ProposalState })[];
  pool: PoolInfo;
  set: ValidatorSetAccount;
  now: number;
  compact?: boolean;
}) {
  return (
    <div className="proposal-list">
      {items.map((p) => (
        <ProposalCard
          key={p.publicKey.toBase58()}
          item={p}
          state={p.state}
          pool={pool}
          set={set}
          now={now}
          compact={compact}
        />
      ))}
    </div>
  );
}

function ProposalCard({
  item,
  state,
  pool,
  set,
  now,
  compact,
}: {
  item: Listed<TradeProposalAccount>;
  state: ProposalState;
  pool: PoolInfo;
  set: ValidatorSetAccount;
  now: number;
  compact?: boolean;
}) {
  const { publicKey } = useWallet();
  const { role, keeper, slot } = useMyRole();
  const products = useProducts();
  const { run, busy } = useTx();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = item.account;
  const id = p.id.toString();
  const legs = useMemo(() => routeView(p), [p]);
  const mints = useMints(routeMints(legs));
  const { decimals, symbol } = pool;
  const amt = (v: { toString(): string }, signed = false) =>
    formatAmount(big(v), decimals, { symbol, signed });
  const product = products.data?.find((x) => x.publicKey.equals(p.product));
  const checks = useMemo(() => {
    if (!product) return undefined;
    try {
      return legRuleChecks(proposalRoute(p), product.account);
    } catch {
      return undefined;
    }
  }, [p, product]);
  const validators = validatorsOf(set);
  const approvals = popcount(p.approvals);
  const rejections = popcount(p.rejections);
  const required = pool.account.requiredApprovals;
  const leadRequired = pool.account.requireLeadApproval === 1;
  const leadApproved = votersOf(p.approvals).some((s) =>
    ["lead", "admin"].includes(validators[s]?.roleName ?? ""),
  );
  const myVote =
    slot === null
      ? null
      : (p.approvals >>> slot) & 1
        ? "approved"
        : (p.rejections >>> slot) & 1
          ? "rejected"
          : null;
  const [label, tone] = STATE_LABEL[state];
  const expiresAt = p.expiresAt.toNumber();

  const act = async (what: string, action: Action, send: (c: PoolBotClient) => Promise<SendResult>) => {
    setError(null);
    const outcome = await run(`${what} proposal #${id}`, action, send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };

  return (
    <article
      className={`proposal ${compact ? "compact" : ""}`}
      data-testid={`proposal-${id}`}
      data-state={state}
    >
      <header className="proposal-head">
        <div>
          <h3>
            #{id}{" "}
            <span className="muted">
              · {product ? decodeName(product.account.name) : shortAddress(p.product)}
            </span>
          </h3>
          <div className="muted small">
            Proposed by <Address value={p.proposer} /> · {formatAgo(p.createdAt.toNumber(), now)}
          </div>
        </div>
        <div className="proposal-badges">
          <Badge tone={tone} testId={`proposal-state-${id}`}>
            {label}
          </Badge>
          {(state === "pending" || state === "approved") && (
            <span className="small" data-testid={`expiry-${id}`}>
              <Countdown to={expiresAt} now={now} />
            </span>
          )}
          {state === "expired" && <span className="small muted">expired {formatAgo(expiresAt, now)}</span>}
        </div>
      </header>

      {state === "stale" && (
        <div className="notice small">
          Validators, roles or the quorum changed after this was proposed, so its votes no longer count.
        </div>
      )}

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
          <Row label="Amount in">{amt(p.amountIn)}</Row>
          <Row label="Expected profit">
            <span className="good">{amt(p.expectedProfit, true)}</span>
          </Row>
          <Row label="Minimum profit">{amt(p.minProfit, true)}</Row>
          {state === "executed" && (
            <Row label="Realised profit">
              <span className="good">{amt(p.realisedProfit, true)}</span>
            </Row>
          )}
        </div>
      </div>

      <div
        className="quorum"
        data-testid={`quorum-${id}`}
        data-approvals={approvals}
        data-required={required}
      >
        <div className="quorum-top">
          <span>
            <strong data-testid={`quorum-text-${id}`}>
              {approvals} of {required} approvals
            </strong>
            {rejections > 0 && <span className="bad"> · {rejections} rejected</span>}
          </span>
          {compact ? null : leadRequired ? (
            <span className={leadApproved ? "good small" : "warn small"} data-testid={`lead-${id}`}>
              {leadApproved ? "✓ LEAD/ADMIN approved" : "Needs a LEAD or ADMIN approval"}
            </span>
          ) : (
            <span className="muted small">No lead approval required</span>
          )}
        </div>
        {!compact && (
          <Progress
            value={approvals}
            max={required}
            tone={approvals >= required ? "good" : "accent"}
            label={`quorum of proposal ${id}`}
          />
        )}
        {!compact && (
          <div className="voters">
            {validators.map((v) => {
              const voted =
                (p.approvals >>> v.slot) & 1 ? "yes" : (p.rejections >>> v.slot) & 1 ? "no" : "none";
              return (
                <span
                  key={v.slot}
                  className={`voter voter-${voted}`}
                  title={`${v.roleName.toUpperCase()} ${v.key.toBase58()}`}
                >
                  {voted === "yes" ? "✓" : voted === "no" ? "✗" : "·"} {v.roleName.toUpperCase()}{" "}
                  {shortAddress(v.key, 3)}
                  {publicKey?.equals(v.key) ? " (you)" : ""}
                </span>
              );
            })}
          </div>
        )}
      </div>

      <FormError testId={`proposal-error-${id}`}>{error}</FormError>

      <footer className="proposal-actions">
        {state === "pending" && role && !myVote && (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              data-testid={`approve-${id}`}
              onClick={() =>
                void act("Approve", "tradeVote", (c) => c.approve(pool.addresses, item.publicKey))
              }
            >
              Approve
            </button>
            <button
              type="button"
              className="btn danger"
              disabled={busy}
              data-testid={`reject-${id}`}
              onClick={() => setRejecting(true)}
            >
              Reject…
            </button>
          </>
        )}
        {myVote && (
          <span className={myVote === "approved" ? "good" : "bad"} data-testid={`my-vote-${id}`}>
            You {myVote} this proposal
          </span>
        )}
        {state === "pending" && publicKey && !role && (
          <span className="muted small">Only validators vote.</span>
        )}
        {state === "approved" && (role || keeper) && (
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            data-testid={`execute-${id}`}
            onClick={() =>
              void act("Execute", "execute", async (c) => {
                // Ready deposit requests are priced before the trade's profit: settle them first.
                if (depositsAwaitingSettlement(pool.account, now))
                  await c.settleReadyDeposits(pool.addresses);
                return c.executeAndDistribute(pool.addresses, item.publicKey);
              })
            }
          >
            {depositsAwaitingSettlement(pool.account, now) ? "Settle deposits & execute" : "Execute trade"}
          </button>
        )}
        {(state === "stale" || state === "expired") && p.status <= 1 && publicKey && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void act("Expire", "expire", (c) => c.expireProposal(pool.addresses, item.publicKey))
            }
          >
            Mark expired
          </button>
        )}
        {p.status >= 2 && publicKey && (
          <button
            type="button"
            className="btn ghost"
            disabled={busy}
            onClick={() => void act("Close", "close", (c) => c.closeProposal(pool.addresses, item.publicKey))}
          >
            Close · return rent to keeper
          </button>
        )}
        <span className="spacer" />
        <ExplorerLink kind="address" id={item.publicKey.toBase58()} className="small">
          Account
        </ExplorerLink>
      </footer>

      {rejecting && (
        <RejectDialog
          id={id}
          onClose={() => setRejecting(false)}
          onReject={async (reason) => {
            const ok = await act("Reject", "tradeVote", (c) =>
              c.reject(pool.addresses, item.publicKey, reason),
            );
            if (ok) setRejecting(false);
          }}
        />
      )}
    </article>
  );
}

/** Up to `max` UTF-8 bytes. */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function ReasonDialog({
  title,
  placeholder,
  confirm,
  onClose,
  onSubmit,
  testId,
}: {
  title: string;
  placeholder: string;
  confirm: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
  testId?: string;
}) {
  const [reason, setReason] = useState("");
  const [sending, setSending] = useState(false);
  const bytes = byteLength(reason);
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <label className="field">
        <span>Reason (stored on chain, visible to everyone)</span>
        <textarea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={placeholder}
          data-testid="reason-input"
        />
        <small className={bytes > 200 ? "bad" : "muted"}>{bytes} / 200 bytes</small>
      </label>
      <div className="button-row end">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn danger"
          disabled={!reason.trim() || bytes > 200 || sending}
          data-testid="reason-submit"
          onClick={async () => {
            setSending(true);
            await onSubmit(reason.trim());
            setSending(false);
          }}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}

function RejectDialog({
  id,
  onClose,
  onReject,
}: {
  id: string;
  onClose: () => void;
  onReject: (reason: string) => Promise<void>;
}) {
  return (
    <ReasonDialog
      title={`Reject proposal #${id}`}
      placeholder="e.g. Re-simulated profit is below the policy floor"
      confirm="Reject proposal"
      onClose={onClose}
      onSubmit={onReject}
      testId="reject-dialog"
    />
  );
}

function ValidatorTable({ pool, now }: { pool: PoolInfo; now: number }) {
  const set = useValidatorSet();
  const proposals = useProposals();
  const { publicKey } = useWallet();
  if (!set.data || !proposals.data) return null;
  const rows = validatorRows(
    set.data,
    proposals.data.map((p) => p.account),
    pool.account,
    now,
  );
  return (
    <Card
      title="Validator set"
      subtitle="JUNIOR < SENIOR < LEAD < ADMIN; SENIOR and above also decide insurance claims"
      testId="validator-table"
    >
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Validator</th>
              <th>Role</th>
              <th className="num">Approved</th>
              <th className="num hide-sm">Rejected</th>
              <th className="num">Rate</th>
              <th className="num hide-sm">Claim votes</th>
              <th className="hide-sm">Added</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.key.toBase58()}>
                <td>
                  <Address value={v.key} you={publicKey?.equals(v.key)} />
                </td>
                <td>
                  <RoleBadge role={v.role} />
                </td>
                <td className="num">{v.approvals}</td>
                <td className="num hide-sm">{v.rejections}</td>
                <td className="num">{formatPercent(v.approvalRatePercent, 0)}</td>
                <td className="num hide-sm">{v.claimVotes}</td>
                <td className="hide-sm muted">{formatDateTime(v.addedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
