// The Digital Link routes checked against the GS1-Conformant Resolver standard's statements, one test
// (or a few) per statement: the description file, GET/HEAD/OPTIONS and CORS, 400 for a malformed Digital
// Link (never 200), the linkset (GS1's schema, every level, anchored at the URI requested, the JSON-LD
// context), linkType redirects with the query string passed on, 404 for a link type there is not, and
// trailing slashes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { baseUrl, scenario } from "./world";
import { descriptionSchemaErrors, gs1LinksetContext, linksetSchemaErrors } from "../schemas/resolver";

const LINKSET = "application/linkset+json";
const GS1 = "https://gs1.org/voc/";

interface Target {
  href: string;
  title: string;
  type: string;
  hreflang?: string[];
}
type Context = { anchor: string; itemDescription: string } & Record<string, Target[]>;

const genuine = scenario("genuine");
const code = new URL(genuine.code);
/** The box's Digital Link path and query (its expiry and signature), as printed on the box. */
const page = code.pathname + code.search;
const boxPath = `/01/${genuine.gtin}/10/${genuine.lot}/21/${genuine.serial}`;

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(`${baseUrl()}${path}`, { method, headers, redirect: "manual" });
  return { response, text: await response.text() };
}

async function linkset(path: string) {
  const { response, text } = await get(path, { accept: LINKSET });
  assert.equal(response.status, 200, text);
  return { response, body: JSON.parse(text) as { linkset: Context[] } };
}

