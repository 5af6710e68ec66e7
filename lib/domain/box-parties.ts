// Who made, supplied, checked, moved and sold a box, by name and account, from its record: the verdict's
// facts link each of them to its public profile and credit (/participants/<address>), so no one who
// answers for a box stays anonymous. Where the box was sold is a fact of its own: a serial the record
// holds as sold names the shop and the day; one it does not is "not recorded as sold".
import type { BoxRecord } from "./record";
import { knownParties, sameAddress } from "./parties";

export interface NamedParty {
  account: string;
  /** The registered name, or null when the record gives only the address. */
  name: string | null;
}

export type BoxSale =
  | { status: "sold"; seller: NamedParty; soldAt: number }
  /** The serial is one the batch issued, and no shop recorded its sale. */
  | { status: "not-sold" };

export interface BoxParties {
  maker: NamedParty;
  /** The meltblown suppliers of the batch's material lots. */
  suppliers: NamedParty[];
  /** The auditor who attested the workshop for the production date. */
  auditor: NamedParty | null;
  /** The laboratories that posted the batch's test reports, retests included. */
  labs: NamedParty[];
  /** Parties other than the maker that shipped boxes of the batch on. */
  distributors: NamedParty[];
  /** Null when the code names no box the batch issued (no serial, or one outside its range). */
  sale: BoxSale | null;
}

/** The parties of a box whose product is on the record; each listed once, in the record's order. */
export function boxParties(record: BoxRecord): BoxParties | null {
  const { product, batch, serial } = record;
  if (product === null) return null;
  const known = knownParties(record);
  const named = (account: string): NamedParty => ({
    account,
    name: known.get(account.toLowerCase())?.name ?? null,
  });
  const distinct = (accounts: string[]): NamedParty[] =>
    accounts
      .filter((account, i) => accounts.findIndex((other) => sameAddress(other, account)) === i)
      .map(named);
  const maker = product.manufacturer.account;
  const sale = serial?.sale ?? null;
  return {
    maker: named(maker),
    suppliers: distinct((batch?.materials ?? []).map((m) => m.supplier.account)),
    auditor: batch?.attestation ? named(batch.attestation.auditor) : null,
    labs: distinct((batch?.tests ?? []).map((t) => t.lab)),
    distributors: distinct(
      (batch?.shipments ?? []).map((s) => s.from).filter((from) => !sameAddress(from, maker)),
    ),
    sale:
      sale !== null
        ? { status: "sold", seller: named(sale.seller.account), soldAt: sale.soldAt }
        : serial?.inRange
          ? { status: "not-sold" }
          : null,
  };
}
