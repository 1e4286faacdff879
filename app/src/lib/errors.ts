/**
 * A failed transaction as one sentence a person understands: the program's named errors (read
 * with the SDK's `decodeProgramError`), Anchor's account checks, the token program's refusals,
 * wallet and network failures. Never a raw log. The sentences follow the CLI's
 * (`crates/cli/src/explain.rs`), with the web app's own words for what to do next.
 */
import { decodeProgramError, POOL_BOT_PROGRAM_ID } from "@poolbot/sdk";
import { formatAmount, shortAddress } from "./format";

/** What the person tried, which decides who may do it and what to suggest. */
export type Action =
  | "deposit"
  | "settle"
  | "withdraw"
  | "tradeVote"
  | "execute"
  | "expire"
  | "close"
  | "fileClaim"
  | "claimVote"
  | "expireClaim"
  | "fund"
  | "manage"
  | "proposeMandate"
  | "mandateVote"
  | "revokeMandate";

/** What a sentence may mention. */
export interface ErrorFacts {
  action: Action;
  /** The signing wallet (base58). */
  wallet?: string;
  /** The wallet's validator role in this pool, if any (`lead`). */
  role?: string | null;
  /** The pool's token and limits, when loaded. */
  pool?: {
    symbol: string;
    decimals: number;
    minContribution: bigint;
    maxMembers: number;
  };
}

/** A failure explained. */
export interface Explained {
  /** The sentence shown. */
  sentence: string;
  /** The program's error name when it was a program refusal (`BelowMinContribution`). */
  name?: string;
}

const MIN_ROLE: Partial<Record<Action, string>> = {
  manage: "ADMIN",
  tradeVote: "JUNIOR",
  claimVote: "SENIOR",
  mandateVote: "JUNIOR",
  revokeMandate: "LEAD",
};

const WHAT: Record<Action, string> = {
  deposit: "deposit",
  settle: "settle deposit requests",
  withdraw: "withdraw",
  tradeVote: "vote on trade proposals",
  execute: "execute approved proposals",
  expire: "mark proposals expired",
  close: "close finished accounts",
  fileClaim: "file insurance claims",
  claimVote: "vote on insurance claims",
  expireClaim: "mark claims expired",
  fund: "fund the insurance reserve",
  manage: "manage validators, keepers, products and the configuration, or queue and cancel changes",
  proposeMandate: "propose mandates",
  mandateVote: "vote on mandates",
  revokeMandate: "revoke mandates",
};

