/**
 * Chain reads as TanStack queries, all through the SDK: the pool and its accounts, the
 * connected wallet's position and balances, token mints, and the audit trail. Keys start with
 * the endpoint and the pool, so changing either refetches everything; a confirmed transaction
 * invalidates them all.
 */
import { useConnection, useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { keepersOf, PoolAccount, PoolAddresses, PoolBotClient, RoleName, validatorsOf } from "@poolbot/sdk";
import { ActivityItem, fetchActivity } from "../lib/activity";
import { knownSymbol } from "../lib/clusters";
import { readOnlyClient } from "../lib/readClient";
import { readPool } from "../lib/rpc";
import { useSettings } from "./settings";

/** How often data refreshes: quickly on a local validator, gently on public RPCs. */
function useRefetchInterval(): number {
  const { local } = useSettings();
  return local ? 4_000 : 20_000;
}

/** The query key prefix of the current endpoint and pool. */
export function useScope(): [string, string] {
  const { endpoint, pool } = useSettings();
  return [endpoint, pool?.toBase58() ?? ""];
}

export function useReadClient(): PoolBotClient {
  const { connection } = useConnection();
  return useMemo(() => readOnlyClient(connection), [connection]);
}

/** The pool account and its addresses. */
export interface PoolInfo {
  key: PublicKey;
  account: PoolAccount;
  addresses: PoolAddresses;
  decimals: number;
  symbol: string;
  name: string;
}

export function usePool() {
  const client = useReadClient();
  const { pool } = useSettings();
  const scope = useScope();
  const refetchInterval = useRefetchInterval();
  return useQuery({
    queryKey: [...scope, "pool"],
    enabled: pool !== null,
    refetchInterval,
    retry: 1,
    queryFn: async (): Promise<PoolInfo> => {
      // a failed read says why: no answer, not a Solana RPC, or no pool there (lib/rpc.ts)
      const account = await readPool(
        () => client.fetchPool(pool!),
        () => client.connection.getVersion(),
      );
      const bytes = Uint8Array.from(account.name);
      const end = bytes.indexOf(0);
      return {
        key: pool!,
        account,
        addresses: PoolAddresses.of(account),
        decimals: account.decimals,
        symbol: knownSymbol(account.assetMint.toBase58()) ?? "tokens",
        name: new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end)),
      };
    },
  });
}

/** A query over the loaded pool's addresses. */
function usePoolQuery<T>(name: string, fetch: (client: PoolBotClient, p: PoolAddresses) => Promise<T>) {
  const client = useReadClient();
  const pool = usePool();
  const scope = useScope();
  const refetchInterval = useRefetchInterval();
  return useQuery({
    queryKey: [...scope, name],
    enabled: !!pool.data,
    refetchInterval,
    queryFn: () => fetch(client, pool.data!.addresses),
  });
}

export const useValidatorSet = () => usePoolQuery("validatorSet", (c, p) => c.fetchValidatorSet(p));
export const useInsurance = () => usePoolQuery("insurance", (c, p) => c.fetchInsurance(p));
export const useMembers = () => usePoolQuery("members", (c, p) => c.listMembers(p));
export const useProposals = () => usePoolQuery("proposals", (c, p) => c.listProposals(p));
export const useClaims = () => usePoolQuery("claims", (c, p) => c.listClaims(p));
/** The pool's open (not yet closed) mandates, oldest first. */
export const useMandates = () => usePoolQuery("mandates", (c, p) => c.listMandates(p));
/** Governance changes waiting out the pool's time lock (or due and not yet applied), oldest first. */
export const usePendingChanges = () => usePoolQuery("pendingChanges", (c, p) => c.listPendingChanges(p));
/** The deposit queue: unsettled requests, oldest first (the first 50). */
export const useDepositQueue = () => usePoolQuery("depositQueue", (c, p) => c.pendingDeposits(p, 50));
export const useProducts = () =>
  usePoolQuery("products", async (c, p) =>
    (await c.listProducts(p)).sort((a, b) => a.account.id.toNumber() - b.account.id.toNumber()),
  );

