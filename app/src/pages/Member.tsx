/**
 * Member: deposit with a share preview and slippage bound (or, while a trade proposal is live, a
 * deposit request that becomes shares when it ends), pending requests and their settlement,
 * withdraw part or all, the position and its history.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { useMemo, useState } from "react";
import {
  depositMustBeRequested,
  depositPreview,
  depositReadyAt,
  eventsNamed,
  memberValue,
  shareValue,
  sharesForWithdrawal,
  withdrawalLeavesDust,
  withdrawalPreview,
} from "@poolbot/sdk";
import { PageHead, PoolGate } from "../components/Layout";
import {
  Badge,
  Card,
  Empty,
  ExplorerLink,
  FormError,
  Row,
  Segmented,
  Skeleton,
  Stat,
} from "../components/ui";
import { describeEvent, idMaps, participantsOf } from "../lib/activity";
import {
  big,
  formatAmount,
  formatDateTime,
  formatDuration,
  formatExact,
  formatInput,
  formatPercent,
  parseAmount,
  percentOf,
} from "../lib/format";
import { PoolInfo, useActivityItems, useDepositQueue, useNow, usePool, useWalletState } from "../state/data";
import { useTx } from "../state/tx";
import { ConnectPrompt } from "../wallet/WalletUi";

const SLIPPAGES = [10, 50, 100] as const;

/** `value` less `bps` basis points, rounded down: the slippage bound. */
export function withSlippage(value: bigint, bps: number): bigint {
  return (value * BigInt(10_000 - bps)) / 10_000n;
}

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
            <PositionCard pool={pool} now={now} />
            <PendingDepositsCard pool={pool} now={now} />
          </div>
          <ActionsCard pool={pool} now={now} hasPosition={!!position && big(position.shares) > 0n} />
        </div>
      )}
      {publicKey && <HistoryCard pool={pool} />}
    </>
  );
}

function PositionCard({ pool }: { pool: PoolInfo; now: number }) {
  const wallet = useWalletState();
  const { decimals, symbol } = pool;
  if (!wallet.data) {
    return (
      <Card title="Position">
        <Skeleton height={160} />
      </Card>
    );
  }
  const position = wallet.data.position;
  if (!position) {
    return (
      <Card title="Position" testId="position">
        <Empty title="No position yet" icon="+">
          Your first deposit creates your position. Wallet balance:{" "}
          <strong data-testid="wallet-balance">
            {formatAmount(wallet.data.assetBalance, decimals, { symbol })}
          </strong>
        </Empty>
      </Card>
    );
  }
  const shares = big(position.shares);
  const pending = big(position.pendingDeposit);
  const value = memberValue(pool.account, position);
  const capital = big(position.capitalContributed);
  const withdrawn = big(position.totalWithdrawn);
  // A pending deposit is still worth what was put in. Share rounding leaves fractions of a cent
  // either way right after a deposit; show those as zero.
  const rawProfit = value + pending + withdrawn - capital;
  const cent = 10n ** BigInt(Math.max(0, decimals - 2));
  const profit = rawProfit > -cent && rawProfit < cent ? 0n : rawProfit;
  const active = "active" in position.status;
  return (
    <Card
      title="Position"
      action={active ? <Badge tone="good">Active</Badge> : <Badge>Withdrawn</Badge>}
      testId="position"
    >
      <div className="grid stats tight">
        <Stat
          label="Value"
          value={formatAmount(value, decimals, { symbol })}
          sub={pending > 0n ? `+${formatAmount(pending, decimals, { symbol })} pending` : undefined}
          testId="position-value"
        />
        <Stat
          label="Profit"
          value={formatAmount(profit, decimals, { symbol, signed: true })}
          tone={profit > 0n ? "good" : profit < 0n ? "bad" : undefined}
          sub={`ROI ${formatPercent(percentOf(profit, capital))}`}
          testId="position-profit"
        />
      </div>
      <div className="rows">
        <Row label="Shares" testId="position-shares">
          <span data-raw={shares.toString()} data-testid="position-shares-value">
            {formatAmount(shares, decimals, { maxFraction: 4, minFraction: 0 })}
          </span>
          <span className="muted">
            {" "}
            · {formatPercent(percentOf(shares, big(pool.account.totalShares)))} of the pool
          </span>
        </Row>
        {pending > 0n && (
          <Row label="Pending deposit" testId="position-pending">
            <span data-raw={pending.toString()} data-testid="position-pending-value">
              {formatAmount(pending, decimals, { symbol })}
            </span>
            <span className="muted"> · becomes shares when the live trade proposals end</span>
          </Row>
        )}
        <Row label="Capital contributed">{formatAmount(capital, decimals, { symbol })}</Row>
        <Row label="Withdrawn so far">{formatAmount(withdrawn, decimals, { symbol })}</Row>
        {big(position.claimsPaid) > 0n && (
          <Row label="Insurance paid to you">
            {formatAmount(big(position.claimsPaid), decimals, { symbol })}
          </Row>
        )}
        <Row label="Status">
          {!active
            ? "Withdrawn (no shares left)"
            : shares === 0n
              ? "Active member (deposit pending)"
              : "Active member"}
        </Row>
        <Row label="Joined">{formatDateTime(position.joinedAt.toNumber())}</Row>
        <Row label="Wallet balance">
          <span data-testid="wallet-balance">
            {formatAmount(wallet.data.assetBalance, decimals, { symbol })}
          </span>
        </Row>
      </div>
    </Card>
  );
}

