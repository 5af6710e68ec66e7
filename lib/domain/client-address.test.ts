// Address parsing, ranges, the /64 key and the X-Forwarded-For walk: examples for the spellings proxies
// and sockets really produce, and properties over every address for what must hold for all of them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  clientAddress,
  clientKey,
  formatAddress,
  inRange,
  parseAddress,
  parseRange,
  rateKey,
  type AddressRange,
} from "./client-address";

const range = (text: string): AddressRange => {
  const parsed = parseRange(text);
  assert.ok(parsed, text);
  return parsed;
};
const address = (text: string): bigint => {
  const parsed = parseAddress(text);
  assert.notEqual(parsed, null, text);
  return parsed!;
};

const ipv6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const ipv4Text = fc.ipV4();
/** IPv6 addresses outside the IPv4-mapped block, which is IPv4. */
const pureIpv6 = ipv6.filter((a) => a >> 32n !== 0xffffn);

describe("parseAddress and formatAddress", () => {
  it("read the spellings sockets and proxies write", () => {
    assert.equal(formatAddress(address("203.0.113.7")), "203.0.113.7");
    assert.equal(formatAddress(address("::ffff:203.0.113.7")), "203.0.113.7");
    assert.equal(formatAddress(address("::FFFF:cb00:7107")), "203.0.113.7");
    assert.equal(formatAddress(address("2001:DB8:0:0:0:0:0:1")), "2001:db8::1");
    assert.equal(formatAddress(address("fe80::1%eth0")), "fe80::1");
    assert.equal(formatAddress(address("::")), "::");
    assert.equal(formatAddress(address("1:0:0:2:0:0:0:3")), "1:0:0:2::3");
    assert.equal(formatAddress(address("1:0:2:3:4:5:6:7")), "1:0:2:3:4:5:6:7", "one zero is not ::");
  });

  it("refuse what is not an address", () => {
    for (const text of [
      "",
      "unknown",
      "1.2.3",
      "1.2.3.4.5",
      "256.0.0.1",
      "010.0.0.1",
      "1.2.3.4 ",
      "1::2::3",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8::",
      "12345::",
      "1.2.3.4::",
      "::g",
      "[::1]",
    ]) {
      assert.equal(parseAddress(text), null, JSON.stringify(text));
    }
  });

  it("write back every address as itself (property)", () => {
    fc.assert(fc.property(ipv6, (a) => parseAddress(formatAddress(a)) === a));
  });

  it("read an IPv4 address and its IPv4-mapped IPv6 form as one address (property)", () => {
    fc.assert(fc.property(ipv4Text, (v4) => parseAddress(`::ffff:${v4}`) === parseAddress(v4)));
  });

  it("read the uncompressed form the same as the compressed one (property)", () => {
    fc.assert(
      fc.property(ipv6, (a) => {
        const full = Array.from({ length: 8 }, (_, i) =>
          ((a >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
        );
        return parseAddress(full.join(":")) === a;
      }),
    );
  });

  it("never throw, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:.%[]/ x") }), (text) => {
        parseAddress(text);
        parseRange(text);
        clientKey(text, [text, `${text}, ${text}`], [range("::/0")]);
      }),
    );
  });
});