/** A GET with headers fetch will not send (Host, X-Forwarded-*), over node:http. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the resolver description file at /.well-known/gs1resolver", () => {
  it("validates against GS1's description file schema and names the root, GTINs and the context", async () => {
    const { response, text } = await get("/.well-known/gs1resolver");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
    const description = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(descriptionSchemaErrors(description), []);
    assert.equal(description.resolverRoot, baseUrl());
    assert.deepEqual(description.supportedPrimaryKeys, ["01"]);
    assert.deepEqual(description.supportedQualifiers, { "01": ["22", "10", "21"] });
    assert.equal(description.jsonLdContextLocation, `${baseUrl()}/linkset-context.jsonld`);
  });

  it("serves GS1's JSON-LD context for linksets as application/ld+json", async () => {
    const { response, text } = await get("/linkset-context.jsonld");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/ld\+json/);
    assert.deepEqual(JSON.parse(text), gs1LinksetContext());
  });
});

describe("the linkset (linkType=linkset or Accept: application/linkset+json, RFC 9264)", () => {
  it("validates against GS1's linkset schema", async () => {
    const { body } = await linkset(page);
    assert.deepEqual(linksetSchemaErrors(body), []);
  });

  it("holds every level up to the primary key, anchored at the uncompressed URI requested", async () => {
    const { body } = await linkset(page);
    assert.deepEqual(
      body.linkset.map((context) => context.anchor),
      [
        `${baseUrl()}${boxPath}`,
        `${baseUrl()}/01/${genuine.gtin}/10/${genuine.lot}`,
        `${baseUrl()}/01/${genuine.gtin}`,
      ],
    );
    for (const context of body.linkset) assert.ok(context.itemDescription, context.anchor);
  });

  it("is the same for ?linkType=linkset whatever the Accept header", async () => {
    const { response, text } = await get(`${boxPath}?linkType=linkset`, { accept: "text/html" });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), LINKSET);
    assert.deepEqual(linksetSchemaErrors(JSON.parse(text)), []);
  });

  it("gives every link a target, title and IANA media type; languages on all but the default link", async () => {
    const { body } = await linkset(page);
    const [box] = body.linkset;
    for (const [relation, targets] of Object.entries(box!)) {
      if (!Array.isArray(targets)) continue;
      for (const target of targets) {
        assert.ok(target.href && target.title, relation);
        assert.match(target.type, /^(text\/html|application\/ld\+json)$/, relation);
        if (relation === `${GS1}defaultLink`)
          assert.deepEqual(Object.keys(target).sort(), ["href", "title", "type"]);
        else assert.ok((target.hreflang ?? []).length > 0, relation);
      }
    }
    assert.equal(box![`${GS1}defaultLink`]?.length, 1, "one default link");
    assert.equal(box![`${GS1}verificationService`]?.[0]?.href, box![`${GS1}defaultLink`]?.[0]?.href);
  });

  it("names GS1's JSON-LD context in a Link header", async () => {
    const { response } = await linkset(page);
    assert.match(
      response.headers.get("link") ?? "",
      new RegExp(
        `<${baseUrl()}/linkset-context\\.jsonld>; rel="http://www\\.w3\\.org/ns/json-ld#context"; type="application/ld\\+json"`,
      ),
    );
  });

  it("is anchored at the host asked for, and behind a trusted proxy at the origin the proxy names", async () => {
    const direct = await rawGet(`${boxPath}?linkType=linkset`, { host: "resolver.medproof.test" });
    assert.equal(direct.status, 200);
    const anchor = (body: string) => (JSON.parse(body) as { linkset: Context[] }).linkset[0]?.anchor;
    assert.equal(anchor(direct.body), `http://resolver.medproof.test${boxPath}`);
    // The test connects over loopback, a proxy on this machine, whose X-Forwarded-* are believed.
    const proxied = await rawGet(`${boxPath}?linkType=linkset`, {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "id.medproof.cn",
    });
    assert.equal(anchor(proxied.body), `https://id.medproof.cn${boxPath}`);
  });
});

describe("link types: the default link at the URI, ?linkType=<type> redirected, 404 otherwise", () => {
  it("serves the default link, the verdict page, at the URI itself, with the linkset in a Link header", async () => {
    const { response, text } = await get(page, { accept: "text/html" });
    assert.equal(response.status, 200);
    assert.match(text, /Genuine/i);
    assert.match(response.headers.get("link") ?? "", /\?linkType=linkset>; rel="linkset"/);
    assert.match(response.headers.get("link") ?? "", new RegExp(`rel="${GS1}defaultLink"`));
  });

  it("redirects ?linkType=gs1:epcis with 307, passing the query string on and naming the linkset", async () => {
    const { response } = await get(`${page}&campaign=spring&linkType=gs1:epcis`, {
      accept: "application/json",
    });
    assert.equal(response.status, 307);
    const location = new URL(response.headers.get("location") ?? "");
    assert.equal(location.pathname, "/api/epcis");
    assert.equal(location.searchParams.get("serial"), genuine.serial);
    assert.equal(location.searchParams.get("campaign"), "spring");
    assert.equal(location.searchParams.get("8030"), code.searchParams.get("8030"));
    assert.equal(location.searchParams.get("linkType"), null);
    assert.match(response.headers.get("link") ?? "", /rel="linkset"/);
    assert.equal((await fetch(location)).status, 200);
  });

  it("takes the link type's full URI as well, and redirects the default link to the page", async () => {
    const support = await get(`${boxPath}?linkType=${encodeURIComponent(`${GS1}support`)}`);
    assert.equal(support.response.status, 307);
    assert.match(support.response.headers.get("location") ?? "", /\/complaints\/new\?code=/);
    const fallback = await get(`${boxPath}?linkType=gs1:defaultLink`);
    assert.equal(fallback.response.status, 307);
    assert.equal(fallback.response.headers.get("location"), `${baseUrl()}${boxPath}`);
  });

  it("answers 404 for a link type there is not, in the request's language", async () => {
    for (const path of [
      `${boxPath}?linkType=gs1:recipeInfo`,
      `/01/${genuine.gtin}/10/${genuine.lot}?linkType=gs1:support`,
    ]) {
      const { response, text } = await get(path, { "accept-language": "zh-CN" });
      assert.equal(response.status, 404, path);
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "link_type_not_found");
      assert.match(body.error.message, /链接/);
    }
  });
});

describe("errors are errors", () => {
  const malformed = `/01/${genuine.gtin}/21/${genuine.serial}/foo`;

  it("a malformed Digital Link is a 400 page for a person, never a 200", async () => {
    for (const path of [malformed, `${malformed}?linkType=gs1:epcis`]) {
      const { response, text } = await get(path, { accept: "text/html" });
      assert.equal(response.status, 400, path);
      assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
      assert.match(text, /This code can(&#x27;|')t be read/);
    }
  });

  it("and a named JSON 400 for a client", async () => {
    for (const accept of ["application/json", LINKSET]) {
      const { response, text } = await get(malformed, { accept });
      assert.equal(response.status, 400, accept);
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, "invalid_code");
    }
  });
});

describe("HTTP methods and CORS", () => {
  it("answers HEAD like GET, without a body", async () => {
    for (const accept of [LINKSET, "text/html"]) {
      const { response, text } = await get(page, { accept }, "HEAD");
      assert.equal(response.status, 200, accept);
      assert.equal(text, "");
    }
  });

  it("answers a CORS preflight on every read-only resolver and verify route", async () => {
    for (const path of [page, "/.well-known/gs1resolver", "/linkset-context.jsonld", "/api/verify"]) {
      const { response } = await get(
        path,
        {
          origin: "https://pharmacy.example",
          "access-control-request-method": "GET",
          "access-control-request-headers": "accept",
        },
        "OPTIONS",
      );
      assert.equal(response.status, 204, path);
      assert.equal(response.headers.get("access-control-allow-origin"), "*", path);
      assert.equal(response.headers.get("access-control-allow-methods"), "GET, HEAD, OPTIONS", path);
      assert.match(response.headers.get("access-control-allow-headers") ?? "", /Accept/, path);
    }
  });

  it("lets another origin read the answers and their Link header", async () => {
    const { response } = await get(page, { origin: "https://pharmacy.example", accept: LINKSET });
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(response.headers.get("access-control-expose-headers"), "Link");
  });

  it("opens nothing that changes state to other origins, and refuses writes on resolver routes", async () => {
    const preflight = await get(
      "/api/complaints",
      { origin: "https://pharmacy.example", "access-control-request-method": "POST" },
      "OPTIONS",
    );
    assert.equal(preflight.response.headers.get("access-control-allow-origin"), null);
    const post = await get(page, { origin: "https://pharmacy.example" }, "POST");
    assert.equal(post.response.status, 405);
    assert.equal(post.response.headers.get("allow"), "GET, HEAD, OPTIONS");
  });
});

describe("trailing slashes are tolerated", () => {
  it("a Digital Link with a trailing slash is the same URI: the page, the verdict and the linkset", async () => {
    const slashed = `${boxPath}/${code.search}`;
    const html = await get(slashed, { accept: "text/html" });
    assert.equal(html.response.status, 200);
    const json = await get(slashed, { accept: "application/json" });
    assert.equal(json.response.status, 200);
    assert.equal((JSON.parse(json.text) as { verdict: string }).verdict, "genuine");
    const { body } = await linkset(slashed);
    assert.equal(body.linkset[0]?.anchor, `${baseUrl()}${boxPath}`);
    assert.equal((await get("/.well-known/gs1resolver/")).response.status, 200);
    const scanned = await get(`/api/verify?code=${encodeURIComponent(`${baseUrl()}${slashed}`)}`);
    assert.equal((JSON.parse(scanned.text) as { verdict: string }).verdict, "genuine", "a scanned link");
  });
});
