/**
 * The pool migration behind `migrations/deploy.ts`: reads a config file and brings the pool on
 * the cluster to it, creating what is missing and changing what differs, so a second run with
 * the same config sends nothing. It never removes validators, keepers or products the config
 * does not list (it reports them), and it cannot change a product's limits, leg rules or markets
 * (the program has no such instruction; it reports the difference).
 *
 * Validators, roles, quorums and limits, keepers and enabling products are governance changes
 * (`queue_change` / `apply_change`): on a pool whose time lock is 0 each is queued and applied in
 * one transaction; otherwise it is queued, reported with the moment it may apply, and applied
 * by a later run once due (a change already queued is not queued twice). A new pool is created
 * with a time lock of 0, set up, and only then given the config's `timeLock` (raising it is
 * immediate; lowering it is itself a queued change).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { AnchorProvider } from "@anchor-lang/core";
import {
  createInitializeMint2Instruction,
  getMint,
  MINT_SIZE,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from "@solana/spl-token";
import { Keypair, PublicKey, SystemProgram, Transaction } from "@solana/web3.js";
import {
  AmmAddresses,
  Change,
  changeCountdown,
  checkLegRule,
  ConfigChanges,
  describeChange,
  formatDuration,
  GovernanceChange,
  decodeName,
  decodeProgramError,
  formatLegRule,
  keepersOf,
  LegRuleSpec,
  legRulesOf,
  marketsOf,
  MAX_LEG_RULES,
  MAX_MARKETS,
  parseAccountIndex,
  parseDiscriminator,
  parseLegRule,
  POOL_BOT_PROGRAM_ID,
  PoolAddresses,
  PoolBotClient,
  PRODUCT_CATEGORIES,
  ProductCategoryName,
  ProductSpec,
  ROLES,
  RoleName,
  validatorsOf,
  tradeRequiresLead,
  claimRequiresLead,
  isEnabled,
} from "@poolbot/sdk";

/** A problem the operator can fix (bad config, wallet, URL, cluster): reported as one line. */
export class MigrationError extends Error {}

/** The asset mint: an existing mint, or (localnet only) one created from a keypair file. */
export type AssetMintConfig = PublicKey | { keypairPath: string; decimals: number };

/** What the config file asks for, validated. */
export interface MigrationConfig {
  name: string;
  assetMint: AssetMintConfig;
  maxMembers: number;
  minContribution: bigint;
  insuranceBps: number;
  requiredApprovals: number;
  requireLeadApproval: boolean;
  proposalTtl: bigint;
  claimRequiredApprovals: number;
  claimRequireLeadApproval: boolean;
  claimTtl: bigint;
  /** Seconds a governance change waits (0: changes apply at once; production: days). */
  timeLock: bigint;
  validators: Array<{ key: PublicKey; role: RoleName }>;
  keepers: PublicKey[];
  products: Array<ProductSpec & { maxTradeAmount: bigint; minProfit: bigint; enabled: boolean }>;
}

/** A change the migration queued (or found queued) that waits out the pool's time lock. */
export interface WaitingChange {
  id: number;
  address: PublicKey;
  description: string;
  /** Unix time from which anyone may apply it. */
  eta: number;
}

/** What a migration did. */
export interface MigrationResult {
  pool: PublicKey;
  mint: PublicKey;
  /** Signatures of the transactions it sent (empty when everything already matched). */
  signatures: string[];
  /** Changes waiting out the time lock (a later run applies them once due). */
  waiting: WaitingChange[];
}

type Json = Record<string, unknown>;