/** The vault's and the insurance reserve's token balances. */
export const useVaultBalances = () =>
  usePoolQuery("vaults", async (c, p) => {
    const [vault, reserve] = await Promise.all([
      c.connection.getTokenAccountBalance(p.vault, "confirmed"),
      c.connection.getTokenAccountBalance(p.insuranceVault, "confirmed"),
    ]);
    return { vault: BigInt(vault.value.amount), reserve: BigInt(reserve.value.amount) };
  });

/** The connected wallet: its position, its balance of the pool's token, its SOL. */
export function useWalletState() {
  const { publicKey } = useWallet();
  const client = useReadClient();
  const pool = usePool();
  const scope = useScope();
  const refetchInterval = useRefetchInterval();
  return useQuery({
    queryKey: [...scope, "wallet", publicKey?.toBase58()],
    enabled: !!pool.data && !!publicKey,
    refetchInterval,
    queryFn: async () => {
      const p = pool.data!.addresses;
      const ata = client.assetAccount(p, publicKey!);
      const [position, ataInfo, lamports] = await Promise.all([
        client.fetchMember(p, publicKey!),
        client.connection.getAccountInfo(ata, "confirmed"),
        client.connection.getBalance(publicKey!, "confirmed"),
      ]);
      const assetBalance = ataInfo
        ? BigInt((await client.connection.getTokenAccountBalance(ata, "confirmed")).value.amount)
        : 0n;
      return { position, ata, hasAta: !!ataInfo, assetBalance, lamports };
    },
  });
}

/** The connected wallet's validator role and keeper status in this pool. */
export function useMyRole(): {
  role: RoleName | null;
  keeper: boolean;
  slot: number | null;
  loaded: boolean;
} {
  const { publicKey } = useWallet();
  const set = useValidatorSet();
  return useMemo(() => {
    if (!publicKey || !set.data) return { role: null, keeper: false, slot: null, loaded: !!set.data };
    const me = validatorsOf(set.data).find((v) => v.key.equals(publicKey));
    return {
      role: me?.roleName ?? null,
      keeper: keepersOf(set.data).some((k) => k.equals(publicKey)),
      slot: me?.slot ?? null,
      loaded: true,
    };
  }, [publicKey, set.data]);
}

/** Decimals and symbols of arbitrary mints (for route legs). */
export function useMints(mints: string[]) {
  const { connection } = useConnection();
  const scope = useScope();
  const sorted = [...new Set(mints)].sort();
  return useQuery({
    queryKey: [scope[0], "mints", sorted.join(",")],
    enabled: sorted.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      const infos = await connection.getMultipleParsedAccounts(sorted.map((m) => new PublicKey(m)));
      const out = new Map<string, { decimals: number; symbol: string }>();
      infos.value.forEach((info, i) => {
        const data = info?.data;
        const decimals =
          data && "parsed" in data && typeof data.parsed?.info?.decimals === "number"
            ? data.parsed.info.decimals
            : 0;
        out.set(sorted[i], { decimals, symbol: knownSymbol(sorted[i]) ?? `${sorted[i].slice(0, 4)}…` });
      });
      return out;
    },
  });
}

/** The pool's audit trail, newest first, a page at a time. */
export function useActivity() {
  const { connection } = useConnection();
  const pool = usePool();
  const scope = useScope();
  const refetchInterval = useRefetchInterval();
  return useInfiniteQuery({
    queryKey: [...scope, "activity"],
    enabled: !!pool.data,
    refetchInterval: refetchInterval * 2,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchActivity(connection, pool.data!.key, 250, pageParam),
    getNextPageParam: (last) => (last.more && last.oldest ? last.oldest : undefined),
  });
}

/** Every loaded event, newest first. */
export function useActivityItems(): { items: ActivityItem[]; loading: boolean; error: unknown } {
  const activity = useActivity();
  const items = useMemo(() => activity.data?.pages.flatMap((p) => p.items) ?? [], [activity.data]);
  return { items, loading: activity.isLoading, error: activity.error };
}

/** Unix time now, ticking every second (countdowns). */
export function useNow(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const t = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}
