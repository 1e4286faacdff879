/**
 * Admin: products (register, enable, disable), validators and roles, keepers, configuration,
 * pause / resume, the time lock and the pending changes. Everyone sees the settings and the
 * queued changes; only a connected ADMIN gets the controls. What moves value or power
 * (validators, roles, quorums, limits, new keepers, enabling a product, a shorter time lock) is
 * queued and waits out the pool's time lock (applied at once when it is 0); pausing, renaming,
 * a longer time lock, removing a keeper and disabling a product are immediate.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { ReactNode, useEffect, useState } from "react";
import {
  Change,
  ConfigChanges,
  decodeName,
  GovernanceChange,
  keepersOf,
  legRulesOf,
  marketsOf,
  MAX_LEG_RULES,
  PoolBotClient,
  PRODUCT_CATEGORIES,
  ProductCategoryName,
  ROLES,
  RoleName,
  SendResult,
  validatorsOf,
} from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import { PendingChanges } from "../components/PendingChanges";
import { Address, Badge, Card, FormError, RoleBadge, Row, Skeleton } from "../components/ui";
import {
  big,
  describeSeconds,
  formatAmount,
  formatBps,
  formatExact,
  formatInput,
  parseAmount,
} from "../lib/format";
import {
  describeRule,
  emptyRuleDraft,
  localAmmSwapDraft,
  parseMarkets,
  parseRuleDrafts,
  RuleDraft,
} from "../lib/products";
import { PoolInfo, useMyRole, usePool, useProducts, useValidatorSet } from "../state/data";
import { useTx } from "../state/tx";

export function AdminPage() {
  return (
    <PoolGate>
      <Admin />
    </PoolGate>
  );
}

function useAdminAction() {
  const { run, busy } = useTx();
  const [error, setError] = useState<string | null>(null);
  const act = async (label: string, send: (c: PoolBotClient) => Promise<SendResult>) => {
    setError(null);
    const outcome = await run(label, "manage", send);
    if (!outcome.ok) setError(outcome.error.sentence);
    return outcome.ok;
  };
  /**
   * Queues `change` (applied in the same transaction when the pool has no time lock); the label
   * says which.
   */
  const govern = (pool: PoolInfo, label: string, change: GovernanceChange) => {
    const locked = pool.account.timeLock.toNumber() > 0;
    return act(
      locked ? `Queue: ${label}` : label,
      async (c) => (await c.govern(pool.addresses, [change])).sent[0],
    );
  };
  return { act, govern, busy, error };
}

/** "Queued: waits N" or "applies at once", for the subtitles of the cards whose changes are queued. */
function lockNote(pool: PoolInfo): string {
  const lock = pool.account.timeLock.toNumber();
  return lock > 0
    ? `changes wait out the ${describeSeconds(lock)} time lock`
    : "changes apply at once (no time lock)";
}

function Admin() {
  const pool = usePool().data!;
  const { publicKey } = useWallet();
  const { role, loaded } = useMyRole();
  const isAdmin = role === "admin";
  return (
    <>
      <PageHead title="Administration">{isAdmin && <RoleBadge role="admin" />}</PageHead>
      {!isAdmin && (
        <Card testId="admin-readonly">
          <div className="notice">
            <strong>Read-only.</strong>{" "}
            <span className="muted">
              {!publicKey
                ? "Connect an ADMIN wallet of this pool to change products, validators, keepers and the configuration."
                : loaded
                  ? `This wallet ${role ? `is a ${role.toUpperCase()} validator, not an ADMIN` : "is not an ADMIN of this pool"}: the controls are for ADMINs only.`
                  : "Checking this wallet's role…"}
            </span>
          </div>
        </Card>
      )}
      <PendingChanges pool={pool} controls />
      <div className="grid two">
        <StatusCard pool={pool} isAdmin={isAdmin} />
        <ConfigCard pool={pool} isAdmin={isAdmin} />
      </div>
      <div className="grid two">
        <ValidatorsCard pool={pool} isAdmin={isAdmin} />
        <KeepersCard pool={pool} isAdmin={isAdmin} />
      </div>
      <ProductsCard pool={pool} isAdmin={isAdmin} />
    </>
  );
}

function StatusCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const { act, busy, error } = useAdminAction();
  const paused = pool.account.paused === 1;
  return (
    <Card title="Pool status" testId="admin-status">
      <div className="status-line">
        <Badge tone={paused ? "warn" : "good"}>{paused ? "Paused" : "Active"}</Badge>
        <span className="muted small">
          {paused
            ? "Deposits, proposals and executions are blocked; withdrawals still work."
            : "Deposits, proposals and executions are open."}
        </span>
      </div>
      {isAdmin && (
        <div className="button-row status-actions">
          <button
            type="button"
            className={paused ? "btn primary" : "btn danger"}
            disabled={busy}
            data-admin-control
            data-testid="admin-pause"
            onClick={() =>
              void act(paused ? "Resume the pool" : "Pause the pool", (c) =>
                c.updateConfig(pool.addresses, { paused: !paused }),
              )
            }
          >
            {paused ? "Resume pool" : "Pause pool"}
          </button>
        </div>
      )}
      <FormError>{error}</FormError>
      <div className="rows">
        <Row label="Creator">
          <Address value={pool.account.creator} />
        </Row>
        <Row label="Asset mint">
          <Address value={pool.account.assetMint} />{" "}
          <span className="muted">
            ({pool.symbol}, {pool.decimals} decimals)
          </span>
        </Row>
        <Row label="Config version">{pool.account.configVersion.toString()}</Row>
        <Row label="Time lock" testId="admin-time-lock">
          {pool.account.timeLock.toNumber() > 0
            ? `${describeSeconds(pool.account.timeLock.toNumber())} between queueing a change and applying it`
            : "none: changes apply as soon as they are queued"}
        </Row>
      </div>
      {isAdmin && <RaiseTimeLock pool={pool} />}
    </Card>
  );
}

/** Raising the time lock is immediate (it only protects); lowering it is a queued change. */
function RaiseTimeLock({ pool }: { pool: PoolInfo }) {
  const { act, busy, error } = useAdminAction();
  const current = pool.account.timeLock.toNumber();
  const [hours, setHours] = useState(String(current / 3600));
  const [problem, setProblem] = useState<string | null>(null);
  const seconds = Math.round(Number(hours) * 3600);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        if (!Number.isFinite(seconds) || seconds < 0) return setProblem("Enter a number of hours.");
        if (seconds <= current)
          return setProblem(
            "Raising is immediate; to lower the time lock, queue the change in the configuration (it waits out the current lock).",
          );
        void act(`Raise the time lock to ${describeSeconds(seconds)}`, (c) =>
          c.updateConfig(pool.addresses, { timeLock: seconds }),
        );
      }}
    >
      <input
        inputMode="decimal"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        aria-label="Time lock (hours)"
        data-admin-control
        data-testid="admin-time-lock-hours"
      />
      <button
        type="submit"
        className="btn"
        disabled={busy}
        data-admin-control
        data-testid="admin-raise-time-lock"
      >
        Raise time lock (hours)
      </button>
      <FormError>{problem ?? error}</FormError>
    </form>
  );
}

