// A released batch of surgical masks of its own for a test that changes its record (a recall, a
// complaint), made on the local chain through the back office as each accountable party would: the
// supplier registers and hands over a meltblown lot, 青禾 registers the batch made 20 days ago with its
// possession root and publishes the list (as the server does for a batch registered on the web), records
// its sterilisation, the lab posts passing results, 青禾 releases it (the 14-day hold is over). No other
// test knows the batch.
import { dirname } from "node:path";
import { backoffice } from "../../lib/chain/backoffice";
import { demoActor } from "../../scripts/demo/plugin";
import { demoSerialSigner } from "../../scripts/demo/accounts";
import { PARTIES, PRODUCTS, STERILIZER, WORKSHOPS } from "../../scripts/demo/world";
import { keyedSecrets, possessionListFor } from "../../lib/chain/labels";
import { possessionRoot } from "../../lib/chain/possession";
import { boxesFor } from "../../lib/domain/backoffice";
import { formatBoxSecret } from "../../lib/domain/box-secret";
import { DAY, secondsToIsoDate, startOfDay } from "../../lib/domain/time";
import { openDb } from "../../lib/stores/db";
import { PossessionStore } from "../../lib/stores/possession-store";
import { chain, scenarioBatch, signedBoxCode } from "../field/boxes";

/** YY 0469 metrics (fixed point) that pass: BFE 98.6 %, PFE 41 %, Δp 38 Pa, blood, flame, CFU, EO. */
const PASSING = { 1: 9860, 2: 4100, 3: 380, 4: 120, 5: 0, 6: 20, 7: 32 };

export interface FreshBatch {
  gtin: string;
  lot: string;
  /** The code on box `serial` (serials start at 1). */
  code: (serial: number) => string;
  /** The secret printed inside box `serial`, as a consumer types it into a complaint. */
  secret: (serial: number) => string;
}

export async function releasedBatch(name: string): Promise<FreshBatch> {
  const { deployment, provider } = chain();
  const [supplier, qinghe, lab] = await Promise.all([
    demoActor(provider, "supplier"),
    demoActor(provider, "qinghe"),
    demoActor(provider, "lab"),
  ]);
  const suffix = `${name}${Date.now().toString(36).slice(-5)}`.toUpperCase();
  const gtin = PRODUCTS.surgical.gtin;
  const lot = suffix.slice(0, 20);
  const produced = startOfDay(Math.floor(Date.now() / 1000)) - 20 * DAY;
  const expiry = secondsToIsoDate(produced + 2 * 365 * DAY);

  const masks = 5_000;
  const masksPerBox = 50;
  const secrets = keyedSecrets(demoSerialSigner(PARTIES.qinghe.account));
  const possession = possessionListFor(secrets, gtin, lot, 1, boxesFor(masks, masksPerBox));

  const material = await backoffice.registerLot(deployment, supplier, {
    code: `MB-${suffix}`.slice(0, 20),
    grade: "BFE99 25 g/m²",
    kg: 10,
    report: `meltblown report ${suffix}`,
  });
  const lotId = Number(material.created.lotId);
  await backoffice.transferLot(deployment, supplier, { lotId, to: qinghe.address });
  const registered = await backoffice.registerBatch(deployment, qinghe, {
    gtin,
    lot,
    produced: secondsToIsoDate(produced),
    expiry,
    masks,
    masksPerBox,
    serialStart: 1,
    workshop: WORKSHOPS.qinghe,
    materials: [{ lotId, kg: 5 }],
    signer: demoSerialSigner(PARTIES.qinghe.account).address,
    possessionRoot: possessionRoot(possession.leaves),
  });
  const batchId = registered.created.batchId!;
  // Published in the server's database: the test world's PostgreSQL (scripts/test.ts).
  const db = openDb({
    databaseUrl: process.env.DATABASE_URL!,
    dataDir: dirname(process.env.MEDPROOF_DEPLOYMENT_FILE!),
  });
  await new PossessionStore(db).write(batchId, possession).finally(() => db.close());
  await backoffice.recordSterilisation(deployment, qinghe, {
    batchId,
    sterilizer: STERILIZER,
    method: "EO",
    startedAt: produced + 3600,
    endedAt: produced + DAY,
    report: `sterilisation ${suffix}`,
  });
  await backoffice.postTestReport(deployment, lab, {
    batchId,
    results: Object.entries(PASSING).map(([metric, value]) => ({ metric: Number(metric), value })),
    report: `test report ${suffix}`,
    retest: false,
  });
  await backoffice.release(deployment, qinghe, { batchId });
  const base = new URL(scenarioBatch("genuine").code).origin;
  return {
    gtin,
    lot,
    code: (serial) => signedBoxCode({ gtin, lot, expiry, base }, serial),
    secret: (serial) => formatBoxSecret(secrets(gtin, lot, serial)),
  };
}
