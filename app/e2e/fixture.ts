/**
 * The localnet state the web app's browser tests (and a developer's `npm run dev`) start from,
 * made by real transactions only, never by writing accounts:
 *
 *  1. SOL from the faucet for the fixture wallets (admin, member, LEAD, SENIORs, keeper);
 *  2. the migration (`migrations/deploy.ts` with `migrations/localnet.json`, the fixture admin
 *     as creator): the USDC mint, the pool, its validators, keeper and arbitrage product (the
 *     local AMM's swap on the two pools of step 3);
 *  3. the local AMM market: a SOL mint and two USDC/SOL pools at different prices;
 *  4. once per pool, a short history so every page has something to show: three members
 *     depositing 1000 / 5000 / 2500 USDC, the reserve funded, two arbitrages executed and one
 *     rejected, a claim paid and one denied, a claim by SENIOR 2 (a member too) that only the
 *     other validators may decide, a second product registered disabled (the swap rule on any
 *     market);
 *  5. every run: the fixture member's USDC topped up, deposit requests that have become ready
 *     settled (earlier runs' browser tests queue one), earlier runs' half-approved proposals
 *     completed and executed (or expired), and one fresh pending proposal the LEAD has not
 *     voted on. While it is live (an hour), a deposit is queued as a request;
 *  6. one governance change queued and not applied (a no-op; due at once, the pool has no time
 *     lock), for the pending-changes section;
 *  7. mandates: one active (the seed's terms, approved by the LEAD and SENIOR 1) with an
 *     arbitrage executed under it, and one pending the LEAD has not voted on (a browser test
 *     approves and revokes it); finished ones are closed. While the active one stands, every
 *     deposit is queued for at least a proposal lifetime.
 *
 * Idempotent: run it any number of times against the same validator.
 *
 *   npm run fixture -- [--url http://127.0.0.1:8899] [--json OUT.json]   (in app/)
 *   (default URL: $POOLBOT_RPC_URL, else http://127.0.0.1:8899; `npm run fixture` runs Node with
 *   `--conditions=source`, so `@poolbot/sdk` resolves to its TypeScript source)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
} from "@solana/spl-token";
import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  sendAndConfirmTransaction,
  Signer,
  SystemProgram,
  Transaction,
  TransactionInstruction,
} from "@solana/web3.js";
import {
  AmmAddresses,
  Change,
  decodeName,
  LocalAmmClient,
  localAmmSwapRule,
  PoolAddresses,
  PoolBotClient,
  hasVoted,
  isLive,
  isMandateFinished,
  MandateTerms,
  mandateStanding,
  proposalStatus,
  RouteLeg,
  swapOutput,
  validatorsOf,
} from "@poolbot/sdk";

const APP = join(__dirname, "..");
const ROOT = join(APP, "..");
export const USDC = 1_000_000n;
export const SOL = 1_000_000_000n;
const AMM_FEE_BPS = 30;

/** A fixture keypair by name (`admin`, `member`, `lead`, `senior-1`, ...). */
export function fixtureKeypair(name: string): Keypair {
  const inApp = ["admin", "member", "sol-mint"].includes(name);
  const path = inApp
    ? join(APP, "fixtures/localnet", `${name}.json`)
    : join(ROOT, "migrations/localnet", `${name}.json`);
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, "utf8"))));
}

/** The localnet pool's addresses: the fixture admin's pool for the fixture USDC mint. */
export function localnetPool(): PoolAddresses {
  return new PoolAddresses(
    fixtureKeypair("admin").publicKey,
    fixtureKeypair("usdc-mint").publicKey,
    TOKEN_PROGRAM_ID,
  );
}

/** What the fixture leaves for the tests. */
export interface FixtureState {
  rpcUrl: string;
  pool: string;
  /** The fresh pending proposal (the LEAD has not voted on it). */
  proposalId: number;
  /** The queued (unapplied) governance change's id and address. */
  changeId: number;
  change: string;
  proposal: string;
  member: string;
  /** The active mandate (with an execution). */
  activeMandateId: number;
  /** A pending mandate the LEAD has not voted on. */
  mandateId: number;
}

