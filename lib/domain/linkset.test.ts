import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { buildLinkset, linkHeader, LINK_TYPES, type LinkTarget } from "./linkset";
import { makeScannedCode as makeCode } from "./fixtures";
import type { ScannedCode } from "./gs1";

const ORIGIN = "https://medproof.test";
/** 64 bytes in base64url, as printed codes carry (the fixture's stand-in is longer than AI 8030 allows). */
const SIGNATURE = "A".repeat(86);
const makeScannedCode = (overrides: Partial<ScannedCode> = {}) =>
  makeCode({ signature: SIGNATURE, ...overrides });
const SIGNED_PAGE = `https://medproof.test/01/09521234500018/10/260925A/21/100123?17=280923&8030=${SIGNATURE}`;

const targets = (relation: string, box = makeScannedCode()) =>
  buildLinkset(box, ORIGIN).linkset[0][relation] as LinkTarget[] | undefined;

describe("the linkset of a box's Digital Link (RFC 9264, GS1 link types)", () => {
  it("is anchored at the box's Digital Link without its data attributes", () => {
    assert.equal(
      buildLinkset(makeScannedCode(), ORIGIN).linkset[0].anchor,
      "https://medproof.test/01/09521234500018/10/260925A/21/100123",
    );
  });

  it("sends people to the verdict page by default, which is also the product information page", () => {
    const page = { href: SIGNED_PAGE, title: targets(LINK_TYPES.defaultLink)?.[0]?.title, type: "text/html" };
    assert.deepEqual(targets(LINK_TYPES.defaultLink), [page]);
    assert.deepEqual(targets(LINK_TYPES.pip), [page]);
  });

  it("links the batch's EPCIS events, for this box, as JSON-LD", () => {
    assert.deepEqual(targets(LINK_TYPES.epcis), [
      {
        href: "https://medproof.test/api/epcis?gtin=09521234500018&lot=260925A&serial=100123",
        title: "Events of this batch (EPCIS 2.0)",
        type: "application/ld+json",
      },
    ]);
  });

  it("links the complaint form for this box as support", () => {
    const [form] = targets(LINK_TYPES.support) ?? [];
    assert.equal(form?.href, `https://medproof.test/complaints/new?code=${encodeURIComponent(SIGNED_PAGE)}`);
  });

  it("offers no complaint form without a serial, and no EPCIS events without a lot", () => {
    const batchOnly = makeScannedCode({ serial: null, signature: null });
    assert.equal(targets(LINK_TYPES.support, batchOnly), undefined);
    assert.ok(targets(LINK_TYPES.epcis, batchOnly));
    const productOnly = makeScannedCode({ lot: null, serial: null, signature: null, expiry: null });
    assert.equal(targets(LINK_TYPES.epcis, productOnly), undefined);
    assert.equal(
      buildLinkset(productOnly, ORIGIN).linkset[0].anchor,
      "https://medproof.test/01/09521234500018",
    );
  });
});

describe("the verdict page's Link header (RFC 8288)", () => {
  it("names the EPCIS events, the complaint form and the linkset, not the page itself", () => {
    const header = linkHeader(makeScannedCode(), ORIGIN);
    const relations = [...header.matchAll(/rel="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(relations, [LINK_TYPES.epcis, LINK_TYPES.support, "linkset"]);
    assert.match(
      header,
      /<https:\/\/medproof\.test\/01\/09521234500018\/10\/260925A\/21\/100123\?linkType=all>; rel="linkset"; type="application\/linkset\+json"$/,
    );
    assert.match(header, /^[\x20-\x7e]+$/, "a header value is printable ASCII");
  });
});
