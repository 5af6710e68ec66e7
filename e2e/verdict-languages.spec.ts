// The verdict page in Chinese and English, for a genuine and a suspect box: the browser's language picks
// one, the header's switch the other; the whole page follows, with the sentences translated on the server.
import { test, expect, type Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { readFileSync } from "node:fs";

interface Scenario {
  id: string;
  verdict: string;
  code: string;
}

const scenarios = JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[];
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;
const genuine = pathOf(scenarios.find((s) => s.id === "genuine")!.code);
const recalled = pathOf(scenarios.find((s) => s.id === "recalled")!.code);

const banner = (page: Page) => page.locator("[data-verdict]");

/** What a phone shows first (390×844), and the whole page. */
async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}-390x844.png` });
  await page.screenshot({ path: `test-results/${name}-full.png`, fullPage: true });
}

test.describe("in Chinese (a zh-CN browser)", () => {
  test.use({ locale: "zh-CN" });

  test("a genuine box reads 正品, with its checks, history and price in Chinese", async ({ page }) => {
    await page.goto(genuine);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(banner(page)).toHaveAttribute("data-verdict", "genuine");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("正品");
    await expect(banner(page)).toContainText("由持证企业生产、检验并放行，流向可追溯到货架");
    await expect(page.getByRole("heading", { name: "记录显示" })).toBeVisible();
    await expect(page.locator("[data-check=release]")).toContainText("解析 16 天后放行");
    await expect(page.locator("[data-check=price]")).toContainText("本地零售限价：1.80 元/片");
    await expect(page.getByRole("heading", { name: "本批次的来历" })).toBeVisible();
    await expect(page.locator("li[data-kind=production]")).toContainText(/生产 [\d,]+ 只口罩，装 [\d,]+ 盒/);
    await expect(page.getByText(/苏州零售限价：1\.80 元\/片/)).toBeVisible();
    await expect(page).toHaveTitle(/^正品：由持证企业生产/);
    await screenshots(page, "verdict-genuine-zh-CN");
  });

  test("a recalled box reads 可疑——请勿使用 and names the recall in its headline", async ({ page }) => {
    await page.goto(recalled);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(banner(page)).toHaveAttribute("data-verdict", "suspect");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("可疑——请勿使用");
    await expect(banner(page)).toContainText(/已于 \d{4}-\d{2}-\d{2} 召回/);
    const recall = page.locator("[data-check=recall]");
    await expect(recall).toHaveAttribute("data-status", "fail");
    await expect(recall).toContainText("问题");
    await expect(recall).toContainText("请勿使用，并退回给销售方");
    await screenshots(page, "verdict-recalled-zh-CN");
  });

  test("the header's switch turns the page into English", async ({ page }) => {
    await page.goto(genuine);
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("Genuine");
    await expect(page.locator("[data-check=release]")).toContainText("Released after a 16-day hold");
    expect(pathOf(page.url())).toBe(genuine);
  });
});

test.describe("in Chinese, for every reader", () => {
  test.use({ locale: "zh-CN" });
  for (const [name, path] of [
    ["genuine", genuine],
    ["recalled", recalled],
  ] as const) {
    test(`axe finds nothing wrong with the ${name} box's page in Chinese`, async ({ page }) => {
      await page.goto(path);
      await expect(banner(page)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test.describe("at 200 % zoom on a phone", () => {
    test.use({ viewport: { width: 195, height: 422 }, deviceScaleFactor: 2 });

    test("the suspect verdict and its headline fit the first screen, without sideways scrolling", async ({
      page,
    }) => {
      await page.goto(recalled);
      await expect(banner(page).getByRole("heading", { level: 1 })).toBeInViewport({ ratio: 1 });
      await expect(banner(page).locator("p").first()).toBeInViewport();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
});

test.describe("in English (an en-US browser)", () => {
  test("a genuine box reads Genuine, in English", async ({ page }) => {
    await page.goto(genuine);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("Genuine");
    await expect(banner(page)).toContainText("Made, tested and released by licensed parties");
    await expect(page.locator("[data-check=price]")).toContainText("Retail cap here: 1.80 yuan/piece");
    await screenshots(page, "verdict-genuine-en");
  });

  test("a recalled box reads Suspect, in English", async ({ page }) => {
    await page.goto(recalled);
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("Suspect — do not use");
    await expect(page.locator("[data-check=recall]")).toContainText("Do not use the masks");
    await screenshots(page, "verdict-recalled-en");
  });

  test("the header's switch turns the page into Chinese, and it stays Chinese", async ({ page }) => {
    await page.goto(recalled);
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("可疑——请勿使用");
    expect(pathOf(page.url())).toBe(recalled);
    await page.goto(genuine);
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("正品");
  });
});
