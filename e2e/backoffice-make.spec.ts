// The back office of makers, labs and auditors at desktop size against the local chain: a supplier
// delivers meltblown, a manufacturer registers a batch (the form showing mass balance and yield as it is
// typed), records its sterilisation, and, once a lab's report passed and the hold is over, releases it
// and prints labels whose QR code, read from the PDF's first page, verifies as genuine. A release before
// the hold is refused in words; a lab's failing result reaches the verdict of the batch's boxes; an
// auditor's attestation lands on the record.
//
// The released batch is dated in the past (made 20 days ago, sterilised 19 days ago), as a maker entering
// an earlier batch would: the hold is then over without moving the chain's clock, which the other specs
// running at the same time depend on.
import { test, expect, type Page } from "@playwright/test";
import { PASSING_SURGICAL_RESULTS } from "../lib/domain/fixtures";
import { readFirstLabel } from "./backoffice/label-sheet";
import { actAs, typePassingResults, untilHydrated } from "./desks";

test.use({ viewport: { width: 1280, height: 900 } });
// Each test sends several transactions, each answered at the server's next receipt poll.
test.describe.configure({ mode: "serial", timeout: 90_000 });

/** A transaction's answer: mined at once on the local chain, but seen by the server's next receipt poll. */
const TX = { timeout: 20_000 };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const SURGICAL = "09521234500018";
/** A date in China time, `days` from today. */
const chinaDate = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

let meltblownLot = 0;
const released = `R${RUN}`;
const held = `H${RUN}`;

async function labelsOf(page: Page, lot: string) {
  const href = await page.locator(`[data-batch="${lot}"] [data-action="labels"]`).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return readFirstLabel(await response.body());
}

test("a supplier delivers meltblown and the manufacturer registers a batch, seeing mass balance and yield as it types", async ({
  page,
}) => {
  await actAs(page, "supplier");
  await page.goto("/manufacturer");
  await untilHydrated(page, '[data-form="lot"]');
  await page.getByLabel("Lot code").fill(`MB-E2E-${RUN}`);
  await page.getByLabel("Mass (kg)").fill("10");
  await page.getByLabel("Deliver to").selectOption({ label: "青禾医疗用品有限公司" });
  await page.getByRole("button", { name: "Register the lot" }).click();
  const lotDone = page.locator('[data-form="lot"] [data-tx="confirmed"]');
  await expect(lotDone).toContainText(/Lot \d+ registered\. Confirmed in block \d+/, TX);
  meltblownLot = Number(/Lot (\d+) registered/.exec((await lotDone.textContent()) ?? "")?.[1]);

  await actAs(page, "qinghe");
  await page.goto("/manufacturer");
  await expect(page.locator(`[data-lot="MB-E2E-${RUN}"]`)).toContainText("10 kg");
  const form = page.locator('[data-form="batch"]');
  await untilHydrated(page, '[data-form="batch"]');
  await form.locator('select[name="gtin"]').selectOption(SURGICAL);
  await form.getByLabel("Lot number").fill(released);
  await form.getByLabel("Production date").fill(chinaDate(-20));
  await form.getByLabel("Meltblown lot").selectOption(String(meltblownLot));
  await form.getByLabel("kg used").fill("12");
  await form.getByLabel("Masks", { exact: true }).fill("2000");
  // Over what the lot has left, and above the surgical mask's ceiling of 1,300 per kg:
  await expect(form.locator('[data-live="mass"]')).toContainText(`Lot ${meltblownLot} has only 10 kg left.`);
  await expect(form.locator('[data-live="mass"]')).toContainText("12 kg of meltblown used, of 10 kg left");
  await form.getByLabel("kg used").fill("1");
  await expect(form.locator('[data-live="yield"]')).toContainText(
    "2,000 masks per kg (typical 1,110, ceiling 1,300)",
  );
  await expect(form.locator('[data-live="yield"]')).toContainText(
    "Above the ceiling: the contract will refuse this batch.",
  );
  await form.getByLabel("Masks", { exact: true }).fill("1000");
  await expect(form.locator('[data-live="mass"]')).toContainText("Every lot has enough left.");
  await expect(form.locator('[data-live="yield"]')).toContainText("1,000 masks per kg");
  await expect(form.locator('[data-live="yield"]')).toContainText("Within the ceiling.");
  await expect(form.locator('[data-live="boxes"]')).toHaveText("20 boxes, serials 100001–100020.");
  await expect(page.locator("[data-rules]")).toContainText("1,300 for Medical surgical mask");
  await form.getByRole("button", { name: "Register the batch" }).click();
  await expect(form.locator('[data-tx="confirmed"]')).toContainText(
    `Batch ${released} registered: 20 boxes.`,
    TX,
  );
  await expect(page.locator(`[data-lot="MB-E2E-${RUN}"]`)).toContainText("9 kg");

  const card = page.locator(`[data-batch="${released}"]`);
  await expect(card.locator('[data-item="sterilised"] [data-mark]')).toHaveAttribute("data-mark", "fail");
  await untilHydrated(page, `[data-batch="${released}"] [data-form="sterilisation"]`);
  await card.getByLabel("Started").fill(`${chinaDate(-19)}T08:00`);
  await card.getByLabel("Ended").fill(`${chinaDate(-19)}T14:00`);
  await card.getByRole("button", { name: "Record sterilisation" }).click();
  await expect(card.locator('[data-item="sterilised"]')).toContainText(`ended ${chinaDate(-19)} 14:00`, TX);
  await expect(card.locator('[data-tx="confirmed"]')).toContainText("Sterilisation recorded.");
  // 18 or 19 whole days, by the time of day now.
  await expect(card.locator('[data-item="hold"]')).toContainText(/Held 1[89] of 14 days/);
  await expect(card.locator('[data-item="hold"] [data-mark]')).toHaveAttribute("data-mark", "pass");
});

