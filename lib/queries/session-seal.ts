// The seal on the session cookies. A cookie that only named a party let anyone who could reach the server
// act as the regulator or print a maker's label sheet (every box secret) by typing the name; so each
// cookie carries its value, an expiry and an HMAC-SHA256 over both under a secret made for this install
// (random, 0600, under DATA_DIR) and the demo password, if one is set (changing it ends every session).
// A value whose MAC does not match, or that has expired, opens as nothing: the request has no session.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SECRET_FILE = "session-secret";
const SECRET_BYTES = 32;

/**
 * The install's secret, made with crypto.randomBytes on first use. It is written to a private temporary
 * file and then linked into place: linking never replaces a file, so two processes starting together
 * agree on one secret, and a crash mid-write leaves no half-written secret behind.
 */
export function loadSessionSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE);
  try {
    const existing = readFileSync(path);
    if (existing.length === SECRET_BYTES) return existing;
    throw new Error(`${path} is not a ${SECRET_BYTES}-byte secret: remove it to make a new one.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, randomBytes(SECRET_BYTES), { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readFileSync(path);
}

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export class CookieSeal {
  private readonly key: Buffer;

  constructor(
    secret: Buffer,
    demoPassword: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac("sha256", secret)
      .update(`medproof session key\0${demoPassword ?? ""}`)
      .digest();
  }

  private mac(name: string, body: string): string {
    return createHmac("sha256", this.key).update(`${name}=${body}`).digest("base64url");
  }

  /** `<value>.<expiry in Unix seconds>.<MAC>`: cookie-safe as long as the value is (a party, an address). */
  seal(name: string, value: string, seconds: number): string {
    const body = `${value}.${Math.floor(this.now() / 1000) + seconds}`;
    return `${body}.${this.mac(name, body)}`;
  }

  /** The value the cookie `name` was sealed with; null when unsigned, tampered with, renamed or expired. */
  open(name: string, sealed: string | undefined): string | null {
    if (sealed === undefined) return null;
    const macAt = sealed.lastIndexOf(".");
    const expiryAt = sealed.lastIndexOf(".", macAt - 1);
    if (expiryAt <= 0) return null;
    // Compared as text, not decoded bytes: base64url's spare bits would let two spellings pass.
    const given = Buffer.from(sealed.slice(macAt + 1));
    const expected = Buffer.from(this.mac(name, sealed.slice(0, macAt)));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expiry = sealed.slice(expiryAt + 1, macAt);
    if (!/^\d{1,12}$/.test(expiry) || Number(expiry) * 1000 <= this.now()) return null;
    return sealed.slice(0, expiryAt);
  }
}
