// A camera exists but the person (here: the browser, with no one to click "Allow") denies access.
import { test, expect } from "@playwright/test";

test("when camera access is denied, the page says so plainly and offers the photo and the code field", async ({
  page,
}) => {
  await page.goto("/scan");
  const problem = page.locator("[data-camera-problem]");
  await expect(problem).toHaveAttribute("data-camera-problem", "denied");
  await expect(problem.getByRole("heading")).toHaveText("Camera access is blocked");
  await expect(problem.getByRole("button", { name: "Try the camera again" })).toBeVisible();
  await expect(page.getByText("Take or choose a photo")).toBeVisible();
  await expect(page.getByLabel("Scanned or typed code")).toBeVisible();
});
