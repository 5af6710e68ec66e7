// The regulator's back office against the local chain, desktop-sized. The record it changes is its own:
// a batch made for the recall (e2e/regulator/fresh-batch.ts), a licence granted to the meltblown
// supplier (no other test reads its licences), a cap in 南京 (no seeded party sells there). The price
// chart is read before anything here could add a price.
import { test, expect, type Locator } from "@playwright/test";
import { PARTIES, PRICE_SURVEY } from "../scripts/demo/world";
import { demoWallet } from "../scripts/demo/accounts";
import { isoDateToSeconds, secondsToIsoDate } from "../lib/domain/time";
import { releasedBatch } from "./regulator/fresh-batch";
import { axeViolations } from "./axe";
import { actAs } from "./desks";

const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;
const SUPPLIER = demoWallet(PARTIES.supplier.account).address;
// A transaction and the page read again after it: on a busy machine this takes longer than a glance.
const afterTx = expect.configure({ timeout: 20_000 });
const today = () => secondsToIsoDate(Math.floor(Date.now() / 1000));

test.use({ viewport: { width: 1280, height: 900 } });

test("the price chart draws the seeded observations against the cap, with a text alternative", async ({
  page,
}) => {
  await page.goto("/regulator");
  const chart = page.locator('figure[data-price-chart="320500-1-retail"]');
  const svg = chart.locator("svg");
  // The seed's price records are the first ones (ids from 1): its survey of lot 240315A, then the genuine
  // lot at 仁心 (1.50), the protective masks at 百姓 and the gouging at 便民 (3.00, above the cap). A price
  // another test records later gets a higher id, so these counts hold whatever runs beside this test.
  const seeded = (ids: number[]) => ids.filter((id) => id <= PRICE_SURVEY.length + 3).length;
  const idsOf = (points: Locator) =>
    points.evaluateAll((found) => found.map((p) => Number(p.getAttribute("data-point"))));
  await expect(svg.locator("[data-point]").first()).toBeVisible();
  expect(seeded(await idsOf(svg.locator("[data-point]")))).toBe(PRICE_SURVEY.length + 2);
  expect(seeded(await idsOf(svg.locator('[data-point][data-violation="true"]')))).toBe(1);
  await expect(svg.locator("[data-series]")).toHaveCount(2);
  // One cap (1.80 yuan retail since 2024-02-01) over the whole span: one horizontal segment.
  await expect(svg.locator('path[data-series="cap"]')).toHaveAttribute("d", /^M[\d.]+ ([\d.]+) L[\d.]+ \1$/);
  await expect(svg).toHaveAttribute("role", "img");
  await expect(svg.locator("title").first()).toHaveText(
    "Medical surgical masks, retail, 苏州 (320500): observed prices against the cap",
  );
  await expect(svg.locator("desc")).toHaveText(
    /^\d+ prices recorded between 2024-05-20 and \d{4}-\d{2}-\d{2}, \d+ above the cap\. Cap in force today: 1\.80 yuan\/piece\.$/,
  );
  await chart.getByText("The prices as a table").click();
  await expect(chart.locator("tbody tr").filter({ hasText: "2024-05-20" })).toHaveCount(1);
  await expect(chart.locator("tbody tr")).toHaveCount(await svg.locator("[data-point]").count());
  // The protective masks at 百姓平价药店 have their own chart, under a 9.00 cap.
  const protective = page.locator('figure[data-price-chart="320500-2-retail"] [data-point]');
  expect(seeded(await idsOf(protective))).toBe(1);
  // The page needs no script for the chart: the SVG is in the server's HTML.
  const html = await (await page.request.get("/regulator")).text();
  expect(html).toContain('data-price-chart="320500-1-retail"');
});

