/** Small presentational pieces shared by the pages. */
import { PublicKey } from "@solana/web3.js";
import { ReactNode, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { explorerUrl } from "../lib/clusters";
import { formatDuration, shortAddress } from "../lib/format";
import { useSettings } from "../state/settings";

export function Card({
  title,
  subtitle,
  action,
  children,
  className = "",
  testId,
}: {
  title?: ReactNode;
  subtitle?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`card ${className}`} data-testid={testId}>
      {(title || action) && (
        <header className="card-head">
          <div>
            {title && <h2>{title}</h2>}
            {subtitle && <p className="muted small">{subtitle}</p>}
          </div>
          {action}
        </header>
      )}
      {children}
    </section>
  );
}

export function Stat({
  label,
  value,
  sub,
  tone,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  sub?: ReactNode;
  tone?: "good" | "bad" | "warn";
  testId?: string;
}) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${tone ?? ""}`} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </div>
      {sub && <div className="stat-sub">{sub}</div>}
    </div>
  );
}

export type Tone = "good" | "bad" | "warn" | "info" | "neutral" | "accent";

export function Badge({
  tone = "neutral",
  children,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

/** A role as a coloured badge. */
export function RoleBadge({ role }: { role: string }) {
  const tone: Record<string, Tone> = { admin: "accent", lead: "info", senior: "good", junior: "neutral" };
  return <Badge tone={tone[role] ?? "neutral"}>{role.toUpperCase()}</Badge>;
}

export function ExplorerLink({
  kind,
  id,
  children,
  className = "",
}: {
  kind: "tx" | "address";
  id: string;
  children?: ReactNode;
  className?: string;
}) {
  const { cluster, endpoint } = useSettings();
  return (
    <a
      className={`link ${className}`}
      href={explorerUrl(kind, id, cluster, endpoint)}
      target="_blank"
      rel="noreferrer"
      title={`Open ${id} in Solana Explorer`}
    >
      {children ?? shortAddress(id)}
      <span className="ext" aria-hidden>
        ↗
      </span>
    </a>
  );
}

/** An address, shortened, copyable, linked to the explorer. */
export function Address({
  value,
  chars = 4,
  you,
}: {
  value: PublicKey | string;
  chars?: number;
  you?: boolean;
}) {
  const text = typeof value === "string" ? value : value.toBase58();
  const [copied, setCopied] = useState(false);
  return (
    <span className="address" title={text}>
      <ExplorerLink kind="address" id={text}>
        {shortAddress(text, chars)}
      </ExplorerLink>
      <button
        type="button"
        className="icon-btn"
        aria-label="Copy address"
        onClick={() => {
          void navigator.clipboard?.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1200);
        }}
      >
        {copied ? (
          "✓"
        ) : (
          <svg
            width="12"
            height="12"
            viewBox="0 0 16 16"
            aria-hidden
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          >
            <rect x="5" y="5" width="9" height="9" rx="2" />
            <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
          </svg>
        )}
      </button>
      {you && <Badge tone="accent">you</Badge>}
    </span>
  );
}

export function Progress({
  value,
  max,
  tone = "accent",
  label,
  testId,
}: {
  value: number;
  max: number;
  tone?: Tone;
  label?: string;
  testId?: string;
}) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-label={label}
      data-testid={testId}
    >
      <div className={`progress-fill fill-${tone}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Time left until unix time `to`, ticking. */
export function Countdown({ to, now }: { to: number; now: number }) {
  const left = to - now;
  if (left <= 0) return <span className="bad">expired</span>;
  return <span className={left < 300 ? "warn" : ""}>{formatDuration(left)} left</span>;
}

export function Empty({
  title,
  children,
  icon = "◌",
}: {
  title: ReactNode;
  children?: ReactNode;
  icon?: string;
}) {
  return (
    <div className="empty">
      <div className="empty-icon" aria-hidden>
        {icon}
      </div>
      <div className="empty-title">{title}</div>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function Skeleton({ width = "100%", height = 16 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} />;
}

/** A segmented control. */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: Array<{ value: T; label: ReactNode }>;
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <div className="segmented" role="tablist" data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="tab"
          aria-selected={o.value === value}
          className={o.value === value ? "active" : ""}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** A modal dialog; closes on Escape and backdrop click. */
export function Modal({
  title,
  onClose,
  children,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  // In a portal: the header's backdrop-filter would otherwise contain the fixed backdrop.
  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={typeof title === "string" ? title : undefined}
        data-testid={testId}
      >
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="icon-btn close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </header>
        <div className="modal-body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

/** A key / value row of a details list. */
export function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="row" data-testid={testId}>
      <span className="row-label">{label}</span>
      <span className="row-value">{children}</span>
    </div>
  );
}

/** Inline error text under a form. */
export function FormError({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      {children}
    </div>
  );
}
