import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "./html-report.ts";
import { PLANTED_SECRETS, sampleRecord } from "./testing/sample-record.ts";
import { tempDir } from "./testing/temp-dir.ts";

// Debian's chromium; override where it lives elsewhere.
const CHROMIUM = process.env.CHARTPROBE_CHROMIUM ?? "/usr/bin/chromium";
// Screenshots land in the git-ignored out/ folder so CI can keep them as artifacts.
const OUT_DIR = process.env.CHARTPROBE_TEST_OUT ?? resolve(import.meta.dirname, "../out/test-artifacts");

let dir: Awaited<ReturnType<typeof tempDir>>;
let context: BrowserContext;
let page: Page;
let reportUrl: string;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  dir = await tempDir("chartprobe-html-");
  const file = join(dir.path, "report.html");
  await writeFile(file, renderHtml(sampleRecord()));
  reportUrl = pathToFileURL(file).href;
  // A fresh profile per run: nothing cached, no extensions, no sync.
  context = await chromium.launchPersistentContext(join(dir.path, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(reportUrl, { waitUntil: "load" });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await dir?.remove();
});

describe("HTML report in headless Chromium", () => {
  it("renders without console errors and requests nothing but itself", async () => {
    await expect(page.title()).resolves.toBe("chartprobe · 2026-12-03T14-02-11Z-7f3a");
    await expect(page.locator("#headline").textContent()).resolves.toContain("27 vulnerable");
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it("shows a heatmap row per scenario with a cell per probe", async () => {
    await expect(page.locator("table.heatmap tbody tr").count()).resolves.toBe(3);
    for (const row of await page.locator("table.heatmap tbody tr").all()) {
      await expect(row.locator(".hm-cell").count()).resolves.toBe(20);
    }
    const cell = page.locator('.hm-cell[data-scenario="testbed/insecure"][data-probe="redis-no-auth"]');
    await expect(cell.getAttribute("class")).resolves.toContain("v-vulnerable");
    // A string, as the function runs in the page (this project compiles without the DOM lib).
    const color = await page.evaluate(
      `getComputedStyle(document.querySelector('.hm-cell[data-probe="redis-no-auth"]')).backgroundColor`,
    );
    expect(color).toBe("rgb(220, 38, 38)");
  });

  it("opens the findings of a heatmap cell when it is clicked", async () => {
    await page.locator('.hm-cell[data-scenario="testbed/insecure"][data-probe="redis-no-auth"]').click();
    const open = page.locator("details.finding[open]");
    await expect(open.count()).resolves.toBe(3);
    for (const d of await open.all()) {
      await expect(d.getAttribute("data-probe")).resolves.toBe("redis-no-auth");
      await expect(d.isVisible()).resolves.toBe(true);
    }
    await expect(page.locator("details.finding:visible").count()).resolves.toBe(3);
    await expect(page.getByText("< +PONG").first().isVisible()).resolves.toBe(true);
    await expect(page.locator("#focus-chip").textContent()).resolves.toContain(
      "redis-no-auth in testbed/insecure",
    );
    await mkdir(OUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUT_DIR, "report-drilldown.png") });
  });

  it("filters by verdict", async () => {
    await page.locator("#focus-clear").click();
    await expect(page.locator("details.finding:visible").count()).resolves.toBe(63);
    await page.locator('[data-filter="secure"]').click();
    await expect(page.locator("details.finding:visible").count()).resolves.toBe(63 - 27);
    await expect(page.locator('details.finding[data-verdict="secure"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('[data-filter="secure"]').getAttribute("aria-pressed")).resolves.toBe("false");
    await page.locator('[data-filter="secure"]').click();
    await expect(page.locator("details.finding:visible").count()).resolves.toBe(63);
  });

  it("shows no planted secret anywhere on the page", async () => {
    await page.locator("#expand-all").click();
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toContain("< +PONG");
    for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
  });

  it("produces a full-page screenshot", async () => {
    await page.goto(reportUrl, { waitUntil: "load" });
    await mkdir(OUT_DIR, { recursive: true });
    const path = join(OUT_DIR, "report.png");
    await rm(path, { force: true });
    await page.screenshot({ path, fullPage: true });
    const png = await stat(path);
    expect(png.size).toBeGreaterThan(50_000);
    expect(consoleErrors).toEqual([]);
  });
});
