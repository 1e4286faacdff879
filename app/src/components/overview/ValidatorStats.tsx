/** The validators with their approval rates, votes and proposals awaiting their vote. */
import { tradeRequiresLead } from "@poolbot/sdk";
import { Address, Card, Progress, RoleBadge, Skeleton } from "../ui";
import { formatPercent } from "../../lib/format";
import { PoolInfo, useProposals, useValidatorSet } from "../../state/data";
import { validatorRows } from "../../state/stats";

export function ValidatorStats({ pool, now }: { pool: PoolInfo; now: number }) {
  const set = useValidatorSet();
  const proposals = useProposals();
  return (
    <Card
      title="Validators"
      subtitle={`Quorum: ${pool.account.requiredApprovals} approval${pool.account.requiredApprovals === 1 ? "" : "s"}${tradeRequiresLead(pool.account) ? ", one from a LEAD or ADMIN" : ""}`}
      testId="validator-stats"
    >
      {set.data && proposals.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Validator</th>
                <th>Approval rate</th>
                <th className="num">Votes</th>
                <th className="num hide-sm">Awaiting</th>
              </tr>
            </thead>
            <tbody>
              {validatorRows(
                set.data,
                proposals.data.map((p) => p.account),
                pool.account,
                now,
              ).map((v) => (
                <tr key={v.key.toBase58()}>
                  <td>
                    <div className="cell-stack">
                      <Address value={v.key} />
                      <RoleBadge role={v.role} />
                    </div>
                  </td>
                  <td>
                    <div className="rate">
                      <Progress
                        value={v.approvalRatePercent ?? 0}
                        max={100}
                        tone="good"
                        label="approval rate"
                      />
                      <span>{formatPercent(v.approvalRatePercent, 0)}</span>
                    </div>
                  </td>
                  <td className="num">
                    <span className="good">{v.approvals}</span> / <span className="bad">{v.rejections}</span>
                  </td>
                  <td className="num hide-sm">{v.pendingVotes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Skeleton height={120} />
      )}
    </Card>
  );
}
