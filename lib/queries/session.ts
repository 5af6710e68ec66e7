// Who acts on the desks: an account. A professional signs in with Sign-In with Ethereum
// (lib/queries/siwe.ts); the signed-in account is kept in a sealed cookie (session-seal.ts; httpOnly,
// SameSite=Lax) to show what its roles allow and to name who acts, and its wallet signs every action
// itself (the server only prepares it). On the embedded demo chain (id 31337), and only where its starter
// installed the demo (lib/chain/demo-plugin.ts), "Demo: act as …" picks a seeded party instead: a sealed
// cookie with the party's name, and the demo's key signs for its account. The switch is served only where
// nobody else can reach it (the server listens on loopback) or behind DEMO_PASSWORD; reachable from other
// machines without one it is closed (403 demo_switch_closed). Without the demo, or on any other chain, it
// is refused (403 demo_keys_refused).
import { z } from "zod";
import { assertLocalChain, DemoKeysRefusedError, demoPlugin, LOCAL_CHAIN_ID } from "../chain/demo-plugin";
import { readAccount, type Role } from "../chain/field";
import { rpcProvider } from "../chain/provider";
import { env, type Env } from "../env";
import { runtime } from "./runtime";
import { CookieSeal, loadSessionSecret, sameSecret } from "./session-seal";
import type { ApiError } from "./complaints";
import { CHAIN_UNAVAILABLE, chainUnavailable } from "./chain-unavailable";
import { fieldWords } from "./field-words";
import { cookieValue } from "./cookies";
import { RateLimiter } from "../stores/rate-limit";
import type { Locale } from "../domain/locale";

export type { Role };

export const ACT_AS_COOKIE = "medproof-act-as";
/** The account that signed in with its wallet (EIP-4361): sealed, httpOnly, SameSite=Lax, 8 hours. */
export const SIGNED_IN_COOKIE = "medproof-signed-in";
const SESSION_SECONDS = 8 * 3600;

let seal: CookieSeal | undefined;
/**
 * This install's seal, made on first use: under SESSION_SECRET when set (several instances, one secret),
 * else the secret file under DATA_DIR (each copy of this module reads the one file).
 */
function sessionSeal(): CookieSeal {
  seal ??= new CookieSeal(env().sessionSecret ?? loadSessionSecret(env().dataDir), env().demoPassword);
  return seal;
}

export type FieldStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;
export interface ErrorReply {
  status: FieldStatus;
  body: { error: ApiError };
  /** What went wrong (the error caught): logged by server/reply.ts, never sent. */
  cause?: unknown;
}
export type FieldResponse<T> = { status: 200; body: T } | ErrorReply;

export const fieldError = (
  status: FieldStatus,
  code: string,
  message: string,
  field?: string,
): ErrorReply => ({
  status,
  body: { error: field === undefined ? { code, message } : { code, message, field } },
});

/** 403 demo_keys_refused: the node's chain is not the local one, the only chain the demo's keys sign on. */
export const demoKeysRefused = (error: DemoKeysRefusedError, locale?: Locale): ErrorReply =>
  fieldError(
    403,
    "demo_keys_refused",
    fieldWords(locale)("demoKeysRefused", { local: LOCAL_CHAIN_ID, chain: String(error.chainId) }),
  );

/** The 503 every desk answers when the chain does not, in the reader's language; `cause` is logged. */
export function chainUnavailableReply(locale: Locale, cause?: unknown): ErrorReply {
  const { code, message } = chainUnavailable(locale);
  return { ...fieldError(503, code, message), cause };
}

export interface SessionView {
  /** The server signs with the party's demo key. */
  signer: "demo";
  party: string;
  name: string;
  address: string;
  /** Read from the chain, not from the demo world: the record decides what the party may do. */
  roles: Role[];
}

/** A browser wallet's account: the wallet signs every action itself. */
export interface WalletSessionView extends Omit<SessionView, "signer" | "party"> {
  signer: "wallet";
  party: null;
}

export type FieldSession = SessionView | WalletSessionView;

export interface DemoPartyOption {
  key: string;
  name: string;
}

/** The act-as switch's parties: the installed demo's (lib/chain/demo-plugin.ts), none without it. */
export function demoParties(): DemoPartyOption[] {
  return (demoPlugin()?.parties ?? []).map(({ key, name }) => ({ key, name }));
}

/** The account a demo party acts as; null for a name the installed demo does not have, or no demo. */
const demoAccountOf = (party: string): string | null =>
  demoPlugin()?.parties.find((p) => p.key === party)?.address ?? null;

