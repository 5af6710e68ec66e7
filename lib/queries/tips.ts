// The tips desk behind /api/tips: a report of a suspected fake from someone who holds a box the record
// does not vouch for (a Suspect or Not-on-the-record verdict). Unlike a complaint it needs no secret from
// inside a genuine box, and it charges nobody: it is kept in the database with the code's scan history for
// the inspectors' queue, and only an inspector who confirms it records a finding on chain (field.ts,
// confirmTip). Every refusal is a named error in the request's language; nothing is kept for a refused
// tip. Photos are checked and kept as a complaint's are (complaints.ts parsePhoto, the evidence store).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { gs1ErrorMessage } from "../domain/gs1-messages";
import { parseScannedCode } from "../domain/gs1";
import type { Messages } from "../i18n/catalogues";
import { translatorFor } from "../i18n/translator";
import { ChainUnavailableError, type BoxReader } from "../chain/reader";
import { listSellers, type SellerEntry } from "../chain/field";
import type { Deployment } from "../chain/deployment";
import { rpcProvider } from "../chain/provider";
import { describeError } from "../chain/errors";
import { prepareEvidence, type EvidencePhoto, type EvidenceStore } from "../stores/evidence-store";
import { RateLimiter } from "../stores/rate-limit";
import type { Db } from "../stores/db";
import type { DbScanStore } from "../stores/scan-store";
import type { Tip, TipStore } from "../stores/tip-store";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";
import {
  CONTROL,
  descriptionField,
  fail,
  limited,
  MAX_PRICE_YUAN,
  parsePhoto,
  pricePaidField,
  type DeskResponse,
} from "./complaints";

export type { Tip };

const HOUR_MS = 60 * 60_000;
/** Tips per client an hour: a person reports a few fakes, not dozens (complaints allow 20 filings). */
export const TIPS_PER_HOUR = 10;
/** The largest request body accepted: a phone photo (4 MB) in base64 plus the fields. */
export const MAX_TIP_BODY_BYTES = 6 * 1024 * 1024;

type TipMessage = keyof Messages["tips"]["api"];
/** A schema's message is the catalogue key of its sentence (lib/i18n/messages/<lang>/tips.json, "api"). */
const say = (key: TipMessage) => key;

const ADDRESS = /0x[0-9a-fA-F]{40}/;

const tipSchema = z.object({
  code: z
    .string({ error: say("codeRequired") })
    .trim()
    .min(1, say("codeRequired"))
    .max(4096, say("codeRequired")),
  // A registered seller: its address, or its shop QR's profile link (…/participants/0x…), pasted or scanned.
  seller: z.string().max(2048, say("sellerFormat")).optional(),
  // A shop that is not on the record, by the name the reporter knows it by.
  sellerName: z
    .string()
    .trim()
    .max(200, say("sellerNameTooLong"))
    .refine((text) => !CONTROL.test(text), say("sellerNameTooLong"))
    .optional(),
  boughtOn: z.string({ error: say("boughtOnRequired") }).regex(/^\d{4}-\d{2}-\d{2}$/, say("boughtOnFormat")),
  place: z
    .string()
    .trim()
    .max(200, say("placeTooLong"))
    .refine((text) => !CONTROL.test(text), say("placeTooLong"))
    .optional(),
  pricePaid: pricePaidField(say),
  description: descriptionField(say),
  evidence: z.string().max(MAX_TIP_BODY_BYTES).optional(),
});

type TipRequest = z.infer<typeof tipSchema>;

export interface TipFiled {
  id: number;
  status: "open";
}

/** The earliest purchase date taken: masks are not kept for decades. */
const EARLIEST_PURCHASE = "2000-01-01";

/** YYYY-MM-DD of today in China time, with a day's grace for a reporter ahead of the server's clock. */
function latestPurchaseDate(now: number): string {
  return new Date(now + 24 * HOUR_MS + 8 * HOUR_MS).toISOString().slice(0, 10);
}

const isCalendarDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

export interface TipDeskOptions {
  deployment: Deployment;
  db: Db;
  rpcUrl: string;
  reader: BoxReader;
  scans: Pick<DbScanStore, "past">;
  evidence: EvidenceStore;
  tips: TipStore;
  now?: () => number;
}

export class TipDesk {
  /** Complete tips per client (IPv4 address or IPv6 /64), counted in the shared database. */
  private readonly perClient: RateLimiter;
  private readonly now: () => number;

  constructor(private readonly options: TipDeskOptions) {
    this.perClient = new RateLimiter(options.db, "tips-per-client", TIPS_PER_HOUR, HOUR_MS);
    this.now = options.now ?? Date.now;
  }

