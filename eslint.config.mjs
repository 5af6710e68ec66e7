// Lint rules, including the one-way import rule of the architecture:
//   app → components → lib/queries → lib/chain → lib/domain
// lib/i18n (message catalogues, next-intl's request config) sits beside lib/domain: it reads the
// request's language and imports lib/domain only.
// A layer imports only layers to its right, and only lib/chain imports ethers.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const ETHERS_ONLY_IN_CHAIN = {
  name: "ethers",
  message: "Only lib/chain imports ethers: call a lib/chain function.",
};
const NODE_IO = ["fs", "node:fs", "fs/promises", "node:fs/promises", "http", "node:http", "net", "node:net"];

/** Files in `files` may not import the `forbidden` layers (by alias or relative path), nor `paths`. */
function layer(files, forbidden, message, paths = [ETHERS_ONLY_IN_CHAIN]) {
  // Relative forms too: "../chain/x" from lib/domain names the layer by its last folder.
  const group = forbidden.flatMap((dir) => {
    const last = dir.split("/").pop();
    return [`@/${dir}`, `@/${dir}/**`, `**/${dir}/**`, `../${last}`, `../${last}/**`];
  });
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { paths, patterns: group.length ? [{ group, message }] : [] }],
    },
  };
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
  layer(
    ["lib/domain/**"],
    ["app", "components", "lib/queries", "lib/chain", "lib/env", "server"],
    "lib/domain is pure: it imports no other layer.",
    [ETHERS_ONLY_IN_CHAIN, ...NODE_IO.map((name) => ({ name, message: "lib/domain is pure: no I/O." }))],
  ),
  layer(
    ["lib/chain/**"],
    ["app", "components", "lib/queries", "server"],
    "lib/chain imports only lib/domain and lib/env.",
    [],
  ),
  layer(
    ["lib/queries/**"],
    ["app", "components", "server"],
    "lib/queries imports only lib/chain, lib/domain, lib/i18n and lib/env.",
  ),
  layer(
    ["lib/i18n/**"],
    ["app", "components", "lib/queries", "lib/chain", "server"],
    "lib/i18n imports only lib/domain.",
  ),
  layer(["components/**"], ["app", "server"], "components import no routes."),
  layer(["app/**", "server/**", "scripts/**", "e2e/**", "lib/env.ts"], [], ""),
);