function field<T>(obj: Json, key: string, where: string, check: (v: unknown) => v is T, what: string): T {
  const value = obj[key];
  if (!check(value))
    throw new MigrationError(`${where}${key}: expected ${what}, got ${JSON.stringify(value)}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isAmount = (v: unknown): v is number | string => isInt(v) || (typeof v === "string" && /^\d+$/.test(v));

function pubkey(value: unknown, where: string): PublicKey {
  try {
    return new PublicKey(value as string);
  } catch {
    throw new MigrationError(`${where}: ${JSON.stringify(value)} is not a base58 public key`);
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (!allowed.includes(value as T)) {
    throw new MigrationError(`${where}: expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

const LEG_RULES =
  'a list of 1 to 4 leg rules ("local-amm-swap", or { "program", "discriminator", "sourceIndex", "destinationIndex", "marketIndex" })';
const MARKETS =
  'a list of at most 16 markets (DEX pool addresses, or { "localAmm": { "mintA", "mintB", "id" } }); [] for any';

/** A rule's instruction prefix: hex (`"f8c69e91e17587c8"`) or a list of bytes. */
function discriminator(value: unknown): Buffer {
  if (typeof value === "string") return parseDiscriminator(value);
  if (isArray(value) && value.every((b) => isInt(b) && b < 256)) return Buffer.from(value as number[]);
  throw new Error(`discriminator: expected 1 to 8 bytes as hex or a list, got ${JSON.stringify(value)}`);
}

/**
 * A product's leg rules: each `"local-amm-swap"` (the local AMM's swap), the CLI's text form
 * `PROGRAM:DISCRIMINATOR_HEX:SOURCE:DESTINATION[:MARKET]`, or `{ "program", "discriminator"
 * (hex, or a list of bytes), "sourceIndex", "destinationIndex", "marketIndex" (optional) }`.
 */
function legRules(list: unknown[], where: string): LegRuleSpec[] {
  if (list.length < 1 || list.length > MAX_LEG_RULES) {
    throw new MigrationError(`${where}: expected ${LEG_RULES}, got ${list.length} rules`);
  }
  return list.map((entry, j) => {
    const at = `${where}[${j}]`;
    try {
      if (typeof entry === "string") return parseLegRule(entry);
      if (!isObject(entry))
        throw new Error(`expected "local-amm-swap" or a rule object, got ${JSON.stringify(entry)}`);
      const rule: LegRuleSpec = {
        program: pubkey(entry.program, `${at}.program`),
        discriminator: discriminator(entry.discriminator),
        sourceIndex: parseAccountIndex(entry.sourceIndex, "sourceIndex"),
        destinationIndex: parseAccountIndex(entry.destinationIndex, "destinationIndex"),
        marketIndex:
          entry.marketIndex === undefined || entry.marketIndex === null
            ? null
            : parseAccountIndex(entry.marketIndex, "marketIndex"),
      };
      checkLegRule(rule);
      return rule;
    } catch (e) {
      if (e instanceof MigrationError) throw e;
      throw new MigrationError(`${at}: ${(e as Error).message}`);
    }
  });
}

/** A product's markets: addresses, or `{ "localAmm": { "mintA", "mintB", "id" } }` (a local AMM pool). */
function markets(list: unknown[], where: string): PublicKey[] {
  if (list.length > MAX_MARKETS)
    throw new MigrationError(`${where}: expected ${MARKETS}, got ${list.length}`);
  const keys = list.map((entry, j) => {
    const at = `${where}[${j}]`;
    if (isObject(entry) && isObject(entry.localAmm)) {
      const amm = entry.localAmm;
      const id = field(amm, "id", `${at}.localAmm.`, isInt, "a pool id");
      return new AmmAddresses(
        pubkey(amm.mintA, `${at}.localAmm.mintA`),
        pubkey(amm.mintB, `${at}.localAmm.mintB`),
        id,
        TOKEN_PROGRAM_ID,
      ).pool;
    }
    return pubkey(entry, at);
  });
  keys.forEach((k, j) => {
    if (keys.findIndex((o) => o.equals(k)) !== j)
      throw new MigrationError(`${where}[${j}]: ${k.toBase58()} is listed twice`);
  });
  return keys;
}

/** Reads and validates the config file at `path` (amounts in base units, times in seconds). */
export function loadMigrationConfig(path: string): MigrationConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new MigrationError(`cannot read config ${path}: ${(e as Error).message}`);
  }
  if (!isObject(raw)) throw new MigrationError(`config ${path}: expected a JSON object`);
  const where = `config ${path}: `;
  if ("profitUnlockPeriod" in raw) {
    throw new MigrationError(
      `${where}profitUnlockPeriod: the pool no longer has a profit unlock (deposits made while a trade proposal is live wait until it ends instead); remove it, and set claimRequiredApprovals, claimRequireLeadApproval and claimTtl`,
    );
  }
  const mint = raw.assetMint;
  let assetMint: AssetMintConfig;
  if (isObject(mint)) {
    const keypair = field(mint, "keypair", `${where}assetMint.`, isString, "a keypair file path");
    const decimals = field(mint, "decimals", `${where}assetMint.`, isInt, "a number of decimals");
    assetMint = { keypairPath: resolve(dirname(path), keypair), decimals };
  } else if (isString(mint)) {
    assetMint = pubkey(mint, `${where}assetMint`);
  } else {
    throw new MigrationError(
      `${where}assetMint: expected a mint address or { "keypair": FILE, "decimals": N }`,
    );
  }
  const validators = field(raw, "validators", where, isArray, "a list").map((v, i) => {
    const at = `${where}validators[${i}].`;
    if (!isObject(v)) throw new MigrationError(`${at.slice(0, -1)}: expected { "key", "role" }`);
    return { key: pubkey(v.key, `${at}key`), role: oneOf(v.role, ROLES, `${at}role`) };
  });
  const keepers = field(raw, "keepers", where, isArray, "a list").map((k, i) =>
    pubkey(k, `${where}keepers[${i}]`),
  );
  const products = field(raw, "products", where, isArray, "a list").map((p, i) => {
    const at = `${where}products[${i}].`;
    if (!isObject(p)) throw new MigrationError(`${at.slice(0, -1)}: expected an object`);
    if ("allowedPrograms" in p) {
      throw new MigrationError(
        `${at}allowedPrograms: products no longer allow whole programs; replace it with "legRules": ["local-amm-swap"] (or rules { "program", "discriminator", "sourceIndex", "destinationIndex", "marketIndex" }) and "markets": [the DEX pools its legs may trade on] ([] for any)`,
      );
    }
    return {
      name: field(p, "name", at, isString, "a name"),
      category: oneOf(p.category, PRODUCT_CATEGORIES, `${at}category`) as ProductCategoryName,
      maxTradeAmount: BigInt(field(p, "maxTradeAmount", at, isAmount, "an amount in base units")),
      minProfit: BigInt(field(p, "minProfit", at, isAmount, "an amount in base units")),
      maxLiquidityBps: field(p, "maxLiquidityBps", at, isInt, "basis points"),
      legRules: legRules(field(p, "legRules", at, isArray, LEG_RULES), `${at}legRules`),
      markets: markets(field(p, "markets", at, isArray, MARKETS), `${at}markets`),
      enabled: field(p, "enabled", at, isBool, "true or false"),
    };
  });
  return {
    name: field(raw, "name", where, isString, "a pool name"),
    assetMint,
    maxMembers: field(raw, "maxMembers", where, isInt, "a whole number"),
    minContribution: BigInt(field(raw, "minContribution", where, isAmount, "an amount in base units")),
    insuranceBps: field(raw, "insuranceBps", where, isInt, "basis points"),
    requiredApprovals: field(raw, "requiredApprovals", where, isInt, "a whole number"),
    requireLeadApproval: field(raw, "requireLeadApproval", where, isBool, "true or false"),
    proposalTtl: BigInt(field(raw, "proposalTtl", where, isAmount, "seconds")),
    claimRequiredApprovals: field(raw, "claimRequiredApprovals", where, isInt, "a whole number"),
    claimRequireLeadApproval: field(raw, "claimRequireLeadApproval", where, isBool, "true or false"),
    claimTtl: BigInt(field(raw, "claimTtl", where, isAmount, "seconds")),
    timeLock: raw.timeLock === undefined ? 0n : BigInt(field(raw, "timeLock", where, isAmount, "seconds")),
    validators,
    keepers,
    products,
  };
}

