// A pharmacy at phone size, in English and Chinese: a sale of a box the record does not vouch for stops
// before its countdown and asks, and nothing reaches the server or the chain unless the pharmacist says
// so; a Caution box shows its reason and goes on; the demo's pending delivery at 仁心 is received by
// scans; a delivery with a suspect box stops its acceptance and names the box.
// Boxes: serials 1030xx–1031xx of the genuine, high-yield and expired batches, which no other test scans.
import { test, expect, type Page, type Request } from "@playwright/test";
import { boxCode, scenarioBatch, shipFromDistributor } from "./field/boxes";
import { actAs, untilHydrated } from "./desks";
import { PARTIES } from "../scripts/demo/world";

/**
 * A keyboard-wedge scanner: the code's characters, then Enter, into the field that has the focus; the
 * next scan waits for the field to empty, as a person waits for the beep.
 */
async function scanInto(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page.locator("#handheld-code")).toHaveValue("");
}

/** Every request the page sends to a desk's write endpoint (a sale, a receipt). */
function writesOf(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith("/api/field/"))
      sent.push(request);
  });
  return sent;
}

/** The verdict's clone check for a code: "fail" once the box is recorded as sold. */
async function cloneCheck(page: Page, code: string): Promise<string | undefined> {
  const answer = (await (await page.request.get(`/api/verify?code=${encodeURIComponent(code)}`)).json()) as {
    checks: { id: string; status: string }[];
  };
  return answer.checks.find((check) => check.id === "clone")?.status;
}

async function openCounter(page: Page) {
  await actAs(page, "renxin");
  await page.goto("/pharmacy");
  await untilHydrated(page, "#handheld-code");
  await page.locator("#handheld-code").focus();
}

test.describe("in English", () => {
  test("the act-as list names the parties, without their internal keys", async ({ page }) => {
    await page.goto("/pharmacy");
    const options = await page.locator('select[name="party"] option:not([disabled])').allTextContents();
    expect(options).toContain(PARTIES.renxin.name);
    for (const key of Object.keys(PARTIES)) expect(options.join(" ")).not.toContain(`(${key})`);
  });

  test("selling an expired box stops before the countdown and asks; Don't sell sends nothing", async ({
    page,
  }) => {
    const sent = writesOf(page);
    const expired = boxCode("expired", 103001);
    await openCounter(page);
    await scanInto(page, expired);
    const sale = page.locator("[data-sale]").first();
    await expect(sale).toHaveAttribute("data-sale", "stopped");
    await expect(sale).toContainText("Stopped: this box is Suspect. Nothing has been sent.");
    await expect(sale).toContainText(/Why: .*[Ee]xpired/);
    await expect(sale).toContainText("Sell it anyway?");
    await expect(sale).not.toContainText("Selling in");
    await page.screenshot({ path: "test-results/pharmacy-stopped-sale-390x844.png", fullPage: true });

    await sale.getByRole("button", { name: "Don't sell" }).click();
    await expect(sale).toHaveAttribute("data-sale", "kept");
    await expect(sale).toContainText("Not sold: nothing was recorded.");
    expect(sent).toHaveLength(0);
    expect(await cloneCheck(page, expired)).not.toBe("fail");
  });

  test("a Caution box shows its reason and its countdown starts; scanned again, it is still one sale", async ({
    page,
  }) => {
    const sent = writesOf(page);
    await openCounter(page);
    await scanInto(page, boxCode("high-yield", 103101));
    const sale = page.locator("[data-sale]").first();
    await expect(sale).toHaveAttribute("data-sale", "held");
    // The same box scanned again while its sale is open is that sale, not a second one.
    await scanInto(page, boxCode("high-yield", 103101));
    await expect(page.locator("[data-sale]")).toHaveCount(1);
    await expect(sale).toContainText(/Caution: .+/);
    await expect(sale).toContainText(/Selling in \d+ s/);
    await sale.getByRole("button", { name: "Undo" }).click();
    await expect(sale).toHaveAttribute("data-sale", "undone");
    expect(sent).toHaveLength(0);
  });

  test("仁心 receives the demo's pending delivery by scanning its 12 boxes", async ({ page }) => {
    test.setTimeout(90_000);
    await actAs(page, "renxin");
    await page.goto("/pharmacy");
    const delivery = page.locator("[data-shipment]").filter({ hasText: "12 boxes of lot" });
    await expect(delivery).toHaveCount(1);
    await expect(delivery).toContainText("From 苏州康达医药有限公司");
    await delivery.click();
    // The counter's own scan field is on the page left behind: wait for the receiving desk's.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Shipment \d+$/);
    await untilHydrated(page, "#handheld-code");
    await page.locator("#handheld-code").focus();
    for (let serial = 103201; serial < 103213; serial++) await scanInto(page, boxCode("genuine", serial));
    const tally = (id: string) => page.locator(`[data-tally="${id}"]`);
    await expect(tally("expected")).toHaveText("12");
    await expect(tally("verified")).toHaveText("12", { timeout: 30_000 });
    await expect(tally("suspect")).toHaveText("0");
    await page.getByRole("button", { name: "Accept the delivery" }).click();
    await expect(page.locator("[data-receipt-stopped]")).toHaveCount(0);
    await expect(page.locator("[data-tx=confirmed]")).toContainText(
      /Delivery accepted.*Confirmed in block \d+/,
    );

    await page.goto("/pharmacy");
    await expect(page.locator("[data-shipment]").filter({ hasText: "12 boxes of lot" })).toHaveCount(0);
  });
});

