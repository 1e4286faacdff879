/**
 * `PoolBotClient`: every Pool Bot instruction as one call, signed by the client's wallet, so
 * an app never builds an instruction or an account list by hand; plus fetching and listing
 * every account type. Each call returns the transaction's signature and its decoded events.
 */
import { AnchorProvider, parseIdlErrors, Program, translateError } from "@anchor-lang/core";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import {
  AccountMeta,
  ConfirmOptions,
  Connection,
  GetProgramAccountsFilter,
  Keypair,
  PublicKey,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  TransactionInstruction,
  TransactionSignature,
  VersionedTransaction,
} from "@solana/web3.js";
import {
  ClaimAccount,
  DepositRequestAccount,
  InsuranceReserveAccount,
  GovernanceChange,
  MemberPositionAccount,
  PendingChangeAccount,
  PoolAccount,
  ProductAccount,
  ProductCategoryName,
  productCategory,
  proposalRoute,
  TradeProposalAccount,
  ValidatorSetAccount,
} from "./accounts";
import { parsePoolBotEvents, PoolBotEvent, transactionLogs } from "./events";
import { POOL_BOT_IDL, PoolBot } from "./idl";
import { Change, changeProduct, ImmediateConfig } from "./governance";
import { depositMustBeRequested } from "./math";
import { PoolAddresses, toBN, U64 } from "./pdas";
import { LegRuleSpec, legRuleArgs } from "./products";
import { packRoute, RouteLeg } from "./route";
import { Buffer } from "buffer";

/** What a sent transaction left behind. */
export interface SendResult {
  signature: TransactionSignature;
  /** Its logs. */
  logs: string[];
  /** The Pool Bot events it emitted, in order. */
  events: PoolBotEvent[];
}

/** A pool's configuration as `initialize_pool` takes it. */
export interface PoolConfig {
  /** Display name, 1 to 32 bytes. */
  name: string;
  /** Most active members. */
  maxMembers: number;
  /** Smallest deposit, in base units. */
  minContribution: U64;
  /** Share of each trade's gain sent to the insurance reserve (500 = 5%). */
  insuranceBps: number;
  /** Trade approvals needed; the creator is the only validator at first. */
  requiredApprovals: number;
  /** Whether one trade approval must come from a LEAD or ADMIN. */
  requireLeadApproval: boolean;
  /** Seconds a proposal stays open (also the longest a requested deposit waits). */
  proposalTtl: U64;
  /** Claim approvals needed (SENIOR+ validators other than the claimant). */
  claimRequiredApprovals: number;
  /** Whether one claim approval must come from a LEAD or ADMIN. */
  claimRequireLeadApproval: boolean;
  /** Seconds a claim stays open for votes before anyone may expire it. */
  claimTtl: U64;
  /**
   * Seconds a governance change waits between being queued and applied: days in production
   * (members can withdraw first), 0 only for fixtures (changes then apply at once).
   */
  timeLock: U64;
}

/** A product as `register_product` takes it. */
export interface ProductSpec {
  name: string;
  category: ProductCategoryName;
  /** Largest `amountIn` a proposal may use. */
  maxTradeAmount: U64;
  /** Smallest `minProfit` a proposal may set. */
  minProfit: U64;
  /** Largest share of a DEX pool's input reserve a trade may take, in basis points. */
  maxLiquidityBps: number;
  /**
   * What each leg of its routes may do: 1 to 4 rules (e.g. `localAmmSwapRule()`), never on
   * Pool Bot itself.
   */
  legRules: LegRuleSpec[];
  /** Markets (DEX pool accounts) its legs may trade on: at most 16, each once; empty = any. */
  markets: PublicKey[];
}

/** Economics of a trade proposal. */
export interface TradeTerms {
  /** Vault amount the route puts in. */
  amountIn: U64;
  /** Gain expected. */
  expectedProfit: U64;
  /** Least gain accepted (the execution fails below it). */
  minProfit: U64;
}

/** What a withdrawal asks for: exactly these shares, or exactly this amount. */
export type WithdrawRequest = { shares: U64 } | { amount: U64 };

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

/** Options every SDK provider uses unless told otherwise: confirm and simulate at `confirmed`. */
export const DEFAULT_CONFIRM_OPTIONS: ConfirmOptions = {
  commitment: "confirmed",
  preflightCommitment: "confirmed",
};

/**
 * The unix time of `connection`'s cluster as programs see it (the `Clock` sysvar), which may
 * differ from this machine's clock.
 */
