// The field pages at phone size against the local chain: a pharmacy receiving a delivery by typed scans
// with a live tally, 50-box deliveries that settle their purchase orders (rejected → refunded, accepted →
// the seller paid), selling with an undo window, an inspector's shelf check, suspect boxes first, and a
// price above the cap that shows on the seller's profile and on the verdict of a box it sold.
// Boxes: serials 1005xx–1006xx of the genuine, recalled and high-yield batches, 1010xx–1011xx of the
// genuine batch and 1025xx of the price-gouging one, which no other test scans; deliveries and orders are
// the tests' own, made through the real contracts (e2e/field/boxes.ts).
import { test, expect, type Page } from "@playwright/test";
import {
  boxCode,
  boxSoldBy,
  fulfilledOrder,
  orderOnChain,
  partyAddress,
  scenarioBatch,
  shipFromDistributor,
} from "./field/boxes";
import { injectWallet } from "./field/wallet";
import { actAs, untilHydrated } from "./desks";

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

  await untilHydrated(page, "#handheld-code");
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

/** Receives shipment `shipmentId` as 百姓: 49 of its boxes and one suspect, each typed and Enter. */
async function scanFiftyWithOneSuspect(page: Page, shipmentId: number, firstSerial: number) {
  await actAs(page, "baixing");
  await page.goto(`/pharmacy/receive/${shipmentId}`);
  await untilHydrated(page, "#handheld-code");
  const field = page.getByLabel("Scanned or typed code");
  await field.focus();
  for (let i = 0; i < 49; i++) await scanInto(page, boxCode("genuine", firstSerial + i));
  await scanInto(page, scenarioBatch("unknown-serial").code);
  const tally = (id: string) => page.locator(`[data-tally="${id}"]`);
  await expect(tally("expected")).toHaveText("50");
  await expect(tally("verified")).toHaveText("49", { timeout: 30_000 });
  await expect(tally("suspect")).toHaveText("1");
  await expect(tally("duplicates")).toHaveText("0");
  await expect(page.locator("[data-box]").first()).toHaveAttribute("data-verdict", "suspect");
}

test("a 50-box delivery with a suspect box is rejected: its purchase order is refunded in the same transaction", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const order = await fulfilledOrder("genuine", "baixing", 50, 140);
  expect(order.amountFen).toBe(50 * 50 * 140);
  const before = await orderOnChain(order.orderId);
  expect(before.status).toBe("fulfilled");

  await scanFiftyWithOneSuspect(page, order.shipmentId, 101001);
  const summary = page.locator(`[data-order="${order.orderId}"]`);
  await expect(summary).toHaveAttribute("data-order-status", "fulfilled");
  await expect(summary).toContainText("3,500.00 yuan");
  await expect(page.getByText("1 suspect box: reject the delivery")).toBeVisible();
  await page.screenshot({ path: "test-results/pharmacy-receive-order-390x844.png", fullPage: true });

  await page.getByRole("button", { name: "Reject the delivery" }).click();
  await expect(page.locator("[data-tx=confirmed]")).toContainText("Delivery rejected");
  await expect(page.locator("[data-settlement]")).toHaveAttribute("data-settlement", "refunded");
  await expect(page.locator("[data-settlement]")).toContainText(
    `Purchase order ${order.orderId} settled: 3,500.00 yuan refunded to you`,
  );

  const after = await orderOnChain(order.orderId);
  expect(after.status).toBe("refunded");
  expect(after.buyerOwedFen).toBe(before.buyerOwedFen + order.amountFen);
  expect(after.sellerOwedFen).toBe(before.sellerOwedFen);
  await page.reload();
  await expect(summary).toHaveAttribute("data-order-status", "refunded");
  await expect(summary).toContainText("Settled: 3,500.00 yuan refunded to you.");
});

test("another delivery is accepted: the distributor is paid from escrow in the same transaction", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const order = await fulfilledOrder("genuine", "baixing", 50, 140);
  const before = await orderOnChain(order.orderId);

  await scanFiftyWithOneSuspect(page, order.shipmentId, 101101);
  // The suspect box stops the acceptance, naming it, until the pharmacy says to receive anyway.
  await page.getByRole("button", { name: "Accept the delivery" }).click();
  await expect(page.locator("[data-receipt-stopped]")).toContainText("1 box the record does not vouch for");
  await page.getByRole("button", { name: "Receive anyway" }).click();
  await expect(page.locator("[data-tx=confirmed]")).toContainText("Delivery accepted");
  await expect(page.locator("[data-settlement]")).toHaveAttribute("data-settlement", "released");
  await expect(page.locator("[data-settlement]")).toContainText(
    `Purchase order ${order.orderId} settled: 3,500.00 yuan paid to 苏州康达医药有限公司 from escrow.`,
  );

  const after = await orderOnChain(order.orderId);
  expect(after.status).toBe("released");
  expect(after.sellerOwedFen).toBe(before.sellerOwedFen + order.amountFen);
  expect(after.buyerOwedFen).toBe(before.buyerOwedFen);
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

  await untilHydrated(page, "#handheld-code");
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

  // Scanned again, the sold box says where and when it was sold.
  await page.goto(new URL(sold).pathname + new URL(sold).search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suspect — do not use");
  await expect(page).toHaveTitle(/This code was sold at 仁心大药房.* on \d{4}-\d{2}-\d{2}/);
  await expect(
    page.getByText(/This box was sold at 仁心大药房（观前店） on \d{4}-\d{2}-\d{2} \d{2}:\d{2}/),
  ).toBeVisible();
});

