// The checks of a verdict, in the order a shopper reads them. Adding a check is adding its module to
// this list: the CheckId union, the headline order and the essential set are all derived from it, so
// there is no second list to forget.
import { code } from "./checks/code";
import { registered } from "./checks/registered";
import { signature } from "./checks/signature";
import { licence } from "./checks/licence";
import { workshop } from "./checks/workshop";
import { material } from "./checks/material";
import { tests } from "./checks/tests";
import { release } from "./checks/release";
import { expiry } from "./checks/expiry";
import { recall } from "./checks/recall";
import { custody } from "./checks/custody";
import { clone } from "./checks/clone";
import { price } from "./checks/price";
import { complaints } from "./checks/complaints";

export const CHECKS = [
  code,
  registered,
  signature,
  licence,
  workshop,
  material,
  tests,
  release,
  expiry,
  recall,
  custody,
  clone,
  price,
  complaints,
] as const;

export type CheckId = (typeof CHECKS)[number]["id"];

/** Every check id, in display order: a verdict always lists every check, in this order. */
export const CHECK_IDS: readonly CheckId[] = CHECKS.map((check) => check.id);

/**
 * Which problem the headline names when there are several, gravest first: what makes a box unusable
 * for certain (recalled, a copied or forged code) before what makes it doubtful.
 */
export const HEADLINE_PRIORITY: readonly CheckId[] = [...CHECKS]
  .sort((a, b) => a.priority - b.priority)
  .map((check) => check.id);

/**
 * Checks whose `unknown` keeps a box from being called genuine: without them we cannot say the box is
 * the maker's, fit to use and not withdrawn. The others are context.
 */
export const ESSENTIAL_CHECKS: readonly CheckId[] = CHECKS.filter((check) => check.essential).map(
  (check) => check.id,
);

/** Checks whose failure doubts that the code is the maker's own (a forged, copied or never-issued code). */
export const AUTHENTICITY_CHECKS: readonly CheckId[] = CHECKS.filter((check) => check.authenticity).map(
  (check) => check.id,
);
