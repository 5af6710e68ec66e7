// Security headers through HTTP: every page has a strict Content-Security-Policy with a nonce of its own,
// which its scripts carry; answers that are not pages may run nothing; HSTS only when the browser came
// over https (here: a proxy on this machine says so).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";

const pathOf = (code: string) => new URL(code).pathname + new URL(code).search;

const PAGES: { name: string; path: string; status: number }[] = [
  { name: "the home page", path: "/", status: 200 },
  { name: "the scanner", path: "/scan", status: 200 },
  { name: "a verdict page", path: pathOf(scenario("genuine").code), status: 200 },
  { name: "a page that does not exist", path: "/no-such-page", status: 404 },
];

const NOT_PAGES: { name: string; path: string; accept: string }[] = [
  {
    name: "/api/verify",
    path: `/api/verify?code=${encodeURIComponent(scenario("genuine").code)}`,
    accept: "application/json",
  },
  { name: "/api/verify refusing bad input", path: "/api/verify?code=nonsense", accept: "application/json" },
  {
    name: "a Digital Link asked for JSON",
    path: pathOf(scenario("genuine").code),
    accept: "application/json",
  },
  { name: "a demo file", path: "/demo/scenarios.json", accept: "*/*" },
];

const HSTS = "max-age=63072000; includeSubDomains";
const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl()}${path}`, { headers, redirect: "manual" });
  return { response, body: await response.text() };
}

/** The policy's directives by name, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  const parsed = policy
    .split(";")
    .map((directive) => directive.trim().split(/\s+/))
    .filter((words) => words[0] !== "");
  return new Map(parsed.map(([name, ...sources]) => [name!, sources]));
}

async function pagePolicy(path: string) {
  const { response, body } = await get(path, { accept: "text/html" });
  const policy = response.headers.get("content-security-policy");
  assert.ok(policy, `no content-security-policy on ${path}`);
  const scriptSources = directives(policy).get("script-src") ?? [];
  const nonces = scriptSources.flatMap((source) => /^'nonce-(.+)'$/.exec(source)?.[1] ?? []);
  assert.equal(nonces.length, 1, `script-src should hold one nonce: ${policy}`);
  return { response, body, policy, nonce: nonces[0]! };
}

describe("every page's Content-Security-Policy", () => {
  for (const page of PAGES) {
    describe(page.name, () => {
      it("is an HTML page with a strict policy: nonce and 'strict-dynamic' for scripts, nothing unsafe", async () => {
        const { response, policy } = await pagePolicy(page.path);
        assert.equal(response.status, page.status);
        assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
        const policyOf = directives(policy);
        assert.ok(policyOf.get("script-src")?.includes("'strict-dynamic'"), policy);
        assert.ok(!policyOf.get("script-src")?.includes("'unsafe-inline'"), policy);
        assert.ok(!policy.includes("'unsafe-eval'"), policy);
        assert.deepEqual(policyOf.get("default-src"), ["'self'"]);
        assert.deepEqual(policyOf.get("frame-ancestors"), ["'none'"]);
        assert.deepEqual(policyOf.get("object-src"), ["'none'"]);
        assert.deepEqual(policyOf.get("base-uri"), ["'none'"]);
        assert.deepEqual(policyOf.get("form-action"), ["'self'"]);
        assert.deepEqual(policyOf.get("connect-src"), ["'self'"]);
        assert.deepEqual(policyOf.get("worker-src"), ["'self'"]);
        assert.deepEqual(policyOf.get("img-src"), ["'self'", "data:", "blob:"]);
      });

      it("has a fresh nonce on every request, 128 random bits", async () => {
        const first = await pagePolicy(page.path);
        const second = await pagePolicy(page.path);
        assert.notEqual(first.nonce, second.nonce);
        for (const { nonce } of [first, second]) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      });

      it("puts that nonce on every one of its <script> tags", async () => {
        const { body, nonce } = await pagePolicy(page.path);
        const scripts = body.match(/<script\b[^>]*>/g) ?? [];
        assert.ok(scripts.length > 0, "the page has no scripts");
        const without = scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`));
        assert.deepEqual(without, [], `scripts without this request's nonce`);
      });

      it("ignores a policy the client sends, so the client cannot choose the nonce", async () => {
        const { response, body } = await get(page.path, {
          accept: "text/html",
          "content-security-policy": "script-src 'nonce-chosenbytheclient'",
        });
        assert.ok(!(response.headers.get("content-security-policy") ?? "").includes("chosenbytheclient"));
        assert.ok(!body.includes("chosenbytheclient"));
      });

      it("keeps nosniff, the referrer policy, framing and camera rules", async () => {
        const { response } = await get(page.path, { accept: "text/html" });
        assert.equal(response.headers.get("x-content-type-options"), "nosniff");
        assert.equal(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
        assert.equal(response.headers.get("x-frame-options"), "DENY");
        assert.match(response.headers.get("permissions-policy") ?? "", /camera=\(self\)/);
      });
    });
  }
});

describe("answers that are not pages", () => {
  for (const answer of NOT_PAGES) {
    it(`${answer.name}: nosniff, and a policy under which nothing loads, runs or frames it`, async () => {
      const { response } = await get(answer.path, { accept: answer.accept });
      assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      assert.equal(response.headers.get("content-security-policy"), RESOURCE_CSP);
      assert.equal(response.headers.get("x-frame-options"), "DENY");
    });
  }
});

describe("Strict-Transport-Security", () => {
  const paths = [PAGES[0]!.path, NOT_PAGES[0]!.path];

  it("is never sent over plain http: it would pin local development to https", async () => {
    for (const path of paths) {
      const { response } = await get(path);
      assert.equal(response.headers.get("strict-transport-security"), null, path);
    }
  });

  it("is sent when the proxy on this machine says the browser came over https", async () => {
    for (const path of paths) {
      const { response } = await get(path, { "x-forwarded-proto": "https" });
      assert.equal(response.headers.get("strict-transport-security"), HSTS, path);
    }
  });

  it("is not sent when the proxy says http, whatever an earlier hop claimed", async () => {
    for (const proto of ["http", "https, http"]) {
      const { response } = await get(paths[0]!, { "x-forwarded-proto": proto });
      assert.equal(response.headers.get("strict-transport-security"), null, proto);
    }
  });
});

describe("a verdict page's Vary", () => {
  // The same Digital Link answers HTML, JSON or a linkset by Accept, in the cookie's or the browser's
  // language: a shared cache must keep one answer per combination, and never serve one for another.
  const path = pathOf(scenario("genuine").code);
  const names = (vary: string | null) =>
    (vary ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== "");

  for (const accept of ["text/html", "application/json", "application/linkset+json"]) {
    it(`names Accept, Accept-Language and Cookie when asked for ${accept}`, async () => {
      const { response } = await get(path, { accept });
      assert.equal(response.status, 200);
      const vary = names(response.headers.get("vary"));
      for (const name of ["accept", "accept-language", "cookie"])
        assert.ok(vary.includes(name), `${name}: ${vary}`);
    });
  }
});
