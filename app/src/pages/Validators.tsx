/**
 * Validators: proposals with their route, amounts, quorum progress, lead requirement and expiry;
 * approve, or reject with a reason; execute, expire and close; mandates (`components/mandate/`);
 * the connected validator's record.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { isFinished, isUndecided, tradeRequiresLead } from "@poolbot/sdk";
import { useMemo } from "react";
import { PageHead, PoolGate } from "../components/Layout";
import { MandatesSection } from "../components/mandate/MandatesSection";
import { ProposalList } from "../components/proposal/ProposalCard";
import { Address, Badge, Card, Empty, RoleBadge, Skeleton, Stat } from "../components/ui";
import { formatCount, formatDateTime, formatPercent, shortAddress } from "../lib/format";
import { PoolInfo, useMyRole, useNow, usePool, useProposals, useValidatorSet } from "../state/data";
import { proposalState, validatorRows } from "../state/stats";

export function ValidatorsPage() {
  return (
    <PoolGate>
      <Validators />
    </PoolGate>
  );
}

function Validators() {
  const pool = usePool().data!;
  const set = useValidatorSet();
  const proposals = useProposals();
  const now = useNow();
  const groups = useMemo(() => {
    const all = [...(proposals.data ?? [])].sort((a, b) => b.account.id.toNumber() - a.account.id.toNumber());
    const withState = all.map((p) => ({ ...p, state: proposalState(p.account, pool.account, now) }));
    return {
      open: withState.filter((p) => p.state === "pending" || p.state === "approved"),
      dead: withState.filter((p) => (p.state === "stale" || p.state === "expired") && isUndecided(p.account)),
      done: withState.filter((p) => isFinished(p.account)),
    };
  }, [proposals.data, pool.account, now]);

  return (
    <>
      <PageHead title="Validators">
        <Badge tone="info">
          Quorum {pool.account.requiredApprovals}
          {tradeRequiresLead(pool.account) ? " incl. a LEAD or ADMIN" : ""}
        </Badge>
      </PageHead>
      <MyRecord pool={pool} />
      <Card
        title="Open proposals"
        subtitle="Trades the keepers proposed; each runs only the exact route shown, and only after the quorum approves it"
        testId="open-proposals"
      >
        {!proposals.data || !set.data ? (
          <Skeleton height={160} />
        ) : groups.open.length === 0 ? (
          <Empty title="Nothing to review" icon="✓">
            New proposals from the keepers appear here.
          </Empty>
        ) : (
          <ProposalList items={groups.open} pool={pool} set={set.data!} now={now} />
        )}
      </Card>
      {set.data && groups.dead.length > 0 && (
        <Card
          title="Stale or expired"
          subtitle="No longer votable or executable; anyone can mark them expired to return the keeper's rent"
          testId="dead-proposals"
        >
          <ProposalList items={groups.dead} pool={pool} set={set.data!} now={now} />
        </Card>
      )}
      {set.data && groups.done.length > 0 && (
        <Card
          title="Recently decided"
          subtitle="Finished proposals whose accounts are still open"
          testId="done-proposals"
        >
          <ProposalList items={groups.done} pool={pool} set={set.data!} now={now} compact />
        </Card>
      )}
      <MandatesSection pool={pool} now={now} />
      <ValidatorTable pool={pool} now={now} />
    </>
  );
}

function MyRecord({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const set = useValidatorSet();
  const proposals = useProposals();
  const now = useNow();
  const { role, keeper } = useMyRole();
  if (!publicKey || !set.data || !proposals.data) return null;
  const me = validatorRows(
    set.data,
    proposals.data.map((p) => p.account),
    pool.account,
    now,
  ).find((v) => v.key.equals(publicKey));
  if (!me) {
    return (
      <Card testId="my-record">
        <div className="notice">
          <strong>{shortAddress(publicKey)} is not a validator of this pool.</strong>{" "}
          <span className="muted">
            {keeper
              ? "It is an authorised keeper: it can propose trades and execute approved ones."
              : "Validators are added by an ADMIN. You can still follow every proposal here."}
          </span>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Your record" action={role && <RoleBadge role={role} />} testId="my-record">
      <div className="grid stats tight four">
        <Stat
          label="Role"
          value={<span data-testid="my-role">{me.role.toUpperCase()}</span>}
          sub={`slot ${me.slot} in the vote bitmaps`}
        />
        <Stat
          label="Approval rate"
          value={formatPercent(me.approvalRatePercent, 0)}
          sub={`${me.approvals} approved · ${me.rejections} rejected`}
        />
        <Stat
          label="Awaiting your vote"
          value={formatCount(me.pendingVotes)}
          tone={me.pendingVotes > 0 ? "warn" : undefined}
        />
        <Stat
          label="Claim votes"
          value={formatCount(me.claimVotes)}
          sub={me.role === "junior" ? "SENIOR+ vote on claims" : undefined}
        />
      </div>
    </Card>
  );
}

function ValidatorTable({ pool, now }: { pool: PoolInfo; now: number }) {
  const set = useValidatorSet();
  const proposals = useProposals();
  const { publicKey } = useWallet();
  if (!set.data || !proposals.data) return null;
  const rows = validatorRows(
    set.data,
    proposals.data.map((p) => p.account),
    pool.account,
    now,
  );
  return (
    <Card
      title="Validator set"
      subtitle="JUNIOR < SENIOR < LEAD < ADMIN; SENIOR and above also decide insurance claims"
      testId="validator-table"
    >
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Validator</th>
              <th>Role</th>
              <th className="num">Approved</th>
              <th className="num hide-sm">Rejected</th>
              <th className="num">Rate</th>
              <th className="num hide-sm">Claim votes</th>
              <th className="hide-sm">Added</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.key.toBase58()}>
                <td>
                  <Address value={v.key} you={publicKey?.equals(v.key)} />
                </td>
                <td>
                  <RoleBadge role={v.role} />
                </td>
                <td className="num">{v.approvals}</td>
                <td className="num hide-sm">{v.rejections}</td>
                <td className="num">{formatPercent(v.approvalRatePercent, 0)}</td>
                <td className="num hide-sm">{v.claimVotes}</td>
                <td className="hide-sm muted">{formatDateTime(v.addedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
