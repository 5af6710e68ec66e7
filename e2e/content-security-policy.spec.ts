// The pages work under their Content-Security-Policy: nothing they do is refused — scripts hydrate,
// the decoder loads, the camera starts, forms submit — and a refusal, were there one, would be seen.
import { test, expect, type Page } from "@playwright/test";
import { codeFixtures, readScenarios } from "./scan/fixture-list";

const genuine = readScenarios().find((s) => s.id === "genuine")!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

// Chromium's built-in fake camera (a test pattern) with the permission granted, on top of this project's
// browser arguments, so the scanner's camera runs under the policy as on a phone.
test.use({
  launchOptions: async ({ launchOptions }, provide) => {
    const args = [
      ...(launchOptions.args ?? []),
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
    ];
    await provide({ ...launchOptions, args });
  },
});

/** Every CSP refusal on the page from now on: the DOM event and Chromium's console message both. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(`event: ${text}`));
  // Injected by the browser's debugging protocol, so the page's own policy does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} on ${event.documentURI}`);
    });
  });
  return violations;
}

/** Fails listing every refusal seen so far. */
async function expectNoViolations(violations: string[]) {
  // A refusal is reported asynchronously: give late ones (chunks, images) a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(violations).toEqual([]);
}

test("the watcher sees a refusal: an image from another origin is refused and reported", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://example.invalid/pixel.png";
    document.body.append(image);
  });
  await expect.poll(() => violations.some((v) => v.startsWith("event: img-src refused"))).toBe(true);
});

test("the home page runs its scripts under the policy, and its form opens the verdict", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  const field = page.getByLabel("Code printed on the box");
  await field.fill(genuine.code);
  await field.press("Enter");
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  await expectNoViolations(violations);
});

test("a verdict page renders and hydrates under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(pathOf(genuine.code));
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  // A client-side navigation: the router fetches the next page and its chunks under the same policy.
  await page.getByRole("banner").getByRole("link", { name: "Scan a box" }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await expect(page.getByLabel("Scanned or typed code")).toBeVisible();
  await expectNoViolations(violations);
});

test("a page that does not exist is served under the policy too", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such page" })).toBeVisible();
  await expectNoViolations(violations);
});

test("the scanner reads a photo under the policy: the decoder loads and runs", async ({ page }) => {
  const violations = await watchViolations(page);
  const photo = codeFixtures().find((f) => f.scenario.id === "genuine" && f.symbology === "qr")!;
  await page.goto("/scan");
  await page.getByLabel("Take or choose a photo").setInputFiles(photo.image);
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
  await expectNoViolations(violations);
});

test("the scanner's camera starts under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/scan");
  await expect(page.locator("[data-camera-status='scanning']")).toBeVisible({ timeout: 15_000 });
  const playing = await page.locator("video").evaluate((video: HTMLVideoElement) => video.videoWidth > 0);
  expect(playing).toBe(true);
  await expectNoViolations(violations);
});
