// The machine's own limits, measured in the same run as the app so every figure can be read as a ratio
// to them: a plain node:http handler answering a small JSON body, and the same handler doing one native
// secp256k1 verification per request (OpenSSL through node:crypto, exactly as lib/chain/serials.ts checks
// a code of a known signer) — the irreducible cost of a box nobody has verified before. Each runs in a
// child process of its own, like the load generator, so neither shares an event loop with what it is
// compared to. Also here: the cost of one verification in OpenSSL and in libsecp256k1 (tiny-secp256k1).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as secp256k1 from "tiny-secp256k1";
import { serialMessage } from "../../lib/chain/serials";
import { signLabel } from "./new-boxes";

export type ReferenceKind = "json" | "verify";

export interface ReferenceServer {
  port: number;
  stop(): Promise<void>;
}

/** Signed serial messages of one random key, and that key as node:crypto and libsecp256k1 take it. */
function signedMessages(count: number) {
  let secret = randomBytes(32);
  while (!secp256k1.isPrivate(secret)) secret = randomBytes(32);
  const privateKey = `0x${secret.toString("hex")}`;
  const point = Buffer.from(secp256k1.pointFromScalar(secret, false) as Uint8Array);
  const publicKey: KeyObject = createPublicKey({
    key: {
      kty: "EC",
      crv: "secp256k1",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const messages = Array.from({ length: count }, (_, i) => {
    const serial = String(100001 + i);
    const message = serialMessage("09521234500018", "REF", serial);
    const signature = Buffer.from(signLabel(privateKey, "09521234500018", "REF", serial), "base64url");
    return { message, signature };
  });
  return { publicKey, point, messages };
}

function serve(kind: ReferenceKind): void {
  const { publicKey, messages } = signedMessages(1024);
  let next = 0;
  const server = createServer((request, response) => {
    let body: string;
    let status = 200;
    if (kind === "verify") {
      const { message, signature } = messages[next++ % messages.length] as (typeof messages)[number];
      const valid = verify("sha256", message, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature);
      // A signature that does not verify would make the figure meaningless: say so loudly.
      status = valid ? 200 : 500;
      body = JSON.stringify({ valid });
    } else {
      body = JSON.stringify({ verdict: "genuine", path: request.url });
    }
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
  });
  process.on("SIGTERM", () => process.exit(0));
}

/** Starts a reference server in a child process; rejects if it does not listen within 20 s. */
export function startReference(kind: ReferenceKind): Promise<ReferenceServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", __filename, kind], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the ${kind} reference server did not start within 20 s`));
    }, 20_000);
    let output = "";
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${kind} reference server exited with ${code} before it listened`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("\n")) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        port: Number(output.trim()),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

export interface VerifyCost {
  /** Microseconds per verification of a 64-byte r‖s signature over a serial message, hash included. */
  opensslMicros: number;
  libsecp256k1Micros: number;
  rounds: number;
}

/** Alternating rounds of each, so a neighbour's burst of load falls on both alike. */
function measureVerifyCost(): VerifyCost {
  const { publicKey, point, messages } = signedMessages(256);
  const digests = messages.map(({ message }) => createHash("sha256").update(message).digest());
  const rounds = 8;
  const perRound = 256;
  let openssl = 0;
  let wasm = 0;
  const time = (run: () => boolean) => {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) if (!run()) throw new Error("a reference signature did not verify");
    return performance.now() - started;
  };
  for (let round = 0; round <= rounds; round++) {
    let i = 0;
    const o = time(() => {
      const { message, signature } = messages[i++ % messages.length] as (typeof messages)[number];
      return verify("sha256", message, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature);
    });
    let j = 0;
    const w = time(() => {
      const k = j++ % messages.length;
      const { message, signature } = messages[k] as (typeof messages)[number];
      const digest = createHash("sha256").update(message).digest();
      return digest.equals(digests[k] as Buffer) && secp256k1.verify(digest, point, signature);
    });
    // Round 0 warms both up (JIT, WebAssembly compilation).
    if (round > 0) {
      openssl += o;
      wasm += w;
    }
  }
  const micros = (ms: number) => Math.round((ms * 1000) / (rounds * perRound));
  return { opensslMicros: micros(openssl), libsecp256k1Micros: micros(wasm), rounds };
}

/** Measures VerifyCost in a child process (nothing else of the benchmark on its event loop). */
export function verifyCostApart(): Promise<VerifyCost> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", __filename, "cost"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the verification cost measurement exited with ${code}`));
      resolve(JSON.parse(output) as VerifyCost);
    });
  });
}

if (require.main === module) {
  const kind = process.argv[2];
  if (kind === "cost") process.stdout.write(JSON.stringify(measureVerifyCost()));
  else if (kind === "json" || kind === "verify") serve(kind);
  else {
    console.error(`usage: reference-servers.ts json|verify|cost (got ${kind})`);
    process.exit(2);
  }
}
