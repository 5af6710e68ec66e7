import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import {
  CHECKS,
  CHECK_IDS,
  HEADLINE_PRIORITY,
  doubtsAuthenticity,
  ESSENTIAL_CHECKS,
  evaluateVerdict,
  type Check,
  type CheckId,
  type CheckStatus,
  type Verdict,
  type VerdictLevel,
} from "./verdict";
import {
  FIXTURE_ACCOUNTS,
  FIXTURE_NOW,
  FIXTURE_SERIAL,
  FIXTURE_TIMES,
  makeBatch,
  makeBoxRecord,
  makeComplaint,
  makeDistributor,
  makeEmptyRecord,
  makeHolder,
  makeMaker,
  makeMaterial,
  makeOtherPharmacy,
  makePharmacy,
  makePriceCap,
  makePriceViolation,
  makeProductionLicence,
  makeCertificate,
  makeScanHistory,
  makeScannedCode,
  makeShipment,
  makeSupplier,
  makeTestReport,
  makeVerdictInput,
  surgicalResults,
  type VerdictInputOverrides,
} from "./fixtures";
import { capInForce } from "./price-caps";
import { DAY, isoDateToSeconds, startOfDay } from "./time";
import { formatDate } from "./format";
import type { BatchInfo, BoxRecord, ComplaintInfo } from "./record";
import type { VerdictInput } from "./verdict";
import { assertChinese } from "./chinese.test-helper";

const HOUR = 3600;

function verdictOf(overrides: VerdictInputOverrides = {}): Verdict {
  const input = makeVerdictInput(overrides);
  const verdict = evaluateVerdict(input);
  assertWellFormed(verdict);
  assertSameInChinese(input, verdict);
  return verdict;
}

/**
 * Every scenario of this file is also judged in Chinese: the same level, checks and statuses (only the
 * words change), and every title, detail and the headline in Chinese with no English sentence left.
 */
function assertSameInChinese(input: VerdictInput, english: Verdict): void {
  const chinese = evaluateVerdict(input, "zh-CN");
  assert.equal(chinese.verdict, english.verdict);
  assert.deepEqual(
    chinese.checks.map((c) => [c.id, c.status]),
    english.checks.map((c) => [c.id, c.status]),
  );
  assertChinese(chinese.headline, "headline");
  for (const check of chinese.checks) {
    assertChinese(check.title, `${check.id} title`);
    assertChinese(check.detail, `${check.id} detail`);
  }
}

function checkIn(verdict: Verdict, id: CheckId): Check {
  const check = verdict.checks.find((c) => c.id === id);
  assert.ok(check, `check ${id} present`);
  return check;
}

function checkOf(id: CheckId, overrides: VerdictInputOverrides = {}): Check {
  return checkIn(verdictOf(overrides), id);
}

/** Asserts the status, and that title + detail contain every given fragment. */
function assertCheck(check: Check, status: CheckStatus, ...fragments: (string | RegExp)[]): void {
  assert.equal(check.status, status, `${check.id}: ${check.title} — ${check.detail}`);
  const text = `${check.title}\n${check.detail}`;
  for (const fragment of fragments) {
    if (typeof fragment === "string")
      assert.ok(text.includes(fragment), `expected "${fragment}" in:\n${text}`);
    else assert.match(text, fragment);
  }
}

/** What every verdict must satisfy, whatever the record. */
function assertWellFormed(verdict: Verdict): void {
  assert.deepEqual(
    verdict.checks.map((c) => c.id),
    [...CHECK_IDS],
  );
  assert.ok(verdict.headline.length > 0);
  for (const check of verdict.checks) {
    assert.ok(["pass", "warn", "fail", "unknown"].includes(check.status), check.status);
    assert.ok(check.title.length > 0, `${check.id} has a title`);
    assert.ok(check.detail.length > 0, `${check.id} has a detail`);
    for (const text of [check.title, check.detail, verdict.headline]) {
      assert.doesNotMatch(text, /undefined|NaN|null|\[object/, `${check.id}: ${text}`);
    }
  }
}

function statusesOf(verdict: Verdict): Record<CheckId, CheckStatus> {
  return Object.fromEntries(verdict.checks.map((c) => [c.id, c.status])) as Record<CheckId, CheckStatus>;
}

/** The record and the printed code agree on the expiry date, as on a genuine box. */
function withExpiry(expiryDate: number): VerdictInputOverrides {
  return { record: { batch: { expiryDate } }, code: { expiry: null } };
}

const soldAt = isoDateToSeconds("2026-11-21") + 15 * HOUR;
const REVOCATION_REASON = "飞行检查发现洁净车间环境监测数据不真实，吊销生产许可";

describe("a genuine box", () => {
  const verdict = verdictOf();

  it("is genuine, and the headline says why", () => {
    assert.equal(verdict.verdict, "genuine");
    assert.equal(verdict.headline, "Made, tested and released by licensed parties, and traced to the shelf");
  });

  it("passes every check", () => {
    for (const check of verdict.checks) assert.equal(check.status, "pass", `${check.id}: ${check.detail}`);
  });

  it("always lists every registered check, in registry order", () => {
    assert.equal(verdict.checks.length, CHECKS.length);
    assert.deepEqual(
      verdict.checks.map((c) => c.id),
      [...CHECK_IDS],
    );
  });
});

describe("code check", () => {
  it("passes when the code carries lot and serial", () => {
    assertCheck(checkOf("code"), "pass", "09521234500018", "260925A", "100123", "2028-09-23");
  });

  it("warns that a bare GTIN only identifies the product", () => {
    const code = { lot: null, serial: null, signature: null, expiry: null, form: "bare-gtin" as const };
    const verdict = verdictOf({ code, record: { batch: null, serial: null } });
    assertCheck(
      checkIn(verdict, "code"),
      "warn",
      "This barcode only identifies the product — scan the square 2D code for the box",
    );
    assert.equal(verdict.verdict, "caution");
  });

  it("warns when the code names a lot but no serial", () => {
    assertCheck(checkOf("code", { code: { serial: null }, record: { serial: null } }), "warn", "260925A");
  });

  it("fails when the printed expiry differs from the lot's (a relabelled box)", () => {
    const verdict = verdictOf({ code: { expiry: "2029-09-23" } });
    assertCheck(checkIn(verdict, "code"), "fail", "2029-09-23", "2028-09-23", "relabelled");
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.headline, "The expiry date on the code does not match the record");
  });

  it("compares the expiry as a China-time date, not a UTC one", () => {
    // 2028-09-23 00:00 CST is still 2028-09-22 in UTC.
    assert.equal(new Date(FIXTURE_TIMES.expiry * 1000).toISOString().slice(0, 10), "2028-09-22");
    assertCheck(checkOf("code", { code: { expiry: "2028-09-23" } }), "pass");
  });

  it("fails when the printed production date differs from the lot's", () => {
    assertCheck(checkOf("code", { code: { productionDate: "2026-09-24" } }), "fail", "2026-09-25");
    assertCheck(checkOf("code", { code: { productionDate: "2026-09-25" } }), "pass");
  });
});

