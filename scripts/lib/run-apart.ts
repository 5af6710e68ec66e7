// Runs a script module as a child Node process for one job: the job as JSON on its stdin, its answer as
// JSON on its stdout. The benchmark's load generator and label signers run apart this way, so their
// work does not share an event loop (or a core) with the server they measure.
import { spawn } from "node:child_process";

/** Runs `file` (a module that answers on stdout when it is the main module) with `job`; its answer. */
export function runApart<T>(file: string, job: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", file], { stdio: ["pipe", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}`));
      resolve(JSON.parse(output) as T);
    });
    child.stdin.end(JSON.stringify(job));
  });
}
