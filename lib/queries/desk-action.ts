// One desk action, on every desk (field, back office, regulator), for either signer of the acting account
// (session.ts's DeskActor). With the account's own wallet: the server prepares the action's first call
// (simulated as the account, so a refusal comes in words before the wallet is asked), the wallet sends
// it, and the page posts the transaction's hash back to the same route, which reads its receipt and
// answers the next call of the action (a lot's delivery after its registration, a retest's ruling after
// its report) or the confirmed outcome. With the demo's key (embedded chain only) the same steps are
// sent here one after the other. A refusal is a named 4xx in the request's language, never a 500; a body
// the action's schema refuses is answered 400 before anything is read or prepared (withBody).
import type { z } from "zod";
import { ActionError, sendCall, type ContractCall, type TxResult } from "../chain/backoffice";
import { demoSignerOf, DemoKeysRefusedError } from "../chain/demo-plugin";
import { onDisk } from "../chain/durability";
import { describeError } from "../chain/errors";
import { readAccount } from "../chain/field";
import { rpcProvider } from "../chain/provider";
import { awaitWalletTx, prepareCall, type PreparedTx } from "../chain/wallet";
import { env } from "../env";
import type { Locale } from "../domain/locale";
import { fieldWords, type FieldWords } from "./field-words";
import { runtime } from "./runtime";
import {
  chainUnavailableReply,
  demoKeysRefused,
  fieldError,
  type DeskActor,
  type ErrorReply,
  type FieldResponse,
  type FieldStatus,
  type Role,
} from "./session";

export interface Confirmed {
  txHash: string;
  blockNumber: number;
}

export const confirmed = (tx: TxResult): Confirmed => ({ txHash: tx.txHash, blockNumber: tx.blockNumber });

/** The call a browser wallet is to send (`eth_sendTransaction` with these); its hash comes back after. */
export interface Prepared {
  prepared: PreparedTx;
}

/** A call of the action once mined: its receipt and what it called. */
export interface MinedCall {
  tx: TxResult;
  method: string;
  args: readonly unknown[];
}

/** After a mined call: the action's next call, its outcome, or null for a call that is not one of its steps. */
export type NextStep<T> = { call: ContractCall } | { done: T } | null;

/** An action as calls: the first, and what follows each one mined. */
export interface DeskPlan<T> {
  first(): Promise<ContractCall>;
  next(mined: MinedCall): Promise<NextStep<T>>;
}

/** A one-call action whose outcome is read from its receipt. */
export function oneCall<T>(
  method: string,
  call: () => Promise<ContractCall>,
  outcome: (mined: MinedCall) => Promise<T> | T,
): DeskPlan<T> {
  return {
    first: call,
    next: async (mined) => (mined.method === method ? { done: await outcome(mined) } : null),
  };
}

/** A one-call action whose call is known before the wallet is asked and whose outcome is its receipt. */
export const confirmedCall = (call: ContractCall): DeskPlan<Confirmed> =>
  oneCall(
    call.method,
    async () => call,
    ({ tx }) => confirmed(tx),
  );

export interface DeskOptions {
  locale: Locale;
  /** Contract refusals' statuses beyond STATUS_OF (else 422). */
  statuses?: Record<string, FieldStatus>;
  /** A check of the acting account before its first call is prepared or sent (its role on the record). */
  guard?: (account: string) => Promise<ErrorReply | null>;
}

/** 400 invalid_request naming the first field the schema refused, in the schema's own words. */
export function invalid(error: z.ZodError, t: FieldWords = fieldWords()): ErrorReply {
  const issue = error.issues[0];
  return fieldError(
    400,
    "invalid_request",
    issue?.message ?? t("incomplete"),
    issue?.path.join(".") || undefined,
  );
}

/**
 * Runs `action` on the data of a body that passes `schema` (built in the request's language), or answers
 * 400 with the schema's sentence. What the schema does not word itself (a body that is not an object) gets
 * `badRequest`, the desk catalogue's general sentence, rather than zod's English.
 */
export async function withBody<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  badRequest: string,
  action: (data: z.infer<S>) => Promise<FieldResponse<T>>,
): Promise<FieldResponse<T>> {
  const parsed = schema.safeParse(input, { error: () => badRequest });
  return parsed.success ? action(parsed.data) : invalid(parsed.error);
}

/** Contract refusals that are about who is asking, what does not exist, or what already happened. */
const STATUS_OF: Record<string, FieldStatus> = {
  CallerLacksRole: 403,
  AccessControlUnauthorizedAccount: 403,
  NotShipmentRecipient: 403,
  ParticipantIsSuspended: 403,
  PartySuspendedForBond: 403,
  SenderNotLicensed: 403,
  ShipmentNotFound: 404,
  ComplaintNotFound: 404,
  BatchNotFound: 404,
  ShipmentNotPending: 409,
  AlreadyDecommissioned: 409,
  ComplaintAlreadyRuled: 409,
  FindingAlreadyRecorded: 409,
  chain_unavailable: 503,
};

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
/** The node's own chain id decides where demo keys may sign, never the deployment file's. */
const nodeProvider = () => rpcProvider(env().rpcUrl);

