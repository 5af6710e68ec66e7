// The complaints desk behind /api/complaints: checks a consumer's complaint before anything is written
// (the code, the secret from inside the box against the batch's published possession list, the fields,
// the evidence), files it through the relayer, and reads complaints back with their history.
// Every refusal is a named error with a sentence; nothing is stored for a refused complaint.
import { z } from "zod";
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
import { rpcProvider } from "../chain/provider";
import { prepareEvidence, type EvidencePhoto, type EvidenceStore, type PhotoType } from "./evidence-store";
import type { PossessionStore } from "./possession-store";
import { RateLimiter } from "./rate-limit";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";

export interface ApiError {
  code: string;
  message: string;
  /** The request field the error is about, when there is one. */
  field?: string;
}

type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

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
}

export type DeskResponse<T> =
  { status: 200; body: T } | { status: 201; body: T } | { status: 202; body: PendingBody } | ErrorResponse;

/** The largest request body accepted: a phone photo (4 MB) in base64 plus the fields. */
export const MAX_COMPLAINT_BODY_BYTES = 6 * 1024 * 1024;
const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
/** The most a box of masks plausibly costs, in yuan: a price above is a typo. */
const MAX_PRICE_YUAN = 10_000;

const PHOTO_SIGNATURES: Record<PhotoType, (b: Buffer) => boolean> = {
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  webp: (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

// Control characters other than tab and newlines have no place in a description someone typed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

const complaintSchema = z.object({
  code: z
    .string({ error: "The code from the box is required." })
    .min(1, "The code from the box is required.")
    .max(4096),
  secret: z
    .string({ error: "The code printed inside the box is required." })
    .max(64, "The code inside the box is 26 characters."),
  kind: z.enum(["spec-failure", "counterfeit", "price-above-cap"], {
    error: 'The kind of problem must be "spec-failure", "counterfeit" or "price-above-cap".',
  }),
  description: z
    .string({ error: "Say in a few words what is wrong." })
    .trim()
    .min(3, "Say in a few words what is wrong.")
    .max(2000, "Keep the description under 2,000 characters.")
    .refine((text) => !CONTROL.test(text), "The description contains invisible control characters."),
  pricePaid: z
    .union([
      z.number(),
      z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, "The price paid is a number of yuan, e.g. 75.00."),
    ])
    .transform(Number)
    .refine((yuan) => Number.isFinite(yuan) && yuan >= 0 && yuan <= MAX_PRICE_YUAN, {
      message: `The price paid is a number of yuan between 0 and ${MAX_PRICE_YUAN}.`,
    })
    .optional(),
  seller: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, "The seller is given by its address on the record (0x…).")
    .optional(),
  evidence: z.string().max(MAX_COMPLAINT_BODY_BYTES).optional(),
});

const withdrawSchema = z.object({
  claimKey: z.string({ error: "The claim key from filing is required." }).regex(/^0x[0-9a-fA-F]{64}$/, {
    message: "The claim key is 0x followed by 64 hex digits, as shown when the complaint was filed.",
  }),
  to: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, "Send the payment to an address (0x…).")
    .optional(),
});

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
}

const fail = (status: ErrorStatus, code: string, message: string, field?: string): ErrorResponse => ({
  status,
  body: { error: field ? { code, message, field } : { code, message } },
});

const limited = (message: string, retryAfter: number): ErrorResponse => ({
  ...fail(429, "rate_limited", message),
  retryAfter,
});

/** Contract refusals that are about the state of the box rather than the request. */
const CONFLICTS = new Set(["ComplaintAlreadyOpen", "SerialAlreadyCompensated", "PossessionClaimedByAnother"]);
const BAD_REQUEST = new Set(["SellerRequired", "NotASeller", "PricePaidTooHigh", "InvalidPossessionProof"]);

