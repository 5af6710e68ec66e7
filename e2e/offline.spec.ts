// Installable, and offline with the network cut (context.setOffline): the home page and the scanner
// work, a verdict opened before shows with the time it is from, a box never opened gets a plain
// "you're offline" — never the browser's error page — and back online verdicts are fresh again. All
// under the pages' Content-Security-Policy, kept pages included.
import { test, expect, type Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { codeFixtures, readScenarios } from "./scan/fixture-list";
import { parseScannedCode, toElementString } from "../lib/domain/gs1";
import { formatDateTime } from "../lib/domain/format";

const scenario = (id: string) => readScenarios().find((s) => s.id === id)!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;
const genuine = scenario("genuine");
const recalled = scenario("recalled");

/** The label with its time as an en-US browser writes it, e.g. "Dec 1, 2026, 1:37 AM". */
// Dates in one format per language: the verdict page's (lib/domain/format.ts), China Standard Time.
const OFFLINE_LABEL = /^Offline — this result is from \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./;
const NEEDS_NETWORK = "You're offline: checking a box needs the network";

/** Every Content-Security-Policy refusal on the page from now on. */
function watchCspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

/** Opens `path` online and waits until the service worker has kept the shell and controls the page. */
async function openOnline(page: Page, path: string) {
  await page.goto(path);
  // The worker takes control once it has kept the shell pages and their build files.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
    .toBe(true);
}

/** The verdicts this browser keeps for offline use. */
function savedVerdictCount(page: Page): Promise<number> {
  return page.evaluate(async () => (await (await caches.open("medproof-verdicts-v1")).keys()).length);
}

async function openVerdictOnline(page: Page, path: string) {
  await openOnline(page, path);
  await expect(page.locator("[data-verdict]")).toBeVisible();
  await expect.poll(() => savedVerdictCount(page)).toBeGreaterThan(0);
}

const offlineLabel = (page: Page) => page.locator("[data-offline-label]");

test.afterEach(async ({ context }) => {
  await context.setOffline(false);
});

test("a verdict opened online shows offline, labelled with the time it is from", async ({
  page,
  context,
}) => {
  const refusals = watchCspRefusals(page);
  await openVerdictOnline(page, pathOf(genuine.code));
  const headline = await page.locator("[data-verdict] p").first().innerText();
  // "Read from block N at 2026-12-01 09:37 (China Standard Time)": when this answer was read.
  const readAt = /at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(China Standard Time\)/.exec(
    await page.getByText(/^Read from block/).innerText(),
  )![1]!;

  await context.setOffline(true);
  await page.reload();
  await expect(offlineLabel(page)).toHaveText(OFFLINE_LABEL);
  const time = offlineLabel(page).locator("time");
  expect(formatDateTime(Date.parse((await time.getAttribute("datetime"))!) / 1000)).toBe(readAt);
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  await expect(page.locator("[data-verdict]")).toContainText(headline);
  await expect(page.getByRole("heading", { name: "What the record says" })).toBeVisible();
  expect(pathOf(page.url())).toBe(pathOf(genuine.code));
  await page.screenshot({ path: "test-results/offline-verdict-390x844.png", fullPage: true });

  // Reached again by a link from another page, still offline.
  await page.goto("/");
  await page.goto(pathOf(genuine.code));
  await expect(offlineLabel(page)).toHaveText(OFFLINE_LABEL);
  expect(refusals).toEqual([]);
});

test("offline, the home page and the scanner work, their scripts included", async ({ page, context }) => {
  const refusals = watchCspRefusals(page);
  await openOnline(page, "/");
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is this mask box what it claims to be?");
  await expect(page.locator("[data-scenario]")).toHaveCount(readScenarios().length);

  await page.getByRole("banner").getByRole("link", { name: "Scan a box" }).click();
  await expect(page).toHaveURL(/\/scan$/);
  // The scanner's scripts run from the kept copy: the camera's outcome is known, and a code that is not
  // a product code is refused in the browser.
  await expect(page.locator("[data-camera-problem]")).toBeVisible();
  const field = page.getByLabel("Scanned or typed code");
  await field.fill("hello");
  await field.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "not a product code" })).toBeVisible();
  expect(refusals).toEqual([]);
});

