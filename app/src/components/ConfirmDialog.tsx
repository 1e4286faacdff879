/** Asks before an action that is hard to take back (pausing the pool, removing a validator). */
import { ReactNode, useState } from "react";
import { Modal } from "./ui";

export function ConfirmDialog({
  title,
  children,
  confirm,
  tone = "danger",
  onClose,
  onConfirm,
  testId,
}: {
  title: string;
  children: ReactNode;
  /** The confirming button's words ("Pause the pool"). */
  confirm: string;
  tone?: "danger" | "primary";
  onClose: () => void;
  /** Resolves with whether it worked; the dialog closes when it did. */
  onConfirm: () => Promise<boolean>;
  testId?: string;
}) {
  const [sending, setSending] = useState(false);
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <div className="confirm-text">{children}</div>
      <div className="button-row end">
        <button type="button" className="btn ghost" onClick={onClose} data-testid="confirm-cancel">
          Cancel
        </button>
        <button
          type="button"
          className={`btn ${tone}`}
          disabled={sending}
          data-testid="confirm-ok"
          onClick={async () => {
            setSending(true);
            const ok = await onConfirm();
            setSending(false);
            if (ok) onClose();
          }}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