/** Sentences that need no facts, keyed by Pool Bot error name. */
export const SENTENCES: Record<string, string> = {
  MathOverflow: "The amounts involved overflow the program's arithmetic. Use a smaller amount.",
  ZeroAmount: "The amount is zero, or rounds to zero at the current share value. Enter a larger amount.",
  ZeroShares: "This deposit is too small to mint a single share at the current share value. Deposit more.",
  SlippageSharesOut:
    "The share value moved: this deposit would mint fewer shares than your slippage bound allows. Try again, or allow more slippage.",
  SlippageAmountOut:
    "The share value moved: this withdrawal would pay less than your slippage bound allows. Try again, or allow more slippage.",
  InsufficientShares: "You do not hold that many shares. Withdraw at most your position, or choose “All”.",
  InvalidBps: "Percentages must be between 0% and 100%.",
  InvalidName: "A name must be 1 to 32 bytes long.",
  TextTooLong: "The text is longer than 200 bytes. Shorten it.",
  InvalidMaxMembers: "Max members must be at least 1. Enter 1 or more.",
  MaxMembersBelowActive:
    "Max members cannot go below the number of active members. Enter at least the current member count.",
  InvalidMinContribution: "The minimum deposit must be more than 0. Enter a positive amount.",
  InvalidProposalTtl: "A proposal lifetime must be between 1 second and 7 days. Choose one in that range.",
  InvalidClaimTtl: "A claim lifetime must be between 1 second and 90 days. Choose one in that range.",
  InvalidTimeLock: "The time lock must be between 0 and 90 days. Choose one in that range.",
  InvalidMaxTradeAmount:
    "A product's max trade must be more than 0: a product whose trades may put in nothing could never trade. Enter a positive amount.",
  InvalidFlag: "A stored flag is neither 0 nor 1: the account is corrupt. Report this to the pool's ADMIN.",
  PoolPaused:
    "The pool is paused: deposits, proposals and executions are blocked until an ADMIN resumes it. Withdrawals still work.",
  WrongPool: "An account belongs to a different pool. Reload the page and try again.",
  WrongMint: "The token account holds a different token than the pool's.",
  WrongVault: "The vault passed is not the pool's vault. Reload the page and try again.",
  WrongProduct: "The product passed is not the proposal's product. Reload the page and try again.",
  WrongTokenOwner: "The token account does not belong to the claimant.",
  WrongRentReceiver:
    "Rent must go back to the account that paid it (the proposer, the claimant, the depositor or the ADMIN who queued the change).",
  DuplicateValidator: "That wallet is already a validator. Change its role in the table instead.",
  DuplicateKeeper: "That wallet is already a keeper of this pool. Nothing to do.",
  ValidatorSetFull: "The validator set is full (32 validators). Remove one first.",
  KeeperListFull: "The keeper list is full (16 keepers). Remove one first.",
  KeeperNotFound: "That wallet is not a keeper of this pool.",
  InvalidRole: "Unknown validator role. Use JUNIOR, SENIOR, LEAD or ADMIN.",
  InvalidQuorum:
    "Each quorum (trades and claims) must be between 1 and the number of SENIOR, LEAD and ADMIN validators (they decide claims). Add validators first, or lower the quorum.",
  LastAdmin: "At least one ADMIN must remain. Make another validator ADMIN first.",
  ProductDisabled:
    "The product is disabled, so its trades can be neither proposed nor executed. An ADMIN can enable it on the Admin page.",
  ProductStateUnchanged: "The product is already in that state. Nothing to do.",
  TooManyPrograms: "A product may allow at most 8 programs.",
  ProgramNotAllowed:
    "The route calls a program none of its product's leg rules names. Only routes within the product's rules (Admin page) can be proposed or executed.",
  InvalidLegRule:
    "A leg rule needs an instruction prefix of 1 to 8 bytes and different source and destination accounts. Fix the rule and try again.",
  TooManyLegRules: "A product declares 1 to 4 leg rules. Keep between one and four rules.",
  TooManyMarkets: "A product may list at most 16 markets, each once. Remove repeated or extra markets.",
  LegNotAllowed:
    "A leg of the route calls an instruction none of its product's leg rules allows (a token transfer or approval, say). Only routes within the product's rules (Admin page) can be proposed or executed.",
  LegAccountNotPoolOwned:
    "A leg of the route spends from or pays into a token account the pool does not own, so nothing moved. Every swap must pay into the pool's own accounts: reject this proposal.",
  MarketNotAllowed:
    "A leg of the route trades on a market its product does not list, so nothing moved. Routes may only use the product's markets (Admin page).",
  RouteSpentTooMuch:
    "The route would take more from the vault than the approved amount in, so nothing moved. Reject this proposal.",
  RouteDrainedPoolAccount:
    "The route would leave one of the pool's token accounts with less, another owner, a delegate or a close authority, so nothing moved. Reject this proposal.",
  TradeTooLarge: "The trade is larger than its product's maximum trade size.",
  TradeExceedsPool: "The trade puts in more than the pool holds.",
  InvalidMinProfit:
    "The minimum profit must be at least the product's floor and at most the expected profit.",
  InvalidRouteLength: "A route has 1 to 4 legs.",
  RouteLegTooLarge: "A route leg has too many accounts or too much data.",
  RouteMismatch: "The route does not match the approved route, so nothing moved.",
  ProposalInRoute: "A route leg may not pass the proposal account.",
  RouteSignerNotAllowed: "Only the pool may sign a route leg.",
  RouteAccountMissing: "An account the stored route names was not supplied. Reload the page and try again.",
  RouteSelfInvocation: "A route may not call the Pool Bot program itself, and a product may not allow it.",
  ProposalNotPending:
    "The proposal is no longer pending (already approved, rejected, executed or expired), so voting has closed.",
  ProposalNotApproved: "The proposal has not reached its quorum yet, so it cannot be executed.",
  ProposalExpired:
    "The proposal has expired: it can no longer be approved or executed. The keeper must propose the trade again.",
  ProposalStale:
    "The proposal is stale: validators, roles or the quorum changed after it was made, so its votes no longer count. The keeper must propose the trade again.",
  ProposalStillLive:
    "The proposal is still live (neither expired nor stale), so it cannot be marked expired yet.",
  ProposalNotFinished:
    "The proposal is not finished (executed, rejected or expired), so it cannot be closed yet.",
  ProposalFinished: "The proposal is already finished (executed, rejected or expired). Nothing to do.",
  AlreadyVoted: "You have already voted on this; each validator votes once.",
  ProfitBelowMinimum:
    "Executing now would gain less than the approved minimum profit (prices moved), so nothing moved. Let the proposal expire; the keeper can propose a fresh route.",
  VaultAuthorityChanged:
    "The route would change the vault's owner, delegate or close authority, so nothing moved. Reject this proposal.",
  ClaimExceedsReserve:
    "The claim is larger than the insurance reserve holds beyond the claims already pending. Claim at most the amount shown as available.",
  ClaimNotPending: "The claim is already decided (paid, denied or expired), so voting has closed.",
  ClaimNotFinished: "The claim is not decided yet, so it cannot be closed.",
  UnknownProposal:
    "The claim names a trade this pool never proposed. Check the trade's id, or leave it empty.",
  ProposalsLive:
    "A trade proposal is live, so a deposit cannot buy shares at once (it would share in that trade's profit). Request the deposit instead: it becomes shares when the proposal ends.",
  DepositsAwaitingSettlement:
    "A deposit request is ready and must be settled before any trade executes (so it is priced before the trade's profit). Settle the ready deposits (anyone may), then execute.",
  WrongDepositRequest:
    "Deposit requests are settled oldest first, each with the one after it. Reload the page and try again.",
  DepositNotReady:
    "This deposit request is not ready yet: a trade proposal live when it was made may still execute. Settle it after the time shown.",
  BooksOutOfBalance:
    "The pool's books would no longer balance, so the program refused. Nothing moved; report this to the pool's ADMIN.",
  WithdrawalLeavesDust:
    "That withdrawal would leave less than the pool's minimum contribution in your position. Withdraw everything, or leave at least the minimum.",
  ClaimAlreadyOpen:
    "You already have a claim awaiting a decision. Wait until it is decided or expires (then the pool's claim time), then file again.",
  MandateMarkets: "A mandate lists 1 to 8 markets, each once. Fix the market list and propose again.",
  MandateMarketNotAllowed:
    "A market of the mandate is not on its product's market list. Propose only markets the product lists.",
  MandateBudget:
    "A mandate's budget needs a period of a minute to 30 days, at least one trade per period, and a notional per period at least its largest trade. Fix the budget and propose again.",
  MandateDuration: "A mandate stands from 1 second to 30 days. Choose a shorter duration.",
  MandateMinProfitTooLow: "The mandate's minimum profit is below its product's minimum profit. Raise it.",
  MandateNotPending:
    "The mandate is no longer open for votes. See where it stands with the Mandates section.",
  MandateNotApproved:
    "The mandate is not approved yet: no trade can run under it. Wait for the validators' votes.",
  MandateNotYetActive:
    "The mandate is approved but waits out the pool's time lock before its first use. Try again after the time shown by the Mandates section.",
  MandateExpired: "The mandate's vote window or lifetime has ended. Propose a new mandate.",
  MandateStale:
    "The validators, the quorum or the pool's terms changed since the mandate was proposed, so it can no longer be used. Propose it again.",
  MandateRevoked:
    "A LEAD or ADMIN revoked this mandate: no trade can run under it. Propose a new one if needed.",
  MandateNotRevocable: "Only a pending or approved mandate can be revoked; this one is already finished.",
  MandateNotFinished: "The mandate can still be voted on or used, so it cannot be closed yet.",
  MandateAmountTooLarge:
    "The trade is larger than the mandate allows per trade. Trade at most the mandate's max amount in.",
  MandateBudgetExceeded:
    "The mandate's budget for this period (trades or notional) is spent. Wait for the next period or propose the trade for a vote.",
  MandateRouteNotClosed:
    "A mandate's route must spend from the pool's vault first and pay back into it last. Build a route that returns to the pool's asset.",
  NotKeeperOrAdmin:
    "Only an authorised keeper or an ADMIN may propose a mandate. Ask an ADMIN to add your key as a keeper.",
  ClaimCooldown:
    "Your last claim was denied or expired, so you may file again only after the pool's claim time has passed. Try again later.",
  ClaimExceedsStake:
    "A claim may ask at most your capital at stake: what you deposited, less what you withdrew and claims already paid. Claim at most the amount shown.",
  ClaimantCannotVote: "You filed this claim, so you cannot vote on it: the other validators decide it.",
  ClaimExpired:
    "The claim has expired: its voting time ran out, so it can no longer be approved or denied. Anyone may mark it expired; the claimant may file again.",
  ClaimStillOpen: "The claim is still open for votes, so it cannot be marked expired yet.",
  MintTransferFee:
    "This token charges a fee on every transfer, so the vault would receive less than members are credited. Choose a token without transfer fees.",
  MintTransferHook:
    "This token runs a transfer hook program that could block every withdrawal. Choose a token without a transfer hook.",
  MintPermanentDelegate:
    "This token has a permanent delegate who could move the vault's tokens. Choose a token without one.",
  MintPausable:
    "This token can be paused by its issuer, freezing every withdrawal. Choose a token that cannot be paused.",
  MintNonTransferable:
    "This token cannot be transferred, so it cannot be deposited or withdrawn. Choose another token.",
  MintDefaultAccountState:
    "This token's accounts may start frozen, which could freeze the vault. Choose a token without a default account state.",
  MintConfidentialTransfers:
    "This token allows confidential transfers, so balances could move unseen by the pool's books. Choose a token without them.",
  MintExtensionNotSupported:
    "This token uses a Token-2022 extension the pool does not support (a mint close authority among them: its issuer could close and re-create the mint). Choose a plain SPL token or a supported Token-2022 mint.",
  ChangeNotDue:
    "This change is still waiting out the pool's time lock, so members can withdraw first. Apply it once its countdown has ended.",
  TimeLockLowered:
    "The time lock can only be raised at once. Lowering it is itself a change that waits out the current lock: queue it in the configuration.",
};

