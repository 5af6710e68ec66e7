// Labels made where they are printed, in the browser, on the local chain: 青禾 acts through its own
// wallet (the injected EIP-1193 test wallet, announced by EIP-6963, signing outside the page) with no
// act-as cookie. Registering a batch makes its label-signing key and box secrets in the page; only the
// key's address and the possession root go on chain, the wallet sends the registration, the list is
// published. The printed sheet's first QR code, read from its pixels as a phone would, verifies as
// genuine once the batch is sterilised, tested and released (those steps taken by the other parties).
import { test, expect } from "@playwright/test";
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { backoffice, batchIdOf } from "../lib/chain/backoffice";
import { demoActor } from "../scripts/demo/plugin";
import { demoSerialSigner } from "../scripts/demo/accounts";
import { PARTIES, PRODUCTS, STERILIZER } from "../scripts/demo/world";
import { PASSING_SURGICAL_RESULTS } from "../lib/domain/fixtures";
import { chain } from "./field/boxes";
import { untilHydrated } from "./desks";
import { injectWallet } from "./field/wallet";

// Desktop size, and four device pixels a CSS pixel: a 0.5 mm module is then about 7.5 pixels to read.
test.use({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 4 });
test.describe.configure({ timeout: 120_000 });

const TX = { timeout: 30_000 };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const LOT = `B${RUN}`;
const SURGICAL = PRODUCTS.surgical.gtin;
const DAY = 86_400_000;
const chinaDate = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

/** The QR code in a PNG screenshot, decoded from its pixels (MuPDF reads the PNG, ZXing the code). */
async function decodeQr(png: Buffer): Promise<string> {
  // MuPDF is an ES module with top-level await: imported, not required.
  const mupdf = await import("mupdf");
  const gray = new mupdf.Image(png).toPixmap().convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
  // Copied out at once: the pixels are a view of MuPDF's WebAssembly memory.
  const luminance = new Uint8ClampedArray(gray.getPixels());
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, gray.getWidth(), gray.getHeight())),
  );
  // Read as a pure symbol first: ZXing's finder-pattern detector misses about 1 in 10 of these codes at
  // this size (measured over 100 random labels rendered the same way), the pure reading none of them.
  try {
    return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
  } catch {
    return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
  }
}

test("a maker's wallet registers a batch whose labels the browser makes and prints; its printed QR verifies as genuine", async ({
  page,
}) => {
  const { deployment, provider } = chain();
  const [supplier, lab, qinghe] = await Promise.all([
    demoActor(provider, "supplier"),
    demoActor(provider, "lab"),
    demoActor(provider, "qinghe"),
  ]);
  const material = await backoffice.registerLot(deployment, supplier, {
    code: `MB-L-${RUN}`,
    grade: "BFE99 25 g/m²",
    kg: 2,
    report: `meltblown report ${RUN}`,
  });
  const meltblown = Number(material.created.lotId);
  await backoffice.transferLot(deployment, supplier, { lotId: meltblown, to: qinghe.address });

  const wallet = await injectWallet(page, "qinghe");
  await page.addInitScript(() => {
    window.print = () => Object.assign(window, { printed: true });
  });
  await page.goto("/manufacturer");
  await untilHydrated(page, "[data-wallet] button");
  await page.getByRole("button", { name: "Sign in with your wallet" }).click();
  await expect(page.getByText(/^Signed in with your wallet as 青禾/)).toBeVisible(TX);

  const form = page.locator('[data-form="batch"]');
  await untilHydrated(page, '[data-form="batch"]');
  await form.locator('select[name="gtin"]').selectOption(SURGICAL);
  await form.getByLabel("Lot number").fill(LOT);
  await form.getByLabel("Production date").fill(chinaDate(-20));
  await form.getByLabel("Meltblown lot").selectOption(String(meltblown));
  await form.getByLabel("kg used").fill("0.1");
  await form.getByLabel("Masks", { exact: true }).fill("100");
  await expect(form.locator('[data-live="boxes"]')).toHaveText("2 boxes, serials 100001–100002.");
  await form.getByRole("button", { name: "Register the batch" }).click();
  await expect(form.locator('[data-tx="confirmed"]')).toContainText(`Batch ${LOT} registered: 2 boxes.`, TX);
  await expect(page.locator('[data-publishing="published"]')).toContainText(
    "Possession list published: 2 boxes",
    TX,
  );
  expect(wallet.asked).toContain("eth_sendTransaction");
  expect(wallet.sent).toHaveLength(1);

  // The registered signer is the key the page made: no demo key, nothing the server could hold.
  const sheet = page.locator("[data-made-labels]");
  const signer = await sheet.locator("[data-signer]").getAttribute("data-signer");
  expect(signer).toMatch(/^0x[0-9a-f]{40}$/);
  expect(signer).not.toBe(demoSerialSigner(PARTIES.qinghe.account).address.toLowerCase());
  const first = sheet.locator('[data-label="100001"]');
  await expect(first).toContainText(`(10)${LOT}(21)100001`);
  const checkCode = await first.locator("[data-check-code]").getAttribute("data-check-code");
  expect(checkCode).toMatch(/^([0-9A-Z]{4}-){2}[0-9A-Z]{4}$/);
  const printedLine = /\(01\)\d{14}\(17\)\d{6}\(10\)[^(]+\(21\)\d+/.exec(
    (await first.textContent()) ?? "",
  )?.[0];
  await expect(first.locator("[data-secret]")).toHaveText(/^([0-9A-Z]{4}-){6}[0-9A-Z]{2}$/);
  await sheet.getByRole("button", { name: "Print the labels" }).click();
  expect(await page.evaluate(() => (window as { printed?: boolean }).printed)).toBe(true);

  const code = await decodeQr(await first.locator("svg[data-qr]").screenshot());
  expect(code).toBe(await first.getAttribute("data-code"));
  expect(code).toMatch(new RegExp(`/01/${SURGICAL}/10/${LOT}/21/100001\\?17=\\d{6}&8030=`));

  // The others' steps, by their own keys: sterilised 19 days ago, tested, released after the hold.
  const id = await batchIdOf(deployment, provider, SURGICAL, LOT);
  const sterilised = Math.floor((Date.now() - 19 * DAY) / 1000);
  await backoffice.recordSterilisation(deployment, qinghe, {
    batchId: id,
    sterilizer: STERILIZER,
    method: "EO",
    startedAt: sterilised - 6 * 3600,
    endedAt: sterilised,
    report: `sterilisation ${LOT}`,
  });
  await backoffice.postTestReport(deployment, lab, {
    batchId: id,
    results: PASSING_SURGICAL_RESULTS,
    report: `test report ${LOT}`,
    retest: false,
  });
  await backoffice.release(deployment, qinghe, { batchId: id });

  const link = new URL(code);
  await page.goto(link.pathname + link.search);
  const banner = page.getByRole("region").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(banner).toHaveAttribute("data-verdict", "genuine", TX);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("medproof-act-as");

  // The line under the QR typed with its check code: the page published the digests with its list.
  const typed = await page.request.get(
    `/api/verify?code=${encodeURIComponent(`${printedLine} ${checkCode}`)}`,
  );
  const checks = ((await typed.json()) as { checks: { id: string; status: string }[] }).checks;
  expect(checks.find((c) => c.id === "signature")?.status).toBe("pass");
});
