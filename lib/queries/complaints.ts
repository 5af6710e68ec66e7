// The complaints desk behind /api/complaints: checks a consumer's complaint before anything is written
// (the code, the secret from inside the box against the batch's published possession list, the fields,
// the evidence), files it through the relayer, and reads complaints back with their history.
// Every refusal is a named error with a sentence in the request's language (the code is the same in
// every language); nothing is stored for a refused complaint.
import { z } from "zod";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import type { Messages } from "../i18n/catalogues";
import { translatorFor } from "../i18n/translator";
import { gs1ErrorMessage } from "../domain/gs1-messages";
import { parseScannedCode, type ScannedCode } from "../domain/gs1";
import { InvalidBoxSecretError, parseBoxSecret } from "../domain/box-secret";
import type { BatchInfo, ComplaintKind } from "../domain/record";
import { ChainUnavailableError, type BoxReader } from "../chain/reader";
import { possessionLeaf, possessionProof, possessionRoot } from "../chain/possession";
import { RelayError, type Relayer } from "../chain/relay";
import {
  claimKeyAddress,
  fileComplaintRelayed,
  readComplaint,
  withdrawRelayed,
  type ComplaintRecord,
} from "../chain/complaints";
import type { Deployment } from "../chain/deployment";
import { onDisk, type DurabilityBarrier } from "../chain/durability";
import { rpcProvider } from "../chain/provider";
import {
  prepareEvidence,
  type EvidencePhoto,
  type EvidenceStore,
  type PhotoType,
} from "../stores/evidence-store";
import type { PossessionStore } from "../stores/possession-store";
import { RateLimiter } from "../stores/rate-limit";
import type { Db } from "../stores/db";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";

export interface ApiError {
  code: string;
  message: string;
  /** The request field the error is about, when there is one. */
  field?: string;
}

export type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A relayed transaction sent but not confirmed in time: not lost, and not yet on the record. */
export interface PendingBody {
  status: "pending";
  txHash: string | null;
  message: string;
}

export interface ErrorResponse {
  status: ErrorStatus;
  body: { error: ApiError };
  /** Seconds, for a 429. */
  retryAfter?: number;
  /** What went wrong (the error caught): logged by server/reply.ts, never sent. */
  cause?: unknown;
}

export type DeskResponse<T> =
  { status: 200; body: T } | { status: 201; body: T } | { status: 202; body: PendingBody } | ErrorResponse;

const HOUR_MS = 60 * 60_000;
/** Enough for a person who mistypes the code inside the box a few times, on a few boxes. */
export const WRONG_SECRETS_PER_HOUR = 10;

/** The largest request body accepted: a phone photo (4 MB) in base64 plus the fields. */
export const MAX_COMPLAINT_BODY_BYTES = 6 * 1024 * 1024;
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
/** The most a box of masks plausibly costs, in yuan: a price above is a typo. */
export const MAX_PRICE_YUAN = 10_000;

const PHOTO_SIGNATURES: Record<PhotoType, (b: Buffer) => boolean> = {
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  webp: (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

// Control characters other than tab and newlines have no place in a description someone typed.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

type ApiMessage = keyof Messages["apiErrors"];
/** A schema's message is the catalogue key of its sentence (lib/i18n/messages/<lang>/apiErrors.json). */
const say = (key: ApiMessage) => key;

/** The sentences a complaint's and a tip's catalogues both have for what a buyer typed about the box. */
type PurchaseMessage =
  "descriptionRequired" | "descriptionTooLong" | "descriptionControl" | "priceFormat" | "priceRange";

/** What went wrong with the box, in the buyer's words: the same rules on a complaint and a tip. */
export const descriptionField = (words: (key: PurchaseMessage) => string) =>
  z
    .string({ error: words("descriptionRequired") })
    .trim()
    .min(3, words("descriptionRequired"))
    .max(2000, words("descriptionTooLong"))
    .refine((text) => !CONTROL.test(text), words("descriptionControl"));

/** The price paid for the box, in yuan (a number or its decimal text), when the buyer gives one. */
export const pricePaidField = (words: (key: PurchaseMessage) => string) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, words("priceFormat"))])
    .transform(Number)
    .refine((yuan) => Number.isFinite(yuan) && yuan >= 0 && yuan <= MAX_PRICE_YUAN, words("priceRange"))
    .optional();