/**
 * A guard (DeskOptions.guard) that passes an account the record gives `role` and answers any other with
 * `refuse`, given the name the account is registered under (or its address). No answer from the chain: 503.
 */
export const holdingRole =
  (role: Role, locale: Locale, refuse: (name: string) => ErrorReply) =>
  async (account: string): Promise<ErrorReply | null> => {
    let holder: Awaited<ReturnType<typeof readAccount>>;
    try {
      holder = await readAccount(runtime().deployment, provider(), account);
    } catch (error) {
      return chainUnavailableReply(locale, error);
    }
    return holder.roles.includes(role) ? null : refuse(holder.name || account);
  };

/** A failure in words under its status: never a 500. */
export function refusal(error: unknown, statuses: Record<string, FieldStatus>, locale: Locale): ErrorReply {
  if (error instanceof DemoKeysRefusedError) return demoKeysRefused(error, locale);
  // A read before the transaction can fail too: every failure is answered in words, never a 500.
  const plain = error instanceof ActionError ? error.plainIn(locale) : describeError(error, locale);
  return fieldError(statuses[plain.code] ?? STATUS_OF[plain.code] ?? 422, plain.code, plain.message);
}

/**
 * After a confirmed write: its state on disk (on the embedded chain), and no cached read older than it,
 * so the page reloaded next shows it. False when the state could not be saved.
 */
export async function settled(): Promise<boolean> {
  if (!(await onDisk(runtime().durability))) return false;
  runtime().forgetCachedReads();
  return true;
}

/** One transaction per account at a time, so two quick clicks never race for the same nonce. */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(account: string, task: () => Promise<T>): Promise<T> {
  const key = account.toLowerCase();
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(key, next);
  return next;
}

const TX_HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The transaction hash a wallet sent, when the request reports one (`txHash` in its body). */
const sentHash = (input: unknown): unknown =>
  typeof input === "object" && input !== null ? (input as { txHash?: unknown }).txHash : undefined;

/** Runs `plan` for `actor`: its next call prepared for the wallet, or every call sent with the demo key. */
export async function deskAction<T>(
  actor: DeskActor | null,
  input: unknown,
  plan: DeskPlan<T>,
  { locale, statuses = {}, guard }: DeskOptions,
): Promise<FieldResponse<T | Prepared>> {
  const t = fieldWords(locale);
  if (actor === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
  if (!ADDRESS.test(actor.account)) return fieldError(400, "invalid_request", t("badFrom"), "wallet");
  const { deployment } = runtime();
  try {
    const txHash = sentHash(input);
    if (actor.signer === "wallet" && txHash !== undefined) {
      if (typeof txHash !== "string" || !TX_HASH.test(txHash))
        return fieldError(400, "invalid_request", t("badTxHash"), "txHash");
      const mined = await awaitWalletTx(deployment, provider(), txHash);
      if (mined.from.toLowerCase() !== actor.account.toLowerCase())
        return fieldError(403, "not_your_transaction", t("notYourTransaction"), "txHash");
      const step = await plan.next({ tx: mined, method: mined.method, args: mined.args });
      if (step === null) return fieldError(400, "not_this_action", t("notThisAction"), "txHash");
      if ("call" in step)
        return {
          status: 200,
          body: { prepared: await prepareCall(deployment, provider(), actor.account, step.call) },
        };
      if (!(await settled())) return chainUnavailableReply(locale);
      return { status: 200, body: step.done };
    }
    const refused = (await guard?.(actor.account)) ?? null;
    if (refused !== null) return refused;
    if (actor.signer === "wallet")
      return {
        status: 200,
        body: { prepared: await prepareCall(deployment, provider(), actor.account, await plan.first()) },
      };
    const signer = await demoSignerOf(actor.account, nodeProvider());
    if (signer === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
    const body = await oneAtATime(actor.account, async () => {
      let call = await plan.first();
      for (;;) {
        const tx = await sendCall(deployment, { signer, address: actor.account }, call);
        const step = await plan.next({ tx, method: call.method, args: call.args });
        // The plan's own calls are always its steps; null here is a plan that does not know its calls.
        if (step === null) throw new Error(`${call.method} is not a step of its own plan`);
        if ("done" in step) return step.done;
        call = step.call;
      }
    });
    // Outside the account's queue, so its next action is sent while this one's state is saved.
    if (!(await settled())) return chainUnavailableReply(locale);
    return { status: 200, body };
  } catch (error) {
    return refusal(error, statuses, locale);
  }
}