function roleLabel(role: string): string {
  return role.toUpperCase();
}

/** The sentence for Pool Bot error `name` with `facts`, if it is one of the program's. */
export function explainPoolBotError(name: string, facts: ErrorFacts): string | null {
  const me = facts.wallet ? shortAddress(facts.wallet) : "This wallet";
  const pool = facts.pool;
  switch (name) {
    case "BelowMinContribution": {
      if (!pool)
        return "Deposit is below the pool's minimum contribution. Deposit at least the minimum shown.";
      const min = formatAmount(pool.minContribution, pool.decimals, {
        maxFraction: pool.decimals,
        minFraction: 0,
        symbol: pool.symbol,
      });
      return `Deposit is below the pool minimum of ${min}. Deposit at least ${min}.`;
    }
    case "WithdrawalLeavesDust": {
      if (!pool) return SENTENCES.WithdrawalLeavesDust;
      const min = formatAmount(pool.minContribution, pool.decimals, {
        maxFraction: pool.decimals,
        minFraction: 0,
        symbol: pool.symbol,
      });
      return `That withdrawal would leave less than the pool minimum of ${min} in your position. Withdraw everything, or leave at least ${min}.`;
    }
    case "PoolFull":
      return `The pool already has its maximum of ${pool ? pool.maxMembers : "allowed"} active members. An ADMIN can raise the limit.`;
    case "NotValidator": {
      const min = MIN_ROLE[facts.action];
      const withRole = min && min !== "JUNIOR" ? ` with role ${min} or higher` : "";
      return `${me} is not a validator of this pool: only validators${withRole} may ${WHAT[facts.action]}. An ADMIN can add you on the Admin page.`;
    }
    case "InsufficientRole": {
      const min = MIN_ROLE[facts.action];
      const needed = min ? `role ${min} or higher` : "a higher role";
      const current = facts.role ? `Your role is ${roleLabel(facts.role)}; only` : "Only";
      return `${current} validators with ${needed} may ${WHAT[facts.action]}.`;
    }
    case "NotKeeper":
      return `${me} is not a keeper of this pool: only keepers propose trades, and only keepers or validators may execute them.`;
    case "NotMember":
      return `${me} is not a member of this pool. Deposit first, then file a claim.`;
    default:
      return SENTENCES[name] ?? null;
  }
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  if (typeof err === "object" && err !== null && "message" in err)
    return String((err as { message: unknown }).message);
  return String(err);
}

