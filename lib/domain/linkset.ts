// The Digital Link resolver's answer for a box: the links a GS1 resolver offers for an identifier, as a
// linkset (RFC 9264, application/linkset+json) and as an HTTP Link header (RFC 8288). Link relation types
// are from the GS1 Web Vocabulary, in the https://gs1.org/voc/ form the GS1 resolver standard uses:
// - defaultLink and pip: the verdict page, the product information a person scanning the box wants;
// - epcis: the batch's EPCIS 2.0 events (/api/epcis);
// - support ("a link to a source of support such as a helpdesk"): the complaint form. GS1 has no link
//   type for complaints; support is the closest official one (review/leaveReview are about opinions).
// The links depend only on the code, not on the record: every valid code has a verdict page (an unknown
// product's says so), so the resolver never needs the chain.
import { toDigitalLink, type ScannedCode } from "./gs1";

export const LINKSET_MEDIA_TYPE = "application/linkset+json";

export const LINK_TYPES = {
  defaultLink: "https://gs1.org/voc/defaultLink",
  pip: "https://gs1.org/voc/pip",
  epcis: "https://gs1.org/voc/epcis",
  support: "https://gs1.org/voc/support",
} as const;

export interface LinkTarget {
  href: string;
  title: string;
  type: string;
}

export type LinkContext = { anchor: string } & { [relation: string]: LinkTarget[] | string };

export interface Linkset {
  linkset: [LinkContext];
}

interface Link {
  relation: string;
  target: LinkTarget;
  /** The verdict page itself: left out of the page's own Link header. */
  isThePage: boolean;
}

function links(code: ScannedCode, origin: string): Link[] {
  const base = origin.replace(/\/+$/, "");
  // The page keeps the code's data (expiry, signature): the verdict checks the signature.
  const verdictPage: LinkTarget = {
    href: toDigitalLink(code, base),
    title: "Is this box genuine? The verdict and the record behind it",
    type: "text/html",
  };
  const found: Link[] = [
    { relation: LINK_TYPES.defaultLink, target: verdictPage, isThePage: true },
    { relation: LINK_TYPES.pip, target: verdictPage, isThePage: true },
  ];
  if (code.lot !== null) {
    const query = new URLSearchParams({ gtin: code.gtin, lot: code.lot });
    if (code.serial !== null) query.set("serial", code.serial);
    found.push({
      relation: LINK_TYPES.epcis,
      target: {
        href: `${base}/api/epcis?${query.toString()}`,
        title: "Events of this batch (EPCIS 2.0)",
        type: "application/ld+json",
      },
      isThePage: false,
    });
  }
  // A complaint is about one box: it needs the serial (and the secret printed inside the box).
  if (code.lot !== null && code.serial !== null) {
    found.push({
      relation: LINK_TYPES.support,
      target: {
        href: `${base}/complaints/new?code=${encodeURIComponent(verdictPage.href)}`,
        title: "Report a problem with this box",
        type: "text/html",
      },
      isThePage: false,
    });
  }
  return found;
}

/** The identifier the links are about: the Digital Link of the box (or batch, or product), no data. */
export function linksetAnchor(code: ScannedCode, origin: string): string {
  return toDigitalLink({ gtin: code.gtin, lot: code.lot, serial: code.serial }, origin.replace(/\/+$/, ""));
}

export function buildLinkset(code: ScannedCode, origin: string): Linkset {
  const context: LinkContext = { anchor: linksetAnchor(code, origin) };
  for (const { relation, target } of links(code, origin)) {
    const targets = context[relation];
    context[relation] = Array.isArray(targets) ? [...targets, target] : [target];
  }
  return { linkset: [context] };
}

/** RFC 8288 quoted-string: the titles and types here are plain ASCII, but quotes and backslashes escape. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * The Link header of the verdict page: its other links, and where the whole linkset is (the same address
 * asked for application/linkset+json, or with ?linkType=all).
 */
export function linkHeader(code: ScannedCode, origin: string): string {
  const anchor = linksetAnchor(code, origin);
  const linksetUrl = `${anchor}${anchor.includes("?") ? "&" : "?"}linkType=all`;
  return [
    ...links(code, origin)
      .filter((link) => !link.isThePage)
      .map(
        ({ relation, target }) => `<${target.href}>; rel=${quoted(relation)}; type=${quoted(target.type)}`,
      ),
    `<${linksetUrl}>; rel="linkset"; type=${quoted(LINKSET_MEDIA_TYPE)}`,
  ].join(", ");
}
