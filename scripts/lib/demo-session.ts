// How tests, the soak and benchmarks act as a demo party: as a browser does, through the demo switch.
// A module of its own with no imports, so Playwright specs and HTTP tests can use it without loading
// the chain and server that world.ts starts.
/**
 * The act-as cookie ("medproof-act-as=<sealed value>") as the demo switch sets it, through
 * POST /api/session on a server that serves the switch: a cookie typed by hand names nobody.
 */
export async function demoSessionCookie(base: string, party: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ party }),
  });
  // The switch also clears the wallet's cookie: take the act-as one.
  const cookie =
    response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0] ?? "")
      .find((pair) => pair.startsWith("medproof-act-as=")) ?? "";
  if (response.status !== 200 || cookie === "")
    throw new Error(`could not act as ${party}: ${response.status} ${await response.text()}`);
  return cookie;
}
