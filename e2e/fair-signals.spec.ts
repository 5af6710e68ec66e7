// Fair signals at phone size, in English and Chinese: the names on a verdict's fact card lead to the maker's
// and the shop's public profiles, whose credit stands at the top; the batch whose only complaint nobody has
// examined yet reads Genuine, with the complaint shown for information; and the complaint page of a box
// that already has an open complaint shows it instead of an empty form.
import { test, expect, type Page } from "@playwright/test";
import { boxCode } from "./field/boxes";
import { readScenarios } from "./scan/fixture-list";
import { OPEN_COMPLAINT_SERIAL } from "../scripts/demo/seed";

const scenario = (id: string) => readScenarios().find((s) => s.id === id)!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;
const complaintPage = (code: string) => `/complaints/new?code=${encodeURIComponent(code)}`;

const QINGHE = "青禾医疗用品有限公司";
const RENXIN = "仁心大药房（观前店）";

const WORDS = {
  en: {
    sold: new RegExp(`^at ${RENXIN} on \\d{4}-\\d{2}-\\d{2}$`),
    notSold: "Not recorded as sold",
    badge: /^Credit \d{1,3} \/ 100$/,
    unexamined: "An open complaint, not examined yet",
    existing: "This box already has a complaint on the record",
    others: "1 complaint about another box of this batch is open.",
    file: "File the complaint",
  },
  "zh-CN": {
    sold: new RegExp(`^\\d{4}-\\d{2}-\\d{2} 售于${RENXIN}$`),
    notSold: "未记录售出",
    badge: /^信用 \d{1,3} \/ 100 分$/,
    unexamined: "有一件投诉尚未经核查",
    existing: "这一盒已有投诉记录",
    others: "该批次另有 1 件关于其他盒的投诉尚在处理。",
    file: "提交投诉",
  },
} as const;

/** The party's profile opened from the fact card: its name, and its credit in the first screen. */
async function followToProfile(page: Page, name: string, badge: RegExp) {
  await page.locator("[data-box-facts]").getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/participants\/0x[0-9a-fA-F]{40}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const credit = page.locator("[data-credit-badge]");
  await expect(credit.getByText(badge)).toBeVisible();
  await expect(credit).toBeInViewport();
}

for (const locale of ["en", "zh-CN"] as const) {
  const words = WORDS[locale];

  test.describe(`in ${locale}`, () => {
    test.use({ locale, viewport: { width: 390, height: 844 } });

    test("the shop that sold a box and its maker link to their profiles, credit on top", async ({ page }) => {
      await page.goto(pathOf(scenario("cloned").code));
      const facts = page.locator("[data-box-facts]");
      await expect(facts.getByText(words.sold)).toBeVisible();
      for (const party of ["远岫熔喷材料有限公司", "澄明检测技术服务有限公司", "苏州康达医药有限公司"])
        await expect(facts.getByRole("link", { name: party })).toHaveAttribute("href", /^\/participants\/0x/);
      await followToProfile(page, RENXIN, words.badge);
      await page.goBack();
      await followToProfile(page, QINGHE, words.badge);
      await page.screenshot({ path: `test-results/fair-signals-maker-${locale}.png` });
    });

    test("a box no shop recorded as sold says so", async ({ page }) => {
      await page.goto(pathOf(scenario("genuine").code));
      await expect(page.locator("[data-box-facts]").getByText(words.notSold, { exact: true })).toBeVisible();
    });

    test("the batch whose only complaint no one has examined reads Genuine, the complaint shown as information", async ({
      page,
    }) => {
      await page.goto(pathOf(scenario("complaint-open").code));
      await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "genuine");
      const complaints = page.locator('li[data-check="complaints"]');
      await expect(complaints).toHaveAttribute("data-status", "pass");
      await expect(complaints).toContainText(words.unexamined);
      await page.screenshot({
        path: `test-results/fair-signals-open-complaint-${locale}.png`,
        fullPage: true,
      });
    });

    test("the complaint page shows a box's open complaint instead of the form, and other boxes' above it", async ({
      page,
    }) => {
      const batch = scenario("complaint-open");
      await page.goto(complaintPage(boxCode("complaint-open", OPEN_COMPLAINT_SERIAL)));
      const existing = page.getByRole("region", { name: words.existing });
      await expect(existing).toBeVisible();
      await expect(existing.getByRole("link")).toHaveAttribute("href", /^\/complaints\/\d+$/);
      await expect(page.getByRole("button", { name: words.file })).toHaveCount(0);

      await page.goto(complaintPage(batch.code));
      await expect(page.getByText(words.others)).toBeVisible();
      await expect(page.getByRole("button", { name: words.file })).toBeVisible();
    });
  });
}
