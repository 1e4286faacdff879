/**
 * Which cluster and which pool: read from the URL (`?cluster=`, `?rpc=`, `?pool=`) on load
 * (a value that cannot be used is reported in `linkProblems`, never dropped without a word),
 * kept in localStorage, changed from the settings panel. On localnet the pool defaults to the
 * one `migrations/localnet.json` creates: the fixture admin's pool for the fixture USDC mint.
 */
import { PublicKey } from "@solana/web3.js";
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { poolAddress } from "@poolbot/sdk";
import {
  CLUSTER_IDS,
  ClusterId,
  endpointOf,
  isLocalUrl,
  isValidRpcUrl,
  LOCALNET,
  LOCALNET_URL,
} from "../lib/clusters";
import { parsePubkey, readLink } from "../lib/link";

export interface Settings {
  cluster: ClusterId;
  /** The localnet endpoint (default http://127.0.0.1:8899). */
  localUrl: string;
  /** The custom endpoint. */
  customUrl: string;
  /** The pool chosen, per cluster ("" = the cluster's default). */
  pools: Partial<Record<ClusterId, string>>;
}

export interface SettingsValue extends Settings {
  /** The RPC endpoint in use. */
  endpoint: string;
  /** Whether the endpoint is a validator on this machine (burner wallet, fixtures). */
  local: boolean;
  /** The pool shown, or null when none is chosen (and the cluster has no default). */
  pool: PublicKey | null;
  /** Whether `pool` is the localnet default. */
  defaultPool: boolean;
  /** What in the page's link could not be used (a bad `?pool=`), each as a sentence. */
  linkProblems: string[];
  dismissLinkProblems(): void;
  update(change: Partial<Settings>): void;
  setPool(pool: string): void;
}

const STORAGE_KEY = "poolbot.settings.v1";

/** The pool `migrations/localnet.json` creates on localnet. */
export function localnetDefaultPool(): PublicKey {
  return poolAddress(new PublicKey(LOCALNET.admin), new PublicKey(LOCALNET.usdcMint));
}

function initial(): Settings {
  let stored: Partial<Settings> = {};
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
  } catch {
    stored = {};
  }
  const settings: Settings = {
    cluster: CLUSTER_IDS.includes(stored.cluster as ClusterId) ? (stored.cluster as ClusterId) : "localnet",
    localUrl: stored.localUrl && isValidRpcUrl(stored.localUrl) ? stored.localUrl : LOCALNET_URL,
    customUrl: stored.customUrl ?? "",
    pools: stored.pools ?? {},
  };
  const link = readLink(window.location.search);
  if (link.cluster) settings.cluster = link.cluster;
  if (link.rpc) {
    if (!link.cluster && settings.cluster !== "custom" && !isLocalUrl(link.rpc)) settings.cluster = "custom";
    if (settings.cluster === "custom") settings.customUrl = link.rpc;
    else settings.localUrl = link.rpc;
  }
  if (link.pool) settings.pools = { ...settings.pools, [settings.cluster]: link.pool };
  return settings;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(initial);
  const [linkProblems, setLinkProblems] = useState(() => readLink(window.location.search).problems);
  const update = useCallback((change: Partial<Settings>) => {
    setSettings((old) => {
      const next = { ...old, ...change };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  const value = useMemo<SettingsValue>(() => {
    const endpoint = endpointOf(settings.cluster, settings.localUrl, settings.customUrl);
    const local = isLocalUrl(endpoint);
    const chosen = parsePubkey(settings.pools[settings.cluster]);
    const pool = chosen ?? (local ? localnetDefaultPool() : null);
    return {
      ...settings,
      endpoint,
      local,
      pool,
      defaultPool: !chosen && pool !== null,
      linkProblems,
      dismissLinkProblems: () => setLinkProblems([]),
      update,
      setPool: (text: string) => update({ pools: { ...settings.pools, [settings.cluster]: text.trim() } }),
    };
  }, [settings, update, linkProblems]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error("useSettings outside SettingsProvider");
  return value;
}
