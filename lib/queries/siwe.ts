// Sign-In with Ethereum (EIP-4361) for every desk, on any chain. GET /api/session/nonce hands out a nonce
// (kept in the shared database, so any instance can redeem it, once) with the message to sign: this app's
// domain and URI as the request reached it, the chain's id, when it was issued and when it expires.
// POST /api/session/siwe {message, signature} checks the message for this request (lib/domain/siwe.ts),
// then the signature (the account's key, or a contract wallet's EIP-1271 answer: lib/chain/siwe.ts),
// then redeems the nonce; only then is the signed-in cookie set. Every refusal is named, in the reader's
// language. An address alone (the old `{wallet}` claim) proves nothing and is refused.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { checkSiweFields, SIWE_MESSAGE_SECONDS, siweRequest, type SiweRefusal } from "../domain/siwe";
import { checksumAddress, parseSiweMessage, signedBy, writeSiweMessage } from "../chain/siwe";
import { rpcProvider } from "../chain/provider";
import type { Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";
import { env } from "../env";
import { SiweNonces } from "../stores/siwe-nonces";
import { RateLimiter } from "../stores/rate-limit";
import { runtime } from "./runtime";
import {
  chainUnavailableReply,
  fieldError,
  readWalletSession,
  type FieldResponse,
  type WalletSessionView,
} from "./session";

const signInWords = (locale?: Locale) => translatorFor(locale ?? "en", "signIn");

/** An EIP-4361 message is a few hundred characters; more is not one. */
const MAX_MESSAGE = 4000;

/** What GET /api/session/nonce answers: the message's parts, and the whole text when an address is given. */
export interface SiweNonceAnswer {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  issuedAt: string;
  expirationTime: string;
  statement: string;
  /** The EIP-4361 text for `address` to sign (personal_sign), when the request named one. */
  message?: string;
}

/** Who and what a sign-in is checked against; tests give their own. */
export interface SiweContext {
  /** The origin the request was made to (scheme://host[:port]). */
  origin: string;
  locale?: Locale;
  /** The client's address, to count its nonces. */
  client?: string;
}

/** The node's chain id, asked once per process (it does not change while the node runs). */
let chainId: Promise<number> | null = null;
function appChainId(): Promise<number> {
  chainId ??= rpcProvider(env().rpcUrl)
    .getNetwork()
    .then((network) => Number(network.chainId))
    .catch((error: unknown) => {
      chainId = null;
      throw error;
    });
  return chainId;
}

let nonces: SiweNonces | undefined;
let issued: RateLimiter | undefined;
const nonceStore = () => (nonces ??= new SiweNonces(runtime().db));
/** Each nonce is a row: a client asks for a few per sign-in, not thousands. */
const nonceBudget = () => (issued ??= new RateLimiter(runtime().db, "siwe-nonce", 60, 10 * 60_000));

/** 128 random bits, hex: alphanumeric, as EIP-4361 asks, and at least 8 characters. */
const newNonce = () => randomBytes(16).toString("hex");

/** A nonce for a sign-in, and with `address` the message for it to sign. */
export async function issueNonce(
  address: string | null,
  { origin, locale, client = "unknown" }: SiweContext,
): Promise<FieldResponse<SiweNonceAnswer>> {
  const t = signInWords(locale);
  const account = address === null ? null : checksumAddress(address);
  if (address !== null && account === null)
    return fieldError(400, "invalid_address", t("address"), "address");
  const budget = await nonceBudget().take(client);
  if (!budget.allowed)
    return fieldError(429, "rate_limited", t("tooManyNonces", { seconds: budget.retryAfterSeconds }));
  let chain: number;
  try {
    chain = await appChainId();
  } catch (error) {
    return chainUnavailableReply(locale ?? "en", error);
  }
  const nonce = newNonce();
  await nonceStore().issue(nonce, SIWE_MESSAGE_SECONDS);
  const request = siweRequest({ origin, chainId: chain, now: Date.now() }, nonce);
  const body: SiweNonceAnswer = {
    nonce,
    domain: request.domain,
    uri: request.uri,
    chainId: request.chainId,
    issuedAt: request.issuedAt,
    expirationTime: request.expirationTime,
    statement: request.statement,
  };
  if (account !== null) body.message = writeSiweMessage({ ...request, address: account });
  return { status: 200, body };
}

/** A message that is not one is a bad request; every other refusal is a sign-in that did not prove who. */
const status = (refusal: SiweRefusal) => (refusal === "malformed_message" ? 400 : 401);

/**
 * POST /api/session/siwe `{message, signature}`: the signed-in account with its roles from the chain, or
 * the named refusal. The nonce is redeemed last, so a message refused for its form, time or signature
 * does not use it up, and one accepted cannot be sent again.
 */
export async function signIn(
  input: unknown,
  { origin, locale }: SiweContext,
): Promise<FieldResponse<WalletSessionView>> {
  const t = signInWords(locale);
  const refuse = (refusal: SiweRefusal, values: Record<string, string | number> = {}) =>
    fieldError(status(refusal), refusal, t(`refusals.${refusal}`, values));
  const schema = z.object({
    message: z.string().min(1).max(MAX_MESSAGE),
    signature: z.string().regex(/^0x[0-9a-fA-F]{2,1000}$/),
  });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "message");
    return fieldError(400, "invalid_request", t(field === "signature" ? "signature" : "message"), field);
  }
  const { message, signature } = parsed.data;
  const fields = parseSiweMessage(message);
  if (fields === null) return refuse("malformed_message");
  try {
    const chain = await appChainId();
    const refusal = checkSiweFields(fields, { origin, chainId: chain, now: Date.now() });
    if (refusal !== null)
      return refuse(refusal, { domain: new URL(origin).host, uri: origin, chain, given: fields.chainId });
    if (!(await signedBy(rpcProvider(env().rpcUrl), message, signature, fields.address)))
      return refuse("bad_signature");
    const redemption = await nonceStore().redeem(fields.nonce);
    if (redemption === "replayed") return refuse("nonce_replayed");
    if (redemption === "expired") return refuse("message_expired");
    if (redemption === "unknown") return refuse("nonce_unknown");
    const session = await readWalletSession(fields.address);
    if (session !== null) return { status: 200, body: session };
  } catch (error) {
    return chainUnavailableReply(locale ?? "en", error);
  }
  return chainUnavailableReply(locale ?? "en");
}

/** POST /api/session `{wallet}`: an address without a signature, refused (sign in with the wallet). */
export function unsignedWalletClaim(locale?: Locale): FieldResponse<never> {
  return fieldError(401, "wallet_unsigned", signInWords(locale)("walletUnsigned"), "wallet");
}