describe("registered check", () => {
  it("passes naming the maker and the registration date", () => {
    assertCheck(checkOf("registered"), "pass", "青禾医疗用品有限公司", "2026-09-25", "100001–104000");
  });

  it("fails for an unregistered product, and the verdict is not_found", () => {
    const verdict = verdictOf({ record: { product: null, batch: null, serial: null, caps: [] } });
    assertCheck(checkIn(verdict, "registered"), "fail", "09521234500018");
    assert.equal(verdict.verdict, "not_found");
    assert.equal(verdict.headline, "No registered manufacturer uses this product number");
    assert.equal(doubtsAuthenticity(verdict), true, "nothing on the record vouches for it");
  });

  it("fails for a lot the product never had", () => {
    const verdict = verdictOf({ code: { lot: "260926B" }, record: { batch: null, serial: null } });
    assertCheck(checkIn(verdict, "registered"), "fail", "No lot 260926B is registered for this product");
    assert.equal(verdict.verdict, "suspect");
  });

  it("fails for a serial outside the issued range, naming the range", () => {
    for (const serial of ["100000", "104001", "990001"]) {
      assertCheck(
        checkOf("registered", { code: { serial }, record: { serial: { inRange: false } } }),
        "fail",
        `Serial ${serial} was never issued`,
        "100001–104000",
      );
    }
  });

  it("judges the range itself, even if the chain's flag says otherwise", () => {
    assertCheck(checkOf("registered", { code: { serial: "104001" } }), "fail");
    assertCheck(checkOf("registered", { code: { serial: "104000" } }), "pass");
    assertCheck(checkOf("registered", { code: { serial: "100001" } }), "pass");
  });

  it("fails when the chain says the serial is out of range", () => {
    assertCheck(checkOf("registered", { record: { serial: { inRange: false } } }), "fail");
  });

  it("fails for a serial that is not all digits", () => {
    for (const serial of ["10012A", "", " 100123", "1e5"]) {
      assertCheck(checkOf("registered", { code: { serial } }), "fail");
    }
  });

  it("reads serials longer than a double holds exactly", () => {
    const batch = { serialStart: 100001, boxes: 4000 };
    assertCheck(
      checkOf("registered", { code: { serial: "90000000000000100123" }, record: { batch } }),
      "fail",
    );
  });

  it("is unknown without a serial", () => {
    assertCheck(checkOf("registered", { code: { serial: null }, record: { serial: null } }), "unknown");
  });

  it("is unknown for a bare GTIN of a registered product rather than failing it", () => {
    const check = checkOf("registered", {
      code: { lot: null, serial: null, signature: null, expiry: null, form: "bare-gtin" },
      record: { batch: null, serial: null },
    });
    assertCheck(check, "unknown", "青禾医疗用品有限公司");
  });
});

describe("signature check", () => {
  it("passes when the recovered signer is the lot's signer, ignoring letter case", () => {
    assertCheck(checkOf("signature"), "pass", "Signed by the maker");
    assertCheck(
      checkOf("signature", { recoveredSigner: FIXTURE_ACCOUNTS.serialSigner.toLowerCase() }),
      "pass",
    );
  });

  it("fails when the code carries no signature", () => {
    assertCheck(
      checkOf("signature", { code: { signature: null }, recoveredSigner: null }),
      "fail",
      "No maker's signature on the code",
    );
  });

  it("fails when the signature is malformed", () => {
    assertCheck(checkOf("signature", { recoveredSigner: null }), "fail", "damaged or forged");
  });

  it("fails when someone other than the maker signed", () => {
    const verdict = verdictOf({ recoveredSigner: FIXTURE_ACCOUNTS.counterfeiter });
    assertCheck(checkIn(verdict, "signature"), "fail", "0xbDA5…197E", "0x2546…Ec30");
    assert.equal(verdict.verdict, "suspect");
  });

  it("is unknown without a batch or without a serial", () => {
    assertCheck(checkOf("signature", { record: { batch: null, serial: null } }), "unknown");
    assertCheck(checkOf("signature", { code: { serial: null }, record: { serial: null } }), "unknown");
  });
});

