/**
 * Why a pool did not load, told apart so the page says the right thing: the endpoint does not
 * answer, it answers but is not a Solana JSON-RPC, or it is one and the address holds no pool
 * (or an account that is not a pool). A failed read is followed by one `getVersion` probe.
 */

export type PoolLoadKind = "unreachable" | "not-rpc" | "no-pool" | "not-a-pool";

/** A pool read that failed, with why. */
export class PoolLoadError extends Error {
  constructor(
    readonly kind: PoolLoadKind,
    /** The underlying message, for the console and the details line. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = "PoolLoadError";
  }
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

const NETWORK =
  /Failed to fetch|fetch failed|NetworkError|ECONNREFUSED|ENOTFOUND|ERR_CONNECTION|ERR_NAME|Load failed|timed? ?out/i;

/** What a `getVersion` answer says about the endpoint: a Solana RPC answers with `solana-core`. */
export function isSolanaVersion(version: unknown): boolean {
  return (
    typeof version === "object" &&
    version !== null &&
    typeof (version as Record<string, unknown>)["solana-core"] === "string"
  );
}

/**
 * Why reading the pool failed, given the read's error and what the endpoint answered to
 * `getVersion` (`{ ok: true, version }` or `{ ok: false, error }`).
 */
export function classifyPoolError(
  readError: unknown,
  probe: { ok: true; version: unknown } | { ok: false; error: unknown },
): PoolLoadKind {
  if (!probe.ok) return NETWORK.test(messageOf(probe.error)) ? "unreachable" : "not-rpc";
  if (!isSolanaVersion(probe.version)) return "not-rpc";
  const message = messageOf(readError);
  if (/Account does not exist|has no data/i.test(message)) return "no-pool";
  if (/discriminator|Invalid account|owner|decode|offset|out of range/i.test(message)) return "not-a-pool";
  return NETWORK.test(message) ? "unreachable" : "not-rpc";
}

/** Reads `read()`; on failure, probes the endpoint with `getVersion` and throws a `PoolLoadError`. */
export async function readPool<T>(read: () => Promise<T>, getVersion: () => Promise<unknown>): Promise<T> {
  try {
    return await read();
  } catch (readError) {
    let probe: { ok: true; version: unknown } | { ok: false; error: unknown };
    try {
      probe = { ok: true, version: await getVersion() };
    } catch (error) {
      probe = { ok: false, error };
    }
    throw new PoolLoadError(
      classifyPoolError(readError, probe),
      messageOf(probe.ok ? readError : probe.error),
    );
  }
}
