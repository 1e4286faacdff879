/**
 * `PoolBotClient`, the sending layer: every Pool Bot instruction as one call that reads what
 * it needs from the chain (next ids, a proposal's route, a claim's claimant, a mandate's
 * product and proposer), builds with the pure builders of `instructions/`, and sends signed by
 * the client's wallet (a legacy transaction, or with `sendVersionedInstructions` a v0 one with
 * lookup tables and a priced compute budget); plus fetching and listing every account type.
 * Each call returns the transaction's signature and its decoded events.
 */
import { AnchorProvider, parseIdlErrors, Program, translateError } from "@anchor-lang/core";
import {
  AddressLookupTableAccount,
  ConfirmOptions,
  Connection,
  GetProgramAccountsFilter,
  Keypair,
  PublicKey,
  Transaction,
  TransactionInstruction,
  TransactionSignature,
} from "@solana/web3.js";
import {
  ClaimAccount,
  DepositRequestAccount,
  InsuranceReserveAccount,
  GovernanceChange,
  MandateAccount,
  MemberPositionAccount,
  PendingChangeAccount,
  PoolAccount,
  ProductAccount,
  proposalRoute,
  TradeProposalAccount,
  ValidatorSetAccount,
} from "./accounts";
import { parsePoolBotEvents, PoolBotEvent, transactionLogs } from "./events";
import { POOL_BOT_IDL, PoolBot } from "./idl";
import { Change, ImmediateConfig } from "./governance";
import * as ix from "./instructions";
import {
  assetTokenAccount,
  MandateTerms,
  PoolConfig,
  ProductSpec,
  TradeTerms,
  WithdrawRequest,
} from "./instructions";
import { FeePolicy } from "./fees";
import { createPoolLookupTable, extendLookupTable, waitForLookupTable } from "./lookupTables";
import { depositMustBeRequested } from "./math";
import { PoolAddresses, U64 } from "./pdas";
import { RouteLeg } from "./route";
import { chainTime, DEFAULT_CONFIRM_OPTIONS, keypairProvider } from "./provider";
import { BuiltTransaction, buildVersionedTransaction, submitVersioned } from "./transactions";

/** What a sent transaction left behind. */
export interface SendResult {
  signature: TransactionSignature;
  /** Its logs. */
  logs: string[];
  /** The Pool Bot events it emitted, in order. */
  events: PoolBotEvent[];
}

/** A deposit request with its address, as the queue holds it. */
export interface QueuedDeposit {
  publicKey: PublicKey;
  account: DepositRequestAccount;
}

/** A queued change: its id and address. */
export interface QueuedChange {
  id: number;
  change: PublicKey;
}

/** What `govern` sent. */
export interface GovernResult {
  /** The transactions, in order. */
  sent: SendResult[];
  /** The changes queued, in order. */
  queued: QueuedChange[];
  /** Whether they were applied in the same transactions (the pool's time lock is 0). */
  applied: boolean;
  /** The pool's time lock, in seconds. */
  timeLock: number;
}

/** A program account with its address. */
export interface Listed<T> {
  publicKey: PublicKey;
  account: T;
}

/** Pool Bot's instructions and accounts, signed and paid by one wallet. */
export class PoolBotClient {
  /** The Anchor program (typed by the generated IDL). */
  readonly program: Program<PoolBot>;

  /** A client over `provider`; its wallet signs and pays every call. */
  constructor(readonly provider: AnchorProvider) {
    this.program = new Program(POOL_BOT_IDL, provider);
  }

  /** A client for `keypair` on `connection`. */
  static connect(
    connection: Connection,
    keypair: Keypair,
    options: ConfirmOptions = DEFAULT_CONFIRM_OPTIONS,
  ): PoolBotClient {
    return new PoolBotClient(keypairProvider(connection, keypair, options));
  }

  /** The connection. */
  get connection(): Connection {
    return this.provider.connection;
  }

  /** The wallet that signs and pays. */
  get wallet(): PublicKey {
    return this.provider.wallet.publicKey;
  }

  // ----- reading -----

  /** The pool at `pool`. */
  fetchPool(pool: PublicKey): Promise<PoolAccount> {
    return this.program.account.pool.fetch(pool);
  }

  /** The addresses of the pool at `pool` (read from its account). */
  async poolAddresses(pool: PublicKey): Promise<PoolAddresses> {
    return PoolAddresses.of(await this.fetchPool(pool));
  }

