/** One trade proposal: its head, its route and amounts, its votes, and what the wallet may do. */
import { useWallet } from "@solana/wallet-adapter-react";
import { decodeName, Listed, TradeProposalAccount, ValidatorSetAccount, validatorsOf } from "@poolbot/sdk";
import { shortAddress } from "../../lib/format";
import { PoolInfo, useProducts } from "../../state/data";
import { ProposalState } from "../../state/stats";
import { ProposalActions } from "./ProposalActions";
import { ProposalHeader } from "./ProposalHeader";
import { ProposalLegs } from "./ProposalLegs";
import { ProposalVotes } from "./ProposalVotes";

export function ProposalCard({
  item,
  state,
  pool,
  set,
  now,
  compact,
}: {
  item: Listed<TradeProposalAccount>;
  state: ProposalState;
  pool: PoolInfo;
  set: ValidatorSetAccount;
  now: number;
  compact?: boolean;
}) {
  const { publicKey } = useWallet();
  const products = useProducts();
  const p = item.account;
  const id = p.id.toString();
  const product = products.data?.find((x) => x.publicKey.equals(p.product));
  return (
    <article
      className={`proposal ${compact ? "compact" : ""}`}
      data-testid={`proposal-${id}`}
      data-state={state}
    >
      <ProposalHeader
        id={id}
        productName={product ? decodeName(product.account.name) : shortAddress(p.product)}
        proposer={p.proposer}
        createdAt={p.createdAt.toNumber()}
        expiresAt={p.expiresAt.toNumber()}
        state={state}
        now={now}
      />
      <ProposalLegs proposal={p} product={product?.account} pool={pool} state={state} compact={compact} />
      <ProposalVotes
        id={id}
        proposal={p}
        pool={pool.account}
        validators={validatorsOf(set)}
        me={publicKey}
        compact={compact}
      />
      <ProposalActions id={id} address={item.publicKey} proposal={p} state={state} pool={pool} now={now} />
    </article>
  );
}

/** One card per proposal of `items`, in the order given. */
export function ProposalList({
  items,
  pool,
  set,
  now,
  compact,
}: {
  items: (Listed<TradeProposalAccount> & { state: ProposalState })[];
  pool: PoolInfo;
  set: ValidatorSetAccount;
  now: number;
  compact?: boolean;
}) {
  return (
    <div className="proposal-list">
      {items.map((p) => (
        <ProposalCard
          key={p.publicKey.toBase58()}
          item={p}
          state={p.state}
          pool={pool}
          set={set}
          now={now}
          compact={compact}
        />
      ))}
    </div>
  );
}
