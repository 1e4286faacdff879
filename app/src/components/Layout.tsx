/** The frame: header with navigation, cluster and wallet; the pool gate; transaction toasts. */
import { useConnection } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useQuery } from "@tanstack/react-query";
import { ReactNode, useEffect, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { CLUSTER_IDS, CLUSTER_LABELS, ClusterId, isValidRpcUrl, LOCALNET_URL } from "../lib/clusters";
import { shortAddress } from "../lib/format";
import { usePool } from "../state/data";
import { localnetDefaultPool, useSettings } from "../state/settings";
import { PoolLoadError, PoolLoadKind } from "../lib/rpc";
import { liveToasts, toastClosesAt } from "../lib/toasts";
import { useTx } from "../state/tx";
import { WalletButton } from "../wallet/WalletUi";
import { Badge, Empty, ExplorerLink, Modal, Segmented, Skeleton } from "./ui";

const NAV = [
  { to: "/", label: "Overview" },
  { to: "/member", label: "Member" },
  { to: "/validators", label: "Validators" },
  { to: "/insurance", label: "Insurance" },
  { to: "/admin", label: "Admin" },
  { to: "/activity", label: "Activity" },
];

function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden>
      <defs>
        <linearGradient id="lg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#7c5cff" />
          <stop offset="1" stopColor="#22d3ee" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="url(#lg)" />
      <path
        d="M9 20c2.5-5 5-7.5 7-7.5S20 16 23 11"
        stroke="#fff"
        strokeWidth="2.6"
        fill="none"
        strokeLinecap="round"
      />
      <circle cx="23" cy="11" r="2.2" fill="#fff" />
    </svg>
  );
}

export function Layout() {
  const location = useLocation();
  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to={{ pathname: "/", search: location.search }} className="brand">
            <Logo />
            <span>Pool Bot</span>
          </NavLink>
          <nav className="tabs" aria-label="Pages">
            {NAV.map((n) => (
              <NavLink
                key={n.to}
                to={{ pathname: n.to, search: location.search }}
                end={n.to === "/"}
                className={({ isActive }) => (isActive ? "tab active" : "tab")}
                data-testid={`nav-${n.label.toLowerCase()}`}
              >
                {n.label}
              </NavLink>
            ))}
          </nav>
          <div className="topbar-right">
            <ClusterButton />
            <WalletButton />
          </div>
        </div>
      </header>
      <main className="container">
        <LinkProblems />
        <Outlet />
      </main>
      <footer className="footer muted small">
        Pool Bot · member-owned trading pool on Solana · amounts in the pool's token, rounded down
      </footer>
      <Toasts />
    </div>
  );
}

