/**
 * The pool's queued governance changes: each in words, who queued it, its countdown; Apply once
 * due (anyone), Cancel for ADMINs. Members see them read-only, so they can withdraw before a
 * change they disagree with applies.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useState } from "react";
import { changeCountdown, decodeName, describeChange, validatorsOf } from "@poolbot/sdk";
import { describeSeconds, formatDateTime, formatDuration, formatExact, shortAddress } from "../lib/format";
import { PoolInfo, useMyRole, useNow, usePendingChanges, useProducts, useValidatorSet } from "../state/data";
import { useTx } from "../state/tx";
import { Address, Badge, Card, Empty, FormError, Skeleton } from "./ui";

/** A wallet or product by the name the page knows it by. */
function useNames(): (key: PublicKey) => string {
  const products = useProducts();
  const set = useValidatorSet();
  return (key: PublicKey) => {
    const product = products.data?.find((p) => p.publicKey.equals(key));
    if (product) return `"${decodeName(product.account.name)}" (#${product.account.id.toString()})`;
    const validator = set.data ? validatorsOf(set.data).find((v) => v.key.equals(key)) : undefined;
    if (validator) return `${shortAddress(key)} (now ${validator.roleName.toUpperCase()})`;
    return shortAddress(key);
  };
}

export function PendingChanges({ pool, controls }: { pool: PoolInfo; controls: boolean }) {
  const changes = usePendingChanges();
  const { role } = useMyRole();
  const { publicKey } = useWallet();
  const { run, busy } = useTx();
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const names = useNames();
  const lock = pool.account.timeLock.toNumber();
  const isAdmin = role === "admin";
  const act = async (label: string, send: Parameters<typeof run>[2]) => {
    setError(null);
    const outcome = await run(label, "manage", send);
    if (!outcome.ok) setError(outcome.error.sentence);
  };
  return (
    <Card
      title="Pending changes"
      subtitle={
        lock > 0
          ? `Governance changes wait ${describeSeconds(lock)} (the time lock) before anyone may apply them: withdraw first if you disagree; any ADMIN may cancel one meanwhile.`
          : "This pool has no time lock: ADMIN changes apply as soon as they are queued."
      }
      testId="pending-changes"
    >
      {!changes.data ? (
        <Skeleton height={60} />
      ) : changes.data.length === 0 ? (
        <div data-testid="pending-changes-empty">
          <Empty title="No change is waiting">
            {lock > 0 ? `A change queued now could apply in ${describeSeconds(lock)}.` : "Nothing is queued."}
          </Empty>
        </div>
      ) : (
        <ul className="list">
          {changes.data.map(({ publicKey: key, account }) => {
            const countdown = changeCountdown(account, now);
            const description = describeChange(account.change, {
              name: names,
              amount: (v) => formatExact(v, pool.decimals, pool.symbol),
            });
            const id = account.id.toString();
            return (
              <li key={key.toBase58()} className="list-row change-row" data-testid={`pending-change-${id}`}>
                <div className="cell-stack">
                  <strong data-testid={`pending-change-text-${id}`}>
                    #{id} · {description}
                  </strong>
                  <span className="muted small">
                    queued by <Address value={account.proposer} you={publicKey?.equals(account.proposer)} /> ·{" "}
                    {countdown.due
                      ? `due since ${formatDateTime(account.eta.toNumber())}`
                      : `applies from ${formatDateTime(account.eta.toNumber())}`}
                  </span>
                </div>
                <span className="list-actions">
                  <Badge tone={countdown.due ? "good" : "warn"}>
                    <span data-testid={`pending-change-countdown-${id}`}>
                      {countdown.due ? "Due" : `in ${formatDuration(countdown.secondsLeft)}`}
                    </span>
                  </Badge>
                  {controls && publicKey && countdown.due && (
                    <button
                      type="button"
                      className="btn small primary"
                      disabled={busy}
                      data-testid={`pending-change-apply-${id}`}
                      onClick={() =>
                        void act(`Apply change #${id}`, (c) => c.applyChange(pool.addresses, key))
                      }
                    >
                      Apply
                    </button>
                  )}
                  {controls && isAdmin && (
                    <button
                      type="button"
                      className="btn small danger"
                      disabled={busy}
                      data-admin-control
                      data-testid={`pending-change-cancel-${id}`}
                      onClick={() =>
                        void act(`Cancel change #${id}`, (c) => c.cancelChange(pool.addresses, key))
                      }
                    >
                      Cancel
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <FormError>{error}</FormError>
    </Card>
  );
}

/** A short line on any page: how many changes are queued, the next one's countdown. */
export function PendingChangesNotice({ pool }: { pool: PoolInfo }) {
  const changes = usePendingChanges();
  const now = useNow();
  if (!changes.data || changes.data.length === 0) return null;
  const next = changes.data[0];
  const countdown = changeCountdown(next.account, now);
  return (
    <div className="notice" data-testid="pending-changes-notice">
      <strong>
        {changes.data.length} governance change{changes.data.length === 1 ? "" : "s"} queued.
      </strong>{" "}
      <span className="muted">
        Next:{" "}
        {describeChange(next.account.change, { amount: (v) => formatExact(v, pool.decimals, pool.symbol) })} (
        {countdown.due ? "due now" : `applies in ${formatDuration(countdown.secondsLeft)}`}). See the Admin
        page; withdraw first if you disagree.
      </span>
    </div>
  );
}
