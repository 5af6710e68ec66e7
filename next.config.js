// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// Language per request from the switch's cookie or Accept-Language; no locale in the URL, so the
// Digital Link paths printed on boxes stay exactly as GS1 defines them.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ethers and ws (the chain watcher), and the database clients (PGlite loads its WebAssembly from its own
  // folder), stay on the server and are loaded from node_modules at run time; so does prom-client, whose
  // one registry the front server's /metrics and the pages share.
  serverExternalPackages: ["ethers", "ws", "@electric-sql/pglite", "pg", "prom-client"],
};

module.exports = withNextIntl(nextConfig);
