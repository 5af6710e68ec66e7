// The second half of `npm run build` (after `next build`): compiles the production entry server/main.ts
// and the repository's own modules it imports into one plain-JavaScript file, dist/server.js, which
// `npm run serve` runs with node, and the embedded database's thread into dist/pglite.worker.js beside
// it. Packages stay outside the bundle and are loaded from node_modules at run time, as with Next's own
// server: what they need is what `npm ci --omit=dev` installs, and e2e/http/production.test.ts checks that
// the server starts and answers with nothing more.
// esbuild is the compiler tsx runs on (so it is already installed wherever the build runs).
import { dirname, join } from "node:path";
import { build } from "esbuild";

export const SERVER_ENTRY = "server/main.ts";
export const SERVER_BUNDLE = "dist/server.js";
/** The embedded database's thread: lib/stores/db.ts starts it from beside the server. */
const PGLITE_THREAD = "lib/stores/pglite.worker.ts";

const BUNDLE = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  // The catalogues and other JSON the modules import go into the bundle; nothing is read from the tree.
  logLevel: "warning",
} as const;

/** Writes the production server to `outfile`; throws with esbuild's messages when it does not compile. */
export async function buildServer(outfile = SERVER_BUNDLE): Promise<void> {
  await build({ ...BUNDLE, entryPoints: [SERVER_ENTRY], outfile, sourcemap: "linked" });
  await build({
    ...BUNDLE,
    entryPoints: [PGLITE_THREAD],
    outfile: join(dirname(outfile), "pglite.worker.js"),
  });
}

if (require.main === module) {
  buildServer().catch((error: unknown) => {
    console.error(`Could not compile the production server: ${(error as Error).message}`);
    process.exit(1);
  });
}
