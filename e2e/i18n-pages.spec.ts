// The consumer pages in Chinese: a browser that prefers Chinese gets them in Chinese (with
// <html lang="zh-CN">), axe finds nothing on them, and the header's language switch changes the
// language and keeps it from page to page. Screenshots at phone size go to test-results/zh-CN-*.png.
import { test, expect, type Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { boxCode } from "./field/boxes";
import { readScenarios } from "./scan/fixture-list";

const scenario = (id: string) => readScenarios().find((s) => s.id === id)!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;
const BIANMIN = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";

async function looked(page: Page, name: string) {
  await page.screenshot({ path: `test-results/zh-CN-${name}.png`, fullPage: true });
}

test.describe("a browser that prefers Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("home: Chinese words, the demo boxes in Chinese, lang zh-CN, axe clean", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("这盒口罩是真的吗？");
    await expect(page.getByRole("heading", { name: "本地链上的演示包装盒" })).toBeVisible();
    await expect(page.locator('[data-scenario="genuine"]')).toContainText("一盒正品");
    await expect(page.getByRole("button", { name: "查验", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/查验口罩/);
    expect(await axeViolations(page)).toEqual([]);
    await looked(page, "home");
  });

  test("scan: the camera's problem and a code that is not a product code, in Chinese", async ({ page }) => {
    await page.goto("/scan");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("扫码查验");
    await expect(page.getByText("拍照或选择照片")).toBeVisible();
    // No camera here: the scanner says why, in Chinese.
    await expect(page.locator("[data-camera-problem]")).toContainText("摄像头");
    const field = page.getByLabel("扫描或输入的号码");
    await field.fill("hello");
    await field.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "这不是 MedProof 能识别的产品码" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await looked(page, "scan");
  });

  test("the code check page explains an unreadable code in Chinese", async ({ page }) => {
    await page.goto("/check?code=(01)09521234500017");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("无法识别这个码");
    await expect(page.getByRole("alert").filter({ hasText: "校验位" })).toBeVisible();
  });

  test("complaint form: Chinese labels, and the API's refusal in Chinese", async ({ page }) => {
    // A box of the genuine batch no other test files against: the server allows five attempts per box
    // an hour, and the HTTP tests before this one try the demo's genuine box.
    const serial = 100901;
    await page.goto(`/complaints/new?code=${encodeURIComponent(boxCode("genuine", serial))}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("投诉这盒口罩的问题");
    await expect(page.getByRole("group", { name: "出了什么问题？" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await looked(page, "complaint-form");

    await page.getByLabel("口罩有质量问题").check();
    await page.getByLabel("简单描述一下问题").fill("第一只口罩的耳带就掉了。");
    await page.getByLabel("盒内印的验证码").fill("0000-0000-0000-0000-0000-0000-00");
    await page.getByRole("button", { name: "提交投诉" }).click();
    await expect(page.locator("#secret-error")).toContainText(`盒内验证码与第 ${serial} 号包装盒不符`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a complaint's page: status, amounts in yuan and dates in Chinese", async ({ page }) => {
    // The demo's upheld complaint.
    await page.goto("/complaints/1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("投诉 1");
    await expect(page.getByText("投诉成立", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "处理经过" })).toBeVisible();
    await expect(page.getByText(/从保证金中向购买者赔偿 [\d,]+\.\d{2} 元/)).toBeVisible();
    await expect(page.locator("ol time").first()).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await axeViolations(page)).toEqual([]);
    await looked(page, "complaint-page");
  });

  test("a seller's profile: credit rule, record and dates in Chinese", async ({ page }) => {
    await page.goto(`/participants/${BIANMIN}`);
    await expect(page.getByRole("heading", { level: 1, name: "便民大药房（石路店）" })).toBeVisible();
    const credit = page.getByRole("region", { name: "信用概况" });
    await expect(credit.getByText(/每个参与方从 100 分起算/)).toBeVisible();
    await expect(credit.getByRole("cell", { name: /每次被记录的超限价销售/ })).toBeVisible();
    const violations = page.getByRole("region", { name: /价格违规（[1-9]/ });
    await expect(violations).toContainText(/\d{4}年\d{1,2}月\d{1,2}日：售价每只 3\.00 元，限价每只 1\.80 元/);
    await expect(page.getByText(/^统一社会信用代码：92320508/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await looked(page, "profile");

    await page.getByRole("link", { name: "打印此主页的店铺二维码" }).click();
    await expect(page.getByText("购买前扫一扫，查看本店的许可证和记录。")).toBeVisible();
  });

  test("offline, a verdict opened before is labelled in Chinese with the time it is from", async ({
    page,
    context,
  }) => {
    await page.goto(pathOf(scenario("genuine").code));
    await expect(page.locator("[data-verdict]")).toBeVisible();
    // The service worker has kept the shell (the offline page included) and the verdict.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() =>
        page.evaluate(async () => (await (await caches.open("medproof-verdicts-v1")).keys()).length),
      )
      .toBeGreaterThan(0);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.locator("[data-offline-label]")).toHaveText(
        /^离线——此结果来自 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。/,
      );
      await expect(page.locator("[data-offline-label]")).toContainText("恢复联网后请再查验一次");
    } finally {
      await context.setOffline(false);
    }
  });

  test("an unknown page says so in Chinese", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("没有这个页面");
    await expect(page.getByRole("link", { name: "扫描盒上的码" })).toHaveAttribute("href", "/scan");
  });
});

test("the header's switch changes the language and it stays chosen from page to page", async ({ page }) => {
  await page.goto("/scan");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /中文/ }).click();
  // Back on the page it was pressed on, now in Chinese.
  await expect(page).toHaveURL(/\/scan$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("扫码查验");

  await page.goto(`/participants/${BIANMIN}`);
  await expect(page.getByRole("region", { name: "信用概况" })).toBeVisible();
  await page.getByRole("link", { name: "MedProof" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("这盒口罩是真的吗？");

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Is this mask box what it claims to be?");
  await page.goto("/scan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scan a box");
});
