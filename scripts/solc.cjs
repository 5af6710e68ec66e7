#!/usr/bin/env node
// forge cannot download a compiler offline: it calls this shim, which runs the pinned solc-js from npm.
const solc = require("solc");
const args = process.argv.slice(2);
if (args.includes("--version")) {
  console.log("solc, the solidity compiler commandline interface\nVersion: " + solc.version());
  process.exit(0);
}
process.stdout.write(solc.compile(require("fs").readFileSync(0, "utf8")));
