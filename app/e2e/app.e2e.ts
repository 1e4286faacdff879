/**
 * The web app in a real browser (Debian's Chromium, headless, driven by playwright-core)
 * against the local validator, with the state `e2e/fixture.ts` made by real transactions (it
 * leaves a fresh pending proposal, so a deposit made now is queued as a request).
 * Every check reads the chain with the SDK as well as the page. Each run asserts deltas and
 * uses the fresh proposal the fixture made, so the suite can run any number of times against
 * one validator. Screenshots of every page go to app/screenshots/.
 *
 *   POOLBOT_APP_URL (default http://127.0.0.1:4173)  the served app (vite preview)
 *   POOLBOT_RPC_URL (default http://127.0.0.1:8999)  the validator
 *   POOLBOT_FIXTURE                                   the fixture's JSON (else the fixture runs here)
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { Connection, PublicKey } from "@solana/web3.js";
import type { Browser, Page } from "playwright-core";
import {
  decodeName,
  depositMustBeRequested,
  legRulesOf,
  localAmmSwapRule,
  marketsOf,
  PoolAddresses,
  votersOf,
  validatorsOf,
} from "@poolbot/sdk";
import { localAmmSwapDraft } from "../src/lib/products";
import { readOnlyClient } from "../src/lib/readClient";
import { formatAmount } from "../src/lib/format";
import {
  APP_URL,
  connectFixture,
  DESKTOP,
  launch,
  navigate,
  newPage,
  open,
  PHONE,
  RPC_URL,
  screenshot,
  settledToast,
} from "./browser";
import { buildFixture, fixtureKeypair, FixtureState, USDC } from "./fixture";

const connection = new Connection(RPC_URL, "confirmed");
const client = readOnlyClient(connection);
const member = fixtureKeypair("member").publicKey;
const lead = fixtureKeypair("lead").publicKey;

async function tokenBalance(account: PublicKey): Promise<bigint> {
  return BigInt((await connection.getTokenAccountBalance(account, "confirmed")).value.amount);
}

async function memberShares(p: PoolAddresses): Promise<bigint> {
  const position = await client.fetchMember(p, member);
  return position ? BigInt(position.shares.toString()) : 0n;
}

async function memberPending(p: PoolAddresses): Promise<bigint> {
  const position = await client.fetchMember(p, member);
  return position ? BigInt(position.pendingDeposit.toString()) : 0n;
}

/** The raw shares the Member page shows (0 when it shows no position). */
async function shownShares(page: Page): Promise<bigint> {
  const el = page.getByTestId("position-shares-value");
  if ((await el.count()) === 0) return 0n;
  return BigInt((await el.getAttribute("data-raw")) ?? "0");
}

