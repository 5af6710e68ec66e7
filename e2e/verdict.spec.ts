// What a person sees on the verdict page of each demo box, at phone size.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

interface Scenario {
  id: string;
  title: string;
  verdict: "genuine" | "caution" | "suspect" | "not_found";
  code: string;
}

const scenarios = JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[];
const WORDS: Record<Scenario["verdict"], RegExp> = {
  genuine: /^Genuine$/,
  caution: /^Caution$/,
  suspect: /^Suspect — do not use$/,
  not_found: /^Not on the record$/,
};

const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

for (const s of scenarios) {
  test(`the ${s.id} box reads "${s.verdict}" in words, colour and icon`, async ({ page }) => {
    await page.goto(pathOf(s.code));
    const banner = page.getByRole("region").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(banner).toHaveAttribute("data-verdict", s.verdict);
    await expect(banner.getByRole("heading", { level: 1 })).toHaveText(WORDS[s.verdict]);
    if (s.verdict !== "not_found") {
      await expect(page.getByRole("heading", { name: "What the record says" })).toBeVisible();
    }
  });
}

test("the genuine box shows its history from meltblown lot to pharmacy", async ({ page }) => {
  const genuine = scenarios.find((s) => s.id === "genuine")!;
  await page.goto(pathOf(genuine.code));
  await expect(page.getByRole("heading", { name: "History of this batch" })).toBeVisible();
  await expect(page.locator("li[data-kind=material]").first()).toContainText(/MB-\d{4}-\d+/);
  await expect(page.locator("li[data-kind=release]")).toContainText(/16-day hold|16 days/);
  await expect(page.getByText("仁心大药房（观前店）").first()).toBeVisible();
  await expect(page.getByText(/Retail cap in 苏州: 1\.80 yuan per piece/)).toBeVisible();
  await page.screenshot({ path: "test-results/verdict-genuine-390x844.png", fullPage: true });
});

test("a suspect box lists the problem first", async ({ page }) => {
  const recalled = scenarios.find((s) => s.id === "recalled")!;
  await page.goto(pathOf(recalled.code));
  const first = page.locator("[data-check]").first();
  await expect(first).toHaveAttribute("data-status", "fail");
  // A recalled box is the maker's own, withdrawn: it goes back to the shop, and is not called a fake.
  await expect(page.locator("[data-advice=withdrawn]")).toContainText("Take it back where you bought it");
  await expect(page.getByRole("link", { name: "Report a suspected fake" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/verdict-recalled-390x844.png", fullPage: true });
});

test("a box whose serial was never issued offers the report of a suspected fake, not a return", async ({
  page,
}) => {
  await page.goto(pathOf(scenarios.find((s) => s.id === "unknown-serial")!.code));
  await expect(page.getByRole("link", { name: "Report a suspected fake" })).toBeVisible();
  await expect(page.locator("[data-advice=withdrawn]")).toHaveCount(0);
});

test("the page fits a 360 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(pathOf(scenarios.find((s) => s.id === "genuine")!.code));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the home page lists the demo boxes and checks a typed code", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("[data-scenario]")).toHaveCount(scenarios.length);
  await page.getByLabel("Code printed on the box").fill("(01)09521234500049(10)241101A(21)100001");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(WORDS.not_found);
});

test("a typed code that is not GS1 gets a plain reason", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Code printed on the box").fill("09521234500019");
  await page.getByRole("button", { name: "Check" }).click();
  // Filtered: Next's route announcer is an (empty) alert too once the page has hydrated.
  await expect(page.getByRole("alert").filter({ hasText: "GTIN" })).toContainText(
    "the last digit should be 8",
  );
});
