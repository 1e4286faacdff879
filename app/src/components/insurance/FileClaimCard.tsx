/**
 * Filing a claim: every field checked before sending (`checkClaim`): members only, one open
 * claim, an amount within the member's stake and the reserve's free balance, a reason of at
 * most 200 UTF-8 bytes, a related trade this pool has.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { claimableStake, hasOpenClaim } from "@poolbot/sdk";
import { useState } from "react";
import { Card, FormError, Row } from "../ui";
import { checkClaim, ClaimDraft, MAX_TEXT_BYTES, utf8Length } from "../../lib/forms";
import { describeSeconds, formatAmount, formatExact } from "../../lib/format";
import { PoolInfo, useWalletState } from "../../state/data";
import { useSubmit } from "../../state/submit";
import { ConnectPrompt } from "../../wallet/WalletUi";
import { AmountInput } from "../member/fields";

const EMPTY: ClaimDraft = { amount: "", reason: "", trade: "" };

export function FileClaimCard({ pool, available }: { pool: PoolInfo; available: bigint | null }) {
  const { publicKey } = useWallet();
  const wallet = useWalletState();
  const { submit, busy, error, done } = useSubmit();
  const [draft, setDraft] = useState<ClaimDraft>(EMPTY);
  const [tried, setTried] = useState(false);
  const position = wallet.data?.position ?? null;
  // A claim makes good a loss of the member's own capital: never more than is at stake.
  const stake = position ? claimableStake(position) : 0n;
  const amt = (v: bigint) => formatAmount(v, pool.decimals, { symbol: pool.symbol });
  if (!publicKey) {
    return (
      <Card title="File a claim">
        <ConnectPrompt>
          <p className="muted">Members file claims for unexpected losses; SENIOR+ validators decide them.</p>
        </ConnectPrompt>
      </Card>
    );
  }
  const checked = wallet.data
    ? checkClaim(
        draft,
        {
          decimals: pool.decimals,
          symbol: pool.symbol,
          member: !!position,
          stake,
          available,
          openClaim: !!position && hasOpenClaim(position),
          nextProposalId: BigInt(pool.account.nextProposalId.toString()),
        },
        tried,
      )
    : null;
  const edit = (k: keyof ClaimDraft) => (value: string) => setDraft({ ...draft, [k]: value });
  const bytes = utf8Length(draft.reason.trim());
  return (
    <Card
      title="File a claim"
      subtitle={`Available to claim: ${available === null ? "…" : amt(available)} (the reserve less pending claims)`}
      testId="file-claim"
    >
      {position && (
        <div className="rows">
          <Row label="Your stake" testId="claim-stake">
            {amt(stake)}{" "}
            <span className="muted small">
              (deposited, less withdrawn and claims paid: the most you may claim)
            </span>
          </Row>
          <Row label="Decided within">
            {describeSeconds(pool.account.claimTtl.toNumber())}, else it expires and you may file again
          </Row>
        </div>
      )}
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          setTried(true);
          if (!checked?.value) return;
          const { amount, reason, proposalId } = checked.value;
          const ok = await submit(
            `File a claim for ${formatExact(amount, pool.decimals, pool.symbol)}`,
            "fileClaim",
            (client) => client.fileClaim(pool.addresses, amount, reason, proposalId),
            (result) => `Claim #${result.id} filed.`,
          );
          if (ok) {
            setDraft(EMPTY);
            setTried(false);
          }
        }}
      >
        <label className="field">
          <span>Amount</span>
          <AmountInput
            value={draft.amount}
            onChange={edit("amount")}
            symbol={pool.symbol}
            testId="claim-amount"
            label="Claim amount"
          />
        </label>
        <label className="field">
          <span>What happened</span>
          <textarea
            rows={2}
            value={draft.reason}
            onChange={(e) => edit("reason")(e.target.value)}
            placeholder="e.g. Loss from a failed route on 12 May"
            data-testid="claim-reason"
          />
          <small className={bytes > MAX_TEXT_BYTES ? "bad" : "muted"}>
            {bytes} / {MAX_TEXT_BYTES} bytes
          </small>
        </label>
        <label className="field">
          <span>Related trade (optional)</span>
          <input
            inputMode="numeric"
            placeholder="proposal id, e.g. 7"
            value={draft.trade}
            onChange={(e) => edit("trade")(e.target.value)}
            data-testid="claim-trade"
          />
        </label>
        {checked?.problems.map((p) => (
          <FormError key={p} testId="claim-problem">
            {p}
          </FormError>
        ))}
        <FormError testId="claim-error">{error}</FormError>
        {done && <div className="form-ok">{done}</div>}
        <button
          type="submit"
          className="btn primary block"
          disabled={busy || !checked || checked.problems.length > 0}
          data-testid="claim-submit"
        >
          File claim
        </button>
      </form>
    </Card>
  );
}
