// The operators' endpoints, answered by the front server before Next: GET /healthz (is this instance fit
// for traffic: 200, or 503 naming the failing probe) for load balancers and orchestrators, and
// GET /metrics (Prometheus text) for the scraper. Neither says anything secret: block numbers, ages,
// the relayer's public address and balance, counts. Who may reach them: docs/operations.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "../lib/metrics";
import { checkHealth, type HealthProbe } from "../lib/queries/health";
import { errorBody, writeReply } from "./reply";

const pathOf = (req: IncomingMessage) => (req.url ?? "").split("?")[0] ?? "";

export const isOpsRequest = (req: IncomingMessage): boolean =>
  pathOf(req) === "/healthz" || pathOf(req) === "/metrics";

/** Answers /healthz or /metrics (the method was checked at the door: GET or HEAD). */
export async function handleOps(
  req: IncomingMessage,
  res: ServerResponse,
  probes: HealthProbe[],
): Promise<void> {
  if (pathOf(req) === "/metrics") {
    const { registry } = metrics();
    const text = await registry.metrics();
    res.writeHead(200, {
      "content-type": registry.contentType,
      "cache-control": "no-store",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
    return;
  }
  const report = await checkHealth(probes);
  if (report.healthy) {
    writeReply(res, { status: 200, body: { status: "ok", probes: report.probes } });
    return;
  }
  const failing = report.failing.join(", ");
  writeReply(res, {
    status: 503,
    body: {
      ...errorBody("unhealthy", `Failing: ${failing}.`),
      failing: report.failing,
      probes: report.probes,
    },
    cause: report.failing
      .map((name) => `${name}: ${String((report.probes[name] as { error?: string }).error)}`)
      .join("; "),
  });
}