async function send(connection: Connection, ixs: TransactionInstruction[], signers: Signer[]) {
  return sendAndConfirmTransaction(connection, new Transaction().add(...ixs), signers, {
    commitment: "confirmed",
  });
}

async function ensureSol(connection: Connection, who: PublicKey, min: number, top: number) {
  if ((await connection.getBalance(who)) >= min * LAMPORTS_PER_SOL) return;
  const signature = await connection.requestAirdrop(who, top * LAMPORTS_PER_SOL);
  const latest = await connection.getLatestBlockhash();
  await connection.confirmTransaction({ signature, ...latest }, "confirmed");
}

async function ensureMint(connection: Connection, payer: Keypair, mint: Keypair, decimals: number) {
  if (await connection.getAccountInfo(mint.publicKey)) return;
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await send(
    connection,
    [
      SystemProgram.createAccount({
        fromPubkey: payer.publicKey,
        newAccountPubkey: mint.publicKey,
        lamports: rent,
        space: MINT_SIZE,
        programId: TOKEN_PROGRAM_ID,
      }),
      createInitializeMint2Instruction(mint.publicKey, decimals, payer.publicKey, null),
    ],
    [payer, mint],
  );
}

async function balance(connection: Connection, account: PublicKey): Promise<bigint> {
  const info = await connection.getAccountInfo(account);
  if (!info) return 0n;
  return BigInt((await connection.getTokenAccountBalance(account)).value.amount);
}

/** `owner`'s ATA of `mint`, created if missing and minted up to at least `atLeast`. */
async function topUp(
  connection: Connection,
  authority: Keypair,
  mint: PublicKey,
  owner: PublicKey,
  atLeast: bigint,
): Promise<PublicKey> {
  const ata = getAssociatedTokenAddressSync(mint, owner, true);
  const have = await balance(connection, ata);
  const ixs = [createAssociatedTokenAccountIdempotentInstruction(authority.publicKey, ata, owner, mint)];
  if (have < atLeast) ixs.push(createMintToInstruction(mint, ata, authority.publicKey, atLeast - have));
  if (have < atLeast || !(await connection.getAccountInfo(ata))) await send(connection, ixs, [authority]);
  return ata;
}

function log(line: string) {
  console.log(`fixture: ${line}`);
}

