/**
 * The web app in a real browser (Debian's Chromium, headless, driven by playwright-core)
 * against the local validator, with the state `e2e/fixture.ts` made by real transactions.
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
import { PoolAddresses, votersOf, validatorsOf } from "../../sdk/src";
import { readOnlyClient } from "../src/lib/readClient";
import { formatAmount } from "../src/lib/format";
import {
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
    await screenshot(page, "overview");
    await page.getByTestId("connect-button").click();
    await page.getByTestId("fixture-member").waitFor();
    await screenshot(page, "connect-wallet", false, false);
    await page.keyboard.press("Escape");
    await page.getByTestId("connect-dialog").waitFor({ state: "detached" });
    pageErrors.push(...errors);
    await context.close();
  });

  it("a member connects the burner wallet and deposits: the page and the chain show the new shares", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/member");
    await connectFixture(page, "member", member.toBase58());
    const ata = getAssociatedTokenAddressSync(p.mint, member, true, p.tokenProgram);
    const [sharesBefore, usdcBefore] = await Promise.all([memberShares(p), tokenBalance(ata)]);
    await page.getByTestId("wallet-balance").first().waitFor();
    assert.equal(await shownShares(page), sharesBefore, "the page shows the position on chain");

    await page.getByTestId("deposit-amount").fill("250");
    const preview = BigInt(
      (await page.getByTestId("deposit-preview-shares").getAttribute("data-raw")) ?? "0",
    );
    assert.ok(preview > 0n, "a share preview is shown");
    const minShares = BigInt((await page.getByTestId("deposit-min-shares").getAttribute("data-raw")) ?? "0");
    assert.equal(minShares, (preview * 9_950n) / 10_000n, "the default slippage bound is 0.5%");
    await page.getByTestId("deposit-submit").click();
    const toast = await settledToast(page);
    assert.equal(toast.status, "confirmed", `deposit failed: ${toast.text}`);

    const sharesAfter = await memberShares(p);
    assert.equal(sharesAfter - sharesBefore, preview, "the chain minted exactly the previewed shares");
    assert.equal(usdcBefore - (await tokenBalance(ata)), 250n * USDC, "250 USDC left the member's wallet");
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="position-shares-value"]')?.getAttribute("data-raw") ===
        expected,
      sharesAfter.toString(),
      { timeout: 15_000 },
    );
    const text = await page.getByTestId("position-shares-value").textContent();
    assert.equal(text, formatAmount(sharesAfter, 6, { maxFraction: 4, minFraction: 0 }));
    await page.getByTestId("deposit-done").waitFor();
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

  it("a non-admin sees no admin controls; the admin does", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/admin");
    await page.getByTestId("admin-readonly").waitFor();
    assert.equal(await page.locator("[data-admin-control]").count(), 0, "no controls without a wallet");
    await connectFixture(page, "member", member.toBase58());
    await page.getByTestId("admin-readonly").filter({ hasText: "not an ADMIN" }).waitFor();
    await page.getByTestId("admin-products").getByText("DEX arbitrage").waitFor();
    assert.equal(await page.locator("[data-admin-control]").count(), 0, "no controls for a member");
    await screenshot(page, "admin-readonly");

    await page.getByTestId("wallet-button").click();
    await page.getByRole("menuitem", { name: "Switch wallet" }).click();
    await page.getByTestId(`fixture-admin`).click();
    await page.getByTestId("admin-pause").waitFor();
    assert.equal(await page.getByTestId("admin-readonly").count(), 0);
    assert.ok((await page.locator("[data-admin-control]").count()) > 5, "the ADMIN gets the controls");
    assert.equal((await client.fetchPool(p.pool)).paused, 0);
    await screenshot(page, "admin");
    pageErrors.push(...errors);
    await context.close();
  });

  it("Insurance and Activity pages, and the phone layout", async () => {
    const { page, context, errors } = await newPage(browser);
    await open(page, "/insurance");
    await connectFixture(page, "senior-1", fixtureKeypair("senior-1").publicKey.toBase58());
    await page.getByTestId("reserve-balance").waitFor();
    await page.getByTestId("claims").locator(".claim").first().waitFor();
    await screenshot(page, "insurance");
    await navigate(page, "Activity");
    await page.getByTestId("activity-feed").locator('[data-event="deposited"]').first().waitFor();
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
