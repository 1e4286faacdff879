/**
 * The state helpers against the program's rules (`state/trade_proposal.rs`, `state/claim.rs`,
 * `state/mandate.rs`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import BN from "bn.js";
import {
  canExpireClaim,
  canCloseMandate,
  canExpireProposal,
  canRevokeMandate,
  canVoteOnMandate,
  canVoteOnClaims,
  canVoteOnProposal,
  claimRequiresLead,
  claimStanding,
  claimVotes,
  hasOpenClaim,
  hasVoted,
  isActiveMember,
  isClaimOpen,
  isEnabled,
  isFinished,
  isLeadRole,
  isLive,
  isMandateFinished,
  isPaused,
  mandateBudget,
  mandateRequiredProfit,
  mandateStanding,
  proposalStanding,
  roleAtLeast,
  tradeRequiresLead,
  voteCount,
  voteOf,
} from "../src/standing";

const NOW = 1_000;

function proposal(status: number, expiresAt: number, configVersion = 3, decidedAt = 0) {
  return {
    status,
    expiresAt: new BN(expiresAt),
    decidedAt: new BN(decidedAt),
    configVersion: new BN(configVersion),
    approvals: 0b0101,
    rejections: 0b1000,
  };
}

function claim(status: string, expiresAt: number, configVersion = 3) {
  return {
    status: { [status]: {} } as never,
    expiresAt: new BN(expiresAt),
    configVersion: new BN(configVersion),
    approvals: 0b11,
    rejections: 0b100,
  };
}

describe("votes", () => {
  it("reads bits of a vote bitmap", () => {
    assert.equal(hasVoted(0b101, 0), true);
    assert.equal(hasVoted(0b101, 1), false);
    assert.equal(hasVoted(0b101, 2), true);
    assert.equal(hasVoted(0x8000_0000 | 0, 31), true);
    assert.equal(hasVoted(0xffff_ffff, 32), false);
    assert.equal(hasVoted(0xffff_ffff, -1), false);
    assert.equal(voteCount(0), 0);
    assert.equal(voteCount(0b1011), 3);
    assert.equal(voteCount(0xffff_ffff | 0), 32);
    assert.equal(voteOf({ approvals: 0b01, rejections: 0b10 }, 0), "approve");
    assert.equal(voteOf({ approvals: 0b01, rejections: 0b10 }, 1), "reject");
    assert.equal(voteOf({ approvals: 0b01, rejections: 0b10 }, 2), null);
  });
});

describe("proposalStanding", () => {
  it("live pending and approved proposals are pending and executable", () => {
    assert.equal(proposalStanding(proposal(0, NOW + 1), NOW, new BN(3)), "pending");
    assert.equal(proposalStanding(proposal(1, NOW + 1), NOW, 3), "executable");
    assert.equal(isLive(proposal(1, NOW + 1), NOW, 3n), true);
  });

  it("an undecided proposal at or past its expiry is expired", () => {
    assert.equal(proposalStanding(proposal(0, NOW), NOW, 3), "expired");
    assert.equal(proposalStanding(proposal(1, NOW - 5), NOW, 3), "expired");
    assert.equal(isLive(proposal(0, NOW), NOW, 3), false);
  });

  it("an undecided proposal made under another config version is stale", () => {
    assert.equal(proposalStanding(proposal(0, NOW + 10, 2), NOW, 3), "stale");
    assert.equal(proposalStanding(proposal(1, NOW + 10, 2), NOW, new BN(3)), "stale");
    assert.equal(isLive(proposal(1, NOW + 10, 2), NOW, 3), false);
  });

  it("staleness is checked before expiry, as the program's standing does", () => {
    assert.equal(proposalStanding(proposal(0, NOW, 2), NOW, 3), "stale");
  });

  it("a proposal marked Expired before its lifetime ran out had gone stale", () => {
    assert.equal(proposalStanding(proposal(4, NOW + 10, 3, NOW), NOW + 20, 3), "stale");
    assert.equal(proposalStanding(proposal(4, NOW + 10, 3, NOW + 10), NOW + 20, 3), "expired");
  });

  it("decided proposals keep their stored status whatever the time or version", () => {
    assert.equal(proposalStanding(proposal(2, NOW + 10), NOW, 3), "rejected");
    assert.equal(proposalStanding(proposal(3, NOW - 10, 1), NOW, 3), "executed");
    assert.equal(proposalStanding(proposal(4, NOW + 10, 3, NOW + 10), NOW, 3), "expired");
    assert.equal(isFinished(proposal(2, 0)), true);
    assert.equal(isFinished(proposal(1, 0)), false);
  });

  it("says when expire_proposal and a vote would succeed", () => {
    assert.equal(canExpireProposal(proposal(0, NOW + 1), NOW, 3), false);
    assert.equal(canExpireProposal(proposal(0, NOW), NOW, 3), true);
    assert.equal(canExpireProposal(proposal(1, NOW + 1, 2), NOW, 3), true);
    assert.equal(canExpireProposal(proposal(4, NOW), NOW, 3), false);
    assert.equal(canVoteOnProposal(proposal(0, NOW + 1), 1, NOW, 3), true);
    assert.equal(canVoteOnProposal(proposal(0, NOW + 1), 0, NOW, 3), false);
    assert.equal(canVoteOnProposal(proposal(0, NOW + 1), 3, NOW, 3), false);
    assert.equal(canVoteOnProposal(proposal(1, NOW + 1), 1, NOW, 3), false);
    assert.equal(canVoteOnProposal(proposal(0, NOW + 1, 2), 1, NOW, 3), false);
  });
});

describe("claimStanding", () => {
  it("a pending claim is open until its expiry, then expired", () => {
    assert.equal(claimStanding(claim("pending", NOW + 1), NOW), "pending");
    assert.equal(isClaimOpen(claim("pending", NOW + 1), NOW), true);
    assert.equal(canExpireClaim(claim("pending", NOW + 1), NOW), false);
    assert.equal(claimStanding(claim("pending", NOW), NOW), "expired");
    assert.equal(isClaimOpen(claim("pending", NOW), NOW), false);
    assert.equal(canExpireClaim(claim("pending", NOW), NOW), true);
  });

  it("decided claims keep their stored status", () => {
    assert.equal(claimStanding(claim("paid", NOW - 1), NOW), "paid");
    assert.equal(claimStanding(claim("denied", NOW + 1), NOW), "denied");
    assert.equal(claimStanding(claim("expired", NOW + 1), NOW), "expired");
    assert.equal(canExpireClaim(claim("expired", NOW - 1), NOW), false);
  });

  it("votes cast under another validator set do not count", () => {
    assert.deepEqual(claimVotes(claim("pending", NOW + 1), new BN(3)), {
      approvals: 0b11,
      rejections: 0b100,
      current: true,
    });
    assert.deepEqual(claimVotes(claim("pending", NOW + 1, 2), 3), {
      approvals: 0,
      rejections: 0,
      current: false,
    });
  });
});

/** `state/mandate.rs`'s test mandate: votes close at 50, made under config version 3. */
function mandate(status = 0, times: { activeFrom?: number; expiresAt?: number } = {}) {
  return {
    status,
    configVersion: new BN(3),
    voteExpiresAt: new BN(50),
    activeFrom: new BN(times.activeFrom ?? 0),
    expiresAt: new BN(times.expiresAt ?? 0),
    approvals: 0b01,
    rejections: 0b10,
  };
}