test("acting as the regulator, a recall turns the verdict of a released batch's box suspect", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const batch = await releasedBatch("recall");
  const box = batch.code(7);
  await page.goto(pathOf(box));
  const banner = page.getByRole("region").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(banner).toHaveAttribute("data-verdict", "genuine");

  await actAs(page, "regulator");
  await page.goto("/regulator#recalls");
  const form = page.locator('form[data-form="recall"]');
  await form.getByLabel("Batch").selectOption(`${batch.gtin}/${batch.lot}`);
  await form.getByLabel("Reason").fill("监督抽检细菌过滤效率不合格，责令召回");
  await form.getByRole("button", { name: "Recall the batch" }).click();
  await afterTx(form.locator("[data-tx=confirmed]")).toContainText(
    /Batch recalled\..*Confirmed in block \d+, transaction 0x[0-9a-f]{64}/,
  );
  await afterTx(page.locator(`[data-recalled="${batch.gtin}/${batch.lot}"]`)).toContainText(
    "监督抽检细菌过滤效率不合格，责令召回",
  );

  await page.goto(pathOf(box));
  await expect(banner).toHaveAttribute("data-verdict", "suspect");
});

test("the regulator grants a licence, then revokes it from a date; the record shows both", async ({
  page,
}) => {
  await actAs(page, "regulator");
  await page.goto("/regulator#licences");
  const number = `苏药监械生产许2026${String(Date.now()).slice(-4)}号`;
  const grant = page.locator('form[data-form="grant-licence"]');
  await grant.getByLabel("Kind").selectOption("production-licence");
  await grant.getByLabel("Holder").selectOption(SUPPLIER);
  await grant.getByLabel("Number, as printed").fill(number);
  await grant.getByLabel("Medical surgical masks").check();
  await grant.getByLabel("Valid from").fill(today());
  await grant.getByLabel("Valid until").fill("2031-11-30");
  await grant.getByRole("button", { name: "Grant the licence" }).click();
  await afterTx(grant.locator("[data-tx=confirmed]")).toContainText("Licence granted.");

  const licence = page.locator(`[data-party="${SUPPLIER}"] li`).filter({ hasText: number });
  await afterTx(licence).toHaveAttribute("data-state", "valid");
  await licence.getByText("Revoke …").click();
  const revoke = licence.getByRole("form");
  await expect(revoke.getByLabel("Revoked from")).toHaveValue(today());
  await revoke.getByLabel("Reason").fill("现场检查发现未按注册要求组织生产");
  await revoke.getByRole("button", { name: "Revoke the licence" }).click();
  await afterTx(licence).toHaveAttribute("data-state", "revoked");
  await expect(licence).toContainText(`Revoked from ${today()}: 现场检查发现未按注册要求组织生产`);
  // The page has refreshed to show the revocation, and the confirmation is still there.
  await expect(licence.locator("[data-tx=confirmed]")).toContainText("Licence revoked.");
  await expect(licence.getByRole("form")).toHaveCount(0);
  // The public profile tells the same.
  await page.goto(`/participants/${SUPPLIER}`);
  await expect(page.getByText(number)).toBeVisible();
  await expect(page.getByText(/现场检查发现未按注册要求组织生产/)).toBeVisible();
});

test("the regulator sets a price cap with its legal basis, in force from its date", async ({ page }) => {
  await actAs(page, "regulator");
  await page.goto("/regulator#caps");
  const form = page.locator('form[data-form="price-cap"]');
  const tomorrow = secondsToIsoDate(isoDateToSeconds(today()) + 86_400);
  await form.getByLabel("Mask category").selectOption("1");
  await form.getByLabel("Region (administrative division code)").fill("320100");
  await form.getByLabel("Channel").selectOption("wholesale");
  await form.getByLabel("Cap, yuan per piece").fill("1.35");
  await form.getByLabel("Effective from").fill(tomorrow);
  await form.getByLabel("Legal basis").fill("宁发改价格〔2026〕18号");
  await form.getByRole("button", { name: "Set the cap" }).click();
  await afterTx(form.locator("[data-tx=confirmed]")).toContainText("Price cap set.");
  // Effective tomorrow: listed as scheduled, with its basis.
  const row = page.locator('[data-caps="scheduled"] tr').filter({ hasText: "宁发改价格〔2026〕18号" });
  await afterTx(row).toContainText("南京 (320100)");
  await expect(row).toContainText("1.35 yuan/piece");
  await expect(row).toContainText(tomorrow);
  await expect(page.locator('[data-caps="current"]')).toContainText("国市监竞争〔2020〕21号");
});