describe("licence check", () => {
  const produced = FIXTURE_TIMES.produced;

  it("passes with both documents valid on the production date", () => {
    assertCheck(checkOf("licence"), "pass", "苏药监械生产许20219901号", "苏械注准20212149901", "2026-09-25");
  });

  it("fails when the production licence was not yet valid on the production date", () => {
    const productionLicence = makeProductionLicence({ validFrom: produced + DAY });
    const verdict = verdictOf({ record: { batch: { productionLicence } } });
    assertCheck(checkIn(verdict, "licence"), "fail", "Made without a valid production licence");
    assert.equal(verdict.verdict, "suspect");
  });

  it("fails when the production licence had expired by the production date", () => {
    const productionLicence = makeProductionLicence({ validUntil: produced - 1 });
    assertCheck(checkOf("licence", { record: { batch: { productionLicence } } }), "fail");
  });

  it("fails when the licence was revoked on or before the production date", () => {
    for (const revokedAt of [produced, produced - DAY]) {
      const productionLicence = makeProductionLicence({ revokedAt, revocationReason: REVOCATION_REASON });
      assertCheck(
        checkOf("licence", { record: { batch: { productionLicence } } }),
        "fail",
        REVOCATION_REASON,
      );
    }
  });

  it("fails when the registration certificate was not valid on the production date", () => {
    const certificate = makeCertificate({ validUntil: produced - DAY });
    assertCheck(
      checkOf("licence", { record: { product: { certificate } } }),
      "fail",
      "registration certificate",
    );
  });

  it("fails when a document does not cover the product's category", () => {
    const certificate = makeCertificate({ categories: [2] });
    assertCheck(checkOf("licence", { record: { product: { certificate } } }), "fail", "does not cover");
  });

  it("warns when the licence was revoked after production, naming date and reason", () => {
    const productionLicence = makeProductionLicence({
      revokedAt: isoDateToSeconds("2026-10-25"),
      revocationReason: REVOCATION_REASON,
    });
    const verdict = verdictOf({ record: { batch: { productionLicence } } });
    assertCheck(
      checkIn(verdict, "licence"),
      "warn",
      "Made while licensed",
      "苏药监械生产许20219901号",
      "2026-10-25",
      REVOCATION_REASON,
    );
    assert.equal(verdict.verdict, "caution");
  });

  it("passes while a dated revocation is still in the future", () => {
    const productionLicence = makeProductionLicence({ revokedAt: FIXTURE_NOW + DAY });
    assertCheck(checkOf("licence", { record: { batch: { productionLicence } } }), "pass");
  });

  it("warns when the maker is suspended now", () => {
    const manufacturer = makeMaker({ suspendedAt: FIXTURE_NOW - DAY });
    assertCheck(
      checkOf("licence", { record: { product: { manufacturer } } }),
      "warn",
      "suspended",
      "2026-11-23",
    );
  });

  it("is unknown when licence information is missing", () => {
    assertCheck(
      checkOf("licence", { record: { batch: { productionLicence: null } } }),
      "unknown",
      "production licence",
    );
    assertCheck(checkOf("licence", { record: { product: { certificate: null } } }), "unknown");
  });
});

describe("workshop check", () => {
  it("passes with class, particle counts, climate and a validity covering the production date", () => {
    assertCheck(
      checkOf("workshop"),
      "pass",
      "class 100,000 (ISO 8)",
      "2,150,000/m³",
      "8,600/m³",
      "22.5 °C",
      "52 % RH",
      "2026-06-10 to 2027-06-09",
    );
  });

  it("fails when the attestation does not cover the production date", () => {
    const attestation = { ...makeBatch().attestation!, validUntil: FIXTURE_TIMES.produced - DAY };
    assertCheck(checkOf("workshop", { record: { batch: { attestation } } }), "fail", "2026-09-25");
  });

  it("is unknown without an attestation, which does not downgrade the verdict", () => {
    const verdict = verdictOf({ record: { batch: { attestation: null } } });
    assertCheck(checkIn(verdict, "workshop"), "unknown");
    assert.equal(verdict.verdict, "genuine");
  });
});

describe("material check", () => {
  it("passes naming lot code, grade, supplier and kg used", () => {
    assertCheck(
      checkOf("material"),
      "pass",
      "MB-2609-60",
      "BFE99 25 g/m²",
      "远岫熔喷材料有限公司",
      "190 kg",
      "1,053 masks per kg",
    );
  });

  it("warns when the yield is above typical for the category", () => {
    const batch = { masks: 240_000, boxes: 4800, materials: [makeMaterial({ usedGrams: 195_000 })] };
    const verdict = verdictOf({ record: { batch } });
    assertCheck(
      checkIn(verdict, "material"),
      "warn",
      "1,231 masks per kg of meltblown, above the typical 1,110 for this category (ceiling 1,300)",
    );
    assert.equal(verdict.verdict, "caution");
  });

  it("fails when the yield is above the category's ceiling", () => {
    const batch = { masks: 300_000, boxes: 6000, materials: [makeMaterial({ usedGrams: 200_000 })] };
    assertCheck(checkOf("material", { record: { batch } }), "fail", "1,500 masks per kg", "1,300");
  });

  it("sums the mass of every lot used", () => {
    const materials = [
      makeMaterial({ usedGrams: 100_000 }),
      makeMaterial({ lotId: 3, code: "MB-2609-61", usedGrams: 90_000 }),
    ];
    assertCheck(
      checkOf("material", { record: { batch: { materials } } }),
      "pass",
      "190 kg",
      "MB-2609-60",
      "MB-2609-61",
    );
  });

  it("is unknown without materials or without any mass used", () => {
    assertCheck(checkOf("material", { record: { batch: { materials: [] } } }), "unknown");
    const materials = [makeMaterial({ usedGrams: 0 })];
    assertCheck(checkOf("material", { record: { batch: { materials } } }), "unknown");
  });
});