const complaintSchema = z.object({
  code: z
    .string({ error: say("codeRequired") })
    .min(1, say("codeRequired"))
    .max(4096),
  secret: z.string({ error: say("secretRequired") }).max(64, say("secretTooLong")),
  kind: z.enum(["spec-failure", "counterfeit", "price-above-cap"], { error: say("kindInvalid") }),
  description: descriptionField(say),
  pricePaid: pricePaidField(say),
  seller: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, say("sellerFormat"))
    .optional(),
  evidence: z.string().max(MAX_COMPLAINT_BODY_BYTES).optional(),
});

const withdrawSchema = z.object({
  claimKey: z.string({ error: say("claimKeyRequired") }).regex(/^0x[0-9a-fA-F]{64}$/, {
    message: say("claimKeyFormat"),
  }),
  to: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, say("payToFormat"))
    .optional(),
});

export type Translate = ReturnType<typeof translatorFor<"apiErrors">>;

/** The first problem zod found, as a named error in the reader's language. */
function invalidRequest(t: Translate, issues: z.core.$ZodIssue[], otherwise: ApiMessage): ErrorResponse {
  const issue = issues[0];
  const key =
    issue !== undefined && t.has(issue.message as ApiMessage) ? (issue.message as ApiMessage) : otherwise;
  return fail(400, "invalid_request", t(key, { max: MAX_PRICE_YUAN }), issue?.path.join(".") || undefined);
}

export interface FiledResponse {
  id: number;
  status: "open";
  txHash: string;
  /** The complainant's key: keep it to collect compensation. Shown once; the server does not keep it. */
  claimKey: string;
  url: string;
}

export interface ComplaintView extends ComplaintRecord {
  description: string | null;
  /** Where the photo filed with it is served (GET /api/complaints/<id>/photo), or null without one. */
  photoUrl: string | null;
}

export const fail = (status: ErrorStatus, code: string, message: string, field?: string): ErrorResponse => ({
  status,
  body: { error: field ? { code, message, field } : { code, message } },
});

export const limited = (message: string, retryAfter: number): ErrorResponse => ({
  ...fail(429, "rate_limited", message),
  retryAfter,
});

/** Contract refusals that are about the state of the box rather than the request. */
const CONFLICTS = new Set(["ComplaintAlreadyOpen", "SerialAlreadyCompensated", "PossessionClaimedByAnother"]);
const BAD_REQUEST = new Set([
  "SellerRequired",
  "NotASeller",
  "SellerNeverHeldBatch",
  "PricePaidTooHigh",
  "InvalidPossessionProof",
]);

/**
 * A relayed transaction that failed. The contract's refusals are lib/chain/errors.ts's sentences, in
 * English until that module speaks the request's language too.
 */
function relayFailure(error: RelayError): ErrorResponse | { status: 202; body: PendingBody } {
  const { code, message } = error.plain;
  if (error.failure === "unavailable")
    return { ...fail(503, code === "relay_unavailable" ? code : "chain_unavailable", message), cause: error };
  if (error.failure === "pending")
    return { status: 202, body: { status: "pending", txHash: error.txHash, message } };
  if (CONFLICTS.has(code)) return fail(409, code, message);
  if (BAD_REQUEST.has(code)) return fail(400, code, message);
  return fail(422, code, message);
}

