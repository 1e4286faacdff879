/** Whether the pool is paused (pausing asks first), its addresses and version, and raising the time lock. */
import { isPaused, MAX_TIME_LOCK } from "@poolbot/sdk";
import { useState } from "react";
import { ConfirmDialog } from "../ConfirmDialog";
import { Address, Badge, Card, FormError, Row } from "../ui";
import { parseDuration } from "../../lib/forms";
import { describeSeconds } from "../../lib/format";
import { PoolInfo } from "../../state/data";
import { useAdminAction } from "./useAdminAction";

export function StatusCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const { act, busy, error } = useAdminAction();
  const [confirming, setConfirming] = useState(false);
  const paused = isPaused(pool.account);
  const resume = () => act("Resume the pool", (c) => c.updateConfig(pool.addresses, { paused: false }));
  return (
    <Card title="Pool status" testId="admin-status">
      <div className="status-line">
        <Badge tone={paused ? "warn" : "good"}>{paused ? "Paused" : "Active"}</Badge>
        <span className="muted small">
          {paused
            ? "Deposits, proposals and executions are blocked; withdrawals still work."
            : "Deposits, proposals and executions are open."}
        </span>
      </div>
      {isAdmin && (
        <div className="button-row status-actions">
          <button
            type="button"
            className={paused ? "btn primary" : "btn danger"}
            disabled={busy}
            data-admin-control
            data-testid="admin-pause"
            onClick={() => (paused ? void resume() : setConfirming(true))}
          >
            {paused ? "Resume pool" : "Pause pool"}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Pause the pool?"
          confirm="Pause the pool"
          onClose={() => setConfirming(false)}
          onConfirm={() => act("Pause the pool", (c) => c.updateConfig(pool.addresses, { paused: true }))}
          testId="confirm-pause"
        >
          <p>
            Deposits, new proposals and executions stop at once for every member, keeper and validator, until
            an ADMIN resumes the pool. Withdrawals keep working.
          </p>
        </ConfirmDialog>
      )}
      <FormError>{error}</FormError>
      <div className="rows">
        <Row label="Creator">
          <Address value={pool.account.creator} />
        </Row>
        <Row label="Asset mint">
          <Address value={pool.account.assetMint} />{" "}
          <span className="muted">
            ({pool.symbol}, {pool.decimals} decimals)
          </span>
        </Row>
        <Row label="Config version">{pool.account.configVersion.toString()}</Row>
        <Row label="Time lock" testId="admin-time-lock">
          {pool.account.timeLock.toNumber() > 0
            ? `${describeSeconds(pool.account.timeLock.toNumber())} between queueing a change and applying it`
            : "none: changes apply as soon as they are queued"}
        </Row>
      </div>
      {isAdmin && <RaiseTimeLock pool={pool} />}
    </Card>
  );
}

/** Raising the time lock is immediate (it only protects); lowering it is a queued change. */
function RaiseTimeLock({ pool }: { pool: PoolInfo }) {
  const { act, busy, error } = useAdminAction();
  const current = pool.account.timeLock.toNumber();
  const [hours, setHours] = useState(String(current / 3600));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        const seconds = parseDuration(hours, "Time lock", "hour", 3600, 0, MAX_TIME_LOCK);
        if ("error" in seconds) return setProblem(seconds.error);
        if (seconds.value <= current)
          return setProblem(
            "Raising is immediate; to lower the time lock, queue the change in the configuration (it waits out the current lock).",
          );
        void act(`Raise the time lock to ${describeSeconds(seconds.value)}`, (c) =>
          c.updateConfig(pool.addresses, { timeLock: seconds.value }),
        );
      }}
    >
      <input
        inputMode="decimal"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        aria-label="Time lock (hours)"
        data-admin-control
        data-testid="admin-time-lock-hours"
      />
      <button
        type="submit"
        className="btn"
        disabled={busy}
        data-admin-control
        data-testid="admin-raise-time-lock"
      >
        Raise time lock (hours)
      </button>
      <FormError>{problem ?? error}</FormError>
    </form>
  );
}
