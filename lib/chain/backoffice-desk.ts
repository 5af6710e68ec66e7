// Reads for the back-office pages (manufacturer, lab, auditor): a maker's products, meltblown lots,
// workshops and batches with what their release waits for; every batch with the rule set its tests are
// judged by; the spec-failure complaints a lab's retest can decide; the workshops' attestations. Plain
// typed objects; the writes are backoffice.ts.
import { id, type Provider, type Result } from "ethers";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents } from "./logs";
import { allComplaints, batchLots, complaintKindOf, complaintStatusOf } from "./field";
import type { MetricRule } from "../domain/standards";

const num = (value: unknown) => Number(value as bigint);
const optionalTime = (value: unknown) => (num(value) === 0 ? null : num(value));
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export interface ProductView {
  gtin: string;
  category: number;
  name: string;
}

export interface LotView {
  lotId: number;
  code: string;
  grade: string;
  supplier: string;
  owner: string;
  massGrams: number;
  consumedGrams: number;
  registeredAt: number;
}

export interface CategoryRulesView {
  minHoldDays: number;
  typicalMasksPerKg: number;
  maxMasksPerKg: number;
}

export interface WorkshopView {
  workshopId: string;
  name: string;
  manufacturer: string;
  /** The latest attestation's period. */
  validFrom: number;
  validUntil: number;
  attestationId: number;
}

export interface BatchView {
  batchId: string;
  gtin: string;
  lot: string;
  manufacturer: string;
  category: number;
  productionDate: number;
  expiryDate: number;
  masks: number;
  masksPerBox: number;
  boxes: number;
  serialStart: number;
  signer: string;
  possessionRoot: string;
  registeredAt: number;
  releasedAt: number | null;
  recalledAt: number | null;
  recallReason: string;
  workshopId: string;
  productionLicenceId: number;
  /** End of sterilisation, null until recorded. */
  sterilisedAt: number | null;
  testsPassed: boolean;
  reports: number;
}

export interface ReleaseContext {
  licenceValidNow: boolean;
  attestationValidNow: boolean;
  rules: CategoryRulesView;
}

const contractsOf = (deployment: Deployment, provider: Provider) =>
  bindContracts(deployment.addresses, provider);

/** Products registered to a manufacturer, from their registrations. */
export async function productsOf(
  deployment: Deployment,
  provider: Provider,
  manufacturer: string,
): Promise<ProductView[]> {
  const access = contractsOf(deployment, provider).AccessRegistry;
  const registered = await readEvents(deployment, provider, "AccessRegistry", "ProductRegistered", [
    null,
    manufacturer,
  ]);
  return Promise.all(
    registered
      .map(({ args }) => args)
      .map(async (args) => {
        const gtin = args.getValue("gtin") as bigint;
        const product = (await access.getFunction("product")(gtin)) as Result;
        return {
          gtin: String(gtin).padStart(14, "0"),
          category: num(product.getValue("category")),
          name: String(product.getValue("name")),
        };
      }),
  );
}

/** Every meltblown lot on the record (lot ids start at 1; a demo chain holds a few dozen). */
export async function allLots(deployment: Deployment, provider: Provider): Promise<LotView[]> {
  const materials = contractsOf(deployment, provider).MaterialRegistry;
  const count = num(await materials.getFunction("lotCount")());
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const lot = (await materials.getFunction("lot")(index + 1)) as Result;
      return {
        lotId: index + 1,
        code: String(lot.getValue("code")),
        grade: String(lot.getValue("grade")),
        supplier: String(lot.getValue("supplier")),
        owner: String(lot.getValue("owner")),
        massGrams: num(lot.getValue("massGrams")),
        consumedGrams: num(lot.getValue("consumedGrams")),
        registeredAt: num(lot.getValue("registeredAt")),
      };
    }),
  );
}

export async function categoryRules(
  deployment: Deployment,
  provider: Provider,
  category: number,
): Promise<CategoryRulesView> {
  const rules = (await contractsOf(deployment, provider).AccessRegistry.getFunction("categoryRules")(
    category,
  )) as Result;
  return {
    minHoldDays: num(rules.getValue("minHoldDays")),
    typicalMasksPerKg: num(rules.getValue("typicalMasksPerKg")),
    maxMasksPerKg: num(rules.getValue("maxMasksPerKg")),
  };
}

