// A suspected fake reported from the unknown-serial verdict on a phone, in English and in Chinese: the
// report link is on the first screen, the report needs no secret from inside a box, an inspector confirms
// it from the queue (acting as the demo's inspector), and the counterfeit finding is then among the
// violations on the seller's public profile. Each language reports against a shop registered for it, so
// the fine (which suspends the shop) touches no seller another test acts as.
import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import QRCode from "qrcode";
import en from "../lib/i18n/messages/en/tips.json";
import zh from "../lib/i18n/messages/zh-CN/tips.json";
import { actAs, untilHydrated } from "./desks";
import { registerShop } from "./field/boxes";

interface Scenario {
  id: string;
  code: string;
}

const scenarios = JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[];
const unknownSerial = scenarios.find((s) => s.id === "unknown-serial")!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

async function reportAndConfirm(page: Page, words: typeof en, language: string, shopName: string) {
  const shop = await registerShop(shopName);

  await page.goto(pathOf(unknownSerial.code));
  const report = page.getByRole("link", { name: words.report.link });
  // On the first screen of a phone (390 × 844), without scrolling.
  await expect(report).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `test-results/fake-verdict-${language}.png` });
  await report.click();

  await expect(page.getByRole("heading", { name: words.report.title })).toBeVisible();
  await untilHydrated(page, "form button[type=submit]");
  await expect(page.getByLabel(words.report.code)).toHaveValue(/^\(01\)\d{14}/);
  await page.getByLabel(words.report.registered).selectOption({ label: shopName });
  await page.getByLabel(words.report.place).fill("观前街 12 号");
  await page.getByLabel(words.report.price).fill("25");
  await page.getByLabel(words.report.description).fill("印刷模糊，盒内没有说明书。 The print is blurred.");
  // The photo: the box's label as a phone would show it (its code as a QR, a real PNG).
  const photo = await QRCode.toBuffer(unknownSerial.code, { type: "png", width: 240 });
  await page
    .getByLabel(words.report.photo)
    .setInputFiles({ name: "box.png", mimeType: "image/png", buffer: photo });
  await page.screenshot({ path: `test-results/fake-report-${language}.png`, fullPage: true });
  await page.getByRole("button", { name: words.report.submit }).click();
  const sent = page.locator("[data-tip]");
  await expect(sent).toBeVisible();
  const tipId = await sent.getAttribute("data-tip");
  expect(tipId).toMatch(/^\d+$/);

  await actAs(page, "inspector");
  await page.goto("/inspector");
  const tip = page.locator(`li[data-tip="${tipId}"]`);
  await expect(tip).toContainText(shopName);
  await expect(tip).toContainText("The print is blurred.");
  await expect(tip.getByRole("img", { name: words.queue.photo.replace("{id}", tipId!) })).toBeVisible();
  await tip.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/fake-queue-${language}.png` });
  await untilHydrated(page, `li[data-tip="${tipId}"] button`);
  await tip.getByRole("button", { name: words.queue.confirm }).click();
  await expect(tip.locator("[data-tx=confirmed]")).toBeVisible();

  await page.goto(`/participants/${shop}`);
  const violations = page.locator("[data-section=counterfeit]");
  await expect(violations.locator("[data-finding]")).toHaveCount(1);
  await expect(violations).toHaveAttribute("data-ok", "false");
  await violations.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/fake-profile-${language}.png` });
}

test("a fake reported from the unknown-serial verdict, confirmed by an inspector, is on the seller's profile", async ({
  page,
}) => {
  await reportAndConfirm(page, en, "en", "Roadside mask stall (test)");
});

test("the Not-on-the-record verdict offers the report on its first screen too", async ({ page }) => {
  const unregistered = scenarios.find((s) => s.id === "unregistered")!;
  await page.goto(pathOf(unregistered.code));
  await expect(page.locator("[data-verdict=not_found]")).toBeVisible();
  await expect(page.getByRole("link", { name: en.report.link })).toBeInViewport({ ratio: 1 });
});

test.describe("in Chinese (a zh-CN browser)", () => {
  test.use({ locale: "zh-CN" });

  test("举报疑似假货，检查员确认后，违规记录出现在卖家主页上", async ({ page }) => {
    await expect(async () => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    }).toPass();
    await reportAndConfirm(page, zh, "zh-CN", "路边口罩摊（浏览器测试）");
  });
});
