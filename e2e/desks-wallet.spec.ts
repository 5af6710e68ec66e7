// The back-office desks with the professional's own wallet on the local chain: a lab posts a report, an
// auditor attests a workshop and the regulator recalls a batch, each signing in (EIP-4361) with the injected test wallet
// (EIP-1193, announced by EIP-6963; its key stays in the test process, e2e/field/wallet.ts). No demo key
// signs: nobody chose "Demo: act as …" (no act-as cookie is ever set), and each confirmed transaction is
// the very one the wallet sent, from the wallet's account.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { injectWallet, type TestWallet } from "./field/wallet";
import { releasedBatch, type FreshBatch } from "./regulator/fresh-batch";
import { typePassingResults, untilHydrated } from "./desks";
import { chain } from "./field/boxes";

test.use({ viewport: { width: 1280, height: 900 } });
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** A transaction's answer: mined at once on the local chain, but seen by the server's next receipt poll. */
const TX = { timeout: 20_000 };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();

let batch: FreshBatch;

test.beforeAll(async () => {
  batch = await releasedBatch("wallet");
});

/** A desk page of its own, signed in with its wallet: the page then shows what the account's roles allow. */
async function withWallet(
  browser: Browser,
  party: "lab" | "auditor" | "regulator",
  path: string,
  name: string,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wallet = await injectWallet(page, party);
  await page.goto(path);
  await page.getByRole("button", { name: "Sign in with your wallet" }).click();
  await expect(page.getByText(`Signed in with your wallet as ${name}`)).toBeVisible();
  return { page, wallet };
}

/** The wallet sent exactly one transaction, from its own account, and the page confirms that one. */
async function signedByTheWallet(page: Page, wallet: TestWallet, form: string): Promise<void> {
  expect(wallet.sent).toHaveLength(1);
  await expect(page.locator(`${form} [data-tx=confirmed] code`)).toHaveText(wallet.sent[0]!);
  const tx = await chain().provider.getTransaction(wallet.sent[0]!);
  expect(tx?.from.toLowerCase()).toBe(wallet.address.toLowerCase());
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).not.toContain("medproof-act-as");
  await page.context().close();
}

test("a lab posts a report with its own wallet", async ({ browser }) => {
  const { page, wallet } = await withWallet(browser, "lab", "/lab", "澄明检测技术服务有限公司");
  const form = '[data-form="test-report"]';
  await untilHydrated(page, form);
  await page.locator('select[name="batch"]').selectOption({ label: `Lot ${batch.lot} · GTIN ${batch.gtin}` });
  await typePassingResults(page.locator(form));
  await page.getByRole("button", { name: "Post the report" }).click();
  await expect(page.locator(`${form} [data-tx="confirmed"]`)).toContainText(/Report \d+ posted\./, TX);
  await signedByTheWallet(page, wallet, form);
});

test("an auditor attests a workshop with its own wallet", async ({ browser }) => {
  const { page, wallet } = await withWallet(browser, "auditor", "/auditor", "苏州华信洁净技术检测有限公司");
  const form = '[data-form="attestation"]';
  await untilHydrated(page, form);
  const attestation = page.locator(form);
  await attestation.getByLabel("Manufacturer").selectOption({ label: "临江卫材制品有限公司" });
  await attestation.getByLabel("Workshop").fill(`钱包审核车间 ${RUN}`);
  const readings = {
    "Particles ≥0.5 µm per m³": "1200000",
    "Particles ≥5 µm per m³": "8000",
    "Airborne microbes, CFU/m³": "120",
    "Settling microbes, CFU per plate": "3",
    "Temperature, °C": "22.5",
    "Relative humidity, %": "52",
    "Pressure differential, Pa": "15",
  };
  for (const [reading, value] of Object.entries(readings)) await attestation.getByLabel(reading).fill(value);
  await attestation.getByLabel("The staff's health checks are on record").check();
  await attestation.getByLabel("The staff's training is on record").check();
  await attestation.getByRole("button", { name: "Attest the workshop" }).click();
  await expect(attestation.locator('[data-tx="confirmed"]')).toContainText(/Attestation \d+ recorded\./, TX);
  await signedByTheWallet(page, wallet, form);
});

test("the regulator recalls a batch with its own wallet", async ({ browser }) => {
  const { page, wallet } = await withWallet(
    browser,
    "regulator",
    "/regulator#recalls",
    "江苏省药品监督管理局",
  );
  const form = 'form[data-form="recall"]';
  await untilHydrated(page, form);
  const recall = page.locator(form);
  await recall.getByLabel("Batch").selectOption(`${batch.gtin}/${batch.lot}`);
  await recall.getByLabel("Reason").fill("钱包签名召回测试");
  await recall.getByRole("button", { name: "Recall the batch" }).click();
  await expect(recall.locator("[data-tx=confirmed]")).toContainText(/Batch recalled\./, TX);
  await signedByTheWallet(page, wallet, form);
});
