// Lint rules, including the one-way import rule of the architecture:
//   app → components → server → lib/queries (lib/stores beside it) → lib/chain → lib/domain
// app may import every layer but lib/chain (it reads through lib/queries); components import no routes,
// no server and no lib/chain. server/ is the production HTTP server and its helpers (one reply helper);
// lib/stores holds the file and memory stores the read models use, and imports no read model.
// lib/i18n (message catalogues, next-intl's request config) sits beside lib/domain: it reads the
// request's language and imports lib/domain only.
// A layer imports only layers to its right, only lib/chain imports ethers, and production code (app,
// components, server, lib) never imports the demo module (scripts/demo: its keys, its act-as parties):
// the embedded chain's starters install it through lib/chain/demo-plugin.ts, an interface and a slot.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const ETHERS_ONLY_IN_CHAIN = {
  name: "ethers",
  message: "Only lib/chain imports ethers: call a lib/chain function.",
};
const NODE_IO = ["fs", "node:fs", "fs/promises", "node:fs/promises", "http", "node:http", "net", "node:net"];

/** The demo module, by alias or relative path from any depth. */
const DEMO_GROUP = {
  group: ["@/scripts/demo", "@/scripts/demo/**", "**/scripts/demo", "**/scripts/demo/**"],
  message:
    "Production code never imports the demo module (scripts/demo): ask lib/chain/demo-plugin.ts for the installed demo.",
};

/** The import patterns that name the `forbidden` layers (by alias or relative path). */
function layerGroup(forbidden) {
  // Relative forms too: "../chain/x" from lib/domain names the layer by its last folder.
  return forbidden.flatMap((dir) => {
    const last = dir.split("/").pop();
    return [`@/${dir}`, `@/${dir}/**`, `**/${dir}/**`, `../${last}`, `../${last}/**`];
  });
}

function restrict(paths, patterns) {
  return { "no-restricted-imports": ["error", { paths, patterns }] };
}

/**
 * Files in `files` may not import the `forbidden` layers, nor `paths`. With `production`, nor the demo
 * module: their tests are held to the layer rule alone (a test may install the demo).
 */
function layer(files, forbidden, message, paths = [ETHERS_ONLY_IN_CHAIN], production = false) {
  const group = layerGroup(forbidden);
  const patterns = group.length ? [{ group, message }] : [];
  if (!production) return [{ files, rules: restrict(paths, patterns) }];
  const tests = files.filter((glob) => glob.endsWith("**")).map((glob) => `${glob}/*.test.ts`);
  const held = { files, ignores: tests, rules: restrict(paths, [...patterns, DEMO_GROUP]) };
  return tests.length ? [held, { files: tests, rules: restrict(paths, patterns) }] : [held];
}

// Words a reader sees come from the catalogues (lib/i18n/messages), never from the markup itself.
const NO_HARD_CODED_TEXT = {
  "no-restricted-syntax": [
    "error",
    {
      selector: "JSXText[value=/\\p{L}{2,}/u]",
      message: 'Text a reader sees comes from lib/i18n/messages: use t("…").',
    },
    {
      selector:
        "JSXAttribute[name.name=/^(aria-label|placeholder|title|alt|label)$/] > Literal[value=/\\p{L}{2,}/u]",
      message: 'Labels a reader (or screen reader) sees come from lib/i18n/messages: use t("…").',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "dist/**",
      ".data/**",
      "contracts/out/**",
      "contracts/cache/**",
      "lib/chain/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "e2e/.fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // In tests and benchmarks a missing value fails the run either way; `!` keeps them short.
    files: ["e2e/**", "**/*.test.ts", "scripts/bench*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The service worker: a classic script the browser runs as written (public/ is not built).
    files: ["public/sw.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        self: "readonly",
        caches: "readonly",
        fetch: "readonly",
        Response: "readonly",
        URL: "readonly",
      },
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: NO_HARD_CODED_TEXT,
  },
  ...layer(
    ["lib/domain/**"],
    ["app", "components", "server", "lib/queries", "lib/stores", "lib/chain", "lib/env"],
    "lib/domain is pure: it imports no other layer.",
    [ETHERS_ONLY_IN_CHAIN, ...NODE_IO.map((name) => ({ name, message: "lib/domain is pure: no I/O." }))],
    true,
  ),
  ...layer(
    ["lib/chain/**"],
    ["app", "components", "server", "lib/queries", "lib/stores"],
    "lib/chain imports only lib/domain and lib/env.",
    [],
    true,
  ),
  ...layer(
    ["lib/stores/**"],
    ["app", "components", "server", "lib/queries"],
    "lib/stores imports no read model: only lib/chain's types, lib/domain and lib/env.",
    [ETHERS_ONLY_IN_CHAIN],
    true,
  ),
  // A store's test may drive it through the read model that uses it (the scan log under the verifier).
  ...layer(["lib/stores/**/*.test.ts"], ["app", "components", "server"], "A store's test imports no route."),
  ...layer(
    ["lib/queries/**"],
    ["app", "components", "server"],
    "lib/queries imports only lib/stores, lib/chain, lib/domain, lib/i18n and lib/env.",
    [ETHERS_ONLY_IN_CHAIN],
    true,
  ),
  ...layer(
    ["lib/i18n/**"],
    ["app", "components", "server", "lib/queries", "lib/stores", "lib/chain"],
    "lib/i18n imports only lib/domain.",
    undefined,
    true,
  ),
  ...layer(["server/**"], ["app", "components"], "server/ imports no routes or components.", undefined, true),
  ...layer(
    ["components/**"],
    ["app", "server", "lib/chain"],
    "components import no routes, no server and no lib/chain: read through lib/queries.",
    undefined,
    true,
  ),
  ...layer(["app/**"], ["lib/chain"], "Routes read through lib/queries, never lib/chain.", undefined, true),
  ...layer(["lib/env.ts"], [], "", undefined, true),
  ...layer(["scripts/**", "e2e/**"], [], ""),
  // The demo module is chain code that only the demo runs (its keys, its seeded history): it derives
  // keys and sends transactions with ethers itself, as it did under lib/chain.
  ...layer(["scripts/demo/**"], [], "", []),
);
