import { isLocale, LOCALE_COOKIE } from "@/lib/domain/locale";

export const dynamic = "force-dynamic";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Only a path on this site: a Referer from elsewhere (or none) goes home. */
function backPath(request: Request): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    // The Host the browser asked for: behind server/server.ts, request.url names the address the
    // server listens on (0.0.0.0, 127.0.0.1), not the one in the address bar.
    const host = request.headers.get("host") ?? new URL(request.url).host;
    // "//evil.example" (or "/\evil.example", which browsers read the same way) is another site.
    if (from.host !== host || /^\/[/\\]/.test(from.pathname)) return "/";
    return `${from.pathname}${from.search}`;
  } catch {
    return "/";
  }
}

/**
 * The language switch: a plain form posting `locale=zh-CN|en` (it works without JavaScript). Sets the
 * cookie that outranks Accept-Language and goes back to the page it came from.
 */
export async function POST(request: Request): Promise<Response> {
  let locale: FormDataEntryValue | null = null;
  try {
    locale = (await request.formData()).get("locale");
  } catch {
    // Not a form: answered below like an unknown language.
  }
  if (!isLocale(locale)) {
    return Response.json(
      { error: { code: "unknown_locale", message: "Choose zh-CN (中文) or en (English)." } },
      { status: 400 },
    );
  }
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location: backPath(request),
      "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`,
    },
  });
}
