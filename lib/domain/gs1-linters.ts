/**
 * GS1's content checks ("linters") for one component of an AI's value, by the names GS1's Barcode Syntax
 * Dictionary gives them (lib/domain/generated/gs1-ai-table.ts). The character set and length of the
 * component are checked before, by the parser (gs1.ts); a linter sees a value of the right shape and says
 * what is wrong with its content, as the tail of a sentence that starts with the field's name.
 *
 * Behaviour follows GS1's reference linters (ref.gs1.org/tools/gs1-barcode-syntax-resource/syntax-tests)
 * as BWIPP implements them. The code lists (ISO 3166, ISO 4217) are BWIPP's (barcode.ps in bwip-js 4.11.4,
 * MIT), the lists GS1's linters check against. Pure code.
 */
import type { Gs1LinterName } from "./generated/gs1-ai-table";

export interface LintFailure {
  readonly code: "bad_check_digit" | "bad_date" | "bad_value";
  /** Completes "The <field> …", e.g. "has a wrong check digit: the last digit should be 8." */
  readonly reason: string;
  /** For a wrong check digit: the check character(s) the value should end with, for messages that name it. */
  readonly expected?: string;
}

type Linter = (value: string, now: Date) => LintFailure | null;

const badValue = (reason: string): LintFailure => ({ code: "bad_value", reason });
const badDate = (reason: string): LintFailure => ({ code: "bad_date", reason });
const unless = (ok: boolean, failure: () => LintFailure): LintFailure | null => (ok ? null : failure());

// ---------------------------------------------------------------------------------------------
// Check digits
// ---------------------------------------------------------------------------------------------

/** The GS1 mod-10 check digit of `digits` (weights 3, 1, 3, … from the right). */
export function mod10CheckDigit(digits: string): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - fromRight) - 48;
    sum += digit * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83];

/** GS1 General Specifications 7.9.5: the two check characters of an alphanumeric key (GMN, MUDI). */
function checkAlpha(value: string): LintFailure | null {
  const body = value.slice(0, -2);
  if (value.length < 3 || body.length > PRIMES.length) {
    return badValue("is too short or too long to carry its two check characters.");
  }
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    sum += CSET82.indexOf(body[index] ?? "") * (PRIMES[body.length - 1 - index] ?? 0);
  }
  const check = sum % 1021;
  const expected = `${CSET32[check >> 5] ?? ""}${CSET32[check & 31] ?? ""}`;
  return unless(value.slice(-2) === expected, () => ({
    code: "bad_check_digit",
    reason: `has wrong check characters: the last two should be ${expected}.`,
    expected,
  }));
}

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * GS1 General Specifications 7.12: a two-digit year is placed within a window of 49 years back
 * and 50 years ahead of the current year.
 */
export function fullYearFromTwoDigits(twoDigitYear: number, now: Date): number {
  const currentYear = now.getUTCFullYear();
  const currentTwoDigitYear = currentYear % 100;
  const currentCentury = currentYear - currentTwoDigitYear;
  const difference = twoDigitYear - currentTwoDigitYear;
  if (difference > 50) return currentCentury - 100 + twoDigitYear;
  if (difference < -49) return currentCentury + 100 + twoDigitYear;
  return currentCentury + twoDigitYear;
}

/** A calendar day: day 0 (only with `dayZero`, GS1's "to the month") is kept as 0 for the caller. */
export type CalendarDay = { year: number; month: number; day: number };

/** YYMMDD (or YYYYMMDD when `fullYear`), already checked to be digits, as a real calendar day. */
export function readGs1Date(
  digits: string,
  now: Date,
  options: { dayZero: boolean; fullYear?: boolean },
): CalendarDay | LintFailure {
  const yearDigits = options.fullYear === true ? 4 : 2;
  const month = Number(digits.slice(yearDigits, yearDigits + 2));
  const day = Number(digits.slice(yearDigits + 2, yearDigits + 4));
  const rawYear = Number(digits.slice(0, yearDigits));
  const year = options.fullYear === true ? rawYear : fullYearFromTwoDigits(rawYear, now);
  if (month < 1 || month > 12) return badDate(`${digits} is not a real date: there is no month ${month}.`);
  const lastDay = daysInMonth(year, month);
  if (day > lastDay) {
    const monthName = MONTH_NAMES[month - 1] ?? "";
    return badDate(`${digits} is not a real date: ${monthName} ${year} has only ${lastDay} days.`);
  }
  if (day === 0 && !options.dayZero) return badDate(`${digits} is not a real date: there is no day 00.`);
  return { year, month, day };
}

