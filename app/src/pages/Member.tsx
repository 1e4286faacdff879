/**
 * Member: deposit with a share preview and slippage bound (or, while a trade proposal is live, a
 * deposit request that becomes shares when it ends), pending requests and their settlement,
 * withdraw part or all, the position and its history.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { useState } from "react";
import { PageHead, PoolGate } from "../components/Layout";
import { DepositForm } from "../components/member/DepositForm";
import { HistoryCard } from "../components/member/HistoryCard";
import { PendingDepositsCard } from "../components/member/PendingDepositsCard";
import { PositionCard } from "../components/member/PositionCard";
import { WithdrawForm } from "../components/member/WithdrawForm";
import { Badge, Card, Segmented } from "../components/ui";
import { big, formatExact } from "../lib/format";
import { PoolInfo, useNow, usePool, useWalletState } from "../state/data";
import { ConnectPrompt } from "../wallet/WalletUi";

export function MemberPage() {
  return (
    <PoolGate>
      <Member />
    </PoolGate>
  );
}

function Member() {
  const pool = usePool().data!;
  const { publicKey } = useWallet();
  const wallet = useWalletState();
  const now = useNow();
  const position = wallet.data?.position ?? null;
  return (
    <>
      <PageHead title="Your position">
        <Badge tone="neutral">
          Minimum deposit {formatExact(big(pool.account.minContribution), pool.decimals, pool.symbol)}
        </Badge>
      </PageHead>
      {!publicKey ? (
        <Card>
          <ConnectPrompt>
            <h2>Connect to deposit</h2>
            <p className="muted">
              Deposit {pool.symbol} for shares of the pool. Profit from approved trades raises the share
              value, so it reaches every member pro rata; withdraw at the share value at any time.
            </p>
          </ConnectPrompt>
        </Card>
      ) : (
        <div className="grid member">
          <div className="stack">
            <PositionCard pool={pool} />
            <PendingDepositsCard pool={pool} now={now} />
          </div>
          <ActionsCard pool={pool} now={now} hasPosition={!!position && big(position.shares) > 0n} />
        </div>
      )}
      {publicKey && <HistoryCard pool={pool} />}
    </>
  );
}

function ActionsCard({ pool, now, hasPosition }: { pool: PoolInfo; now: number; hasPosition: boolean }) {
  const [tab, setTab] = useState<"deposit" | "withdraw">("deposit");
  return (
    <Card
      title={tab === "deposit" ? "Deposit" : "Withdraw"}
      action={
        <Segmented
          options={[
            { value: "deposit", label: "Deposit" },
            { value: "withdraw", label: "Withdraw" },
          ]}
          value={tab}
          onChange={setTab}
          testId="member-tabs"
        />
      }
      testId="member-actions"
    >
      {tab === "deposit" ? (
        <DepositForm pool={pool} now={now} />
      ) : (
        <WithdrawForm pool={pool} hasPosition={hasPosition} />
      )}
    </Card>
  );
}