describe("tests check", () => {
  const failingRetest = makeTestReport({
    testedAt: FIXTURE_NOW - 15 * DAY,
    passed: false,
    retest: true,
    firstFailedMetric: 1,
    results: surgicalResults({ 1: 9120 }),
  });

  it("names the lab by the name the record gives it, or by its shortened address", () => {
    const retested = { tests: [makeTestReport(), failingRetest] };
    assertCheck(
      checkOf("tests", { record: { batch: retested } }),
      "fail",
      "The retest by 澄明检测技术服务有限公司",
    );
    assertCheck(
      checkOf("tests", { record: { batch: { ...retested, namedParties: [] } } }),
      "fail",
      /The retest by 0x9965…[0-9a-f]{4}/i,
    );
  });

  it("passes listing each value against its limit and the standard", () => {
    assertCheck(
      checkOf("tests"),
      "pass",
      "YY 0469-2011",
      "BFE 98.6 % (must be ≥ 95 %)",
      "PFE 41 % (must be ≥ 30 %)",
      "Δp 38 Pa (must be ≤ 49 Pa)",
      "EO residue 3.2 µg/g (must be ≤ 10 µg/g)",
    );
  });

  it("fails when the latest report failed, naming the metric, value and limit", () => {
    const verdict = verdictOf({ record: { batch: { tests: [makeTestReport(), failingRetest] } } });
    assertCheck(checkIn(verdict, "tests"), "fail", "BFE 91.2 % (must be ≥ 95 %)", "retest");
    assert.equal(verdict.verdict, "suspect");
  });

  it("judges the latest report by test date, not by position", () => {
    assertCheck(
      checkOf("tests", { record: { batch: { tests: [failingRetest, makeTestReport()] } } }),
      "fail",
    );
  });

  it("finds the failing metric itself when the report does not name it", () => {
    const report = makeTestReport({ passed: false, results: surgicalResults({ 3: 520 }) });
    assertCheck(
      checkOf("tests", { record: { batch: { tests: [report] } } }),
      "fail",
      "Δp 52 Pa (must be ≤ 49 Pa)",
    );
  });

  it("mentions a retest when the latest passing report is one", () => {
    const earlierFail = makeTestReport({
      passed: false,
      firstFailedMetric: 1,
      results: surgicalResults({ 1: 9400 }),
    });
    const retest = makeTestReport({ testedAt: FIXTURE_TIMES.tested + 3 * DAY, retest: true });
    assertCheck(checkOf("tests", { record: { batch: { tests: [earlierFail, retest] } } }), "pass", "retest");
  });

  it("is unknown without a rule set or without reports, which downgrades to caution", () => {
    for (const batch of [{ ruleSet: null }, { tests: [] }]) {
      const verdict = verdictOf({ record: { batch } });
      assertCheck(checkIn(verdict, "tests"), "unknown");
      assert.equal(verdict.verdict, "caution");
    }
  });
});

describe("release check", () => {
  const ended = FIXTURE_TIMES.sterilisationEnded;

  it("passes with the release date and the days held", () => {
    assertCheck(checkOf("release"), "pass", "Released after a 16-day hold", "2026-10-12", "16 days");
  });

  it("fails when not released, saying when the hold ends while it is still running", () => {
    const verdict = verdictOf({ record: { batch: { releasedAt: null } }, now: ended + 5 * DAY });
    assertCheck(checkIn(verdict, "release"), "fail", "Not released", "ends on 2026-10-10", "diverted");
    assert.equal(verdict.verdict, "suspect");
  });

  it("fails when not released, saying the hold already ended", () => {
    assertCheck(
      checkOf("release", { record: { batch: { releasedAt: null } } }),
      "fail",
      "ended on 2026-10-10",
      "diverted",
    );
  });

  it("fails when not released and no sterilisation is known", () => {
    assertCheck(checkOf("release", { record: { batch: { releasedAt: null, sterilisation: null } } }), "fail");
  });

  it("fails when released before the minimum hold", () => {
    assertCheck(
      checkOf("release", { record: { batch: { releasedAt: ended + 10 * DAY } } }),
      "fail",
      "10 days",
      "14 days",
    );
  });

  it("passes when released exactly at the end of the minimum hold", () => {
    assertCheck(
      checkOf("release", { record: { batch: { releasedAt: ended + 14 * DAY } } }),
      "pass",
      "14-day hold",
    );
  });

  it("follows the category's own hold when the regulator changed it", () => {
    const rules = { minHoldDays: 21, typicalMasksPerKg: 1110, maxMasksPerKg: 1300 };
    assertCheck(checkOf("release", { record: { product: { rules } } }), "fail", "21 days");
  });

  it("passes with just the date when sterilisation is not on the record", () => {
    assertCheck(
      checkOf("release", { record: { batch: { sterilisation: null } } }),
      "pass",
      "Released on 2026-10-12",
    );
  });
});

describe("expiry check", () => {
  const today = startOfDay(FIXTURE_NOW);

  it("passes with the use-by date", () => {
    assertCheck(checkOf("expiry"), "pass", "Use by 2028-09-23");
  });

  it("fails once the expiry date has passed", () => {
    const verdict = verdictOf(withExpiry(today - DAY));
    assertCheck(checkIn(verdict, "expiry"), "fail", "Expired on 2026-11-23");
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.headline, "Expired on 2026-11-23");
  });

  it("treats the expiry date as the last day of use", () => {
    assertCheck(checkOf("expiry", withExpiry(today)), "warn", "last day");
  });

  it("warns within 90 days of expiry", () => {
    const verdict = verdictOf(withExpiry(today + 30 * DAY));
    assertCheck(checkIn(verdict, "expiry"), "warn", "Use by 2026-12-24: 30 days left");
    assert.equal(verdict.verdict, "caution");
  });

  it("passes beyond 90 days", () => {
    assertCheck(checkOf("expiry", withExpiry(today + 91 * DAY)), "pass");
  });
});

describe("recall check", () => {
  it("passes when there is no recall", () => {
    assertCheck(checkOf("recall"), "pass", "Not recalled");
  });

  it("fails when recalled, with the date and reason", () => {
    const recall = {
      at: FIXTURE_NOW - 12 * DAY,
      reason: "监督抽检不合格：细菌过滤效率 91.2%，低于 YY 0469 要求的 95%",
    };
    const verdict = verdictOf({ record: { batch: { recall } } });
    assertCheck(checkIn(verdict, "recall"), "fail", "Recalled on 2026-11-12", "91.2%");
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.headline, "Recalled on 2026-11-12");
  });
});

