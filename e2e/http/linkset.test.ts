// The Digital Link route as a GS1 resolver: a linkset (RFC 9264) for Accept: application/linkset+json or
// ?linkType=linkset (or all, its older name), a Link header on the verdict page, and the JSON verdict
// left as it was (the GS1 resolver standard's statements are checked in resolver.test.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";
import { epcisSchemaErrors } from "../schemas/epcis";

const LINKSET = "application/linkset+json";
const GS1 = "https://gs1.org/voc/";

interface Target {
  href: string;
  title: string;
  type: string;
}

const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

async function get(path: string, accept: string) {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { accept }, redirect: "manual" });
  return { response, text: await response.text() };
}

async function linksetOf(path: string, accept = LINKSET) {
  const { response, text } = await get(path, accept);
  assert.equal(response.status, 200, text);
  assert.equal(response.headers.get("content-type"), LINKSET);
  const body = JSON.parse(text) as { linkset: ({ anchor: string } & Record<string, Target[]>)[] };
  assert.equal(body.linkset.length, 3, "the box, its lot and its GTIN");
  return { response, context: body.linkset[0]! };
}

describe("a box's Digital Link asked for application/linkset+json", () => {
  const genuine = scenario("genuine");
  const page = pathOf(genuine.code);

  it("answers a linkset anchored at the box's Digital Link", async () => {
    const { context } = await linksetOf(page);
    assert.equal(context.anchor, `${baseUrl()}/01/${genuine.gtin}/10/${genuine.lot}/21/${genuine.serial}`);
  });

  it("links the verdict page as default link and product information page", async () => {
    const { context } = await linksetOf(page);
    for (const relation of ["defaultLink", "pip"]) {
      const [target] = context[`${GS1}${relation}`] ?? [];
      assert.equal(target?.type, "text/html", relation);
      assert.equal(target?.href, genuine.code, relation);
    }
  });

  it("links the batch's EPCIS events, which validate against the EPCIS 2.0 schema", async () => {
    const { context } = await linksetOf(page);
    const [events] = context[`${GS1}epcis`] ?? [];
    assert.equal(events?.type, "application/ld+json");
    const response = await fetch(events!.href);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/ld\+json/);
    assert.deepEqual(epcisSchemaErrors(await response.json()), []);
  });

  it("links the complaint form for this box as support, and the form opens", async () => {
    const { context } = await linksetOf(page);
    const [form] = context[`${GS1}support`] ?? [];
    assert.equal(form?.href, `${baseUrl()}/complaints/new?code=${encodeURIComponent(genuine.code)}`);
    const response = await fetch(form!.href, { headers: { accept: "text/html" } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
  });

  it("is preferred to JSON when both are accepted, and by its q-value", async () => {
    await linksetOf(page, `${LINKSET}, application/json`);
    await linksetOf(page, `application/json;q=0.5, ${LINKSET}`);
  });

  it("is also the answer to ?linkType=all, whatever the Accept header", async () => {
    const { context } = await linksetOf(`${page}&linkType=all`, "text/html");
    assert.ok(context[`${GS1}epcis`]);
  });
});

describe("the Digital Link route's other answers are unchanged", () => {
  const genuine = scenario("genuine");
  const page = pathOf(genuine.code);

  it("Accept: application/json still gives the verdict", async () => {
    const { response, text } = await get(page, "application/json");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal((JSON.parse(text) as { verdict: string }).verdict, "genuine");
  });

  it("the verdict page sends a Link header naming the EPCIS events, the complaint form and the linkset", async () => {
    const { response, text } = await get(page, "text/html");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(text, /Genuine/i);
    const link = response.headers.get("link") ?? "";
    assert.match(link, new RegExp(`rel="${GS1}epcis"; type="application/ld\\+json"`));
    assert.match(link, new RegExp(`rel="${GS1}support"`));
    assert.match(link, /\?linkType=linkset>; rel="linkset"; type="application\/linkset\+json"/);
  });

  it("a code that is not valid GS1 gets the named 400, not a linkset", async () => {
    const { response, text } = await get("/01/09521234500019/10/A", LINKSET);
    assert.equal(response.status, 400);
    assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, "invalid_code");
  });

  it("anything but GET or HEAD is refused with 405", async () => {
    const response = await fetch(`${baseUrl()}${page}`, { method: "POST", headers: { accept: LINKSET } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "GET, HEAD, OPTIONS");
  });
});
