import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readLink } from "./link";

const POOL = "GpH9U2ANc9UYBj4XxdSVPP2ejnJx3imfgty25WBHnrZy";

describe("a link's settings", () => {
  it("reads the cluster, the RPC and the pool", () => {
    assert.deepEqual(
      readLink(`?cluster=devnet&rpc=${encodeURIComponent("http://127.0.0.1:8979")}&pool=${POOL}`),
      {
        cluster: "devnet",
        rpc: "http://127.0.0.1:8979",
        pool: POOL,
        problems: [],
      },
    );
    assert.deepEqual(readLink(""), { problems: [] });
  });

  it("says what it could not use instead of ignoring it", () => {
    const garbage = readLink("?pool=garbage");
    assert.equal(garbage.pool, undefined);
    assert.deepEqual(garbage.problems, [
      "The link's pool “garbage” is not a Solana address (32 to 44 base58 characters), so it was not opened. Check the link, or choose the pool in the network settings.",
    ]);
    assert.match(
      readLink("?cluster=moon").problems[0],
      /^The link's cluster “moon” is not one the app knows/,
    );
    assert.match(readLink("?rpc=ftp://x").problems[0], /^The link's RPC “ftp:\/\/x” is not an http\(s\) URL/);
    assert.equal(readLink("?pool=").problems.length, 1, "an empty pool is no pool either");
  });
});
