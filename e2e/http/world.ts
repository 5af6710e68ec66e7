// What the HTTP tests know about the world `npm test` started: the server, the chain, the scenarios.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockKeystore } from "../../lib/chain/network-deploy";
import { demoSessionCookie } from "../../scripts/lib/demo-session";

export interface ScenarioFixture {
  id: string;
  verdict: string;
  code: string;
  gtin: string;
  lot: string;
  serial: string;
  /** The line printed under the QR, and the check code after it (null on a box no one signed). */
  printed: string;
  checkCode: string | null;
  /** The secret printed inside the box (absent for a box that was never made). */
  secret?: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through npm test (scripts/test.ts)`);
  return value;
}

export const baseUrl = () => required("MEDPROOF_URL");
export const rpcUrl = () => required("MEDPROOF_RPC_URL");
export const deploymentFile = () => required("MEDPROOF_DEPLOYMENT_FILE");
/** The server's PostgreSQL: the world scripts/test.ts starts has one, for tests to look into. */
export const databaseUrl = () => required("DATABASE_URL");

/** The world's scenarios: the app's public/demo ones, or those of the Hardhat world (its own file). */
export function scenarios(): ScenarioFixture[] {
  const file = process.env.MEDPROOF_SCENARIOS_FILE ?? join("public", "demo", "scenarios.json");
  return JSON.parse(readFileSync(file, "utf8")) as ScenarioFixture[];
}

export function scenario(id: string): ScenarioFixture {
  const found = scenarios().find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export async function verify(code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl()}/api/verify?code=${encodeURIComponent(code)}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sealedCookies = new Map<string, Promise<string>>();

/**
 * The act-as cookie (`medproof-act-as=<sealed value>`) as "Demo: act as …" sets it, through
 * POST /api/session: a cookie typed by hand names nobody. Asked once per server and party.
 */
export function actAsCookie(party: string, base: string = baseUrl()): Promise<string> {
  const key = `${base} ${party}`;
  let cookie = sealedCookies.get(key);
  if (cookie === undefined) {
    cookie = demoSessionCookie(base, party);
    cookie.catch(() => sealedCookies.delete(key));
    sealedCookies.set(key, cookie);
  }
  return cookie;
}

export interface ActionReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string; field?: string } };
}

/** POSTs JSON as a demo party (its sealed act-as cookie), in a language when one is named. */
export async function postAs(
  path: string,
  body: unknown,
  party?: string,
  language?: string,
): Promise<ActionReply> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(party ? { cookie: await actAsCookie(party) } : {}),
      ...(language ? { "accept-language": language } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ActionReply["body"],
  };
}

/** A party's key as an encrypted keystore file and its password file (cheap scrypt: tests only). */
const keystores = new Map<string, [string, string]>();
function keystoreOf(key: string): [string, string] {
  let files = keystores.get(key);
  if (files === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "medproof-keystore-"));
    files = [join(dir, "key.json"), join(dir, "password")];
    writeFileSync(files[0], lockKeystore(key, "test password", 1 << 10));
    writeFileSync(files[1], "test password\n");
    keystores.set(key, files);
  }
  return files;
}

/**
 * Runs the back-office CLI (scripts/medproof.ts) against the test world's chain. Off the local chain
 * (the Hardhat world), demo keys are refused: `--as <party>` becomes that party's own key in an
 * encrypted keystore, as an operator would give it (--keystore), from the world's MEDPROOF_PARTY_KEYS.
 */
export function medproof(...args: string[]): { code: number; out: string; err: string } {
  const partyKeys = JSON.parse(process.env.MEDPROOF_PARTY_KEYS ?? "null") as Record<string, string> | null;
  const as = args.indexOf("--as");
  const key = partyKeys !== null && as >= 0 ? partyKeys[args[as + 1] ?? ""] : undefined;
  const signer = key === undefined ? [] : keystoreOf(key);
  const result = spawnSync(
    process.execPath,
    [
      ...["--import", "tsx", "scripts/medproof.ts"],
      ...(key ? [...args.toSpliced(as, 2), "--keystore", signer[0]!, "--password-file", signer[1]!] : args),
    ],
    {
      env: { ...process.env, RPC_URL: rpcUrl(), DEPLOYMENT_FILE: deploymentFile() },
      encoding: "utf8",
    },
  );
  return { code: result.status ?? 1, out: result.stdout, err: result.stderr };
}
