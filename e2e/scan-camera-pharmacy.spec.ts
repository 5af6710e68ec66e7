// The pharmacy's sale counter by camera, as the inspector's shelf check (the same DeskCamera): the fake
// camera shows the QR of a box whose serial was never issued (playwright.config.ts, "camera pharmacy"),
// and its sale stops before the countdown. The camera turns off after the box, so the box still in view
// is not read again as another sale.
import { test, expect } from "@playwright/test";
import { actAs } from "./desks";

test("the counter's camera reads the box, and a suspect one stops its sale and asks", async ({ page }) => {
  await actAs(page, "renxin");
  await page.goto("/pharmacy");
  await page.getByRole("button", { name: "Scan with the camera" }).click();
  const sale = page.locator("[data-sale]").first();
  await expect(sale).toHaveAttribute("data-sale", "stopped", { timeout: 15_000 });
  await expect(sale).toContainText("Stopped: this box is Suspect. Nothing has been sent.");
  await expect(page.getByRole("button", { name: "Scan with the camera" })).toBeVisible();
  await expect(page.locator("[data-sale]")).toHaveCount(1);
  await sale.getByRole("button", { name: "Don't sell" }).click();
  await expect(sale).toHaveAttribute("data-sale", "kept");
});
