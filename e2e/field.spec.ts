// The field pages at phone size against the local chain: a pharmacy receiving a delivery by typed scans
// with a live tally, selling with an undo window, and an inspector's shelf check, suspect boxes first.
// Boxes: serials 1005xx–1006xx of the genuine, recalled and high-yield batches, which no other test
// scans; the delivery is this test's own shipment from the distributor.
import { test, expect, type Page } from "@playwright/test";
import { boxCode, scenarioBatch, shipFromDistributor } from "./field/boxes";

async function actAs(page: Page, party: string) {
  await page
    .context()
    .addCookies([{ name: "medproof-act-as", value: party, url: test.info().project.use.baseURL! }]);
}

/** Until React has hydrated the scan field: keys typed before that would be lost on hydration. */
async function untilHydrated(page: Page) {
  await page.waitForFunction(() => {
    const field = document.getElementById("handheld-code");
    return field !== null && Object.keys(field).some((key) => key.startsWith("__reactProps"));
  });
}

/** A keyboard-wedge scanner: the code's characters, then Enter, into whatever has the focus. */
async function scanInto(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

test("a pharmacy receives a delivery by typed scans: the tally counts verified, suspect and duplicate boxes", async ({
  page,
}) => {
  const shipmentId = await shipFromDistributor("genuine", "baixing", 5);
  await page.goto("/pharmacy");
  await page.getByLabel("Demo: act as …").selectOption("baixing");
  await page.getByRole("button", { name: "Act as" }).click();
  await expect(page.getByText("Acting as 百姓平价药店（山塘店）")).toBeVisible();
  await page.locator(`[data-shipment="${shipmentId}"]`).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Shipment ${shipmentId}`);

  await untilHydrated(page);
  const field = page.getByLabel("Scanned or typed code");
  await field.focus();
  for (const code of [
    boxCode("genuine", 100501),
    boxCode("genuine", 100502),
    boxCode("genuine", 100503),
    boxCode("genuine", 100502),
    boxCode("high-yield", 100601),
    scenarioBatch("unknown-serial").code,
  ]) {
    await scanInto(page, code);
    await expect(field).toHaveValue("");
    await expect(field).toBeFocused();
  }
  const tally = (id: string) => page.locator(`[data-tally="${id}"]`);
  await expect(tally("expected")).toHaveText("5");
  await expect(tally("verified")).toHaveText("3");
  await expect(tally("suspect")).toHaveText("2");
  await expect(tally("duplicates")).toHaveText("1");
  await expect(page.locator("[data-box]").first()).toHaveAttribute("data-verdict", /suspect|caution/);
  await expect(page.getByText("Not this shipment's batch")).toBeVisible();
  await page.screenshot({ path: "test-results/pharmacy-receive-390x844.png", fullPage: true });

  await page.getByRole("button", { name: "Reject the delivery" }).click();
  await expect(page.locator("[data-tx=confirmed]")).toContainText(
    /Delivery rejected.*Confirmed in block \d+, transaction 0x[0-9a-f]{64}/,
  );
});

test("a sale waits ten seconds with Undo; a sale sent makes the box's code read as sold", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await actAs(page, "renxin");
  await page.goto("/pharmacy");
  await expect(page.getByRole("heading", { name: "Sell a box" })).toBeVisible();
  const undone = boxCode("genuine", 100510);
  const sold = boxCode("genuine", 100511);

  await untilHydrated(page);
  await page.getByLabel("Scanned or typed code").focus();
  await scanInto(page, undone);
  const first = page.locator("[data-sale]").first();
  await expect(first).toContainText(/Selling in \d+ s/);
  await first.getByRole("button", { name: "Undo" }).click();
  await expect(first).toHaveAttribute("data-sale", "undone");

  await scanInto(page, sold);
  await page.screenshot({ path: "test-results/pharmacy-390x844.png", fullPage: true });
  await expect(page.locator("[data-sale]").first()).toHaveAttribute("data-sale", "confirmed", {
    timeout: 20_000,
  });
  await expect(page.locator("[data-sale=confirmed]")).toContainText(/Sold.*Confirmed in block \d+/);
  await expect(page.locator("[data-sale=undone]")).toHaveCount(1, { timeout: 1000 });

  const verdictOf = async (code: string) =>
    (
      (await (await request.get(`/api/verify?code=${encodeURIComponent(code)}`)).json()) as {
        verdict: string;
      }
    ).verdict;
  expect(await verdictOf(sold)).toBe("suspect");
  expect(await verdictOf(undone)).toBe("genuine");
});

test("an inspector's shelf check lists each verdict, suspect boxes first", async ({ page }) => {
  await actAs(page, "inspector");
  await page.goto("/inspector");
  await untilHydrated(page);
  await page.getByLabel("Scanned or typed code").focus();
  await scanInto(page, boxCode("genuine", 100520));
  await scanInto(page, boxCode("high-yield", 100620));
  await scanInto(page, boxCode("recalled", 100460));
  const verdicts = page.locator("[data-box]");
  await expect(verdicts).toHaveCount(3);
  await expect(page.locator('[data-box][data-verdict="checking"]')).toHaveCount(0);
  expect(
    await verdicts.evaluateAll((items) => items.map((item) => item.getAttribute("data-verdict"))),
  ).toEqual(["suspect", "caution", "genuine"]);
  await page.getByRole("heading", { name: "Check the boxes on the shelf" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/inspector-390x844.png", fullPage: true });
});

test("an account without the inspector's role sees none of the inspector's tools", async ({ page }) => {
  await actAs(page, "baixing");
  await page.goto("/inspector");
  await expect(page.locator('[data-role-missing="INSPECTOR"]')).toContainText(
    "百姓平价药店（山塘店） does not",
  );
  await expect(page.getByRole("heading", { name: "Check the boxes on the shelf" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Record the price asked" })).toHaveCount(0);
});
