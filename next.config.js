// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ethers and ws (the chain watcher) stay on the server and are loaded from node_modules at run time.
  serverExternalPackages: ["ethers", "ws"],
};

module.exports = nextConfig;
