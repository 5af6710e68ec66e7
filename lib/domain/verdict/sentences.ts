// Pieces of sentence several checks' messages share, in each language: a reason or a legal basis the
// record may or may not give, and sentences appended after a first one.

/** ": reason", or nothing when the record gives none. */
export function reasonSuffix(reason: string): string {
  return reason.trim() ? `: ${reason.trim()}` : "";
}

/** "：原因", or nothing when the record gives none. */
export function reasonSuffixZh(reason: string): string {
  return reason.trim() ? `：${reason.trim()}` : "";
}

/** " (legal basis)", or nothing when the record gives none. */
export function basisSuffix(basis: string): string {
  return basis.trim() ? ` (${basis.trim()})` : "";
}

/** "（依据）", or nothing when the record gives none. */
export function basisSuffixZh(basis: string): string {
  return basis.trim() ? `（${basis.trim()}）` : "";
}

/** Sentences after a first one, each preceded by a space; nothing when there are none. */
export function joinAfter(sentences: string[]): string {
  return sentences.length === 0 ? "" : ` ${sentences.join(" ")}`;
}