describe("parseRange and inRange", () => {
  it("read IPv4, IPv6 and single-address ranges; an IPv4 range covers mapped spellings", () => {
    assert.ok(inRange(address("10.1.2.3"), range("10.0.0.0/8")));
    assert.ok(inRange(address("::ffff:10.1.2.3"), range("10.0.0.0/8")));
    assert.ok(!inRange(address("11.0.0.0"), range("10.0.0.0/8")));
    assert.ok(inRange(address("127.0.0.1"), range("::ffff:127.0.0.1")));
    assert.ok(!inRange(address("127.0.0.2"), range("127.0.0.1")));
    assert.ok(inRange(address("2001:db8:ffff::1"), range("2001:db8::/32")));
    assert.ok(!inRange(address("2001:db9::1"), range("2001:db8::/32")));
    assert.ok(inRange(address("::1"), range("::1")));
    assert.ok(inRange(address("10.9.9.9"), range("10.0.0.1/8")), "host bits past the prefix are ignored");
  });

  it("refuse a prefix too long for its address, and anything else that is no range", () => {
    for (const text of [
      "10.0.0.0/33",
      "::/129",
      "10.0.0.0/",
      "10.0.0.0/08",
      "10.0.0.0/8/8",
      "localhost",
      "/8",
    ]) {
      assert.equal(parseRange(text), null, text);
    }
  });

  it("match exactly the addresses that share the prefix (property)", () => {
    fc.assert(
      fc.property(ipv6, ipv6, fc.integer({ min: 0, max: 128 }), (a, b, prefix) => {
        const cidr = range(`${formatAddress(a)}/${prefix}`.replace(/^(\d+\.\d+\.\d+\.\d+)\//, "::ffff:$1/"));
        const shift = BigInt(128 - prefix);
        return inRange(b, cidr) === (prefix === 0 || a >> shift === b >> shift) && inRange(a, cidr);
      }),
    );
  });
});

describe("rateKey", () => {
  it("is the IPv4 address, or the IPv6 address's /64", () => {
    assert.equal(rateKey(address("::ffff:198.51.100.9")), "198.51.100.9");
    assert.equal(rateKey(address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")), "2001:db8:1:2::/64");
  });

  it("is one key for the addresses of one /64, and differs across /64s (property)", () => {
    fc.assert(
      fc.property(pureIpv6, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (a, suffix) => {
        const sibling = ((a >> 64n) << 64n) | suffix;
        return rateKey(sibling) === rateKey(a);
      }),
    );
    fc.assert(
      fc.property(pureIpv6, pureIpv6, (a, b) => (a >> 64n === b >> 64n) === (rateKey(a) === rateKey(b))),
    );
  });

  it("tells IPv4 clients apart (property)", () => {
    fc.assert(
      fc.property(ipv4Text, ipv4Text, (a, b) => (a === b) === (rateKey(address(a)) === rateKey(address(b)))),
    );
  });
});

describe("clientAddress", () => {
  const proxies = [range("10.0.0.0/8"), range("2001:db8:ffff::/48")];
  const client = (peer: string, forwardedFor: string[]) => {
    const found = clientAddress(peer, forwardedFor, proxies);
    return found === null ? null : formatAddress(found);
  };

  it("is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    assert.equal(client("203.0.113.7", ["198.51.100.1"]), "203.0.113.7");
    assert.equal(client("::ffff:203.0.113.7", ["10.0.0.1"]), "203.0.113.7");
    assert.equal(clientAddress("203.0.113.7", ["198.51.100.1"], []), address("203.0.113.7"), "none trusted");
  });

  it("walks X-Forwarded-For from the right past trusted proxies to the first untrusted address", () => {
    assert.equal(client("10.0.0.1", ["198.51.100.1"]), "198.51.100.1");
    // A client can write anything on the left; only what trusted proxies appended counts.
    assert.equal(client("10.0.0.1", ["1.1.1.1, 198.51.100.1, 10.0.0.2"]), "198.51.100.1");
    assert.equal(client("10.0.0.1", ["1.1.1.1", "198.51.100.1", "10.0.0.2"]), "198.51.100.1", "repeated");
    assert.equal(client("::ffff:10.0.0.1", ["2001:db8:1::5, 2001:db8:ffff::2"]), "2001:db8:1::5");
    assert.equal(client("10.0.0.1", ["[2001:db8:1::5]:4711"]), "2001:db8:1::5");
    assert.equal(client("10.0.0.1", ["198.51.100.1:4711"]), "198.51.100.1");
  });

  it("stops at the proxy that wrote something other than an address", () => {
    assert.equal(client("10.0.0.1", ["198.51.100.1, unknown"]), "10.0.0.1");
    assert.equal(client("10.0.0.1", ["198.51.100.1, 10.0.0.2, "]), "10.0.0.1");
  });

  it("is the furthest proxy when every hop is trusted, and the peer without X-Forwarded-For", () => {
    assert.equal(client("10.0.0.1", ["10.0.0.3, 10.0.0.2"]), "10.0.0.3");
    assert.equal(client("10.0.0.1", []), "10.0.0.1");
  });

  it("is null only for an unknown peer", () => {
    assert.equal(clientAddress(undefined, ["198.51.100.1"], proxies), null);
    assert.equal(clientKey(undefined, [], proxies), "unknown");
  });

  it("ignores what an untrusted peer forwards, and finds the client behind any chain of trusted proxies (property)", () => {
    const trusted = fc
      .integer({ min: 0, max: 0xffffff })
      .map((n) => `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`);
    const outside = ipv4Text.filter((a) => !a.startsWith("10."));
    fc.assert(
      fc.property(outside, fc.array(ipv4Text), (peer, forged) => client(peer, [forged.join(", ")]) === peer),
    );
    fc.assert(
      fc.property(fc.array(ipv4Text), outside, fc.array(trusted), trusted, (forged, real, hops, peer) => {
        const header = [...forged, real, ...hops].join(", ");
        return client(peer, [header]) === real;
      }),
    );
  });
});