function Field({
  label,
  hint,
  wide,
  children,
}: {
  label: string;
  hint?: ReactNode;
  /** Spans the whole row of a grid form. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

function ConfigCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const a = pool.account;
  const { decimals, symbol } = pool;
  const { act, govern, busy, error } = useAdminAction();
  const initial = {
    name: pool.name,
    maxMembers: String(a.maxMembers),
    minContribution: formatInput(big(a.minContribution), decimals),
    insurance: String(a.insuranceBps / 100),
    requiredApprovals: String(a.requiredApprovals),
    requireLead: a.requireLeadApproval === 1,
    ttlMinutes: String(a.proposalTtl.toNumber() / 60),
    claimApprovals: String(a.claimRequiredApprovals),
    claimRequireLead: a.claimRequireLead === 1,
    claimTtlHours: String(a.claimTtl.toNumber() / 3600),
    timeLockHours: String(a.timeLock.toNumber() / 3600),
  };
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  if (!isAdmin) {
    return (
      <Card title="Configuration" testId="admin-config">
        <div className="rows">
          <Row label="Name">{pool.name}</Row>
          <Row label="Max members">{a.maxMembers}</Row>
          <Row label="Minimum deposit">{formatExact(big(a.minContribution), decimals, symbol)}</Row>
          <Row label="Insurance share">{formatBps(a.insuranceBps)} of each trade's gain</Row>
          <Row label="Quorum">
            {a.requiredApprovals} approval{a.requiredApprovals === 1 ? "" : "s"}
            {a.requireLeadApproval ? ", one from a LEAD or ADMIN" : ""}
          </Row>
          <Row label="Proposal lifetime">{describeSeconds(a.proposalTtl.toNumber())}</Row>
          <Row label="Claim quorum" testId="config-claim-quorum">
            {a.claimRequiredApprovals} approval{a.claimRequiredApprovals === 1 ? "" : "s"} from SENIOR+
            validators other than the claimant
            {a.claimRequireLead ? ", one from a LEAD or ADMIN" : ""}
          </Row>
          <Row label="Claim lifetime" testId="config-claim-ttl">
            {describeSeconds(a.claimTtl.toNumber())}
          </Row>
          <Row label="Time lock" testId="config-time-lock">
            {describeSeconds(a.timeLock.toNumber())}
          </Row>
        </div>
      </Card>
    );
  }
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [k]: e.target.type === "checkbox" ? e.target.checked : e.target.value });
  const save = async () => {
    setProblem(null);
    const changes: ConfigChanges = {};
    const rename = form.name !== initial.name ? form.name : undefined;
    if (form.maxMembers !== initial.maxMembers) changes.maxMembers = Number(form.maxMembers);
    if (form.minContribution !== initial.minContribution) {
      const parsed = parseAmount(form.minContribution, decimals);
      if ("error" in parsed) return setProblem(`Minimum deposit: ${parsed.error}`);
      changes.minContribution = parsed.value;
    }
    if (form.insurance !== initial.insurance) changes.insuranceBps = Math.round(Number(form.insurance) * 100);
    if (form.requiredApprovals !== initial.requiredApprovals)
      changes.requiredApprovals = Number(form.requiredApprovals);
    if (form.requireLead !== initial.requireLead) changes.requireLeadApproval = form.requireLead;
    if (form.ttlMinutes !== initial.ttlMinutes)
      changes.proposalTtl = Math.round(Number(form.ttlMinutes) * 60);
    if (form.claimApprovals !== initial.claimApprovals)
      changes.claimRequiredApprovals = Number(form.claimApprovals);
    if (form.claimRequireLead !== initial.claimRequireLead)
      changes.claimRequireLeadApproval = form.claimRequireLead;
    if (form.claimTtlHours !== initial.claimTtlHours)
      changes.claimTtl = Math.round(Number(form.claimTtlHours) * 3600);
    let raiseLock: number | undefined;
    if (form.timeLockHours !== initial.timeLockHours) {
      const lock = Math.round(Number(form.timeLockHours) * 3600);
      // raising protects, so it is immediate; lowering waits out the current lock
      if (lock > a.timeLock.toNumber()) raiseLock = lock;
      else changes.timeLock = lock;
    }
    const numbers = [
      raiseLock,
      changes.timeLock as number | undefined,
      changes.maxMembers,
      changes.insuranceBps,
      changes.requiredApprovals,
      changes.proposalTtl,
      changes.claimRequiredApprovals,
      changes.claimTtl,
    ];
    if (numbers.some((n) => n !== undefined && (!Number.isFinite(n as number) || (n as number) < 0))) {
      return setProblem("Enter whole, non-negative numbers.");
    }
    if (Object.keys(changes).length === 0 && rename === undefined && raiseLock === undefined)
      return setProblem("Nothing changed.");
    if (rename !== undefined || raiseLock !== undefined) {
      const immediate = { name: rename, timeLock: raiseLock };
      const what = [rename !== undefined && "name", raiseLock !== undefined && "time lock"].filter(Boolean);
      if (!(await act(`Update ${what.join(", ")}`, (c) => c.updateConfig(pool.addresses, immediate)))) return;
    }
    if (Object.keys(changes).length > 0) {
      await govern(pool, `update ${Object.keys(changes).join(", ")}`, Change.config(changes));
    }
  };
  return (
    <Card
      title="Configuration"
      subtitle={`The name and a longer time lock change at once; everything else is queued: ${lockNote(pool)}. A quorum or insurance share change makes open proposals stale when it applies.`}
      testId="admin-config"
    >
      <form
        className="form grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Name">
          <input value={form.name} onChange={set("name")} maxLength={32} />
        </Field>
        <Field label="Max members">
          <input inputMode="numeric" value={form.maxMembers} onChange={set("maxMembers")} />
        </Field>
        <Field label={`Minimum deposit (${symbol})`}>
          <input inputMode="decimal" value={form.minContribution} onChange={set("minContribution")} />
        </Field>
        <Field label="Insurance share (%)">
          <input inputMode="decimal" value={form.insurance} onChange={set("insurance")} />
        </Field>
        <Field label="Approvals required">
          <input inputMode="numeric" value={form.requiredApprovals} onChange={set("requiredApprovals")} />
        </Field>
        <Field label="Proposal lifetime (minutes)">
          <input inputMode="decimal" value={form.ttlMinutes} onChange={set("ttlMinutes")} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.requireLead} onChange={set("requireLead")} /> Require a LEAD or
          ADMIN approval
        </label>
        <Field label="Claim approvals required" hint="SENIOR+ validators; never the claimant">
          <input
            inputMode="numeric"
            value={form.claimApprovals}
            onChange={set("claimApprovals")}
            data-testid="config-claim-approvals"
          />
        </Field>
        <Field label="Claim lifetime (hours)" hint="An undecided claim expires after this">
          <input
            inputMode="decimal"
            value={form.claimTtlHours}
            onChange={set("claimTtlHours")}
            data-testid="config-claim-ttl-hours"
          />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.claimRequireLead} onChange={set("claimRequireLead")} /> Require
          a LEAD or ADMIN claim approval
        </label>
        <Field
          label="Time lock (hours)"
          hint="Raising is immediate; lowering is queued and waits out the current lock"
        >
          <input
            inputMode="decimal"
            value={form.timeLockHours}
            onChange={set("timeLockHours")}
            data-testid="config-time-lock-hours"
          />
        </Field>
        <FormError>{problem ?? error}</FormError>
        <div className="button-row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy}
            data-admin-control
            data-testid="admin-save-config"
          >
            {a.timeLock.toNumber() > 0 ? "Save / queue changes" : "Save changes"}
          </button>
          <button type="button" className="btn ghost" onClick={() => setForm(initial)}>
            Reset
          </button>
        </div>
      </form>
    </Card>
  );
}

function parseKey(text: string): PublicKey | null {
  try {
    return new PublicKey(text.trim());
  } catch {
    return null;
  }
}

function ValidatorsCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const set = useValidatorSet();
  const { publicKey } = useWallet();
  const { govern, busy, error } = useAdminAction();
  const [key, setKey] = useState("");
  const [newRole, setNewRole] = useState<RoleName>("senior");
  if (!set.data) return <Skeleton height={160} />;
  const validators = validatorsOf(set.data);
  const candidate = parseKey(key);
  return (
    <Card
      title="Validators & roles"
      subtitle={`Any change here makes open proposals stale; ${lockNote(pool)}`}
      testId="admin-validators"
    >
      <ul className="list">
        {validators.map((v) => (
          <li key={v.slot} className="list-row">
            <Address value={v.key} you={publicKey?.equals(v.key)} />
            {isAdmin ? (
              <span className="list-actions">
                <select
                  value={v.roleName}
                  disabled={busy}
                  data-admin-control
                  aria-label={`Role of ${v.key.toBase58()}`}
                  onChange={(e) =>
                    void govern(
                      pool,
                      `make ${v.key.toBase58().slice(0, 4)}… ${e.target.value.toUpperCase()}`,
                      Change.setValidatorRole(v.key, e.target.value as RoleName),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r.toUpperCase()}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn small danger"
                  disabled={busy}
                  data-admin-control
                  onClick={() =>
                    void govern(
                      pool,
                      `remove validator ${v.key.toBase58().slice(0, 4)}…`,
                      Change.removeValidator(v.key),
                    )
                  }
                >
                  Remove
                </button>
              </span>
            ) : (
              <RoleBadge role={v.roleName} />
            )}
          </li>
        ))}
      </ul>
      {isAdmin && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (
              candidate &&
              (await govern(
                pool,
                `add validator ${key.slice(0, 4)}…`,
                Change.addValidator(candidate, newRole),
              ))
            )
              setKey("");
          }}
        >
          <input
            placeholder="Validator public key"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            data-admin-control
          />
          <select value={newRole} onChange={(e) => setNewRole(e.target.value as RoleName)} aria-label="Role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toUpperCase()}
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={busy || !candidate} data-admin-control>
            Add
          </button>
        </form>
      )}
      {key && !candidate && <FormError>That is not a base58 public key.</FormError>}
      <FormError>{error}</FormError>
    </Card>
  );
}

function KeepersCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const set = useValidatorSet();
  const { act, govern, busy, error } = useAdminAction();
  const [key, setKey] = useState("");
  if (!set.data) return <Skeleton height={160} />;
  const keepers = keepersOf(set.data);
  const candidate = parseKey(key);
  return (
    <Card
      title="Keepers"
      subtitle={`Bots allowed to propose trades. Removing one is immediate (its open proposals go stale); adding one is queued: ${lockNote(pool)}`}
      testId="admin-keepers"
    >
      {keepers.length === 0 ? (
        <p className="muted">No keeper is authorised.</p>
      ) : (
        <ul className="list">
          {keepers.map((k) => (
            <li key={k.toBase58()} className="list-row">
              <Address value={k} />
              {isAdmin && (
                <button
                  type="button"
                  className="btn small danger"
                  disabled={busy}
                  data-admin-control
                  onClick={() =>
                    void act(`Remove keeper ${k.toBase58().slice(0, 4)}…`, (c) =>
                      c.removeKeeper(pool.addresses, k),
                    )
                  }
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {isAdmin && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (
              candidate &&
              (await govern(pool, `add keeper ${key.slice(0, 4)}…`, Change.addKeeper(candidate)))
            )
              setKey("");
          }}
        >
          <input
            placeholder="Keeper public key"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            data-admin-control
          />
          <button type="submit" className="btn" disabled={busy || !candidate} data-admin-control>
            Add keeper
          </button>
        </form>
      )}
      {key && !candidate && <FormError>That is not a base58 public key.</FormError>}
      <FormError>{error}</FormError>
    </Card>
  );
}

function ProductsCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const products = useProducts();
  const { act, govern, busy, error } = useAdminAction();
  const { decimals, symbol } = pool;
  const amt = (v: { toString(): string }) => formatAmount(big(v), decimals, { symbol });
  return (
    <Card
      title="Products"
      subtitle={`Strategies the pool runs; every leg of a proposal's route must match one of its product's leg rules and trade on its markets. Products start disabled; disabling is immediate, enabling is queued: ${lockNote(pool)}`}
      testId="admin-products"
    >
      {!products.data ? (
        <Skeleton height={100} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Product</th>
                <th className="num">Max trade</th>
                <th className="num hide-sm">Min profit</th>
                <th className="num hide-sm">Max liquidity</th>
                <th className="hide-sm">Leg rules</th>
                <th className="hide-sm">Markets</th>
                <th className="num hide-sm">Executed</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {products.data.map(({ publicKey, account: p }) => (
                <tr key={publicKey.toBase58()}>
                  <td>
                    <div className="cell-stack">
                      <strong>{decodeName(p.name)}</strong>
                      <span className="muted small">
                        #{p.id.toString()} · {PRODUCT_CATEGORIES[p.category]}
                      </span>
                    </div>
                  </td>
                  <td className="num">{amt(p.maxTradeAmount)}</td>
                  <td className="num hide-sm">{amt(p.minProfit)}</td>
                  <td className="num hide-sm">{formatBps(p.maxLiquidityBps)}</td>
                  <td className="hide-sm" data-testid={`product-rules-${p.id.toString()}`}>
                    <ul className="rule-list">
                      {legRulesOf(p).map((rule, i) => (
                        <li key={i}>{describeRule(rule)}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="hide-sm" data-testid={`product-markets-${p.id.toString()}`}>
                    <Markets markets={marketsOf(p)} />
                  </td>
                  <td className="num hide-sm">
                    {p.executed.toString()} · {amt(p.totalProfit)}
                  </td>
                  <td>
                    <div className="cell-stack">
                      <Badge tone={p.enabled ? "good" : "neutral"}>
                        {p.enabled ? "Enabled" : "Disabled"}
                      </Badge>
                      {isAdmin && (
                        <button
                          type="button"
                          className="btn small"
                          disabled={busy}
                          data-admin-control
                          onClick={() =>
                            void (p.enabled
                              ? act(`Disable ${decodeName(p.name)}`, (c) =>
                                  c.disableProduct(pool.addresses, publicKey),
                                )
                              : govern(pool, `enable ${decodeName(p.name)}`, Change.enableProduct(publicKey)))
                          }
                        >
                          {p.enabled ? "Disable" : "Enable"}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError>{error}</FormError>
      {isAdmin && <RegisterProduct pool={pool} />}
    </Card>
  );
}

/** A product's markets: "Any market", or the first few addresses. */
function Markets({ markets }: { markets: PublicKey[] }) {
  if (markets.length === 0) return <span className="muted">Any market</span>;
  const shown = markets.slice(0, 3);
  return (
    <div className="cell-stack">
      {shown.map((m) => (
        <Address key={m.toBase58()} value={m} />
      ))}
      {markets.length > shown.length && (
        <span className="muted small">+{markets.length - shown.length} more</span>
      )}
    </div>
  );
}

/** The leg rules of the registration form, one row each, with the local AMM swap as a preset. */
function RuleRows({ rules, onChange }: { rules: RuleDraft[]; onChange: (rules: RuleDraft[]) => void }) {
  const edit = (i: number, field: keyof RuleDraft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, [field]: e.target.value } : r)));
  const preset = localAmmSwapDraft();
  const hasPreset = rules.some((r) => JSON.stringify(r) === JSON.stringify(preset));
  return (
    <div className="field wide">
      <span className="field-label">Leg rules</span>
      <small className="muted">
        Every leg of a route must match one: its program and instruction (the leading bytes of its data), the
        accounts (by position) it spends from and pays into, which must be the pool&apos;s own token accounts,
        and the one that names its market.
      </small>
      <div className="rules" data-testid="register-rules">
        {rules.map((r, i) => (
          <div className="rule-row" key={i} data-testid={`register-rule-${i}`}>
            <Field label={`Rule ${i + 1}: program`}>
              <input value={r.program} onChange={edit(i, "program")} placeholder="Program id" />
            </Field>
            <Field label="Instruction prefix (hex)">
              <input
                value={r.discriminator}
                onChange={edit(i, "discriminator")}
                placeholder="e.g. f8c69e91e17587c8"
              />
            </Field>
            <Field label="Spends from #">
              <input inputMode="numeric" value={r.source} onChange={edit(i, "source")} />
            </Field>
            <Field label="Pays into #">
              <input inputMode="numeric" value={r.destination} onChange={edit(i, "destination")} />
            </Field>
            <Field label="Market #">
              <input inputMode="numeric" value={r.market} onChange={edit(i, "market")} placeholder="none" />
            </Field>
            <button
              type="button"
              className="btn small ghost"
              disabled={rules.length === 1}
              onClick={() => onChange(rules.filter((_, j) => j !== i))}
              aria-label={`Remove rule ${i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="btn small"
          disabled={hasPreset || rules.length >= MAX_LEG_RULES}
          onClick={() => onChange([...rules, preset])}
          data-testid="register-add-amm-rule"
        >
          + Local AMM swap
        </button>
        <button
          type="button"
          className="btn small ghost"
          disabled={rules.length >= MAX_LEG_RULES}
          onClick={() => onChange([...rules, emptyRuleDraft()])}
          data-testid="register-add-rule"
        >
          + Custom rule
        </button>
      </div>
    </div>
  );
}

function RegisterProduct({ pool }: { pool: PoolInfo }) {
  const { act, busy, error } = useAdminAction();
  const [form, setForm] = useState({
    name: "",
    category: "arbitrage" as ProductCategoryName,
    maxTrade: "10000",
    minProfit: "1",
    liquidity: "10",
    markets: "",
    enabled: true,
  });
  const [rules, setRules] = useState<RuleDraft[]>([localAmmSwapDraft()]);
  const [problem, setProblem] = useState<string | null>(null);
  // A problem found in the form is about what was typed: editing clears it.
  useEffect(() => setProblem(null), [form, rules]);
  const submit = async () => {
    setProblem(null);
    const maxTrade = parseAmount(form.maxTrade, pool.decimals);
    const minProfit = parseAmount(form.minProfit, pool.decimals);
    if ("error" in maxTrade) return setProblem(`Max trade: ${maxTrade.error}`);
    if ("error" in minProfit) return setProblem(`Min profit: ${minProfit.error}`);
    const legRules = parseRuleDrafts(rules);
    if ("error" in legRules) return setProblem(legRules.error);
    const markets = parseMarkets(form.markets);
    if ("error" in markets) return setProblem(markets.error);
    const ok = await act(`Register ${form.name}`, (c) =>
      c.registerProduct(
        pool.addresses,
        {
          name: form.name.trim(),
          category: form.category,
          maxTradeAmount: maxTrade.value,
          minProfit: minProfit.value,
          maxLiquidityBps: Math.round(Number(form.liquidity) * 100),
          legRules: legRules.value,
          markets: markets.value,
        },
        { enable: form.enabled },
      ),
    );
    if (ok) setForm({ ...form, name: "" });
  };
  return (
    <details className="register">
      <summary data-admin-control data-testid="register-product">
        Register a product
      </summary>
      <form
        className="form grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Name">
          <input
            value={form.name}
            maxLength={32}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            placeholder="e.g. Cross-DEX arbitrage"
            data-testid="register-name"
          />
        </Field>
        <Field label="Category">
          <select
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.target.value as ProductCategoryName })}
          >
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={`Max trade (${pool.symbol})`}>
          <input
            inputMode="decimal"
            value={form.maxTrade}
            onChange={(e) => setForm({ ...form, maxTrade: e.target.value })}
          />
        </Field>
        <Field label={`Min profit (${pool.symbol})`}>
          <input
            inputMode="decimal"
            value={form.minProfit}
            onChange={(e) => setForm({ ...form, minProfit: e.target.value })}
          />
        </Field>
        <Field label="Max share of a DEX pool (%)">
          <input
            inputMode="decimal"
            value={form.liquidity}
            onChange={(e) => setForm({ ...form, liquidity: e.target.value })}
          />
        </Field>
        <RuleRows rules={rules} onChange={setRules} />
        <Field
          label="Markets"
          hint="DEX pool addresses its legs may trade on, one per line (at most 16). Leave empty to allow any market."
          wide
        >
          <textarea
            className="markets-input"
            rows={3}
            value={form.markets}
            onChange={(e) => setForm({ ...form, markets: e.target.value })}
            data-testid="register-markets"
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
          />{" "}
          {pool.account.timeLock.toNumber() > 0
            ? "Queue enabling it (it starts disabled and is enabled once the time lock has passed)"
            : "Enabled from the start"}
        </label>
        <FormError testId="register-error">{problem ?? error}</FormError>
        <div className="button-row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !form.name.trim()}
            data-admin-control
            data-testid="register-submit"
          >
            Register product
          </button>
        </div>
      </form>
    </details>
  );
}
