// /api/verify and the Digital Link route against the real local chain, through HTTP.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario, scenarios, verify } from "./world";

describe("GET /api/verify with each demo scenario's code", () => {
  for (const s of scenarios()) {
    it(`gives ${s.verdict} for the ${s.id} box`, async () => {
      const { status, body } = await verify(s.code);
      assert.equal(status, 200);
      assert.equal(body.verdict, s.verdict, `checks: ${JSON.stringify(body.checks)}`);
      assert.deepEqual((body.code as { gtin: string }).gtin, s.gtin);
    });
  }
});

describe("a batch with an upheld complaint", () => {
  it("tells who was held responsible, what was paid from the bond, and warns without condemning", async () => {
    const { body } = await verify(scenario("complaint-upheld").code);
    const checks = body.checks as { id: string; status: string; title: string; detail: string }[];
    const complaints = checks.find((c) => c.id === "complaints")!;
    assert.equal(complaints.status, "warn");
    assert.equal(complaints.title, "A complaint about this batch was upheld");
    assert.match(complaints.detail, /by an inspector: 青禾医疗用品有限公司 paid 500\.00 yuan to the buyer/);
    assert.match(complaints.detail, /1,000\.00 yuan fine from its bond/);
    assert.deepEqual(
      checks.filter((c) => c.status !== "pass").map((c) => c.id),
      ["complaints"],
    );
  });

  it("leaves the complaints check of every other batch at pass", async () => {
    const { body } = await verify(scenario("genuine").code);
    const checks = body.checks as { id: string; status: string }[];
    assert.equal(checks.find((c) => c.id === "complaints")?.status, "pass");
  });
});

describe("the response body follows the HTTP contract", () => {
  it("carries code, verdict, all fourteen checks with stable ids, batch and price", async () => {
    const { body } = await verify(scenario("genuine").code);
    const code = body.code as Record<string, unknown>;
    assert.deepEqual(Object.keys(code).sort(), ["expiry", "gtin", "lot", "serial"]);
    const checks = body.checks as { id: string; status: string; title: string; detail: string }[];
    assert.deepEqual(
      checks.map((c) => c.id),
      [
        "code",
        "registered",
        "signature",
        "licence",
        "workshop",
        "material",
        "tests",
        "release",
        "expiry",
        "recall",
        "custody",
        "clone",
        "price",
        "complaints",
      ],
    );
    for (const check of checks) {
      assert.ok(["pass", "warn", "fail", "unknown"].includes(check.status));
      assert.ok(check.title.length > 0 && check.detail.length > 0);
    }
    assert.ok(body.batch, "batch present");
    assert.equal((body.price as { cap: { fenPerPiece: number } }).cap.fenPerPiece, 180);
  });

  it("says why a box is suspect in the failing check", async () => {
    const { body } = await verify(scenario("recalled").code);
    const recall = (body.checks as { id: string; status: string; detail: string }[]).find(
      (c) => c.id === "recall",
    )!;
    assert.equal(recall.status, "fail");
    assert.match(recall.detail, /91\.2/);
  });

  it("tells when and where a sold serial was sold, not a bare 'already verified'", async () => {
    const { body } = await verify(scenario("cloned").code);
    const clone = (body.checks as { id: string; status: string; detail: string }[]).find(
      (c) => c.id === "clone",
    )!;
    assert.equal(clone.status, "fail");
    assert.match(clone.detail, /仁心大药房/);
    assert.match(clone.detail, /\d{4}-\d{2}-\d{2}/);
  });
});

describe("the same code in every form a scanner returns gives the same verdict", () => {
  it("accepts the GS1 element string with GS separators and a symbology identifier", async () => {
    const s = scenario("expired");
    const elementString = `]d2\u001d01${s.gtin}17260314\u001d10${s.lot}\u001d21${s.serial}`;
    const { status, body } = await verify(elementString);
    assert.equal(status, 200);
    assert.equal(body.verdict, "suspect");
  });

  it("accepts the bracketed human-readable form", async () => {
    const s = scenario("recalled");
    const { status, body } = await verify(`(01)${s.gtin}(10)${s.lot}(21)${s.serial}`);
    assert.equal(status, 200);
    assert.equal(body.verdict, "suspect");
  });

  it("answers a bare GTIN from a retail barcode with the product but no box verdict", async () => {
    const { status, body } = await verify("9521234500018");
    assert.equal(status, 200);
    assert.notEqual(body.verdict, "genuine");
    assert.ok(body.product);
  });
});