export async function chainTime(connection: Connection): Promise<number> {
  const info = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  if (!info) throw new Error("the cluster has no Clock sysvar");
  // Clock: slot u64, epoch_start_timestamp i64, epoch u64, leader_schedule_epoch u64, unix_timestamp i64
  return Number(Buffer.from(info.data).readBigInt64LE(32));
}

/**
 * A wallet that signs with a keypair in memory (scripts, tests, a localnet burner wallet).
 * Unlike Anchor's `Wallet` it also works in the browser build of `@anchor-lang/core`.
 */
export class KeypairWallet {
  constructor(readonly payer: Keypair) {}

  /** The keypair's public key. */
  get publicKey(): PublicKey {
    return this.payer.publicKey;
  }

  /** Signs `tx` (a legacy or versioned transaction) and returns it. */
  async signTransaction<T extends Transaction | VersionedTransaction>(tx: T): Promise<T> {
    if (tx instanceof VersionedTransaction) tx.sign([this.payer]);
    else tx.partialSign(this.payer);
    return tx;
  }

  /** Signs every transaction of `txs`. */
  async signAllTransactions<T extends Transaction | VersionedTransaction>(txs: T[]): Promise<T[]> {
    return Promise.all(txs.map((tx) => this.signTransaction(tx)));
  }
}

