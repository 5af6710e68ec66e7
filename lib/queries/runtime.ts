// The server's shared services, created once per process from the validated configuration. Kept on
// globalThis because the custom server and Next's compiled routes load separate copies of this module
// and must share one chain reader and one scan log.
import { join } from "node:path";
import { env } from "../env";
import { readDeployment, type Deployment } from "../chain/deployment";
import { BoxReader } from "../chain/reader";
import { ScanLog } from "./scan-log";
import { Verifier } from "./verify";

export interface Runtime {
  deployment: Deployment;
  reader: BoxReader;
  scanLog: ScanLog;
  verifier: Verifier;
  region: number;
}

const KEY = Symbol.for("medproof.runtime");
type Holder = { [KEY]?: Runtime };

export function runtime(): Runtime {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const config = env();
    const deployment = readDeployment(config.deploymentFile);
    const reader = new BoxReader({ rpcUrl: config.rpcUrl, lensAddress: deployment.addresses.MedProofLens });
    const scanLog = new ScanLog(join(config.dataDir, "scan-log.jsonl"));
    holder[KEY] = {
      deployment,
      reader,
      scanLog,
      verifier: new Verifier(reader, scanLog),
      region: config.region,
    };
  }
  return holder[KEY];
}
