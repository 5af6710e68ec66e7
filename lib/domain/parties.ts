// Who the record names: the parties it describes in full, by address. The verdict, the timeline and
// the EPCIS document all name parties the same way, so a reader sees one name for one account.
import type { BoxRecord, PartyInfo } from "./record";
import { shortAddress } from "./format";
import type { Locale } from "./locale";

/**
 * Names for the addresses the record mentions. Shipments and reports carry only addresses; the parties
 * the record describes in full (maker, suppliers, holders, price records' sellers, the serial's seller)
 * give them names. An address no one named is shown shortened.
 */
export function partyDirectory(record: BoxRecord, locale: Locale = "en"): (address: string) => string {
  const parties = knownParties(record);
  return (address: string) => parties.get(address.toLowerCase())?.name ?? shortAddress(address, locale);
}

/** Every named party the record describes in full, by lower-case address; the first description wins. */
export function knownParties(record: BoxRecord): Map<string, PartyInfo> {
  const parties = new Map<string, PartyInfo>();
  const add = (party: PartyInfo | null | undefined) => {
    if (party?.account && party.name && !parties.has(party.account.toLowerCase())) {
      parties.set(party.account.toLowerCase(), party);
    }
  };
  add(record.product?.manufacturer);
  for (const holder of record.batch?.holders ?? []) add(holder.party);
  for (const price of record.batch?.prices ?? []) add(price.seller);
  for (const material of record.batch?.materials ?? []) add(material.supplier);
  add(record.serial?.sale?.seller);
  for (const party of record.batch?.namedParties ?? []) add(party);
  for (const complaint of record.batch?.complaints.list ?? []) add(complaint.respondent);
  return parties;
}

/** Addresses come in checksum or lower case depending on who wrote them; one account is one address. */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
