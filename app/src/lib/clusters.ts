/**
 * Clusters, their RPC endpoints and explorer links, the localnet fixtures' public keys (read
 * from the committed keypair files at build time) and the token symbols the app knows (the
 * client's one table, `crates/client/src/known_mints.json`, as the CLI reads it).
 */
import knownMints from "../../../crates/client/src/known_mints.json";

/** A cluster the app can talk to. */
export type ClusterId = "localnet" | "devnet" | "mainnet-beta" | "custom";

export const CLUSTER_IDS: ClusterId[] = ["localnet", "devnet", "mainnet-beta", "custom"];

export const CLUSTER_LABELS: Record<ClusterId, string> = {
  localnet: "Localnet",
  devnet: "Devnet",
  "mainnet-beta": "Mainnet Beta",
  custom: "Custom RPC",
};

/** The default localnet endpoint (scripts/localnet.sh). */
export const LOCALNET_URL = "http://127.0.0.1:8899";

/** Public endpoints of the public clusters. */
export const PUBLIC_URLS: Record<"devnet" | "mainnet-beta", string> = {
  devnet: "https://api.devnet.solana.com",
  "mainnet-beta": "https://api.mainnet-beta.solana.com",
};

/** The endpoint a cluster setting means. */
export function endpointOf(cluster: ClusterId, localUrl: string, customUrl: string): string {
  if (cluster === "localnet") return localUrl || LOCALNET_URL;
  if (cluster === "custom") return customUrl;
  return PUBLIC_URLS[cluster];
}

/** Whether `url` is a validator on this machine (where the burner wallet is offered). */
export function isLocalUrl(url: string): boolean {
  try {
    return ["127.0.0.1", "localhost", "0.0.0.0", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Whether `url` is an http(s) URL a Connection can use. */
export function isValidRpcUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** The Solana Explorer page of a transaction or an address on `cluster` at `endpoint`. */
export function explorerUrl(
  kind: "tx" | "address",
  id: string,
  cluster: ClusterId,
  endpoint: string,
): string {
  const base = `https://explorer.solana.com/${kind}/${id}`;
  if (cluster === "mainnet-beta") return base;
  if (cluster === "devnet") return `${base}?cluster=devnet`;
  return `${base}?cluster=custom&customUrl=${encodeURIComponent(endpoint)}`;
}

/** Public keys of the localnet fixtures (injected by vite.config.mts from the keypair files). */
export interface LocalnetKeys {
  admin: string;
  usdcMint: string;
  solMint: string;
}

declare const __LOCALNET__: LocalnetKeys | undefined;

export const LOCALNET: LocalnetKeys =
  typeof __LOCALNET__ !== "undefined"
    ? __LOCALNET__
    : {
        admin: "5AtUtmysKT4xwsw2GbQRQqmRBDaFoxkXygTtPS6TBvQz",
        usdcMint: "D3g9ZEdUqpUJFQfqC4LA7DtQeB6mZHZUVq3Vx8KRsJtC",
        solMint: "Ctf2YWXuNRXmLVdpTr7uwT4tuRr5U3dseL8jGeoT5zah",
      };

/** Mint → symbol: mainnet USDC, USDT, SOL, devnet USDC and the localnet fixtures' test USDC and SOL. */
const KNOWN_MINTS: Readonly<Record<string, string>> = knownMints;

/** The symbol of `mint`, when the app knows it (`null` otherwise). */
export function knownSymbol(mint: string): string | null {
  return Object.hasOwn(KNOWN_MINTS, mint) ? KNOWN_MINTS[mint] : null;
}
