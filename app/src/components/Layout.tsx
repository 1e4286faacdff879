/** The frame: header with navigation, cluster and wallet; the pool gate; transaction toasts. */
import { isPaused } from "@poolbot/sdk";
import { ReactNode, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { CLUSTER_LABELS } from "../lib/clusters";
import { usePool } from "../state/data";
import { useSettings } from "../state/settings";
import { PoolLoadError, PoolLoadKind } from "../lib/rpc";
import { WalletButton } from "../wallet/WalletUi";
import { ClusterButton, SettingsDialog } from "./SettingsDialog";
import { Toasts } from "./Toasts";
import { Badge, Empty, ExplorerLink, Skeleton } from "./ui";

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
  const paused = !!pool.data && isPaused(pool.data.account);
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
