/**
 * Which cluster and which pool: read from the URL (`?cluster=`, `?rpc=`, `?pool=`) on load,
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
  update(change: Partial<Settings>): void;
  setPool(pool: string): void;
}

const STORAGE_KEY = "poolbot.settings.v1";

/** The pool `migrations/localnet.json` creates on localnet. */
export function localnetDefaultPool(): PublicKey {
  return poolAddress(new PublicKey(LOCALNET.admin), new PublicKey(LOCALNET.usdcMint));
}

function parsePubkey(text: string | undefined | null): PublicKey | null {
  if (!text) return null;
  try {
    return new PublicKey(text.trim());
  } catch {
    return null;
  }
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
  const params = new URLSearchParams(window.location.search);
  const cluster = params.get("cluster");
  if (cluster && CLUSTER_IDS.includes(cluster as ClusterId)) settings.cluster = cluster as ClusterId;
  const rpc = params.get("rpc");
  if (rpc && isValidRpcUrl(rpc)) {
    if (!cluster && settings.cluster !== "custom" && !isLocalUrl(rpc)) settings.cluster = "custom";
    if (settings.cluster === "custom") settings.customUrl = rpc;
    else settings.localUrl = rpc;
  }
  const pool = params.get("pool");
  if (pool && parsePubkey(pool)) settings.pools = { ...settings.pools, [settings.cluster]: pool };
  return settings;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(initial);
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
      update,
      setPool: (text: string) => update({ pools: { ...settings.pools, [settings.cluster]: text.trim() } }),
    };
  }, [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error("useSettings outside SettingsProvider");
  return value;
}