function logsOf(err: unknown): string[] {
  if (typeof err !== "object" || err === null) return [];
  const e = err as { logs?: unknown; transactionLogs?: unknown };
  const logs = e.logs ?? e.transactionLogs;
  return Array.isArray(logs) ? (logs as string[]) : [];
}

const TOKEN_PROGRAMS = [
  "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
  "TokenzQdBNbLqP5VEhdkAS6EPFLC1PR4gpjgyYbdePn",
];

/** Account names of Anchor's constraint errors ("caused by account: member_token"). */
function accountOf(err: unknown, logs: string[]): string | undefined {
  const text = [messageOf(err), ...logs].join("\n");
  return /caused by account: (\w+)/.exec(text)?.[1];
}

function tokenSymbol(facts: ErrorFacts): string {
  return facts.pool?.symbol ?? "the pool's token";
}

/** `err` (what a send threw) as a sentence for the person who tried `facts.action`. */
export function explainError(err: unknown, facts: ErrorFacts): Explained {
  const message = messageOf(err);
  const logs = logsOf(err);
  const errName = err instanceof Error ? err.name : "";

  // The wallet: declined, not connected, locked.
  if (
    /WalletSignTransactionError|WalletSendTransactionError/.test(errName) ||
    /user rejected|rejected the request|declined/i.test(message)
  ) {
    return { sentence: "You declined the request in your wallet. Nothing was sent." };
  }
  if (
    /WalletNotConnectedError|WalletNotSelectedError/.test(errName) ||
    /wallet not connected/i.test(message)
  ) {
    return { sentence: "Connect a wallet first." };
  }

  // The program (Pool Bot or the AMM) refused with a named error.
  const failure = decodeProgramError(err);
  if (failure) {
    const isPoolBot = !failure.programId || failure.programId.equals(POOL_BOT_PROGRAM_ID);
    const isToken = failure.programId && TOKEN_PROGRAMS.includes(failure.programId.toBase58());
    if (isToken) return explainTokenError(failure.code, facts);
    if (isPoolBot) {
      const sentence = explainPoolBotError(failure.name, facts);
      if (sentence) return { sentence, name: failure.name };
      const account = accountOf(err, logs);
      const anchor = explainAnchorError(failure.name, account, facts);
      if (anchor) return { sentence: anchor, name: failure.name };
    }
    return {
      sentence: `The program refused: ${failure.message.replace(/\.?$/, ".")}`,
      name: failure.name,
    };
  }

  // The runtime: fees, rent, token balances, expiry.
  const text = [message, ...logs].join("\n");
  if (
    /Attempt to debit an account but found no record of a prior credit|InsufficientFundsForFee|insufficient funds for fee/i.test(
      text,
    )
  ) {
    return {
      sentence: `Your wallet has no SOL to pay the network fee. Fund it with a little SOL${facts.wallet ? "" : ""} and try again.`,
    };
  }
  if (/insufficient lamports/i.test(text)) {
    return {
      sentence:
        "Your wallet does not hold enough SOL for the new account's rent and the fee. Fund it and try again.",
    };
  }
  if (/Program Tokenkeg\w+ failed: custom program error: 0x1\b|Error: insufficient funds/.test(text)) {
    return explainTokenError(1, facts);
  }
  if (/block height exceeded|Blockhash not found|has expired/i.test(text)) {
    return { sentence: "The transaction expired before it was confirmed. Nothing moved; try again." };
  }
  if (/Failed to fetch|fetch failed|NetworkError|ECONNREFUSED|ERR_CONNECTION/i.test(text)) {
    return {
      sentence:
        "Cannot reach the cluster's RPC endpoint. Check the cluster setting (or start the local validator) and try again.",
    };
  }
  if (/AccountNotFound|could not find account|Account does not exist/i.test(text)) {
    return {
      sentence:
        "Your wallet has no SOL on this cluster yet, so it cannot pay the fee. Fund it and try again.",
    };
  }
  // Anything else: the first line of the message, without logs or stack.
  const first = message
    .split("\n")[0]
    .replace(/\s*Logs:.*$/s, "")
    .slice(0, 200);
  return {
    sentence: first ? `The transaction failed: ${first.replace(/\.?$/, ".")}` : "The transaction failed.",
  };
}