test("a lab posts a passing report, the manufacturer releases the batch, and its printed label verifies as genuine", async ({
  page,
}) => {
  await actAs(page, "lab");
  await page.goto("/lab");
  await untilHydrated(page, '[data-form="test-report"]');
  await page.locator('select[name="batch"]').selectOption({ label: `Lot ${released} · GTIN ${SURGICAL}` });
  await typePassingResults(page.locator('[data-form="test-report"]'));
  await expect(page.locator("[data-overall]")).toHaveText(
    "Every item meets the standard: the report passes.",
  );
  await page.getByRole("button", { name: "Post the report" }).click();
  await expect(page.locator('[data-form="test-report"] [data-tx="confirmed"]')).toContainText(
    "Report 0 posted.",
    TX,
  );

  await actAs(page, "qinghe");
  await page.goto("/manufacturer");
  const card = page.locator(`[data-batch="${released}"]`);
  await expect(card.locator('[data-item="tests"] [data-mark]')).toHaveAttribute("data-mark", "pass");
  await untilHydrated(page, `[data-batch="${released}"] [data-action="release"]`);
  await card.getByRole("button", { name: "Release for sale" }).click();
  await expect(card.locator("[data-status]")).toHaveText(`Released ${chinaDate(0)}`, TX);
  // The page has refreshed to show the new status, and the confirmation is still there.
  await expect(card.locator('[data-tx="confirmed"]')).toContainText("Released.");
  await expect(card.locator('[data-action="release"]')).toHaveCount(0);

  const label = await labelsOf(page, released);
  await test.info().attach("labels page 1", { body: Buffer.from(label.png), contentType: "image/png" });
  expect(label.pages).toBe(2); // 20 labels, 16 to a page
  expect(label.code).toMatch(new RegExp(`/01/${SURGICAL}/10/${released}/21/100001\\?17=\\d{6}&8030=`));
  expect(label.text).toContain(`(10)${released}`);
  expect(label.text).toMatch(/CHECK ([0-9A-Z]{4}-){2}[0-9A-Z]{4}/);
  expect(label.text).toMatch(/INSIDE THE BOX\s+SN 100001\s+([0-9A-Z]{4}-){4}\s*([0-9A-Z]{4}-){2}[0-9A-Z]{2}/);
  const verdict = await page.request.get(`/api/verify?code=${encodeURIComponent(label.code)}`);
  expect(verdict.status()).toBe(200);
  const body = (await verdict.json()) as { verdict: string; checks: { id: string; status: string }[] };
  expect(body.checks.filter((c) => c.status !== "pass" && c.status !== "unknown")).toEqual([]);
  expect(body.verdict).toBe("genuine");
});

