/**
 * A list of wallets the pool trusts (validators with their roles, keepers): each with its
 * controls for an ADMIN (a role, Remove, with a confirmation where asked), and a form to add one.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { ROLES, RoleName } from "@poolbot/sdk";
import { ReactNode, useState } from "react";
import { ConfirmDialog } from "../ConfirmDialog";
import { Address, Card, FormError, RoleBadge } from "../ui";

/** `text` as a public key, or null. */
export function parseKey(text: string): PublicKey | null {
  try {
    return new PublicKey(text.trim());
  } catch {
    return null;
  }
}

/** One wallet of the list; `role` for validators. */
export interface KeyEntry {
  key: PublicKey;
  role?: RoleName;
}

function RoleSelect({
  value,
  onChange,
  disabled,
  label,
}: {
  value: RoleName;
  onChange: (role: RoleName) => void;
  disabled?: boolean;
  label: string;
}) {
  return (
    <select
      value={value}
      disabled={disabled}
      data-admin-control
      aria-label={label}
      onChange={(e) => onChange(e.target.value as RoleName)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r.toUpperCase()}
        </option>
      ))}
    </select>
  );
}

export function KeyListCard({
  title,
  subtitle,
  testId,
  entries,
  empty,
  isAdmin,
  busy,
  error,
  noun,
  onRemove,
  confirmRemove,
  onSetRole,
  onAdd,
  addRole,
}: {
  title: string;
  subtitle: string;
  testId: string;
  entries: KeyEntry[];
  /** Shown when the list is empty (null: show the empty list). */
  empty: ReactNode;
  isAdmin: boolean;
  busy: boolean;
  /** The last failure of this card's transactions. */
  error: string | null;
  /** "validator", "keeper": the add form's words. */
  noun: string;
  onRemove: (key: PublicKey) => Promise<boolean>;
  /** When given, Remove asks first, saying this. */
  confirmRemove?: (key: PublicKey) => ReactNode;
  /** When given, each entry's role can be changed. */
  onSetRole?: (key: PublicKey, role: RoleName) => Promise<boolean>;
  onAdd: (key: PublicKey, role: RoleName) => Promise<boolean>;
  /** The role a new entry gets (validators); none for keepers. */
  addRole?: RoleName;
}) {
  const { publicKey } = useWallet();
  const [text, setText] = useState("");
  const [role, setRole] = useState<RoleName>(addRole ?? "senior");
  const [removing, setRemoving] = useState<PublicKey | null>(null);
  const candidate = parseKey(text);
  return (
    <Card title={title} subtitle={subtitle} testId={testId}>
      {entries.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="list">
          {entries.map((entry) => (
            <li
              key={entry.key.toBase58()}
              className="list-row"
              data-testid={`${testId}-${entry.key.toBase58()}`}
            >
              <Address value={entry.key} you={publicKey?.equals(entry.key)} />
              {isAdmin ? (
                <span className="list-actions">
                  {onSetRole && entry.role && (
                    <RoleSelect
                      value={entry.role}
                      disabled={busy}
                      label={`Role of ${entry.key.toBase58()}`}
                      onChange={(r) => void onSetRole(entry.key, r)}
                    />
                  )}
                  <button
                    type="button"
                    className="btn small danger"
                    disabled={busy}
                    data-admin-control
                    data-testid={`${testId}-remove-${entry.key.toBase58()}`}
                    onClick={() => (confirmRemove ? setRemoving(entry.key) : void onRemove(entry.key))}
                  >
                    Remove
                  </button>
                </span>
              ) : (
                entry.role && <RoleBadge role={entry.role} />
              )}
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (candidate && (await onAdd(candidate, role))) setText("");
          }}
        >
          <input
            placeholder={`${noun[0].toUpperCase()}${noun.slice(1)} public key`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-admin-control
          />
          {addRole && (
            <select value={role} onChange={(e) => setRole(e.target.value as RoleName)} aria-label="Role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.toUpperCase()}
                </option>
              ))}
            </select>
          )}
          <button type="submit" className="btn" disabled={busy || !candidate} data-admin-control>
            {addRole ? "Add" : `Add ${noun}`}
          </button>
        </form>
      )}
      {text && !candidate && <FormError>That is not a base58 public key.</FormError>}
      <FormError>{error}</FormError>
      {removing && confirmRemove && (
        <ConfirmDialog
          title={`Remove ${noun} ${removing.toBase58().slice(0, 4)}…?`}
          confirm={`Remove ${noun}`}
          onClose={() => setRemoving(null)}
          onConfirm={() => onRemove(removing)}
          testId="confirm-remove"
        >
          {confirmRemove(removing)}
        </ConfirmDialog>
      )}
    </Card>
  );
}