/** An Anchor provider on `connection` whose wallet is `keypair`. */
export function keypairProvider(
  connection: Connection,
  keypair: Keypair,
  options: ConfirmOptions = DEFAULT_CONFIRM_OPTIONS,
): AnchorProvider {
  return new AnchorProvider(connection, new KeypairWallet(keypair), options);
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
    const args = {
      name: config.name,
      maxMembers: config.maxMembers,
      minContribution: toBN(config.minContribution),
      insuranceBps: config.insuranceBps,
      requiredApprovals: config.requiredApprovals,
      requireLeadApproval: config.requireLeadApproval,
      proposalTtl: toBN(config.proposalTtl),
      claimRequiredApprovals: config.claimRequiredApprovals,
      claimRequireLeadApproval: config.claimRequireLeadApproval,
      claimTtl: toBN(config.claimTtl),
      timeLock: toBN(config.timeLock),
    };
    const result = await this.send(
      this.program.methods.initializePool(args).accountsStrict({
        creator: this.wallet,
        mint,
        pool: p.pool,
        vault: p.vault,
        validatorSet: p.validatorSet,
        insurance: p.insurance,
        insuranceVault: p.insuranceVault,
        tokenProgram: program,
        systemProgram: SystemProgram.programId,
      }),
    );
    return { ...result, addresses: p };
  }

  /**
   * Changes at once what only describes or protects: the name, pause / unpause, a longer time
   * lock (`TimeLockLowered` if shorter). Everything else is a queued change (`queueChange`).
   */
  updateConfig(p: PoolAddresses, changes: ImmediateConfig): Promise<SendResult> {
    const args = {
      name: changes.name ?? null,
      paused: changes.paused ?? null,
      timeLock: changes.timeLock === undefined ? null : toBN(changes.timeLock),
    };
    return this.send(
      this.program.methods
        .updateConfig(args)
        .accountsStrict({ admin: this.wallet, pool: p.pool, validatorSet: p.validatorSet }),
    );
  }

  // ----- governance (queued changes) -----

  /** The `queue_change` instruction queueing `change` as change `id` (the pool's `nextChangeId`). */
  queueChangeInstruction(
    p: PoolAddresses,
    id: U64,
    change: GovernanceChange,
  ): Promise<TransactionInstruction> {
    return this.program.methods
      .queueChange({ change })
      .accountsStrict({
        admin: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        change: p.change(id),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
  }

  /**
   * The `apply_change` instruction of change `id` (doing `change`, queued by `proposer`, who
   * gets its rent back); the product is passed for an `EnableProduct` change.
   */
  applyChangeInstruction(
    p: PoolAddresses,
    id: U64,
    proposer: PublicKey,
    change: GovernanceChange,
  ): Promise<TransactionInstruction> {
    return this.program.methods
      .applyChange()
      .accountsStrict({
        applier: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        change: p.change(id),
        proposer,
        product: changeProduct(change),
      })
      .instruction();
  }

  /**
   * ADMIN: queues `change` at the pool's next change id; anyone may apply it once the pool's
   * time lock has passed (`eta`), any ADMIN may cancel it before.
   */
  async queueChange(
    p: PoolAddresses,
    change: GovernanceChange,
  ): Promise<SendResult & QueuedChange & { eta: number }> {
    const id = (await this.fetchPool(p.pool)).nextChangeId.toNumber();
    const result = await this.sendInstructions([await this.queueChangeInstruction(p, id, change)]);
    const queued = result.events.find((e) => e.name === "changeQueued");
    const eta = queued && queued.name === "changeQueued" ? queued.data.eta.toNumber() : 0;
    return { ...result, id, change: p.change(id), eta };
  }

  /** Anyone: applies the queued change at `change` once due (`ChangeNotDue` before its `eta`). */
  async applyChange(p: PoolAddresses, change: PublicKey): Promise<SendResult> {
    const pending = await this.program.account.pendingChange.fetch(change);
    return this.sendInstructions([
      await this.applyChangeInstruction(p, pending.id, pending.proposer, pending.change),
    ]);
  }

  /** ADMIN: cancels the queued change at `change` (its rent goes back to its proposer). */
  async cancelChange(p: PoolAddresses, change: PublicKey): Promise<SendResult> {
    const pending = await this.program.account.pendingChange.fetch(change);
    return this.send(
      this.program.methods.cancelChange().accountsStrict({
        admin: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        change,
        proposer: pending.proposer,
      }),
    );
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
        ixs.push(await this.queueChangeInstruction(p, id, change));
        if (applied) ixs.push(await this.applyChangeInstruction(p, id, this.wallet, change));
        queued.push({ id, change: p.change(id) });
      }
      sent.push(await this.sendInstructions(ixs));
    }
    return { sent, queued, applied, timeLock };
  }

  /** De-authorises `keeper` at once (its open proposals go stale; authorising is a queued change). */
  removeKeeper(p: PoolAddresses, keeper: PublicKey): Promise<SendResult> {
    return this.send(this.program.methods.removeKeeper({ keeper }).accountsStrict(this.adminAccounts(p)));
  }

  /** The `register_product` instruction registering `spec` as product `id`. */
  registerProductInstruction(p: PoolAddresses, id: U64, spec: ProductSpec): Promise<TransactionInstruction> {
    const args = {
      name: spec.name,
      category: productCategory(spec.category),
      config: {
        maxTradeAmount: toBN(spec.maxTradeAmount),
        minProfit: toBN(spec.minProfit),
        maxLiquidityBps: spec.maxLiquidityBps,
      },
      legRules: spec.legRules.map(legRuleArgs),
      markets: spec.markets,
    };
    return this.program.methods
      .registerProduct(args)
      .accountsStrict({
        admin: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        product: p.product(id),
        systemProgram: SystemProgram.programId,
      })
      .instruction();
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
    const register = await this.registerProductInstruction(p, id, spec);
    if (options.enable) {
      const governed = await this.govern(p, [Change.enableProduct(product)], { before: [register] });
      return { ...governed.sent[0], product, id, enabled: governed.applied, queued: governed.queued };
    }
    const result = await this.sendInstructions([register]);
    return { ...result, product, id, enabled: false, queued: [] };
  }

  /** Disables `product` at once: its proposals can be neither made nor executed (enabling is a queued change). */
  disableProduct(p: PoolAddresses, product: PublicKey): Promise<SendResult> {
    return this.send(this.program.methods.disableProduct().accountsStrict(this.productAccounts(p, product)));
  }

  // ----- members -----

  /** Adds `amount` to the insurance reserve from `funderToken` (the wallet's ATA by default). */
  fundInsurance(p: PoolAddresses, amount: U64, funderToken?: PublicKey): Promise<SendResult> {
    return this.send(
      this.program.methods.fundInsurance({ amount: toBN(amount) }).accountsStrict({
        funder: this.wallet,
        pool: p.pool,
        insurance: p.insurance,
        insuranceVault: p.insuranceVault,
        funderToken: funderToken ?? this.assetAccount(p, this.wallet),
        mint: p.mint,
        tokenProgram: p.tokenProgram,
      }),
    );
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
    const args = { amount: toBN(amount), minSharesOut: toBN(options.minSharesOut ?? 0) };
    return this.send(
      this.program.methods.deposit(args).accountsStrict({
        member: this.wallet,
        pool: p.pool,
        position: p.member(this.wallet),
        memberToken: options.memberToken ?? this.assetAccount(p, this.wallet),
        vault: p.vault,
        mint: p.mint,
        tokenProgram: p.tokenProgram,
        systemProgram: SystemProgram.programId,
      }),
    );
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
    const request = p.depositRequest(id);
    const result = await this.send(
      this.program.methods.requestDeposit({ amount: toBN(amount) }).accountsStrict({
        member: this.wallet,
        pool: p.pool,
        position: p.member(this.wallet),
        request,
        memberToken: options.memberToken ?? this.assetAccount(p, this.wallet),
        vault: p.vault,
        mint: p.mint,
        tokenProgram: p.tokenProgram,
        systemProgram: SystemProgram.programId,
      }),
    );
    return { ...result, request, id };
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

  /**
   * The instruction settling queued request `request` (it must be the queue's head); `hasNext`
   * when a later request exists, which the program then requires as `next_request`.
   */
  settleDepositInstruction(
    p: PoolAddresses,
    request: QueuedDeposit,
    hasNext: boolean,
  ): Promise<TransactionInstruction> {
    const id = request.account.id;
    return this.program.methods
      .settleDeposit()
      .accountsStrict({
        settler: this.wallet,
        pool: p.pool,
        request: request.publicKey,
        depositor: request.account.depositor,
        position: p.member(request.account.depositor),
        nextRequest: hasNext ? p.depositRequest(id.addn(1)) : null,
      })
      .instruction();
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
    const ix = await this.settleDepositInstruction(p, head, hasNext);
    return this.sendInstructions([ix]);
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
      const ixs = await Promise.all(
        ready.map((r) => this.settleDepositInstruction(p, r, r.account.id.addn(1).lt(pool.nextDepositId))),
      );
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
    const args = {
      request:
        "shares" in request
          ? { shares: { 0: toBN(request.shares) } }
          : { amount: { 0: toBN(request.amount) } },
      minAmountOut: toBN(options.minAmountOut ?? 0),
    };
    return this.send(
      this.program.methods.withdraw(args).accountsStrict({
        member: this.wallet,
        pool: p.pool,
        position: p.member(this.wallet),
        memberToken: options.memberToken ?? this.assetAccount(p, this.wallet),
        vault: p.vault,
        mint: p.mint,
        tokenProgram: p.tokenProgram,
      }),
    );
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
    const proposal = p.proposal(id);
    const route = packRoute(legs);
    const args = {
      amountIn: toBN(terms.amountIn),
      expectedProfit: toBN(terms.expectedProfit),
      minProfit: toBN(terms.minProfit),
      legs: route.legs,
    };
    const result = await this.send(
      this.program.methods
        .proposeTrade(args)
        .accountsStrict({
          keeper: this.wallet,
          pool: p.pool,
          validatorSet: p.validatorSet,
          product,
          proposal,
          systemProgram: SystemProgram.programId,
        })
        .remainingAccounts(route.remaining),
    );
    return { ...result, proposal, id };
  }

  /** Validator: approves `proposal`. */
  approve(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    return this.send(this.program.methods.approve().accountsStrict(this.voteAccounts(p, proposal)));
  }

  /** Validator: rejects `proposal`, with a reason (at most 200 bytes). */
  reject(p: PoolAddresses, proposal: PublicKey, reason: string): Promise<SendResult> {
    return this.send(this.program.methods.reject({ reason }).accountsStrict(this.voteAccounts(p, proposal)));
  }

  /** Marks an expired or stale `proposal` Expired. */
  expireProposal(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    return this.send(this.program.methods.expireProposal().accountsStrict({ pool: p.pool, proposal }));
  }

  /**
   * Keeper or validator: runs the approved `proposal`'s stored route and distributes the gain.
   * The route's accounts are read from the proposal itself. Refused with
   * `DepositsAwaitingSettlement` while a ready deposit request waits: `settleReadyDeposits`
   * first.
   */
  async executeAndDistribute(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    const stored = await this.program.account.tradeProposal.fetch(proposal);
    const remaining: AccountMeta[] = packRoute(proposalRoute(stored)).remaining;
    return this.send(
      this.program.methods
        .executeAndDistribute()
        .accountsStrict({
          executor: this.wallet,
          pool: p.pool,
          validatorSet: p.validatorSet,
          proposal,
          product: stored.product,
          vault: p.vault,
          mint: p.mint,
          insurance: p.insurance,
          insuranceVault: p.insuranceVault,
          tokenProgram: p.tokenProgram,
        })
        .remainingAccounts(remaining),
    );
  }

  /** Returns a finished proposal's rent to its proposer. */
  async closeProposal(p: PoolAddresses, proposal: PublicKey): Promise<SendResult> {
    const { proposer } = await this.program.account.tradeProposal.fetch(proposal);
    return this.send(
      this.program.methods.closeProposal().accountsStrict({ pool: p.pool, proposal, proposer }),
    );
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
    const claim = p.claim(id);
    const args = {
      amount: toBN(amount),
      reason,
      proposalId: proposalId === undefined ? null : toBN(proposalId),
    };
    const result = await this.send(
      this.program.methods.fileClaim(args).accountsStrict({
        claimant: this.wallet,
        pool: p.pool,
        position: p.member(this.wallet),
        insurance: p.insurance,
        insuranceVault: p.insuranceVault,
        claim,
        systemProgram: SystemProgram.programId,
      }),
    );
    return { ...result, claim, id };
  }

  /**
   * SENIOR+ validator other than the claimant: approves `claim`; the approval that reaches the
   * claim quorum pays it into `claimantToken` (the claimant's ATA by default).
   */
  async approveClaim(p: PoolAddresses, claim: PublicKey, claimantToken?: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.send(
      this.program.methods.approveClaim().accountsStrict({
        validator: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        claim,
        position: p.member(claimant),
        insurance: p.insurance,
        insuranceVault: p.insuranceVault,
        claimantToken: claimantToken ?? this.assetAccount(p, claimant),
        mint: p.mint,
        tokenProgram: p.tokenProgram,
      }),
    );
  }

  /**
   * SENIOR+ validator other than the claimant: denies `claim`, with a reason (kept when this
   * vote decides it).
   */
  async denyClaim(p: PoolAddresses, claim: PublicKey, reason: string): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.send(
      this.program.methods.denyClaim({ reason }).accountsStrict({
        validator: this.wallet,
        pool: p.pool,
        validatorSet: p.validatorSet,
        claim,
        position: p.member(claimant),
        insurance: p.insurance,
        insuranceVault: p.insuranceVault,
      }),
    );
  }

  /**
   * Marks an undecided `claim` past its `expiresAt` Expired (anyone may): the reserve stops
   * holding its amount back and the claimant may file again. `ClaimStillOpen` before then.
   */
  async expireClaim(p: PoolAddresses, claim: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.send(
      this.program.methods.expireClaim().accountsStrict({
        pool: p.pool,
        claim,
        insurance: p.insurance,
        position: p.member(claimant),
      }),
    );
  }

  /** Returns a paid, denied or expired claim's rent to its claimant. */
  async closeClaim(p: PoolAddresses, claim: PublicKey): Promise<SendResult> {
    const { claimant } = await this.program.account.claim.fetch(claim);
    return this.send(this.program.methods.closeClaim().accountsStrict({ pool: p.pool, claim, claimant }));
  }

  // ----- helpers -----

  /** `owner`'s associated token account for the pool's asset. */
  assetAccount(p: PoolAddresses, owner: PublicKey): PublicKey {
    return getAssociatedTokenAddressSync(p.mint, owner, true, p.tokenProgram);
  }

  private async mintOwner(mint: PublicKey): Promise<PublicKey> {
    const info = await this.connection.getAccountInfo(mint);
    if (!info) throw new Error(`mint ${mint.toBase58()} does not exist`);
    return info.owner;
  }

  private adminAccounts(p: PoolAddresses) {
    return { admin: this.wallet, pool: p.pool, validatorSet: p.validatorSet };
  }

  private productAccounts(p: PoolAddresses, product: PublicKey) {
    return { ...this.adminAccounts(p), product };
  }

  private voteAccounts(p: PoolAddresses, proposal: PublicKey) {
    return { validator: this.wallet, pool: p.pool, validatorSet: p.validatorSet, proposal };
  }

  private async send(builder: { rpc(): Promise<TransactionSignature> }): Promise<SendResult> {
    const signature = await builder.rpc();
    const logs = await transactionLogs(this.connection, signature);
    return { signature, logs, events: parsePoolBotEvents(logs) };
  }

  /** Sends `ixs` as one transaction; a refusal is thrown as Anchor's `AnchorError`, as `.rpc()` does. */
  private async sendInstructions(ixs: TransactionInstruction[]): Promise<SendResult> {
    let signature: TransactionSignature;
    try {
      signature = await this.provider.sendAndConfirm(new Transaction().add(...ixs));
    } catch (e) {
      throw translateError(e, parseIdlErrors(this.program.idl));
    }
    const logs = await transactionLogs(this.connection, signature);
    return { signature, logs, events: parsePoolBotEvents(logs) };
  }
}

/** Accounts whose `pool` field (right after the discriminator) is `p.pool`. */
function ofPool(p: PoolAddresses): GetProgramAccountsFilter[] {
  return [{ memcmp: { offset: 8, bytes: p.pool.toBase58() } }];
}
