// For the field tests: signed codes of any box of a seeded batch (as its maker prints them), and a
// shipment made on the local chain as the distributor, as the tests' own setup.
import { readFileSync } from "node:fs";
import { signSerial } from "../../lib/chain/serials";
import { demoSerialSigner } from "../../lib/chain/demo/accounts";
import { PARTIES, PRODUCTS } from "../../lib/chain/demo/world";
import { actorFrom, backoffice, batchIdOf } from "../../lib/chain/backoffice";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";
import { toDigitalLink } from "../../lib/domain/gs1";

interface Scenario {
  id: string;
  gtin: string;
  lot: string;
  expiry: string;
  code: string;
}

const scenarios = () => JSON.parse(readFileSync("public/demo/scenarios.json", "utf8")) as Scenario[];

export function scenarioBatch(id: string): Scenario {
  const found = scenarios().find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** The code printed on box `serial` of the scenario's batch, signed by its maker's serial key. */
export function boxCode(scenarioId: string, serial: number): string {
  const batch = scenarioBatch(scenarioId);
  return signedBoxCode({ ...batch, base: new URL(batch.code).origin }, serial);
}

/** The code printed on box `serial` of any batch of a demo product, signed by its maker's serial key. */
export function signedBoxCode(
  batch: { gtin: string; lot: string; expiry: string; base: string },
  serial: number,
): string {
  const product = Object.values(PRODUCTS).find((p) => p.gtin === batch.gtin);
  if (!product) throw new Error(`no product ${batch.gtin}`);
  const key = demoSerialSigner(PARTIES[product.maker].account).signingKey;
  const signature = signSerial(key, batch.gtin, batch.lot, String(serial));
  return toDigitalLink(
    { gtin: batch.gtin, lot: batch.lot, serial: String(serial), expiry: batch.expiry, signature },
    batch.base,
  );
}

/** The test world's chain, from the variables `npm test` sets. */
export function chain() {
  const rpcUrl = process.env.MEDPROOF_RPC_URL;
  const file = process.env.MEDPROOF_DEPLOYMENT_FILE;
  if (!rpcUrl || !file)
    throw new Error("MEDPROOF_RPC_URL and MEDPROOF_DEPLOYMENT_FILE: run through npm test");
  const deployment = readDeployment(file);
  return { deployment, provider: rpcProvider(rpcUrl, deployment.chainId) };
}

/** The distributor ships `boxes` boxes of the scenario's batch to `to`; returns the shipment id. */
export async function shipFromDistributor(
  scenarioId: string,
  to: keyof typeof PARTIES,
  boxes: number,
): Promise<number> {
  const { deployment, provider } = chain();
  const batch = scenarioBatch(scenarioId);
  const distributor = await actorFrom(provider, { demoParty: "distributor" });
  const recipient = await actorFrom(provider, { demoParty: to });
  const shipped = await backoffice.ship(deployment, distributor, {
    batchId: await batchIdOf(deployment, provider, batch.gtin, batch.lot),
    to: recipient.address,
    boxes,
  });
  return Number(shipped.created.shipmentId);
}
