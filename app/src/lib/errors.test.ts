import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AnchorError } from "@anchor-lang/core";
import { WalletSignTransactionError } from "@solana/wallet-adapter-base";
import { POOL_BOT_ERRORS, POOL_BOT_PROGRAM_ID } from "@poolbot/sdk";
import { ErrorFacts, explainError, explainPoolBotError, SENTENCES } from "./errors";

const POOL = POOL_BOT_PROGRAM_ID.toBase58();
const TOKEN = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
const WALLET = "CH2fP9NXc9KPVtsReVcb5i3JT4FfNWxgLpNd2urkzsu5";

const facts = (action: ErrorFacts["action"], extra: Partial<ErrorFacts> = {}): ErrorFacts => ({
  action,
  wallet: WALLET,
  pool: { symbol: "USDC", decimals: 6, minContribution: 100_000_000n, maxMembers: 100 },
  ...extra,
});

/** The logs of a Pool Bot instruction refused with `name` (Anchor's log format). */
function refusal(name: string, code: number, account?: string): string[] {
  const cause = account ? `AnchorError caused by account: ${account}.` : "AnchorError occurred.";
  return [
    `Program ${POOL} invoke [1]`,
    "Program log: Instruction: Deposit",
    `Program log: ${cause} Error Code: ${name}. Error Number: ${code}. Error Message: whatever the program says.`,
    `Program ${POOL} consumed 4321 of 200000 compute units`,
    `Program ${POOL} failed: custom program error: 0x${code.toString(16)}`,
  ];
}

/** What web3.js throws when the preflight simulation fails. */
function simulationFailure(
  logs: string[],
  message = "Transaction simulation failed: Error processing Instruction 0",
): Error {
  return Object.assign(
    new Error(`Simulation failed. \nMessage: ${message}. \nLogs: \n${JSON.stringify(logs)}.`),
    { logs },
  );
}

describe("explainError", () => {
  it("turns a deposit below the minimum into the pool's own numbers", () => {
    const err = simulationFailure(refusal("BelowMinContribution", 6002));
    const explained = explainError(err, facts("deposit"));
    assert.equal(
      explained.sentence,
      "Deposit is below the pool minimum of 100 USDC. Deposit at least 100 USDC.",
    );
    assert.equal(explained.name, "BelowMinContribution");
  });

  it("reads Anchor's own AnchorError as well as raw logs", () => {
    const anchor = AnchorError.parse(refusal("BelowMinContribution", 6002));
    assert.ok(anchor instanceof AnchorError);
    const explained = explainError(
      anchor,
      facts("deposit", { pool: { ...facts("deposit").pool!, minContribution: 250_500_000n } }),
    );
    assert.equal(
      explained.sentence,
      "Deposit is below the pool minimum of 250.5 USDC. Deposit at least 250.5 USDC.",
    );
  });

  it("says who may act and what the wallet's role is", () => {
    const junior = explainError(
      simulationFailure(refusal("InsufficientRole", 6020)),
      facts("claimVote", { role: "junior" }),
    );
    assert.equal(
      junior.sentence,
      "Your role is JUNIOR; only validators with role SENIOR or higher may vote on insurance claims.",
    );
    const stranger = explainError(simulationFailure(refusal("NotValidator", 6019)), facts("manage"));
    assert.match(
      stranger.sentence,
      /^CH2f…zsu5 is not a validator of this pool: only validators with role ADMIN or higher may manage/,
    );
    const vote = explainError(simulationFailure(refusal("NotValidator", 6019)), facts("tradeVote"));
    assert.match(vote.sentence, /only validators may vote on trade proposals/);
  });

  it("explains Anchor's account checks by the account that failed", () => {
    const noPosition = simulationFailure(refusal("AccountNotInitialized", 3012, "position"));
    assert.equal(
      explainError(noPosition, facts("withdraw")).sentence,
      "This wallet has no position in this pool yet. Deposit first.",
    );
    assert.equal(
      explainError(noPosition, facts("fileClaim")).sentence,
      "This wallet is not a member of this pool. Deposit first, then file a claim.",
    );
    const noToken = simulationFailure(refusal("AccountNotInitialized", 3012, "member_token"));
    assert.equal(
      explainError(noToken, facts("deposit")).sentence,
      "Your wallet has no USDC account yet. Receive some USDC first, then try again.",
    );
    const hasOne = simulationFailure(refusal("ConstraintHasOne", 2001, "validator_set"));
    assert.equal(
      explainError(hasOne, facts("tradeVote")).sentence,
      "An account passed (validator set) is not the one the pool expects. Reload the page and try again.",
    );
  });

  it("explains the token program's refusal of a transfer", () => {
    const logs = [
      `Program ${POOL} invoke [1]`,
      `Program ${TOKEN} invoke [2]`,
      "Program log: Error: insufficient funds",
      `Program ${TOKEN} failed: custom program error: 0x1`,
      `Program ${POOL} failed: custom program error: 0x1`,
    ];
    assert.equal(
      explainError(simulationFailure(logs), facts("deposit")).sentence,
      "Your wallet holds less USDC than that. Enter at most your balance.",
    );
  });

  it("explains wallet, fee, expiry and network failures", () => {
    assert.equal(
      explainError(new WalletSignTransactionError("User rejected the request."), facts("deposit")).sentence,
      "You declined the request in your wallet. Nothing was sent.",
    );
    const noSol = simulationFailure(
      [],
      "Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.",
    );
    assert.match(
      explainError(noSol, facts("deposit")).sentence,
      /^Your wallet has no SOL to pay the network fee/,
    );
    const expired = new Error("Signature 5x... has expired: block height exceeded.");
    assert.equal(
      explainError(expired, facts("deposit")).sentence,
      "The transaction expired before it was confirmed. Nothing moved; try again.",
    );
    assert.match(
      explainError(new TypeError("Failed to fetch"), facts("deposit")).sentence,
      /^Cannot reach the cluster's RPC endpoint/,
    );
  });

  it("never shows a raw log, even for errors it does not know", () => {
    const odd = simulationFailure([
      "Program log: something odd",
      `Program ${POOL} failed: custom program error: 0x270f`,
    ]);
    const explained = explainError(odd, facts("deposit"));
    assert.doesNotMatch(explained.sentence, /Program log|0x270f|Logs:/);
    const plain = explainError(new Error("Something broke\n    at foo (bar.js:1)"), facts("deposit"));
    assert.equal(plain.sentence, "The transaction failed: Something broke.");
  });
});

