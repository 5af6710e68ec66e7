// The GS1-conformant resolver's answer for a Digital Link (GS1-Conformant Resolver standard, ISO/IEC
// 18975): the links MedProof offers for an identifier, as a linkset (RFC 9264, application/linkset+json,
// valid against GS1's linkset schema) and as an HTTP Link header (RFC 8288). Link types are from the GS1
// Web Vocabulary, in the https://gs1.org/voc/ form the standard uses:
// - defaultLink, also described as verificationService and pip: the verdict page, which is what a person
//   scanning the box wants (the standard asks that the default link also carry a descriptive type);
// - epcis: the batch's EPCIS 2.0 events (/api/epcis), for a lot or a box;
// - support ("a link to a source of support such as a helpdesk"): the complaint form, for a box. GS1 has
//   no link type for complaints; support is the closest official one (review is about opinions).
// The linkset holds one link context per level from the URI requested up to the primary key (box → lot →
// GTIN), as the standard asks. The links depend only on the code, not on the record: every valid code has
// a verdict page (an unknown product's says so), so the resolver never needs the chain.
import type { ScannedCode } from "./gs1";

export const LINKSET_MEDIA_TYPE = "application/linkset+json";
/** GS1's JSON-LD context for linksets, served by the resolver and named in a Link header. */
export const LINKSET_CONTEXT_PATH = "/linkset-context.jsonld";
export const JSON_LD_CONTEXT_RELATION = "http://www.w3.org/ns/json-ld#context";

/** Where a GS1-conformant resolver describes itself. */
export const DESCRIPTION_PATH = "/.well-known/gs1resolver";

/** The resolver's own routes: every Digital Link, the description file and the JSON-LD context. */
export const isResolverPath = (path: string): boolean =>
  path.startsWith("/01/") || path === DESCRIPTION_PATH || path === LINKSET_CONTEXT_PATH;

export const GS1_VOCABULARY = "https://gs1.org/voc/";

export const LINK_TYPES = {
  defaultLink: `${GS1_VOCABULARY}defaultLink`,
  verificationService: `${GS1_VOCABULARY}verificationService`,
  pip: `${GS1_VOCABULARY}pip`,
  epcis: `${GS1_VOCABULARY}epcis`,
  support: `${GS1_VOCABULARY}support`,
} as const;

/** Every page the links lead to answers in both of the app's languages (Accept-Language picks one). */
const PAGE_LANGUAGES = ["en", "zh-CN"];

export interface LinkTarget {
  href: string;
  title: string;
  /** An IANA media type. */
  type: string;
  /** Absent on the default link only: the standard wants it free of optional attributes. */
  hreflang?: string[];
}

export type LinkContext = { anchor: string; itemDescription: string } & {
  [relation: string]: LinkTarget[] | string;
};

export interface Linkset {
  linkset: LinkContext[];
}

/** A Digital Link as requested: the code it parsed to, its path, and its query (data attributes). */
export interface RequestedLink {
  code: ScannedCode;
  /** `/01/<gtin>[/22/…][/10/<lot>][/21/<serial>]` as requested (its %-escapes kept), no trailing slash. */
  path: string;
  /** The request's query without the resolver's own linkType parameter. */
  query: URLSearchParams;
}

interface Link {
  relation: string;
  target: LinkTarget;
}

/** The Digital Link path's AI/value pairs, in order. */
function pairsOf(path: string): [string, string][] {
  const parts = path.split("/").filter((part) => part !== "");
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i] ?? "", parts[i + 1] ?? ""]);
  return pairs;
}

const AI_NAMES: Record<string, string> = { "01": "GTIN", "22": "variant", "10": "lot", "21": "serial" };

