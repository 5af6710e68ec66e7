// The complaint limits against the production server, per client as the server derives it: through a
// trusted proxy (the test world trusts 127.0.0.2, TRUST_PROXY) X-Forwarded-For names the client, an IPv6
// client is its /64, and from any other peer the header is ignored. Guesses cannot lock a box's holder
// out. Files a complaint on the licence-revoked box, so it runs with the tests that change the record.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { baseUrl, scenario } from "./world";

const PROXY = "127.0.0.2";
/** lib/queries/complaints.ts's WRONG_SECRETS_PER_HOUR, as a client sees it. */
const WRONG_SECRETS_PER_HOUR = 10;

interface Reply {
  status: number;
  code: string | undefined;
}

/** POSTs a complaint over a connection from `peer`, with an X-Forwarded-For when one is given. */
function complain(peer: string, body: object, forwardedFor?: string): Promise<Reply> {
  const text = JSON.stringify({ kind: "spec-failure", description: "Ear loops came off", ...body });
  return new Promise((resolve, reject) => {
    const sent = request(
      new URL("/api/complaints", baseUrl()),
      {
        method: "POST",
        localAddress: peer,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
        },
      },
      (response) => {
        let data = "";
        response.on("data", (chunk: Buffer) => (data += chunk.toString()));
        response.on("end", () => {
          const parsed = JSON.parse(data) as { error?: { code: string } };
          resolve({ status: response.statusCode ?? 0, code: parsed.error?.code });
        });
      },
    );
    sent.on("error", reject);
    sent.end(text);
  });
}

const box = () => scenario("licence-revoked");
const wrong = () => ({ code: box().code, secret: "0".repeat(26) });
const outcome = (reply: Reply) => `${reply.status} ${reply.code ?? ""}`.trim();

describe("complaint rate limits that cannot be turned on the innocent", () => {
  it("five wrong secrets from one client do not stop another with the right secret", async () => {
    for (let i = 0; i < 5; i++) {
      assert.equal(outcome(await complain(PROXY, wrong(), "198.51.100.7")), "400 wrong_secret");
    }
    const holder = await complain(PROXY, { code: box().code, secret: box().secret }, "203.0.113.9");
    assert.equal(outcome(holder), "201");
  });

  it("counts a client's wrong secrets by its IPv6 /64, and then stops that client only", async () => {
    for (let i = 0; i < WRONG_SECRETS_PER_HOUR; i++) {
      const reply = await complain(PROXY, wrong(), `2001:db8:7:7::${(i % 2) + 1}`);
      assert.equal(outcome(reply), "400 wrong_secret");
    }
    assert.equal(outcome(await complain(PROXY, wrong(), "2001:db8:7:7:ffff::9")), "429 rate_limited");
    assert.equal(outcome(await complain(PROXY, wrong(), "2001:db8:7:8::1")), "400 wrong_secret", "next /64");
  });

  it("ignores an X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    // Claiming to be the client stopped above does not stop this one …
    assert.equal(outcome(await complain("127.0.0.3", wrong(), "2001:db8:7:7::1")), "400 wrong_secret");
    // … and a new address in the header each time does not buy fresh attempts.
    for (let i = 1; i < WRONG_SECRETS_PER_HOUR; i++) {
      assert.equal(outcome(await complain("127.0.0.3", wrong(), `198.51.100.${i}`)), "400 wrong_secret");
    }
    assert.equal(outcome(await complain("127.0.0.3", wrong(), "198.51.100.200")), "429 rate_limited");
  });

  it("gives a box one budget however its serial is written (0100030 is 100030)", async () => {
    const { gtin, lot, serial, secret } = box();
    const written = (form: string) =>
      `https://example.com/01/${gtin}/10/${encodeURIComponent(lot)}/21/${form}`;
    // The holder's filing above was the box's first; the next four reach the chain, which refuses them.
    const answers: string[] = [];
    for (const [i, form] of [`0${serial}`, serial, `00${serial}`, `0${serial}`, serial].entries()) {
      answers.push(outcome(await complain(PROXY, { code: written(form), secret }, `203.0.113.${20 + i}`)));
    }
    assert.deepEqual(answers, [...Array<string>(4).fill("409 ComplaintAlreadyOpen"), "429 rate_limited"]);
  });
});