function explainTokenError(code: number, facts: ErrorFacts): Explained {
  if (code === 1) {
    return {
      sentence:
        facts.action === "withdraw"
          ? "The pool's vault holds less than that right now. Try a smaller amount."
          : `Your wallet holds less ${tokenSymbol(facts)} than that. Enter at most your balance.`,
      name: "InsufficientFunds",
    };
  }
  if (code === 3)
    return { sentence: "The token account holds a different token than the pool's.", name: "MintMismatch" };
  if (code === 17) return { sentence: "Your token account is frozen.", name: "AccountFrozen" };
  return { sentence: "The token program refused the transfer." };
}

/** Anchor's own account checks, named by the account they failed on. */
function explainAnchorError(name: string, account: string | undefined, facts: ErrorFacts): string | null {
  const symbol = tokenSymbol(facts);
  if (name === "AccountNotInitialized") {
    if (account === "position") {
      return facts.action === "fileClaim"
        ? "This wallet is not a member of this pool. Deposit first, then file a claim."
        : "This wallet has no position in this pool yet. Deposit first.";
    }
    if (account === "member_token" || account === "funder_token") {
      return `Your wallet has no ${symbol} account yet. Receive some ${symbol} first, then try again.`;
    }
    if (account === "claimant_token") {
      return `The claimant has no ${symbol} account to receive the payout. They must receive some ${symbol} first.`;
    }
    if (account === "proposal" || account === "claim")
      return `That ${account} no longer exists (it was closed). Reload the page.`;
    return "An account this transaction needs does not exist yet. Reload the page and try again.";
  }
  if (
    /^Constraint/.test(name) ||
    name === "AccountDiscriminatorMismatch" ||
    name === "AccountOwnedByWrongProgram"
  ) {
    return `An account passed${account ? ` (${account.replace(/_/g, " ")})` : ""} is not the one the pool expects. Reload the page and try again.`;
  }
  return null;
}
