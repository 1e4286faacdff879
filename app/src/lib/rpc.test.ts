import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyPoolError, isSolanaVersion, PoolLoadError, readPool } from "./rpc";

const solana = { ok: true as const, version: { "solana-core": "2.3.0", "feature-set": 1 } };

describe("why a pool did not load", () => {
  it("tells an endpoint that does not answer from one that is no Solana RPC", () => {
    const refused = new TypeError("Failed to fetch");
    assert.equal(classifyPoolError(refused, { ok: false, error: refused }), "unreachable");
    assert.equal(classifyPoolError(refused, { ok: false, error: new Error("fetch failed") }), "unreachable");
    // a web server that is not an RPC: 404 / 405, or HTML where JSON was expected
    const html = new Error("failed to get info about account X: SyntaxError: Unexpected token '<'");
    assert.equal(
      classifyPoolError(html, { ok: false, error: new Error("405 Method Not Allowed") }),
      "not-rpc",
    );
    assert.equal(
      classifyPoolError(html, { ok: false, error: new SyntaxError("Unexpected token '<'") }),
      "not-rpc",
    );
    // answers JSON-RPC, but not as Solana does
    assert.equal(classifyPoolError(html, { ok: true, version: { geth: "1.14" } }), "not-rpc");
    assert.equal(isSolanaVersion({ "solana-core": "2.3.0" }), true);
    assert.equal(isSolanaVersion(null), false);
  });

  it("says there is no pool only when a Solana RPC said so", () => {
    const missing = new Error(
      "Account does not exist or has no data GpH9U2ANc9UYBj4XxdSVPP2ejnJx3imfgty25WBHnrZy",
    );
    assert.equal(classifyPoolError(missing, solana), "no-pool");
    assert.equal(classifyPoolError(new Error("Invalid account discriminator"), solana), "not-a-pool");
  });

  it("probes only after a failed read", async () => {
    let probed = 0;
    const version = async () => {
      probed++;
      return solana.version;
    };
    assert.equal(await readPool(async () => 7, version), 7);
    assert.equal(probed, 0);
    await assert.rejects(
      readPool(async () => {
        throw new Error("Account does not exist or has no data X");
      }, version),
      (e: unknown) => e instanceof PoolLoadError && e.kind === "no-pool",
    );
    await assert.rejects(
      readPool(
        async () => {
          throw new Error("failed to get info about account X: Error: 404 Not Found");
        },
        async () => {
          throw new Error("404 Not Found");
        },
      ),
      (e: unknown) => e instanceof PoolLoadError && e.kind === "not-rpc",
    );
  });
});
