/**
 * What a link's query says (`?cluster=`, `?rpc=`, `?pool=`), and what in it could not be used:
 * a bad value is never dropped without a word.
 */
import { PublicKey } from "@solana/web3.js";
import { CLUSTER_IDS, ClusterId, isValidRpcUrl } from "./clusters";

export interface LinkSettings {
  cluster?: ClusterId;
  rpc?: string;
  pool?: string;
  /** A sentence for each parameter that was not used. */
  problems: string[];
}

/** `text` as a public key, or null. */
export function parsePubkey(text: string | undefined | null): PublicKey | null {
  if (!text) return null;
  try {
    return new PublicKey(text.trim());
  } catch {
    return null;
  }
}

const shown = (text: string) => (text.length > 48 ? `${text.slice(0, 45)}…` : text);

/** The settings in `search` (`location.search`). */
export function readLink(search: string): LinkSettings {
  const params = new URLSearchParams(search);
  const out: LinkSettings = { problems: [] };
  const cluster = params.get("cluster");
  if (cluster !== null) {
    if (CLUSTER_IDS.includes(cluster as ClusterId)) out.cluster = cluster as ClusterId;
    else
      out.problems.push(
        `The link's cluster “${shown(cluster)}” is not one the app knows (${CLUSTER_IDS.join(", ")}), so the saved cluster is shown.`,
      );
  }
  const rpc = params.get("rpc");
  if (rpc !== null) {
    if (isValidRpcUrl(rpc)) out.rpc = rpc;
    else
      out.problems.push(
        `The link's RPC “${shown(rpc)}” is not an http(s) URL, so the saved endpoint is used.`,
      );
  }
  const pool = params.get("pool");
  if (pool !== null) {
    if (parsePubkey(pool)) out.pool = pool.trim();
    else
      out.problems.push(
        `The link's pool “${shown(pool)}” is not a Solana address (32 to 44 base58 characters), so it was not opened. Check the link, or choose the pool in the network settings.`,
      );
  }
  return out;
}
