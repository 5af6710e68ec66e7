// Reading a JSON request body in a route handler with a size limit (answered with server/reply.ts);
// every failure is a named 4xx the client can show, in the request's language.
import { env } from "../lib/env";
import { translatorFor } from "../lib/i18n/translator";
import { localeOf } from "../lib/queries/cookies";
import type { ApiError } from "../lib/queries/complaints";

export type BodyResult =
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: ApiError };

export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const t = translatorFor(localeOf(request), "apiErrors");
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false,
      status: 415,
      error: {
        code: "unsupported_media_type",
        message: t("unsupportedMediaType"),
      },
    };
  }
  const tooLarge = {
    ok: false,
    status: 413,
    error: {
      code: "request_too_large",
      message: t("requestTooLarge", { megabytes: Math.round(maxBytes / 1024 / 1024) }),
    },
  } as const;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
  } catch {
    return {
      ok: false,
      status: 400,
      error: { code: "invalid_json", message: t("invalidJson") },
    };
  }
}

/**
 * The client's rate-limit key, its IPv4 address or IPv6 /64 (set by server/server.ts, never by the
 * client).
 */
export function clientOf(request: Request): string {
  return request.headers.get("x-medproof-client") ?? request.headers.get("x-medproof-device") ?? "unknown";
}

/**
 * The origin (scheme://host[:port]) the request was made to, as server/server.ts found it (never the
 * client's own header: the server replaces it); the configured base when the request did not pass there.
 */
export function originOf(request: Request): string {
  return request.headers.get("x-medproof-origin") ?? env().digitalLinkBase;
}
