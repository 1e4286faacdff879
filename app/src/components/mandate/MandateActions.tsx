/**
 * What the connected wallet may do with a mandate: approve or reject with a reason (validators,
 * once, while it is pending), revoke (LEAD and ADMIN, after confirming; revoking only protects),
 * close a finished one (anyone; the rent goes back to its proposer).
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import {
  canRevokeMandate,
  canVoteOnMandate,
  isLeadRole,
  isMandateFinished,
  MandateAccount,
  MandateStanding,
  PoolBotClient,
  SendResult,
  voteOf,
} from "@poolbot/sdk";
import { useState } from "react";
import { ConfirmDialog } from "../ConfirmDialog";
import { ReasonDialog } from "../ReasonDialog";
import { ExplorerLink, FormError } from "../ui";
import { Action } from "../../lib/errors";
import { PoolInfo, useMyRole } from "../../state/data";
import { useTx } from "../../state/tx";

export function MandateActions({
  id,
  address,
  mandate,
  standing,
  pool,
  now,
}: {
  id: string;
  address: PublicKey;
  mandate: MandateAccount;
  standing: MandateStanding;
  pool: PoolInfo;
  now: number;
}) {
  const { publicKey } = useWallet();
  const { role, slot } = useMyRole();
  const { run, busy } = useTx();
  const [rejecting, setRejecting] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const vote = slot === null ? null : voteOf(mandate, slot);
  const canVote = slot !== null && canVoteOnMandate(mandate, slot, now, pool.account.configVersion);
  const canRevoke = !!role && isLeadRole(role) && canRevokeMandate(mandate) && !isMandateFinished(standing);

  const act = async (what: string, action: Action, send: (c: PoolBotClient) => Promise<SendResult>) => {
    setError(null);
    const outcome = await run(`${what} mandate #${id}`, action, send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };

  return (
    <>
      <FormError testId={`mandate-error-${id}`}>{error}</FormError>
      <footer className="proposal-actions">
        {canVote && (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              data-testid={`approve-mandate-${id}`}
              onClick={() =>
                void act("Approve", "mandateVote", (c) => c.approveMandate(pool.addresses, address))
              }
            >
              Approve
            </button>
            <button
              type="button"
              className="btn danger"
              disabled={busy}
              data-testid={`reject-mandate-${id}`}
              onClick={() => setRejecting(true)}
            >
              Reject…
            </button>
          </>
        )}
        {vote && (
          <span className={vote === "approve" ? "good" : "bad"} data-testid={`my-mandate-vote-${id}`}>
            You {vote === "approve" ? "approved" : "rejected"} this mandate
          </span>
        )}
        {standing === "pending" && publicKey && !role && (
          <span className="muted small">Only validators vote.</span>
        )}
        {canRevoke && (
          <button
            type="button"
            className="btn danger"
            disabled={busy}
            data-testid={`revoke-mandate-${id}`}
            onClick={() => setRevoking(true)}
          >
            Revoke…
          </button>
        )}
        {isMandateFinished(standing) && publicKey && (
          <button
            type="button"
            className="btn ghost"
            disabled={busy}
            data-testid={`close-mandate-${id}`}
            onClick={() => void act("Close", "close", (c) => c.closeMandate(pool.addresses, address))}
          >
            Close · return rent to proposer
          </button>
        )}
        <span className="spacer" />
        <ExplorerLink kind="address" id={address.toBase58()} className="small">
          Account
        </ExplorerLink>
      </footer>
      {rejecting && (
        <ReasonDialog
          title={`Reject mandate #${id}`}
          placeholder="e.g. Markets too thin for 5,000 USDC a trade"
          confirm="Reject mandate"
          onClose={() => setRejecting(false)}
          onSubmit={async (reason) => {
            const ok = await act("Reject", "mandateVote", (c) =>
              c.rejectMandate(pool.addresses, address, reason),
            );
            if (ok) setRejecting(false);
          }}
          testId="reject-mandate-dialog"
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke mandate #${id}?`}
          confirm="Revoke mandate"
          onClose={() => setRevoking(false)}
          onConfirm={() => act("Revoke", "revokeMandate", (c) => c.revokeMandate(pool.addresses, address))}
          testId="revoke-mandate-dialog"
        >
          From the next block no keeper can trade under it. This cannot be undone: trading the same way again
          needs a new mandate and the validators&apos; votes.
        </ConfirmDialog>
      )}
    </>
  );
}