describe("mandateStanding (Mandate::standing)", () => {
  it("a pending mandate is open until its vote window closes, stale under another version", () => {
    assert.equal(mandateStanding(mandate(), 10, 3), "pending");
    assert.equal(mandateStanding(mandate(), 50, 3), "expired");
    assert.equal(mandateStanding(mandate(), 10, 4), "stale");
    assert.equal(mandateStanding(mandate(), 50, 4), "stale", "staleness before the clock");
  });

  it("approved at 20 with a 30 s time lock and a 1000 s lifetime: waiting, active, expired", () => {
    const approved = mandate(1, { activeFrom: 50, expiresAt: 1_050 });
    assert.equal(mandateStanding(approved, 49, 3), "waiting");
    assert.equal(mandateStanding(approved, 50, 3), "active");
    assert.equal(mandateStanding(approved, 1_049, 3), "active");
    assert.equal(mandateStanding(approved, 1_050, 3), "expired");
    assert.equal(mandateStanding(approved, 60, 4), "stale");
  });

  it("rejected and revoked come before staleness and the clock; codes past the last read as revoked", () => {
    assert.equal(mandateStanding(mandate(2), 5_000, 9), "rejected");
    assert.equal(mandateStanding(mandate(3, { activeFrom: 50, expiresAt: 1_050 }), 80, 4), "revoked");
    assert.equal(mandateStanding(mandate(7), 10, 3), "revoked");
  });

  it("says when it is finished, can be closed, revoked or voted on", () => {
    assert.equal(isMandateFinished("revoked"), true);
    assert.equal(isMandateFinished("stale"), true);
    assert.equal(isMandateFinished("waiting"), false);
    assert.equal(isMandateFinished("active"), false);
    assert.equal(canCloseMandate(mandate(), 10, 3), false);
    assert.equal(canCloseMandate(mandate(), 50, 3), true);
    assert.equal(canCloseMandate(mandate(1, { activeFrom: 50, expiresAt: 1_050 }), 60, 3), false);
    assert.equal(canRevokeMandate(mandate(0)), true);
    assert.equal(canRevokeMandate(mandate(1)), true);
    assert.equal(canRevokeMandate(mandate(2)), false);
    assert.equal(canRevokeMandate(mandate(3)), false);
    assert.equal(canVoteOnMandate(mandate(), 2, 10, 3), true);
    assert.equal(canVoteOnMandate(mandate(), 0, 10, 3), false, "slot 0 approved");
    assert.equal(canVoteOnMandate(mandate(), 1, 10, 3), false, "slot 1 rejected");
    assert.equal(canVoteOnMandate(mandate(), 2, 50, 3), false, "vote window closed");
    assert.equal(canVoteOnMandate(mandate(), 2, 10, 4), false, "stale");
  });
});

