// Writes e2e/http/bad-inputs.json: a fixed corpus of hostile and broken scanned texts, by category, and
// of whole requests (broken %-escapes in every kind of path, methods no route serves).
// Deterministic (no randomness). Each entry says what the HTTP test must see: "refused" (a 4xx with a
// named error) for text that is not a GS1 code, "answered" (a 200 verdict, nothing reflected unescaped)
// for hostile-looking text that is nevertheless valid GS1 — e.g. `<` and `;` are legal in a lot number.
// Run: npx tsx scripts/gen-bad-inputs.ts
import { writeFileSync } from "node:fs";
import { parseScannedCode } from "../lib/domain/gs1";

const GTIN = "09521234500018";
const GS = "\u001d";
const corpus: { category: string; text: string }[] = [];
const add = (category: string, texts: string[]) => texts.forEach((text) => corpus.push({ category, text }));

add("malformed GS1", [
  "01",
  "0109521234",
  `01${GTIN}10`,
  `01${GTIN}21`,
  `01${GTIN}17`,
  `01${GTIN}1726`,
  `(01)${GTIN}(99`,
  `(01${GTIN}`,
  `()${GTIN}`,
  `(10)240315A`,
  `10240315A${GS}21100321`,
  `]d2`,
  `]Q3`,
  `]C1${GS}`,
  `${GS}${GS}${GS}`,
  `https://example.com/10/240315A/21/100321`,
  `https://example.com/01/`,
  `https://example.com/01/ABCDEFGHIJKLMN`,
  `https://example.com/01/${GTIN}/21/1/10/A`,
  `https://example.com/01/${GTIN}/17/260314`,
  `ftp://example.com/01/${GTIN}`,
  `https://user:pw@example.com/01/${GTIN}`,
  `01${GTIN}10A${GS}10B`,
  `01${GTIN}3106000123`,
  `01${GTIN}7003123`,
]);

add(
  "wrong check digit",
  Array.from({ length: 9 }, (_, i) => `0952123450001${(9 + i) % 10}`)
    .filter((g) => g !== GTIN)
    .flatMap((g) => [g, `(01)${g}(10)A(21)1`, `https://id.example/01/${g}/10/A/21/1`]),
);

add("wrong check digit, retail barcodes", [
  ...Array.from({ length: 9 }, (_, i) => `952123450001${(9 + i) % 10}`), // GTIN-13 (EAN-13), right digit 8
  ...Array.from({ length: 9 }, (_, i) => `9638507${i % 10}`).filter((g) => g !== "96385074"), // EAN-8
  ...Array.from({ length: 5 }, (_, i) => `03600029145${i}`).filter((g) => g !== "036000291452"), // UPC-A
]);

add("impossible date", [
  ...["261301", "260230", "270229", "260431", "269999", "26AB01", "2603", "2603141"].map(
    (d) => `01${GTIN}17${d}10A`,
  ),
  ...["261301", "260230", "270229", "260631", "260001"].map((d) => `(01)${GTIN}(17)${d}(10)A`),
  ...["261301", "260230", "270229", "260931"].map((d) => `https://id.example/01/${GTIN}/10/A?17=${d}`),
  `01${GTIN}11261301`,
  `(01)${GTIN}(11)260230`,
]);

add("overlong field", [
  ...[21, 25, 40, 100].map((n) => `(01)${GTIN}(10)${"A".repeat(n)}`),
  ...[21, 25, 40, 100].map((n) => `(01)${GTIN}(10)A(21)${"1".repeat(n)}`),
  ...[21, 30].map((n) => `01${GTIN}10${"B".repeat(n)}`),
  ...[21, 30].map((n) => `https://id.example/01/${GTIN}/10/${"C".repeat(n)}`),
  `(01)${GTIN}(8030)${"A".repeat(91)}`,
  "9".repeat(15),
  "9".repeat(513),
  `https://id.example/01/${GTIN}/10/A/21/${"9".repeat(600)}`,
]);