/** Whether `url` is a validator on this machine (where the migration may create a mint). */
function isLocal(url: string): boolean {
  return ["127.0.0.1", "localhost", "0.0.0.0", "[::1]"].includes(new URL(url).hostname);
}

/** The keypair in the Solana CLI's JSON file at `path` (`what` names it in errors). */
export function readKeypair(path: string, what: string): Keypair {
  if (!existsSync(path)) throw new MigrationError(`${what} ${path} not found`);
  try {
    return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, "utf8"))));
  } catch (e) {
    throw new MigrationError(
      `${what} ${path} is not a keypair file (a JSON array of 64 bytes): ${(e as Error).message}`,
    );
  }
}

/**
 * Brings the pool that `provider.wallet` creates for the config's mint to `config`. `log`
 * receives one line per check and action.
 */
export async function migratePool(
  provider: AnchorProvider,
  config: MigrationConfig,
  log: (line: string) => void = console.log,
): Promise<MigrationResult> {
  const connection = provider.connection;
  const url = connection.rpcEndpoint;
  const client = new PoolBotClient(provider);
  const wallet = client.wallet;
  const signatures: string[] = [];
  const run = async (what: string, send: () => Promise<{ signature: string }>) => {
    try {
      const { signature } = await send();
      signatures.push(signature);
      log(`  ${what}: tx ${signature}`);
    } catch (e) {
      const failure = decodeProgramError(e);
      if (failure)
        throw new MigrationError(
          `${what}: refused with ${failure.name} (${failure.code}): ${failure.message}`,
        );
      throw e;
    }
  };

  let program;
  try {
    program = await connection.getAccountInfo(POOL_BOT_PROGRAM_ID);
  } catch (e) {
    const cause = (e as Error).message.replace(/^failed to get info about account \S+: /, "");
    throw new MigrationError(`cannot reach ${url} (${cause}). Is the validator running?`);
  }
  if (!program?.executable) {
    throw new MigrationError(
      `Pool Bot is not deployed at ${POOL_BOT_PROGRAM_ID.toBase58()} on ${url}` +
        " (on localnet, start the validator with scripts/localnet.sh start, which deploys it)",
    );
  }
  log(`Pool Bot ${POOL_BOT_PROGRAM_ID.toBase58()} is deployed on ${url}`);
  const lamports = await connection.getBalance(wallet);
  if (lamports === 0)
    throw new MigrationError(`wallet ${wallet.toBase58()} has no SOL on ${url} to pay fees`);

  // The asset mint.
  let mint: PublicKey;
  if (config.assetMint instanceof PublicKey) {
    mint = config.assetMint;
  } else {
    const mintKeypair = readKeypair(config.assetMint.keypairPath, "asset mint keypair");
    mint = mintKeypair.publicKey;
    if (!(await connection.getAccountInfo(mint))) {
      if (!isLocal(url)) {
        throw new MigrationError(
          `asset mint ${mint.toBase58()} does not exist on ${url}; mints are only created on localnet`,
        );
      }
      const { decimals } = config.assetMint;
      const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
      await run(
        `create asset mint ${mint.toBase58()} (${decimals} decimals, authority ${wallet.toBase58()})`,
        async () => ({
          signature: await provider.sendAndConfirm(
            new Transaction().add(
              SystemProgram.createAccount({
                fromPubkey: wallet,
                newAccountPubkey: mint,
                lamports: rent,
                space: MINT_SIZE,
                programId: TOKEN_PROGRAM_ID,
              }),
              createInitializeMint2Instruction(mint, decimals, wallet, null),
            ),
            [mintKeypair],
          ),
        }),
      );
    }
  }
  const mintAccount = await connection.getAccountInfo(mint);
  if (!mintAccount || ![TOKEN_PROGRAM_ID, TOKEN_2022_PROGRAM_ID].some((p) => p.equals(mintAccount.owner))) {
    throw new MigrationError(
      `asset mint ${mint.toBase58()} is not an SPL Token or Token-2022 mint on ${url}`,
    );
  }
  const tokenProgram = mintAccount.owner;
  const decimals = (await getMint(connection, mint, "confirmed", tokenProgram)).decimals;
  if (!(config.assetMint instanceof PublicKey) && decimals !== config.assetMint.decimals) {
    throw new MigrationError(
      `asset mint ${mint.toBase58()} has ${decimals} decimals, the config says ${config.assetMint.decimals}`,
    );
  }
  const p = new PoolAddresses(wallet, mint, tokenProgram);
  log(`pool ${p.pool.toBase58()} (creator ${wallet.toBase58()}, mint ${mint.toBase58()})`);

  // The pool, created with trade and claim quorums its lone ADMIN can meet and no time lock:
  // the config's quorums follow once the validators are in, and its time lock last.
  if (!(await connection.getAccountInfo(p.pool))) {
    await run("initialize the pool", () =>
      client.initializePool(
        mint,
        {
          name: config.name,
          maxMembers: config.maxMembers,
          minContribution: config.minContribution,
          insuranceBps: config.insuranceBps,
          requiredApprovals: 1,
          requireLeadApproval: config.requireLeadApproval,
          proposalTtl: config.proposalTtl,
          claimRequiredApprovals: 1,
          claimRequireLeadApproval: config.claimRequireLeadApproval,
          claimTtl: config.claimTtl,
          timeLock: 0,
        },
        tokenProgram,
      ),
    );
  }

  const set = await client.fetchValidatorSet(p);
  const onChain = validatorsOf(set);
  if (!onChain.some((v) => v.key.equals(wallet) && v.roleName === "admin")) {
    throw new MigrationError(`wallet ${wallet.toBase58()} is not an ADMIN of pool ${p.pool.toBase58()}`);
  }
  const pool = await client.fetchPool(p.pool);
  const timeLock = BigInt(pool.timeLock.toString());
  const pending = await client.listPendingChanges(p);
  const waiting: WaitingChange[] = [];
  const now = await client.chainTime();
  const decimals10 = 10n ** BigInt(decimals);
  const describe = (change: GovernanceChange) =>
    describeChange(change, {
      amount: (v) =>
        `${v / decimals10}${v % decimals10 ? `.${(v % decimals10).toString().padStart(decimals, "0").replace(/0+$/, "")}` : ""}`,
    });
  const same = (a: GovernanceChange, b: GovernanceChange) => JSON.stringify(a) === JSON.stringify(b);

  /**
   * Brings `change` about: at once on a pool without a time lock (queued and applied in one
   * transaction); otherwise queued (unless already queued) and reported, or applied once due.
   */
  const govern = async (what: string, change: GovernanceChange) => {
    const queued = pending.find((x) => same(x.account.change, change));
    if (queued) {
      const countdown = changeCountdown(queued.account, now);
      if (countdown.due) {
        await run(`${what} (apply queued change #${queued.account.id.toString()})`, () =>
          client.applyChange(p, queued.publicKey),
        );
      } else {
        const entry = {
          id: queued.account.id.toNumber(),
          address: queued.publicKey,
          description: describe(change),
          eta: queued.account.eta.toNumber(),
        };
        waiting.push(entry);
        log(`  waiting: ${what} is queued as change #${entry.id}, ${countdown.text}`);
      }
      return;
    }
    if (timeLock === 0n) {
      await run(what, async () => (await client.govern(p, [change])).sent[0]);
      return;
    }
    await run(`queue ${what}`, async () => {
      const sent = await client.queueChange(p, change);
      waiting.push({ id: sent.id, address: sent.change, description: describe(change), eta: sent.eta });
      log(
        `  queued change #${sent.id}: ${describe(change)}; anyone may apply it from ${new Date(sent.eta * 1000).toISOString()} (in ${formatDuration(Number(timeLock))}), any ADMIN may cancel it`,
      );
      return sent;
    });
  };

  for (const { key, role } of config.validators) {
    const current = onChain.find((v) => v.key.equals(key));
    if (!current) {
      await govern(`add validator ${key.toBase58()} as ${role}`, Change.addValidator(key, role));
    } else if (current.roleName !== role) {
      await govern(
        `change validator ${key.toBase58()} from ${current.roleName} to ${role}`,
        Change.setValidatorRole(key, role),
      );
    }
  }
  for (const v of onChain) {
    if (!v.key.equals(wallet) && !config.validators.some((c) => c.key.equals(v.key))) {
      log(`  note: validator ${v.key.toBase58()} (${v.roleName}) is not in the config; left in place`);
    }
  }

  const wanted = {
    maxMembers: config.maxMembers,
    minContribution: config.minContribution,
    insuranceBps: config.insuranceBps,
    requiredApprovals: config.requiredApprovals,
    requireLeadApproval: config.requireLeadApproval,
    proposalTtl: config.proposalTtl,
    claimRequiredApprovals: config.claimRequiredApprovals,
    claimRequireLeadApproval: config.claimRequireLeadApproval,
    claimTtl: config.claimTtl,
  };
  const current = {
    maxMembers: pool.maxMembers,
    minContribution: BigInt(pool.minContribution.toString()),
    insuranceBps: pool.insuranceBps,
    requiredApprovals: pool.requiredApprovals,
    requireLeadApproval: tradeRequiresLead(pool),
    proposalTtl: BigInt(pool.proposalTtl.toString()),
    claimRequiredApprovals: pool.claimRequiredApprovals,
    claimRequireLeadApproval: claimRequiresLead(pool),
    claimTtl: BigInt(pool.claimTtl.toString()),
  };
  const changes: ConfigChanges = Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => current[k as keyof typeof current] !== v),
  );
  // a shorter time lock waits out the current one
  if (config.timeLock < timeLock) changes.timeLock = config.timeLock;
  if (Object.keys(changes).length > 0) {
    await govern(`update ${Object.keys(changes).join(", ")}`, Change.config(changes));
  }

  const keepers = keepersOf(set);
  for (const keeper of config.keepers) {
    if (!keepers.some((k) => k.equals(keeper))) {
      await govern(`authorise keeper ${keeper.toBase58()}`, Change.addKeeper(keeper));
    }
  }

  const products = await client.listProducts(p);
  for (const spec of config.products) {
    const existing = products.find((x) => decodeName(x.account.name) === spec.name);
    if (!existing) {
      // registered disabled; enabling is a governance change in the same transaction
      await run(`register product "${spec.name}"`, async () => {
        const sent = await client.registerProduct(p, spec, { enable: spec.enabled });
        if (spec.enabled && !sent.enabled) {
          for (const q of sent.queued) {
            const pendingChange = (await client.fetchPendingChange(q.change))!;
            const eta = pendingChange.eta.toNumber();
            waiting.push({ id: q.id, address: q.change, description: describe(pendingChange.change), eta });
            log(
              `  queued change #${q.id}: ${describe(pendingChange.change)}; anyone may apply it from ${new Date(eta * 1000).toISOString()} (in ${formatDuration(Number(timeLock))}), any ADMIN may cancel it`,
            );
          }
        }
        return sent;
      });
      continue;
    }
    const product = existing.account;
    const sameLimits =
      PRODUCT_CATEGORIES[product.category] === spec.category &&
      BigInt(product.maxTradeAmount.toString()) === spec.maxTradeAmount &&
      BigInt(product.minProfit.toString()) === spec.minProfit &&
      product.maxLiquidityBps === spec.maxLiquidityBps;
    const sameRules =
      legRulesOf(product).map(formatLegRule).join() === spec.legRules.map(formatLegRule).join() &&
      marketsOf(product).map(String).join() === spec.markets.map(String).join();
    if (!sameLimits || !sameRules) {
      const what = [!sameLimits && "limits", !sameRules && "leg rules or markets"]
        .filter(Boolean)
        .join(" and ");
      log(
        `  note: product "${spec.name}" differs from the config in ${what}, which cannot be changed (register a new product instead)`,
      );
    }
    if (isEnabled(product) !== spec.enabled) {
      if (spec.enabled) {
        await govern(`enable product "${spec.name}"`, Change.enableProduct(existing.publicKey));
      } else {
        await run(`disable product "${spec.name}"`, () => client.disableProduct(p, existing.publicKey));
      }
    }
  }

  // What takes effect at once: the name, and a longer time lock (last, so a new pool's setup
  // above applied without waiting).
  const immediate: { name?: string; timeLock?: bigint } = {};
  if (decodeName(pool.name) !== config.name) immediate.name = config.name;
  if (config.timeLock > timeLock) immediate.timeLock = config.timeLock;
  if (Object.keys(immediate).length > 0) {
    await run(`update ${Object.keys(immediate).join(", ")}`, () => client.updateConfig(p, immediate));
  }

  if (signatures.length > 0) {
    log(`Done: ${signatures.length} transaction(s) sent.`);
  } else if (waiting.length > 0) {
    log(
      `Nothing to send: ${waiting.length} change(s) wait out the time lock; run again once due to apply them.`,
    );
  } else {
    log("Nothing to do: the pool already matches the config (no transaction sent).");
  }
  if (signatures.length > 0 && waiting.length > 0) {
    log(`${waiting.length} change(s) wait out the time lock; run again once due to apply them.`);
  }
  return { pool: p.pool, mint, signatures, waiting };
}
