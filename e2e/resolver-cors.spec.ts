// A page on another origin (a pharmacy's or a GS1 app's web page) can read MedProof's linkset and its Link
// header with fetch (the GS1 resolver standard's CORS statement), and cannot send what changes state.
// The other origin is a tiny HTTP server on another port, serving one page whose script does the fetching.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "@playwright/test";
import { readScenarios } from "./scan/fixture-list";

const genuine = readScenarios().find((s) => s.id === "genuine")!;
const medproof = process.env.MEDPROOF_URL ?? "http://127.0.0.1:13000";
/** The box's Digital Link without its data attributes (expiry, signature): the linkset's anchor. */
const boxPath = new URL(genuine.code).pathname;

const PAGE = `<!doctype html><title>Another origin</title><pre id="linkset">…</pre><pre id="write">…</pre>
<script>
  const show = (id, text) => (document.getElementById(id).textContent = text);
  fetch(${JSON.stringify(`${medproof}${boxPath}?linkType=linkset`)})
    .then(async (r) => show("linkset", JSON.stringify({ status: r.status, link: r.headers.get("link"), body: await r.json() })))
    .catch((e) => show("linkset", "refused: " + e));
  fetch(${JSON.stringify(`${medproof}/api/complaints`)}, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
    .then((r) => show("write", "answered " + r.status))
    .catch(() => show("write", "refused"));
</script>`;

let other: Server;
let otherUrl = "";

test.beforeAll(async () => {
  other = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

test("a page on another origin reads the linkset and its Link header, and cannot post a complaint", async ({
  page,
}) => {
  expect(new URL(otherUrl).origin).not.toBe(new URL(medproof).origin);
  await page.goto(otherUrl);
  await expect(page.locator("#linkset")).toContainText('"status":200');
  const result = JSON.parse((await page.locator("#linkset").textContent()) ?? "{}") as {
    link: string | null;
    body: { linkset: { anchor: string }[] };
  };
  expect(result.body.linkset[0]?.anchor).toMatch(new RegExp(`${boxPath}$`));
  expect(result.link).toMatch(/rel="linkset"/);
  await expect(page.locator("#write")).toHaveText("refused");
});