test.describe("offline, a box never opened on this device", () => {
  test("opened from its address: the plain offline message, at that address", async ({ page, context }) => {
    await openVerdictOnline(page, pathOf(genuine.code));
    await context.setOffline(true);
    await page.goto(pathOf(recalled.code));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEEDS_NETWORK);
    expect(pathOf(page.url())).toBe(pathOf(recalled.code));
    // What this device kept is offered instead.
    await expect(page.getByRole("link", { name: /^Genuine/ })).toHaveAttribute("href", pathOf(genuine.code));
    await page.screenshot({ path: "test-results/offline-new-code-390x844.png", fullPage: true });
  });

  test("scanned or typed: the plain offline message", async ({ page, context }) => {
    const refusals = watchCspRefusals(page);
    await openOnline(page, "/scan");
    await expect(page.locator("[data-camera-problem]")).toBeVisible();
    await context.setOffline(true);

    // The scanner opens the verdict in the app; offline Next falls back to a page load.
    const field = page.getByLabel("Scanned or typed code");
    await field.fill(recalled.code);
    await field.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEEDS_NETWORK);
    expect(pathOf(page.url())).toBe(pathOf(recalled.code));

    // The home page's form goes through /check.
    await page.goto("/");
    await page.getByLabel("Code printed on the box").fill(recalled.code);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEEDS_NETWORK);
    expect(refusals).toEqual([]);
  });
});

test("offline, a box opened before, scanned in another form, shows its kept verdict", async ({
  page,
  context,
}) => {
  await openVerdictOnline(page, pathOf(genuine.code));
  await page.goto("/scan");
  await expect(page.locator("[data-camera-problem]")).toBeVisible();
  await context.setOffline(true);
  // The DataMatrix's element string instead of the Digital Link: kept verdicts are found by the code's
  // canonical form.
  const parsed = parseScannedCode(genuine.code);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const field = page.getByLabel("Scanned or typed code");
  await field.fill(toElementString(parsed.code).replaceAll("\u001d", "<GS>"));
  await field.press("Enter");
  await expect(offlineLabel(page)).toHaveText(OFFLINE_LABEL);
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
});

test("offline, the scanner reads a photo of a box opened before: its code reader was kept", async ({
  page,
  context,
}) => {
  const refusals = watchCspRefusals(page);
  await openVerdictOnline(page, pathOf(genuine.code));
  await context.setOffline(true);
  // Never opened online in this browser: the scanner comes from the kept shell, its reader with it.
  await page.goto("/scan");
  const photo = codeFixtures().find((f) => f.scenario.id === "genuine" && f.symbology === "datamatrix")!;
  await page.getByLabel("Take or choose a photo").setInputFiles(photo.image);
  await expect(offlineLabel(page)).toHaveText(OFFLINE_LABEL);
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  expect(refusals).toEqual([]);
});

test("back online, the verdict comes from the network again, not the kept copy", async ({
  page,
  context,
}) => {
  await openVerdictOnline(page, pathOf(genuine.code));
  await context.setOffline(true);
  await page.reload();
  await expect(offlineLabel(page)).toBeVisible();
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  await expect(page.getByText(/^Read from block/)).toBeVisible();
  await expect(offlineLabel(page)).toHaveCount(0);
});

test("axe: the offline verdict and the offline message", async ({ page, context }) => {
  await openVerdictOnline(page, pathOf(genuine.code));
  await context.setOffline(true);
  for (const [path, ready] of [
    [pathOf(genuine.code), offlineLabel(page)],
    [pathOf(recalled.code), page.getByRole("heading", { name: NEEDS_NETWORK })],
  ] as const) {
    await page.goto(path);
    await expect(ready).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  }
});

test("the app is installable: Chromium finds its manifest and icons sufficient", async ({ page }) => {
  await openOnline(page, "/");
  const manifest = page.locator('link[rel="manifest"]');
  await expect(manifest).toHaveAttribute("href", "/manifest.webmanifest");
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
    installabilityErrors: { errorId: string }[];
  };
  // Playwright's browser contexts are incognito, where Chromium installs nothing: that one is ours.
  const errors = installabilityErrors.map((error) => error.errorId).filter((id) => id !== "in-incognito");
  expect(errors).toEqual([]);
  const { url, data } = (await cdp.send("Page.getAppManifest")) as { url: string; data: string };
  expect(url).toMatch(/\/manifest\.webmanifest$/);
  const parsed = JSON.parse(data) as { theme_color: string; display: string; start_url: string };
  expect(parsed).toMatchObject({ theme_color: "#065f46", display: "standalone", start_url: "/" });
});
