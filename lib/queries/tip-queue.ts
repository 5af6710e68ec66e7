// The inspectors' side of the tips about suspected fakes: who may read them (an account holding the
// inspector role, by the request's session), and the queue as /inspector shows it: open tips newest
// first, each with its seller's standing on the record. Tips are not public: a tip names a shop before
// anyone has examined it, and holds a reporter's photo.
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";
import { describeError } from "../chain/errors";
import type { SellerStanding } from "../chain/field";
import type { EvidencePhoto } from "../stores/evidence-store";
import type { Tip } from "../stores/tip-store";
import { chainUnavailable } from "./chain-unavailable";
import { sellerStanding } from "./field";
import { runtime } from "./runtime";
import { currentSession, fieldError, type ErrorReply, type FieldResponse } from "./session";

export interface QueuedTip extends Tip {
  /** The named seller's standing, or null for a shop not on the record. */
  standing: SellerStanding | null;
}

type Cookies = Parameters<typeof currentSession>[0];

/** Null when the request's session holds the inspector role, else the refusal (401, 403 or 503). */
async function refusalUnlessInspector(cookies: Cookies, locale: Locale): Promise<ErrorReply | null> {
  const t = translatorFor(locale, "tips");
  try {
    const session = await currentSession(cookies);
    if (session === null) return fieldError(401, "not_signed_in", t("api.notInspector"));
    if (!session.roles.includes("INSPECTOR")) return fieldError(403, "not_inspector", t("api.notInspector"));
    return null;
  } catch (error) {
    if (describeError(error).code !== "chain_unavailable") throw error;
    return { status: 503, body: { error: chainUnavailable(locale) }, cause: error };
  }
}

/** The open tips with their sellers' standing (the page has checked the role already). */
export async function tipQueue(): Promise<QueuedTip[]> {
  const tips = await runtime().tips.queue();
  return Promise.all(
    tips.map(async (tip) => ({
      ...tip,
      standing: tip.sellerAddress === null ? null : await sellerStanding(tip.sellerAddress),
    })),
  );
}

/** GET /api/tips: the open tips, for an inspector. */
export async function tipsForInspector(
  cookies: Cookies,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<{ tips: Tip[] }>> {
  const refused = await refusalUnlessInspector(cookies, locale);
  if (refused !== null) return refused;
  return { status: 200, body: { tips: await runtime().tips.queue() } };
}

/** GET /api/tips/<id>/photo: a tip's photo, for an inspector. */
export async function tipPhotoForInspector(
  cookies: Cookies,
  idText: string,
  locale: Locale = FALLBACK_LOCALE,
): Promise<{ status: 200; photo: EvidencePhoto } | ErrorReply> {
  const refused = await refusalUnlessInspector(cookies, locale);
  if (refused !== null) return refused;
  const photo = await runtime().tips.photo(idText);
  if (photo === null)
    return fieldError(
      404,
      "photo_not_found",
      translatorFor(locale, "tips")("api.tipNotFound", { id: idText }),
    );
  return { status: 200, photo };
}
