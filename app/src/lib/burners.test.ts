import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  BURNERS_KEY,
  forgetBurner,
  MAX_BURNERS,
  nextBurnerLabel,
  readBurners,
  rememberBurner,
} from "./burners";

function memory() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}
const key = (n: number) => Array.from({ length: 64 }, (_, i) => (i === 0 ? n : 7));

describe("saved burner keys", () => {
  it("keeps every new or pasted burner so it can be chosen again", () => {
    const store = memory();
    assert.deepEqual(readBurners(store), []);
    assert.equal(nextBurnerLabel([]), "Burner 1");
    rememberBurner(store, { label: "Burner 1", secretKey: key(1) });
    const list = rememberBurner(store, { label: nextBurnerLabel(readBurners(store)), secretKey: key(2) });
    assert.deepEqual(
      list.map((b) => b.label),
      ["Burner 1", "Burner 2"],
    );
    // a fresh page (reload) reads the same list
    assert.deepEqual(readBurners({ getItem: store.getItem, setItem: store.setItem }), list);
  });

  it("saves a key once, forgets it on request, and keeps the list bounded", () => {
    const store = memory();
    rememberBurner(store, { label: "pasted", secretKey: key(1) });
    rememberBurner(store, { label: "Mine", secretKey: key(1) });
    assert.deepEqual(readBurners(store), [{ label: "Mine", secretKey: key(1) }]);
    assert.deepEqual(forgetBurner(store, key(1)), []);
    for (let n = 0; n < MAX_BURNERS + 3; n++) rememberBurner(store, { label: `b${n}`, secretKey: key(n) });
    const kept = readBurners(store);
    assert.equal(kept.length, MAX_BURNERS);
    assert.equal(kept[0].label, "b3", "the oldest go first");
  });

  it("ignores a damaged list instead of failing", () => {
    const store = memory();
    store.setItem(BURNERS_KEY, "{not json");
    assert.deepEqual(readBurners(store), []);
    store.setItem(
      BURNERS_KEY,
      JSON.stringify([
        { label: "x", secretKey: [1, 2] },
        { label: "ok", secretKey: key(3) },
      ]),
    );
    assert.deepEqual(
      readBurners(store).map((b) => b.label),
      ["ok"],
    );
  });
});