add("control and invisible characters", [
  "\u0000",
  "\u0000\u0001\u0002",
  "\u0007\u0008",
  `(01)${GTIN}(10)A\u0000B`,
  `(01)${GTIN}(10)A\u0007`,
  `(01)${GTIN}(10)A\u001bB`,
  `(01)${GTIN}(21)1\u007f`,
  `https://id.example/01/${GTIN}/10/A%00B`,
  `https://id.example/01/${GTIN}/10/A%07`,
  "\u200b\u200b\u200b",
  `(01)${GTIN}(10)A\u200bB`,
  `(01)${GTIN}(10)A\ufeff`,
  "\r\n\r\n",
  "\t\t\t",
  `(01)${GTIN}(10)A B`,
]);

add("right-to-left and lookalikes", [
  "\u202e81000543212590",
  `(01)${GTIN}(10)\u202eA1`,
  `(01)${GTIN}(10)A\u2066B\u2069`,
  `(01)${GTIN}(21)\u061c1`,
  `https://id.example/01/${GTIN}/10/%E2%80%AEA`,
  "٠٩٥٢١٢٣٤٥٠٠٠١٨",
  "０９５２１２３４５０００１８",
  `(01)${GTIN}(10)Ａ`,
  `(01)${GTIN}(10)lot№1`,
  `(01)${GTIN}(10)批号`,
]);

add("emoji", [
  "🙂",
  "🙂🙂🙂",
  `(01)${GTIN}(10)🙂`,
  `(01)${GTIN}(21)👍`,
  `https://id.example/01/${GTIN}/10/%F0%9F%99%82`,
  "😷 mask",
  "👨‍👩‍👧‍👦",
  `01${GTIN}10🦠`,
]);

add("script and markup", [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  '"><script>alert(1)</script>',
  "'><img src=x>",
  `(01)${GTIN}(10)<script>`,
  `(01)${GTIN}(10)<b>x</b>(21)<i>`,
  `https://id.example/01/${GTIN}/10/%3Cscript%3E/21/1%3C`,
  "{{7*7}}",
  "${7*7}",
  '<!--#exec cmd="ls" -->',
  "<iframe src=//evil>",
  "data:text/html,<script>alert(1)</script>",
  "<a href=javascript:alert(1)>x</a>",
]);

add("SQL fragments", [
  "' OR 1=1 --",
  "'; DROP TABLE scans; --",
  "1; SELECT * FROM users",
  '" OR ""="',
  "admin'--",
  "1' UNION SELECT null,null--",
  `(01)${GTIN}(10)' OR 1=1`,
  `(01)${GTIN}(21)1;DROP`,
  "%27%20OR%201%3D1",
  "0x27 OR 1=1",
  "1 AND SLEEP(5)",
  "'; EXEC xp_cmdshell('dir'); --",
]);

add("path traversal", [
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "/etc/passwd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "....//....//etc/passwd",
  `https://id.example/01/${GTIN}/10/..%2F..%2Fetc%2Fpasswd`,
  `(01)${GTIN}(10)../../x`,
  "file:///etc/passwd",
  "\\\\server\\share",
  "/01/../../../etc/passwd",
]);

add("JSON where text is expected", [
  "{}",
  "[]",
  "null",
  "true",
  '{"code":"09521234500018"}',
  '{"gtin":"09521234500018","lot":"240315A"}',
  '["09521234500018"]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{}}}',
  '{"a":' + "[".repeat(50) + "]".repeat(50) + "}",
  "NaN",
  "undefined",
]);

add("large bodies", [
  "x".repeat(1_000),
  "x".repeat(10_000),
  "x".repeat(100_000),
  GTIN.repeat(1_000),
  `(01)${GTIN}(10)${"A".repeat(50_000)}`,
]);

add("not a code at all", [
  "",
  " ",
  "hello",
  "mask",
  "口罩",
  "https://example.com",
  "https://example.com/product/123",
  "http://",
  "0",
  "123",
  "1234567",
  "123456789",
  "12345678901",
  "-09521234500018",
  "0952123450001.8",
  "095 2123 45000 18 77",
  "+09521234500018",
  "GTIN:09521234500018",
  "mailto:a@b.c",
  "tel:123",
]);

