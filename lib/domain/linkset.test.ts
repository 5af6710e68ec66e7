import { describe, it } from "node:test";
import assert from "node:assert/strict";

import {
  buildLinkset,
  linkHeader,
  linkTargetOf,
  LINK_TYPES,
  resolverDescription,
  type LinkTarget,
  type RequestedLink,
} from "./linkset";
import { makeScannedCode } from "./fixtures";

const ORIGIN = "https://medproof.test";
/** 64 bytes in base64url, as printed codes carry. */
const SIGNATURE = "A".repeat(86);
const BOX_PATH = "/01/09521234500018/10/260925A/21/100123";
const SIGNED_PAGE = `${ORIGIN}${BOX_PATH}?17=280923&8030=${SIGNATURE}`;

const box = (): RequestedLink => ({
  code: makeScannedCode({ signature: SIGNATURE }),
  path: BOX_PATH,
  query: new URLSearchParams({ "17": "280923", "8030": SIGNATURE }),
});
const lot = (): RequestedLink => ({
  code: makeScannedCode({ serial: null, signature: null, expiry: null }),
  path: "/01/09521234500018/10/260925A",
  query: new URLSearchParams(),
});
const product = (): RequestedLink => ({
  code: makeScannedCode({ lot: null, serial: null, signature: null, expiry: null }),
  path: "/01/09521234500018",
  query: new URLSearchParams(),
});

const contexts = (request: RequestedLink) => buildLinkset(request, ORIGIN).linkset;
const targets = (relation: string, request = box(), level = 0) =>
  contexts(request)[level]?.[relation] as LinkTarget[] | undefined;

describe("the linkset of a Digital Link (RFC 9264, GS1 link types)", () => {
  it("has one context per level, from the URI requested up to the GTIN, each described", () => {
    assert.deepEqual(
      contexts(box()).map(({ anchor }) => anchor),
      [`${ORIGIN}${BOX_PATH}`, `${ORIGIN}/01/09521234500018/10/260925A`, `${ORIGIN}/01/09521234500018`],
    );
    assert.equal(
      contexts(box())[0]?.itemDescription,
      "Medical masks, GTIN 09521234500018, lot 260925A, serial 100123",
    );
  });

  it("keeps the qualifiers as requested: a consumer product variant (22) is a level of its own", () => {
    const variant = { ...box(), path: "/01/09521234500018/22/V1/10/260925A/21/100123" };
    assert.deepEqual(
      contexts(variant).map(({ anchor }) => anchor.slice(ORIGIN.length)),
      [variant.path, "/01/09521234500018/22/V1/10/260925A", "/01/09521234500018/22/V1", "/01/09521234500018"],
    );
  });

  it("sends people to the verdict page by default, with no optional attributes, and describes it", () => {
    assert.deepEqual(targets(LINK_TYPES.defaultLink), [
      { href: SIGNED_PAGE, title: targets(LINK_TYPES.defaultLink)?.[0]?.title, type: "text/html" },
    ]);
    for (const relation of [LINK_TYPES.verificationService, LINK_TYPES.pip]) {
      const [page] = targets(relation) ?? [];
      assert.equal(page?.href, SIGNED_PAGE, relation);
      assert.deepEqual(page?.hreflang, ["en", "zh-CN"], relation);
    }
  });

  it("links the box's and the batch's EPCIS events at their levels, as JSON-LD", () => {
    assert.equal(
      targets(LINK_TYPES.epcis)?.[0]?.href,
      `${ORIGIN}/api/epcis?gtin=09521234500018&lot=260925A&serial=100123`,
    );
    assert.equal(
      targets(LINK_TYPES.epcis, box(), 1)?.[0]?.href,
      `${ORIGIN}/api/epcis?gtin=09521234500018&lot=260925A`,
    );
    assert.equal(targets(LINK_TYPES.epcis, box(), 2), undefined);
    assert.equal(targets(LINK_TYPES.epcis)?.[0]?.type, "application/ld+json");
  });

  it("links the complaint form for a box only", () => {
    const [form] = targets(LINK_TYPES.support) ?? [];
    assert.equal(form?.href, `${ORIGIN}/complaints/new?code=${encodeURIComponent(SIGNED_PAGE)}`);
    assert.equal(targets(LINK_TYPES.support, lot()), undefined);
    assert.equal(contexts(product()).length, 1);
    assert.equal(targets(LINK_TYPES.epcis, product()), undefined);
  });
});

describe("where ?linkType=<type> leads", () => {
  it("to the link of that type, named short or in full, with the request's query passed on", () => {
    const request = { ...box(), query: new URLSearchParams({ "17": "280923", campaign: "spring" }) };
    const expected = `${ORIGIN}/api/epcis?gtin=09521234500018&lot=260925A&serial=100123&17=280923&campaign=spring`;
    assert.equal(linkTargetOf(request, ORIGIN, "gs1:epcis"), expected);
    assert.equal(linkTargetOf(request, ORIGIN, "https://gs1.org/voc/epcis"), expected);
  });

  it("to a less specific level's link when the requested level has none, and nowhere for an unknown type", () => {
    assert.match(linkTargetOf(lot(), ORIGIN, "gs1:pip") ?? "", /\/01\/09521234500018\/10\/260925A$/);
    assert.equal(linkTargetOf(lot(), ORIGIN, "gs1:support"), null);
    assert.equal(linkTargetOf(box(), ORIGIN, "gs1:recipeInfo"), null);
  });
});

describe("the Link header of an answer at a Digital Link (RFC 8288)", () => {
  it("names the requested level's links and the linkset", () => {
    const header = linkHeader(box(), ORIGIN);
    const relations = [...header.matchAll(/rel="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(relations, [
      LINK_TYPES.defaultLink,
      LINK_TYPES.verificationService,
      LINK_TYPES.pip,
      LINK_TYPES.epcis,
      LINK_TYPES.support,
      "linkset",
    ]);
    assert.match(
      header,
      new RegExp(
        `<${ORIGIN}${BOX_PATH}\\?linkType=linkset>; rel="linkset"; type="application/linkset\\+json"$`,
      ),
    );
    assert.match(header, /^[\x20-\x7e]+$/, "a header value is printable ASCII");
  });
});

describe("the resolver description file", () => {
  it("names the root, GTINs with their qualifiers in Digital Link order, and the JSON-LD context", () => {
    const description = resolverDescription(`${ORIGIN}/`);
    assert.equal(description.resolverRoot, ORIGIN);
    assert.deepEqual(description.supportedPrimaryKeys, ["01"]);
    assert.deepEqual(description.supportedQualifiers, { "01": ["22", "10", "21"] });
    assert.equal(description.jsonLdContextLocation, `${ORIGIN}/linkset-context.jsonld`);
  });
});