  /** The pool's validators and keepers. */
  fetchValidatorSet(p: PoolAddresses): Promise<ValidatorSetAccount> {
    return this.program.account.validatorSet.fetch(p.validatorSet);
  }

  /** The pool's insurance reserve. */
  fetchInsurance(p: PoolAddresses): Promise<InsuranceReserveAccount> {
    return this.program.account.insuranceReserve.fetch(p.insurance);
  }

  /** The position of `owner` (the wallet by default), or null if it never deposited. */
  fetchMember(p: PoolAddresses, owner: PublicKey = this.wallet): Promise<MemberPositionAccount | null> {
    return this.program.account.memberPosition.fetchNullable(p.member(owner));
  }

  /** The proposal at `proposal`, or null once closed. */
  fetchProposal(proposal: PublicKey): Promise<TradeProposalAccount | null> {
    return this.program.account.tradeProposal.fetchNullable(proposal);
  }

  /** The claim at `claim`, or null once closed. */
  fetchClaim(claim: PublicKey): Promise<ClaimAccount | null> {
    return this.program.account.claim.fetchNullable(claim);
  }

  /** The product at `product`. */
  fetchProduct(product: PublicKey): Promise<ProductAccount> {
    return this.program.account.product.fetch(product);
  }

  /** The deposit request at `request`, or null once settled (closed). */
  fetchDepositRequest(request: PublicKey): Promise<DepositRequestAccount | null> {
    return this.program.account.depositRequest.fetchNullable(request);
  }

  /**
   * The pool's unsettled deposit requests, oldest first (the order they must be settled in),
   * at most `limit`.
   */
  async pendingDeposits(p: PoolAddresses, limit = Infinity): Promise<QueuedDeposit[]> {
    const pool = await this.fetchPool(p.pool);
    const head = pool.depositQueueHead.toNumber();
    const count = Math.min(pool.nextDepositId.toNumber() - head, limit);
    const keys = Array.from({ length: Math.max(count, 0) }, (_, i) => p.depositRequest(head + i));
    const accounts = await this.program.account.depositRequest.fetchMultiple(keys);
    return keys.flatMap((publicKey, i) => {
      const account = accounts[i];
      return account ? [{ publicKey, account }] : [];
    });
  }

  /** The pending change at `change`, or null once applied or cancelled (closed). */
  fetchPendingChange(change: PublicKey): Promise<PendingChangeAccount | null> {
    return this.program.account.pendingChange.fetchNullable(change);
  }

  /** The pool's queued governance changes, oldest first. */
  async listPendingChanges(p: PoolAddresses): Promise<Listed<PendingChangeAccount>[]> {
    const all = await this.program.account.pendingChange.all(ofPool(p));
    return all.sort((a, b) => a.account.id.cmp(b.account.id));
  }

  /** The cluster's clock (the `Clock` sysvar's unix time, which the program compares against). */
  chainTime(): Promise<number> {
    return chainTime(this.connection);
  }

  /**
   * Whether a deposit into the pool now must be requested (`requestDeposit`) rather than made
   * at once (`deposit`): true while a trade proposal made earlier may still execute.
   */
  async depositMustBeRequested(p: PoolAddresses): Promise<boolean> {
    const [pool, now] = await Promise.all([this.fetchPool(p.pool), this.chainTime()]);
    return depositMustBeRequested(pool, now);
  }

  /** Every member position of the pool. */
  listMembers(p: PoolAddresses): Promise<Listed<MemberPositionAccount>[]> {
    return this.program.account.memberPosition.all(ofPool(p));
  }

  /** Every open (not yet closed) proposal of the pool. */
  listProposals(p: PoolAddresses): Promise<Listed<TradeProposalAccount>[]> {
    return this.program.account.tradeProposal.all(ofPool(p));
  }

  /** Every open (not yet closed) claim of the pool. */
  listClaims(p: PoolAddresses): Promise<Listed<ClaimAccount>[]> {
    return this.program.account.claim.all(ofPool(p));
  }

  /** Every product of the pool. */
  listProducts(p: PoolAddresses): Promise<Listed<ProductAccount>[]> {
    return this.program.account.product.all(ofPool(p));
  }

