/**
 * Refusals a wallet user can hit. Each must come back as the program's named error, decoded by
 * the TS client (Anchor's `AnchorError`, and `decodeProgramError`) with the name and code the
 * IDL gives it, and must leave every account it touched unchanged.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { AnchorError } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { decodeProgramError, POOL_BOT_PROGRAM_ID, poolBotError, sharesToBurnForAssets } from "../sdk/src";
import { big, connect, snapshot } from "./support/localnet";
import { Actor, Proposed, SeedPool, TRADE_SIZE, USDC } from "./support/seed";

const connection = connect();

/**
 * Runs `action`, expecting Pool Bot's error `name` (or Anchor's own, `code` given) and no change
 * to the `watched` accounts (nothing is sent: the refusal comes from the preflight simulation,
 * so the signer pays no fee either).
 */
async function refused(
  action: () => Promise<unknown>,
  name: string,
  watched: PublicKey[],
  code = poolBotError(name).code,
): Promise<void> {
  const before = await snapshot(connection, watched);
  const err = await action().then(
    () => assert.fail(`expected ${name}, but the transaction succeeded`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof AnchorError, `Anchor decodes the refusal: ${String(err)}`);
  assert.equal(err.error.errorCode.code, name);
  assert.equal(err.error.errorCode.number, code);
  const failure = decodeProgramError(err);
  assert.ok(failure);
  assert.deepEqual([failure.name, failure.code], [name, code]);
  assert.ok(failure.programId?.equals(POOL_BOT_PROGRAM_ID));
  assert.deepEqual(await snapshot(connection, watched), before, "nothing moved");
}

describe("refusals a wallet user can hit", () => {
  let w: SeedPool;
  let member: Actor;
  let proposal: Proposed;

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
    member = w.members[0];
    proposal = await w.proposeArbitrage(TRADE_SIZE);
  });

  it("a deposit below the minimum contribution: BelowMinContribution", async () => {
    const newcomer = await w.newMember(1_000n);
    const wallet = newcomer.wallet.publicKey;
    await refused(() => newcomer.client.deposit(w.pool, 100n * USDC - 1n), "BelowMinContribution", [
      w.pool.pool,
      w.pool.vault,
      newcomer.usdc,
      w.pool.member(wallet),
      wallet,
    ]);
    assert.equal(
      poolBotError("BelowMinContribution").msg,
      "Deposit is below the pool's minimum contribution",
    );
    assert.equal(await newcomer.client.fetchMember(w.pool), null, "no position was created");
  });

  it("withdrawing more than the member owns, by shares or by amount: InsufficientShares", async () => {
    const position = (await member.client.fetchMember(w.pool))!;
    const watched = [w.pool.pool, w.pool.vault, member.usdc, w.pool.member(member.wallet.publicKey)];
    await refused(
      () => member.client.withdraw(w.pool, { shares: big(position.shares) + 1n }),
      "InsufficientShares",
      watched,
    );
    const pool = await member.client.fetchPool(w.pool.pool);
    const tooMuch = 1_000n * USDC + 1n;
    assert.ok(
      sharesToBurnForAssets(tooMuch, big(pool.totalShares), big(pool.totalAssets)) > big(position.shares),
    );
    await refused(() => member.client.withdraw(w.pool, { amount: tooMuch }), "InsufficientShares", watched);
  });

  it("a withdrawal by a wallet that never deposited: Anchor's AccountNotInitialized", async () => {
    const stranger = await w.newMember(0n);
    await refused(
      () => stranger.client.withdraw(w.pool, { shares: 1n }),
      "AccountNotInitialized",
      [w.pool.pool, w.pool.vault, stranger.usdc],
      3012,
    );
  });

  it("a vote by a wallet that is no validator: NotValidator", async () => {
    await refused(() => member.client.approve(w.pool, proposal.address), "NotValidator", [
      proposal.address,
      w.pool.pool,
      w.pool.validatorSet,
    ]);
    await refused(() => member.client.reject(w.pool, proposal.address, "no"), "NotValidator", [
      proposal.address,
      w.pool.validatorSet,
    ]);
  });

  it("a second vote by the same validator: AlreadyVoted", async () => {
    const senior = w.validators[1];
    await senior.client.approve(w.pool, proposal.address);
    await refused(() => senior.client.approve(w.pool, proposal.address), "AlreadyVoted", [
      proposal.address,
      w.pool.pool,
      w.pool.validatorSet,
    ]);
  });

  it("a claim above what the reserve holds: ClaimExceedsReserve", async () => {
    const reserve = await member.client.fetchInsurance(w.pool);
    assert.equal(big(reserve.totalFunded) + big(reserve.totalAllocated), 0n);
    await refused(() => member.client.fileClaim(w.pool, 1n, "lost money"), "ClaimExceedsReserve", [
      w.pool.pool,
      w.pool.insurance,
      w.pool.claim(0),
    ]);
  });
});
