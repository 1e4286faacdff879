/**
 * The app's binding of the SDK's activity reader (its words in the app's formatting; the
 * reader itself is tested in sdk/test/activity.test.ts), routes in words, and clusters.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import BN from "bn.js";
import { AmmAddresses, LocalAmmClient } from "@poolbot/sdk";
import { describeEvent, idMaps } from "./activity";
import { endpointOf, explorerUrl, isLocalUrl, knownSymbol, LOCALNET } from "./clusters";
import { legView, programName } from "./route";

const key = (n: number) => new PublicKey(Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? n : 7)));
const pool = key(1);
const alice = key(2);

describe("the audit trail in the app's formatting", () => {
  it("describes events with the pool's decimals and symbol", () => {
    const ctx = { decimals: 6, symbol: "USDC", roles: new Map<string, string>(), ...idMaps([]) };
    const deposited = {
      name: "deposited" as const,
      data: {
        pool,
        unixTimestamp: new BN(0),
        member: alice,
        amount: new BN(1_000_000_000),
        shares: new BN(1_000_000_000),
        totalShares: new BN(1_000_000_000),
        totalAssets: new BN(1_000_000_000),
      },
    };
    assert.deepEqual(describeEvent(deposited, ctx), {
      title: "Deposit",
      detail: `${alice.toBase58().slice(0, 4)}…${alice.toBase58().slice(-4)} deposited 1,000.00 USDC for 1,000.00 shares`,
      actor: alice.toBase58(),
      tone: "good",
    });
  });

  it("a member's history shows every digit of amounts and shares, as the position and the CLI", () => {
    const ctx = { decimals: 6, symbol: "USDC", exact: true, roles: new Map<string, string>(), ...idMaps([]) };
    const settled = {
      name: "depositSettled" as const,
      data: {
        pool,
        unixTimestamp: new BN(0),
        request: key(20),
        id: new BN(3),
        member: alice,
        amount: new BN(509_500_001),
        shares: new BN(500_123_457),
        totalShares: new BN(1_500_000_000),
        totalAssets: new BN(1_528_500_000),
        pendingDeposits: new BN(0),
      },
    };
    const short = `${alice.toBase58().slice(0, 4)}…${alice.toBase58().slice(-4)}`;
    assert.equal(
      describeEvent(settled, ctx).detail,
      `${short}'s request #3 of 509.500001 USDC became 500.123457 shares`,
    );
    assert.equal(
      describeEvent(settled, { ...ctx, exact: false }).detail,
      `${short}'s request #3 of 509.50 USDC became 500.12 shares`,
      "the pool-wide feed rounds to cents",
    );
  });
});

describe("routes in words", () => {
  it("decodes a local AMM swap leg: pool, mints and amounts", async () => {
    const amm = LocalAmmClient.connect(new Connection("http://127.0.0.1:1"), Keypair.generate());
    const usdc = key(10);
    const sol = key(11);
    const pair = new AmmAddresses(usdc, sol, 0, TOKEN_PROGRAM_ID);
    const leg = await amm.swapLeg({
      amm: pair,
      user: pool,
      source: key(12),
      destination: key(13),
      mintIn: usdc,
      amountIn: 1_000_000_000n,
      minAmountOut: 9_890_800_000n,
    });
    assert.deepEqual(legView(leg), {
      kind: "swap",
      program: leg.programId.toBase58(),
      ammPool: pair.pool.toBase58(),
      mintIn: usdc.toBase58(),
      mintOut: sol.toBase58(),
      amountIn: 1_000_000_000n,
      minAmountOut: 9_890_800_000n,
    });
    assert.equal(programName(leg.programId.toBase58()), "Local AMM");
    assert.deepEqual(legView({ ...leg, programId: key(14) }), {
      kind: "call",
      program: key(14).toBase58(),
      accounts: leg.accounts.length,
      dataBytes: leg.data.length,
    });
  });
});

describe("clusters", () => {
  it("compiles in the public keys of the committed localnet fixtures", () => {
    const pubkey = (path: string) =>
      Keypair.fromSecretKey(
        Uint8Array.from(JSON.parse(readFileSync(join(__dirname, "../../..", path), "utf8"))),
      ).publicKey.toBase58();
    assert.equal(LOCALNET.admin, pubkey("app/fixtures/localnet/admin.json"));
    assert.equal(LOCALNET.usdcMint, pubkey("migrations/localnet/usdc-mint.json"));
    assert.equal(LOCALNET.solMint, pubkey("app/fixtures/localnet/sol-mint.json"));
    assert.equal(knownSymbol(LOCALNET.usdcMint), "USDC");
    assert.equal(knownSymbol(LOCALNET.solMint), "SOL");
  });

  it("names mints from the client's one table (crates/client/src/known_mints.json)", () => {
    const table = JSON.parse(
      readFileSync(join(__dirname, "../../../crates/client/src/known_mints.json"), "utf8"),
    ) as Record<string, string>;
    for (const [mint, symbol] of Object.entries(table)) assert.equal(knownSymbol(mint), symbol);
    assert.equal(knownSymbol("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"), "USDC");
    assert.equal(knownSymbol(LOCALNET.admin), null);
    assert.equal(knownSymbol("toString"), null, "only the table's own keys");
  });

  it("knows endpoints and explorer links", () => {
    assert.equal(endpointOf("localnet", "", ""), "http://127.0.0.1:8899");
    assert.equal(endpointOf("devnet", "", ""), "https://api.devnet.solana.com");
    assert.equal(endpointOf("custom", "", "https://rpc.example.com"), "https://rpc.example.com");
    assert.ok(isLocalUrl("http://127.0.0.1:8999"));
    assert.ok(isLocalUrl("http://localhost:8899"));
    assert.ok(!isLocalUrl("https://api.devnet.solana.com"));
    assert.equal(explorerUrl("tx", "abc", "mainnet-beta", ""), "https://explorer.solana.com/tx/abc");
    assert.equal(
      explorerUrl("address", "abc", "devnet", ""),
      "https://explorer.solana.com/address/abc?cluster=devnet",
    );
    assert.equal(
      explorerUrl("tx", "abc", "localnet", "http://127.0.0.1:8899"),
      "https://explorer.solana.com/tx/abc?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899",
    );
  });
});
