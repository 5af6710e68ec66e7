// What axe (axe-core in the page) holds against a page: any WCAG 2.2 A/AA failure, and serious or
// critical ones among its best practices. Shared by the accessibility and back-office specs.
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** What axe holds against the page: any WCAG A/AA failure, and serious or critical best-practice ones. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_AA, "best-practice"]).analyze();
  return results.violations
    .filter(
      (v) => v.tags.some((tag) => WCAG_AA.includes(tag)) || v.impact === "serious" || v.impact === "critical",
    )
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