/** The node's own chain id decides, never the deployment file's (which could be copied from elsewhere). */
const nodeProvider = () => rpcProvider(env().rpcUrl);

export type LocalChainCheck = () => Promise<void>;
/**
 * A node's chain id does not change while it runs, so it is asked once per process (every desk view used
 * to cost an eth_chainId); a node that did not answer is asked again next time.
 */
let localChain: Promise<void> | null = null;
const checkLocalChain: LocalChainCheck = () => {
  localChain ??= assertLocalChain(nodeProvider()).catch((error: unknown) => {
    if (!(error instanceof DemoKeysRefusedError)) localChain = null;
    throw error;
  });
  return localChain;
};

/** True on the local demo chain with the demo installed, where demo keys may sign. */
async function demoKeysAllowed(check: LocalChainCheck): Promise<boolean> {
  if (demoPlugin() === null) return false;
  try {
    await check();
    return true;
  } catch (error) {
    if (error instanceof DemoKeysRefusedError) return false;
    throw error;
  }
}

/** What decides who may reach the demo switch: where the server listens, and the demo password. */
export type DemoExposure = Pick<Env, "hostIsLoopback" | "demoPassword">;

/**
 * How this server offers "Demo: act as …": `open` on loopback (only this machine connects), `password`
 * when DEMO_PASSWORD is set (the switch asks for it), `closed` when other machines can connect and no
 * password is set, `other_chain` off the local chain (demo keys are refused there).
 */
export type DemoSwitch = "open" | "password" | "closed" | "other_chain";

function exposureGate(exposure: DemoExposure): Exclude<DemoSwitch, "other_chain"> {
  if (exposure.demoPassword !== null) return "password";
  return exposure.hostIsLoopback ? "open" : "closed";
}

/** The demo switch as the pages show it; the chain is asked first, since off it the switch is moot. */
export async function demoSwitch(
  check: LocalChainCheck = checkLocalChain,
  exposure: DemoExposure = env(),
): Promise<DemoSwitch> {
  return (await demoKeysAllowed(check)) ? exposureGate(exposure) : "other_chain";
}

/** Tries at the demo password per client address: enough for a presenter, too few to guess one. */
let passwordTries: RateLimiter | undefined;
/** Counted in the shared database: a client has one budget of tries across app instances. */
function demoPasswordTries(): RateLimiter {
  passwordTries ??= new RateLimiter(runtime().db, "demo-password", 20, 15 * 60_000);
  return passwordTries;
}

export interface ChooseOptions {
  locale?: Locale;
  check?: LocalChainCheck;
  exposure?: DemoExposure;
  /** The client's address, to count its tries at the demo password. */
  client?: string;
  /** Where its tries are counted; the runtime's database unless a test gives another. */
  tries?: RateLimiter;
}

/**
 * "Demo: act as …" `{party, password?}`: the party checked to exist, the switch to be open to this
 * request (loopback, or the demo password given) and the chain to be the local one.
 */
export async function chooseParty(
  input: unknown,
  {
    locale,
    check = checkLocalChain,
    exposure = env(),
    client = "unknown",
    tries: limiter,
  }: ChooseOptions = {},
): Promise<FieldResponse<SessionView>> {
  const t = fieldWords(locale);
  const chooseSchema = z.object({
    party: z.string({ error: t("party") }).max(40, t("party")),
    password: z
      .string({ error: t("demoPassword") })
      .max(200, t("demoPassword"))
      .optional(),
  });
  const parsed = chooseSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fieldError(400, "invalid_request", issue?.message ?? "", String(issue?.path[0] ?? "party"));
  }
  const { party, password } = parsed.data;
  if (demoPlugin() === null) {
    try {
      await check();
    } catch (error) {
      if (error instanceof DemoKeysRefusedError) return demoKeysRefused(error, locale);
    }
    return fieldError(403, "demo_not_installed", t("demoNotInstalled"));
  }
  if (demoAccountOf(party) === null) {
    return fieldError(
      400,
      "unknown_party",
      t("unknownParty", {
        party,
        parties: demoParties()
          .map((p) => p.key)
          .join(", "),
      }),
      "party",
    );
  }
  if (exposureGate(exposure) === "closed")
    return fieldError(403, "demo_switch_closed", t("demoSwitchClosed"));
  if (exposure.demoPassword !== null) {
    const tries = await (limiter ?? demoPasswordTries()).take(client);
    if (!tries.allowed)
      return fieldError(
        429,
        "rate_limited",
        t("demoPasswordTries", { minutes: Math.ceil(tries.retryAfterSeconds / 60) }),
      );
    if (password === undefined || !sameSecret(password, exposure.demoPassword))
      return fieldError(403, "demo_password_wrong", t("demoPasswordWrong"), "password");
  }
  try {
    await check();
    const session = await readSession(party);
    if (session !== null) return { status: 200, body: session };
  } catch (error) {
    if (error instanceof DemoKeysRefusedError) return demoKeysRefused(error, locale);
  }
  return fieldError(503, CHAIN_UNAVAILABLE.code, t("chainUnavailable"));
}

