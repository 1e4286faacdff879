/** A reason stored on chain (a rejection, a denial): at most 200 UTF-8 bytes, counted as the chain does. */
import { useState } from "react";
import { MAX_TEXT_BYTES, utf8Length } from "../lib/forms";
import { Modal } from "./ui";

export function ReasonDialog({
  title,
  placeholder,
  confirm,
  onClose,
  onSubmit,
  testId,
}: {
  title: string;
  placeholder: string;
  confirm: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
  testId?: string;
}) {
  const [reason, setReason] = useState("");
  const [sending, setSending] = useState(false);
  const bytes = utf8Length(reason);
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <label className="field">
        <span>Reason (stored on chain, visible to everyone)</span>
        <textarea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={placeholder}
          data-testid="reason-input"
        />
        <small className={bytes > MAX_TEXT_BYTES ? "bad" : "muted"}>
          {bytes} / {MAX_TEXT_BYTES} bytes
        </small>
      </label>
      <div className="button-row end">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn danger"
          disabled={!reason.trim() || bytes > MAX_TEXT_BYTES || sending}
          data-testid="reason-submit"
          onClick={async () => {
            setSending(true);
            await onSubmit(reason.trim());
            setSending(false);
          }}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
