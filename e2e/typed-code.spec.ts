// Typing the lines printed under a box's QR code, on a phone, in English and Chinese: the printed line
// alone is not Suspect (it carries no signature, so the page says to scan the QR or add the check
// code); with the check code the maker published it reads as genuine; with a wrong one it is Suspect.
// A QR that only claims to be typed (?typed=1 opened straight from a camera) stays a scan.
import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

interface Scenario {
  id: string;
  code: string;
  printed: string;
  checkCode: string | null;
}

const scenarios = JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[];
const genuine = scenarios.find((s) => s.id === "genuine")!;
/** Another genuine check code: right in form, wrong for this box. */
const wrongCheckCode = scenarios.find((s) => s.id === "recalled")!.checkCode!;

test.use({ viewport: { width: 390, height: 844 } });

const banner = (page: Page) => page.locator("[data-verdict]");
const signatureCheck = (page: Page) => page.locator("[data-check=signature]");

test.describe("in English", () => {
  test("the printed line typed on the home page is not Suspect: it says to scan the QR", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Code printed on the box").fill(genuine.printed);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(banner(page)).toHaveAttribute("data-verdict", "caution");
    await expect(banner(page)).toContainText("The typed code matches the record; scan the QR code");
    await expect(signatureCheck(page)).toHaveAttribute("data-status", "unknown");
    await expect(signatureCheck(page)).toContainText("Typed codes carry no signature");
    await page.screenshot({ path: "test-results/typed-code-no-check-390x844.png", fullPage: true });
  });

  test("with its check code it reads as genuine", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Code printed on the box").fill(`${genuine.printed} CHECK ${genuine.checkCode}`);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(banner(page)).toHaveAttribute("data-verdict", "genuine");
    await expect(signatureCheck(page)).toHaveAttribute("data-status", "pass");
    await expect(signatureCheck(page)).toContainText("The check code matches the maker's published record");
    await page.screenshot({ path: "test-results/typed-code-genuine-390x844.png", fullPage: true });
  });

  test("with a wrong check code it is Suspect", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Code printed on the box").fill(`${genuine.printed} ${wrongCheckCode}`);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(banner(page)).toHaveAttribute("data-verdict", "suspect");
    await expect(banner(page)).toContainText("The check code does not match");
  });

  test("a QR without a signature that claims to be typed, opened from a camera, stays Suspect", async ({
    page,
  }) => {
    const url = new URL(genuine.code);
    url.searchParams.delete("8030");
    url.searchParams.set("typed", "1");
    await page.goto(url.pathname + url.search);
    await expect(banner(page)).toHaveAttribute("data-verdict", "suspect");
    await expect(signatureCheck(page)).toContainText("No maker's signature on the code");
  });
});

test.describe("in Chinese (a zh-CN browser)", () => {
  test.use({ locale: "zh-CN" });

  test("the printed line typed on the scan page is not Suspect: it says to scan the QR", async ({ page }) => {
    await page.goto("/scan");
    const field = page.getByLabel("扫描或输入的号码");
    await field.fill(genuine.printed);
    await field.press("Enter");
    await expect(banner(page)).toHaveAttribute("data-verdict", "caution");
    await expect(banner(page)).toContainText("输入的码与记录相符");
    await expect(signatureCheck(page)).toContainText("手动输入的码不含签名");
    await page.screenshot({ path: "test-results/typed-code-zh-no-check-390x844.png", fullPage: true });
  });

  test("with its check code it reads as genuine (正品)", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("包装盒上印的号码").fill(`${genuine.printed} ${genuine.checkCode}`);
    await page.getByRole("button", { name: "查验" }).click();
    await expect(banner(page)).toHaveAttribute("data-verdict", "genuine");
    await expect(banner(page).getByRole("heading", { level: 1 })).toHaveText("正品");
    await expect(signatureCheck(page)).toContainText("校验码与生产企业公布的记录相符");
  });
});
