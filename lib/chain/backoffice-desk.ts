// Reads for the back-office pages (manufacturer, lab, auditor): a maker's products, meltblown lots,
// workshops and batches with what their release waits for; every batch with the rule set its tests are
// judged by; the spec-failure complaints a lab's retest can decide; the workshops' attestations. Plain
// typed objects; the writes are backoffice.ts.
import { id, type Provider } from "ethers";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents } from "./logs";
import { allComplaints, batchLots, complaintKindOf, complaintStatusOf } from "./field";
import { batchRegistration, type BatchRegistration } from "./lens";
import { INT64_MAX, INT64_MIN } from "./units";
import type { MetricRule } from "../domain/standards";

const num = (value: unknown) => Number(value as bigint);
const optionalTime = (value: unknown) => (num(value) === 0 ? null : num(value));

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

/** A batch as the back office shows it: its registration (lens.ts) and what its release waits for. */
export interface BatchView extends BatchRegistration {
  batchId: string;
  gtin: string;
  lot: string;
  manufacturer: string;
  category: number;
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
        const gtin = args.gtin;
        const product = await access.getFunction("product")(gtin);
        return {
          gtin: String(gtin).padStart(14, "0"),
          category: num(product.category),
          name: String(product.name),
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
      const lot = await materials.getFunction("lot")(index + 1);
      return {
        lotId: index + 1,
        code: String(lot.code),
        grade: String(lot.grade),
        supplier: String(lot.supplier),
        owner: String(lot.owner),
        massGrams: num(lot.massGrams),
        consumedGrams: num(lot.consumedGrams),
        registeredAt: num(lot.registeredAt),
      };
    }),
  );
}

export async function categoryRules(
  deployment: Deployment,
  provider: Provider,
  category: number,
): Promise<CategoryRulesView> {
  const rules = await contractsOf(deployment, provider).AccessRegistry.getFunction("categoryRules")(category);
  return {
    minHoldDays: num(rules.minHoldDays),
    typicalMasksPerKg: num(rules.typicalMasksPerKg),
    maxMasksPerKg: num(rules.maxMasksPerKg),
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
    latest.set(String(args.workshopId), num(args.attestationId));
  }
  return Promise.all(
    [...latest].map(async ([workshopId, attestationId]) => {
      const a = await materials.getFunction("attestation")(attestationId);
      return {
        workshopId,
        attestationId,
        name: String(a.workshopName),
        manufacturer: String(a.manufacturer),
        validFrom: num(a.validFrom),
        validUntil: num(a.validUntil),
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
      const a = await materials.getFunction("attestation")(attestationId);
      return {
        attestationId,
        auditor: String(a.auditor),
        manufacturer: String(a.manufacturer),
        workshopName: String(a.workshopName),
        staffHealthChecked: Boolean(a.staffHealthChecked),
        staffTrained: Boolean(a.staffTrained),
        validFrom: num(a.validFrom),
        validUntil: num(a.validUntil),
        attestedAt: num(a.attestedAt),
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
  if (!(await BatchRegistry.getFunction("exists")(batchId))) return null;
  const [b, sterilisation, passed, reports, category, lots] = await Promise.all([
    BatchRegistry.getFunction("batch")(batchId),
    BatchRegistry.getFunction("sterilisation")(batchId),
    TestRegistry.getFunction("testsPassed")(batchId),
    TestRegistry.getFunction("reportCount")(batchId),
    BatchRegistry.getFunction("category")(batchId),
    batchLots(deployment, provider, [batchId]),
  ]);
  return {
    batchId,
    gtin: String(b.gtin).padStart(14, "0"),
    lot: lots.get(batchId)?.lot ?? "",
    manufacturer: String(b.manufacturer),
    category: num(category),
    ...batchRegistration(b),
    recalledAt: optionalTime(b.recalledAt),
    recallReason: String(b.recallReason),
    workshopId: String(b.workshopId),
    productionLicenceId: num(b.productionLicenceId),
    sterilisedAt: optionalTime(sterilisation.endedAt),
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
  return registered.map(({ args }) => String(args.batchId)).reverse();
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
    AccessRegistry.getFunction("isLicenceValidAt")(batch.productionLicenceId, now),
    MaterialRegistry.getFunction("attestationCovering")(batch.workshopId, now),
    categoryRules(deployment, provider, batch.category),
  ]);
  return { licenceValidNow, attestationValidNow: Boolean(covering.found), rules };
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
  const inForce = await tests.getFunction("ruleSetInForce")(category, productionDate);
  if (!inForce.found) return null;
  const ruleSetId = num(inForce.ruleSetId);
  const set = await tests.getFunction("ruleSet")(ruleSetId);
  const rules = set.rules.map((rule) => {
    const { min, max } = rule;
    return {
      metric: num(rule.metric) as MetricRule["metric"],
      min: min === INT64_MIN ? null : Number(min),
      max: max === INT64_MAX ? null : Number(max),
    };
  });
  return { ruleSetId, standard: String(set.standard), rules };
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
    waiting.map((c) => String(c.batchId)),
  );
  return waiting.map((c) => {
    const batchId = String(c.batchId);
    return {
      complaintId: num(c.id),
      batchId,
      gtin: lots.get(batchId)?.gtin ?? null,
      lot: lots.get(batchId)?.lot ?? null,
      serial: num(c.serial),
      filedAt: num(c.filedAt),
      answerDeadline: num(c.answerDeadline),
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
    address: String(args.account),
    name: String(args.name),
  }));
}
