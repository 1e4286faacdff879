/**
 * Insurance: reserve health, claims with status, votes and expiry, filing a claim (capped by the
 * member's stake), SENIOR+ approve / deny (never on one's own claim), expiring undecided claims,
 * funding.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { useMemo, useState } from "react";
import { ClaimAccount, claimableStake, claimStatus, Listed, validatorsOf } from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import {
  Address,
  Badge,
  Card,
  Empty,
  FormError,
  Progress,
  Row,
  Skeleton,
  Stat,
  Tone,
} from "../components/ui";
import {
  big,
  formatAmount,
  describeSeconds,
  formatBps,
  formatDateTime,
  formatDuration,
  formatExact,
  formatPercent,
  parseAmount,
} from "../lib/format";
import {
  PoolInfo,
  useClaims,
  useInsurance,
  useMyRole,
  useNow,
  usePool,
  useValidatorSet,
  useVaultBalances,
  useWalletState,
} from "../state/data";
import { insuranceStats, popcount } from "../state/stats";
import { useTx } from "../state/tx";
import { ConnectPrompt } from "../wallet/WalletUi";
import { ReasonDialog } from "./Validators";

export function InsurancePage() {
  return (
    <PoolGate>
      <Insurance />
    </PoolGate>
  );
}

const HEALTH: Record<string, [string, Tone, string]> = {
  healthy: ["Healthy", "good", "The reserve covers every pending claim."],
  watch: ["Thin", "warn", "The reserve covers pending claims but is under 1% of pool assets."],
  underfunded: ["Under-funded", "bad", "Pending claims ask for more than the reserve holds."],
  empty: ["Empty", "bad", "Nothing in reserve yet: it grows with each executed trade."],
};

function Insurance() {
  const pool = usePool().data!;
  const insurance = useInsurance();
  const vaults = useVaultBalances();
  const { decimals, symbol } = pool;
  const amt = (v: bigint) => formatAmount(v, decimals, { symbol });
  const s =
    insurance.data && vaults.data ? insuranceStats(insurance.data, vaults.data.reserve, pool.account) : null;
  const [label, tone, note] = s ? HEALTH[s.health] : ["…", "neutral" as Tone, ""];
  return (
    <>
      <PageHead title="Insurance reserve">
        <Badge tone={tone} testId="reserve-health">
          {label}
        </Badge>
      </PageHead>
      {!s ? (
        <Skeleton height={120} />
      ) : (
        <div className="grid stats" data-testid="insurance-stats">
          <Stat label="Reserve balance" value={amt(s.reserveBalance)} sub={note} testId="reserve-balance" />
          <Stat
            label="Coverage"
            value={formatPercent(s.coveragePercent)}
            sub="of the pool's assets"
            tone={s.health === "healthy" ? "good" : s.health === "watch" ? "warn" : "bad"}
          />
          <Stat
            label="Share of profit"
            value={formatBps(pool.account.insuranceBps)}
            sub="of every trade's gain goes to the reserve"
          />
          <Stat label="From trade profit" value={amt(s.totalAllocated)} sub="allocated so far" />
          <Stat label="Funded directly" value={amt(s.totalFunded)} />
          <Stat
            label="Paid out"
            value={amt(s.totalPaid)}
            sub={`${s.claimsPaid} claim${s.claimsPaid === 1n ? "" : "s"} paid`}
          />
          <Stat
            label="Pending claims"
            value={s.pendingClaims.toString()}
            sub={`${amt(s.pendingAmount)} requested`}
            tone={s.pendingClaims > 0n ? "warn" : undefined}
          />
          <Stat
            label="Claims filed"
            value={s.claimsFiled.toString()}
            sub={`${s.claimsDenied} denied · ${s.claimsExpired} expired`}
          />
        </div>
      )}
      <div className="grid main-side">
        <ClaimsList pool={pool} />
        <div className="stack">
          <FileClaimCard
            pool={pool}
            available={
              s ? (s.reserveBalance > s.pendingAmount ? s.reserveBalance - s.pendingAmount : 0n) : 0n
            }
          />
          <FundCard pool={pool} />
        </div>
      </div>
    </>
  );
}

const CLAIM_TONE: Record<string, Tone> = { pending: "warn", paid: "good", denied: "bad", expired: "neutral" };

function ClaimsList({ pool }: { pool: PoolInfo }) {
  const claims = useClaims();
  const now = useNow();
  const a = pool.account;
  const sorted = useMemo(
    () => [...(claims.data ?? [])].sort((a, b) => b.account.id.toNumber() - a.account.id.toNumber()),
    [claims.data],
  );
  return (
    <Card
      title="Claims"
      subtitle={`Decided by SENIOR, LEAD and ADMIN validators other than the claimant, one vote each: ${a.claimRequiredApprovals} approval${a.claimRequiredApprovals === 1 ? "" : "s"}${a.claimRequireLead ? ", one from a LEAD or ADMIN" : ""}; open for ${describeSeconds(a.claimTtl.toNumber())}`}
      testId="claims"
    >
      {!claims.data ? (
        <Skeleton height={120} />
      ) : sorted.length === 0 ? (
        <Empty title="No open claims">
          Members file claims for unexpected losses; closed claims leave this list.
        </Empty>
      ) : (
        <div className="claim-list">
          {sorted.map((c) => (
            <ClaimRow key={c.publicKey.toBase58()} claim={c} pool={pool} now={now} />
          ))}
        </div>
      )}
    </Card>
  );
}

function ClaimRow({ claim, pool, now }: { claim: Listed<ClaimAccount>; pool: PoolInfo; now: number }) {
  const { publicKey } = useWallet();
  const { role, slot } = useMyRole();
  const set = useValidatorSet();
  const { run, busy } = useTx();
  const [denying, setDenying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = claim.account;
  const id = c.id.toString();
  const status = claimStatus(c);
  const current = c.configVersion.eq(pool.account.configVersion);
  const approvals = current ? popcount(c.approvals) : 0;
  const rejections = current ? popcount(c.rejections) : 0;
  const required = pool.account.claimRequiredApprovals;
  const leadRequired = pool.account.claimRequireLead === 1;
  const expiresAt = c.expiresAt.toNumber();
  // Voting closes at expiry; then anyone may mark the claim expired.
  const open = status === "pending" && now < expiresAt;
  const lapsed = status === "pending" && now >= expiresAt;
  const mine = !!publicKey?.equals(c.claimant);
  const canVote = (role === "senior" || role === "lead" || role === "admin") && !mine;
  const myVote =
    slot === null || !current
      ? null
      : (c.approvals >>> slot) & 1
        ? "approved"
        : (c.rejections >>> slot) & 1
          ? "denied"
          : null;
  const validators = set.data ? validatorsOf(set.data) : [];
  const amt = (v: bigint) => formatAmount(v, pool.decimals, { symbol: pool.symbol });

  const act = async (what: string, send: Parameters<typeof run>[2]) => {
    setError(null);
    const action = what === "Close" ? "close" : what === "Expire" ? "expireClaim" : "claimVote";
    const outcome = await run(`${what} claim #${id}`, action, send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };

  return (
    <article className="claim" data-testid={`claim-${id}`}>
      <header className="proposal-head">
        <div>
          <h3>
            #{id} · {amt(big(c.amount))}
          </h3>
          <div className="muted small">
            by <Address value={c.claimant} you={publicKey?.equals(c.claimant)} /> · filed{" "}
            {formatDateTime(c.filedAt.toNumber())}
            {c.proposalId && <> · about trade #{c.proposalId.toString()}</>}
          </div>
        </div>
        <div className="proposal-badges">
          <Badge tone={CLAIM_TONE[status]} testId={`claim-status-${id}`}>
            {status[0].toUpperCase() + status.slice(1)}
          </Badge>
          {status === "pending" && (
            <span className="small" data-testid={`claim-expiry-${id}`} data-expires-at={expiresAt}>
              {open ? (
                <span className={expiresAt - now < 3600 ? "warn" : ""}>
                  {formatDuration(expiresAt - now)} left to decide
                </span>
              ) : (
                <span className="bad">voting time ran out</span>
              )}
            </span>
          )}
        </div>
      </header>
      <p className="claim-reason">“{c.reason}”</p>
      {status === "pending" ? (
        <div className="quorum">
          <div className="quorum-top">
            <strong>
              {approvals} of {required} approvals
            </strong>
            {rejections > 0 && <span className="bad small">{rejections} denied</span>}
          </div>
          <Progress value={approvals} max={required} label={`approvals of claim ${id}`} />
          {leadRequired && <div className="muted small">One approval must come from a LEAD or ADMIN.</div>}
          <div className="voters">
            {validators
              .filter((v) => v.roleName !== "junior" && !v.key.equals(c.claimant))
              .map((v) => {
                const voted =
                  current && (c.approvals >>> v.slot) & 1
                    ? "yes"
                    : current && (c.rejections >>> v.slot) & 1
                      ? "no"
                      : "none";
                return (
                  <span key={v.slot} className={`voter voter-${voted}`}>
                    {voted === "yes" ? "✓" : voted === "no" ? "✗" : "·"} {v.roleName.toUpperCase()}{" "}
                    {v.key.toBase58().slice(0, 3)}
                  </span>
                );
              })}
          </div>
          {!current && (
            <div className="muted small">
              Validators changed since the votes were cast, so earlier votes were discarded.
            </div>
          )}
        </div>
      ) : (
        <div className="rows">
          <Row label={status === "expired" ? "Expired" : "Decided"}>
            {formatDateTime(c.decidedAt.toNumber())}
          </Row>
          {c.decisionNote && <Row label="Note">{c.decisionNote}</Row>}
        </div>
      )}
      <FormError>{error}</FormError>
      <footer className="proposal-actions">
        {open && canVote && !myVote && (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              data-testid={`approve-claim-${id}`}
              onClick={() =>
                void act("Approve", (client) => client.approveClaim(pool.addresses, claim.publicKey))
              }
            >
              Approve & pay if quorum
            </button>
            <button
              type="button"
              className="btn danger"
              disabled={busy}
              onClick={() => setDenying(true)}
              data-testid={`deny-claim-${id}`}
            >
              Deny…
            </button>
          </>
        )}
        {open && mine && (
          <span className="muted small" data-testid={`claimant-note-${id}`}>
            You filed this claim: the other validators decide it.
          </span>
        )}
        {open && publicKey && !canVote && !mine && (
          <span className="muted small">SENIOR, LEAD and ADMIN validators decide claims.</span>
        )}
        {lapsed && publicKey && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            data-testid={`expire-claim-${id}`}
            onClick={() =>
              void act("Expire", (client) => client.expireClaim(pool.addresses, claim.publicKey))
            }
          >
            Mark expired · release the reserve
          </button>
        )}
        {myVote && <span className={myVote === "approved" ? "good" : "bad"}>You {myVote} this claim</span>}
        {status !== "pending" && publicKey?.equals(c.claimant) && (
          <button
            type="button"
            className="btn ghost"
            disabled={busy}
            onClick={() => void act("Close", (client) => client.closeClaim(pool.addresses, claim.publicKey))}
          >
            Close · reclaim rent
          </button>
        )}
      </footer>
      {denying && (
        <ReasonDialog
          title={`Deny claim #${id}`}
          placeholder="e.g. Not an insured loss"
          confirm="Deny claim"
          onClose={() => setDenying(false)}
          onSubmit={async (reason) => {
            if (await act("Deny", (client) => client.denyClaim(pool.addresses, claim.publicKey, reason)))
              setDenying(false);
          }}
        />
      )}
    </article>
  );
}

function FileClaimCard({ pool, available }: { pool: PoolInfo; available: bigint }) {
  const { publicKey } = useWallet();
  const wallet = useWalletState();
  const { run, busy } = useTx();
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [proposal, setProposal] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const parsed = text ? parseAmount(text, pool.decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  const position = wallet.data?.position ?? null;
  const member = !!position;
  // A claim makes good a loss of the member's own capital: never more than is at stake.
  const stake = position ? claimableStake(position) : 0n;
  const openClaim = position?.openClaim === 1;
  const amt = (v: bigint) => formatAmount(v, pool.decimals, { symbol: pool.symbol });
  if (!publicKey) {
    return (
      <Card title="File a claim">
        <ConnectPrompt>
          <p className="muted">Members file claims for unexpected losses; SENIOR+ validators decide them.</p>
        </ConnectPrompt>
      </Card>
    );
  }
  return (
    <Card
      title="File a claim"
      subtitle={`Available to claim: ${amt(available)} (the reserve less pending claims)`}
      testId="file-claim"
    >
      {!member && wallet.data && (
        <div className="notice small">Only members can file claims. Deposit first on the Member page.</div>
      )}
      {member && (
        <div className="rows">
          <Row label="Your stake" testId="claim-stake">
            {amt(stake)}{" "}
            <span className="muted small">
              (deposited, less withdrawn and claims paid: the most you may claim)
            </span>
          </Row>
          <Row label="Decided within">
            {describeSeconds(pool.account.claimTtl.toNumber())}, else it expires and you may file again
          </Row>
        </div>
      )}
      {openClaim && (
        <div className="notice small" data-testid="claim-open-note">
          You have a claim awaiting a decision: one open claim at a time.
        </div>
      )}
      {amount > 0n && member && amount > stake && (
        <FormError>You may claim at most your stake of {amt(stake)}.</FormError>
      )}
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setDone(null);
          const outcome = await run(
            `File a claim for ${formatExact(amount, pool.decimals, pool.symbol)}`,
            "fileClaim",
            (client) =>
              client.fileClaim(
                pool.addresses,
                amount,
                reason.trim(),
                proposal.trim() ? BigInt(proposal.trim()) : undefined,
              ),
          );
          if (outcome.ok) {
            setDone(`Claim #${outcome.result.id} filed.`);
            setText("");
            setReason("");
            setProposal("");
          } else setError(outcome.error.sentence);
        }}
      >
        <label className="field">
          <span>Amount</span>
          <div className="amount-input">
            <input
              inputMode="decimal"
              placeholder="0.00"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <span className="unit">{pool.symbol}</span>
          </div>
        </label>
        <label className="field">
          <span>What happened</span>
          <textarea
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Loss from a failed route on 12 May"
          />
        </label>
        <label className="field">
          <span>Related trade (optional)</span>
          <input
            inputMode="numeric"
            placeholder="proposal id, e.g. 7"
            value={proposal}
            onChange={(e) => setProposal(e.target.value.replace(/\D/g, ""))}
          />
        </label>
        {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
        <FormError>{error}</FormError>
        {done && <div className="form-ok">{done}</div>}
        <button
          type="submit"
          className="btn primary block"
          disabled={busy || amount === 0n || !reason.trim() || openClaim || (member && amount > stake)}
        >
          File claim
        </button>
      </form>
    </Card>
  );
}

function FundCard({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const { run, busy } = useTx();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const parsed = text ? parseAmount(text, pool.decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  if (!publicKey) return null;
  return (
    <Card title="Fund the reserve" subtitle="Anyone may add to the reserve; it is not withdrawable">
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          const outcome = await run(
            `Fund the reserve with ${formatExact(amount, pool.decimals, pool.symbol)}`,
            "fund",
            (client) => client.fundInsurance(pool.addresses, amount),
          );
          if (outcome.ok) setText("");
          else setError(outcome.error.sentence);
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