// Whole requests the front server refuses before any handler (server/request-guard.ts): each is
// answered with its named error, never left hanging or answered by a page.
export interface RequestEntry {
  category: string;
  method: string;
  path: string;
  accept?: string;
  expect: "refused";
  status: number;
  code: string;
}
const requests: RequestEntry[] = [];
const refuse = (category: string, status: number, code: string, list: [string, string, string?][]) =>
  list.forEach(([method, path, accept]) =>
    requests.push({ category, method, path, ...(accept ? { accept } : {}), expect: "refused", status, code }),
  );

const BATCH = `0x${"ab".repeat(32)}`;
const DL = `/01/${GTIN}/10/240315A/21/100321`;
// %zz is not hex; a lone % ends the path; %C0%AF is overlong UTF-8 and %ED%A0%80 a lone surrogate.
const BROKEN = ["%zz", "%", "%%", "%4", "%C0%AF", "%ED%A0%80", "%E4%B8"];
refuse("malformed escape in a path", 400, "malformed_path", [
  ...BROKEN.map((bad): [string, string] => ["GET", `/demo/${bad}.png`]),
  ...BROKEN.map((bad): [string, string] => ["GET", `/participants/${bad}`]),
  ["GET", "/participants/%zz/qr"],
  ["GET", "/complaints/%zz"],
  ["GET", "/%zz"],
  ["GET", "/scan/%zz"],
  ["GET", "/regulator%zz"],
  ["GET", `/01/%zz`, "text/html"],
  ["GET", `/01/${GTIN}/10/%zz`, "text/html"],
  ["GET", `${DL}%zz`, "text/html"],
  ["GET", `/manufacturer/batches/%zz/labels.pdf`],
  ["GET", "/_next/static/%zz.js"],
  ["GET", "/api/complaints/%zz"],
  ["POST", "/api/complaints/%zz/withdraw"],
  ["POST", "/api/field/shipments/%zz"],
  ["POST", "/api/lab/batches/%zz/reports"],
  ["POST", "/api/manufacturer/batches/%zz/release"],
  ["POST", "/api/regulator/licences/%zz/revocation"],
  ["GET", "/api/epcis%zz"],
]);
// The Digital Link route's own answer names the broken part of the code.
refuse("malformed escape in a Digital Link asked for JSON", 400, "invalid_code", [
  ["GET", "/01/%zz", "application/json"],
  ["GET", `${DL}%zz`, "application/json"],
  ["GET", "/01/%zz?linkType=all"],
]);
refuse("unsupported method", 405, "method_not_allowed", [
  ...["/", "/scan", DL, "/regulator", "/complaints/1", "/demo/scenarios.json", "/api/complaints"].map(
    (path): [string, string] => ["TRACE", path],
  ),
  ["TRACE", `/api/verify?code=${GTIN}`],
  ["TRACE", `/manufacturer/batches/${BATCH}/labels.pdf`],
  // A Digital Link answers OPTIONS (the GS1 resolver's CORS preflight, e2e/http/resolver.test.ts).
  ...["PUT", "DELETE", "PATCH", "POST", "OPTIONS"].flatMap((method) =>
    ["/", "/scan", "/regulator", "/complaints/new", ...(method === "OPTIONS" ? [] : [DL])].map(
      (path): [string, string] => [method, path],
    ),
  ),
  ["POST", `/manufacturer/batches/${BATCH}/labels.pdf`],
  ["PUT", "/demo/scenarios.json"],
  ["DELETE", "/_next/static/chunks/x.js"],
  ["PROPFIND", "/"],
  ["MKCOL", "/api/complaints"],
  ["PURGE", DL],
  ["CONNECT", "127.0.0.1:80"],
  ["POST", `/api/verify?code=${GTIN}`],
]);

const entries = [
  ...corpus.map((entry) => ({
    ...entry,
    expect: parseScannedCode(entry.text).ok ? ("answered" as const) : ("refused" as const),
  })),
  ...requests,
];
writeFileSync("e2e/http/bad-inputs.json", JSON.stringify(entries, null, 1) + "\n");
const refused = entries.filter((e) => e.expect === "refused").length;
console.log(
  `Wrote ${entries.length} bad inputs (${refused} to refuse, ${entries.length - refused} valid but hostile; ` +
    `${requests.length} whole requests).`,
);
