/**
 * Browser helpers for the e2e tests: Debian's Chromium driven headless by playwright-core,
 * the app served by `vite preview` (scripts/app-test.sh starts it), the burner wallet loaded
 * with a localnet fixture keypair through the app's own connect dialog.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";

/** Where the app is served. */
export const APP_URL = process.env.POOLBOT_APP_URL ?? "http://127.0.0.1:4173";
/** The validator the app and the tests talk to. */
export const RPC_URL = process.env.POOLBOT_RPC_URL ?? "http://127.0.0.1:8999";
export const CHROMIUM = process.env.POOLBOT_CHROMIUM ?? "/usr/bin/chromium";
/** Where page screenshots go: `$POOLBOT_SCREENSHOTS`, else the committed app/screenshots/. */
export const SCREENSHOTS = process.env.POOLBOT_SCREENSHOTS ?? join(__dirname, "..", "screenshots");

export const DESKTOP = { width: 1360, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}

/** A fresh browser context (empty localStorage: no wallet, default settings) with a page. */
export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: viewport === PHONE ? 2 : 1,
    isMobile: viewport === PHONE,
    hasTouch: viewport === PHONE,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/** Opens `path` of the app on the test validator. */
export async function open(page: Page, path = "/"): Promise<void> {
  const sep = path.includes("?") ? "&" : "?";
  await page.goto(`${APP_URL}${path}${sep}rpc=${encodeURIComponent(RPC_URL)}`);
  await page.getByRole("link", { name: "Pool Bot" }).waitFor();
}

/** Goes to another page of the app through its navigation (keeping the wallet connected). */
export async function navigate(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`nav-${tab.toLowerCase()}`).click();
}

/** Connects the burner wallet with fixture `name` (`member`, `admin`, `lead`, ...). */
export async function connectFixture(page: Page, name: string, publicKey: string): Promise<void> {
  await page.getByTestId("connect-button").click();
  await page.getByTestId("burner-panel").waitFor();
  await page.getByTestId(`fixture-${name}`).click();
  await page.getByTestId("wallet-address").waitFor();
  const shown = await page.getByTestId("wallet-address").textContent();
  const expected = `${publicKey.slice(0, 4)}…${publicKey.slice(-4)}`;
  if (shown !== expected) throw new Error(`wallet shows ${shown}, expected ${expected}`);
}

/**
 * Saves a full-page screenshot as app/screenshots/`name`.png. Transaction toasts (fixed to the
 * viewport, so they would float mid-page in a full-page shot) are hidden unless `toasts`;
 * `fullPage: false` keeps to the viewport (pages that grow with every run, like Activity).
 */
export async function screenshot(page: Page, name: string, toasts = false, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Let charts and counters settle, and hide the caret so screenshots are stable.
  const hide = toasts ? "" : ".toasts { display: none !important; }";
  const style = await page.addStyleTag({ content: `* { caret-color: transparent !important; } ${hide}` });
  await page.waitForTimeout(400);
  await page.screenshot({ path, fullPage, animations: "disabled" });
  await style.evaluate((el) => (el as Element).remove());
  return path;
}

/** Waits for the latest transaction toast to reach `confirmed` or `failed`; returns it. */
export async function settledToast(page: Page, timeout = 30_000): Promise<{ status: string; text: string }> {
  const toast = page.getByTestId("tx-toast").last();
  await toast.waitFor();
  await page.waitForFunction(
    () => {
      const all = document.querySelectorAll('[data-testid="tx-toast"]');
      const last = all[all.length - 1];
      return !!last && ["confirmed", "failed"].includes(last.getAttribute("data-status") ?? "");
    },
    undefined,
    { timeout },
  );
  return {
    status: (await toast.getAttribute("data-status")) ?? "",
    text: (await toast.getByTestId("tx-toast-text").textContent()) ?? "",
  };
}
