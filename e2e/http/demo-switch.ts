// POST /api/session as the demo switch's form sends it, for the tests of a server other machines can
// reach. Those run one world per file: the server's configuration (lib/env.ts) is read once per process,
// so each exposure needs a process of its own.
export async function choose(base: string, body: unknown, language = "en") {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": language },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    /** The cookie set ("name=value"), or "" when none was. */
    cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]!,
    body: (await response.json()) as { error?: { code: string; message: string; field?: string } },
  };
}
