// A seller's public profile at phone size: the credit score and the rule it was computed by.
import { test, expect } from "@playwright/test";

const BIANMIN = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";

test("a seller's profile shows its credit score, the rule table beside it, and its price violation", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/participants/${BIANMIN}`);
  await expect(page.getByRole("heading", { level: 1, name: "便民大药房（石路店）" })).toBeVisible();
  const credit = page.getByRole("region", { name: "Credit summary" });
  await expect(credit).toBeVisible();
  await expect(credit.getByText(/^\d{1,3}$/).first()).toBeVisible();
  await expect(credit.getByText(/every participant starts at 100/)).toBeVisible();
  await expect(credit.getByRole("cell", { name: /per price above the cap recorded/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Price violations \([1-9]/ })).toBeVisible();
  // Nothing is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
