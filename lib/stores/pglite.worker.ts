// The embedded database's thread: PGlite runs each statement synchronously, so it runs here, off the event
// loop that answers verifications (db.ts sends each statement as a message). Opens and migrates the
// database once, then answers statements in the order they come; a statement's error keeps its SQLSTATE.
import { parentPort, workerData } from "node:worker_threads";
import { migrated, openPglite, type ThreadAnswer, type ThreadData, type ThreadRequest } from "./db";

const { dataDir, migrations } = workerData as ThreadData;
const engine = openPglite(dataDir).then((opened) => migrated(opened, migrations));
// Each request reports a failed open itself; this keeps it from also being an unhandled rejection.
engine.catch(() => undefined);

async function answer(request: ThreadRequest): Promise<unknown[]> {
  const db = await engine;
  if (request.op === "query") return db.query(request.text ?? "", request.params);
  if (request.op === "exec") await db.exec(request.text ?? "");
  if (request.op === "close") await db.close();
  return [];
}

parentPort?.on("message", (request: ThreadRequest) => {
  void answer(request).then(
    (rows) => parentPort?.postMessage({ id: request.id, ok: true, rows } satisfies ThreadAnswer),
    (error: unknown) => {
      const { message, code } = error as { message?: string; code?: unknown };
      const reply: ThreadAnswer = {
        id: request.id,
        ok: false,
        message: message ?? String(error),
        ...(typeof code === "string" ? { code } : {}),
      };
      parentPort?.postMessage(reply);
    },
  );
});
