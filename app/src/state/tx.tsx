/**
 * Every transaction the app sends goes through `useTx().run`: it signs with the connected
 * wallet through an SDK client (never an instruction built here), and tracks the transaction as
 * awaiting signature → pending (signed and sent, waiting for confirmation) → confirmed or
 * failed, with the failure as a sentence (`explainError`). A confirmed transaction refreshes
 * every query. Toasts close by themselves once settled and are cleared when the wallet changes
 * (`lib/toasts.ts`).
 */
import { AnchorProvider, utils } from "@anchor-lang/core";
import { useAnchorWallet, useConnection } from "@solana/wallet-adapter-react";
import { Transaction, VersionedTransaction } from "@solana/web3.js";
import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { DEFAULT_CONFIRM_OPTIONS, PoolBotClient } from "@poolbot/sdk";
import { Action, ErrorFacts, explainError, Explained } from "../lib/errors";
import { big } from "../lib/format";
import { afterWalletSwitch, TxEntry, TxStatus } from "../lib/toasts";
import { useMyRole, usePool } from "./data";

export type { TxEntry, TxStatus };

export type TxOutcome<T> = { ok: true; result: T } | { ok: false; error: Explained };

interface TxContextValue {
  entries: TxEntry[];
  run<T extends { signature: string }>(
    label: string,
    action: Action,
    send: (client: PoolBotClient) => Promise<T>,
  ): Promise<TxOutcome<T>>;
  dismiss(id: number): void;
  /** Whether a transaction is being signed or confirmed. */
  busy: boolean;
}

const TxContext = createContext<TxContextValue | null>(null);

function signatureOf(tx: Transaction | VersionedTransaction): string | undefined {
  const sig = tx instanceof VersionedTransaction ? tx.signatures[0] : tx.signature;
  return sig ? utils.bytes.bs58.encode(sig) : undefined;
}

export function TxProvider({ children }: { children: ReactNode }) {
  const wallet = useAnchorWallet();
  const { connection } = useConnection();
  const queryClient = useQueryClient();
  const pool = usePool();
  const { role } = useMyRole();
  const [entries, setEntries] = useState<TxEntry[]>([]);
  const nextId = useRef(1);
  // Another wallet's settled toasts would only cover this one's forms.
  const walletKey = wallet?.publicKey.toBase58() ?? null;
  useEffect(() => setEntries(afterWalletSwitch), [walletKey]);

  const upsert = useCallback((id: number, change: Partial<TxEntry>) => {
    setEntries((old) => {
      const i = old.findIndex((e) => e.id === id);
      const at = Date.now();
      if (i < 0) return [...old, { id, label: "", status: "signing" as TxStatus, at, ...change }].slice(-6);
      const next = [...old];
      next[i] = { ...next[i], ...change, at };
      return next;
    });
  }, []);

  const dismiss = useCallback((id: number) => setEntries((old) => old.filter((e) => e.id !== id)), []);

  const facts = useCallback(
    (action: Action): ErrorFacts => ({
      action,
      wallet: wallet?.publicKey.toBase58(),
      role,
      pool: pool.data && {
        symbol: pool.data.symbol,
        decimals: pool.data.decimals,
        minContribution: big(pool.data.account.minContribution),
        maxMembers: pool.data.account.maxMembers,
      },
    }),
    [wallet, role, pool.data],
  );

  const run = useCallback<TxContextValue["run"]>(
    async (label, action, send) => {
      const id = nextId.current++;
      if (!wallet) {
        const error = { sentence: "Connect a wallet first." };
        upsert(id, { label, status: "failed", sentence: error.sentence });
        return { ok: false, error };
      }
      upsert(id, { label, status: "signing" });
      const tracked = {
        publicKey: wallet.publicKey,
        signTransaction: async <T extends Transaction | VersionedTransaction>(tx: T): Promise<T> => {
          const signed = await wallet.signTransaction(tx);
          upsert(id, { status: "pending", signature: signatureOf(signed) });
          return signed;
        },
        signAllTransactions: async <T extends Transaction | VersionedTransaction>(txs: T[]): Promise<T[]> => {
          const signed = await wallet.signAllTransactions(txs);
          upsert(id, { status: "pending", signature: signed[0] && signatureOf(signed[0]) });
          return signed;
        },
      };
      const client = new PoolBotClient(new AnchorProvider(connection, tracked, DEFAULT_CONFIRM_OPTIONS));
      try {
        const result = await send(client);
        upsert(id, { status: "confirmed", signature: result.signature });
        void queryClient.invalidateQueries();
        return { ok: true, result };
      } catch (e) {
        const error = explainError(e, facts(action));
        // The raw error stays in the console for developers; the person reads the sentence.
        console.warn(`${label} failed:`, e);
        upsert(id, { status: "failed", sentence: error.sentence, errorName: error.name });
        void queryClient.invalidateQueries();
        return { ok: false, error };
      }
    },
    [wallet, connection, queryClient, upsert, facts],
  );

  const busy = entries.some((e) => e.status === "signing" || e.status === "pending");
  const value = useMemo(() => ({ entries, run, dismiss, busy }), [entries, run, dismiss, busy]);
  return <TxContext.Provider value={value}>{children}</TxContext.Provider>;
}

export function useTx(): TxContextValue {
  const value = useContext(TxContext);
  if (!value) throw new Error("useTx outside TxProvider");
  return value;
}