describe("the deposit queue and claim refusals", () => {
  it("tells a depositor to request while a proposal is live, and a voter that a claimant cannot vote", () => {
    const live = explainError(simulationFailure(refusal("ProposalsLive", 6059)), facts("deposit"));
    assert.equal(live.name, "ProposalsLive");
    assert.match(live.sentence, /^A trade proposal is live.*Request the deposit instead/);
    const own = explainError(simulationFailure(refusal("ClaimantCannotVote", 6067)), facts("claimVote"));
    assert.equal(
      own.sentence,
      "You filed this claim, so you cannot vote on it: the other validators decide it.",
    );
  });

  it("names the pool's minimum when a withdrawal would leave dust", () => {
    const dust = explainError(simulationFailure(refusal("WithdrawalLeavesDust", 6064)), facts("withdraw"));
    assert.equal(
      dust.sentence,
      "That withdrawal would leave less than the pool minimum of 100 USDC in your position. Withdraw everything, or leave at least 100 USDC.",
    );
    assert.match(
      explainPoolBotError("WithdrawalLeavesDust", { action: "withdraw" })!,
      /minimum contribution/,
    );
  });
});

describe("the sentence table", () => {
  it("has a sentence for every Pool Bot error, each ending with a full stop", () => {
    for (const { name } of POOL_BOT_ERRORS) {
      const sentence = explainPoolBotError(name, facts("deposit"));
      assert.ok(sentence, `no sentence for ${name}`);
      assert.match(sentence, /\.$/, `${name}: ${sentence}`);
      assert.doesNotMatch(sentence, /poolbot |--/, `${name} speaks of the CLI: ${sentence}`);
    }
  });

  it("names only errors the program has", () => {
    const names = new Set(POOL_BOT_ERRORS.map((e) => e.name));
    for (const name of Object.keys(SENTENCES)) assert.ok(names.has(name), `${name} is not a Pool Bot error`);
  });

  it("explains the time lock's refusals", () => {
    assert.match(explainPoolBotError("ChangeNotDue", facts("manage"))!, /waiting out the pool's time lock/);
    assert.match(explainPoolBotError("TimeLockLowered", facts("manage"))!, /only be raised at once/);
  });

  it("explains the minimum without pool facts too", () => {
    assert.equal(
      explainPoolBotError("BelowMinContribution", { action: "deposit" }),
      "Deposit is below the pool's minimum contribution. Deposit at least the minimum shown.",
    );
    assert.equal(explainPoolBotError("NotAnError", { action: "deposit" }), null);
  });
});
