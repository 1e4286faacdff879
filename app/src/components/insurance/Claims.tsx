/**
 * The claims, newest first; each with amount, claimant, reason, status, votes and expiry, and
 * approve, deny (SENIOR+, never the claimant), expire and close.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import {
  canExpireClaim,
  canVoteOnClaims,
  ClaimAccount,
  claimRequiresLead,
  claimStatus,
  claimVotes,
  isClaimOpen,
  Listed,
  validatorsOf,
  voteCount,
  voteOf,
} from "@poolbot/sdk";
import { useMemo, useState } from "react";
import { ReasonDialog } from "../ReasonDialog";
import { Address, Badge, Card, Empty, FormError, Progress, Row, Skeleton, Tone } from "../ui";
import { big, describeSeconds, formatAmount, formatDateTime, formatDuration } from "../../lib/format";
import { PoolInfo, useClaims, useMyRole, useNow, useValidatorSet } from "../../state/data";
import { useTx } from "../../state/tx";

const CLAIM_TONE: Record<string, Tone> = { pending: "warn", paid: "good", denied: "bad", expired: "neutral" };

export function ClaimsList({ pool }: { pool: PoolInfo }) {
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
      subtitle={`Decided by SENIOR, LEAD and ADMIN validators other than the claimant, one vote each: ${a.claimRequiredApprovals} approval${a.claimRequiredApprovals === 1 ? "" : "s"}${claimRequiresLead(a) ? ", one from a LEAD or ADMIN" : ""}; open for ${describeSeconds(a.claimTtl.toNumber())}`}
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
  // Votes cast under an older validator set were discarded: they count as none.
  const votes = claimVotes(c, pool.account.configVersion);
  const current = votes.current;
  const approvals = voteCount(votes.approvals);
  const rejections = voteCount(votes.rejections);
  const required = pool.account.claimRequiredApprovals;
  const leadRequired = claimRequiresLead(pool.account);
  const expiresAt = c.expiresAt.toNumber();
  // Voting closes at expiry; then anyone may mark the claim expired.
  const open = isClaimOpen(c, now);
  const lapsed = canExpireClaim(c, now);
  const mine = !!publicKey?.equals(c.claimant);
  const canVote = !!role && canVoteOnClaims(role) && !mine;
  const vote = slot === null ? null : voteOf(votes, slot);
  const myVote = vote === "approve" ? "approved" : vote === "reject" ? "denied" : null;
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
              .filter((v) => canVoteOnClaims(v.roleName) && !v.key.equals(c.claimant))
              .map((v) => {
                const cast = voteOf(votes, v.slot);
                const voted = cast === "approve" ? "yes" : cast === "reject" ? "no" : "none";
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
