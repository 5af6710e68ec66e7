// At the desks in the browser tests: acting as a demo party, waiting for a form to hydrate before typing
// into it, typing a lab's results.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PASSING_SURGICAL_RESULTS } from "../lib/domain/fixtures";
import { METRICS } from "../lib/domain/standards";
import lab from "../lib/i18n/messages/en/lab.json";

/**
 * Acts as a demo party as the switch does, by POST /api/session from the page's context (which keeps
 * the sealed cookie it sets): a cookie written by hand would name nobody.
 */
export async function actAs(page: Page, party: string): Promise<void> {
  const response = await page
    .context()
    .request.post(new URL("/api/session", test.info().project.use.baseURL!).href, { data: { party } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Until React has hydrated the element: what is typed or clicked before that would be lost. */
export async function untilHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s);
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps"));
  }, selector);
}

/** Types the demo's passing surgical-mask results into a lab's report form, each by its label. */
export async function typePassingResults(form: Locator): Promise<void> {
  for (const { metric, value } of PASSING_SURGICAL_RESULTS) {
    const label = lab.metrics[String(metric) as keyof typeof lab.metrics];
    await form.getByLabel(label, { exact: true }).fill(String(value / METRICS[metric]!.scale));
  }
}