describe("custody check", () => {
  it("passes with the route from the maker and the boxes held now", () => {
    assertCheck(
      checkOf("custody"),
      "pass",
      "Maker → 苏州康达医药 → 仁心大药房",
      "Boxes held now",
      "仁心大药房（观前店） 400",
      "3,000 boxes",
    );
  });

  it("warns when a holder has no valid distribution filing", () => {
    const holders = [
      makeHolder(makeDistributor(), 2600),
      makeHolder(makePharmacy({ hasValidFiling: false }), 400),
    ];
    assertCheck(
      checkOf("custody", { record: { batch: { holders } } }),
      "warn",
      "仁心大药房（观前店） holds 400 boxes without a valid Class II distribution filing",
    );
  });

  it("warns when a holder is suspended", () => {
    const holders = [makeHolder(makePharmacy({ suspendedAt: FIXTURE_NOW - 2 * DAY }), 400)];
    assertCheck(checkOf("custody", { record: { batch: { holders } } }), "warn", "suspended", "2026-11-22");
  });

  it("does not ask the maker for a distribution filing", () => {
    const holders = [makeHolder(makeMaker({ hasValidFiling: false }), 4000)];
    assertCheck(checkOf("custody", { record: { batch: { holders, shipments: [] } } }), "pass");
  });

  it("ignores holders whose boxes are all gone", () => {
    const holders = [makeHolder(makePharmacy({ hasValidFiling: false }), 0)];
    assertCheck(checkOf("custody", { record: { batch: { holders } } }), "pass");
  });

  it("warns that an unreleased, never shipped batch did not come through licensed custody", () => {
    assertCheck(
      checkOf("custody", { record: { batch: { releasedAt: null, shipments: [], holders: [] } } }),
      "warn",
      "never shipped by the maker",
      "did not come through licensed custody",
    );
  });

  it("passes a released batch that has not left the maker yet", () => {
    const holders = [makeHolder(makeMaker(), 4000)];
    assertCheck(
      checkOf("custody", { record: { batch: { shipments: [], holders } } }),
      "pass",
      "all boxes are with the maker",
    );
  });

  it("leaves a rejected shipment out of the route but tells it", () => {
    const shipments = [
      ...makeBatch().shipments,
      makeShipment({
        from: FIXTURE_ACCOUNTS.distributor,
        to: FIXTURE_ACCOUNTS.otherPharmacy,
        boxes: 100,
        status: "rejected",
        note: "外箱破损",
      }),
    ];
    assertCheck(
      checkOf("custody", { record: { batch: { shipments } } }),
      "pass",
      "Maker → 苏州康达医药 → 仁心大药房",
      "rejected",
      "外箱破损",
    );
  });

  it("counts several routes in the title", () => {
    const shipments = [
      ...makeBatch().shipments,
      makeShipment({ from: FIXTURE_ACCOUNTS.distributor, to: FIXTURE_ACCOUNTS.otherPharmacy, boxes: 300 }),
    ];
    const holders = [...makeBatch().holders, makeHolder(makeOtherPharmacy(), 300)];
    const check = checkOf("custody", { record: { batch: { shipments, holders } } });
    assertCheck(check, "pass", "Maker → 苏州康达医药 → 仁心大药房 and 1 other route", "便民大药房（石路店）");
  });

  it("shows an address no one named in short form", () => {
    const stranger = "0x1111111111111111111111111111111111112222";
    const shipments = [
      ...makeBatch().shipments,
      makeShipment({ from: FIXTURE_ACCOUNTS.pharmacy, to: stranger }),
    ];
    assertCheck(checkOf("custody", { record: { batch: { shipments } } }), "pass", "0x1111…2222");
  });

  it("is unknown without a batch", () => {
    assertCheck(checkOf("custody", { record: { batch: null, serial: null } }), "unknown");
  });
});

describe("clone check", () => {
  it("passes as the first check of an unsold box", () => {
    assertCheck(checkOf("clone"), "pass", "First check of this box");
  });

  it("fails a sold serial, saying when and where it was sold", () => {
    const verdict = verdictOf({ record: { serial: { sale: { seller: makePharmacy(), soldAt } } } });
    const clone = checkIn(verdict, "clone");
    assertCheck(
      clone,
      "fail",
      "This box was sold at 仁心大药房（观前店） on 2026-11-21 15:00. If you bought it there then, it is your box; " +
        "a box with this code anywhere else is a copy.",
    );
    assert.doesNotMatch(`${clone.title} ${clone.detail}`, /already verified/i);
    assert.equal(verdict.verdict, "suspect");
    assert.match(verdict.headline, /仁心大药房.*2026-11-21/);
  });

  it("mentions checks from several devices after the sale", () => {
    const check = checkOf("clone", {
      record: { serial: { sale: { seller: makePharmacy(), soldAt } } },
      scans: makeScanHistory({ count: 4, devices: 3 }),
    });
    assertCheck(check, "fail", "3 different devices");
  });

  it("says when and where an unsold box was first checked", () => {
    const scans = makeScanHistory({
      count: 3,
      firstVerifiedAt: isoDateToSeconds("2026-11-20") + 14 * HOUR + 2 * 60,
      firstPlace: "苏州",
    });
    assertCheck(
      checkOf("clone", { scans }),
      "pass",
      "Checked 3 times before; first on 2026-11-20, 苏州",
      "14:02",
    );
  });

  it("says 'once' for a single earlier check and copes without a time or place", () => {
    assertCheck(checkOf("clone", { scans: makeScanHistory({ count: 1 }) }), "pass", "Checked once before");
  });

  it("is unknown when the scan history is unavailable, without downgrading the verdict", () => {
    const verdict = verdictOf({ scans: null });
    assertCheck(checkIn(verdict, "clone"), "unknown", "Scan history unavailable");
    assert.equal(verdict.verdict, "genuine");
  });

  it("counts an unsold box's checks from its lot's latest delivery, and says so", () => {
    const scans = makeScanHistory({ count: 2, firstVerifiedAt: FIXTURE_NOW - HOUR, firstPlace: "苏州" });
    assertCheck(
      checkOf("clone", { scans }),
      "pass",
      "This code was checked twice since its lot was delivered on 2026-10-26, first on 2026-11-24 09:00 in 苏州.",
      "Checks before the delivery are not counted",
    );
    assertCheck(
      checkOf("clone"),
      "pass",
      "No one has checked this code since its lot was delivered on 2026-10-26",
    );
    const undelivered = { batch: { shipments: [] }, serial: {} };
    assertCheck(
      checkOf("clone", { scans, record: undelivered }),
      "pass",
      "This code was checked twice before, first on",
    );
  });

  it("is unknown for a serial the batch never issued", () => {
    assertCheck(checkOf("clone", { record: { serial: { inRange: false } } }), "unknown", "no registered box");
  });

  it("is unknown without a serial or a batch", () => {
    assertCheck(checkOf("clone", { code: { serial: null }, record: { serial: null } }), "unknown");
    assertCheck(checkOf("clone", { record: { batch: null, serial: null } }), "unknown");
  });
});

