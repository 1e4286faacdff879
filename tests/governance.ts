/**
 * Governance through the time lock, on the cluster's clock: on a pool with a lock of a few
 * seconds a queued change refuses to apply early (`ChangeNotDue`, nothing moved), applies after
 * the lock (anyone may apply it; the rent goes back to the ADMIN who queued it), an ADMIN
 * cancels one (a LEAD may not), a product registered with `enable` stays disabled meanwhile,
 * and `update_config` refuses to lower the lock (`TimeLockLowered`): lowering is itself a
 * queued change.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  Change,
  changeCountdown,
  changeKind,
  configChangeOf,
  describeChange,
  eventsNamed,
  localAmmSwapRule,
  shortKey,
} from "@poolbot/sdk";
import { big, connect, fundedWallet, waitForClusterTime } from "./support/localnet";
import { refused } from "./support/refused";
import { Actor, SeedPool, USDC } from "./support/seed";

const connection = connect();
/** A lock short enough to wait out in a test, long enough to act before it passes. */
const LOCK = 8;

describe("governance waits out the time lock", () => {
  let w: SeedPool;
  let member: Actor;
  let configChange: { id: number; change: import("@solana/web3.js").PublicKey; eta: number };

  before(async () => {
    w = await SeedPool.build(connection);
    await w.joinMembers();
    member = w.members[0];
  });

  it("an ADMIN raises the time lock at once, but cannot lower it: TimeLockLowered", async () => {
    const raised = await w.admin.client.updateConfig(w.pool, { timeLock: LOCK });
    const [config] = eventsNamed(raised.events, "configUpdated");
    assert.equal(big(config.timeLock), BigInt(LOCK));
    assert.equal(big((await w.admin.client.fetchPool(w.pool.pool)).timeLock), BigInt(LOCK));
    await refused(() => w.admin.client.updateConfig(w.pool, { timeLock: LOCK - 1 }), "TimeLockLowered", [
      w.pool.pool,
    ]);
  });

  it("a queued change refuses to apply before its eta (ChangeNotDue), and nothing moves", async () => {
    const pool = await w.admin.client.fetchPool(w.pool.pool);
    const change = Change.config({ insuranceBps: 1_000, timeLock: 0 });
    const queued = await w.admin.client.queueChange(w.pool, change);
    configChange = queued;
    assert.equal(queued.id, pool.nextChangeId.toNumber());
    const [event] = eventsNamed(queued.events, "changeQueued");
    assert.ok(event.account.equals(queued.change) && event.proposer.equals(w.admin.wallet.publicKey));
    const pending = (await w.admin.client.fetchPendingChange(queued.change))!;
    assert.equal(big(pending.eta) - big(pending.queuedAt), BigInt(LOCK));
    assert.equal(big(event.eta), big(pending.eta));
    assert.equal(changeKind(pending.change), "config");
    assert.deepEqual(Object.keys(configChangeOf(pending.change)!), ["insuranceBps", "timeLock"]);
    assert.equal(describeChange(pending.change), "Set insurance share to 10%, time lock to 0s");
    const listed = await member.client.listPendingChanges(w.pool);
    assert.deepEqual(
      listed.map((l) => l.publicKey.toBase58()),
      [queued.change.toBase58()],
    );
    const countdown = changeCountdown(pending, pending.queuedAt.toNumber());
    assert.deepEqual([countdown.due, countdown.secondsLeft], [false, LOCK]);
    assert.equal(countdown.text, `applies in ${LOCK}s`);

    await refused(() => member.client.applyChange(w.pool, queued.change), "ChangeNotDue", [
      w.pool.pool,
      w.pool.validatorSet,
      queued.change,
      w.admin.wallet.publicKey,
    ]);
    assert.equal((await w.admin.client.fetchPool(w.pool.pool)).insuranceBps, 500);
  });

  it("while the lock runs, govern only queues; a LEAD cannot cancel, an ADMIN can", async () => {
    const candidate = (await fundedWallet(connection, 1)).publicKey;
    const governed = await w.admin.client.govern(w.pool, [Change.addValidator(candidate, "senior")]);
    assert.deepEqual([governed.applied, governed.timeLock, governed.queued.length], [false, LOCK, 1]);
    const [{ change }] = governed.queued;
    assert.equal(
      describeChange((await w.admin.client.fetchPendingChange(change))!.change),
      `Add validator ${shortKey(candidate)} as SENIOR`,
    );
    assert.equal(
      (await w.admin.client.fetchValidatorSet(w.pool)).validators.some((v) => v.key.equals(candidate)),
      false,
    );

    // a product registered with `enable` starts disabled; its EnableProduct change waits
    const registered = await w.admin.client.registerProduct(
      w.pool,
      {
        name: "Late product",
        category: "arbitrage",
        maxTradeAmount: 1_000n * USDC,
        minProfit: USDC,
        maxLiquidityBps: 1_000,
        legRules: [localAmmSwapRule()],
        markets: [],
      },
      { enable: true },
    );
    assert.equal(registered.enabled, false);
    assert.equal((await w.admin.client.fetchProduct(registered.product)).enabled, 0);
    const [enabling] = registered.queued;
    assert.equal(
      describeChange((await w.admin.client.fetchPendingChange(enabling.change))!.change),
      `Enable product ${shortKey(registered.product)}`,
    );

    await refused(() => w.validators[0].client.cancelChange(w.pool, change), "InsufficientRole", [change]);
    await refused(() => member.client.cancelChange(w.pool, change), "NotValidator", [change]);
    for (const queued of [change, enabling.change]) {
      const rentBefore = await connection.getBalance(w.admin.wallet.publicKey);
      const rent = (await connection.getAccountInfo(queued))!.lamports;
      const cancelled = await w.admin.client.cancelChange(w.pool, queued);
      const [finished] = eventsNamed(cancelled.events, "changeFinished");
      assert.equal(finished.applied, false);
      assert.equal(await w.admin.client.fetchPendingChange(queued), null);
      // the ADMIN paid the fee and got the rent back
      const after = await connection.getBalance(w.admin.wallet.publicKey);
      assert.ok(after > rentBefore + rent - 10_000);
    }
    assert.equal(
      (await w.admin.client.fetchValidatorSet(w.pool)).validators.some((v) => v.key.equals(candidate)),
      false,
    );
    assert.equal((await w.admin.client.fetchProduct(registered.product)).enabled, 0);
    assert.deepEqual(
      (await w.admin.client.listPendingChanges(w.pool)).map((l) => l.publicKey.toBase58()),
      [configChange.change.toBase58()],
    );
  });

  it("once the lock has passed anyone applies it; the rent goes back to the ADMIN who queued it", async () => {
    await waitForClusterTime(connection, configChange.eta);
    const adminBefore = await connection.getBalance(w.admin.wallet.publicKey);
    const rent = (await connection.getAccountInfo(configChange.change))!.lamports;
    const applied = await member.client.applyChange(w.pool, configChange.change);
    const [config] = eventsNamed(applied.events, "configUpdated");
    assert.deepEqual([config.insuranceBps, big(config.timeLock)], [1_000, 0n]);
    const [finished] = eventsNamed(applied.events, "changeFinished");
    assert.ok(finished.applied && finished.by.equals(member.wallet.publicKey));
    assert.equal(big(finished.id), BigInt(configChange.id));
    assert.equal(await member.client.fetchPendingChange(configChange.change), null);
    assert.equal(await connection.getBalance(w.admin.wallet.publicKey), adminBefore + rent);
    const pool = await member.client.fetchPool(w.pool.pool);
    assert.deepEqual([pool.insuranceBps, big(pool.timeLock)], [1_000, 0n]);
    assert.deepEqual(await member.client.listPendingChanges(w.pool), []);
    // the lock is 0 again: govern applies at once
    const governed = await w.admin.client.govern(w.pool, [Change.config({ insuranceBps: 500 })]);
    assert.equal(governed.applied, true);
    assert.equal((await member.client.fetchPool(w.pool.pool)).insuranceBps, 500);
  });
});