test.describe("in Chinese (a zh-CN browser)", () => {
  test.use({ locale: "zh-CN" });

  test("selling a box of a serial never issued stops and asks in Chinese; 不售出 sends nothing", async ({
    page,
  }) => {
    const sent = writesOf(page);
    await openCounter(page);
    await scanInto(page, scenarioBatch("unknown-serial").code);
    const sale = page.locator("[data-sale]").first();
    await expect(sale).toHaveAttribute("data-sale", "stopped");
    await expect(sale).toContainText("已暂停：此盒可疑。尚未发送任何记录。");
    await expect(sale).toContainText(/原因：.+/);
    await expect(sale).toContainText("仍要售出吗？");
    await expect(sale).not.toContainText("秒后登记售出");
    await page.screenshot({ path: "test-results/zh-CN-pharmacy-stopped-sale-390x844.png", fullPage: true });
    await sale.getByRole("button", { name: "不售出" }).click();
    await expect(sale).toHaveAttribute("data-sale", "kept");
    expect(sent).toHaveLength(0);
  });

  test("accepting a delivery with a suspect box stops, names it, and sends nothing until decided", async ({
    page,
  }) => {
    const sent = writesOf(page);
    const shipmentId = await shipFromDistributor("genuine", "bianmin", 2);
    await actAs(page, "bianmin");
    await page.goto(`/pharmacy/receive/${shipmentId}`);
    await untilHydrated(page, "#handheld-code");
    await page.locator("#handheld-code").focus();
    await scanInto(page, boxCode("genuine", 103301));
    await scanInto(page, boxCode("expired", 103302));
    await expect(page.locator('[data-tally="verified"]')).toHaveText("1");
    await expect(page.locator('[data-tally="suspect"]')).toHaveText("1");

    await page.getByRole("button", { name: "验收入库" }).click();
    const stopped = page.locator("[data-receipt-stopped]");
    await expect(stopped).toContainText("已暂停：有 1 盒未获记录证实");
    await expect(stopped).toContainText("103302");
    await expect(stopped).toContainText("仍要接收吗？");
    await page.screenshot({
      path: "test-results/zh-CN-pharmacy-stopped-receipt-390x844.png",
      fullPage: true,
    });
    await stopped.getByRole("button", { name: "返回" }).click();
    await expect(stopped).toHaveCount(0);
    expect(sent).toHaveLength(0);

    await page.getByRole("button", { name: "拒收" }).click();
    await expect(page.locator("[data-tx=confirmed]")).toBeVisible();
    expect(sent).toHaveLength(1);
  });
});