describe("price check", () => {
  it("passes with the retail cap in force here, mentioning recorded prices within it", () => {
    assertCheck(
      checkOf("price"),
      "pass",
      "Retail cap here: 1.80 yuan/piece",
      "国市监竞争〔2020〕21号",
      "1.50 yuan/piece",
      "within the cap",
    );
  });

  it("warns when a seller was recorded above the cap", () => {
    const prices = [...makeBatch().prices, makePriceViolation()];
    const verdict = verdictOf({ record: { batch: { prices } } });
    assertCheck(
      checkIn(verdict, "price"),
      "warn",
      "便民大药房",
      "Recorded at 3.00 yuan/piece at 便民大药房（石路店） on 2026-11-19, above the retail cap of 1.80 yuan/piece " +
        "(国市监竞争〔2020〕21号)",
    );
    assert.equal(verdict.verdict, "caution");
  });

  it("picks the latest cap in force now, ignoring one not yet effective", () => {
    const caps = [
      makePriceCap(),
      makePriceCap({ fenPerPiece: 200, effectiveFrom: FIXTURE_NOW - 10 * DAY }),
      makePriceCap({ fenPerPiece: 100, effectiveFrom: FIXTURE_NOW + DAY }),
    ];
    assertCheck(checkOf("price", { record: { caps } }), "pass", "Retail cap here: 2.00 yuan/piece");
  });

  it("uses the city's cap for a district and the province's for a city without its own", () => {
    assertCheck(checkOf("price", { region: 320508 }), "pass", "1.80 yuan/piece");
    const caps = [makePriceCap({ region: 320000, fenPerPiece: 170 })];
    assertCheck(checkOf("price", { region: 320600, record: { caps } }), "pass", "1.70 yuan/piece");
  });

  it("only reads caps of the product's category and the retail channel", () => {
    const caps = [makePriceCap({ category: 2, fenPerPiece: 900 }), makePriceCap({ channel: "wholesale" })];
    assertCheck(checkOf("price", { record: { caps } }), "unknown");
  });

  it("is unknown where no cap is set, without downgrading the verdict", () => {
    const verdict = verdictOf({ region: 310000 });
    assertCheck(checkIn(verdict, "price"), "unknown");
    assert.equal(verdict.verdict, "genuine");
  });
});

describe("capInForce", () => {
  it("returns null when nothing applies", () => {
    assert.equal(capInForce([], 1, "retail", 320500, FIXTURE_NOW), null);
  });
});

describe("complaints check", () => {
  const withComplaints = (list: ComplaintInfo[], underInvestigation = false): VerdictInputOverrides => ({
    record: {
      batch: {
        complaints: { list, upheld: list.filter((c) => c.status === "upheld").length, underInvestigation },
      },
    },
  });

  it("passes when no one complained", () => {
    assertCheck(checkOf("complaints"), "pass", "No complaints");
  });

  it("is unknown without a batch", () => {
    assertCheck(checkOf("complaints", { record: { batch: null } }), "unknown", "not on the record");
  });

  it("warns of an upheld complaint with who paid what from the bond, and the verdict is caution", () => {
    const verdict = verdictOf(withComplaints([makeComplaint()]));
    assertCheck(
      checkIn(verdict, "complaints"),
      "warn",
      "A complaint about this batch was upheld",
      "masks that fail their standard",
      "by an inspector",
      "青禾医疗用品有限公司 paid 500.00 yuan to the buyer and a 1,000.00 yuan fine from its bond",
    );
    assert.equal(verdict.verdict, "caution");
    assert.equal(verdict.headline, "A complaint about this batch was upheld");
  });

  it("says when the bond could not pay it all, and when a retest traced it to the lot", () => {
    const traced = makeComplaint({
      byRetest: true,
      tracedToLot: true,
      respondent: makeSupplier(),
      shortfallFen: 20_000,
    });
    assertCheck(
      checkOf("complaints", withComplaints([traced])),
      "warn",
      "by a laboratory retest, traced to the meltblown lot: 远岫熔喷材料有限公司 paid",
      "200.00 yuan of it could not be paid from the bond",
    );
  });

  it("points out a complaint about the scanned box itself", () => {
    const aboutThisBox = makeComplaint({ serial: Number(FIXTURE_SERIAL) });
    assertCheck(checkOf("complaints", withComplaints([aboutThisBox])), "warn", "(this very box)");
  });

  const open = (overrides: Partial<ComplaintInfo> = {}) =>
    makeComplaint({ status: "open", ruledAt: null, compensationFen: 0, fineFen: 0, ...overrides });

  it("shows an open complaint no one has examined for information, with its deadline and the rule: genuine", () => {
    const unexamined = open();
    const verdict = verdictOf(withComplaints([unexamined]));
    assertCheck(
      checkIn(verdict, "complaints"),
      "pass",
      "An open complaint, not examined yet",
      `may answer until ${formatDate(unexamined.answerDeadline)}`,
      "shown for information, not as a caution about this box",
      "once complaints about 3 different boxes of the batch stand",
    );
    assert.equal(verdict.verdict, "genuine");
    const answered = open({ status: "answered" });
    assertCheck(
      checkOf("complaints", withComplaints([answered])),
      "pass",
      "has answered; an inspector will rule",
    );
  });

  it("warns of an open spec complaint once a laboratory retested the batch after it was filed", () => {
    const complaint = open();
    const retest = makeTestReport({ retest: true, testedAt: complaint.filedAt + DAY });
    const overrides: VerdictInputOverrides = {
      record: {
        batch: {
          complaints: { list: [complaint], upheld: 0, underInvestigation: false },
          tests: [makeTestReport(), retest],
        },
      },
    };
    const verdict = verdictOf(overrides);
    assertCheck(
      checkIn(verdict, "complaints"),
      "warn",
      "A complaint about this batch has been taken up",
      "A laboratory has retested the batch since it was filed",
    );
    assert.equal(verdict.verdict, "caution");
  });

  it("warns once complaints about 3 different boxes stand, and names how many", () => {
    const three = [1, 2, 3].map((id) => open({ id, serial: 100140 + id }));
    const verdict = verdictOf(withComplaints(three));
    assertCheck(checkIn(verdict, "complaints"), "warn", "Complaints about 3 boxes of this batch are open");
    assert.equal(verdict.verdict, "caution");
    const twoAndADismissed = [...three.slice(0, 2), { ...three[2]!, status: "dismissed" as const }];
    assertCheck(checkOf("complaints", withComplaints(twoAndADismissed)), "pass", "2 open complaints");
  });

  it("warns that the batch is under investigation once the regulator's threshold is reached", () => {
    const upheld = [1, 2, 3].map((id) => makeComplaint({ id, serial: 100140 + id }));
    assertCheck(
      checkOf("complaints", withComplaints(upheld, true)),
      "warn",
      "This batch is under investigation",
      "3 complaints about this batch were upheld",
    );
  });

  it("passes when every complaint was dismissed", () => {
    const dismissed = makeComplaint({ status: "dismissed", compensationFen: 0, fineFen: 0 });
    assertCheck(
      checkOf("complaints", withComplaints([dismissed])),
      "pass",
      "1 complaint about this batch was dismissed",
    );
  });
});