const dateLinter =
  (options: { dayZero: boolean; fullYear?: boolean }): Linter =>
  (value, now) => {
    const read = readGs1Date(value, now, options);
    return "reason" in read ? read : null;
  };

/** Hours 00–23, minutes and seconds 00–59, as each time linter reads its digits. */
const timeLinter =
  (limits: readonly number[], what: string): Linter =>
  (value) =>
    unless(
      limits.every((limit, index) => Number(value.slice(index * 2, index * 2 + 2)) <= limit),
      () => badDate(`${value} is not a real ${what}.`),
    );

// ---------------------------------------------------------------------------------------------
// Code lists (BWIPP's, the lists GS1's linters use)
// ---------------------------------------------------------------------------------------------

const codeList = (codes: string) => new Set(codes.trim().split(/\s+/));

const ISO3166_NUMERIC = codeList(`
  004 008 010 012 016 020 024 028 031 032 036 040 044 048 050 051 052 056 060 064 068 070 072 074 076 084
  086 090 092 096 100 104 108 112 116 120 124 132 136 140 144 148 152 156 158 162 166 170 174 175 178 180
  184 188 191 192 196 203 204 208 212 214 218 222 226 231 232 233 234 238 239 242 246 248 250 254 258 260
  262 266 268 270 275 276 288 292 296 300 304 308 312 316 320 324 328 332 334 336 340 344 348 352 356 360
  364 368 372 376 380 384 388 392 398 400 404 408 410 414 417 418 422 426 428 430 434 438 440 442 446 450
  454 458 462 466 470 474 478 480 484 492 496 498 499 500 504 508 512 516 520 524 528 531 533 534 535 540
  548 554 558 562 566 570 574 578 580 581 583 584 585 586 591 598 600 604 608 612 616 620 624 626 630 634
  638 642 643 646 652 654 659 660 662 663 666 670 674 678 682 686 688 690 694 702 703 704 705 706 710 716
  724 728 729 732 740 744 748 752 756 760 762 764 768 772 776 780 784 788 792 795 796 798 800 804 807 818
  826 831 832 833 834 840 850 854 858 860 862 876 882 887 894`);

const ISO3166_ALPHA2 = codeList(`
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
  BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
  FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
  IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
  PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
  SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
  YT ZA ZM ZW`);

const ISO4217_NUMERIC = codeList(`
  008 012 032 036 044 048 050 051 052 060 064 068 072 084 090 096 104 108 116 124 132 136 144 152 156 170
  174 188 191 192 203 208 214 222 230 232 238 242 262 270 292 320 324 328 332 340 344 348 352 356 360 364
  368 376 388 392 396 398 400 404 408 410 414 417 418 422 426 430 434 446 454 458 462 480 484 496 498 504
  512 516 524 532 533 548 554 558 566 578 586 590 598 600 604 608 634 643 646 654 682 690 694 702 704 706
  710 728 748 752 756 760 764 776 780 784 788 800 807 818 826 834 840 858 860 882 886 901 925 927 928 929
  930 931 932 933 934 936 938 940 941 943 944 946 947 948 949 950 951 952 953 955 956 957 958 959 960 961
  962 963 964 965 967 968 969 970 971 972 973 975 976 977 978 979 980 981 984 985 986 990 994 997 999`);

/** GS1 AIDC media types (AI 7241): 01–10 assigned, 80–99 for company use. */
const MEDIA_TYPES = codeList(`01 02 03 04 05 06 07 08 09 10
  80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99`);

const inList =
  (list: ReadonlySet<string>, what: string, extra?: string): Linter =>
  (value) =>
    unless(list.has(value) || value === extra, () => badValue(`${value} is not ${what}.`));

/** ISO 13616: the IBAN's country code, then mod 97 over the rearranged letters-as-numbers equals 1. */
function checkIban(value: string): LintFailure | null {
  if (value.length <= 4 || !/^[0-9A-Z]+$/.test(value)) {
    return badValue("is not an IBAN: it has only capital letters and digits, more than four.");
  }
  let remainder = 0;
  for (const character of value.slice(4) + value.slice(0, 4)) {
    const number = parseInt(character, 36);
    remainder = (remainder * (number > 9 ? 100 : 10) + number) % 97;
  }
  if (remainder !== 1) return { code: "bad_check_digit", reason: "has a wrong IBAN check number." };
  return unless(ISO3166_ALPHA2.has(value.slice(0, 2)), () => badValue("does not start with a country code."));
}

