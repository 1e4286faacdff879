/**
 * The state helpers against the program's rules (`state/trade_proposal.rs`, `state/claim.rs`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import BN from "bn.js";
import {
  canExpireClaim,
  canExpireProposal,
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
  isPaused,
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
