/** A proposal's quorum: approvals of the required, the lead requirement, and who voted how. */
import { PublicKey } from "@solana/web3.js";
import {
  isLeadRole,
  PoolAccount,
  TradeProposalAccount,
  tradeRequiresLead,
  voteCount,
  voteOf,
  validatorsOf,
  votersOf,
} from "@poolbot/sdk";
import { Progress } from "../ui";
import { shortAddress } from "../../lib/format";

export function ProposalVotes({
  id,
  proposal,
  pool,
  validators,
  me,
  compact,
}: {
  id: string;
  proposal: TradeProposalAccount;
  pool: PoolAccount;
  validators: ReturnType<typeof validatorsOf>;
  me: PublicKey | null;
  compact?: boolean;
}) {
  const approvals = voteCount(proposal.approvals);
  const rejections = voteCount(proposal.rejections);
  const required = pool.requiredApprovals;
  const leadApproved = votersOf(proposal.approvals).some((s) => {
    const role = validators.find((v) => v.slot === s)?.roleName;
    return role !== undefined && isLeadRole(role);
  });
  return (
    <div className="quorum" data-testid={`quorum-${id}`} data-approvals={approvals} data-required={required}>
      <div className="quorum-top">
        <span>
          <strong data-testid={`quorum-text-${id}`}>
            {approvals} of {required} approvals
          </strong>
          {rejections > 0 && <span className="bad"> · {rejections} rejected</span>}
        </span>
        {compact ? null : tradeRequiresLead(pool) ? (
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
            const vote = voteOf(proposal, v.slot);
            const voted = vote === "approve" ? "yes" : vote === "reject" ? "no" : "none";
            return (
              <span
                key={v.slot}
                className={`voter voter-${voted}`}
                title={`${v.roleName.toUpperCase()} ${v.key.toBase58()}`}
              >
                {voted === "yes" ? "✓" : voted === "no" ? "✗" : "·"} {v.roleName.toUpperCase()}{" "}
                {shortAddress(v.key, 3)}
                {me?.equals(v.key) ? " (you)" : ""}
              </span>
            );
          })}
        </div>
      )}
    </div>
  );
}