// ---------------------------------------------------------------------------------------------
// The linters by name
// ---------------------------------------------------------------------------------------------

/**
 * Every linter the dictionary names. `null` marks the few left out, each with why:
 * - gcppos1/gcppos2 would look the GS1 Company Prefix up in GS1's allocation list, which changes daily and
 *   is not public data; the part that needs no list (the prefix's place holds digits) is checked here.
 * - couponcode, couponposoffer: the North American coupon codes of AIs 8110/8112 are a format of their
 *   own (nested variable-length fields); no mask box carries a coupon, and the value is still held to
 *   its character set and length.
 * - packagetype: the UN/ECE Recommendation 21 list (over 400 codes) for AI 7041, a freight-unit field no
 *   box label carries; its character set and length are still checked.
 */
export const LINTERS: Readonly<Record<Gs1LinterName, Linter | null>> = {
  csum: (value) => {
    const expected = mod10CheckDigit(value.slice(0, -1));
    return unless(expected === Number(value.slice(-1)), () => ({
      code: "bad_check_digit",
      reason: `${value} has a wrong check digit: the last digit should be ${expected}.`,
      expected: String(expected),
    }));
  },
  csumalpha: checkAlpha,
  gcppos1: (value) =>
    unless(/^\d\d/.test(value), () => badValue("does not start with a GS1 Company Prefix.")),
  gcppos2: (value) =>
    unless(/^.\d\d/.test(value), () =>
      badValue("does not carry a GS1 Company Prefix after its first digit."),
    ),
  couponcode: null,
  couponposoffer: null,
  packagetype: null,
  yymmd0: dateLinter({ dayZero: true }),
  yymmdd: dateLinter({ dayZero: false }),
  yyyymmdd: dateLinter({ dayZero: false, fullYear: true }),
  hh: timeLinter([23], "hour"),
  mi: timeLinter([59], "minute"),
  ss: timeLinter([59], "second"),
  hhmi: timeLinter([23, 59], "time of day"),
  iso3166: inList(ISO3166_NUMERIC, "an ISO 3166 country code"),
  iso3166999: inList(ISO3166_NUMERIC, "an ISO 3166 country code or 999", "999"),
  iso3166alpha2: inList(ISO3166_ALPHA2, "an ISO 3166 two-letter country code"),
  iso4217: inList(ISO4217_NUMERIC, "an ISO 4217 currency code"),
  iso5218: (value) => unless("0129".includes(value), () => badValue(`${value} is not an ISO 5218 sex code.`)),
  mediatype: inList(MEDIA_TYPES, "a GS1 AIDC media type"),
  iban: checkIban,
  importeridx: (value) =>
    unless(/^[-0-9A-Z_a-z]$/.test(value), () => badValue("has an importer index outside GS1's set.")),
  yesno: (value) => unless(value === "0" || value === "1", () => badValue("must be 0 (no) or 1 (yes).")),
  zero: (value) => unless(value === "0", () => badValue("must start with 0.")),
  nonzero: (value) => unless(/[1-9]/.test(value), () => badValue("must not be zero.")),
  nozeroprefix: (value) =>
    unless(value.length === 1 || !value.startsWith("0"), () => badValue("must not start with 0.")),
  hasnondigit: (value) =>
    unless(/\D/.test(value), () => badValue("must contain a character other than a digit.")),
  hyphen: (value) => unless(value === "-", () => badValue("may only end with a minus sign.")),
  winding: (value) =>
    unless("019".includes(value), () => badValue("has a winding direction other than 0, 1 or 9.")),
  pcenc: (value) =>
    unless(!/%(?![0-9A-Fa-f]{2})/.test(value), () => badValue("has a % that does not start a %-escape.")),
  pieceoftotal: (value) => {
    const piece = Number(value.slice(0, value.length / 2));
    const total = Number(value.slice(value.length / 2));
    return unless(piece >= 1 && piece <= total, () => badValue(`says piece ${piece} of ${total}.`));
  },
  posinseqslash: (value) => {
    const match = /^(\d)\/(\d)$/.exec(value);
    const ok = match !== null && Number(match[1]) >= 1 && Number(match[1]) <= Number(match[2]);
    return unless(ok, () => badValue("is not a position in a sequence such as 1/2."));
  },
  latitude: (value) => unless(Number(value) <= 1_800_000_000, () => badValue("is not a latitude.")),
  longitude: (value) => unless(Number(value) <= 3_600_000_000, () => badValue("is not a longitude.")),
};