describe("a typed code", () => {
  // The genuine box's code without its signature: what a person types from the line under the QR.
  const unsigned = () => {
    const url = new URL(scenario("genuine").code);
    url.searchParams.delete("8030");
    return url;
  };
  const signatureOf = (body: Record<string, unknown>) =>
    (body.checks as { id: string; status: string }[]).find((c) => c.id === "signature")?.status;

  it("is judged as typed when the caller says so (what the desks send): unknown, not failed", async () => {
    const query = new URLSearchParams({ code: unsigned().href, typed: "1" });
    const response = await fetch(`${baseUrl()}/api/verify?${query.toString()}`);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(signatureOf(body), "unknown");
    assert.equal(body.verdict, "caution");
  });

  it("is judged as typed with its published check code: genuine", async () => {
    const s = scenario("genuine");
    const { body } = await verify(`${s.printed} ${s.checkCode ?? ""}`);
    assert.equal(signatureOf(body), "pass");
    assert.equal(body.verdict, "genuine");
  });

  it("is a scan otherwise, and a Digital Link path is always one, whatever its query says", async () => {
    assert.equal(signatureOf((await verify(unsigned().href)).body), "fail");
    const url = unsigned();
    url.searchParams.set("typed", "1");
    const response = await fetch(`${baseUrl()}${url.pathname}${url.search}`, {
      headers: { accept: "application/json" },
    });
    assert.equal(signatureOf((await response.json()) as Record<string, unknown>), "fail");
  });
});

describe("invalid input gets a 400 with a named error, never a 5xx", () => {
  const hostile = [
    "",
    " ",
    "x".repeat(100_000),
    "\u0000\u0001\u0002",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    '{"code":"09521234500018"}',
    "🙂🙂🙂",
    "\u202e81000543212590",
    "09521234500019",
    "https://example.com/01/09521234500018/21/1/10/A",
  ];
  for (const text of hostile) {
    it(`refuses ${JSON.stringify(text.slice(0, 30))}${text.length > 30 ? "…" : ""}`, async () => {
      const response = await fetch(`${baseUrl()}/api/verify?code=${encodeURIComponent(text)}`);
      assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "invalid_code");
      assert.ok(body.error.message.length > 0);
      assert.doesNotMatch(body.error.message, /<script/i);
    });
  }

  it("refuses a request without a code", async () => {
    const response = await fetch(`${baseUrl()}/api/verify`);
    assert.equal(response.status, 400);
  });

  it("refuses a POST with 405", async () => {
    const response = await fetch(`${baseUrl()}/api/verify?code=x`, { method: "POST" });
    assert.equal(response.status, 405);
  });
});

describe("the Digital Link route", () => {
  it("returns the verdict as JSON to Accept: application/json", async () => {
    const s = scenario("genuine");
    const path = new URL(s.code).pathname + new URL(s.code).search;
    const response = await fetch(`${baseUrl()}${path}`, { headers: { accept: "application/json" } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    const body = (await response.json()) as { verdict: string };
    assert.equal(body.verdict, "genuine");
  });

  it("returns the verdict page as HTML to a browser", async () => {
    const s = scenario("recalled");
    const path = new URL(s.code).pathname + new URL(s.code).search;
    const response = await fetch(`${baseUrl()}${path}`, { headers: { accept: "text/html" } });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Suspect/);
  });

  it("answers a malformed Digital Link path with a 400, not a 5xx", async () => {
    const response = await fetch(`${baseUrl()}/01/123/10/A`, { headers: { accept: "application/json" } });
    assert.equal(response.status, 400);
  });
});

describe("requests too large to parse", () => {
  it("answer a JSON 4xx, not a dropped connection", async () => {
    const response = await fetch(`${baseUrl()}/api/verify?code=${"x".repeat(400_000)}`);
    assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
    const body = (await response.json()) as { error: { code: string } };
    assert.ok(body.error.code.length > 0);
  });
});
