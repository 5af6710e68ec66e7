// Filing a complaint from the verdict page, as a shopper with the box in hand: the form, a mistyped
// code from inside the box, then the complaint's own page with its number, status and claim key.
// (On the expired lot: no other browser test depends on its complaints' count.)
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

interface Scenario {
  id: string;
  code: string;
  serial: string;
  secret?: string;
}

const expired = (JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[]).find(
  (s) => s.id === "expired",
)!;
const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

test("a shopper files a complaint from the verdict page and follows it on its own page", async ({ page }) => {
  await page.goto(pathOf(expired.code));
  await page.getByRole("link", { name: "Report a problem" }).click();
  await expect(page.getByRole("heading", { name: "Report a problem with this box" })).toBeVisible();
  await expect(page.getByText(`box ${expired.serial}`)).toBeVisible();

  await page.getByLabel("The masks are faulty").check();
  await page.getByLabel("Describe it in a few words").fill("The ear loops came off the first mask.");
  await page.getByLabel(/Price paid for the box/).fill("60");
  await page.getByLabel("The code printed inside the box").fill("0000-0000-0000-0000-0000-0000-00");
  await page.getByRole("button", { name: "File the complaint" }).click();
  await expect(page.locator("#secret-error")).toContainText(`does not match box ${expired.serial}`);

  await page.getByLabel("The code printed inside the box").fill(expired.secret!);
  await page.getByRole("button", { name: "File the complaint" }).click();
  await expect(page).toHaveURL(/\/complaints\/\d+\?filed=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Complaint \d+$/);
  await expect(page.getByText("Open", { exact: true })).toBeVisible();
  await expect(page.getByText("The ear loops came off the first mask.")).toBeVisible();
  await expect(page.getByText("青禾医疗用品有限公司").first()).toBeVisible();
  await expect(page.getByTestId("claim-key")).toHaveText(/^0x[0-9a-f]{64}$/);
  await expect(
    page.getByText(/Filed against 青禾医疗用品有限公司; answer due by [A-Z][a-z]{2} \d{1,2}, \d{4}\./),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/complaint-page.png", fullPage: true });

  await page.goto(pathOf(expired.code));
  // complaint-claim-key.spec.ts files about another box of this lot, maybe first: one or two complaints.
  const complaints = page.locator("li", {
    hasText: /(An open complaint|\d open complaints), not examined yet/,
  });
  await expect(complaints).toBeVisible();
});