/**
 * The connected member's deposit requests with when each becomes shares, and a Settle button
 * whenever the queue's oldest requests are ready (anyone may settle them, in order).
 */
function PendingDepositsCard({ pool, now }: { pool: PoolInfo; now: number }) {
  const { publicKey } = useWallet();
  const queue = useDepositQueue();
  const { run, busy } = useTx();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { decimals, symbol } = pool;
  const requests = queue.data ?? [];
  const mine = requests.filter((r) => publicKey && r.account.depositor.equals(publicKey));
  const firstWaiting = requests.findIndex((r) => r.account.readyAt.toNumber() > now);
  const ready = firstWaiting < 0 ? requests.length : firstWaiting;
  if (mine.length === 0 && ready === 0 && !done) return null;

  const settle = async () => {
    setError(null);
    setDone(null);
    const outcome = await run(
      `Settle ${ready} ready deposit${ready === 1 ? "" : "s"}`,
      "settle",
      async (c) => {
        const sent = await c.settleReadyDeposits(pool.addresses);
        if (sent.length === 0) throw new Error("No deposit request is ready yet by the cluster's clock");
        return { signature: sent[sent.length - 1].signature, events: sent.flatMap((x) => x.events) };
      },
    );
    if (outcome.ok) {
      const settled = eventsNamed(outcome.result.events, "depositSettled");
      const me = settled.filter((e) => publicKey && e.member.equals(publicKey));
      const shares = me.reduce((sum, e) => sum + big(e.shares), 0n);
      setDone(
        `Settled ${settled.length} request${settled.length === 1 ? "" : "s"}${me.length ? `; yours became ${formatAmount(shares, decimals, { maxFraction: 4, minFraction: 0 })} shares` : ""}.`,
      );
    } else setError(outcome.error.sentence);
  };

  return (
    <Card
      title="Pending deposits"
      subtitle="Deposits made while a trade proposal was live become shares when it ends, at the share value of that moment"
      testId="pending-deposits"
    >
      {mine.length > 0 && (
        <ul className="feed">
          {mine.map((r) => {
            const id = r.account.id.toString();
            const at = r.account.readyAt.toNumber();
            return (
              <li
                key={id}
                className="feed-item"
                data-testid={`pending-deposit-${id}`}
                data-amount={big(r.account.amount).toString()}
              >
                <span className={`feed-dot ${at <= now ? "good" : "info"}`} aria-hidden />
                <div className="feed-body">
                  <div className="feed-title">
                    {formatAmount(big(r.account.amount), decimals, { symbol })} · request #{id}
                  </div>
                  <div className="muted small">
                    {at <= now
                      ? "Ready: it becomes shares when settled"
                      : `Becomes shares after ${formatDateTime(at)} (in ${formatDuration(at - now)})`}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ready > 0 && (
        <div className="button-row">
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={() => void settle()}
            data-testid="settle-deposits"
          >
            Settle {ready} ready deposit{ready === 1 ? "" : "s"}
          </button>
          <span className="muted small">Anyone may settle; oldest first. Trades wait until they are.</span>
        </div>
      )}
      <FormError testId="settle-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="settle-done">
          {done}
        </div>
      )}
    </Card>
  );
}

function SlippagePicker({ bps, onChange }: { bps: number; onChange: (bps: number) => void }) {
  return (
    <div className="slippage">
      <span className="muted small">Slippage bound</span>
      <Segmented
        options={SLIPPAGES.map((s) => ({ value: String(s), label: `${s / 100}%` }))}
        value={String(bps)}
        onChange={(v) => onChange(Number(v))}
        testId="slippage"
      />
    </div>
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
        <WithdrawForm pool={pool} now={now} hasPosition={hasPosition} />
      )}
    </Card>
  );
}

function DepositForm({ pool, now }: { pool: PoolInfo; now: number }) {
  const { run, busy } = useTx();
  const wallet = useWalletState();
  const [text, setText] = useState("");
  const [bps, setBps] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { decimals, symbol } = pool;
  const parsed = text ? parseAmount(text, decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  const balance = wallet.data?.assetBalance ?? 0n;
  const preview = depositPreview(pool.account, amount);
  const minShares = withSlippage(preview, bps);
  const tooMuch = amount > balance;
  const paused = pool.account.paused === 1;
  const amountText = formatExact(amount, decimals, symbol);
  // While a trade proposal made earlier may still execute, new money waits in the queue.
  const queued = depositMustBeRequested(pool.account, now);
  const readyAt = depositReadyAt(pool.account, now);

  const submit = async () => {
    setError(null);
    setDone(null);
    if (queued) {
      const outcome = await run(`Request a deposit of ${amountText}`, "deposit", (client) =>
        client.requestDeposit(pool.addresses, amount),
      );
      if (outcome.ok) {
        const [event] = eventsNamed(outcome.result.events, "depositRequested");
        const at = event ? event.readyAt.toNumber() : readyAt;
        setDone(
          `Requested ${formatExact(event ? big(event.amount) : amount, decimals, symbol)}: it becomes shares after ${formatDateTime(at)} (in ${formatDuration(at - Math.floor(Date.now() / 1000))}), when the live trade proposals have ended, at the share value of then.`,
        );
        setText("");
      } else {
        setError(outcome.error.sentence);
      }
      return;
    }
    const outcome = await run(`Deposit ${amountText}`, "deposit", (client) =>
      client.deposit(pool.addresses, amount, { minSharesOut: minShares }),
    );
    if (outcome.ok) {
      const [event] = eventsNamed(outcome.result.events, "deposited");
      setDone(
        event
          ? `Deposited ${formatExact(big(event.amount), decimals, symbol)} for ${formatAmount(big(event.shares), decimals, { maxFraction: 4, minFraction: 0 })} shares.`
          : "Deposit confirmed.",
      );
      setText("");
    } else {
      setError(outcome.error.sentence);
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span className="field-label">
          Amount
          <button
            type="button"
            className="link-btn small"
            onClick={() => setText(formatInput(balance, decimals))}
          >
            Balance {formatAmount(balance, decimals, { symbol })} · Max
          </button>
        </span>
        <AmountInput
          value={text}
          onChange={(v) => {
            setText(v);
            setError(null);
          }}
          symbol={symbol}
          testId="deposit-amount"
          label="Deposit amount"
        />
        <small className="muted">
          Pool minimum {formatExact(big(pool.account.minContribution), decimals, symbol)} per deposit.
        </small>
      </label>
      {queued ? (
        <div className="notice small" data-testid="deposit-queued-note">
          A trade proposal is live until {formatDateTime(readyAt)} ({formatDuration(readyAt - now)} left). A
          deposit now waits in a queue and becomes shares when it ends, at the share value of that moment, so
          it shares only in profit made after it. Your {symbol} move to the vault now; anyone may settle the
          request once it is ready.
        </div>
      ) : (
        <SlippagePicker bps={bps} onChange={setBps} />
      )}
      <div className="preview" data-testid="deposit-preview">
        <Row label={queued ? "You would receive today" : "You receive"}>
          <strong data-testid="deposit-preview-shares" data-raw={preview.toString()}>
            ≈ {formatAmount(preview, decimals, { maxFraction: 4, minFraction: 0 })} shares
          </strong>
        </Row>
        {queued ? (
          <Row label="Becomes shares">
            <span data-testid="deposit-ready-at" data-raw={String(readyAt)}>
              after {formatDateTime(readyAt)}, priced then
            </span>
          </Row>
        ) : (
          <Row label={`At least (${bps / 100}% slippage)`}>
            <span data-testid="deposit-min-shares" data-raw={minShares.toString()}>
              {formatAmount(minShares, decimals, { maxFraction: 4, minFraction: 0 })} shares
            </span>
          </Row>
        )}
        <Row label="Share value">
          {formatAmount(shareValue(pool.account), decimals, {
            maxFraction: 6,
            minFraction: 4,
            symbol,
          })}
        </Row>
      </div>
      {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
      {tooMuch && !error && (
        <FormError>
          Your wallet holds {formatAmount(balance, decimals, { symbol })}; enter at most that.
        </FormError>
      )}
      {paused && (
        <div className="notice small" data-testid="deposit-paused">
          The pool is paused by its ADMIN: deposits are blocked until it resumes. Withdrawals still work.
        </div>
      )}
      <FormError testId="deposit-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="deposit-done">
          {done}
        </div>
      )}
      <button
        type="submit"
        className="btn primary block"
        disabled={busy || amount === 0n || tooMuch || paused}
        data-testid="deposit-submit"
      >
        {amount === 0n
          ? "Enter an amount"
          : queued
            ? `Request deposit of ${amountText}`
            : `Deposit ${amountText}`}
      </button>
    </form>
  );
}

function WithdrawForm({ pool, hasPosition }: { pool: PoolInfo; now: number; hasPosition: boolean }) {
  const { run, busy } = useTx();
  const wallet = useWalletState();
  const [mode, setMode] = useState<"amount" | "all">("amount");
  const [text, setText] = useState("");
  const [bps, setBps] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { decimals, symbol } = pool;
  const position = wallet.data?.position;
  if (!hasPosition || !position) {
    return (
      <>
        {done && (
          <div className="form-ok" data-testid="withdraw-done">
            {done}
          </div>
        )}
        <Empty title="Nothing to withdraw">
          Deposit first; your shares can be withdrawn at the share value at any time. A pending deposit can be
          withdrawn once it has become shares.
        </Empty>
      </>
    );
  }
  const shares = big(position.shares);
  const available = memberValue(pool.account, position);
  const parsed = mode === "amount" && text ? parseAmount(text, decimals) : null;
  const amount = parsed && "value" in parsed ? parsed.value : 0n;
  const receive = mode === "all" ? withdrawalPreview(pool.account, shares) : amount;
  const burn = mode === "all" ? shares : amount > 0n ? sharesForWithdrawal(pool.account, amount) : 0n;
  const minOut = mode === "all" ? withSlippage(receive, bps) : amount;
  const tooMuch = mode === "amount" && amount > available;
  // What stays must be nothing or at least the pool minimum (a member slot costs real capital).
  const dust =
    mode === "amount" && amount > 0n && !tooMuch && withdrawalLeavesDust(pool.account, shares, burn);
  const minimum = formatExact(big(pool.account.minContribution), decimals, symbol);

  const submit = async () => {
    setError(null);
    setDone(null);
    const label =
      mode === "all" ? "Withdraw everything" : `Withdraw ${formatExact(amount, decimals, symbol)}`;
    const outcome = await run(label, "withdraw", (client) =>
      client.withdraw(pool.addresses, mode === "all" ? { shares } : { amount }, { minAmountOut: minOut }),
    );
    if (outcome.ok) {
      const [event] = eventsNamed(outcome.result.events, "withdrew");
      setDone(
        event
          ? `Received ${formatExact(big(event.amount), decimals, symbol)}${event.exited ? "; you have left the pool" : ""}.`
          : "Withdrawal confirmed.",
      );
      setText("");
    } else {
      setError(outcome.error.sentence);
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Segmented
        options={[
          { value: "amount", label: "Part" },
          { value: "all", label: "All" },
        ]}
        value={mode}
        onChange={(m) => {
          setMode(m);
          setError(null);
        }}
        testId="withdraw-mode"
      />
      {mode === "amount" ? (
        <label className="field">
          <span className="field-label">
            Amount
            <button type="button" className="link-btn small" onClick={() => setMode("all")}>
              Available {formatAmount(available, decimals, { symbol })}
            </button>
          </span>
          <AmountInput
            value={text}
            onChange={(v) => {
              setText(v);
              setError(null);
            }}
            symbol={symbol}
            testId="withdraw-amount"
            label="Withdrawal amount"
          />
        </label>
      ) : (
        <p className="muted">
          Burn all {formatAmount(shares, decimals, { maxFraction: 4, minFraction: 0 })} shares and leave the
          pool.
        </p>
      )}
      {mode === "all" && <SlippagePicker bps={bps} onChange={setBps} />}
      <div className="preview" data-testid="withdraw-preview">
        <Row label="You receive">
          <strong data-testid="withdraw-receive">
            {mode === "all"
              ? `≈ ${formatAmount(receive, decimals, { symbol })}`
              : formatExact(receive, decimals, symbol)}
          </strong>
        </Row>
        {mode === "all" && (
          <Row label={`At least (${bps / 100}% slippage)`}>
            {formatAmount(minOut, decimals, { symbol, maxFraction: decimals, minFraction: 2 })}
          </Row>
        )}
        <Row label="Shares burned">≈ {formatAmount(burn, decimals, { maxFraction: 4, minFraction: 0 })}</Row>
      </div>
      {parsed && "error" in parsed && <FormError>{parsed.error}</FormError>}
      {tooMuch && (
        <FormError>
          Your position is worth {formatAmount(available, decimals, { symbol })}; withdraw at most that, or
          choose “All”.
        </FormError>
      )}
      {dust && (
        <FormError testId="withdraw-dust">
          That would leave less than the pool minimum of {minimum} in your position. Withdraw everything
          (“All”), or leave at least {minimum}.
        </FormError>
      )}
      <FormError testId="withdraw-error">{error}</FormError>
      {done && (
        <div className="form-ok" data-testid="withdraw-done">
          {done}
        </div>
      )}
      <button
        type="submit"
        className="btn primary block"
        disabled={busy || tooMuch || dust || (mode === "amount" && amount === 0n)}
        data-testid="withdraw-submit"
      >
        {mode === "all"
          ? "Withdraw everything"
          : amount > 0n
            ? `Withdraw ${formatExact(amount, decimals, symbol)}`
            : "Enter an amount"}
      </button>
    </form>
  );
}

function HistoryCard({ pool }: { pool: PoolInfo }) {
  const { publicKey } = useWallet();
  const { items, loading } = useActivityItems();
  const mine = useMemo(() => {
    if (!publicKey) return [];
    const me = publicKey.toBase58();
    return items.filter(
      (i) =>
        ["deposited", "depositRequested", "depositSettled", "withdrew", "claimFiled"].includes(
          i.event.name,
        ) && participantsOf(i.event).includes(me),
    );
  }, [items, publicKey]);
  const maps = useMemo(() => idMaps(items), [items]);
  const ctx = { decimals: pool.decimals, symbol: pool.symbol, roles: new Map<string, string>(), ...maps };
  return (
    <Card
      title="Your history"
      subtitle="Deposits, withdrawals and claims of this wallet"
      testId="member-history"
    >
      {loading ? (
        <Skeleton height={60} />
      ) : mine.length === 0 ? (
        <Empty title="Nothing yet">Your deposits and withdrawals appear here.</Empty>
      ) : (
        <ul className="feed">
          {mine.map((i) => {
            const d = describeEvent(i.event, ctx);
            return (
              <li key={i.key} className="feed-item">
                <span className={`feed-dot ${d.tone}`} aria-hidden />
                <div className="feed-body">
                  <div className="feed-title">{d.title}</div>
                  <div className="muted small">{d.detail}</div>
                </div>
                <div className="feed-side small">
                  <div className="muted">{i.blockTime ? formatDateTime(i.blockTime) : "—"}</div>
                  <ExplorerLink kind="tx" id={i.signature}>
                    tx
                  </ExplorerLink>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** A decimal amount field with the token's symbol beside it. */
function AmountInput({
  value,
  onChange,
  symbol,
  testId,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  symbol: string;
  testId: string;
  label: string;
}) {
  return (
    <div className="amount-input">
      <input
        inputMode="decimal"
        placeholder="0.00"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        aria-label={`${label} in ${symbol}`}
      />
      <span className="unit">{symbol}</span>
    </div>
  );
}