describe("the overall verdict", () => {
  const suspectCases: [string, VerdictInputOverrides][] = [
    ["a recalled lot", { record: { batch: { recall: { at: FIXTURE_NOW - DAY, reason: "抽检不合格" } } } }],
    ["an unreleased lot", { record: { batch: { releasedAt: null } } }],
    ["an unknown serial", { code: { serial: "990001" }, record: { serial: { inRange: false } } }],
    ["a bad signature", { recoveredSigner: FIXTURE_ACCOUNTS.counterfeiter }],
    ["a sold (cloned) serial", { record: { serial: { sale: { seller: makePharmacy(), soldAt } } } }],
    ["an expired lot", withExpiry(startOfDay(FIXTURE_NOW) - 30 * DAY)],
    [
      "failed tests",
      {
        record: {
          batch: {
            tests: [
              makeTestReport({ passed: false, firstFailedMetric: 1, results: surgicalResults({ 1: 9120 }) }),
            ],
          },
        },
      },
    ],
    [
      "a licence invalid at production",
      { record: { batch: { productionLicence: makeProductionLicence({ validFrom: FIXTURE_NOW }) } } },
    ],
  ];
  for (const [name, overrides] of suspectCases) {
    it(`is suspect for ${name}`, () => {
      const verdict = verdictOf(overrides);
      assert.equal(verdict.verdict, "suspect");
      const failure = HEADLINE_PRIORITY.map((id) => verdict.checks.find((c) => c.id === id)).find(
        (c) => c?.status === "fail",
      );
      assert.ok(failure);
      assert.equal(verdict.headline, failure.title);
    });
  }

  // The shopper is offered the report of a suspected fake for these, and only these, of the suspect cases:
  // the others are the maker's own boxes, withdrawn or unfit, and go back to the shop.
  const fakeLike = new Set(["an unknown serial", "a bad signature", "a sold (cloned) serial"]);
  for (const [name, overrides] of suspectCases) {
    it(`${fakeLike.has(name) ? "doubts" : "does not doubt"} the box is the maker's own for ${name}`, () => {
      assert.equal(doubtsAuthenticity(verdictOf(overrides)), fakeLike.has(name));
    });
  }

  const cautionCases: [string, VerdictInputOverrides][] = [
    [
      "a yield above typical",
      {
        record: { batch: { masks: 240_000, boxes: 4800, materials: [makeMaterial({ usedGrams: 195_000 })] } },
      },
    ],
    [
      "a licence revoked after production",
      {
        record: {
          batch: { productionLicence: makeProductionLicence({ revokedAt: FIXTURE_NOW - 30 * DAY }) },
        },
      },
    ],
    ["a price above the cap", { record: { batch: { prices: [makePriceViolation()] } } }],
    ["a lot near its expiry", withExpiry(startOfDay(FIXTURE_NOW) + 60 * DAY)],
  ];
  for (const [name, overrides] of cautionCases) {
    it(`is caution for ${name}, with only that check warning`, () => {
      const verdict = verdictOf(overrides);
      assert.equal(verdict.verdict, "caution");
      const warnings = verdict.checks.filter((c) => c.status === "warn");
      assert.equal(warnings.length, 1);
      assert.equal(verdict.headline, warnings[0]!.title);
      assert.equal(verdict.checks.filter((c) => c.status === "fail").length, 0);
      assert.equal(doubtsAuthenticity(verdict), false);
    });
  }

  it("is not_found for an unregistered product, whatever else the code says", () => {
    const verdict = verdictOf({
      code: { gtin: "09521234500049", lot: "241101A", serial: "100001", expiry: "2027-10-31" },
      recoveredSigner: null,
      record: { product: null, batch: null, serial: null, caps: [] },
    });
    assert.equal(verdict.verdict, "not_found");
    assert.equal(verdict.headline, "No registered manufacturer uses this product number");
  });

  it("is caution when an essential check is unknown, genuine when only context is", () => {
    for (const id of ESSENTIAL_CHECKS) assert.ok(CHECK_IDS.includes(id));
    const contextOnly = verdictOf({ scans: null, region: 310000, record: { batch: { attestation: null } } });
    assert.equal(contextOnly.verdict, "genuine");
    const statuses = statusesOf(contextOnly);
    assert.equal(statuses.clone, "unknown");
    assert.equal(statuses.price, "unknown");
    assert.equal(statuses.workshop, "unknown");
    assert.equal(verdictOf({ record: { batch: { tests: [] } } }).verdict, "caution");
  });

  it("heads a suspect verdict with the gravest failure: a recall before an expiry", () => {
    const verdict = verdictOf({
      ...withExpiry(startOfDay(FIXTURE_NOW) - DAY),
      record: {
        batch: { expiryDate: startOfDay(FIXTURE_NOW) - DAY, recall: { at: FIXTURE_NOW, reason: "x" } },
      },
    });
    assert.equal(verdict.headline, "Recalled on 2026-11-24");
  });

  it("prefers suspect to caution when a check fails and another warns", () => {
    const verdict = verdictOf({
      recoveredSigner: FIXTURE_ACCOUNTS.counterfeiter,
      record: { batch: { prices: [makePriceViolation()] } },
    });
    assert.equal(verdict.verdict, "suspect");
  });
});

