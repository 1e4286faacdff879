/** Transaction toasts: pending, confirmed or failed; settled ones close by themselves (`lib/toasts.ts`). */
import { useEffect, useState } from "react";
import { liveToasts, toastClosesAt } from "../lib/toasts";
import { useTx } from "../state/tx";
import { ExplorerLink } from "./ui";

export function Toasts() {
  const { entries, dismiss } = useTx();
  const [now, setNow] = useState(() => Date.now());
  // Settled transactions leave by themselves (failures a little later); in-flight ones stay.
  useEffect(() => {
    const next = Math.min(...entries.map(toastClosesAt).filter((t): t is number => t !== null && t > now));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [entries, now]);
  const shown = liveToasts(entries, now);
  const icon = {
    signing: <span className="spinner" />,
    pending: <span className="spinner" />,
    confirmed: "✓",
    failed: "!",
  } as const;
  const text = {
    signing: "Waiting for your wallet to sign…",
    pending: "Pending: sent, waiting for confirmation…",
    confirmed: "Confirmed",
    failed: "Failed",
  } as const;
  return (
    <div className="toasts" aria-live="polite">
      {shown.map((e) => (
        <div key={e.id} className={`toast toast-${e.status}`} data-testid="tx-toast" data-status={e.status}>
          <div className={`toast-icon ${e.status}`} aria-hidden>
            {icon[e.status]}
          </div>
          <div className="toast-body">
            <div className="toast-title">{e.label}</div>
            <div className="toast-text" data-testid="tx-toast-text">
              {e.status === "failed" ? e.sentence : text[e.status]}
            </div>
            {e.signature && (e.status === "pending" || e.status === "confirmed") && (
              <ExplorerLink kind="tx" id={e.signature} className="small">
                View transaction
              </ExplorerLink>
            )}
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss"
            onClick={() => dismiss(e.id)}
            data-testid="tx-toast-dismiss"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
