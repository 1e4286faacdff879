/**
 * `migrations/deploy.ts` against the local validator: run twice from the command line with a
 * fresh wallet, mint and config, the first run builds the pool as configured and the second
 * sends nothing; the `anchor migrate` entry does the same; operator mistakes get one clear line.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { AnchorProvider } from "@anchor-lang/core";
import { getMint, TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  AmmAddresses,
  decodeName,
  formatLegRule,
  keepersOf,
  legRulesOf,
  LOCAL_AMM_PROGRAM_ID,
  localAmmSwapRule,
  marketsOf,
  PoolAddresses,
  poolAddress,
  PoolBotClient,
  validatorsOf,
} from "@poolbot/sdk";
import { loadMigrationConfig, readKeypair } from "../migrations/pool-migration";
import { big, connect, fundedWallet, RPC_URL, snapshot } from "./support/localnet";

const connection = connect();
const root = join(__dirname, "..");

/** Runs the migration script with `args`; resolves with its exit code and output. */
async function migrate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "migrations/deploy.ts", ...args],
      {
        cwd: root,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeKeypair(dir: string, name: string, keypair: Keypair): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(Array.from(keypair.secretKey)));
  return path;
}

describe("migrations/deploy.ts", () => {
  const dir = mkdtempSync(join(tmpdir(), "pool-bot-migration-"));
  const mint = Keypair.generate();
  const validators = [Keypair.generate(), Keypair.generate(), Keypair.generate()].map((k) => k.publicKey);
  const keeper = Keypair.generate().publicKey;
  const markets = [Keypair.generate().publicKey, Keypair.generate().publicKey];
  /** A rule given in full: the local AMM's swap, but spending from account 3 into account 2. */
  const reversed = { ...localAmmSwapRule(), sourceIndex: 3, destinationIndex: 2 };
  const config = {
    name: "Migrated Pool",
    assetMint: { keypair: "usdc-mint.json", decimals: 6 },
    maxMembers: 50,
    minContribution: "250000000",
    insuranceBps: 700,
    requiredApprovals: 2,
    requireLeadApproval: true,
    proposalTtl: 1800,
    claimRequiredApprovals: 2,
    claimRequireLeadApproval: false,
    claimTtl: 259200,
    validators: [
      { key: validators[0].toBase58(), role: "lead" },
      { key: validators[1].toBase58(), role: "senior" },
      { key: validators[2].toBase58(), role: "junior" },
    ],
    keepers: [keeper.toBase58()],
    products: [
      {
        name: "DEX arbitrage",
        category: "arbitrage",
        maxTradeAmount: 40_000_000_000,
        minProfit: 2_000_000,
        maxLiquidityBps: 800,
        legRules: [
          "local-amm-swap",
          {
            program: LOCAL_AMM_PROGRAM_ID.toBase58(),
            discriminator: reversed.discriminator.toString("hex"),
            sourceIndex: 3,
            destinationIndex: 2,
            marketIndex: 1,
          },
        ],
        markets: [
          markets[0].toBase58(),
          { localAmm: { mintA: mint.publicKey.toBase58(), mintB: markets[1].toBase58(), id: 7 } },
        ],
        enabled: true,
      },
    ],
  };
  const ammMarket = new AmmAddresses(mint.publicKey, markets[1], 7, TOKEN_PROGRAM_ID).pool;
  const configPath = join(dir, "pool.json");
  let wallet: Keypair;
  let walletPath: string;
  let p: PoolAddresses;

  before(async () => {
    writeKeypair(dir, "usdc-mint.json", mint);
    writeFileSync(configPath, JSON.stringify(config));
    wallet = await fundedWallet(connection, 10);
    walletPath = writeKeypair(dir, "wallet.json", wallet);
  });

  it("first run: creates the mint and the pool exactly as configured", async () => {
    const run = await migrate("--url", RPC_URL, "--config", configPath, "--wallet", walletPath);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /create asset mint .*: tx /);
    assert.match(run.stdout, /Done: \d+ transaction\(s\) sent/);

    assert.equal((await getMint(connection, mint.publicKey)).decimals, 6);
    const client = PoolBotClient.connect(connection, wallet);
    p = await client.poolAddresses(poolAddress(wallet.publicKey, mint.publicKey));
    const pool = await client.fetchPool(p.pool);
    assert.equal(decodeName(pool.name), config.name);
    assert.ok(pool.creator.equals(wallet.publicKey) && pool.assetMint.equals(mint.publicKey));
    assert.equal(pool.maxMembers, 50);
    assert.equal(big(pool.minContribution), 250_000_000n);
    assert.equal(pool.insuranceBps, 700);
    assert.equal(pool.requiredApprovals, 2);
    assert.equal(pool.requireLeadApproval, 1);
    assert.equal(big(pool.proposalTtl), 1_800n);
    assert.equal(pool.claimRequiredApprovals, 2);
    assert.equal(pool.claimRequireLead, 0);
    assert.equal(big(pool.claimTtl), 259_200n);

    const set = await client.fetchValidatorSet(p);
    assert.deepEqual(
      validatorsOf(set).map((v) => [v.key.toBase58(), v.roleName]),
      [
        [wallet.publicKey.toBase58(), "admin"],
        [validators[0].toBase58(), "lead"],
        [validators[1].toBase58(), "senior"],
        [validators[2].toBase58(), "junior"],
      ],
    );
    assert.deepEqual(keepersOf(set), [keeper]);
    const [product] = await client.listProducts(p);
    assert.equal(decodeName(product.account.name), "DEX arbitrage");
    assert.equal(big(product.account.maxTradeAmount), 40_000_000_000n);
    assert.equal(big(product.account.minProfit), 2_000_000n);
    assert.equal(product.account.maxLiquidityBps, 800);
    assert.deepEqual(legRulesOf(product.account), [localAmmSwapRule(), reversed]);
    assert.deepEqual(marketsOf(product.account), [markets[0], ammMarket]);
    assert.equal(product.account.enabled, 1);
  });

  it("second run: finds everything in place and sends no transaction", async () => {
    const watched = [wallet.publicKey, p.pool, p.validatorSet, p.product(0), mint.publicKey];
    const before = await snapshot(connection, watched);
    const run = await migrate("--url", RPC_URL, "--config", configPath, "--wallet", walletPath);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Nothing to do: the pool already matches the config \(no transaction sent\)/);
    assert.deepEqual(await snapshot(connection, watched), before, "no fee paid, no account changed");
  });

  it("reports a product whose rules or markets differ from the config, and leaves it as it is", async () => {
    const changed = join(dir, "changed-markets.json");
    const product = { ...config.products[0], markets: [markets[0].toBase58()] };
    writeFileSync(changed, JSON.stringify({ ...config, products: [product] }));
    const before = await snapshot(connection, [wallet.publicKey, p.product(0)]);
    const run = await migrate("--url", RPC_URL, "--config", changed, "--wallet", walletPath);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /note: product "DEX arbitrage" differs from the config in leg rules or markets, which cannot be changed/,
    );
    assert.match(run.stdout, /Nothing to do/);
    assert.deepEqual(await snapshot(connection, [wallet.publicKey, p.product(0)]), before);
  });

  it("with a time lock: a new pool is set up at once, then locked; later changes are queued and reported", async () => {
    const lockedMint = Keypair.generate();
    writeKeypair(dir, "locked-mint.json", lockedMint);
    const locked = join(dir, "locked.json");
    const lockedConfig = {
      ...config,
      assetMint: { keypair: "locked-mint.json", decimals: 6 },
      timeLock: 3_600,
      products: [{ ...config.products[0], markets: [] }],
    };
    writeFileSync(locked, JSON.stringify(lockedConfig));
    const first = await migrate("--url", RPC_URL, "--config", locked, "--wallet", walletPath);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /update timeLock: tx /);
    const client = PoolBotClient.connect(connection, wallet);
    const lp = await client.poolAddresses(poolAddress(wallet.publicKey, lockedMint.publicKey));
    const pool = await client.fetchPool(lp.pool);
    assert.deepEqual([big(pool.timeLock), pool.requiredApprovals, pool.insuranceBps], [3_600n, 2, 700]);
    assert.equal(validatorsOf(await client.fetchValidatorSet(lp)).length, 4);
    assert.equal((await client.fetchProduct(lp.product(0))).enabled, 1);
    assert.deepEqual(await client.listPendingChanges(lp), []);

    // a later change waits out the lock: queued, reported, nothing applied
    writeFileSync(locked, JSON.stringify({ ...lockedConfig, insuranceBps: 800 }));
    const second = await migrate("--url", RPC_URL, "--config", locked, "--wallet", walletPath);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stdout,
      /queued change #\d+: Set insurance share to 8%; anyone may apply it from .* \(in 1h\), any ADMIN may cancel it/,
    );
    assert.equal((await client.fetchPool(lp.pool)).insuranceBps, 700);
    const [queued] = await client.listPendingChanges(lp);
    assert.equal(big(queued.account.eta) - big(queued.account.queuedAt), 3_600n);

    // run again: it is already queued, so nothing is sent
    const before = await snapshot(connection, [wallet.publicKey, lp.pool, queued.publicKey]);
    const third = await migrate("--url", RPC_URL, "--config", locked, "--wallet", walletPath);
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stdout, /waiting: update insuranceBps is queued as change #\d+, applies in (59m|1h)/);
    assert.match(third.stdout, /Nothing to send: 1 change\(s\) wait out the time lock/);
    assert.deepEqual(await snapshot(connection, [wallet.publicKey, lp.pool, queued.publicKey]), before);
  });

  it("the anchor-migrate entry takes a provider and is idempotent too", async () => {
    const deploy: (provider: AnchorProvider) => Promise<void> = require("../migrations/deploy");
    process.env.POOL_BOT_MIGRATION_CONFIG = configPath;
    const before = await snapshot(connection, [wallet.publicKey, p.pool]);
    await deploy(PoolBotClient.connect(connection, wallet).provider);
    delete process.env.POOL_BOT_MIGRATION_CONFIG;
    assert.deepEqual(await snapshot(connection, [wallet.publicKey, p.pool]), before);
  });

  it("the committed localnet config is valid and names the committed localnet keypairs", () => {
    const localnet = loadMigrationConfig(join(root, "migrations/localnet.json"));
    const key = (name: string) =>
      readKeypair(join(root, "migrations/localnet", `${name}.json`), name).publicKey;
    assert.ok(!(localnet.assetMint instanceof PublicKey));
    assert.ok(readKeypair(localnet.assetMint.keypairPath, "mint").publicKey.equals(key("usdc-mint")));
    assert.deepEqual(
      localnet.validators.map((v) => [v.key.toBase58(), v.role]),
      [
        [key("lead").toBase58(), "lead"],
        [key("senior-1").toBase58(), "senior"],
        [key("senior-2").toBase58(), "senior"],
      ],
    );
    assert.deepEqual(localnet.keepers, [key("keeper")]);
    assert.deepEqual(
      [localnet.requiredApprovals, localnet.claimRequiredApprovals, localnet.claimRequireLeadApproval],
      [2, 2, true],
      "the seed's quorums: 2 with a lead, for trades and claims",
    );
    assert.equal(localnet.claimTtl, 604_800n, "claims open for 7 days");
    assert.equal(localnet.timeLock, 0n, "a fixture: changes apply at once, so re-runs stay idempotent");
    // The Rust seed's product: the local AMM's swap, on the fixture's two USDC/SOL pools.
    const [product] = localnet.products;
    assert.deepEqual(product.legRules.map(formatLegRule), [formatLegRule(localAmmSwapRule())]);
    const sol = readKeypair(join(root, "app/fixtures/localnet/sol-mint.json"), "sol-mint").publicKey;
    assert.deepEqual(
      product.markets,
      [0, 1].map((id) => new AmmAddresses(key("usdc-mint"), sol, id, TOKEN_PROGRAM_ID).pool),
    );
  });

  it("answers operator mistakes with one line, no stack trace and no change", async () => {
    const watched = [wallet.publicKey, p.pool, p.validatorSet];
    const before = await snapshot(connection, watched);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ ...config, insuranceBps: "5%" }));
    const unreachable = join(dir, "quorum.json");
    writeFileSync(unreachable, JSON.stringify({ ...config, requiredApprovals: 9 }));
    const claimQuorum = join(dir, "claim-quorum.json");
    writeFileSync(claimQuorum, JSON.stringify({ ...config, claimRequiredApprovals: 4 }));
    const stale = join(dir, "stale.json");
    writeFileSync(stale, JSON.stringify({ ...config, profitUnlockPeriod: 0 }));
    const noClaimTtl = join(dir, "no-claim-ttl.json");
    writeFileSync(noClaimTtl, JSON.stringify({ ...config, claimTtl: undefined }));
    const product = config.products[0];
    const oldProducts = join(dir, "allowed-programs.json");
    const { legRules: _rules, markets: _markets, ...withoutRules } = product;
    writeFileSync(
      oldProducts,
      JSON.stringify({
        ...config,
        products: [{ ...withoutRules, allowedPrograms: [LOCAL_AMM_PROGRAM_ID.toBase58()] }],
      }),
    );
    const badRule = join(dir, "bad-rule.json");
    writeFileSync(
      badRule,
      JSON.stringify({
        ...config,
        products: [{ ...product, legRules: ["local-amm-swap", "swap-anything"] }],
      }),
    );
    const sameAccounts = join(dir, "same-accounts.json");
    writeFileSync(
      sameAccounts,
      JSON.stringify({
        ...config,
        products: [{ ...product, legRules: [{ ...(product.legRules[1] as object), destinationIndex: 3 }] }],
      }),
    );
    const twice = join(dir, "market-twice.json");
    writeFileSync(
      twice,
      JSON.stringify({
        ...config,
        products: [{ ...product, markets: [markets[0].toBase58(), markets[0].toBase58()] }],
      }),
    );
    const cases: Array<[string[], RegExp]> = [
      [["--config", broken, "--wallet", walletPath], /insuranceBps: expected basis points, got "5%"/],
      [
        ["--config", unreachable, "--wallet", walletPath],
        /update requiredApprovals: refused with InvalidQuorum \(6035\)/,
      ],
      [
        ["--config", claimQuorum, "--wallet", walletPath],
        /update claimRequiredApprovals: refused with InvalidQuorum \(6035\)/,
      ],
      [
        ["--config", stale, "--wallet", walletPath],
        /profitUnlockPeriod: the pool no longer has a profit unlock/,
      ],
      [["--config", noClaimTtl, "--wallet", walletPath], /claimTtl: expected seconds, got undefined/],
      [
        ["--config", oldProducts, "--wallet", walletPath],
        /products\[0\]\.allowedPrograms: products no longer allow whole programs; replace it with "legRules": \["local-amm-swap"\].* and "markets"/,
      ],
      [
        ["--config", badRule, "--wallet", walletPath],
        /products\[0\]\.legRules\[1\]: "swap-anything" is not a leg rule: use local-amm-swap, or PROGRAM:DISCRIMINATOR_HEX/,
      ],
      [
        ["--config", sameAccounts, "--wallet", walletPath],
        /products\[0\]\.legRules\[0\]: the source and destination must be different accounts/,
      ],
      [["--config", twice, "--wallet", walletPath], /products\[0\]\.markets\[1\]: \w+ is listed twice/],
      [["--config", join(dir, "missing.json"), "--wallet", walletPath], /cannot read config .*missing\.json/],
      [["--config", configPath, "--wallet", join(dir, "nobody.json")], /wallet .*nobody\.json not found/],
      [["--config", configPath, "--wallet", configPath], /is not a keypair file/],
      [
        ["--url", "http://127.0.0.1:9", "--config", configPath, "--wallet", walletPath],
        /cannot reach http:\/\/127\.0\.0\.1:9 .*Is the validator running\?/,
      ],
      [["--colour", "blue"], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = await migrate(...(args.includes("--url") ? args : ["--url", RPC_URL, ...args]));
      assert.equal(run.code, 1, `exit code for ${args.join(" ")}`);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^error: /);
      assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
    }
    assert.deepEqual(await snapshot(connection, watched), before);
  });
});
