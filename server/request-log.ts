// Every request's identity and its one access line: the request id (the caller's X-Request-Id when well
// formed, else a fresh one) is echoed in the reply and carried by every log line the request causes
// (lib/log.ts); when the reply is done, one line says what was asked and answered and how long it took.
// The line holds the method, the path without its query, the status and the time: no headers (cookies,
// the act-as session), no query (a scanned code), no client address.
import { AsyncResource } from "node:async_hooks";
import type { RequestListener } from "node:http";
import { log, requestIdOf, withRequestId } from "../lib/log";

export function observed(listener: RequestListener): RequestListener {
  return (req, res) => {
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    // Taken now: the front server may route the request elsewhere (a missing page to Next's 404).
    const path = (req.url ?? "").split("?")[0];
    withRequestId(requestId, () => {
      // "close" comes for every reply, finished or cut off (a client that went away, a destroyed socket);
      // bound, since an event runs in the context of whoever emits it, not of this request.
      res.once(
        "close",
        AsyncResource.bind(() => {
          log().info(
            {
              method: req.method,
              path,
              status: res.statusCode,
              finished: res.writableFinished,
              ms: Math.round((performance.now() - started) * 10) / 10,
            },
            "request",
          );
        }),
      );
      listener(req, res);
    });
  };
}
