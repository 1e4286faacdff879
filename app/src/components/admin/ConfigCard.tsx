/**
 * The pool's configuration: read-only for everyone, a form for ADMINs. The name and a longer time
 * lock change at once; everything else is queued. Each field is checked before sending
 * (`readConfigForm`), and toasts name the fields in words.
 */
import { claimRequiresLead, Change, tradeRequiresLead } from "@poolbot/sdk";
import { useState } from "react";
import { Card, FormError, Row } from "../ui";
import { big, describeSeconds, formatBps, formatExact } from "../../lib/format";
import {
  ConfigForm,
  configForm,
  ConfigNow,
  MAX_NAME_BYTES,
  readConfigForm,
  utf8Length,
} from "../../lib/forms";
import { PoolInfo } from "../../state/data";
import { Field } from "./Field";
import { lockNote, useAdminAction } from "./useAdminAction";

/** What the form starts from: the pool's settings now. */
export function configNow(pool: PoolInfo): ConfigNow {
  const a = pool.account;
  return {
    name: pool.name,
    maxMembers: a.maxMembers,
    activeMembers: a.activeMembers,
    minContribution: big(a.minContribution),
    insuranceBps: a.insuranceBps,
    requiredApprovals: a.requiredApprovals,
    requireLead: tradeRequiresLead(a),
    proposalTtl: a.proposalTtl.toNumber(),
    claimApprovals: a.claimRequiredApprovals,
    claimRequireLead: claimRequiresLead(a),
    claimTtl: a.claimTtl.toNumber(),
    timeLock: a.timeLock.toNumber(),
    decimals: pool.decimals,
  };
}

function ConfigView({ pool }: { pool: PoolInfo }) {
  const a = pool.account;
  return (
    <Card title="Configuration" testId="admin-config">
      <div className="rows">
        <Row label="Name">{pool.name}</Row>
        <Row label="Max members">{a.maxMembers}</Row>
        <Row label="Minimum deposit">{formatExact(big(a.minContribution), pool.decimals, pool.symbol)}</Row>
        <Row label="Insurance share">{formatBps(a.insuranceBps)} of each trade's gain</Row>
        <Row label="Quorum">
          {a.requiredApprovals} approval{a.requiredApprovals === 1 ? "" : "s"}
          {tradeRequiresLead(a) ? ", one from a LEAD or ADMIN" : ""}
        </Row>
        <Row label="Proposal lifetime">{describeSeconds(a.proposalTtl.toNumber())}</Row>
        <Row label="Claim quorum" testId="config-claim-quorum">
          {a.claimRequiredApprovals} approval{a.claimRequiredApprovals === 1 ? "" : "s"} from SENIOR+
          validators other than the claimant
          {claimRequiresLead(a) ? ", one from a LEAD or ADMIN" : ""}
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

export function ConfigCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  if (!isAdmin) return <ConfigView pool={pool} />;
  return <ConfigEditor pool={pool} />;
}

function ConfigEditor({ pool }: { pool: PoolInfo }) {
  const now = configNow(pool);
  const initial = configForm(now);
  const { act, govern, busy, error } = useAdminAction();
  const [form, setForm] = useState<ConfigForm>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof ConfigForm) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setProblem(null);
    setForm({ ...form, [k]: e.target.type === "checkbox" ? e.target.checked : e.target.value });
  };
  const nameBytes = utf8Length(form.name.trim());
  const save = async () => {
    setProblem(null);
    const read = readConfigForm(form, now);
    if ("error" in read) return setProblem(read.error);
    const { immediate, immediateLabel, queued, queuedLabel } = read.value;
    if (
      immediate &&
      !(await act(`Update ${immediateLabel}`, (c) => c.updateConfig(pool.addresses, immediate)))
    )
      return;
    if (queued) await govern(pool, `Change ${queuedLabel}`, Change.config(queued));
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
        <Field
          label="Name"
          hint={
            <span className={nameBytes > MAX_NAME_BYTES ? "bad" : undefined} data-testid="config-name-bytes">
              {nameBytes} / {MAX_NAME_BYTES} bytes
            </span>
          }
        >
          <input value={form.name} onChange={set("name")} data-testid="config-name" />
        </Field>
        <Field label="Max members">
          <input
            inputMode="numeric"
            value={form.maxMembers}
            onChange={set("maxMembers")}
            data-testid="config-max-members"
          />
        </Field>
        <Field label={`Minimum deposit (${pool.symbol})`}>
          <input inputMode="decimal" value={form.minContribution} onChange={set("minContribution")} />
        </Field>
        <Field label="Insurance share (%)" hint="In steps of 0.01% (one basis point)">
          <input
            inputMode="decimal"
            value={form.insurance}
            onChange={set("insurance")}
            data-testid="config-insurance"
          />
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
        <FormError testId="config-error">{problem ?? error}</FormError>
        <div className="button-row">
          <button
            type="submit"
            className="btn primary"
            disabled={busy}
            data-admin-control
            data-testid="admin-save-config"
          >
            {pool.account.timeLock.toNumber() > 0 ? "Save / queue changes" : "Save changes"}
          </button>
          <button type="button" className="btn ghost" onClick={() => setForm(initial)}>
            Reset
          </button>
        </div>
      </form>
    </Card>
  );
}