test("an inspector's shelf check lists each verdict, suspect boxes first", async ({ page }) => {
  await actAs(page, "inspector");
  await page.goto("/inspector");
  await untilHydrated(page, "#handheld-code");
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

test("an inspector records a price above the cap: the violation shows on the seller's profile and on the verdict of a box it sold", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const baixing = partyAddress("baixing");
  const soldBox = boxCode("price-gouging", 102501);
  await boxSoldBy("price-gouging", "baixing", 102501);

  await actAs(page, "inspector");
  await page.goto(`/inspector?seller=${baixing}`);
  await untilHydrated(page, "#handheld-code");
  const form = page.locator("form[data-violation]");
  await expect(form.getByLabel("Seller")).toHaveValue(baixing);
  await form.getByLabel(/Code of a box on the shelf/).fill(boxCode("price-gouging", 102502));
  await form.getByLabel("Price asked, yuan per piece").fill("4.35");
  await form.getByLabel("Photo of the price tag").setInputFiles({
    name: "price-tag.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("a photo of the price tag: 4.35 yuan a piece"),
  });
  await form.getByRole("button", { name: "Record the price" }).click();
  await expect(form).toHaveAttribute("data-violation", "true");
  await expect(form.locator("[data-tx=confirmed]")).toContainText(
    /A violation: 4\.35 yuan\/piece is above the cap of 1\.80 yuan\/piece/,
  );

  await page.goto(`/participants/${baixing}`);
  await expect(page.getByRole("region", { name: /Price violations/ })).toContainText(
    /asked 4\.35 yuan\/piece against a cap of 1\.80 yuan\/piece, lot /,
  );

  await page.goto(new URL(soldBox).pathname + new URL(soldBox).search);
  await expect(page.getByText(/This box was sold at 百姓平价药店（山塘店）/)).toBeVisible();
  await expect(page.getByText(/Recorded at 4\.35 yuan\/piece at 百姓平价药店（山塘店）/)).toBeVisible();
});

test("an account without the inspector's role sees none of the inspector's tools and cannot use them", async ({
  page,
}) => {
  await actAs(page, "baixing");
  await page.goto("/inspector");
  await expect(page.locator('[data-role-missing="INSPECTOR"]')).toContainText(
    "百姓平价药店（山塘店） does not",
  );
  await expect(page.getByRole("heading", { name: "Check the boxes on the shelf" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Record the price asked" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Complaints awaiting a ruling" })).toHaveCount(0);

  // Nor can it act by calling the server directly: the contract refuses, in words.
  const refused = await page.request.post("/api/field/prices", {
    data: {
      seller: partyAddress("bianmin"),
      code: boxCode("price-gouging", 102503),
      yuanPerPiece: "9.99",
      photoHash: "0x" + "ab".repeat(32),
    },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("CallerLacksRole");
});

test.describe("with a browser wallet (EIP-1193) that signs for itself", () => {
  test("an inspector signs in with its wallet and records a price: signing, pending, confirmed, signed by the wallet", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const wallet = await injectWallet(page, "inspector");
    await page.goto("/inspector");
    await expect(page.locator('[data-role-missing="INSPECTOR"]')).toBeVisible();
    await page.getByRole("button", { name: "Sign in with your wallet" }).click();
    await expect(
      page.getByText("Signed in with your wallet as 苏州市市场监督管理局价格监督检查处"),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Record the price asked" })).toBeVisible();

    // The wallet is asked only after the server simulated the call; the page says so meanwhile.
    const form = page.locator("form[data-violation]");
    wallet.beforeSigning = () => form.locator("[data-tx=signing]").waitFor();
    // The mined transaction's hash goes back to the action's route, which reads the receipt.
    await page.route("**/api/field/prices", async (route) => {
      if ((route.request().postDataJSON() as { txHash?: string }).txHash !== undefined)
        await form.locator("[data-tx=pending]").waitFor();
      await route.continue();
    });
    await form.getByLabel("Seller").selectOption(partyAddress("bianmin"));
    await form.getByLabel(/Code of a box on the shelf/).fill(boxCode("price-gouging", 102510));
    await form.getByLabel("Price asked, yuan per piece").fill("5.20");
    await form.getByLabel("Photo of the price tag").setInputFiles({
      name: "tag.png",
      mimeType: "image/png",
      buffer: Buffer.from("price tag 5.20"),
    });
    await form.getByRole("button", { name: "Record the price" }).click();
    await expect(form.locator("[data-tx=confirmed]")).toContainText(
      /A violation: 5\.20 yuan\/piece is above the cap of 1\.80 yuan\/piece/,
    );
    expect(wallet.sent).toHaveLength(1);
    await expect(form.locator("[data-tx=confirmed] code")).toHaveText(wallet.sent[0]!);
    expect(wallet.asked).toEqual(
      expect.arrayContaining(["eth_requestAccounts", "eth_chainId", "eth_sendTransaction"]),
    );
    await page.goto(`/participants/${partyAddress("bianmin")}`);
    await expect(page.getByRole("region", { name: /Price violations/ })).toContainText(
      "asked 5.20 yuan/piece",
    );
  });

  test("a pharmacy's wallet: a refused signature leaves the delivery waiting; signed, it is accepted", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const shipmentId = await shipFromDistributor("genuine", "bianmin", 2);
    const wallet = await injectWallet(page, "bianmin");
    await page.goto(`/pharmacy/receive/${shipmentId}`);
    await page.getByRole("button", { name: "Sign in with your wallet" }).click();
    await expect(page.getByText("Signed in with your wallet as 便民大药房（石路店）")).toBeVisible();
    await untilHydrated(page, "#handheld-code");

    wallet.rejecting = true;
    await page.getByRole("button", { name: "Accept the delivery" }).click();
    await expect(page.locator("[data-tx=failed]")).toHaveText("You cancelled the signature.");
    await expect(page.locator("[data-tx=failed]")).toHaveAttribute("data-error", "user_rejected");
    expect(wallet.sent).toHaveLength(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Accept the delivery" })).toBeVisible();

    wallet.rejecting = false;
    await untilHydrated(page, "#handheld-code");
    await page.getByRole("button", { name: "Accept the delivery" }).click();
    await expect(page.locator("[data-tx=confirmed]")).toContainText("Delivery accepted");
    expect(wallet.sent).toHaveLength(1);
    await page.reload();
    await expect(page.getByText("This delivery was already accepted")).toBeVisible();
  });

  test("a wallet whose account is no inspector sees none of the inspector's tools; a refusal comes before the wallet is asked", async ({
    page,
  }) => {
    const wallet = await injectWallet(page, "baixing");
    await page.goto("/inspector");
    await page.getByRole("button", { name: "Sign in with your wallet" }).click();
    await expect(page.locator('[data-role-missing="INSPECTOR"]')).toContainText(
      "百姓平价药店（山塘店） does not",
    );
    await expect(page.getByRole("heading", { name: "Record the price asked" })).toHaveCount(0);
    // Called directly, the server simulates as the wallet and refuses in words: nothing to sign.
    const refused = await page.request.post("/api/field/prices", {
      data: {
        wallet: wallet.address,
        seller: partyAddress("bianmin"),
        code: boxCode("price-gouging", 102511),
        yuanPerPiece: "9.99",
        photoHash: "0x" + "cd".repeat(32),
      },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("CallerLacksRole");
    expect(wallet.asked).not.toContain("eth_sendTransaction");
  });
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the receiving desk and the inspector's page speak Chinese, the order included", async ({ page }) => {
    const order = await fulfilledOrder("genuine", "baixing", 10, 140);
    await actAs(page, "baixing");
    await page.goto(`/pharmacy/receive/${order.shipmentId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`发货单 ${order.shipmentId}`);
    await expect(page.locator(`[data-order="${order.orderId}"]`)).toContainText(
      "向 苏州康达医药有限公司 采购 10 盒，单价 1.40 元/片",
    );
    await untilHydrated(page, "#handheld-code");
    await page.locator("#handheld-code").focus(); // the scan field's own words are the scanner's
    await scanInto(page, boxCode("genuine", 101201));
    await scanInto(page, scenarioBatch("unknown-serial").code);
    await expect(page.locator('[data-tally="suspect"]')).toHaveText("1");
    await expect(page.getByText("1 盒可疑：请拒收整批货")).toBeVisible();
    await expect(page.getByRole("button", { name: "验收入库" })).toBeVisible();
    await page.screenshot({ path: "test-results/pharmacy-receive-zh-390x844.png", fullPage: true });

    await actAs(page, "inspector");
    await page.goto("/inspector");
    await expect(page.getByRole("heading", { name: "核验货架上的口罩" })).toBeVisible();
    await expect(page.getByText("当前身份：苏州市市场监督管理局价格监督检查处")).toBeVisible();
    await page.screenshot({ path: "test-results/inspector-zh-390x844.png", fullPage: true });
  });
});
