/**
 * How long transaction toasts stay: while a transaction is being signed or confirmed its toast
 * stays; once settled it closes by itself (a failure a little later than a confirmation, its
 * sentence also stays beside the form that sent it), and any toast can be dismissed. A wallet
 * switch clears the settled toasts of the wallet before, so they never cover the next one's forms.
 */

export type TxStatus = "signing" | "pending" | "confirmed" | "failed";

export interface TxEntry {
  id: number;
  label: string;
  status: TxStatus;
  signature?: string;
  sentence?: string;
  errorName?: string;
  /** Ms timestamp of the last change. */
  at: number;
}

/** How long a settled toast stays, in ms. */
export const TOAST_MS: Record<"confirmed" | "failed", number> = { confirmed: 12_000, failed: 20_000 };

/** At most this many toasts at once (the oldest settled ones go first). */
export const MAX_TOASTS = 4;

/** When `entry`'s toast closes by itself (ms timestamp), or null while it is in flight. */
export function toastClosesAt(entry: TxEntry): number | null {
  if (entry.status === "signing" || entry.status === "pending") return null;
  return entry.at + TOAST_MS[entry.status];
}

/** The toasts still shown at `now` (ms). */
export function liveToasts(entries: TxEntry[], now: number): TxEntry[] {
  const open = entries.filter((e) => {
    const closes = toastClosesAt(e);
    return closes === null || closes > now;
  });
  // too many: drop the oldest settled ones, never one in flight
  let extra = open.length - MAX_TOASTS;
  return open.filter((e) => {
    if (extra > 0 && toastClosesAt(e) !== null) {
      extra--;
      return false;
    }
    return true;
  });
}

/** The toasts kept when the connected wallet changes: only transactions still in flight. */
export function afterWalletSwitch(entries: TxEntry[]): TxEntry[] {
  return entries.filter((e) => toastClosesAt(e) === null);
}