/** A photo sent as a data URL, checked as a complaint's is (the tips desk takes photos the same way). */
export function parsePhoto(t: Translate, dataUrl: string): EvidencePhoto | ApiError {
  const match = /^data:image\/(jpeg|png|webp);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (match === null) {
    return {
      code: "invalid_evidence",
      message: t("photoType"),
      field: "evidence",
    };
  }
  const type = match[1] as PhotoType;
  const bytes = Buffer.from(match[2] ?? "", "base64");
  if (bytes.length > MAX_PHOTO_BYTES) {
    return {
      code: "invalid_evidence",
      message: t("photoTooLarge"),
      field: "evidence",
    };
  }
  if (!PHOTO_SIGNATURES[type](bytes)) {
    return {
      code: "invalid_evidence",
      message: t("photoNotReal", { type: type.toUpperCase() }),
      field: "evidence",
    };
  }
  return { type, bytes };
}

export interface DeskOptions {
  deployment: Deployment;
  /** The shared database the desk's rate limits count in (one budget across app instances). */
  db: Db;
  rpcUrl: string;
  reader: BoxReader;
  possession: PossessionStore;
  evidence: EvidenceStore;
  relayer: () => Promise<Relayer>;
  /** The embedded chain's barrier: a filing is answered once it is on disk (null on other chains). */
  durability: DurabilityBarrier | null;
  /** True while every chain change is reported to invalidate(): only then are complaints cached. */
  cacheIsSafe: () => boolean;
}

export class ComplaintDesk {
  // Clients are keyed by IPv4 address or IPv6 /64 (lib/domain/client-address.ts).
  /** Complete filings per client: a person files a few complaints, not dozens. */
  private readonly perClient: RateLimiter;
  /**
   * Wrong secrets per client: counted against whoever types them, never against the box, so that
   * guesses (hopeless anyway at 128 bits) cannot lock the box's real holder out.
   */
  private readonly wrongSecrets: RateLimiter;
  /** Filings per box by someone who holds its secret: a box needs one complaint, not a flood. */
  private readonly perBox: RateLimiter;
  /** Possession roots already checked against their published list, per batch. */
  private readonly checkedLists = new Map<string, string>();
  /** Complaints as last read (a dozen RPC calls each), until the chain changes. */
  private readonly views = new Map<number, ComplaintView>();
  /** Counts invalidations, so a read that overlapped a change is not kept. */
  private generation = 0;

  /** The chain changed: forget what was read from it. */
  invalidate(): void {
    this.generation += 1;
    this.views.clear();
  }

  constructor(private readonly options: DeskOptions) {
    this.perClient = new RateLimiter(options.db, "complaints-per-client", 20, HOUR_MS);
    this.wrongSecrets = new RateLimiter(options.db, "wrong-secrets", WRONG_SECRETS_PER_HOUR, HOUR_MS);
    this.perBox = new RateLimiter(options.db, "complaints-per-box", 5, HOUR_MS);
  }