describe("Pool Bot web app in Chromium", () => {
  let browser: Browser;
  let state: FixtureState;
  let p: PoolAddresses;
  const pageErrors: string[] = [];

  before(async () => {
    state = process.env.POOLBOT_FIXTURE
      ? (JSON.parse(readFileSync(process.env.POOLBOT_FIXTURE, "utf8")) as FixtureState)
      : await buildFixture(RPC_URL);
    p = await client.poolAddresses(new PublicKey(state.pool));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it("shows the localnet pool without a wallet (Overview)", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/");
    const pool = await client.fetchPool(p.pool);
    const assets = formatAmount(BigInt(pool.totalAssets.toString()), pool.decimals, { symbol: "USDC" });
    await page.getByTestId("stat-assets-value").filter({ hasText: assets }).waitFor();
    await page.getByTestId("history-chart").locator(".recharts-surface").first().waitFor();
    // executions under the fixture's mandate are counted apart from executed proposals
    assert.ok(Number(pool.mandateTrades.toString()) >= 1);
    await page
      .getByTestId("trades-mandate-trades")
      .filter({ hasText: pool.mandateTrades.toString() })
      .waitFor();
    // members see queued governance changes before they apply, so they can withdraw first
    await page.getByTestId("pending-changes-notice").filter({ hasText: "Set max members to" }).waitFor();
    await screenshot(page, "overview");
    await page.getByTestId("connect-button").click();
    await page.getByTestId("fixture-member").waitFor();
    await screenshot(page, "connect-wallet", false, false);
    await page.keyboard.press("Escape");
    await page.getByTestId("connect-dialog").waitFor({ state: "detached" });
    pageErrors.push(...errors);
    await context.close();
  });

  it("a member deposits while the fixture's proposal is live: the chain queues the request and the page says when it becomes shares", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/member");
    await connectFixture(page, "member", member.toBase58());
    const ata = getAssociatedTokenAddressSync(p.mint, member, true, p.tokenProgram);
    const pool = await client.fetchPool(p.pool);
    assert.ok(depositMustBeRequested(pool, await client.chainTime()), "the fixture left a live proposal");
    const id = pool.nextDepositId.toNumber();
    const [sharesBefore, pendingBefore, usdcBefore] = await Promise.all([
      memberShares(p),
      memberPending(p),
      tokenBalance(ata),
    ]);
    await page.getByTestId("wallet-balance").first().waitFor();
    assert.equal(await shownShares(page), sharesBefore, "the page shows the position on chain");

    await page.getByTestId("deposit-queued-note").waitFor();
    await page.getByTestId("deposit-amount").fill("250");
    const preview = BigInt(
      (await page.getByTestId("deposit-preview-shares").getAttribute("data-raw")) ?? "0",
    );
    assert.ok(preview > 0n, "a share preview at today's value is shown");
    // The fixture's mandate stands: the request waits a proposal lifetime (past the live proposal).
    const shownReadyAt = Number(await page.getByTestId("deposit-ready-at").getAttribute("data-raw"));
    assert.ok(shownReadyAt >= pool.proposalsLiveUntil.toNumber(), "not before the live proposal ends");
    assert.equal(await page.getByTestId("deposit-submit").textContent(), "Request deposit of 250 USDC");
    await page.getByTestId("deposit-submit").click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "confirmed", `deposit request failed: ${toast.text}`);

    const request = await client.fetchDepositRequest(p.depositRequest(id));
    assert.ok(request, `the chain holds deposit request #${id}`);
    assert.ok(request.depositor.equals(member));
    assert.equal(BigInt(request.amount.toString()), 250n * USDC, "with the amount");
    assert.ok(request.readyAt.toNumber() >= pool.proposalsLiveUntil.toNumber());
    assert.equal(
      request.readyAt.toNumber(),
      Math.max(
        pool.proposalsLiveUntil.toNumber(),
        request.requestedAt.toNumber() + pool.proposalTtl.toNumber(),
      ),
      "a proposal lifetime after the request, as a mandate stands",
    );
    assert.ok(
      Math.abs(shownReadyAt - request.readyAt.toNumber()) <= 15,
      "the page said when, to the clock's skew",
    );
    assert.equal(usdcBefore - (await tokenBalance(ata)), 250n * USDC, "250 USDC left the member's wallet");
    assert.equal(await memberShares(p), sharesBefore, "no shares yet");
    const pendingAfter = await memberPending(p);
    assert.equal(pendingAfter - pendingBefore, 250n * USDC);

    const done = await page.getByTestId("deposit-done").textContent();
    assert.match(
      done ?? "",
      /^Requested 250 USDC: it becomes shares after .+ \(in [^)]+\), a proposal lifetime from now, as a mandate stands, at the share value of then\.$/,
    );
    const row = page.getByTestId(`pending-deposit-${id}`);
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute("data-amount"), (250n * USDC).toString());
    assert.match((await row.textContent()) ?? "", /^250(\.00)? USDC · request #\d+\s*Becomes shares after /);
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="position-pending-value"]')?.getAttribute("data-raw") ===
        expected,
      pendingAfter.toString(),
      { timeout: 15_000 },
    );
    assert.equal(await shownShares(page), sharesBefore);
    await screenshot(page, "member");
    pageErrors.push(...errors);
    await context.close();
  });

  it("a deposit below the minimum shows the readable error and moves nothing", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/member");
    await connectFixture(page, "member", member.toBase58());
    const ata = getAssociatedTokenAddressSync(p.mint, member, true, p.tokenProgram);
    const snapshot = () =>
      Promise.all([
        memberShares(p),
        tokenBalance(ata),
        tokenBalance(p.vault),
        connection.getBalance(member, "confirmed"),
      ]);
    const before = await snapshot();

    await page.getByTestId("deposit-amount").fill("50");
    await page.getByTestId("deposit-submit").click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "failed");
    const sentence = "Deposit is below the pool minimum of 100 USDC. Deposit at least 100 USDC.";
    assert.equal(toast.text, sentence);
    assert.equal(await page.getByTestId("deposit-error").textContent(), sentence);
    assert.doesNotMatch(
      await page.locator("body").innerText(),
      /Program log|custom program error|0x1772|AnchorError/,
    );
    assert.deepEqual(await snapshot(), before, "shares, USDC, vault and SOL (no fee) unchanged");
    await screenshot(page, "member-error", true);

    // One amount parser, the CLI's rule: a comma is refused with the fix, never read as 1,505.
    await page.getByTestId("deposit-amount").fill("150,5");
    await page
      .getByTestId("member-actions")
      .getByText("“150,5” has a comma, which could be a decimal or a thousands separator.", { exact: false })
      .waitFor();
    assert.ok(await page.getByTestId("deposit-submit").isDisabled(), "nothing can be sent");
    assert.equal(await page.getByTestId("deposit-submit").textContent(), "Enter an amount");

    // The failed toast is dismissable and does not follow the next wallet over its forms.
    assert.equal(await page.getByTestId("tx-toast").count(), 1);
    assert.equal(await page.getByTestId("tx-toast-dismiss").count(), 1);
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-lead").click();
    await page
      .getByTestId("wallet-address")
      .filter({ hasText: lead.toBase58().slice(0, 4) })
      .waitFor();
    await page.getByTestId("tx-toast").waitFor({ state: "detached" });
    pageErrors.push(...errors);
    await context.close();
  });

  it("a validator approves a pending proposal and the quorum progress moves", async () => {
    const { page, context, errors } = await newPage(browser);
    const id = state.proposalId;
    const proposal = new PublicKey(state.proposal);
    const set = await client.fetchValidatorSet(p);
    const leadSlot = validatorsOf(set).find((v) => v.key.equals(lead))!.slot;
    const before = (await client.fetchProposal(proposal))!;
    assert.ok(!votersOf(before.approvals).includes(leadSlot), "the LEAD has not voted yet");
    const approvalsBefore = votersOf(before.approvals).length;

    await open(page, "/validators");
    await connectFixture(page, "lead", lead.toBase58());
    const quorum = page.getByTestId(`quorum-${id}`);
    await quorum.waitFor();
    assert.equal(await quorum.getAttribute("data-approvals"), String(approvalsBefore));
    assert.equal(
      await page.getByTestId(`quorum-text-${id}`).textContent(),
      `${approvalsBefore} of 2 approvals`,
    );
    assert.equal(await page.getByTestId(`lead-${id}`).textContent(), "Needs a LEAD or ADMIN approval");
    await page.getByTestId(`expiry-${id}`).filter({ hasText: /left/ }).waitFor();
    // Each leg names the product's rule it matches: the local AMM's swap, on a listed market.
    const card = page.getByTestId(`proposal-${id}`);
    for (const leg of [0, 1]) {
      await card.getByTestId(`leg-rule-${leg}`).filter({ hasText: "rule 1 · Local AMM swap" }).waitFor();
    }

    await page.getByTestId(`approve-${id}`).click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "confirmed", `approval failed: ${toast.text}`);
    const after = (await client.fetchProposal(proposal))!;
    assert.ok(votersOf(after.approvals).includes(leadSlot), "the chain records the LEAD's approval");
    assert.equal(votersOf(after.approvals).length, approvalsBefore + 1);

    await page.waitForFunction(
      ([sel, n]) => document.querySelector(sel)?.getAttribute("data-approvals") === n,
      [`[data-testid="quorum-${id}"]`, String(approvalsBefore + 1)] as const,
      { timeout: 15_000 },
    );
    assert.equal(
      await page.getByTestId(`quorum-text-${id}`).textContent(),
      `${approvalsBefore + 1} of 2 approvals`,
    );
    assert.equal(await page.getByTestId(`lead-${id}`).textContent(), "✓ LEAD/ADMIN approved");
    assert.equal(await page.getByTestId(`my-vote-${id}`).textContent(), "You approved this proposal");
    await screenshot(page, "validators");
    pageErrors.push(...errors);
    await context.close();
  });

  it("validators see the mandates: the active one's budget and executions; the LEAD approves the pending one, then revokes it after confirming", async () => {
    const { page, context, errors } = await newPage(browser);
    const activeId = state.activeMandateId;
    const id = state.mandateId;
    const active = (await client.fetchMandate(p.mandate(activeId)))!;
    const set = await client.fetchValidatorSet(p);
    const leadSlot = validatorsOf(set).find((v) => v.key.equals(lead))!.slot;
    const before = (await client.fetchMandate(p.mandate(id)))!;
    assert.ok(
      !votersOf(before.approvals | before.rejections).includes(leadSlot),
      "the LEAD has not voted yet",
    );
    const approvalsBefore = votersOf(before.approvals).length;

    await open(page, "/validators");
    await connectFixture(page, "lead", lead.toBase58());
    const card = page.getByTestId(`mandate-${activeId}`);
    await card.waitFor();
    assert.equal(await card.getAttribute("data-standing"), "active");
    assert.equal(await page.getByTestId(`mandate-standing-${activeId}`).textContent(), "Active");
    const executions = page.getByTestId(`mandate-executions-${activeId}`).locator("[data-raw]");
    assert.equal(await executions.getAttribute("data-raw"), active.executions.toString());
    assert.ok(active.executions.toNumber() >= 1, "the fixture traded under it");
    assert.equal(
      await page.getByTestId(`mandate-gain-${activeId}`).locator("[data-raw]").getAttribute("data-raw"),
      active.totalGain.toString(),
    );
    await page.getByTestId(`mandate-budget-${activeId}`).filter({ hasText: "of 50 trades" }).waitFor();
    await card.filter({ hasText: "5,000 USDC" }).waitFor();
    assert.equal(
      await page.getByTestId("propose-mandate").count(),
      0,
      "a LEAD who is no keeper proposes none",
    );

    assert.equal(await page.getByTestId(`mandate-standing-${id}`).textContent(), "Pending vote");
    assert.equal(
      await page.getByTestId(`mandate-quorum-text-${id}`).textContent(),
      `${approvalsBefore} of 2 approvals`,
    );
    await page.getByTestId(`approve-mandate-${id}`).click();
    const approved = await settledToast(page);
    assert.equal(approved.status, "confirmed", `approval failed: ${approved.text}`);
    const voted = (await client.fetchMandate(p.mandate(id)))!;
    assert.ok(votersOf(voted.approvals).includes(leadSlot), "the chain records the LEAD's approval");
    await page
      .getByTestId(`mandate-quorum-text-${id}`)
      .filter({ hasText: `${approvalsBefore + 1} of 2 approvals` })
      .waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId(`my-mandate-vote-${id}`).textContent(), "You approved this mandate");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "validators-mandates");

    // Revoking asks first; cancelling sends nothing, confirming revokes it at once.
    await page.getByTestId(`revoke-mandate-${id}`).click();
    await page.getByTestId("revoke-mandate-dialog").waitFor();
    await page.getByTestId("confirm-cancel").click();
    await page.getByTestId("revoke-mandate-dialog").waitFor({ state: "detached" });
    assert.equal((await client.fetchMandate(p.mandate(id)))!.status, 0, "nothing sent before confirming");
    await page.getByTestId(`revoke-mandate-${id}`).click();
    await page.getByTestId("confirm-ok").click();
    const revoked = await settledToast(page);
    assert.equal(revoked.status, "confirmed", `revocation failed: ${revoked.text}`);
    assert.equal((await client.fetchMandate(p.mandate(id)))!.status, 3, "the chain says Revoked");
    await page.getByTestId("finished-mandates").waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId(`mandate-${id}`).getAttribute("data-standing"), "revoked");
    pageErrors.push(...errors);
    await context.close();
  });

  it("the keeper's mandate form names each bad field before sending; corrected, it proposes", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/validators");
    await connectFixture(page, "keeper", fixtureKeypair("keeper").publicKey.toBase58());
    const next = (await client.fetchPool(p.pool)).nextMandateId.toNumber();
    await page.getByTestId("propose-mandate-open").click();
    await page.getByTestId("mandate-max-amount").fill("0");
    await page.getByTestId("mandate-min-profit").fill("0.5");
    await page.getByTestId("mandate-period").fill("721");
    await page.getByTestId("mandate-max-trades").fill("0");
    await page.getByTestId("mandate-duration").fill("31");
    await page.getByTestId("mandate-submit").click();
    const problems = page.getByTestId("mandate-form-error").locator("li");
    await problems.first().waitFor();
    assert.deepEqual(await problems.allTextContents(), [
      "Max per trade: must be more than 0; a mandate that may put in nothing could never trade.",
      "Least profit: the product requires at least 1 USDC a trade. Enter at least that.",
      "Budget period: must be 1 minute to 30 days, not 721 hours.",
      "Trades per period: must be between 1 and 4,294,967,295, not 0.",
      "Lifetime: must be 1 second to 30 days, not 31 days.",
    ]);
    assert.equal(await page.getByTestId("tx-toast").count(), 0, "nothing was sent");
    await screenshot(page, "mandate-form", false, false);

    await page.getByTestId("mandate-max-amount").fill("2500");
    await page.getByTestId("mandate-min-profit").fill("2");
    await page.getByTestId("mandate-period").fill("12");
    await page.getByTestId("mandate-max-trades").fill("20");
    await page.getByTestId("mandate-duration").fill("3");
    await page.getByTestId("mandate-submit").click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "confirmed", `proposal failed: ${toast.text}`);
    const made = (await client.fetchMandate(p.mandate(next)))!;
    assert.ok(made.proposer.equals(fixtureKeypair("keeper").publicKey));
    assert.deepEqual(
      [
        made.maxAmountIn.toString(),
        made.minProfit.toString(),
        made.period.toNumber(),
        made.maxTradesPerPeriod,
      ],
      [(2_500n * USDC).toString(), (2n * USDC).toString(), 12 * 3_600, 20],
    );
    assert.equal(made.duration.toNumber(), 3 * 86_400);
    await page
      .getByTestId("mandate-form-done")
      .filter({ hasText: `Proposed mandate #${next}` })
      .waitFor();
    await page.getByTestId(`mandate-standing-${next}`).filter({ hasText: "Pending vote" }).waitFor();
    pageErrors.push(...errors);
    await context.close();
  });

  it("a non-admin sees no admin controls; the admin does", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/admin");
    await page.getByTestId("admin-readonly").waitFor();
    assert.equal(await page.locator("[data-admin-control]").count(), 0, "no controls without a wallet");
    await connectFixture(page, "member", member.toBase58());
    await page.getByTestId("admin-readonly").filter({ hasText: "not an ADMIN" }).waitFor();
    await page.getByTestId("admin-products").getByText("DEX arbitrage").waitFor();
    assert.equal(await page.locator("[data-admin-control]").count(), 0, "no controls for a member");
    // the fixture's queued change, in words, read-only for a member (no Cancel)
    const change = page.getByTestId(`pending-change-${state.changeId}`);
    await change.filter({ hasText: `#${state.changeId} · Set max members to` }).waitFor();
    await page.getByTestId(`pending-change-countdown-${state.changeId}`).filter({ hasText: "Due" }).waitFor();
    assert.equal(await page.getByTestId(`pending-change-cancel-${state.changeId}`).count(), 0);
    await page.getByTestId("admin-time-lock").filter({ hasText: "none" }).waitFor();
    await screenshot(page, "admin-readonly");

    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId(`fixture-admin`).click();
    await page.getByTestId("admin-pause").waitFor();
    assert.equal(await page.getByTestId("admin-readonly").count(), 0);
    assert.ok((await page.locator("[data-admin-control]").count()) > 5, "the ADMIN gets the controls");
    assert.equal((await client.fetchPool(p.pool)).paused, 0);
    // The seed product's rule and markets, as the chain holds them.
    const products = await client.listProducts(p);
    const seed = products.find((x) => decodeName(x.account.name) === "DEX arbitrage")!;
    const seedId = seed.account.id.toString();
    assert.deepEqual(marketsOf(seed.account).length, 2);
    await page.getByTestId(`product-rules-${seedId}`).filter({ hasText: "Local AMM swap" }).waitFor();
    assert.equal(
      await page.getByTestId(`product-markets-${seedId}`).locator(".address").count(),
      2,
      "both seed markets listed",
    );
    await page.getByTestId(`pending-change-cancel-${state.changeId}`).waitFor();
    await page.getByTestId("admin-raise-time-lock").waitFor();
    await screenshot(page, "admin");

    // The ADMIN cancels the queued change: its account is closed on chain and it leaves the list.
    assert.ok(await client.fetchPendingChange(new PublicKey(state.change)), "the change is queued on chain");
    await page.getByTestId(`pending-change-cancel-${state.changeId}`).click();
    const cancelled = await settledToast(page);
    assert.equal(cancelled.status, "confirmed", `cancel failed: ${cancelled.text}`);
    assert.equal(await client.fetchPendingChange(new PublicKey(state.change)), null);
    await page.getByTestId(`pending-change-${state.changeId}`).waitFor({ state: "detached" });

    // The ADMIN registers a product through the form: the local AMM swap preset, on the
    // fixture's two markets. A mistyped market is caught before anything is sent.
    const name = `Browser arb ${Date.now() % 1_000_000}`;
    await page.getByTestId("register-product").click();
    await page.getByTestId("register-name").fill(name);
    assert.deepEqual(
      await page
        .getByTestId("register-rule-0")
        .locator("input")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      Object.values(localAmmSwapDraft()),
      "the form starts with the local AMM swap preset",
    );
    assert.ok(await page.getByTestId("register-add-amm-rule").isDisabled(), "the preset is there once");
    const markets = marketsOf(seed.account).map((m) => m.toBase58());
    await page.getByTestId("register-markets").fill(`${markets[0]}\nnot-a-pool`);
    await page.getByTestId("register-submit").click();
    await page
      .getByTestId("register-error")
      .filter({ hasText: "Markets: not-…pool is not a base58 address." })
      .waitFor();
    assert.equal((await client.listProducts(p)).length, products.length, "nothing was sent");
    await page.getByTestId("register-markets").fill(markets.join("\n"));
    await page.getByTestId("register-error").waitFor({ state: "detached" }); // editing clears the problem
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "admin-register");
    await page.getByTestId("register-submit").click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "confirmed", `registration failed: ${toast.text}`);
    const registered = (await client.listProducts(p)).find((x) => decodeName(x.account.name) === name);
    assert.ok(registered, "the chain has the new product");
    // registered disabled, enabled by a queued change applied in the same transaction (no time lock)
    assert.equal(registered.account.enabled, 1);
    assert.deepEqual(legRulesOf(registered.account), [localAmmSwapRule()]);
    assert.deepEqual(marketsOf(registered.account).map(String), markets);
    await page
      .getByTestId(`product-rules-${registered.account.id.toString()}`)
      .filter({ hasText: "Local AMM swap" })
      .waitFor();
    pageErrors.push(...errors);
    await context.close();
  });

  it("the ADMIN's forms check each field before sending, and pausing and removing a validator ask first; execution waits while paused", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/admin");
    await connectFixture(page, "admin", fixtureKeypair("admin").publicKey.toBase58());
    await page.getByTestId("admin-pause").waitFor();
    const poolBefore = await client.fetchPool(p.pool);
    const changesBefore = (await client.listPendingChanges(p)).length;

    // Configuration: a limit beyond u32 and a percentage finer than a basis point are refused in words.
    await page.getByTestId("config-max-members").fill("99999999999");
    await page.getByTestId("admin-save-config").click();
    await page
      .getByTestId("config-error")
      .filter({ hasText: "Max members: must be between 1 and 4,294,967,295, not 99999999999." })
      .waitFor();
    await page.getByTestId("config-max-members").fill(String(poolBefore.maxMembers));
    await page.getByTestId("config-insurance").fill("5.125");
    await page.getByTestId("admin-save-config").click();
    await page
      .getByTestId("config-error")
      .filter({ hasText: /^Insurance share: 5\.125% is finer than/ })
      .waitFor();
    await page.getByTestId("config-insurance").fill(String(poolBefore.insuranceBps / 100));
    // The name limit counts UTF-8 bytes, as the chain does.
    await page.getByTestId("config-name").fill("é".repeat(17));
    await page.getByTestId("config-name-bytes").filter({ hasText: "34 / 32 bytes" }).waitFor();
    await page.getByTestId("admin-save-config").click();
    await page
      .getByTestId("config-error")
      .filter({ hasText: /^Name: 34 bytes is too long/ })
      .waitFor();
    await page.getByTestId("config-name").fill(decodeName(poolBefore.name));

    // A product with max trade 0: its own sentence, not the pool configuration's.
    const products = (await client.listProducts(p)).length;
    await page.getByTestId("register-product").click();
    await page.getByTestId("register-name").fill("Zero trade");
    await page.getByTestId("register-max-trade").fill("0");
    await page.getByTestId("register-submit").click();
    await page
      .getByTestId("register-error")
      .filter({
        hasText:
          "Max trade: must be more than 0 USDC; a product whose trades may put in nothing could never trade.",
      })
      .waitFor();
    assert.doesNotMatch((await page.getByTestId("register-error").textContent()) ?? "", /max members/i);

    // Removing a validator asks first; cancelling sends nothing.
    const senior1 = fixtureKeypair("senior-1").publicKey.toBase58();
    await page.getByTestId(`admin-validators-remove-${senior1}`).click();
    await page.getByTestId("confirm-remove").waitFor();
    await page.getByTestId("confirm-cancel").click();
    await page.getByTestId("confirm-remove").waitFor({ state: "detached" });
    assert.equal((await client.listPendingChanges(p)).length, changesBefore, "no removal was queued");
    assert.equal((await client.listProducts(p)).length, products, "nothing was registered");
    assert.equal(await page.getByTestId("tx-toast").count(), 0, "nothing was sent at all");

    // SENIOR 1 adds the second approval: the fixture's proposal is approved, ready to execute.
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-senior-1").click();
    await navigate(page, "Validators");
    const id = state.proposalId;
    await page.getByTestId(`approve-${id}`).click();
    assert.equal((await settledToast(page)).status, "confirmed");
    await page.getByTestId(`execute-${id}`).waitFor();
    assert.ok(!(await page.getByTestId(`execute-${id}`).isDisabled()), "executable while the pool is open");

    // The ADMIN pauses: the page asks first, then the chain is paused.
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-admin").click();
    await navigate(page, "Admin");
    await page.getByTestId("admin-pause").click();
    await page.getByTestId("confirm-pause").waitFor();
    assert.equal((await client.fetchPool(p.pool)).paused, 0, "nothing sent before confirming");
    await page.getByTestId("confirm-ok").click();
    assert.equal((await settledToast(page)).status, "confirmed");
    assert.equal((await client.fetchPool(p.pool)).paused, 1);

    // While paused, Execute is disabled and says why.
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-senior-1").click();
    await navigate(page, "Validators");
    await page
      .getByTestId(`execute-paused-${id}`)
      .filter({ hasText: "The pool is paused: executions wait until an ADMIN resumes it." })
      .waitFor();
    assert.ok(await page.getByTestId(`execute-${id}`).isDisabled());

    // Resuming needs no confirmation.
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-admin").click();
    await navigate(page, "Admin");
    await page.getByTestId("admin-pause").filter({ hasText: "Resume pool" }).click();
    assert.equal((await settledToast(page)).status, "confirmed");
    assert.equal((await client.fetchPool(p.pool)).paused, 0);
    pageErrors.push(...errors);
    await context.close();
  });

  it("the claim form checks the amount, the reason's bytes and the related trade before sending", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/insurance");
    await connectFixture(page, "member", member.toBase58());
    const form = page.getByTestId("file-claim");
    await form.waitFor();
    const claims = (await client.listClaims(p)).length;
    await page.getByTestId("claim-amount").fill("1000000");
    await page.getByTestId("claim-reason").fill("€".repeat(67));
    await page.getByTestId("claim-trade").fill("-1");
    const problems = form.getByTestId("claim-problem");
    await problems
      .filter({ hasText: /^Amount: the reserve has .+ available beyond pending claims/ })
      .waitFor();
    await problems.filter({ hasText: /^What happened: 201 bytes is too long/ }).waitFor();
    await problems.filter({ hasText: /^Related trade: “-1” is not a trade id/ }).waitFor();
    await page.getByTestId("claim-trade").fill("1.5");
    await problems.filter({ hasText: /^Related trade: “1\.5” is not a trade id/ }).waitFor();
    await page.getByTestId("claim-amount").fill("150,5");
    await problems.filter({ hasText: /^Amount: “150,5” has a comma/ }).waitFor();
    assert.ok(await page.getByTestId("claim-submit").isDisabled(), "nothing can be sent");
    assert.equal((await client.listClaims(p)).length, claims);
    pageErrors.push(...errors);
    await context.close();
  });

  it("a burner survives a reload and a new burner can be chosen again", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/member");
    await page.getByTestId("connect-button").click();
    await page.getByText("Paste a secret key or start a new burner").click();
    await page.getByTestId("new-burner").click();
    await page.getByTestId("wallet-address").waitFor();
    const fresh = (await page.getByTestId("wallet-address").textContent()) ?? "";
    await page.reload();
    await page.getByTestId("wallet-address").filter({ hasText: fresh }).waitFor();
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-member").click();
    await page
      .getByTestId("wallet-address")
      .filter({ hasText: member.toBase58().slice(0, 4) })
      .waitFor();
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    const saved = page.getByTestId("saved-burners").locator('[data-testid^="saved-burner-"]');
    await saved.filter({ hasText: fresh }).click();
    await page.getByTestId("wallet-address").filter({ hasText: fresh }).waitFor();
    pageErrors.push(...errors);
    await context.close();
  });

  it("says what is wrong with a link's pool and with an endpoint that is no Solana RPC", async () => {
    const { page, context } = await newPage(browser);
    await open(page, "/?pool=garbage");
    await page
      .getByTestId("link-problem")
      .filter({ hasText: "The link's pool “garbage” is not a Solana address" })
      .waitFor();
    // The app's own web server answers HTTP, but not as a Solana RPC does.
    await page.goto(`${APP_URL}/?rpc=${encodeURIComponent(APP_URL)}`);
    const problem = page.getByTestId("pool-problem");
    await problem.waitFor({ timeout: 30_000 });
    assert.equal(await problem.getAttribute("data-kind"), "not-rpc");
    await page.getByText("This is not a Solana RPC").waitFor();
    assert.doesNotMatch(await page.locator("body").innerText(), /No pool at this address/);
    // (the failed requests of this page are expected: not added to the page errors)
    await context.close();
  });

  it("Insurance and Activity pages, and the phone layout", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/insurance");
    await connectFixture(page, "senior-1", fixtureKeypair("senior-1").publicKey.toBase58());
    await page.getByTestId("reserve-balance").waitFor();
    await page.getByTestId("claims").locator(".claim").first().waitFor();
    // The history's pending claims show how long is left to decide them.
    await page
      .locator('[data-testid^="claim-expiry-"]')
      .filter({ hasText: /left to decide/ })
      .first()
      .waitFor();
    await screenshot(page, "insurance");
    // SENIOR 2's own claim: SENIOR 1 may vote on it, SENIOR 2 may not.
    const senior2 = fixtureKeypair("senior-2").publicKey;
    const own = (await client.listClaims(p)).find(
      (c) => c.account.claimant.equals(senior2) && "pending" in c.account.status,
    );
    assert.ok(own, "the fixture's claim by SENIOR 2 is pending");
    const ownId = own.account.id.toString();
    await page.getByTestId(`approve-claim-${ownId}`).waitFor();
    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId("fixture-senior-2").click();
    await page.getByTestId(`claimant-note-${ownId}`).waitFor();
    assert.equal(
      await page.getByTestId(`claimant-note-${ownId}`).textContent(),
      "You filed this claim: the other validators decide it.",
    );
    assert.equal(await page.getByTestId(`approve-claim-${ownId}`).count(), 0, "no approve for the claimant");
    assert.equal(await page.getByTestId(`deny-claim-${ownId}`).count(), 0, "no deny for the claimant");
    await navigate(page, "Activity");
    await page.getByTestId("activity-feed").locator('[data-event="deposited"]').first().waitFor();
    await page
      .getByTestId("activity-feed")
      .locator('[data-event="mandateExecuted"]')
      .filter({ hasText: "Mandate trade executed" })
      .first()
      .waitFor();
    await screenshot(page, "activity", false, false);
    pageErrors.push(...errors);
    await context.close();

    const phone = await newPage(browser, PHONE);
    await open(phone.page, "/member");
    await connectFixture(phone.page, "member", member.toBase58());
    await phone.page.getByTestId("position-shares-value").waitFor();
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no horizontal scroll on a phone (page is ${width}px wide)`);
    await screenshot(phone.page, "phone-member");
    await navigate(phone.page, "Overview");
    await phone.page.getByTestId("stat-assets-value").waitFor();
    await phone.page.getByTestId("history-chart").locator(".recharts-surface").first().waitFor();
    await screenshot(phone.page, "phone-overview");
    await navigate(phone.page, "Validators");
    await phone.page.getByTestId("open-proposals").waitFor();
    await screenshot(phone.page, "phone-validators");
    pageErrors.push(...phone.errors);
    await phone.context.close();
    assert.ok(DESKTOP.width > PHONE.width);
  });

  it("logged no page errors", () => {
    // The browser logs a failed preflight as a console warning, not an error; anything else is a bug.
    assert.deepEqual(
      pageErrors.filter((e) => !/Failed to load resource/.test(e)),
      [],
    );
  });
});
