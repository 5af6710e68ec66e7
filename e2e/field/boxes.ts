// For the field tests: signed codes of any box of a seeded batch (as its maker prints them), and, as the
// tests' own setup on the local chain, shipments from the distributor, a box a pharmacy sold, purchase
// orders placed and fulfilled through the real order book, and shops registered for one test.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { signSerial } from "../../lib/chain/serials";
import { demoSerialSigner, demoWallet } from "../../scripts/demo/accounts";
import { PARTIES, PRODUCTS } from "../../scripts/demo/world";
import { backoffice, batchIdOf, orderBalancesOf, readOrder, sendCall } from "../../lib/chain/backoffice";
import { contractCall } from "../../lib/chain/contracts";
import { roleId } from "../../lib/chain/field";
import { demoActor } from "../../scripts/demo/plugin";
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
  const distributor = await demoActor(provider, "distributor");
  const recipient = await demoActor(provider, to);
  const shipped = await backoffice.ship(deployment, distributor, {
    batchId: await batchIdOf(deployment, provider, batch.gtin, batch.lot),
    to: recipient.address,
    boxes,
  });
  return Number(shipped.created.shipmentId);
}

/** The address of a demo party on the local chain. */
export const partyAddress = (party: keyof typeof PARTIES): string =>
  demoWallet(PARTIES[party].account).address;

/**
 * A box `party` sold: the distributor ships it one box of the scenario's batch, `party` accepts it and
 * decommissions serial `serial` (any serial of the batch: custody counts boxes, not serials).
 */
export async function boxSoldBy(scenarioId: string, party: keyof typeof PARTIES, serial: number) {
  const { deployment, provider } = chain();
  const shipmentId = await shipFromDistributor(scenarioId, party, 1);
  const seller = await demoActor(provider, party);
  await backoffice.acceptShipment(deployment, seller, { shipmentId });
  const batch = scenarioBatch(scenarioId);
  await backoffice.decommission(deployment, seller, {
    batchId: await batchIdOf(deployment, provider, batch.gtin, batch.lot),
    serial,
  });
}

/**
 * A purchase order through the real order book: `buyer` orders `boxes` boxes of the scenario's batch from
 * the distributor at `fenPerPiece` and pays into escrow; the distributor ships them and ties the shipment.
 */
export async function fulfilledOrder(
  scenarioId: string,
  buyer: keyof typeof PARTIES,
  boxes: number,
  fenPerPiece: number,
): Promise<{ orderId: number; shipmentId: number; amountFen: number }> {
  const { deployment, provider } = chain();
  const batch = scenarioBatch(scenarioId);
  const buying = await demoActor(provider, buyer);
  const distributor = await demoActor(provider, "distributor");
  const latest = await provider.getBlock("latest");
  const placed = await backoffice.placeOrder(deployment, buying, {
    seller: distributor.address,
    batchId: await batchIdOf(deployment, provider, batch.gtin, batch.lot),
    boxes,
    fenPerPiece,
    deadline: (latest?.timestamp ?? 0) + 7 * 86_400,
  });
  const orderId = Number(placed.created.orderId);
  const fulfilled = await backoffice.fulfilOrder(deployment, distributor, { orderId });
  const order = await readOrder(deployment, provider, orderId);
  return { orderId, shipmentId: Number(fulfilled.created.shipmentId), amountFen: order.amountFen };
}

/** An order's status and what the order book owes its buyer and its seller, read from the chain. */
export async function orderOnChain(orderId: number) {
  const { deployment, provider } = chain();
  const order = await readOrder(deployment, provider, orderId);
  const [buyer, seller] = await Promise.all([
    orderBalancesOf(deployment, provider, order.buyer),
    orderBalancesOf(deployment, provider, order.seller),
  ]);
  return { status: order.status, buyerOwedFen: buyer.owedFen, sellerOwedFen: seller.owedFen };
}

/**
 * A pharmacy registered by the regulator for one test, with no bond and no custody of anything: a shop a
 * counterfeit finding can be charged to (shortfall and suspension included) without touching the seeded
 * sellers the other tests act as. Returns its address.
 */
export async function registerShop(name: string): Promise<string> {
  const { deployment, provider } = chain();
  const regulator = await demoActor(provider, "regulator");
  const account = `0x${randomBytes(20).toString("hex")}`;
  await sendCall(
    deployment,
    regulator,
    contractCall("AccessRegistry", "registerParticipant", [
      account,
      roleId("PHARMACY"),
      name,
      "92320508MA2TEST00X",
      320500,
    ]),
  );
  return account;
}
