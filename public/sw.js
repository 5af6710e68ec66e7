// MedProof's service worker: the app shell and the verdicts opened before, offline (docs/architecture.md, "Installing and offline").
//
// - Pages: always the network first, so a verdict is fresh whenever there is a network. The shell
//   pages (home, scanner) are kept up to date from it. When the network fails — and only then — a
//   shell page comes from the cache, and any other page gets the /offline page at the address asked
//   for: it shows the verdict this browser saved for that address, labelled with its time, or says
//   that checking a box needs the network. A server's error answer is passed on as it is.
// - Next's build files (/_next/static/, named by their content, never changed): the cache first.
// - Everything else (the router's RSC fetches, /api/*, POSTs, other origins) is left alone. Offline,
//   the router's fetch fails and Next falls back to a page load, which comes back here.
//
// Content-Security-Policy: a kept page is served with the headers it came with, so its policy names
// the nonce its scripts carry and they run. That nonce is no longer secret, but the bytes are exactly
// those the server sent: nothing can be injected into them, and a fresh page gets a fresh nonce.

const SHELL_CACHE = "medproof-shell-v1";
/** Written by the pages (components/offline/saved-verdicts.ts): kept when this worker is replaced. */
const SAVED_VERDICTS_CACHE = "medproof-verdicts-v1";
const OFFLINE_PAGE = "/offline";
const SHELL_PAGES = ["/", "/scan", OFFLINE_PAGE];

/** The build files a page needs: its scripts and style sheets, and the chunks its RSC payload names. */
function buildFilesOf(html) {
  return html.match(/\/_next\/static\/[^"'\s\\)]+/g) ?? [];
}

/**
 * The chunks a script loads later, named "static/chunks/…" in Turbopack's output: the scanner's code
 * reader, so that a code can be read offline too. (Should the format change, nothing more is kept, and
 * the reader is kept the first time the scanner loads it online instead.)
 */
function laterChunksOf(script) {
  return (script.match(/"static\/chunks\/[^"]+\.js"/g) ?? []).map(
    (quoted) => `/_next/${quoted.slice(1, -1)}`,
  );
}

async function keepShell() {
  const cache = await caches.open(SHELL_CACHE);
  const pages = await Promise.all(
    SHELL_PAGES.map(async (path) => {
      const response = await fetch(path, { cache: "no-store" });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return { path, response, html: await response.clone().text() };
    }),
  );
  const buildFiles = new Set(pages.flatMap(({ html }) => buildFilesOf(html)));
  await cache.addAll([...buildFiles]);
  const scripts = await Promise.all(
    [...buildFiles]
      .filter((file) => file.endsWith(".js"))
      .map(async (file) => (await cache.match(file)).text()),
  );
  const laterChunks = new Set(scripts.flatMap(laterChunksOf).filter((file) => !buildFiles.has(file)));
  await cache.addAll([...laterChunks]);
  await Promise.all(pages.map(({ path, response }) => cache.put(path, response)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const kept = new Set([SHELL_CACHE, SAVED_VERDICTS_CACHE]);
      for (const name of await caches.keys()) if (!kept.has(name)) await caches.delete(name);
      // The page request starts while this worker wakes up, instead of after.
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

/**
 * The last resort, when even the kept /offline page is gone: plain words, no script. In both languages:
 * the worker does not know which one the reader chose (the words match lib/i18n/messages/…/offline.json).
 */
function offlineWords() {
  const html =
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    "<title>离线 · Offline · MedProof</title><h1>您已离线：查验包装盒需要联网</h1>" +
    '<p lang="en">You\'re offline: checking a box needs the network</p>';
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'" },
  });
}

async function page(event) {
  const url = new URL(event.request.url);
  const isShellPage = SHELL_PAGES.includes(url.pathname);
  let response;
  try {
    response = (await event.preloadResponse) ?? (await fetch(event.request));
  } catch {
    const cache = await caches.open(SHELL_CACHE);
    return (
      (await cache.match(isShellPage ? url.pathname : OFFLINE_PAGE)) ??
      (await cache.match(OFFLINE_PAGE)) ??
      offlineWords()
    );
  }
  if (response.ok && isShellPage && url.search === "") {
    const copy = response.clone();
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(url.pathname, copy)));
  }
  return response;
}

async function buildFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(event));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(buildFile(request));
});