/** Workshops with an attestation on the record (of one manufacturer, or all), each with its latest one. */
export async function attestedWorkshops(
  deployment: Deployment,
  provider: Provider,
  manufacturer: string | null,
): Promise<WorkshopView[]> {
  const materials = contractsOf(deployment, provider).MaterialRegistry;
  const attested = await readEvents(deployment, provider, "MaterialRegistry", "WorkshopAttested", [
    null,
    null,
    manufacturer,
  ]);
  const latest = new Map<string, number>();
  for (const { args } of attested) {
    latest.set(String(args.getValue("workshopId")), num(args.getValue("attestationId")));
  }
  return Promise.all(
    [...latest].map(async ([workshopId, attestationId]) => {
      const a = (await materials.getFunction("attestation")(attestationId)) as Result;
      return {
        workshopId,
        attestationId,
        name: String(a.getValue("workshopName")),
        manufacturer: String(a.getValue("manufacturer")),
        validFrom: num(a.getValue("validFrom")),
        validUntil: num(a.getValue("validUntil")),
      };
    }),
  );
}

export interface AttestationView {
  attestationId: number;
  auditor: string;
  manufacturer: string;
  workshopName: string;
  staffHealthChecked: boolean;
  staffTrained: boolean;
  validFrom: number;
  validUntil: number;
  attestedAt: number;
}

/** The latest attestations on the record, newest first. */
export async function recentAttestations(
  deployment: Deployment,
  provider: Provider,
  limit: number,
): Promise<AttestationView[]> {
  const materials = contractsOf(deployment, provider).MaterialRegistry;
  const count = num(await materials.getFunction("attestationCount")());
  const ids = Array.from({ length: Math.min(limit, count) }, (_, i) => count - i);
  return Promise.all(
    ids.map(async (attestationId) => {
      const a = (await materials.getFunction("attestation")(attestationId)) as Result;
      return {
        attestationId,
        auditor: String(a.getValue("auditor")),
        manufacturer: String(a.getValue("manufacturer")),
        workshopName: String(a.getValue("workshopName")),
        staffHealthChecked: Boolean(a.getValue("staffHealthChecked")),
        staffTrained: Boolean(a.getValue("staffTrained")),
        validFrom: num(a.getValue("validFrom")),
        validUntil: num(a.getValue("validUntil")),
        attestedAt: num(a.getValue("attestedAt")),
      };
    }),
  );
}

/** One batch as the registries keep it, or null when it is not registered. */
export async function readBatch(
  deployment: Deployment,
  provider: Provider,
  batchId: string,
): Promise<BatchView | null> {
  const { BatchRegistry, TestRegistry } = contractsOf(deployment, provider);
  if (!((await BatchRegistry.getFunction("exists")(batchId)) as boolean)) return null;
  const [b, sterilisation, passed, reports, category, lots] = await Promise.all([
    BatchRegistry.getFunction("batch")(batchId) as Promise<Result>,
    BatchRegistry.getFunction("sterilisation")(batchId) as Promise<Result>,
    TestRegistry.getFunction("testsPassed")(batchId) as Promise<boolean>,
    TestRegistry.getFunction("reportCount")(batchId) as Promise<bigint>,
    BatchRegistry.getFunction("category")(batchId) as Promise<bigint>,
    batchLots(deployment, provider, [batchId]),
  ]);
  return {
    batchId,
    gtin: String(b.getValue("gtin")).padStart(14, "0"),
    lot: lots.get(batchId)?.lot ?? "",
    manufacturer: String(b.getValue("manufacturer")),
    category: num(category),
    productionDate: num(b.getValue("productionDate")),
    expiryDate: num(b.getValue("expiryDate")),
    masks: num(b.getValue("masks")),
    masksPerBox: num(b.getValue("masksPerBox")),
    boxes: num(b.getValue("boxes")),
    serialStart: num(b.getValue("serialStart")),
    signer: String(b.getValue("signer")),
    possessionRoot: String(b.getValue("possessionRoot")),
    registeredAt: num(b.getValue("registeredAt")),
    releasedAt: optionalTime(b.getValue("releasedAt")),
    recalledAt: optionalTime(b.getValue("recalledAt")),
    recallReason: String(b.getValue("recallReason")),
    workshopId: String(b.getValue("workshopId")),
    productionLicenceId: num(b.getValue("productionLicenceId")),
    sterilisedAt: optionalTime(sterilisation.getValue("endedAt")),
    testsPassed: passed,
    reports: num(reports),
  };
}

