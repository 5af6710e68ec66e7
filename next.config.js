// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ethers and the embedded store stay on the server and are loaded from node_modules at run time.
  serverExternalPackages: ["ethers"],
};

module.exports = nextConfig;
