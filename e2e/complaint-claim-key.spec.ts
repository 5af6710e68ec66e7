// A complaint filed with a photo, at phone size: the form shows the price cap per box; the complaint's
// page shows the photo as filed and links back to the box's verdict; the claim key is copied, saved as a
// file and shared (the Web Share API, stood in for here: headless Chromium on Linux has none).
// (Box 103401 of the expired lot, which no other test complains about.)
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { demoBoxSecret } from "../scripts/demo/accounts";
import { formatBoxSecret } from "../lib/domain/box-secret";
import { boxCode, scenarioBatch } from "./field/boxes";

const SERIAL = 103401;
/** A 1×1 PNG: a real image the browser decodes. */
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the claim key is copied, saved and shared; the page shows the photo and links back to the box", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { sharedForTest: shared });
    Object.defineProperty(navigator, "share", {
      value: (data: ShareData) => {
        shared.push(data);
        return Promise.resolve();
      },
    });
  });
  const batch = scenarioBatch("expired");
  const code = boxCode("expired", SERIAL);
  await page.goto(`/complaints/new?code=${encodeURIComponent(code)}`);
  await expect(page.getByText("The retail price cap here is 1.80 yuan a piece: 90.00 yuan")).toBeVisible();
  await page.getByLabel("The masks are faulty").check();
  await page.getByLabel("Describe it in a few words").fill("Torn inner layer.");
  await page.getByLabel("A photo, optional").setInputFiles({
    name: "torn.png",
    mimeType: "image/png",
    buffer: PHOTO,
  });
  await page
    .getByLabel("The code printed inside the box")
    .fill(formatBoxSecret(demoBoxSecret(batch.gtin, batch.lot, SERIAL)));
  await page.getByRole("button", { name: "File the complaint" }).click();
  // Filing waits for the relayed transaction's receipt.
  await expect(page).toHaveURL(/\/complaints\/\d+\?filed=1$/, { timeout: 20_000 });
  const id = /\/complaints\/(\d+)/.exec(page.url())![1];

  const photo = page.getByRole("img", { name: `The photo filed with complaint ${id}` });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(page.locator("[data-box-verdict]")).toHaveAttribute(
    "href",
    `/01/${batch.gtin}/10/${batch.lot}/21/${SERIAL}`,
  );

  const key = (await page.getByTestId("claim-key").textContent())!;
  expect(key).toMatch(/^0x[0-9a-f]{64}$/);
  await page.getByRole("button", { name: "Copy the key" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as a file" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`medproof-complaint-${id}-claim-key.txt`);
  const file = readFileSync((await saved.path())!, "utf8");
  expect(file).toContain(`Claim key: ${key}`);
  expect(file).toContain(`/complaints/${id}`);

  await page.getByRole("button", { name: "Share…" }).click();
  const shared = await page.evaluate(
    () => (window as unknown as { sharedForTest: ShareData[] }).sharedForTest,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]!.text).toContain(`Claim key: ${key}`);
  await page.screenshot({ path: "test-results/complaint-claim-key-390x844.png", fullPage: true });

  await page.locator("[data-box-verdict]").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/01/${batch.gtin}/10/${batch.lot}/21/${SERIAL}`);
});