function relayFailure(error: RelayError): ErrorResponse | { status: 202; body: PendingBody } {
  const { code, message } = error.plain;
  if (error.failure === "unavailable")
    return fail(503, code === "relay_unavailable" ? code : "chain_unavailable", message);
  if (error.failure === "pending")
    return { status: 202, body: { status: "pending", txHash: error.txHash, message } };
  if (CONFLICTS.has(code)) return fail(409, code, message);
  if (BAD_REQUEST.has(code)) return fail(400, code, message);
  return fail(422, code, message);
}

function parsePhoto(dataUrl: string): EvidencePhoto | ApiError {
  const match = /^data:image\/(jpeg|png|webp);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (match === null) {
    return {
      code: "invalid_evidence",
      message: "The photo must be a JPEG, PNG or WebP image.",
      field: "evidence",
    };
  }
  const type = match[1] as PhotoType;
  const bytes = Buffer.from(match[2] ?? "", "base64");
  if (bytes.length > MAX_PHOTO_BYTES) {
    return {
      code: "invalid_evidence",
      message: "The photo is larger than 4 MB: send a smaller one.",
      field: "evidence",
    };
  }
  if (!PHOTO_SIGNATURES[type](bytes)) {
    return {
      code: "invalid_evidence",
      message: `The photo is not a real ${type.toUpperCase()} image.`,
      field: "evidence",
    };
  }
  return { type, bytes };
}

export interface DeskOptions {
  deployment: Deployment;
  rpcUrl: string;
  reader: BoxReader;
  possession: PossessionStore;
  evidence: EvidenceStore;
  relayer: () => Promise<Relayer>;
  /** True while every chain change is reported to invalidate(): only then are complaints cached. */
  cacheIsSafe: () => boolean;
}

export class ComplaintDesk {
  /** Complete filings per client address: a person files a few complaints, not dozens. */
  private readonly perClient = new RateLimiter(20, 60 * 60_000);
  /** Attempts per box: the secret cannot be guessed, and a box needs one complaint, not a flood. */
  private readonly perSerial = new RateLimiter(5, 60 * 60_000);
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

  constructor(private readonly options: DeskOptions) {}