  /** The mandate at `mandate`, or null once closed. */
  fetchMandate(mandate: PublicKey): Promise<MandateAccount | null> {
    return this.program.account.mandate.fetchNullable(mandate);
  }

  /** Every open (not yet closed) mandate of the pool, oldest first. */
  async listMandates(p: PoolAddresses): Promise<Listed<MandateAccount>[]> {
    const all = await this.program.account.mandate.all(ofPool(p));
    return all.sort((a, b) => a.account.id.cmp(b.account.id));
  }

  // ----- pool administration (ADMIN) -----

  /**
   * Creates a pool for `mint` with the wallet as creator and first ADMIN. The token program is
   * read from the mint's owner unless given.
   */
  async initializePool(
    mint: PublicKey,
    config: PoolConfig,
    tokenProgram?: PublicKey,
  ): Promise<SendResult & { addresses: PoolAddresses }> {
    const program = tokenProgram ?? (await this.mintOwner(mint));
    const p = new PoolAddresses(this.wallet, mint, program);
    const result = await this.sendInstructions([
      ix.initializePool({ addresses: p, creator: this.wallet, config }),
    ]);
    return { ...result, addresses: p };
  }

  /**
   * Changes at once what only describes or protects: the name, pause / unpause, a longer time
   * lock (`TimeLockLowered` if shorter). Everything else is a queued change (`queueChange`).
   */
  updateConfig(p: PoolAddresses, changes: ImmediateConfig): Promise<SendResult> {
    return this.sendInstructions([ix.updateConfig({ addresses: p, admin: this.wallet, changes })]);
  }

  // ----- governance (queued changes) -----

  /**
   * ADMIN: queues `change` at the pool's next change id; anyone may apply it once the pool's
   * time lock has passed (`eta`), any ADMIN may cancel it before.
   */
  async queueChange(
    p: PoolAddresses,
    change: GovernanceChange,
  ): Promise<SendResult & QueuedChange & { eta: number }> {
    const id = (await this.fetchPool(p.pool)).nextChangeId.toNumber();
    const result = await this.sendInstructions([
      ix.queueChange({ addresses: p, admin: this.wallet, id, change }),
    ]);
    const queued = result.events.find((e) => e.name === "changeQueued");
    const eta = queued && queued.name === "changeQueued" ? queued.data.eta.toNumber() : 0;
    return { ...result, id, change: p.change(id), eta };
  }

  /** Anyone: applies the queued change at `change` once due (`ChangeNotDue` before its `eta`). */
  async applyChange(p: PoolAddresses, change: PublicKey): Promise<SendResult> {
    const pending = await this.program.account.pendingChange.fetch(change);
    return this.sendInstructions([
      ix.applyChange({
        addresses: p,
        applier: this.wallet,
        id: pending.id,
        proposer: pending.proposer,
        change: pending.change,
      }),
    ]);
  }

  /** ADMIN: cancels the queued change at `change` (its rent goes back to its proposer). */
  async cancelChange(p: PoolAddresses, change: PublicKey): Promise<SendResult> {
    const pending = await this.program.account.pendingChange.fetch(change);
    return this.sendInstructions([
      ix.cancelChange({ addresses: p, admin: this.wallet, id: pending.id, proposer: pending.proposer }),
    ]);
  }

  /**
   * ADMIN: queues `changes` in order, `perTransaction` per transaction (after `before`, sent
   * in the first one). On a pool whose time lock is 0 (fixtures) each is applied in the same
   * transaction, as `crates/client`'s `govern` does; otherwise they are only queued and wait
   * out the lock (`applied` says which).
   */
  async govern(
    p: PoolAddresses,
    changes: GovernanceChange[],
    options: { perTransaction?: number; before?: TransactionInstruction[] } = {},
  ): Promise<GovernResult> {
    const pool = await this.fetchPool(p.pool);
    const timeLock = pool.timeLock.toNumber();
    const applied = timeLock === 0;
    const first = pool.nextChangeId.toNumber();
    const perTransaction = options.perTransaction ?? 3;
    const sent: SendResult[] = [];
    const queued: QueuedChange[] = [];
    let before = options.before ?? [];
    for (let start = 0; start < changes.length || before.length > 0; start += perTransaction) {
      const ixs = [...before];
      before = [];
      for (const [offset, change] of changes.slice(start, start + perTransaction).entries()) {
        const id = first + start + offset;
        ixs.push(ix.queueChange({ addresses: p, admin: this.wallet, id, change }));
        if (applied) {
          ixs.push(ix.applyChange({ addresses: p, applier: this.wallet, id, proposer: this.wallet, change }));
        }
        queued.push({ id, change: p.change(id) });
      }
      sent.push(await this.sendInstructions(ixs));
    }
    return { sent, queued, applied, timeLock };
  }

