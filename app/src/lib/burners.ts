/**
 * The burner keys this browser has made or been given (localStorage), so a "New burner" or a
 * pasted key can be chosen again after switching away or reloading. Test keys only.
 */

/** A burner key as stored: its name and its 64-byte secret key. */
export interface StoredBurner {
  label: string;
  secretKey: number[];
}

/** The storage this reads and writes (localStorage in the page). */
export type KeyStore = Pick<Storage, "getItem" | "setItem">;

export const BURNERS_KEY = "poolbot.burners.v1";

/** At most this many are kept (the oldest are forgotten first). */
export const MAX_BURNERS = 12;

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The saved burners, oldest first (nothing when the stored list is unreadable). */
export function readBurners(store: KeyStore): StoredBurner[] {
  try {
    const list: unknown = JSON.parse(store.getItem(BURNERS_KEY) ?? "[]");
    if (!Array.isArray(list)) return [];
    return list.filter(
      (b): b is StoredBurner =>
        typeof b?.label === "string" && Array.isArray(b?.secretKey) && b.secretKey.length === 64,
    );
  } catch {
    return [];
  }
}

/** Saves `burner` (once per key; saving it again renames it); returns the list. */
export function rememberBurner(store: KeyStore, burner: StoredBurner): StoredBurner[] {
  const rest = readBurners(store).filter((b) => !same(b.secretKey, burner.secretKey));
  const list = [...rest, burner].slice(-MAX_BURNERS);
  store.setItem(BURNERS_KEY, JSON.stringify(list));
  return list;
}

/** Forgets the burner with `secretKey`; returns the list. */
export function forgetBurner(store: KeyStore, secretKey: number[]): StoredBurner[] {
  const list = readBurners(store).filter((b) => !same(b.secretKey, secretKey));
  store.setItem(BURNERS_KEY, JSON.stringify(list));
  return list;
}

/** A name for a new burner that no saved one has: `Burner 1`, `Burner 2`, … */
export function nextBurnerLabel(list: StoredBurner[]): string {
  for (let n = 1; ; n++) {
    const label = `Burner ${n}`;
    if (!list.some((b) => b.label === label)) return label;
  }
}