  async file(
    input: unknown,
    client: string,
    locale: Locale = FALLBACK_LOCALE,
  ): Promise<DeskResponse<TipFiled>> {
    const words = translatorFor(locale, "tips");
    const t = (key: TipMessage, values?: Record<string, number>) => words(`api.${key}`, values);
    const parsed = tipSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key =
        issue !== undefined && words.has(`api.${issue.message}` as `api.${TipMessage}`)
          ? (issue.message as TipMessage)
          : "incomplete";
      return fail(
        400,
        "invalid_request",
        t(key, { max: MAX_PRICE_YUAN }),
        issue?.path.join(".") || undefined,
      );
    }
    const request = parsed.data;
    const scanned = parseScannedCode(request.code);
    if (!scanned.ok) return fail(400, "invalid_code", gs1ErrorMessage(scanned.error, locale), "code");
    const dateError = this.purchaseDateError(request.boughtOn);
    if (dateError !== null) return fail(400, "invalid_request", t(dateError), "boughtOn");
    const sellerAddress =
      request.seller === undefined || request.seller.trim() === "" ? null : ADDRESS.exec(request.seller)?.[0];
    if (sellerAddress === undefined) return fail(400, "invalid_request", t("sellerFormat"), "seller");
    const sellerName = request.sellerName ?? "";
    if (sellerAddress === null && sellerName.length < 2)
      return fail(400, "seller_required", t("sellerRequired"), "seller");
    let photo: EvidencePhoto | null = null;
    if (request.evidence !== undefined && request.evidence !== "") {
      const checked = parsePhoto(translatorFor(locale, "apiErrors"), request.evidence);
      if ("code" in checked) return fail(400, checked.code, checked.message, checked.field);
      photo = checked;
    }

    // Counted once the tip is complete and about to cost chain reads and a database row.
    const allowed = await this.perClient.take(client);
    if (!allowed.allowed) return limited(t("tooManyTips"), allowed.retryAfterSeconds);

    const code = scanned.code;
    let seller: SellerEntry | null = null;
    let batchId: string | null = null;
    try {
      if (sellerAddress !== null) {
        const sellers = await listSellers(
          this.options.deployment,
          rpcProvider(this.options.rpcUrl, this.options.deployment.chainId),
        );
        seller = sellers.find((s) => s.address.toLowerCase() === sellerAddress.toLowerCase()) ?? null;
        if (seller === null) return fail(400, "seller_not_registered", t("sellerUnknown"), "seller");
      }
      if (code.lot !== null) batchId = (await this.options.reader.read(code)).batch?.id ?? null;
    } catch (error) {
      if (error instanceof ChainUnavailableError || describeError(error).code === CHAIN_UNAVAILABLE.code)
        return { ...fail(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable")), cause: error };
      throw error;
    }
    const createdAt = Math.floor(this.now() / 1000);
    const evidence = prepareEvidence(statementOf(request, seller, createdAt), photo);
    const scans =
      code.lot !== null && code.serial !== null
        ? await this.options.scans.past(`${code.gtin}/${code.lot}/${code.serial}`)
        : { total: 0, latest: [] };
    await this.options.evidence.save(evidence);
    const id = await this.options.tips.add({
      createdAt,
      code: request.code,
      gtin: code.gtin,
      lot: code.lot,
      serial: code.serial,
      batchId,
      sellerAddress: seller?.address ?? null,
      sellerName: seller?.name ?? sellerName,
      boughtOn: request.boughtOn,
      place: request.place || null,
      priceFen: request.pricePaid === undefined ? null : Math.round(request.pricePaid * 100),
      description: request.description,
      evidenceHash: evidence.hash,
      scans,
    });
    return { status: 201, body: { id, status: "open" } };
  }

  private purchaseDateError(date: string): TipMessage | null {
    if (!isCalendarDate(date)) return "boughtOnFormat";
    if (date > latestPurchaseDate(this.now())) return "boughtOnFuture";
    if (date < EARLIEST_PURCHASE) return "boughtOnFormat";
    return null;
  }

  /** The open tips, newest first: for inspectors only (the caller checks the role). */
  queue(): Promise<Tip[]> {
    return this.options.tips.open();
  }

  /** A tip's photo, for inspectors only (the caller checks the role). */
  async photo(idText: string): Promise<EvidencePhoto | null> {
    if (!/^\d{1,12}$/.test(idText)) return null;
    const tip = await this.options.tips.get(Number(idText));
    return tip === null ? null : this.options.evidence.photo(tip.evidenceHash);
  }
}

/**
 * What the evidence hash covers: every fact of the tip and when it came in, so a finding on chain names
 * this report and no other.
 */
function statementOf(request: TipRequest, seller: SellerEntry | null, createdAt: number): string {
  return [
    // Two identical reports in one second are still two reports: each statement, and so each hash, is its own.
    `Tip: suspected fake (${randomUUID()})`,
    `Reported: ${new Date(createdAt * 1000).toISOString()}`,
    `Code: ${request.code}`,
    `Seller: ${seller === null ? (request.sellerName ?? "") : `${seller.name} (${seller.address})`}`,
    `Bought: ${request.boughtOn}${request.place ? `, ${request.place}` : ""}`,
    `Price paid: ${request.pricePaid === undefined ? "not given" : `${request.pricePaid.toFixed(2)} yuan`}`,
    "",
    request.description,
  ].join("\n");
}