/** A path value as printed: its %-escapes decoded (left as they are should one not decode). */
function printed(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function describe(pairs: [string, string][]): string {
  const parts = pairs.map(([ai, value]) => `${AI_NAMES[ai] ?? `AI ${ai}`} ${printed(value)}`);
  return `Medical masks, ${parts.join(", ")}`;
}

/** The links of one level: `pairs` is a prefix of the requested path; `query` only at the requested level. */
function levelLinks(code: ScannedCode, pairs: [string, string][], base: string, query: string): Link[] {
  const ais = new Set(pairs.map(([ai]) => ai));
  const anchor = `${base}/${pairs.flat().join("/")}`;
  // The page keeps the request's data (expiry, signature): the verdict checks the signature.
  const page = `${anchor}${query === "" ? "" : `?${query}`}`;
  const found: Link[] = [
    {
      relation: LINK_TYPES.defaultLink,
      target: {
        href: page,
        title: "Is this genuine? The verdict and the record behind it",
        type: "text/html",
      },
    },
    {
      relation: LINK_TYPES.verificationService,
      target: { href: page, title: "Verify this product", type: "text/html", hreflang: PAGE_LANGUAGES },
    },
    {
      relation: LINK_TYPES.pip,
      target: {
        href: page,
        title: "Product information: maker, tests, release and price cap",
        type: "text/html",
        hreflang: PAGE_LANGUAGES,
      },
    },
  ];
  if (ais.has("10") && code.lot !== null) {
    const epcis = new URLSearchParams({ gtin: code.gtin, lot: code.lot });
    if (ais.has("21") && code.serial !== null) epcis.set("serial", code.serial);
    found.push({
      relation: LINK_TYPES.epcis,
      target: {
        href: `${base}/api/epcis?${epcis.toString()}`,
        title: ais.has("21") ? "Events of this box (EPCIS 2.0)" : "Events of this batch (EPCIS 2.0)",
        type: "application/ld+json",
        // EPCIS field names and codes are English; the document has no other language.
        hreflang: ["en"],
      },
    });
  }
  // A complaint is about one box: it needs the serial (and the secret printed inside the box).
  if (ais.has("21") && code.serial !== null) {
    found.push({
      relation: LINK_TYPES.support,
      target: {
        href: `${base}/complaints/new?code=${encodeURIComponent(page)}`,
        title: "Report a problem with this box",
        type: "text/html",
        hreflang: PAGE_LANGUAGES,
      },
    });
  }
  return found;
}

interface Level {
  anchor: string;
  itemDescription: string;
  links: Link[];
}

/** The requested level first, then each shorter prefix of the path down to the GTIN alone. */
function levels(request: RequestedLink, origin: string): Level[] {
  const base = origin.replace(/\/+$/, "");
  const pairs = pairsOf(request.path);
  const found: Level[] = [];
  for (let length = pairs.length; length >= 1; length--) {
    const prefix = pairs.slice(0, length);
    found.push({
      anchor: `${base}/${prefix.flat().join("/")}`,
      itemDescription: describe(prefix),
      links: levelLinks(request.code, prefix, base, length === pairs.length ? request.query.toString() : ""),
    });
  }
  return found;
}

/** The identifier the links are about: the Digital Link requested, without its data attributes. */
export function linksetAnchor(request: RequestedLink, origin: string): string {
  return `${origin.replace(/\/+$/, "")}${request.path}`;
}

export function buildLinkset(request: RequestedLink, origin: string): Linkset {
  return {
    linkset: levels(request, origin).map(({ anchor, itemDescription, links }) => {
      const context: LinkContext = { anchor, itemDescription };
      for (const { relation, target } of links) {
        const targets = context[relation];
        context[relation] = Array.isArray(targets) ? [...targets, target] : [target];
      }
      return context;
    }),
  };
}

/** A linkType as asked (`gs1:epcis`, `https://gs1.org/voc/epcis`, its http form) as the full URI. */
export function linkTypeUri(linkType: string): string {
  if (linkType.startsWith("gs1:")) return `${GS1_VOCABULARY}${linkType.slice(4)}`;
  if (linkType.startsWith("http://gs1.org/voc/")) return `${GS1_VOCABULARY}${linkType.slice(19)}`;
  return linkType;
}

/**
 * Where `?linkType=<type>` leads: the link of that type at the most specific level that has one, with the
 * request's query passed on (parameters the target already has are kept as the target has them);
 * null when no level has the type.
 */
export function linkTargetOf(request: RequestedLink, origin: string, linkType: string): string | null {
  const relation = linkTypeUri(linkType);
  for (const level of levels(request, origin)) {
    const link = level.links.find((candidate) => candidate.relation === relation);
    if (link === undefined) continue;
    const target = new URL(link.target.href);
    for (const [key, value] of request.query) {
      if (!target.searchParams.has(key)) target.searchParams.append(key, value);
    }
    return target.toString();
  }
  return null;
}

/** RFC 8288 quoted-string: the titles and types here are plain ASCII, but quotes and backslashes escape. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/** Where the whole linkset is: the anchor with ?linkType=linkset (or asked as application/linkset+json). */
export const linksetUrl = (request: RequestedLink, origin: string): string =>
  `${linksetAnchor(request, origin)}?linkType=linkset`;

/**
 * The Link header of every answer at a Digital Link (the page, the JSON verdict, a redirect): the links of
 * the level requested, and where the whole linkset is, so a client that was redirected still finds it.
 */
export function linkHeader(request: RequestedLink, origin: string): string {
  const [requested] = levels(request, origin);
  return [
    ...(requested?.links ?? []).map(
      ({ relation, target }) => `<${target.href}>; rel=${quoted(relation)}; type=${quoted(target.type)}`,
    ),
    `<${linksetUrl(request, origin)}>; rel="linkset"; type=${quoted(LINKSET_MEDIA_TYPE)}`,
  ].join(", ");
}

/** The Link header of a linkset answer: GS1's JSON-LD context, which makes the linkset JSON-LD. */
export const contextLinkHeader = (origin: string): string =>
  `<${origin.replace(/\/+$/, "")}${LINKSET_CONTEXT_PATH}>; rel=${quoted(JSON_LD_CONTEXT_RELATION)}; type="application/ld+json"`;

/**
 * The resolver description file (`/.well-known/gs1resolver`), valid against GS1's description file
 * schema: GTINs (AI 01) with their qualifiers CPV (22), lot (10) and serial (21) in the Digital Link
 * order, GS1 Web Vocabulary link types, linkset never the default, and where the JSON-LD context is.
 * `supportedQualifiers` is MedProof's own addition (the schema allows other members): the schema lists
 * primary keys only.
 */
export function resolverDescription(origin: string) {
  const root = origin.replace(/\/+$/, "");
  return {
    name: "MedProof — medical mask verification",
    resolverRoot: root,
    supportedPrimaryKeys: ["01"],
    supportedQualifiers: { "01": ["22", "10", "21"] },
    supportedLinkType: [{ namespace: GS1_VOCABULARY, prefix: "gs1:" }],
    linkTypeDefaultCanBeLinkset: false,
    jsonLdContextLocation: `${root}${LINKSET_CONTEXT_PATH}`,
  };
}