/** The party the request's act-as cookie vouches for, if its seal holds. */
export function partyFromCookieHeader(header: string | null): string | null {
  return partyOf(cookieValue(header, ACT_AS_COOKIE));
}

/**
 * The party an act-as cookie's value vouches for: null when unsigned, forged, tampered with or expired
 * (a stranger wrote it), or when the switch is closed (no demo party acts on an exposed server).
 */
export function partyOf(value: string | undefined): string | null {
  if (exposureGate(env()) === "closed") return null;
  const party = sessionSeal().open(ACT_AS_COOKIE, value);
  return party !== null && demoAccountOf(party) !== null ? party : null;
}

const attributes = (secure: boolean) =>
  `Path=/; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

export function sessionCookie(party: string, secure: boolean): string {
  return `${ACT_AS_COOKIE}=${sessionSeal().seal(ACT_AS_COOKIE, party, SESSION_SECONDS)}; ${attributes(secure)}`;
}

/** The cookie a verified sign-in sets; only lib/queries/siwe.ts calls it, after checking the signature. */
export function signedInCookie(address: string, secure: boolean): string {
  return `${SIGNED_IN_COOKIE}=${sessionSeal().seal(SIGNED_IN_COOKIE, address, SESSION_SECONDS)}; ${attributes(secure)}`;
}

export const clearedSessionCookie = () => `${ACT_AS_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
export const clearedSignedInCookie = () => `${SIGNED_IN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;

/** The acting party with its roles as the chain records them; null without one or off the local chain. */
export async function readSession(party: string | null): Promise<SessionView | null> {
  const address = party === null ? null : demoAccountOf(party);
  if (party === null || address === null || !(await demoKeysAllowed(checkLocalChain))) return null;
  const account = await readAccount(runtime().deployment, nodeProvider(), address);
  const name = account.name || (demoParties().find((p) => p.key === party)?.name ?? "");
  return { signer: "demo", party, name, address, roles: account.roles };
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The account signed in with its wallet, if the request's cookie holds one whose seal holds. */
export function signedInAccount(cookieHeader: string | null): string | null {
  const account = sessionSeal().open(SIGNED_IN_COOKIE, cookieValue(cookieHeader, SIGNED_IN_COOKIE));
  return account !== null && ADDRESS.test(account) ? account : null;
}

/** A signed-in wallet's account with its roles on the record, on any chain; null for a bad address. */
export async function readWalletSession(address: string | undefined): Promise<WalletSessionView | null> {
  if (address === undefined || !ADDRESS.test(address)) return null;
  const account = await readAccount(runtime().deployment, nodeProvider(), address);
  return {
    signer: "wallet",
    party: null,
    name: account.name,
    address: account.address,
    roles: account.roles,
  };
}

/** Who acts for this request's cookies: the account signed in with its wallet first, else the demo party. */
export async function currentSession(cookies: {
  get(name: string): { value: string } | undefined;
}): Promise<FieldSession | null> {
  const account = sessionSeal().open(SIGNED_IN_COOKIE, cookies.get(SIGNED_IN_COOKIE)?.value);
  if (account !== null && ADDRESS.test(account)) return readWalletSession(account);
  return readSession(partyOf(cookies.get(ACT_AS_COOKIE)?.value));
}

/**
 * Who does a desk action: an account, and what signs for it — the account's own wallet (the server
 * only prepares the call) or, on the demo chain with the demo installed, the demo's key for it.
 */
export interface DeskActor {
  account: string;
  signer: "wallet" | "demo";
}

/**
 * The actor of a request: the wallet account the body names (`wallet`) or the signed-in one, else the
 * act-as cookie's demo party through the installed demo; null when nobody acts.
 */
export function deskActor(cookieHeader: string | null, walletAccount?: string): DeskActor | null {
  const wallet = walletAccount ?? signedInAccount(cookieHeader);
  if (wallet !== null) return { account: wallet, signer: "wallet" };
  const party = partyFromCookieHeader(cookieHeader);
  const account = party === null ? null : demoAccountOf(party);
  return account === null ? null : { account, signer: "demo" };
}