test("an account without the regulator's role sees none of the actions, and the API refuses it", async ({
  page,
}) => {
  await actAs(page, "inspector");
  await page.goto("/regulator");
  await expect(page.locator("[data-role-missing=REGULATOR]")).toContainText(
    "苏州市市场监督管理局价格监督检查处 does not",
  );
  await expect(page.locator("[data-can-act]")).toHaveAttribute("data-can-act", "false");
  await expect(page.locator("form[data-form]")).toHaveCount(0);
  await expect(page.locator("[data-revoke]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Reinstate/ })).toHaveCount(0);
  // The overview is public.
  await expect(page.locator('[data-tile="recalls"]')).toBeVisible();

  const refused = await page.request.post("/api/regulator/suspensions", {
    data: { action: "suspend", account: SUPPLIER, reason: "不应被执行" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("not_regulator");
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the back office reads in Chinese, on a desktop and on a phone", async ({ page }) => {
    await actAs(page, "regulator");
    await page.goto("/regulator");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("监管后台");
    await expect(page.locator('figure[data-price-chart="320500-1-retail"]')).toBeVisible();
    await expect(page.getByRole("button", { name: "召回该批次" })).toBeVisible();
    await expect(page.locator('figure[data-price-chart="320500-1-retail"] title').first()).toHaveText(
      "苏州（320500）医用外科口罩零售价格：实际价格与限价对比",
    );
    await page.screenshot({ path: "test-results/regulator-zh-1280x900.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/regulator");
    await expect(page.locator('figure[data-price-chart="320500-1-retail"]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/regulator-zh-390x844.png" });
  });

  test("the server's refusals read in Chinese: a missing field, then a number the contract rejects", async ({
    page,
  }) => {
    await actAs(page, "regulator");
    await page.goto("/regulator#licences");
    const grant = page.locator('form[data-form="grant-licence"]');
    await grant.getByLabel("类型").selectOption("production-licence");
    await grant.getByLabel("持证方").selectOption(SUPPLIER);
    await grant.getByLabel("证号（按证书填写）").fill("ABC-1234");
    await grant.getByLabel("有效期至").fill("2031-11-30");
    const submit = grant.getByRole("button", { name: "发放许可证" });
    await submit.click();
    const refusal = grant.locator("[data-tx=failed]");
    await expect(refusal).toHaveAttribute("data-error", "invalid_request");
    await expect(refusal).toHaveText("请至少选择一个适用的口罩类别。");

    await grant.getByRole("checkbox", { name: "医用外科口罩", exact: true }).check();
    await submit.click();
    await afterTx(refusal).toHaveAttribute("data-error", "InvalidLicenceNumber");
    await expect(refusal).toHaveText("“ABC-1234”不符合该类证件的官方编号格式。");
    await grant.screenshot({ path: "test-results/regulator-zh-refusal.png" });
  });
});

test("axe finds nothing against WCAG 2.2 AA on the regulator's desk, forms and charts included", async ({
  page,
}) => {
  await actAs(page, "regulator");
  await page.goto("/regulator");
  await expect(page.locator('form[data-form="recall"]')).toBeVisible();
  // Opened, so the tables and the folded revocation forms are judged too.
  for (const folded of await page.locator("details").all())
    await folded.evaluate((d) => d.setAttribute("open", ""));
  expect(await axeViolations(page)).toEqual([]);
});

test("screenshots of /regulator at 1280×900 and 390×844", async ({ page }) => {
  await actAs(page, "regulator");
  await page.goto("/regulator");
  await expect(page.locator('figure[data-price-chart="320500-1-retail"]')).toBeVisible();
  await page.screenshot({ path: "test-results/regulator-1280x900.png" });
  await page.screenshot({ path: "test-results/regulator-1280x900-full.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/regulator");
  await expect(page.locator('figure[data-price-chart="320500-1-retail"]')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/regulator-390x844.png" });
  await page.screenshot({ path: "test-results/regulator-390x844-full.png", fullPage: true });
});