test("a release before the hold is refused with a plain message naming the earliest date", async ({
  page,
  browser,
}) => {
  await actAs(page, "qinghe");
  const registered = await page.request.post("/api/manufacturer/batches", {
    data: {
      gtin: SURGICAL,
      lot: held,
      produced: chinaDate(-1),
      expiry: chinaDate(729),
      masks: 500,
      masksPerBox: 50,
      serialStart: 100001,
      workshop: "A栋二层十万级洁净车间",
      materials: [{ lotId: meltblownLot, kg: 0.5 }],
    },
  });
  expect(registered.status(), await registered.text()).toBe(200);
  const { batchId } = (await registered.json()) as { batchId: string };
  const end = Date.now() - 3600_000;
  const sterilised = await page.request.post(`/api/manufacturer/batches/${batchId}/sterilisation`, {
    data: {
      sterilizer: "清衡灭菌技术有限公司",
      start: new Date(end - 6 * 3600_000).toISOString(),
      end: new Date(end).toISOString(),
    },
  });
  expect(sterilised.status(), await sterilised.text()).toBe(200);
  await actAs(page, "lab");
  const tested = await page.request.post(`/api/lab/batches/${batchId}/reports`, {
    data: { results: PASSING_SURGICAL_RESULTS },
  });
  expect(tested.status(), await tested.text()).toBe(200);

  await actAs(page, "qinghe");
  await page.goto("/manufacturer");
  const card = page.locator(`[data-batch="${held}"]`);
  const earliest = new Date(end + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
  await expect(card.locator('[data-item="hold"]')).toContainText(`Held 0 of 14 days`);
  await expect(card.locator('[data-item="hold"]')).toContainText(`earliest release ${earliest}`);
  await untilHydrated(page, `[data-batch="${held}"] [data-action="release"]`);
  await card.getByRole("button", { name: "Release for sale" }).click();
  const refusal = card.getByRole("alert");
  await expect(refusal).toHaveText(
    `Too early: the sterilisation hold is not over. The earliest release is ${earliest}.`,
    TX,
  );
  await expect(refusal).toHaveAttribute("data-error", "HoldNotElapsed");
  await expect(card.locator("[data-status]")).toHaveText("Not released");

  // The same refusal for a reader of Chinese, in Chinese.
  const chinese = await browser.newContext({ locale: "zh-CN", baseURL: test.info().project.use.baseURL });
  const zhPage = await chinese.newPage();
  await actAs(zhPage, "qinghe");
  await zhPage.goto("/manufacturer");
  await expect(zhPage.getByRole("heading", { level: 1 })).toHaveText("生产企业");
  await untilHydrated(zhPage, `[data-batch="${held}"] [data-action="release"]`);
  const zhCard = zhPage.locator(`[data-batch="${held}"]`);
  await zhCard.getByRole("button", { name: "放行上市" }).click();
  await expect(zhCard.getByRole("alert")).toHaveText(
    `放行过早：灭菌后的解析期尚未结束，最早可于 ${earliest} 放行。`,
    TX,
  );
  await chinese.close();
});

test("a lab posts a failing result, judged as it is typed, and the verdict of the batch's box shows it", async ({
  page,
}) => {
  await actAs(page, "lab");
  await page.goto("/lab");
  await untilHydrated(page, '[data-form="test-report"]');
  await page.locator('select[name="batch"]').selectOption({ label: `Lot ${held} · GTIN ${SURGICAL}` });
  await typePassingResults(page.locator('[data-form="test-report"]'));
  const bfe = page.locator('[data-metric="bfe"]');
  await page.getByLabel("Bacterial filtration efficiency (BFE)").fill("91.2");
  await expect(bfe.locator("[data-mark]")).toHaveText(/Fails/);
  await expect(bfe).toContainText("≥ 95 %");
  await expect(page.locator("[data-overall]")).toHaveText(
    "1 item fails: the report will be recorded as failed.",
  );
  await page.getByRole("button", { name: "Post the report" }).click();
  await expect(page.locator('[data-form="test-report"] [data-tx="confirmed"]')).toContainText(
    "Report 1 posted.",
    TX,
  );

  await actAs(page, "qinghe");
  await page.goto("/manufacturer");
  const label = await labelsOf(page, held);
  await page.goto(label.code);
  const tests = page.locator('[data-check="tests"]');
  await expect(tests).toHaveAttribute("data-status", "fail");
  await expect(tests).toContainText("91.2");
});

test("an auditor's attestation, staff health checks and training included, appears on the record", async ({
  page,
}) => {
  await actAs(page, "auditor");
  await page.goto("/auditor");
  const form = page.locator('[data-form="attestation"]');
  await untilHydrated(page, '[data-form="attestation"]');
  await form.getByLabel("Manufacturer").selectOption({ label: "临江卫材制品有限公司" });
  const workshop = `二号十万级洁净车间 ${RUN}`;
  await form.getByLabel("Workshop").fill(workshop);
  const readings = {
    "Particles ≥0.5 µm per m³": "1200000",
    "Particles ≥5 µm per m³": "8000",
    "Airborne microbes, CFU/m³": "120",
    "Settling microbes, CFU per plate": "3",
    "Temperature, °C": "22.5",
    "Relative humidity, %": "52",
    "Pressure differential, Pa": "9",
  };
  for (const [reading, value] of Object.entries(readings)) await form.getByLabel(reading).fill(value);
  // 9 Pa is not above 10 Pa: marked as it is typed.
  await expect(form.locator('input[name="pressurePa"]')).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Pressure differential, Pa").fill("15");
  await expect(form.locator('input[name="pressurePa"]')).toHaveAttribute("aria-invalid", "false");
  await form.getByLabel("The staff's health checks are on record").check();
  await form.getByLabel("The staff's training is on record").check();
  await form.getByRole("button", { name: "Attest the workshop" }).click();
  await expect(form.locator('[data-tx="confirmed"]')).toContainText(/Attestation \d+ recorded\./, TX);
  const row = page.locator("[data-table=attestations] tr", { hasText: workshop });
  await expect(row).toContainText("临江卫材制品有限公司");
  await expect(row).toContainText("health checks and training on record");
});

test("each desk shows only what the acting party may do", async ({ page }) => {
  await actAs(page, "lab");
  await page.goto("/manufacturer");
  await expect(page.locator("[data-role-missing]")).toContainText("澄明检测技术服务有限公司 does not");
  await expect(page.locator('[data-form="batch"]')).toHaveCount(0);
  await page.goto("/auditor");
  await expect(page.locator('[data-form="attestation"]')).toHaveCount(0);
});
