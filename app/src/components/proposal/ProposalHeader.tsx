/** A proposal's head: id, product, proposer and age; where it stands and how long it has left. */
import { PublicKey } from "@solana/web3.js";
import { Address, Badge, Countdown, Tone } from "../ui";
import { formatAgo } from "../../lib/format";
import { ProposalState } from "../../state/stats";

const STATE_LABEL: Record<ProposalState, [string, Tone]> = {
  pending: ["Pending vote", "warn"],
  approved: ["Approved · awaiting execution", "info"],
  rejected: ["Rejected", "bad"],
  executed: ["Executed", "good"],
  expired: ["Expired", "neutral"],
  stale: ["Stale", "neutral"],
};

export function ProposalHeader({
  id,
  productName,
  proposer,
  createdAt,
  expiresAt,
  state,
  now,
}: {
  id: string;
  productName: string;
  proposer: PublicKey;
  createdAt: number;
  expiresAt: number;
  state: ProposalState;
  now: number;
}) {
  const [label, tone] = STATE_LABEL[state];
  return (
    <>
      <header className="proposal-head">
        <div>
          <h3>
            #{id} <span className="muted">· {productName}</span>
          </h3>
          <div className="muted small">
            Proposed by <Address value={proposer} /> · {formatAgo(createdAt, now)}
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
    </>
  );
}
