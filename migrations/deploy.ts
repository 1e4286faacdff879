/**
 * Initialises (or brings up to date) the Pool Bot pool described by a config file.
 *
 * As an Anchor migration (`anchor migrate`): the exported function takes the provider; the
 * config is `$POOL_BOT_MIGRATION_CONFIG`, else `migrations/localnet.json`.
 *
 * Directly:
 *   npm run migrate -- [--url URL|localnet|devnet] [--config FILE] [--wallet KEYPAIR]
 *   (defaults: $ANCHOR_PROVIDER_URL or http://127.0.0.1:8899, migrations/localnet.json,
 *   $ANCHOR_WALLET or ~/.config/solana/id.json)
 *
 * The config (amounts in base units, times in seconds): `name`, `assetMint`, `maxMembers`,
 * `minContribution`, `insuranceBps`, the trade quorum (`requiredApprovals`,
 * `requireLeadApproval`), `proposalTtl`, the claim quorum (`claimRequiredApprovals`,
 * `claimRequireLeadApproval`), `claimTtl`, `timeLock` (optional, default 0: seconds a
 * governance change waits; production pools: days), `validators`, `keepers` and `products` (each with its
 * limits, `legRules`: `"local-amm-swap"` or `{ program, discriminator, sourceIndex,
 * destinationIndex, marketIndex }`, and `markets`: DEX pool addresses or `{ "localAmm": { mintA,
 * mintB, id } }`, empty for any); see `migrations/localnet.json` and `loadMigrationConfig` in
 * `pool-migration.ts`.
 *
 * Validators, quorums and limits, keepers and enabling products are governance changes: applied
 * at once while the pool's time lock is 0 (a new pool is set up before its time lock is raised),
 * otherwise queued and reported with the moment they may apply; a later run applies them once
 * due.
 *
 * Idempotent: a second run with the same config sends no transaction and says so.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { AnchorProvider } from "@anchor-lang/core";
import { Connection } from "@solana/web3.js";
import { keypairProvider } from "@poolbot/sdk";
import { loadMigrationConfig, migratePool, MigrationError, readKeypair } from "./pool-migration";

const DEFAULT_CONFIG = join(__dirname, "localnet.json");
const CLUSTERS: Record<string, string> = {
  localnet: "http://127.0.0.1:8899",
  devnet: "https://api.devnet.solana.com",
  testnet: "https://api.testnet.solana.com",
  "mainnet-beta": "https://api.mainnet-beta.solana.com",
};
const USAGE = "usage: npm run migrate -- [--url URL|localnet|devnet] [--config FILE] [--wallet KEYPAIR]";

/** The `anchor migrate` entry: migrates the pool with `provider`'s wallet as its creator. */
async function deploy(provider: AnchorProvider): Promise<void> {
  const config = loadMigrationConfig(process.env.POOL_BOT_MIGRATION_CONFIG ?? DEFAULT_CONFIG);
  await migratePool(provider, config);
}

module.exports = deploy;

/** The command line: flags, wallet, config, then the migration. */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: "string", short: "u" },
        config: { type: "string", short: "c" },
        wallet: { type: "string", short: "k" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new MigrationError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url =
    CLUSTERS[values.url ?? ""] ?? values.url ?? process.env.ANCHOR_PROVIDER_URL ?? CLUSTERS.localnet;
  if (!/^https?:\/\/[^/]+/.test(url))
    throw new MigrationError(`--url ${url}: expected http(s)://host:port or a cluster name`);
  const walletPath = resolve(
    values.wallet ?? process.env.ANCHOR_WALLET ?? join(homedir(), ".config/solana/id.json"),
  );
  if (!existsSync(walletPath)) {
    throw new MigrationError(`wallet ${walletPath} not found: pass --wallet KEYPAIR or set ANCHOR_WALLET`);
  }
  const wallet = readKeypair(walletPath, "wallet");
  const config = loadMigrationConfig(resolve(values.config ?? DEFAULT_CONFIG));
  await migratePool(keypairProvider(new Connection(url, "confirmed"), wallet), config);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    // An operator's mistake is one line; anything else is a bug and keeps its stack.
    console.error(e instanceof MigrationError ? `error: ${e.message}` : e);
    process.exit(1);
  });
}
