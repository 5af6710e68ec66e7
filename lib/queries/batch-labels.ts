// A batch whose labels were made where they are printed (the manufacturer's browser, or the CLI): the
// server never sees the label-signing key. The registration carries only the key's address and the
// possession root (registerBatch in backoffice.ts sends it through the maker's wallet, as every desk
// action), and the published possession list is taken only when its root is the one the batch registered
// on chain, so every app instance can check a complaint against it and nobody can store another list.
import { z } from "zod";
import type { BatchTerms } from "../chain/backoffice";
import { readBatch } from "../chain/backoffice-desk";
import { rpcProvider } from "../chain/provider";
import { publishedListMismatch } from "../domain/possession-tree";
import type { Locale } from "../domain/locale";
import { env } from "../env";
import { translatorFor } from "../i18n/translator";
import { runtime } from "./runtime";
import { chainUnavailableReply, fieldError, type ErrorReply, type FieldResponse } from "./session";

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const batchById = (batchId: string) => readBatch(runtime().deployment, provider(), batchId);
const words = (locale: Locale) => translatorFor(locale, "labelMaker");

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;
/** The most boxes a published list may have: 100,000 leaves are about 7 MB of JSON. */
export const MAX_LIST_LEAVES = 100_000;
/**
 * The publish route's body limit: the most leaves and as many check-code digests (about 14 MB of JSON),
 * with room around them. At 8 MB a list of over ~60,000 boxes sent with its check codes was refused as
 * too large.
 */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** What the browser made: the label-signing key's address and the possession root; null when absent. */
export type MadeLabels = Pick<BatchTerms, "signer"> & { possessionRoot: string };

/**
 * The made labels in a registration's body (null when it carries none), or a named 400. A wallet's
 * registration must carry them: the server makes no labels for a wallet's account.
 */
export function madeLabelsOf(
  input: unknown,
  byWallet: boolean,
  locale: Locale,
): MadeLabels | null | ErrorReply {
  const t = words(locale);
  const body = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const { signer, possessionRoot } = body;
  if (signer === undefined && possessionRoot === undefined)
    return byWallet ? fieldError(400, "labels_required", t("api.labelsRequired"), "signer") : null;
  if (typeof signer !== "string" || !ADDRESS.test(signer))
    return fieldError(400, "invalid_request", t("api.signer"), "signer");
  if (typeof possessionRoot !== "string" || !HASH.test(possessionRoot) || /^0x0{64}$/.test(possessionRoot))
    return fieldError(400, "invalid_request", t("api.root"), "possessionRoot");
  return { signer, possessionRoot };
}

const listSchema = (t: ReturnType<typeof words>) =>
  z.object(
    {
      serialStart: z
        .number({ error: t("api.list", { max: MAX_LIST_LEAVES }) })
        .int()
        .nonnegative(),
      leaves: z
        .array(z.string().regex(HASH), { error: t("api.list", { max: MAX_LIST_LEAVES }) })
        .min(1)
        .max(MAX_LIST_LEAVES),
      checkCodes: z.array(z.string().regex(HASH)).max(MAX_LIST_LEAVES).optional(),
    },
    { error: t("api.list", { max: MAX_LIST_LEAVES }) },
  );

/**
 * A batch's possession list, published by whoever made its labels: stored for every app instance only
 * when it is the batch's (its first serial, one leaf a box, and the root registered on chain). Anyone may
 * send it, since nothing but the maker's own list passes; a mismatch is a named 409. With it may come each
 * label's check-code digest (`checkCodes`, one a leaf), taken only with the list's first publication:
 * until then only the maker knows the list, so knowing it proves who sends the digests, and nobody can
 * later publish digests for codes of their own.
 */
export async function publishPossessionList(
  batchId: string,
  input: unknown,
  locale: Locale,
): Promise<FieldResponse<{ batchId: string; boxes: number }>> {
  const t = words(locale);
  if (!HASH.test(batchId)) return fieldError(400, "invalid_batch", t("api.batchNotFound"));
  const parsed = listSchema(t).safeParse(input);
  if (!parsed.success)
    return fieldError(400, "invalid_possession_list", t("api.list", { max: MAX_LIST_LEAVES }));
  const list = {
    serialStart: parsed.data.serialStart,
    leaves: parsed.data.leaves.map((l) => l.toLowerCase()),
  };
  try {
    const batch = await batchById(batchId);
    if (batch === null) return fieldError(404, "batch_not_found", t("api.batchNotFound"));
    const mismatch = publishedListMismatch(list, batch);
    if (mismatch === "no_root") return fieldError(409, "no_possession_root", t("api.noRoot"));
    if (mismatch === "serial_start")
      return fieldError(
        409,
        "possession_list_mismatch",
        t("api.serialStart", { first: String(batch.serialStart), given: String(list.serialStart) }),
        "serialStart",
      );
    if (mismatch === "box_count")
      return fieldError(
        409,
        "possession_list_mismatch",
        t("api.boxCount", { boxes: batch.boxes, leaves: list.leaves.length }),
        "leaves",
      );
    if (mismatch === "root_mismatch")
      return fieldError(409, "possession_root_mismatch", t("api.rootMismatch"), "leaves");
    const { checkCodes } = parsed.data;
    if (checkCodes !== undefined) {
      if (checkCodes.length !== list.leaves.length)
        return fieldError(400, "invalid_check_codes", t("api.checkCodes"), "checkCodes");
      if ((await runtime().possession.read(batchId.toLowerCase())) !== null)
        return fieldError(409, "check_codes_after_list", t("api.checkCodesLate"), "checkCodes");
    }
    await runtime().possession.write(batchId.toLowerCase(), list);
    if (checkCodes !== undefined)
      await runtime().checkCodes.write(
        checkCodes.map((digest, i) => ({
          batchId: batchId.toLowerCase(),
          serial: String(list.serialStart + i),
          digest: digest.toLowerCase(),
        })),
      );
    return { status: 200, body: { batchId, boxes: list.leaves.length } };
  } catch (error) {
    return chainUnavailableReply(locale, error);
  }
}

/** The Digital Link origin a maker's browser prints in its labels' QR codes (this app's resolver). */
export const labelLinkBase = (): string => runtime().digitalLinkBase;
