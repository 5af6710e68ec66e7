// A small closed-loop load generator: `connections` clients on kept-alive sockets, each sending its next
// request when the previous answer arrives, for a fixed time. Every latency is kept, so percentiles are
// exact (autocannon reports p90 and p97.5, not p95). Loopback only. It runs in a child process
// (runLoadApart) so it never shares an event loop with the server it measures.
import { Agent, request } from "node:http";
import { runApart } from "./run-apart";

export interface LoadRequest {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** Requests with the same label get figures of their own (LoadResult.byLabel). */
  label?: string;
}

/** The figures of one label's requests. */
export interface LabelFigures {
  requests: number;
  latencyMs: { p50: number; p95: number; max: number };
  statuses: Record<string, number>;
  /** Requests not answered within the timeout. */
  hung: number;
}

export interface Sample {
  /** Epoch milliseconds, comparable across processes. */
  startedAt: number;
  endedAt: number;
  status: number;
  /** The "verdict" field of a JSON answer, when there is one. */
  verdict: string | null;
  /**
   * What the answer says, without its wording or clock: the verdict and each check's id and status
   * ("caution custody:warn …"), when it has checks; else the verdict. Two answers with different
   * fingerprints disagree about the box.
   */
  fingerprint: string | null;
}

/** See Sample.fingerprint. */
export function verdictFingerprint(body: string): string | null {
  let answer: { verdict?: unknown; checks?: unknown };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return null;
  }
  if (typeof answer.verdict !== "string") return null;
  const checks = Array.isArray(answer.checks) ? (answer.checks as { id?: unknown; status?: unknown }[]) : [];
  return [answer.verdict, ...checks.map((check) => `${String(check.id)}:${String(check.status)}`)].join(" ");
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Responses with status ≥ 500 or no response at all. */
  errors: number;
  /** Requests not answered within the timeout (counted in errors too, as status 0). */
  hung: number;
  statuses: Record<string, number>;
  /** Per LoadRequest.label, for requests that have one. */
  byLabel: Record<string, LabelFigures>;
}

/** The p-th percentile of ascending `sorted`, to 0.01. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

export interface LoadOptions {
  host: string;
  port: number;
  connections: number;
  seconds: number;
  /** Sent in rotation. */
  requests: LoadRequest[];
  /** Keep response bodies (for correctness checks); off for plain throughput runs. */
  keepSamples?: boolean;
  /** Stop after this many requests, even before the time is up. */
  maxRequests?: number;
  /** A request not answered within this many ms is given up and counted as hung (default 30 s). */
  timeoutMs?: number;
}

export async function runLoad(options: LoadOptions): Promise<{ result: LoadResult; samples: Sample[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const samples: Sample[] = [];
  const statuses: Record<string, number> = {};
  const labelled = new Map<string, { latencies: number[]; statuses: Record<string, number>; hung: number }>();
  let errors = 0;
  let hung = 0;
  let counter = 0;
  const deadline = performance.now() + options.seconds * 1000;

  const send = (req: LoadRequest): Promise<{ status: number; body: string; timedOut: boolean }> =>
    new Promise((resolve) => {
      let timedOut = false;
      const r = request(
        {
          agent,
          host: options.host,
          port: options.port,
          path: req.path,
          method: req.method ?? "GET",
          headers: { ...(req.body ? { "content-type": "application/json" } : {}), ...req.headers },
          timeout: options.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), timedOut: false }),
          );
          res.on("error", () => resolve({ status: 0, body: "", timedOut }));
        },
      );
      r.on("error", () => resolve({ status: 0, body: "", timedOut }));
      r.on("timeout", () => {
        timedOut = true;
        r.destroy();
      });
      r.end(req.body);
    });

  const client = async () => {
    const limit = options.maxRequests ?? Number.POSITIVE_INFINITY;
    while (performance.now() < deadline && counter < limit) {
      const req = options.requests[counter++ % options.requests.length] as LoadRequest;
      const startedAt = performance.now();
      const { status, body, timedOut } = await send(req);
      const endedAt = performance.now();
      latencies.push(endedAt - startedAt);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 0 || status >= 500) errors += 1;
      if (timedOut) hung += 1;
      if (req.label !== undefined) {
        const figures = labelled.get(req.label) ?? { latencies: [], statuses: {}, hung: 0 };
        figures.latencies.push(endedAt - startedAt);
        figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
        if (timedOut) figures.hung += 1;
        labelled.set(req.label, figures);
      }
      if (options.keepSamples) {
        const verdict = /"verdict":"([a-z_]+)"/.exec(body)?.[1] ?? null;
        samples.push({
          startedAt: performance.timeOrigin + startedAt,
          endedAt: performance.timeOrigin + endedAt,
          status,
          verdict,
          fingerprint: verdictFingerprint(body),
        });
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    result: {
      connections: options.connections,
      seconds: Math.round(elapsed * 10) / 10,
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / elapsed),
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      errors,
      hung,
      statuses,
      byLabel: Object.fromEntries(
        [...labelled].map(([label, figures]) => {
          const sorted = figures.latencies.sort((a, b) => a - b);
          return [
            label,
            {
              requests: sorted.length,
              latencyMs: {
                p50: percentile(sorted, 50),
                p95: percentile(sorted, 95),
                max: percentile(sorted, 100),
              },
              statuses: figures.statuses,
              hung: figures.hung,
            },
          ];
        }),
      ),
    },
    samples,
  };
}

/** Runs the load from a separate Node process and returns its figures. */
export function runLoadApart(options: LoadOptions): Promise<{ result: LoadResult; samples: Sample[] }> {
  return runApart(__filename, options, "the load generator");
}

// As a child process: options on stdin, figures on stdout.
if (require.main === module) {
  let input = "";
  process.stdin.on("data", (chunk: Buffer) => (input += chunk.toString()));
  process.stdin.on("end", () => {
    void runLoad(JSON.parse(input) as LoadOptions).then((out) => process.stdout.write(JSON.stringify(out)));
  });
}
