// Complaints decided at the desks, against the local chain: a consumer's spec complaint appears on the
// lab's list of retests and a passing retest posted from there dismisses it; another, answered by the
// maker, is ruled on by an inspector, whose confirmation stays in place of the buttons. The complaints
// are about a batch of the test's own (e2e/regulator/fresh-batch.ts), so no other test's record changes.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { backoffice } from "../lib/chain/backoffice";
import { demoActor } from "../scripts/demo/plugin";
import { actAs, typePassingResults, untilHydrated } from "./desks";
import { chain } from "./field/boxes";
import { releasedBatch, type FreshBatch } from "./regulator/fresh-batch";

test.describe.configure({ mode: "serial", timeout: 90_000 });
test.use({ viewport: { width: 1280, height: 900 } });

const afterTx = expect.configure({ timeout: 20_000 });

let batch: FreshBatch;

/** Files a spec complaint about box `serial` as a consumer does, without a wallet; its number. */
async function fileComplaint(request: APIRequestContext, serial: number): Promise<number> {
  const reply = await request.post("/api/complaints", {
    data: {
      code: batch.code(serial),
      secret: batch.secret(serial),
      kind: "spec-failure",
      description: "The masks smell of solvent and the ear loops came off.",
    },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  return ((await reply.json()) as { id: number }).id;
}

async function complaintStatus(request: APIRequestContext, id: number) {
  return (await (await request.get(`/api/complaints/${id}`)).json()) as { status: string; byRetest: boolean };
}

test.beforeAll(async () => {
  batch = await releasedBatch("ruling");
});

test("a spec complaint is on the lab's list of retests, and a passing retest posted from there dismisses it", async ({
  page,
  request,
}) => {
  const complaintId = await fileComplaint(request, 1);
  await actAs(page, "lab");
  await page.goto("/lab");
  const wanted = page.locator(`[data-retest="${complaintId}"]`);
  await expect(wanted).toContainText(`Complaint ${complaintId}: box 1 of lot ${batch.lot}`);
  await wanted.screenshot({ path: "test-results/lab-retest-wanted.png" });

  await wanted.getByRole("link", { name: "Post the retest" }).click();
  const form = page.locator('[data-form="test-report"]');
  await expect(form).toContainText(`It decides complaint ${complaintId}.`);
  await expect(page.locator('select[name="batch"] option:checked')).toHaveText(
    `Lot ${batch.lot} · GTIN ${batch.gtin}`,
  );
  await untilHydrated(page, '[data-form="test-report"]');
  await expect(page.getByLabel("This is a retest")).toBeChecked();
  await typePassingResults(form);
  await expect(form.locator("[data-overall]")).toHaveAttribute("data-overall", "pass");
  await page.getByRole("button", { name: "Post the report" }).click();
  await afterTx(wanted).toHaveCount(0);
  await expect(form.locator('[data-tx="confirmed"]')).toContainText(
    `Complaint ${complaintId} dismissed: the batch passes its retest.`,
  );
  await expect(form).not.toContainText(`It decides complaint ${complaintId}.`);
  await page.screenshot({ path: "test-results/lab-retest-posted.png", fullPage: true });

  expect(await complaintStatus(request, complaintId)).toMatchObject({ status: "dismissed", byRetest: true });
});

test("an inspector rules on an answered complaint: the confirmation stays in its place, and it leaves the queue", async ({
  page,
  request,
}) => {
  const complaintId = await fileComplaint(request, 2);
  const maker = await demoActor(chain().provider, "qinghe");
  await backoffice.answerComplaint(chain().deployment, maker, {
    complaintId,
    response: "Retained samples pass",
  });

  await actAs(page, "inspector");
  await page.goto("/inspector");
  const queued = page.locator(`[data-complaint="${complaintId}"]`);
  await expect(queued).toContainText(`Box 2 of lot ${batch.lot}, filed`);
  await expect(queued).toContainText("Answered by the party.");
  await untilHydrated(page, `[data-complaint="${complaintId}"] button`);
  const dismiss = queued.getByRole("button", { name: "Dismiss" });
  await expect(dismiss).toBeDisabled(); // until a reason is given
  await queued
    .getByLabel("Reason for the ruling")
    .fill("The lab's records and retained samples meet YY 0469");
  await dismiss.click();
  await afterTx(queued.locator('[data-tx="confirmed"]')).toContainText("Dismissed.");
  await expect(queued.getByRole("button")).toHaveCount(0);
  await queued.screenshot({ path: "test-results/inspector-ruled.png" });
  expect((await complaintStatus(request, complaintId)).status).toBe("dismissed");

  await page.reload();
  await expect(page.locator(`[data-complaint="${complaintId}"]`)).toHaveCount(0);
});

test("a complainant waiting on the complaint's page sees the maker's answer when they come back to it, without a reload", async ({
  page,
  request,
}) => {
  const complaintId = await fileComplaint(request, 3);
  await page.goto(`/complaints/${complaintId}`);
  const status = page.getByRole("heading", { name: `Complaint ${complaintId}` }).locator("xpath=..");
  await expect(status).toContainText("Open");
  await untilHydrated(page, "#claimKey");
  // Survives only as long as this very document does: a reload would take it away.
  await page.evaluate(() => Object.assign(window, { samePage: true }));

  const maker = await demoActor(chain().provider, "qinghe");
  await backoffice.answerComplaint(chain().deployment, maker, {
    complaintId,
    response: "Retained samples pass",
  });
  expect((await complaintStatus(request, complaintId)).status).toBe("answered");
  // The tab comes back into view, as when the complainant returns to it.
  await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
  await afterTx(status).toContainText("Answered");
  await expect(page.locator("ol li").last()).toContainText("answered");
  expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
});
