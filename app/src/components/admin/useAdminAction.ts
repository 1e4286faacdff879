/** What every Admin card sends with: a labelled transaction, or a governance change queued behind the time lock. */
import { GovernanceChange, PoolBotClient, SendResult } from "@poolbot/sdk";
import { useState } from "react";
import { describeSeconds } from "../../lib/format";
import { PoolInfo } from "../../state/data";
import { useTx } from "../../state/tx";

export function useAdminAction() {
  const { run, busy } = useTx();
  const [error, setError] = useState<string | null>(null);
  const act = async (label: string, send: (c: PoolBotClient) => Promise<SendResult>) => {
    setError(null);
    const outcome = await run(label, "manage", send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };
  /**
   * Queues `change` (applied in the same transaction when the pool has no time lock); the label
   * says which.
   */
  const govern = (pool: PoolInfo, label: string, change: GovernanceChange) => {
    const locked = pool.account.timeLock.toNumber() > 0;
    return act(
      locked ? `Queue: ${label}` : label,
      async (c) => (await c.govern(pool.addresses, [change])).sent[0],
    );
  };
  return { act, govern, busy, error };
}

/** "Queued: waits N" or "applies at once", for the subtitles of the cards whose changes are queued. */
export function lockNote(pool: PoolInfo): string {
  const lock = pool.account.timeLock.toNumber();
  return lock > 0
    ? `changes wait out the ${describeSeconds(lock)} time lock`
    : "changes apply at once (no time lock)";
}
