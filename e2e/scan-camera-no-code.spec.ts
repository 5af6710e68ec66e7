// The fake camera shows a carton with no code on it.
import { test, expect } from "@playwright/test";

test("with no code in view, the scanner says it is still looking and offers to enter the code", async ({
  page,
}) => {
  await page.goto("/scan");
  await expect(page.locator("[data-camera-status='scanning']")).toBeVisible();
  const help = page.locator("[data-still-looking]");
  await expect(help).toBeVisible({ timeout: 12_000 });
  await expect(help).toContainText("Still looking for a code");
  await help.getByRole("button", { name: "Enter the code" }).click();
  await expect(page.getByLabel("Scanned or typed code")).toBeFocused();
});
