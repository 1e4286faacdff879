import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { afterWalletSwitch, liveToasts, MAX_TOASTS, TOAST_MS, toastClosesAt, TxEntry } from "./toasts";

const entry = (id: number, status: TxEntry["status"], at = 1_000): TxEntry => ({
  id,
  label: `tx ${id}`,
  status,
  at,
});

describe("transaction toasts", () => {
  it("stay while in flight and close by themselves once settled, failures too", () => {
    assert.equal(toastClosesAt(entry(1, "signing")), null);
    assert.equal(toastClosesAt(entry(1, "pending")), null);
    assert.equal(toastClosesAt(entry(1, "confirmed")), 1_000 + TOAST_MS.confirmed);
    assert.equal(toastClosesAt(entry(1, "failed")), 1_000 + TOAST_MS.failed);
    const all = [entry(1, "failed"), entry(2, "confirmed"), entry(3, "pending")];
    assert.deepEqual(
      liveToasts(all, 1_000 + TOAST_MS.failed).map((e) => e.id),
      [3],
      "a failed toast does not stay forever",
    );
    assert.deepEqual(
      liveToasts(all, 1_000 + TOAST_MS.confirmed).map((e) => e.id),
      [1, 3],
    );
  });

  it("never pile up: the oldest settled ones make room, never one in flight", () => {
    const many = [entry(1, "pending"), ...[2, 3, 4, 5, 6].map((id) => entry(id, "failed"))];
    const shown = liveToasts(many, 1_000);
    assert.equal(shown.length, MAX_TOASTS);
    assert.deepEqual(
      shown.map((e) => e.id),
      [1, 4, 5, 6],
    );
  });

  it("are cleared when the wallet changes, except transactions still in flight", () => {
    const all = [entry(1, "failed"), entry(2, "confirmed"), entry(3, "signing"), entry(4, "pending")];
    assert.deepEqual(
      afterWalletSwitch(all).map((e) => e.id),
      [3, 4],
    );
  });
});