/** Batch ids registered (by one manufacturer, or by anyone), newest first. */
export async function batchIds(
  deployment: Deployment,
  provider: Provider,
  manufacturer: string | null,
): Promise<string[]> {
  const registered = await readEvents(deployment, provider, "BatchRegistry", "BatchRegistered", [
    null,
    null,
    manufacturer,
  ]);
  return registered.map(({ args }) => String(args.getValue("batchId"))).reverse();
}

/** What a batch's release also depends on now: the production licence, the workshop's attestation. */
export async function releaseContext(
  deployment: Deployment,
  provider: Provider,
  batch: BatchView,
  now: number,
): Promise<ReleaseContext> {
  const { AccessRegistry, MaterialRegistry } = contractsOf(deployment, provider);
  const [licenceValidNow, covering, rules] = await Promise.all([
    AccessRegistry.getFunction("isLicenceValidAt")(batch.productionLicenceId, now) as Promise<boolean>,
    MaterialRegistry.getFunction("attestationCovering")(batch.workshopId, now) as Promise<Result>,
    categoryRules(deployment, provider, batch.category),
  ]);
  return { licenceValidNow, attestationValidNow: Boolean(covering.getValue("found")), rules };
}

export interface RuleSetView {
  ruleSetId: number;
  standard: string;
  rules: MetricRule[];
}

/** The rule set a batch's tests are judged by: the one in force for its category on its production date. */
export async function ruleSetFor(
  deployment: Deployment,
  provider: Provider,
  category: number,
  productionDate: number,
): Promise<RuleSetView | null> {
  const tests = contractsOf(deployment, provider).TestRegistry;
  const inForce = (await tests.getFunction("ruleSetInForce")(category, productionDate)) as Result;
  if (!inForce.getValue("found")) return null;
  const ruleSetId = num(inForce.getValue("ruleSetId"));
  const set = (await tests.getFunction("ruleSet")(ruleSetId)) as Result;
  const rules = (set.getValue("rules") as Result[]).map((rule) => {
    const min = rule.getValue("min") as bigint;
    const max = rule.getValue("max") as bigint;
    return {
      metric: num(rule.getValue("metric")) as MetricRule["metric"],
      min: min === INT64_MIN ? null : Number(min),
      max: max === INT64_MAX ? null : Number(max),
    };
  });
  return { ruleSetId, standard: String(set.getValue("standard")), rules };
}

export interface RetestWanted {
  complaintId: number;
  batchId: string;
  gtin: string | null;
  lot: string | null;
  serial: number;
  filedAt: number;
  answerDeadline: number;
}

/**
 * Spec-failure complaints awaiting a ruling: each is decided by a lab's retest of its batch (or by an
 * inspector), oldest first.
 */
export async function retestsWanted(deployment: Deployment, provider: Provider): Promise<RetestWanted[]> {
  const waiting = (await allComplaints(deployment, provider)).filter(
    (c) =>
      complaintKindOf(c) === "spec-failure" &&
      (complaintStatusOf(c) === "open" || complaintStatusOf(c) === "answered"),
  );
  const lots = await batchLots(
    deployment,
    provider,
    waiting.map((c) => String(c.getValue("batchId"))),
  );
  return waiting.map((c) => {
    const batchId = String(c.getValue("batchId"));
    return {
      complaintId: num(c.getValue("id")),
      batchId,
      gtin: lots.get(batchId)?.gtin ?? null,
      lot: lots.get(batchId)?.lot ?? null,
      serial: num(c.getValue("serial")),
      filedAt: num(c.getValue("filedAt")),
      answerDeadline: num(c.getValue("answerDeadline")),
    };
  });
}

export interface ParticipantEntry {
  address: string;
  name: string;
}

/** Participants registered with `role` (e.g. "MANUFACTURER"), from the registrations on the record. */
export async function participantsWithRole(
  deployment: Deployment,
  provider: Provider,
  role: string,
): Promise<ParticipantEntry[]> {
  const registered = await readEvents(deployment, provider, "AccessRegistry", "ParticipantRegistered", [
    null,
    id(`${role}_ROLE`),
  ]);
  return registered.map(({ args }) => ({
    address: String(args.getValue("account")),
    name: String(args.getValue("name")),
  }));
}