  async file(
    input: unknown,
    client: string,
    locale: Locale = FALLBACK_LOCALE,
  ): Promise<DeskResponse<FiledResponse>> {
    const t = translatorFor(locale, "apiErrors");
    const parsed = complaintSchema.safeParse(input);
    if (!parsed.success) return invalidRequest(t, parsed.error.issues, "incomplete");
    const request = parsed.data;
    const scanned = parseScannedCode(request.code);
    if (!scanned.ok) {
      const reason = gs1ErrorMessage(scanned.error, locale);
      return fail(400, "invalid_code", reason, "code");
    }
    const code = scanned.code;
    if (code.lot === null || code.serial === null || !/^\d{1,19}$/.test(code.serial)) {
      return fail(400, "code_without_serial", t("codeWithoutSerial"), "code");
    }
    const guesses = await this.wrongSecrets.peek(client);
    if (!guesses.allowed) return limited(t("tooManyWrongSecrets"), guesses.retryAfterSeconds);
    let secret: Uint8Array;
    try {
      secret = parseBoxSecret(request.secret);
    } catch (error) {
      if (error instanceof InvalidBoxSecretError)
        return fail(400, "invalid_secret", t("invalidSecret"), "secret");
      throw error;
    }
    const photo = request.evidence === undefined ? null : parsePhoto(t, request.evidence);
    if (photo !== null && "code" in photo) return fail(400, photo.code, photo.message, photo.field);
    if (
      (request.kind === "counterfeit" || request.kind === "price-above-cap") &&
      request.seller === undefined
    ) {
      return fail(400, "SellerRequired", t("sellerRequired"), "seller");
    }

    // Counted once a complaint is complete and about to cost chain reads and a relayed transaction.
    const byClient = await this.perClient.take(client);
    if (!byClient.allowed) {
      return limited(t("tooManyFromHere"), byClient.retryAfterSeconds);
    }
    let batch: BatchInfo | null;
    try {
      batch = (await this.options.reader.read(code)).batch;
    } catch (error) {
      if (error instanceof ChainUnavailableError)
        return { ...fail(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable")), cause: error };
      throw error;
    }
    if (batch === null) return fail(404, "batch_not_found", t("batchNotFound"), "code");
    const proof = await this.proofOf(t, batch, code, secret);
    if ("code" in proof) {
      if (proof.code !== "wrong_secret") return fail(422, proof.code, proof.message, proof.field);
      await this.wrongSecrets.take(client);
      return fail(400, proof.code, proof.message, proof.field);
    }
    // The serial is a number: 0100030 and 100030 are one box, with one budget.
    const byBox = await this.perBox.take(`${code.gtin}/${code.lot}/${BigInt(code.serial)}`);
    if (!byBox.allowed) return limited(t("tooManyForBox"), byBox.retryAfterSeconds);

    const evidence = prepareEvidence(request.description, photo);
    const filing = {
      gtin: code.gtin,
      lot: code.lot,
      batchId: batch.id,
      serial: Number(code.serial),
      kind: request.kind as ComplaintKind,
      secret,
      proof: proof.path,
      pricePaidFen: Math.round((request.pricePaid ?? 0) * 100),
      seller: request.seller ?? null,
      evidenceHash: evidence.hash,
    };
    try {
      const relayer = await this.options.relayer();
      // The evidence is kept only once the contract has accepted the filing in simulation.
      const filed = await fileComplaintRelayed(relayer, this.options.deployment, filing, () =>
        this.options.evidence.save(evidence),
      );
      if (!(await onDisk(this.options.durability)))
        return fail(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable"));
      return {
        status: 201,
        body: {
          id: filed.id,
          status: "open",
          txHash: filed.txHash,
          claimKey: filed.claimKey,
          url: `/complaints/${filed.id}`,
        },
      };
    } catch (error) {
      if (error instanceof RelayError) return relayFailure(error);
      throw error;
    }
  }

  /** The Merkle path of the box's leaf, after checking the secret and the published list. */
  private async proofOf(
    t: Translate,
    batch: BatchInfo,
    code: ScannedCode,
    secret: Uint8Array,
  ): Promise<{ path: string[] } | ApiError> {
    if (/^0x0{64}$/.test(batch.possessionRoot)) {
      return {
        code: "PossessionNotCommitted",
        message: t("possessionNotCommitted"),
      };
    }
    const serial = Number(code.serial);
    const index = serial - batch.serialStart;
    if (index < 0 || index >= batch.boxes) {
      return {
        code: "SerialNotInBatch",
        message: t("serialNotInBatch", { serial: String(serial) }),
        field: "code",
      };
    }
    const list = await this.options.possession.read(batch.id);
    if (list === null || !this.listMatches(batch, list.leaves)) {
      return {
        code: "possession_list_missing",
        message: t("possessionListMissing"),
      };
    }
    const leafIndex = serial - list.serialStart;
    if (list.leaves[leafIndex] !== possessionLeaf(serial, secret)) {
      return {
        code: "wrong_secret",
        message: t("wrongSecret", { serial: String(serial) }),
        field: "secret",
      };
    }
    return { path: possessionProof(list.leaves, leafIndex) };
  }

  private listMatches(batch: BatchInfo, leaves: string[]): boolean {
    if (this.checkedLists.get(batch.id) === batch.possessionRoot) return true;
    const matches = possessionRoot(leaves) === batch.possessionRoot.toLowerCase();
    if (matches) this.checkedLists.set(batch.id, batch.possessionRoot);
    return matches;
  }

  async complaint(idText: string, locale: Locale = FALLBACK_LOCALE): Promise<DeskResponse<ComplaintView>> {
    const t = translatorFor(locale, "apiErrors");
    if (!/^\d{1,12}$/.test(idText)) return fail(400, "invalid_id", t("invalidId"));
    const id = Number(idText);
    const cached = this.options.cacheIsSafe() ? this.views.get(id) : undefined;
    if (cached !== undefined) return { status: 200, body: cached };
    const generation = this.generation;
    try {
      const record = await readComplaint(
        rpcProvider(this.options.rpcUrl, this.options.deployment.chainId),
        this.options.deployment,
        id,
      );
      if (record === null) return fail(404, "complaint_not_found", t("complaintNotFound", { id: idText }));
      const filed = record.history.find((e) => e.name === "ComplaintFiled");
      const statement = filed ? await this.options.evidence.statement(filed.args.evidenceHash ?? "") : null;
      const view = {
        ...record,
        description: statement?.description ?? null,
        photoUrl: statement?.photo ? `/api/complaints/${id}/photo` : null,
      };
      if (this.options.cacheIsSafe() && generation === this.generation) this.views.set(id, view);
      return { status: 200, body: view };
    } catch (error) {
      if (error instanceof RelayError) return relayFailure(error);
      return { ...fail(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable")), cause: error };
    }
  }

  /** The photo filed with a complaint, as its on-chain evidence hash names it; 404 without one. */
  async photo(
    idText: string,
    locale: Locale = FALLBACK_LOCALE,
  ): Promise<{ status: 200; photo: EvidencePhoto } | ErrorResponse> {
    const shown = await this.complaint(idText, locale);
    if (shown.status !== 200) return shown as ErrorResponse;
    const filed = shown.body.history.find((e) => e.name === "ComplaintFiled");
    const photo = await this.options.evidence.photo(filed?.args.evidenceHash ?? "");
    if (photo === null) {
      const t = translatorFor(locale, "apiErrors");
      return fail(404, "photo_not_found", t("photoNotFound", { id: idText }));
    }
    return { status: 200, photo };
  }

  async withdraw(
    idText: string,
    input: unknown,
    locale: Locale = FALLBACK_LOCALE,
  ): Promise<DeskResponse<{ txHash: string; amountFen: number; recipient: string }>> {
    const t = translatorFor(locale, "apiErrors");
    const parsed = withdrawSchema.safeParse(input);
    if (!parsed.success) return invalidRequest(t, parsed.error.issues, "requestIncomplete");
    const shown = await this.complaint(idText, locale);
    if (shown.status !== 200 && shown.status !== 201) return shown;
    if (claimKeyAddress(parsed.data.claimKey)?.toLowerCase() !== shown.body.complainant.toLowerCase()) {
      return fail(403, "not_complainant", t("notComplainant"), "claimKey");
    }
    try {
      const relayer = await this.options.relayer();
      const paid = await withdrawRelayed(relayer, parsed.data.claimKey, parsed.data.to ?? null);
      if (!(await onDisk(this.options.durability)))
        return fail(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable"));
      return { status: 200, body: paid };
    } catch (error) {
      if (error instanceof RelayError) return relayFailure(error);
      throw error;
    }
  }
}
