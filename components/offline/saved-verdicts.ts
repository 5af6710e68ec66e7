// The verdicts this browser opened, kept for when it is offline: each box's verify answer (the JSON
// /api/verify gives) in Cache Storage, under the /api/verify URL of its code in canonical form, so
// the same box is found however its code was written. The verdict page saves; the offline page reads.
// The service worker (public/sw.js) keeps this cache across its updates and never answers from it.
import type { VerifyResponse } from "@/lib/queries/verify";

const CACHE_NAME = "medproof-verdicts-v1";
/** The most recent verdicts kept; older ones are dropped. */
const KEEP = 20;

export interface SavedVerdict {
  /** The verdict page's path on this site. */
  path: string;
  result: VerifyResponse;
}

// Codes arrive already in canonical form (lib/domain/gs1 canonicalCode): the verdict page computes it on
// the server, so the GS1 parser is not part of that page's scripts.
const keyOf = (code: string) => `/api/verify?code=${encodeURIComponent(code)}`;

function pathOf(key: Request): string {
  const link = new URL(new URL(key.url).searchParams.get("code") ?? "/", "http://localhost");
  return link.pathname + link.search;
}

async function readAll(cache: Cache): Promise<(SavedVerdict & { key: Request })[]> {
  const keys = await cache.keys();
  const saved = await Promise.all(
    keys.map(async (key) => {
      const response = await cache.match(key);
      return response ? { key, path: pathOf(key), result: (await response.json()) as VerifyResponse } : null;
    }),
  );
  return saved.filter((entry) => entry !== null);
}

/** Keeps this verdict (replacing an older one of the same box), and only the most recent ones. */
export async function saveVerdict(code: string, result: VerifyResponse): Promise<void> {
  const key = keyOf(code);
  // Cache Storage exists on https pages and localhost only.
  if (typeof caches === "undefined") return;
  const cache = await caches.open(CACHE_NAME);
  await cache.put(key, Response.json(result));
  const saved = await readAll(cache);
  if (saved.length <= KEEP) return;
  const oldestFirst = saved.sort((a, b) => a.result.checkedAt - b.result.checkedAt);
  await Promise.all(oldestFirst.slice(0, saved.length - KEEP).map(({ key }) => cache.delete(key)));
}

/** The saved verdict of this code (in canonical form), if this browser opened it before. */
export async function savedVerdict(code: string): Promise<VerifyResponse | null> {
  const key = keyOf(code);
  if (typeof caches === "undefined") return null;
  const response = await (await caches.open(CACHE_NAME)).match(key);
  return response ? ((await response.json()) as VerifyResponse) : null;
}

/** Every saved verdict, the most recent first. */
export async function savedVerdicts(): Promise<SavedVerdict[]> {
  if (typeof caches === "undefined") return [];
  const saved = await readAll(await caches.open(CACHE_NAME));
  return saved
    .sort((a, b) => b.result.checkedAt - a.result.checkedAt)
    .map(({ path, result }) => ({ path, result }));
}
