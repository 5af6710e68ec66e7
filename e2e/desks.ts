// At the desks in the browser tests: acting as a demo party, waiting for a form to hydrate before typing
// into it, typing a lab's results.
import { test, type Locator, type Page } from "@playwright/test";
import { PASSING_SURGICAL_RESULTS } from "../lib/domain/fixtures";
import { METRICS } from "../lib/domain/standards";
import lab from "../lib/i18n/messages/en/lab.json";

/** The demo "act as" cookie, as the header's switch sets it. */
export async function actAs(page: Page, party: string): Promise<void> {
  await page
    .context()
    .addCookies([{ name: "medproof-act-as", value: party, url: test.info().project.use.baseURL! }]);
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