/** What in the page's link could not be used (`?pool=garbage`), until dismissed. */
function LinkProblems() {
  const { linkProblems, dismissLinkProblems } = useSettings();
  if (linkProblems.length === 0) return null;
  return (
    <div className="notice link-problems" role="alert" data-testid="link-problem">
      {linkProblems.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <button type="button" className="btn small ghost" onClick={dismissLinkProblems}>
        Dismiss
      </button>
    </div>
  );
}

function ClusterButton() {
  const settings = useSettings();
  const { connection } = useConnection();
  const [open, setOpen] = useState(false);
  const health = useQuery({
    queryKey: [settings.endpoint, "health"],
    queryFn: () => connection.getSlot("confirmed"),
    refetchInterval: 10_000,
    retry: false,
  });
  const dot = health.isError ? "dot bad" : health.data !== undefined ? "dot good" : "dot";
  return (
    <>
      <button
        type="button"
        className="btn cluster-btn"
        onClick={() => setOpen(true)}
        data-testid="cluster-button"
      >
        <span className={dot} aria-hidden />
        <span>{CLUSTER_LABELS[settings.cluster]}</span>
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings();
  const [cluster, setCluster] = useState<ClusterId>(settings.cluster);
  const [localUrl, setLocalUrl] = useState(settings.localUrl);
  const [customUrl, setCustomUrl] = useState(settings.customUrl);
  const [pool, setPool] = useState(settings.pools[settings.cluster] ?? "");
  const urlProblem =
    cluster === "localnet" && !isValidRpcUrl(localUrl)
      ? "Enter an http(s) URL, like http://127.0.0.1:8899."
      : cluster === "custom" && !isValidRpcUrl(customUrl)
        ? "Enter an http(s) RPC URL."
        : null;
  let poolProblem: string | null = null;
  if (pool.trim()) {
    try {
      new PublicKey(pool.trim());
    } catch {
      poolProblem = "That is not a base58 address.";
    }
  }
  return (
    <Modal title="Network & pool" onClose={onClose} testId="settings-dialog">
      <label className="field">
        <span>Cluster</span>
        <Segmented
          options={CLUSTER_IDS.map((c) => ({ value: c, label: CLUSTER_LABELS[c] }))}
          value={cluster}
          onChange={(c) => {
            setCluster(c);
            setPool(settings.pools[c] ?? "");
          }}
        />
      </label>
      {cluster === "localnet" && (
        <label className="field">
          <span>Local validator RPC</span>
          <input value={localUrl} onChange={(e) => setLocalUrl(e.target.value)} placeholder={LOCALNET_URL} />
          <small className="muted">
            Start one with scripts/localnet.sh start (the websocket is the next port).
          </small>
        </label>
      )}
      {cluster === "custom" && (
        <label className="field">
          <span>RPC URL</span>
          <input value={customUrl} onChange={(e) => setCustomUrl(e.target.value)} placeholder="https://…" />
        </label>
      )}
      <label className="field">
        <span>Pool address</span>
        <input
          value={pool}
          onChange={(e) => setPool(e.target.value)}
          placeholder={
            cluster === "localnet"
              ? `${shortAddress(localnetDefaultPool(), 6)} (the localnet pool)`
              : "The pool's address"
          }
          data-testid="pool-input"
        />
        <small className="muted">
          {cluster === "localnet"
            ? "Leave empty for the pool migrations/localnet.json creates. Links can also carry ?pool=ADDRESS."
            : "Links can also carry ?pool=ADDRESS."}
        </small>
      </label>
      {(urlProblem || poolProblem) && <div className="form-error">{urlProblem ?? poolProblem}</div>}
      <div className="button-row end">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={!!urlProblem || !!poolProblem}
          onClick={() => {
            settings.update({
              cluster,
              localUrl,
              customUrl,
              pools: { ...settings.pools, [cluster]: pool.trim() },
            });
            onClose();
          }}
        >
          Save
        </button>
      </div>
    </Modal>
  );
}

/** Renders `children` once the pool is loaded; otherwise says why not and what to do. */
export function PoolGate({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const pool = usePool();
  const [open, setOpen] = useState(false);
  if (!settings.pool) {
    return (
      <>
        <Empty title="Choose a pool" icon="◎">
          <p>
            Pool Bot pools live at program-derived addresses. Enter the address of the pool to show on{" "}
            {CLUSTER_LABELS[settings.cluster]}.
          </p>
          <button type="button" className="btn primary" onClick={() => setOpen(true)}>
            Enter a pool address
          </button>
        </Empty>
        {open && <SettingsDialog onClose={() => setOpen(false)} />}
      </>
    );
  }
  if (pool.isLoading) {
    return (
      <div className="grid stats">
        {[0, 1, 2, 3].map((i) => (
          <div className="stat" key={i}>
            <Skeleton width="40%" />
            <Skeleton width="70%" height={28} />
          </div>
        ))}
      </div>
    );
  }
  if (pool.isError || !pool.data) {
    const kind: PoolLoadKind = pool.error instanceof PoolLoadError ? pool.error.kind : "not-rpc";
    const title = {
      unreachable: "Cannot reach the cluster",
      "not-rpc": "This is not a Solana RPC",
      "no-pool": "No pool at this address",
      "not-a-pool": "This account is not a Pool Bot pool",
    }[kind];
    return (
      <>
        <Empty title={title} icon="⚠">
          {kind === "unreachable" ? (
            <p data-testid="pool-problem" data-kind={kind}>
              Nothing answers at <span className="mono">{settings.endpoint}</span>.{" "}
              {settings.local
                ? "Start the local validator with scripts/localnet.sh start."
                : "Check the RPC URL."}
            </p>
          ) : kind === "not-rpc" ? (
            <p data-testid="pool-problem" data-kind={kind}>
              <span className="mono">{settings.endpoint}</span> answered, but not as a Solana JSON-RPC
              endpoint does, so nothing can be read from it. Check the RPC URL (a Solana RPC answers
              getVersion; for a local validator, http://127.0.0.1:8899).
            </p>
          ) : (
            <p data-testid="pool-problem" data-kind={kind}>
              {kind === "no-pool" ? "There is no Pool Bot pool" : "The account is not a Pool Bot pool"} at{" "}
              <span className="mono">{settings.pool.toBase58()}</span> on {CLUSTER_LABELS[settings.cluster]}.
              {settings.local && settings.defaultPool
                ? " Create the localnet pool with `npm run fixture` in app/ (or npx tsx migrations/deploy.ts --wallet app/fixtures/localnet/admin.json)."
                : " Check the address and the cluster."}
            </p>
          )}
          <button type="button" className="btn" onClick={() => setOpen(true)}>
            Network & pool settings
          </button>
        </Empty>
        {open && <SettingsDialog onClose={() => setOpen(false)} />}
      </>
    );
  }
  return <>{children}</>;
}

/** The page title with the pool's name and status. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  const pool = usePool();
  const paused = pool.data?.account.paused === 1;
  return (
    <div className="page-head">
      <div>
        <div className="eyebrow">
          {pool.data?.name ?? "Pool"}
          {pool.data && (
            <>
              {" · "}
              <ExplorerLink kind="address" id={pool.data.key.toBase58()} />
            </>
          )}
          {paused && (
            <>
              {" "}
              <Badge tone="warn" testId="paused-badge">
                Paused
              </Badge>
            </>
          )}
        </div>
        <h1>{title}</h1>
      </div>
      {children && <div className="page-head-side">{children}</div>}
    </div>
  );
}

function Toasts() {
  const { entries, dismiss } = useTx();
  const [now, setNow] = useState(() => Date.now());
  // Settled transactions leave by themselves (failures a little later); in-flight ones stay.
  useEffect(() => {
    const next = Math.min(...entries.map(toastClosesAt).filter((t): t is number => t !== null && t > now));
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [entries, now]);
  const shown = liveToasts(entries, now);
  const icon = {
    signing: <span className="spinner" />,
    pending: <span className="spinner" />,
    confirmed: "✓",
    failed: "!",
  } as const;
  const text = {
    signing: "Waiting for your wallet to sign…",
    pending: "Pending: sent, waiting for confirmation…",
    confirmed: "Confirmed",
    failed: "Failed",
  } as const;
  return (
    <div className="toasts" aria-live="polite">
      {shown.map((e) => (
        <div key={e.id} className={`toast toast-${e.status}`} data-testid="tx-toast" data-status={e.status}>
          <div className={`toast-icon ${e.status}`} aria-hidden>
            {icon[e.status]}
          </div>
          <div className="toast-body">
            <div className="toast-title">{e.label}</div>
            <div className="toast-text" data-testid="tx-toast-text">
              {e.status === "failed" ? e.sentence : text[e.status]}
            </div>
            {e.signature && (e.status === "pending" || e.status === "confirmed") && (
              <ExplorerLink kind="tx" id={e.signature} className="small">
                View transaction
              </ExplorerLink>
            )}
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label="Dismiss"
            onClick={() => dismiss(e.id)}
            data-testid="tx-toast-dismiss"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
