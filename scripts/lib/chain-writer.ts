// The benchmark's busy chain, in a process of its own: 仁心 sells boxes of a batch and the inspector records
// 仁心's price of it, through the back office's calls (the same contract calls the field desk makes), each
// waiting for its receipt. The server under test runs in the benchmark's process, so a writer there would
// wait behind the very load it runs beside: under 100 connections it managed 1.3–1.6 transactions a second
// of the 3 it aimed at. Local chain only (demo keys).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { startBusyWriter, type WriterFigures, type WriterLane } from "./busy-writer";
import { rpcProvider } from "../../lib/chain/provider";
import { readDeployment } from "../../lib/chain/deployment";
import { backoffice } from "../../lib/chain/backoffice";
import { demoActor } from "../demo/plugin";
import { PRICE_CAP_REGION } from "../demo/world";

export interface ChainWriterPlan {
  rpcUrl: string;
  deploymentFile: string;
  /** The batch whose boxes are sold and priced; 仁心 must hold boxes of it. */
  batchId: string;
  /** Serials to sell, in order; none of them sold before. */
  serials: number[];
  /** Transactions a second each lane aims at. */
  lanePerSecond: number;
}

export interface ChainWriter {
  /** Stops the writer once its transactions in flight are confirmed, and returns its figures. */
  stop(): Promise<WriterFigures>;
}

async function runWriter(plan: ChainWriterPlan): Promise<() => Promise<WriterFigures>> {
  const provider = rpcProvider(plan.rpcUrl);
  const deployment = readDeployment(plan.deploymentFile);
  const seller = await demoActor(provider, "renxin");
  const inspector = await demoActor(provider, "inspector");
  const lanes: WriterLane[] = [
    {
      name: "sales",
      send: (i) => {
        const serial = plan.serials[i];
        if (serial === undefined) return Promise.reject(new Error("no box left to sell"));
        return backoffice.decommission(deployment, seller, { batchId: plan.batchId, serial });
      },
    },
    {
      name: "price records",
      send: (i) =>
        backoffice.recordPrice(deployment, inspector, {
          seller: seller.address,
          batchId: plan.batchId,
          region: PRICE_CAP_REGION,
          channel: "retail",
          fen: 150, // under the retail cap: the busy chain changes records, not verdicts
          evidence: `bench price record ${Date.now()} ${i}`,
        }),
    },
  ];
  const writer = startBusyWriter(lanes, plan.lanePerSecond);
  return () => writer.stop();
}

/** Starts the writer in a child process; resolves once it is sending, rejects if it fails to start. */
export function startChainWriter(plan: ChainWriterPlan): Promise<ChainWriter> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", __filename], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout });
    let figures: WriterFigures | null = null;
    const exited = new Promise<number | null>((done) => child.once("close", (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the busy writer did not start within 60 s"));
    }, 60_000);
    child.once("error", reject);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the busy writer exited with ${code} before it started`));
    });
    lines.on("line", (line) => {
      if (line === "started") {
        clearTimeout(timer);
        resolve({
          async stop() {
            child.stdin.end();
            const code = await exited;
            if (code !== 0 || figures === null) throw new Error(`the busy writer exited with ${code}`);
            return figures;
          },
        });
      } else if (line.startsWith("{")) {
        figures = JSON.parse(line) as WriterFigures;
      }
    });
    child.stdin.write(`${JSON.stringify(plan)}\n`);
  });
}

// As a child process: the plan as the first line on stdin; "started" once sending; the figures as a JSON
// line when stdin closes.
if (require.main === module) {
  const input = createInterface({ input: process.stdin });
  let stop: Promise<() => Promise<WriterFigures>> | null = null;
  input.once("line", (line) => {
    stop = runWriter(JSON.parse(line) as ChainWriterPlan);
    stop.then(
      () => process.stdout.write("started\n"),
      (error: unknown) => {
        console.error(`busy writer: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
  input.once("close", () => {
    void (async () => {
      const figures = await (await (stop ?? Promise.reject(new Error("no plan"))))();
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    })().catch((error: unknown) => {
      console.error(`busy writer: ${(error as Error).message}`);
      process.exit(1);
    });
  });
}