/** Builds (or brings up to date) the localnet state; returns what the tests need. */
export async function buildFixture(rpcUrl: string): Promise<FixtureState> {
  const connection = new Connection(rpcUrl, "confirmed");
  const admin = fixtureKeypair("admin");
  const member = fixtureKeypair("member");
  const keeper = fixtureKeypair("keeper");
  const [lead, senior1, senior2] = ["lead", "senior-1", "senior-2"].map(fixtureKeypair);
  const usdcMint = fixtureKeypair("usdc-mint").publicKey;
  const solMint = fixtureKeypair("sol-mint");

  await Promise.all(
    [admin, member, keeper, lead, senior1, senior2].map((k) => ensureSol(connection, k.publicKey, 20, 100)),
  );
  log("wallets funded");

  // The migration, through its own command line, as an operator runs it.
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      join(ROOT, "migrations/deploy.ts"),
      "--url",
      rpcUrl,
      "--wallet",
      join(APP, "fixtures/localnet/admin.json"),
    ],
    { cwd: APP, encoding: "utf8" },
  );
  log(`migration: ${out.trim().split("\n").pop()}`);

  const p = localnetPool();
  const clientOf = (k: Keypair) => PoolBotClient.connect(connection, k);
  const adminC = clientOf(admin);
  const keeperC = clientOf(keeper);
  const [leadC, senior1C, senior2C] = [lead, senior1, senior2].map(clientOf);
  const [product] = (await adminC.listProducts(p))
    .filter((x) => decodeName(x.account.name) === "DEX arbitrage")
    .map((x) => x.publicKey);

  // The market: two USDC/SOL pools, SOL about 5% dearer in the second.
  await ensureMint(connection, admin, solMint, 9);
  const cheap = new AmmAddresses(usdcMint, solMint.publicKey, 0, TOKEN_PROGRAM_ID);
  const dear = new AmmAddresses(usdcMint, solMint.publicKey, 1, TOKEN_PROGRAM_ID);
  const amm = LocalAmmClient.connect(connection, admin);
  for (const [pool, reserveSol] of [
    [cheap, 10_000n * SOL],
    [dear, 9_500n * SOL],
  ] as const) {
    if (await connection.getAccountInfo(pool.pool)) continue;
    const reserveUsdc = 1_000_000n * USDC;
    const srcA = await topUp(connection, admin, usdcMint, admin.publicKey, reserveUsdc);
    const srcB = await topUp(connection, admin, solMint.publicKey, admin.publicKey, reserveSol);
    await amm.createPool(pool, AMM_FEE_BPS);
    await amm.addLiquidity(pool, srcA, srcB, reserveUsdc, reserveSol);
    log(`AMM pool ${pool.pool.toBase58()} created`);
  }
  const poolSol = await topUp(connection, admin, solMint.publicKey, p.pool, 0n);

  const arbitrage = async (amountIn: bigint): Promise<{ legs: RouteLeg[]; gain: bigint }> => {
    const [c, d] = await Promise.all([amm.reserves(cheap), amm.reserves(dear)]);
    const solOut = swapOutput(amountIn, c.a, c.b, AMM_FEE_BPS);
    const usdcBack = swapOutput(solOut, d.b, d.a, AMM_FEE_BPS);
    const legs = [
      await amm.swapLeg({
        amm: cheap,
        user: p.pool,
        source: p.vault,
        destination: poolSol,
        mintIn: usdcMint,
        amountIn,
        minAmountOut: solOut,
      }),
      await amm.swapLeg({
        amm: dear,
        user: p.pool,
        source: poolSol,
        destination: p.vault,
        mintIn: solMint.publicKey,
        amountIn: solOut,
        minAmountOut: usdcBack,
      }),
    ];
    return { legs, gain: usdcBack - amountIn };
  };
  const propose = async (amountIn: bigint) => {
    const { legs, gain } = await arbitrage(amountIn);
    if (gain <= USDC) throw new Error("the fixture market no longer has an arbitrage");
    return keeperC.proposeTrade(p, product, { amountIn, expectedProfit: gain, minProfit: gain / 2n }, legs);
  };

  // Once: a short history.
  let pool = await adminC.fetchPool(p.pool);
  if (pool.tradesProposed.isZero()) {
    log("first run on this pool: writing a short history");
    let second: PoolBotClient | null = null;
    for (const usdc of [1_000n, 5_000n, 2_500n]) {
      const who = Keypair.generate();
      if (usdc === 5_000n) second = clientOf(who);
      await ensureSol(connection, who.publicKey, 1, 2);
      await topUp(connection, admin, usdcMint, who.publicKey, usdc * USDC);
      await clientOf(who).deposit(p, usdc * USDC);
      if (usdc === 1_000n) {
        // This member later files two claims.
        const claimant = clientOf(who);
        await adminC.fundInsurance(
          p,
          300n * USDC,
          await topUp(connection, admin, usdcMint, admin.publicKey, 300n * USDC),
        );
        const first = await claimant.fileClaim(
          p,
          40n * USDC,
          "Exit slippage during the 14:00 volatility spike",
        );
        await leadC.approveClaim(p, first.claim);
        await senior1C.approveClaim(p, first.claim);
        const second = await claimant.fileClaim(p, 120n * USDC, "Missed the rally while the pool was paused");
        for (const [c, reason] of [
          [senior1C, "Opportunity cost is not an insured loss"],
          [senior2C, "Not covered: no loss of deposited capital"],
          [leadC, "Denied: outside the policy"],
        ] as const) {
          const claim = await c.fetchClaim(second.claim);
          if (claim && "pending" in claim.status) await c.denyClaim(p, second.claim, reason);
        }
      }
    }
    // SENIOR 2 is a member too and files a claim: the other validators decide it.
    await topUp(connection, admin, usdcMint, senior2.publicKey, 200n * USDC);
    await senior2C.deposit(p, 200n * USDC);
    await senior2C.fileClaim(p, 20n * USDC, "Route fees paid from my own wallet");
    const t1 = await propose(2_000n * USDC);
    await leadC.approveTrade(p, t1.proposal);
    await senior1C.approveTrade(p, t1.proposal);
    await keeperC.executeAndDistribute(p, t1.proposal);
    await keeperC.closeProposal(p, t1.proposal);
    const t2 = await propose(3_000n * USDC);
    for (const [c, reason] of [
      [senior1C, "Re-simulated profit is below my policy floor"],
      [senior2C, "Trade too large for current liquidity"],
      [leadC, "Rejected with the seniors"],
    ] as const) {
      const proposal = await c.fetchProposal(t2.proposal);
      if (proposal && proposalStatus(proposal) === "pending") await c.rejectTrade(p, t2.proposal, reason);
    }
    const t3 = await propose(1_500n * USDC);
    await leadC.approveTrade(p, t3.proposal);
    await senior2C.approveTrade(p, t3.proposal);
    await keeperC.executeAndDistribute(p, t3.proposal);
    // A claim left pending with one approval, so the Insurance page shows votes in progress.
    const pending = await second!.fileClaim(p, 60n * USDC, "Vault shortfall after a failed route", t2.id);
    await senior2C.approveClaim(p, pending.claim);
    const products = await adminC.listProducts(p);
    if (!products.some((x) => decodeName(x.account.name) === "Lending vault (pilot)")) {
      await adminC.registerProduct(p, {
        name: "Lending vault (pilot)",
        category: "lending",
        maxTradeAmount: 10_000n * USDC,
        minProfit: 5n * USDC,
        maxLiquidityBps: 500,
        legRules: [localAmmSwapRule()],
        markets: [],
      });
    }
  }

  // Every run: the pool open, the member's USDC, ready deposit requests settled, earlier runs'
  // proposals finished, a fresh pending one.
  pool = await adminC.fetchPool(p.pool);
  if (pool.paused) {
    await adminC.updateConfig(p, { paused: false });
    log("pool resumed");
  }
  await topUp(connection, admin, usdcMint, member.publicKey, 10_000n * USDC);
  const settled = await keeperC.settleReadyDeposits(p);
  if (settled.length > 0) log(`settled the ready deposit requests (${settled.length} transaction(s))`);
  pool = await adminC.fetchPool(p.pool);
  const set = await adminC.fetchValidatorSet(p);
  const slots = new Map(validatorsOf(set).map((v) => [v.key.toBase58(), v.slot]));
  const now = Math.floor(Date.now() / 1000);
  for (const { publicKey, account } of await adminC.listProposals(p)) {
    if (!account.proposer.equals(keeper.publicKey)) continue;
    const status = proposalStatus(account);
    const live = isLive(account, now, pool.configVersion);
    try {
      if (status === "pending" && live && account.approvals !== 0) {
        for (const c of [leadC, senior1C, senior2C]) {
          const fresh = await c.fetchProposal(publicKey);
          if (!fresh || proposalStatus(fresh) !== "pending") break;
          if (hasVoted(account.approvals | account.rejections, slots.get(c.wallet.toBase58()) ?? -1))
            continue;
          await c.approveTrade(p, publicKey);
        }
      } else if (status === "pending" && !live) {
        await keeperC.expireProposal(p, publicKey);
      }
      const now2 = await adminC.fetchProposal(publicKey);
      if (now2 && proposalStatus(now2) === "approved" && live) {
        // A request that became ready meanwhile is priced before the trade: settle it first.
        await keeperC.settleReadyDeposits(p);
        await keeperC.executeAndDistribute(p, publicKey);
        log(`executed proposal #${account.id.toString()}`);
      }
      const after = await adminC.fetchProposal(publicKey);
      if (after && ["executed", "rejected", "expired"].includes(proposalStatus(after))) {
        // Keep the latest finished ones on screen; return the rent of older ones.
        if (after.id.toNumber() < pool.nextProposalId.toNumber() - 4)
          await keeperC.closeProposal(p, publicKey);
      }
    } catch (e) {
      log(`proposal #${account.id.toString()} left as it is: ${(e as Error).message.split("\n")[0]}`);
    }
  }

  // Mandates: finished ones closed, one active with a trade under it, one pending.
  const terms = (changes: Partial<MandateTerms> = {}): MandateTerms => ({
    markets: [cheap.pool, dear.pool],
    maxAmountIn: 5_000n * USDC,
    minProfit: USDC,
    minProfitBps: 10,
    period: 86_400,
    maxTradesPerPeriod: 50,
    maxNotionalPerPeriod: 100_000n * USDC,
    duration: 7 * 86_400,
    ...changes,
  });
  const leadSlot = slots.get(lead.publicKey.toBase58()) ?? -1;
  const standing = (m: { account: Parameters<typeof mandateStanding>[0] }) =>
    mandateStanding(m.account, Math.floor(Date.now() / 1000), pool.configVersion);
  let mandates = await adminC.listMandates(p);
  for (const m of mandates.filter((x) => isMandateFinished(standing(x)))) {
    await keeperC.closeMandate(p, m.publicKey);
    log(`closed finished mandate #${m.account.id.toString()}`);
  }
  mandates = mandates.filter((x) => !isMandateFinished(standing(x)));
  let active = mandates.find((x) => standing(x) === "active");
  if (!active) {
    const sent = await keeperC.proposeMandate(p, product, terms());
    await leadC.approveMandate(p, sent.mandate);
    await senior1C.approveMandate(p, sent.mandate);
    await keeperC.settleReadyDeposits(p);
    const { legs, gain } = await arbitrage(1_000n * USDC);
    await keeperC.executeMandate(p, sent.mandate, { amountIn: 1_000n * USDC, minProfit: gain / 2n, legs });
    active = { publicKey: sent.mandate, account: (await adminC.fetchMandate(sent.mandate))! };
    log(`mandate #${sent.id} active, one arbitrage executed under it`);
  }
  let pendingMandate = mandates.find(
    (x) => standing(x) === "pending" && !hasVoted(x.account.approvals | x.account.rejections, leadSlot),
  );
  if (!pendingMandate) {
    const smaller = terms({
      maxAmountIn: 2_000n * USDC,
      maxTradesPerPeriod: 10,
      maxNotionalPerPeriod: 20_000n * USDC,
      duration: 86_400,
    });
    const sent = await keeperC.proposeMandate(p, product, smaller);
    pendingMandate = { publicKey: sent.mandate, account: (await adminC.fetchMandate(sent.mandate))! };
    log(`pending mandate #${sent.id} ${sent.mandate.toBase58()}`);
  }

  const fresh = await propose(1_000n * USDC);
  log(`pending proposal #${fresh.id} ${fresh.proposal.toBase58()}`);
  // One queued governance change left unapplied (a no-op: the current member limit), so the
  // pending-changes section has something to show. The pool has no time lock, so it is due at
  // once: anyone may apply it, an ADMIN may cancel it (a browser test does).
  let [queued] = await adminC.listPendingChanges(p);
  if (!queued) {
    const sent = await adminC.queueChange(p, Change.config({ maxMembers: pool.maxMembers }));
    queued = { publicKey: sent.change, account: (await adminC.fetchPendingChange(sent.change))! };
    log(`queued change #${sent.id} ${sent.change.toBase58()}`);
  }
  return {
    rpcUrl,
    pool: p.pool.toBase58(),
    proposalId: fresh.id,
    proposal: fresh.proposal.toBase58(),
    member: member.publicKey.toBase58(),
    changeId: queued.account.id.toNumber(),
    change: queued.publicKey.toBase58(),
    activeMandateId: active.account.id.toNumber(),
    mandateId: pendingMandate.account.id.toNumber(),
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { url: { type: "string", short: "u" }, json: { type: "string" } },
  });
  const url = values.url ?? process.env.POOLBOT_RPC_URL ?? "http://127.0.0.1:8899";
  buildFixture(url)
    .then((state) => {
      if (values.json) writeFileSync(values.json, JSON.stringify(state, null, 2));
      console.log(JSON.stringify(state));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