  /** De-authorises `keeper` at once (its open proposals go stale; authorising is a queued change). */
  removeKeeper(p: PoolAddresses, keeper: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.removeKeeper({ addresses: p, admin: this.wallet, keeper })]);
  }

  /**
   * Registers a product (its limits, leg rules and markets) at the pool's next product id; it
   * starts disabled. With `enable`, the same transaction queues its `EnableProduct` change (and
   * applies it when the pool's time lock is 0: `enabled` says whether it is enabled now).
   */
  async registerProduct(
    p: PoolAddresses,
    spec: ProductSpec,
    options: { enable?: boolean } = {},
  ): Promise<SendResult & { product: PublicKey; id: number; enabled: boolean; queued: QueuedChange[] }> {
    const id = (await this.fetchPool(p.pool)).nextProductId.toNumber();
    const product = p.product(id);
    const register = ix.registerProduct({ addresses: p, admin: this.wallet, id, spec });
    if (options.enable) {
      const governed = await this.govern(p, [Change.enableProduct(product)], { before: [register] });
      return { ...governed.sent[0], product, id, enabled: governed.applied, queued: governed.queued };
    }
    const result = await this.sendInstructions([register]);
    return { ...result, product, id, enabled: false, queued: [] };
  }

  /** Disables `product` at once: its proposals can be neither made nor executed (enabling is a queued change). */
  disableProduct(p: PoolAddresses, product: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.disableProduct({ addresses: p, admin: this.wallet, product })]);
  }

  // ----- members -----

  /** Adds `amount` to the insurance reserve from `funderToken` (the wallet's ATA by default). */
  fundInsurance(p: PoolAddresses, amount: U64, funderToken?: PublicKey): Promise<SendResult> {
    return this.sendInstructions([
      ix.fundInsurance({ addresses: p, funder: this.wallet, amount, funderToken }),
    ]);
  }

  /**
   * Deposits `amount` for shares at once (at least `minSharesOut`) from `memberToken` (the
   * wallet's ATA by default); the first deposit creates the position. Refused with
   * `ProposalsLive` while a trade proposal may still execute: then use `requestDeposit` (or
   * `depositOrRequest`, which picks).
   */
  deposit(
    p: PoolAddresses,
    amount: U64,
    options: { minSharesOut?: U64; memberToken?: PublicKey } = {},
  ): Promise<SendResult> {
    return this.sendInstructions([ix.deposit({ addresses: p, member: this.wallet, amount, ...options })]);
  }

  /**
   * Deposits `amount` while trade proposals are live: the tokens move into the vault now, and
   * become shares (at the share price of that moment) when the request is settled, once every
   * proposal live now has ended (`readyAt`). The request is at the pool's next deposit id.
   */
  async requestDeposit(
    p: PoolAddresses,
    amount: U64,
    options: { memberToken?: PublicKey } = {},
  ): Promise<SendResult & { request: PublicKey; id: number }> {
    const id = (await this.fetchPool(p.pool)).nextDepositId.toNumber();
    const result = await this.sendInstructions([
      ix.requestDeposit({ addresses: p, member: this.wallet, id, amount, memberToken: options.memberToken }),
    ]);
    return { ...result, request: p.depositRequest(id), id };
  }

  /**
   * Deposits `amount` the way the pool allows now: at once for shares when no trade proposal
   * is live, otherwise as a request (`requested` says which was sent).
   */
  async depositOrRequest(
    p: PoolAddresses,
    amount: U64,
    options: { minSharesOut?: U64; memberToken?: PublicKey } = {},
  ): Promise<SendResult & { requested: boolean }> {
    if (await this.depositMustBeRequested(p)) {
      return { ...(await this.requestDeposit(p, amount, options)), requested: true };
    }
    return { ...(await this.deposit(p, amount, options)), requested: false };
  }

  /** The instruction settling queued `request` (the queue's head); `hasNext` when a later request exists. */
  private settleInstruction(
    p: PoolAddresses,
    request: QueuedDeposit,
    hasNext: boolean,
  ): TransactionInstruction {
    return ix.settleDeposit({
      addresses: p,
      settler: this.wallet,
      id: request.account.id,
      depositor: request.account.depositor,
      hasNext,
    });
  }

  /**
   * Settles the oldest deposit request (anyone may): it becomes shares at the current share
   * price and its rent goes back to the depositor. Refused (`DepositNotReady`) before its
   * `readyAt`.
   */
  async settleDeposit(p: PoolAddresses): Promise<SendResult> {
    const pool = await this.fetchPool(p.pool);
    const [head] = await this.pendingDeposits(p, 1);
    if (!head) throw new Error("no deposit request waits to be settled");
    const hasNext = head.account.id.addn(1).lt(pool.nextDepositId);
    return this.sendInstructions([this.settleInstruction(p, head, hasNext)]);
  }

  /**
   * Settles, in queue order, every deposit request ready at the cluster's clock (at most
   * `perTransaction` in one transaction, then the next); trades cannot execute while a ready
   * request waits. Returns the transactions sent (none when nothing was ready).
   */
  async settleReadyDeposits(p: PoolAddresses, perTransaction = 8): Promise<SendResult[]> {
    const sent: SendResult[] = [];
    for (;;) {
      const [pool, now] = await Promise.all([this.fetchPool(p.pool), this.chainTime()]);
      const queue = await this.pendingDeposits(p, perTransaction);
      const notReady = queue.findIndex((r) => r.account.readyAt.toNumber() > now);
      const ready = notReady < 0 ? queue : queue.slice(0, notReady);
      if (ready.length === 0) return sent;
      const ixs = ready.map((r) => this.settleInstruction(p, r, r.account.id.addn(1).lt(pool.nextDepositId)));
      sent.push(await this.sendInstructions(ixs));
    }
  }

  /**
   * Withdraws at the share value, receiving at least `minAmountOut` into `memberToken` (the
   * wallet's ATA by default). What remains must be nothing or worth at least the pool's
   * minimum contribution (else `WithdrawalLeavesDust`; see `withdrawalLeavesDust`).
   */
  withdraw(
    p: PoolAddresses,
    request: WithdrawRequest,
    options: { minAmountOut?: U64; memberToken?: PublicKey } = {},
  ): Promise<SendResult> {
    return this.sendInstructions([ix.withdraw({ addresses: p, member: this.wallet, request, ...options })]);
  }

  // ----- trades -----

  /** Keeper: proposes `legs` under `product` at the pool's next proposal id. */
  async proposeTrade(
    p: PoolAddresses,
    product: PublicKey,
    terms: TradeTerms,
    legs: RouteLeg[],
  ): Promise<SendResult & { proposal: PublicKey; id: number }> {
    const id = (await this.fetchPool(p.pool)).nextProposalId.toNumber();
    const result = await this.sendInstructions([
      ix.proposeTrade({ addresses: p, keeper: this.wallet, id, product, terms, legs }),
    ]);
    return { ...result, proposal: p.proposal(id), id };
  }

  /** Validator: approves `proposal`. */
  approveTrade(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.approveTrade({ addresses: p, validator: this.wallet, proposal })]);
  }

  /** Validator: rejects `proposal`, with a reason (at most 200 bytes). */
  rejectTrade(p: PoolAddresses, proposal: PublicKey, reason: string): Promise<SendResult> {
    return this.sendInstructions([
      ix.rejectTrade({ addresses: p, validator: this.wallet, proposal, reason }),
    ]);
  }

  /** Marks an expired or stale `proposal` Expired. */
  expireProposal(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.expireProposal({ addresses: p, proposal })]);
  }

  /**
   * Keeper or validator: runs the approved `proposal`'s stored route and distributes the gain.
   * The route's accounts are read from the proposal itself. Refused with
   * `DepositsAwaitingSettlement` while a ready deposit request waits: `settleReadyDeposits`
   * first.
   */
  async executeAndDistribute(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    const stored = await this.program.account.tradeProposal.fetch(proposal);
    return this.sendInstructions([
      ix.executeAndDistribute({
        addresses: p,
        executor: this.wallet,
        proposal,
        product: stored.product,
        legs: proposalRoute(stored),
      }),
    ]);
  }

  /** Returns a finished proposal's rent to its proposer. */
  async closeProposal(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    const { proposer } = await this.program.account.tradeProposal.fetch(proposal);
    return this.sendInstructions([ix.closeProposal({ addresses: p, proposal, proposer })]);
  }

  // ----- mandates -----

  /**
   * Keeper or ADMIN: proposes a mandate of `terms` under `product` at the pool's next mandate
   * id; validators approve it by the trade quorum within the pool's proposal lifetime, and it
   * becomes usable once the pool's time lock has passed after the deciding approval.
   */
  async proposeMandate(
    p: PoolAddresses,
    product: PublicKey,
    terms: MandateTerms,
  ): Promise<SendResult & { mandate: PublicKey; id: number }> {
    const id = (await this.fetchPool(p.pool)).nextMandateId.toNumber();
    const result = await this.sendInstructions([
      ix.proposeMandate({ addresses: p, proposer: this.wallet, id, product, terms }),
    ]);
    return { ...result, mandate: p.mandate(id), id };
  }

  /** Validator: approves `mandate`. */
  approveMandate(p: PoolAddresses, mandate: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.approveMandate({ addresses: p, validator: this.wallet, mandate })]);
  }

  /** Validator: rejects `mandate`, with a reason (at most 200 bytes). */
  rejectMandate(p: PoolAddresses, mandate: PublicKey, reason: string): Promise<SendResult> {
    return this.sendInstructions([
      ix.rejectMandate({ addresses: p, validator: this.wallet, mandate, reason }),
    ]);
  }

  /** LEAD or ADMIN: revokes `mandate` at once (a pending or approved one). */
  revokeMandate(p: PoolAddresses, mandate: PublicKey): Promise<SendResult> {
    return this.sendInstructions([ix.revokeMandate({ addresses: p, validator: this.wallet, mandate })]);
  }

  /**
   * Keeper: runs `legs` for `amountIn` under the active `mandate` in one transaction (no
   * proposal, no vote), accepting no less than `minProfit` (the mandate's own minimum,
   * `mandateRequiredProfit`, applies when higher). Refused with `DepositsAwaitingSettlement`
   * while a ready deposit request waits: `settleReadyDeposits` first.
   */
  async executeMandate(
    p: PoolAddresses,
    mandate: PublicKey,
    trade: { amountIn: U64; minProfit: U64; legs: RouteLeg[] },
  ): Promise<SendResult> {
    const { product } = await this.program.account.mandate.fetch(mandate);
    return this.sendInstructions([
      ix.executeMandate({ addresses: p, keeper: this.wallet, mandate, product, ...trade }),
    ]);
  }

  /** Returns a rejected, revoked, expired or stale mandate's rent to its proposer. */
  async closeMandate(p: PoolAddresses, mandate: PublicKey): Promise<SendResult> {
    const { proposer } = await this.program.account.mandate.fetch(mandate);
    return this.sendInstructions([ix.closeMandate({ addresses: p, mandate, proposer })]);
  }

  // ----- insurance claims -----

  /**
   * Member: files a claim of `amount` at the pool's next claim id: at most the member's stake
   * (`claimableStake`) and the reserve less pending claims, one open claim at a time.
   */
  async fileClaim(
    p: PoolAddresses,
    amount: U64,
    reason: string,
    proposalId?: U64,
  ): Promise<SendResult & { claim: PublicKey; id: number }> {
    const id = (await this.fetchPool(p.pool)).nextClaimId.toNumber();
    const result = await this.sendInstructions([
      ix.fileClaim({ addresses: p, claimant: this.wallet, id, amount, reason, proposalId }),
    ]);
    return { ...result, claim: p.claim(id), id };
  }

  /**
   * SENIOR+ validator other than the claimant: approves `claim`; the approval that reaches the
   * claim quorum pays it into `claimantToken` (the claimant's ATA by default).
   */
  async approveClaim(p: PoolAddresses, claim: PublicKey, claimantToken?: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.sendInstructions([
      ix.approveClaim({ addresses: p, validator: this.wallet, claim, claimant, claimantToken }),
    ]);
  }

  /**
   * SENIOR+ validator other than the claimant: denies `claim`, with a reason (kept when this
   * vote decides it).
   */
  async denyClaim(p: PoolAddresses, claim: PublicKey, reason: string): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.sendInstructions([
      ix.denyClaim({ addresses: p, validator: this.wallet, claim, claimant, reason }),
    ]);
  }

  /**
   * Marks an undecided `claim` past its `expiresAt` Expired (anyone may): the reserve stops
   * holding its amount back and the claimant may file again. `ClaimStillOpen` before then.
   */
  async expireClaim(p: PoolAddresses, claim: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.sendInstructions([ix.expireClaim({ addresses: p, claim, claimant })]);
  }

  /** Returns a paid, denied or expired claim's rent to its claimant. */
  async closeClaim(p: PoolAddresses, claim: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.sendInstructions([ix.closeClaim({ addresses: p, claim, claimant })]);
  }

  // ----- sending -----

  /** `owner`'s associated token account for the pool's asset. */
  assetAccount(p: PoolAddresses, owner: PublicKey): PublicKey {
    return assetTokenAccount(p, owner);
  }

  /**
   * Sends `ixs` (e.g. from `instructions`) as one transaction signed by the wallet and returns
   * its logs and Pool Bot events; a refusal is thrown as Anchor's `AnchorError`, with the
   * program's named error.
   */
  async sendInstructions(ixs: TransactionInstruction[]): Promise<SendResult> {
    let signature: TransactionSignature;
    try {
      signature = await this.provider.sendAndConfirm(new Transaction().add(...ixs));
    } catch (e) {
      throw translateError(e, parseIdlErrors(this.program.idl));
    }
    const logs = await transactionLogs(this.connection, signature);
    return { signature, logs, events: parsePoolBotEvents(logs) };
  }

  /**
   * Sends `ixs` as one v0 transaction loading accounts from `lookupTables`, with a compute
   * budget sized by simulation and priced by `feePolicy` (`buildVersionedTransaction`), signed
   * by the wallet, confirmed by blockhash expiry. `built` says what it declared; a refusal
   * (in the simulation or on chain) is thrown as Anchor's `AnchorError`, as `sendInstructions`
   * does.
   */
  async sendVersionedInstructions(
    ixs: TransactionInstruction[],
    options: { lookupTables?: AddressLookupTableAccount[]; feePolicy?: FeePolicy } = {},
  ): Promise<SendResult & { built: BuiltTransaction }> {
    let built: BuiltTransaction;
    let signature: TransactionSignature;
    try {
      built = await buildVersionedTransaction({
        connection: this.connection,
        payer: this.wallet,
        instructions: ixs,
        lookupTables: options.lookupTables,
        feePolicy: options.feePolicy,
        commitment: this.provider.opts.commitment,
      });
      await this.provider.wallet.signTransaction(built.transaction);
      signature = await submitVersioned(this.connection, built, this.provider.opts.commitment);
    } catch (e) {
      throw translateError(e, parseIdlErrors(this.program.idl));
    }
    const logs = await transactionLogs(this.connection, signature);
    return { signature, logs, events: parsePoolBotEvents(logs), built };
  }

  /**
   * Creates an address lookup table owned and paid by the wallet holding `addresses` (e.g.
   * `poolLookupTableAddresses`): one transaction creates it, one per `EXTEND_CHUNK` addresses
   * extends it; returns it once its entries can be used (a slot after the last extension).
   */
  async createLookupTable(addresses: PublicKey[]): Promise<AddressLookupTableAccount> {
    const recentSlot = await this.connection.getSlot("finalized");
    const authority = { authority: this.wallet, payer: this.wallet };
    const { lookupTable, instruction } = createPoolLookupTable({ ...authority, recentSlot });
    await this.sendInstructions([instruction]);
    for (const extend of extendLookupTable({ ...authority, lookupTable, addresses })) {
      await this.sendInstructions([extend]);
    }
    return waitForLookupTable(this.connection, lookupTable, addresses);
  }

  private async mintOwner(mint: PublicKey): Promise<PublicKey> {
    const info = await this.connection.getAccountInfo(mint);
    if (!info) throw new Error(`mint ${mint.toBase58()} does not exist`);
    return info.owner;
  }
}

/** Accounts whose `pool` field (right after the discriminator) is `p.pool`. */
function ofPool(p: PoolAddresses): GetProgramAccountsFilter[] {
  return [{ memcmp: { offset: 8, bytes: p.pool.toBase58() } }];
}
