// One fake-camera video per project (see playwright.config.ts): the code in view leads to its box's verdict.
import { test, expect } from "@playwright/test";
import type { CodeFixture } from "./scan/fixture-list";

const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

test("the camera reads the code in view and opens that box's verdict", async ({ page }, testInfo) => {
  const fixture = testInfo.project.metadata.fixture as CodeFixture;
  await page.goto("/scan");
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", fixture.scenario.verdict, {
    timeout: 15_000,
  });
  expect(pathOf(page.url())).toBe(pathOf(fixture.scenario.code));
});