describe("mandateBudget and mandateRequiredProfit (Mandate::spend, required_profit)", () => {
  // Period 100 s from 0: 2 trades or 1500 a period; 1000 and 500 spent at 5 and 7.
  const spent = {
    period: new BN(100),
    periodStart: new BN(0),
    tradesInPeriod: 2,
    notionalInPeriod: new BN(1_500),
    maxTradesPerPeriod: 2,
    maxNotionalPerPeriod: new BN(1_500),
  };

  it("what the current period has used and has left", () => {
    assert.deepEqual(mandateBudget(spent, 8), {
      periodStart: 0,
      periodEnd: 100,
      trades: 2,
      notional: 1_500n,
      tradesLeft: 0,
      notionalLeft: 0n,
    });
    const one = { ...spent, tradesInPeriod: 1, notionalInPeriod: new BN(1_000) };
    assert.deepEqual([mandateBudget(one, 99).tradesLeft, mandateBudget(one, 99).notionalLeft], [1, 500n]);
  });

  it("a period that ended starts afresh, aligned to the first period", () => {
    assert.deepEqual(mandateBudget(spent, 100), {
      periodStart: 100,
      periodEnd: 200,
      trades: 0,
      notional: 0n,
      tradesLeft: 2,
      notionalLeft: 1_500n,
    });
    assert.equal(mandateBudget(spent, 345).periodStart, 300);
    // before its first period (waiting out the time lock): nothing used
    const waiting = { ...spent, periodStart: new BN(500), tradesInPeriod: 0, notionalInPeriod: new BN(0) };
    assert.equal(mandateBudget(waiting, 450).tradesLeft, 2);
  });

  it("the least profit is the larger bound, rounded up, never below the product's floor or 1", () => {
    const terms = { minProfit: new BN(10), minProfitBps: 50 };
    assert.equal(mandateRequiredProfit(terms, 1_000n), 10n);
    assert.equal(mandateRequiredProfit(terms, 3_001n), 16n);
    assert.equal(mandateRequiredProfit(terms, 100n, 25n), 25n);
    assert.equal(mandateRequiredProfit({ minProfit: new BN(0), minProfitBps: 0 }, 100n), 1n);
  });
});

describe("flags and roles", () => {
  it("names the stored flag bytes", () => {
    assert.equal(isPaused({ paused: 1 }), true);
    assert.equal(isPaused({ paused: 0 }), false);
    assert.equal(isEnabled({ enabled: 1 }), true);
    assert.equal(isEnabled({ enabled: 0 }), false);
    assert.equal(tradeRequiresLead({ requireLeadApproval: 1 }), true);
    assert.equal(claimRequiresLead({ claimRequireLead: 0 }), false);
    assert.equal(hasOpenClaim({ openClaim: 1 }), true);
    assert.equal(isActiveMember({ status: { active: {} } }), true);
    assert.equal(isActiveMember({ status: { withdrawn: {} } }), false);
  });

  it("orders roles JUNIOR < SENIOR < LEAD < ADMIN", () => {
    assert.equal(roleAtLeast("lead", "senior"), true);
    assert.equal(roleAtLeast("junior", "senior"), false);
    assert.equal(canVoteOnClaims("junior"), false);
    assert.equal(canVoteOnClaims("senior"), true);
    assert.equal(isLeadRole("senior"), false);
    assert.equal(isLeadRole("admin"), true);
  });
});