describe("evaluateVerdict never throws", () => {
  it("handles a record with everything null or empty", () => {
    const bare = makeScannedCode({
      lot: null,
      serial: null,
      expiry: null,
      signature: null,
      form: "bare-gtin",
    });
    for (const code of [makeScannedCode(), bare]) {
      for (const scans of [null, makeScanHistory()]) {
        const verdict = evaluateVerdict({
          code,
          record: makeEmptyRecord(),
          recoveredSigner: null,
          scans,
          now: FIXTURE_NOW,
          region: 0,
        });
        assertWellFormed(verdict);
        assert.equal(verdict.verdict, "not_found");
      }
    }
  });

  it("handles a known product whose batch has every part empty", () => {
    const empty: Partial<BatchInfo> = {
      releasedAt: null,
      productionLicence: null,
      sterilisation: null,
      materials: [],
      attestation: null,
      ruleSet: null,
      tests: [],
      holders: [],
      shipments: [],
      prices: [],
      masks: 0,
      boxes: 0,
      signer: "",
      lot: "",
    };
    const verdict = verdictOf({
      record: { product: { certificate: null }, batch: empty, serial: null, caps: [] },
      scans: null,
      recoveredSigner: null,
    });
    assert.equal(verdict.verdict, "suspect");
  });

  it("turns a part of the record that cannot be read into an unknown check", () => {
    const record: BoxRecord = makeBoxRecord();
    const batch = record.batch as BatchInfo;
    Object.defineProperty(batch, "tests", {
      get() {
        throw new Error("garbled");
      },
    });
    const verdict = evaluateVerdict(makeVerdictInput());
    assertWellFormed(verdict);
    const garbled = evaluateVerdict({ ...makeVerdictInput(), record });
    assertWellFormed(garbled);
    assertCheck(checkIn(garbled, "tests"), "unknown", "could not be completed");
    assert.equal(garbled.verdict, "caution");
  });

  it("survives absurd numbers and strings without printing NaN, undefined or null", () => {
    const number = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 5_000_000_000 }),
      fc.double(),
      fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(
        fc.record({
          now: number,
          region: number,
          productionDate: number,
          expiryDate: number,
          releasedAt: fc.option(number),
          masks: number,
          boxes: number,
          serialStart: number,
          usedGrams: number,
          fen: number,
          metricValue: number,
          serial: fc.option(fc.string({ maxLength: 24 })),
          lot: fc.option(fc.string({ maxLength: 20 })),
          expiry: fc.option(fc.string({ maxLength: 12 })),
          name: fc.string({ maxLength: 12 }),
        }),
        (v) => {
          const verdict = evaluateVerdict(
            makeVerdictInput({
              now: v.now,
              region: v.region,
              code: { serial: v.serial, lot: v.lot, expiry: v.expiry },
              record: {
                batch: {
                  productionDate: v.productionDate,
                  expiryDate: v.expiryDate,
                  releasedAt: v.releasedAt,
                  masks: v.masks,
                  boxes: v.boxes,
                  serialStart: v.serialStart,
                  materials: [makeMaterial({ usedGrams: v.usedGrams })],
                  tests: [makeTestReport({ passed: false, results: surgicalResults({ 1: v.metricValue }) })],
                  prices: [makePriceViolation({ fenPerPiece: v.fen })],
                  holders: [makeHolder(makePharmacy({ name: v.name, hasValidFiling: false }), 1)],
                },
              },
            }),
          );
          // "null" may legitimately come from the random strings themselves; everything else must not.
          const texts = verdict.checks.flatMap((c) => [c.title, c.detail]).join("\n");
          assert.equal(verdict.checks.length, CHECKS.length);
          if (![v.serial, v.lot, v.expiry, v.name].some((s) => s !== null && /undefined|NaN|null/.test(s))) {
            assert.doesNotMatch(texts, /undefined|NaN|null/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("readable details", () => {
  const scenarios: [string, VerdictInputOverrides][] = [
    ["genuine", {}],
    ["sold", { record: { serial: { sale: { seller: makePharmacy(), soldAt } } }, scans: null }],
    [
      "unreleased in hold",
      { record: { batch: { releasedAt: null } }, now: FIXTURE_TIMES.sterilisationEnded + DAY },
    ],
    [
      "licence revoked",
      { record: { batch: { productionLicence: makeProductionLicence({ revokedAt: FIXTURE_NOW - DAY }) } } },
    ],
    ["empty reasons", { record: { batch: { recall: { at: FIXTURE_NOW, reason: "" } } } }],
    ["a cap without basis", { record: { caps: [makePriceCap({ legalBasis: "" })] } }],
    ["a violation without a cap", { record: { batch: { prices: [makePriceViolation({ cap: null })] } } }],
  ];
  for (const [name, overrides] of scenarios) {
    it(`never says undefined, NaN or null (${name})`, () => {
      verdictOf(overrides); // assertWellFormed checks every title and detail
    });
  }

  it("gives every check a distinct title that reads as a sentence, not a code", () => {
    const verdict = verdictOf();
    for (const check of verdict.checks) assert.match(check.title, /^[A-Z\p{Script=Han}]/u, check.title);
    const level: VerdictLevel = verdict.verdict;
    assert.equal(level, "genuine");
  });
});
