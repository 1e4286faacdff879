/**
 * What the connected wallet may do with a proposal: approve or reject (validators, once),
 * execute (keepers and validators; not while the pool is paused), mark expired, close.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import {
  canExpireProposal,
  depositsAwaitingSettlement,
  isFinished,
  isPaused,
  PoolBotClient,
  SendResult,
  TradeProposalAccount,
  voteOf,
} from "@poolbot/sdk";
import { useState } from "react";
import { ExplorerLink, FormError } from "../ui";
import { ReasonDialog } from "../ReasonDialog";
import { Action } from "../../lib/errors";
import { PoolInfo, useMyRole } from "../../state/data";
import { ProposalState } from "../../state/stats";
import { useTx } from "../../state/tx";

export function ProposalActions({
  id,
  address,
  proposal,
  state,
  pool,
  now,
}: {
  id: string;
  address: PublicKey;
  proposal: TradeProposalAccount;
  state: ProposalState;
  pool: PoolInfo;
  now: number;
}) {
  const { publicKey } = useWallet();
  const { role, keeper, slot } = useMyRole();
  const { run, busy } = useTx();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const vote = slot === null ? null : voteOf(proposal, slot);
  const myVote = vote === "approve" ? "approved" : vote === "reject" ? "rejected" : null;
  const paused = isPaused(pool.account);
  const settleFirst = depositsAwaitingSettlement(pool.account, now);

  const act = async (what: string, action: Action, send: (c: PoolBotClient) => Promise<SendResult>) => {
    setError(null);
    const outcome = await run(`${what} proposal #${id}`, action, send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };

  return (
    <>
      <FormError testId={`proposal-error-${id}`}>{error}</FormError>
      <footer className="proposal-actions">
        {state === "pending" && role && !myVote && (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={busy}
              data-testid={`approve-${id}`}
              onClick={() => void act("Approve", "tradeVote", (c) => c.approveTrade(pool.addresses, address))}
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
          <>
            <button
              type="button"
              className="btn primary"
              disabled={busy || paused}
              title={paused ? "The pool is paused" : undefined}
              data-testid={`execute-${id}`}
              onClick={() =>
                void act("Execute", "execute", async (c) => {
                  // Ready deposit requests are priced before the trade's profit: settle them first.
                  if (depositsAwaitingSettlement(pool.account, now))
                    await c.settleReadyDeposits(pool.addresses);
                  return c.executeAndDistribute(pool.addresses, address);
                })
              }
            >
              {settleFirst ? "Settle deposits & execute" : "Execute trade"}
            </button>
            {paused && (
              <span className="warn small" data-testid={`execute-paused-${id}`}>
                The pool is paused: executions wait until an ADMIN resumes it.
              </span>
            )}
          </>
        )}
        {canExpireProposal(proposal, now, pool.account.configVersion) && publicKey && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void act("Expire", "expire", (c) => c.expireProposal(pool.addresses, address))}
          >
            Mark expired
          </button>
        )}
        {isFinished(proposal) && publicKey && (
          <button
            type="button"
            className="btn ghost"
            disabled={busy}
            onClick={() => void act("Close", "close", (c) => c.closeProposal(pool.addresses, address))}
          >
            Close · return rent to keeper
          </button>
        )}
        <span className="spacer" />
        <ExplorerLink kind="address" id={address.toBase58()} className="small">
          Account
        </ExplorerLink>
      </footer>
      {rejecting && (
        <ReasonDialog
          title={`Reject proposal #${id}`}
          placeholder="e.g. Re-simulated profit is below the policy floor"
          confirm="Reject proposal"
          onClose={() => setRejecting(false)}
          onSubmit={async (reason) => {
            const ok = await act("Reject", "tradeVote", (c) =>
              c.rejectTrade(pool.addresses, address, reason),
            );
            if (ok) setRejecting(false);
          }}
          testId="reject-dialog"
        />
      )}
    </>
  );
}