  async file(input: unknown, client: string): Promise<DeskResponse<FiledResponse>> {
    const parsed = complaintSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        400,
        "invalid_request",
        issue?.message ?? "The complaint is incomplete.",
        issue?.path.join(".") || undefined,
      );
    }
    const request = parsed.data;
    const scanned = parseScannedCode(request.code);
    if (!scanned.ok) return fail(400, "invalid_code", scanned.error.message, "code");
    const code = scanned.code;
    if (code.lot === null || code.serial === null || !/^\d{1,19}$/.test(code.serial)) {
      return fail(
        400,
        "code_without_serial",
        "A complaint is about one box: scan the 2D code on the box, which carries its lot and serial number.",
        "code",
      );
    }
    const bySerial = this.perSerial.take(`${code.gtin}/${code.lot}/${code.serial}`);
    if (!bySerial.allowed) {
      return limited("Too many attempts for this box: try again later.", bySerial.retryAfterSeconds);
    }
    let secret: Uint8Array;
    try {
      secret = parseBoxSecret(request.secret);
    } catch (error) {
      if (error instanceof InvalidBoxSecretError) return fail(400, "invalid_secret", error.message, "secret");
      throw error;
    }
    const photo = request.evidence === undefined ? null : parsePhoto(request.evidence);
    if (photo !== null && "code" in photo) return fail(400, photo.code, photo.message, photo.field);
    if (
      (request.kind === "counterfeit" || request.kind === "price-above-cap") &&
      request.seller === undefined
    ) {
      return fail(
        400,
        "SellerRequired",
        "Say which seller you bought the box from: the complaint is against them.",
        "seller",
      );
    }

    // Counted once a complaint is complete and about to cost chain reads and a relayed transaction.
    const byClient = this.perClient.take(client);
    if (!byClient.allowed) {
      return limited("Too many complaints from here: try again later.", byClient.retryAfterSeconds);
    }
    let batch: BatchInfo | null;
    try {
      batch = (await this.options.reader.read(code)).batch;
    } catch (error) {
      if (error instanceof ChainUnavailableError)
        return fail(503, CHAIN_UNAVAILABLE.code, CHAIN_UNAVAILABLE.message);
      throw error;
    }
    if (batch === null)
      return fail(
        404,
        "batch_not_found",
        "This box's batch is not on the record, so there is no one to complain to. Report it to the market regulator (12315).",
        "code",
      );
    const proof = this.proofOf(batch, code, secret);
    if ("code" in proof)
      return fail(proof.code === "wrong_secret" ? 400 : 422, proof.code, proof.message, proof.field);

    const evidence = prepareEvidence(request.description, photo);
    const filing = {
      gtin: code.gtin,
      lot: code.lot,
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
      const filed = await fileComplaintRelayed(relayer, filing, () => this.options.evidence.save(evidence));
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
  private proofOf(batch: BatchInfo, code: ScannedCode, secret: Uint8Array): { path: string[] } | ApiError {
    if (/^0x0{64}$/.test(batch.possessionRoot)) {
      return {
        code: "PossessionNotCommitted",
        message:
          "This batch's maker did not commit the codes printed inside its boxes, so a complaint cannot prove possession of one.",
      };
    }
    const serial = Number(code.serial);
    const index = serial - batch.serialStart;
    if (index < 0 || index >= batch.boxes) {
      return {
        code: "SerialNotInBatch",
        message: `Serial ${serial} was never issued for this batch: this box is not one of the maker's.`,
        field: "code",
      };
    }
    const list = this.options.possession.read(batch.id);
    if (list === null || !this.listMatches(batch, list.leaves)) {
      return {
        code: "possession_list_missing",
        message:
          "The maker's list of the codes inside its boxes is not available here, so the code cannot be checked yet.",
      };
    }
    const leafIndex = serial - list.serialStart;
    if (list.leaves[leafIndex] !== possessionLeaf(serial, secret)) {
      return {
        code: "wrong_secret",
        message: `The code from inside the box does not match box ${serial}. Check it and type it again.`,
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

  async complaint(idText: string): Promise<DeskResponse<ComplaintView>> {
    if (!/^\d{1,12}$/.test(idText))
      return fail(400, "invalid_id", "A complaint number is a whole number, e.g. 12.");
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
      if (record === null) return fail(404, "complaint_not_found", `There is no complaint number ${idText}.`);
      const filed = record.history.find((e) => e.name === "ComplaintFiled");
      const statement = filed ? this.options.evidence.statement(filed.args.evidenceHash ?? "") : null;
      const view = { ...record, description: statement?.description ?? null };
      if (this.options.cacheIsSafe() && generation === this.generation) this.views.set(id, view);
      return { status: 200, body: view };
    } catch (error) {
      if (error instanceof RelayError) return relayFailure(error);
      return fail(503, CHAIN_UNAVAILABLE.code, CHAIN_UNAVAILABLE.message);
    }
  }

  async withdraw(
    idText: string,
    input: unknown,
  ): Promise<DeskResponse<{ txHash: string; amountFen: number; recipient: string }>> {
    const parsed = withdrawSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        400,
        "invalid_request",
        issue?.message ?? "The request is incomplete.",
        issue?.path.join(".") || undefined,
      );
    }
    const shown = await this.complaint(idText);
    if (shown.status !== 200 && shown.status !== 201) return shown;
    if (claimKeyAddress(parsed.data.claimKey)?.toLowerCase() !== shown.body.complainant.toLowerCase()) {
      return fail(
        403,
        "not_complainant",
        "That claim key is not the one this complaint was filed with.",
        "claimKey",
      );
    }
    try {
      const relayer = await this.options.relayer();
      return {
        status: 200,
        body: await withdrawRelayed(relayer, parsed.data.claimKey, parsed.data.to ?? null),
      };
    } catch (error) {
      if (error instanceof RelayError) return relayFailure(error);
      throw error;
    }
  }
}
