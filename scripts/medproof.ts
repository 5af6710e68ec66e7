// The back-office CLI: what a supplier, auditor, manufacturer, lab, regulator, distributor or pharmacy
// records, without the web pages. `npm run medproof -- help` lists the commands. Errors are plain sentences, decoded from
// the contracts' reverts; the exit code is 1 on any error.
import { parseArgs } from "node:util";
import { existsSync, readFileSync } from "node:fs";
import { env } from "../lib/env";
import { readDeployment, writeDeployment } from "../lib/chain/deployment";
import { deployToNetwork, unlockKeystore } from "../lib/chain/network-deploy";
import { rpcProvider, waitForRpc } from "../lib/chain/provider";
import {
  actorFrom,
  ActionError,
  type Actor,
  backoffice,
  batchIdOf,
  bondOf,
  orderBalancesOf,
  readOrder,
  type TxResult,
} from "../lib/chain/backoffice";
import { demoActor, partyAddress } from "./demo/plugin";
import { DAY, isoDateToSeconds, secondsToIsoMinute } from "../lib/domain/time";
import { formatYuan, formatYuanPerPiece } from "../lib/domain/format";
import { BoxReader } from "../lib/chain/reader";
import { readScannedCode, Verifier } from "../lib/queries/verify";
import { isCategoryId, type CategoryId } from "../lib/domain/standards";
import { LICENCE_KINDS, ROLES, type LicenceKind, type Role } from "../lib/chain/field";
import { isIsoDate } from "../lib/domain/backoffice-input";
import { LOCAL_CHAIN_ID } from "../lib/chain/demo-plugin";
import { makeBatchLabels, printBatchLabels } from "./lib/label-maker";

const HELP = `MedProof back office. Usage: npm run medproof -- <command> [options] --keystore <file>
[--password-file <file>] (your encrypted JSON keystore, password asked on the terminal), or on the local
demo chain (id 31337) only: --as <party>, or MEDPROOF_PRIVATE_KEY set.

  deploy           --rpc-url <url> --keystore <file> --regulator <address> [--regulator-name <name>]
                   [--password-file <file>] [--out deployment.json]
                   (deploys the contracts with the keystore's key, password asked on the terminal, and
                   writes the deployment file the app reads with RPC_URL and DEPLOYMENT_FILE)

  lot register     --code MB-2411-03 --grade "BFE99 25 g/m²" --kg 500 [--report <text or 0x hash>]
  lot transfer     --lot <id> --to <manufacturer address>
  attest           --manufacturer <address> --workshop <name> --from YYYY-MM-DD --until YYYY-MM-DD
                   --particles05 <n/m³> --particles5 <n/m³> --airborne <CFU/m³> --settling <CFU/plate>
                   --temperature <°C> --humidity <%RH> --pressure <Pa> --staff-checked --staff-trained
  batch register   --gtin <14 digits> --lot <lot> --produced YYYY-MM-DD --expiry YYYY-MM-DD --masks <n>
                   --per-box <n> --serial-start <n> --workshop <name> --material <lotId>:<kg> [--material …]
                   --signer <serial-signing address>
  labels           --gtin … --lot … --produced … --expiry … --masks … --per-box … --serial-start …
                   --workshop … --material <lotId>:<kg> [--app <app URL>] [--out labels.pdf]
                   (registers the batch with labels made on this machine: a fresh label-signing key saved
                   encrypted as label-key-<gtin>-<lot>.json, the possession list published to --app or
                   written to possession-<gtin>-<lot>.json, both beside the PDF; see docs/desks.md)
  labels           --label-key <file> --gtin … --lot … [--from <serial>] [--count <n>] [--out labels.pdf]
                   (more labels of that batch, from the saved label key; no chain key needed)
  batch sterilise  --gtin … --lot … --sterilizer <name> [--method EO] --start <ISO time> --end <ISO time>
  test post        --gtin … --lot … --metric <id>=<fixed-point value> [--metric …] [--retest]
  batch release    --gtin … --lot …
  batch recall     --gtin … --lot … --reason <text>
  cap set          --category 1-4 --region <code> --channel ex-factory|wholesale|retail --yuan <price>
                   --from YYYY-MM-DD --basis <legal basis>
  licence grant    --kind production-licence|registration-certificate|distribution-filing --party <holder>
                   --number <as printed> --categories 1,3 --from YYYY-MM-DD --until YYYY-MM-DD
  licence revoke   --id <licence id> --on YYYY-MM-DD --reason <text>   (valid before that day, not from it)
  role grant       --party <address> --role SUPPLIER|MANUFACTURER|AUDITOR|LAB|DISTRIBUTOR|PHARMACY|INSPECTOR|REGULATOR
  role revoke      --party <address> --role …
  party suspend    --party <address> --reason <text>
  party reinstate  --party <address>
  complaint answer --id <n> --response <text or 0x hash>        (the respondent)
  complaint rule   --id <n> --upheld|--dismissed --reason <text>  (an inspector)
  complaint retest --id <n> --report <test report index> [--traces-to-lot]  (the lab that posted the retest)
  bond show        --party <address>        (no key needed)
  order place      --seller <address> --gtin … --lot … --boxes <n> --yuan <price per piece> --ship-by YYYY-MM-DD
                   (a distributor or pharmacy: approves and pays the amount into escrow in the settlement token)
  order fulfil     --id <n> [--shipment <id>]   (the seller: ships the order to the buyer and ties the shipment,
                                                 or ties a shipment already sent)
  order accept     --id <n>                     (the buyer accepts the delivery in custody: the seller is paid)
  order reject     --id <n> --reason <text>     (the buyer rejects it: the boxes go back, the buyer is refunded)
  order settle     --id <n>                     (anyone: unanswered 14 days after fulfilment, the seller is paid;
                                                 or a delivery accepted before it was tied to the order)
  order cancel     --id <n>                     (the seller at any time before fulfilling; the buyer after the
                                                 ship-by date)
  order withdraw                                (collect what the order book owes you)
  order show       --id <n>                     (no key needed)
  balance show     --party <address>            (no key needed: settlement token held, order payouts owed)
  verify           <scanned text>           (no key needed)

Demo parties: regulator, supplier, qinghe, linjiang, auditor, lab, distributor, renxin, bianmin, baixing, inspector.
On the local chain a demo party's name also works where an address is asked for (--seller, --party).`;

class UsageError extends Error {}

const options = {
  as: { type: "string" },
  code: { type: "string" },
  grade: { type: "string" },
  kg: { type: "string" },
  report: { type: "string" },
  lot: { type: "string" },
  to: { type: "string" },
  manufacturer: { type: "string" },
  workshop: { type: "string" },
  from: { type: "string" },
  until: { type: "string" },
  particles05: { type: "string" },
  particles5: { type: "string" },
  airborne: { type: "string" },
  settling: { type: "string" },
  temperature: { type: "string" },
  humidity: { type: "string" },
  pressure: { type: "string" },
  "staff-checked": { type: "boolean" },
  "staff-trained": { type: "boolean" },
  gtin: { type: "string" },
  produced: { type: "string" },
  expiry: { type: "string" },
  masks: { type: "string" },
  "per-box": { type: "string" },
  "serial-start": { type: "string" },
  material: { type: "string", multiple: true },
  signer: { type: "string" },
  sterilizer: { type: "string" },
  method: { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  metric: { type: "string", multiple: true },
  retest: { type: "boolean" },
  reason: { type: "string" },
  category: { type: "string" },
  region: { type: "string" },
  channel: { type: "string" },
  yuan: { type: "string" },
  basis: { type: "string" },
  id: { type: "string" },
  response: { type: "string" },
  upheld: { type: "boolean" },
  dismissed: { type: "boolean" },
  "traces-to-lot": { type: "boolean" },
  party: { type: "string" },
  kind: { type: "string" },
  number: { type: "string" },
  categories: { type: "string" },
  on: { type: "string" },
  role: { type: "string" },
  seller: { type: "string" },
  boxes: { type: "string" },
  "ship-by": { type: "string" },
  shipment: { type: "string" },
  "rpc-url": { type: "string" },
  keystore: { type: "string" },
  "password-file": { type: "string" },
  regulator: { type: "string" },
  "regulator-name": { type: "string" },
  out: { type: "string" },
  "label-key": { type: "string" },
  app: { type: "string" },
  count: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];

function text(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required.`);
  return value.trim();
}

function number(values: Values, name: keyof Values, { integer = false, min = 0 } = {}): number {
  const raw = text(values, name);
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} must be ${integer ? "a whole number" : "a number"} of at least ${min}; got "${raw}".`,
    );
  }
  return n;
}

function isoDate(values: Values, name: keyof Values): string {
  const raw = text(values, name);
  if (!isIsoDate(raw)) {
    throw new UsageError(`--${name} must be a date like 2026-11-24; got "${raw}".`);
  }
  return raw;
}

function instant(values: Values, name: keyof Values): number {
  const raw = text(values, name);
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new UsageError(`--${name} must be a time like 2026-11-20T08:00+08:00; got "${raw}".`);
  return Math.floor(ms / 1000);
}

function pairs(values: Values, name: "material" | "metric", separator: string): [number, number][] {
  const list = values[name] ?? [];
  if (list.length === 0) throw new UsageError(`At least one --${name} is required.`);
  return list.map((item) => {
    const [a, b] = item.split(separator).map(Number);
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) {
      throw new UsageError(`--${name} "${item}" must look like ${name === "material" ? "3:190" : "1=9860"}.`);
    }
    return [a, b];
  });
}

function print(result: TxResult): void {
  const created = Object.entries(result.created).map(([k, v]) => `${k}=${v}`);
  console.log(
    `Done in block ${result.blockNumber}: ${result.txHash}${created.length ? ` (${created.join(", ")})` : ""}`,
  );
}

/** A batch's terms as `batch register` and `labels` take them. */
function batchTerms(values: Values) {
  return {
    gtin: text(values, "gtin"),
    lot: text(values, "lot"),
    produced: isoDate(values, "produced"),
    expiry: isoDate(values, "expiry"),
    masks: number(values, "masks", { integer: true, min: 1 }),
    masksPerBox: number(values, "per-box", { integer: true, min: 1 }),
    serialStart: number(values, "serial-start", { integer: true, min: 1 }),
    workshop: text(values, "workshop"),
    materials: pairs(values, "material", ":").map(([lotId, kg]) => ({ lotId, kg })),
  };
}

/** Where `labels` writes the sheet, which serials, and the Digital Link origin in its QR codes. */
function labelOutput(values: Values, base: string) {
  const lot = text(values, "lot").replace(/[^A-Za-z0-9.-]/g, "_");
  return {
    base: (values.app ?? base).replace(/\/+$/, ""),
    out: values.out ?? `labels-${text(values, "gtin")}-${lot}.pdf`,
    from: values.from === undefined ? undefined : number(values, "from", { integer: true, min: 1 }),
    count: values.count === undefined ? undefined : number(values, "count", { integer: true, min: 1 }),
  };
}

/** Reads a password from the terminal without echoing it. */
function promptPassword(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    throw new UsageError("No terminal to ask the keystore's password on: give --password-file <file>.");
  }
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = "";
    const done = (finish: () => void) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
      finish();
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return done(() => resolve(typed));
        if (char === "\u0003") return done(() => reject(new UsageError("Stopped.")));
        typed = char === "\u007f" ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on("data", onData);
  });
}

/** The file named by option `name`, as text. */
function readOption(values: Values, name: "keystore" | "password-file" | "label-key"): string {
  const path = text(values, name);
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`--${name}: cannot read ${path}.`);
  }
}

/** The keystore's password: from --password-file (its first line), else asked on the terminal. */
async function passwordOf(values: Values, question = "Keystore password: "): Promise<string> {
  return values["password-file"] === undefined
    ? promptPassword(question)
    : readOption(values, "password-file").replace(/\r?\n$/, "");
}

/**
 * Who signs: the keystore's key (any chain); on the local chain only, a demo party (--as) or
 * MEDPROOF_PRIVATE_KEY — a key in an environment variable is refused anywhere else (a named error).
 */
async function signer(values: Values, provider: ReturnType<typeof rpcProvider>): Promise<Actor> {
  if (values.keystore !== undefined) {
    const wallet = await unlockKeystore(readOption(values, "keystore"), await passwordOf(values), provider);
    return { signer: wallet, address: wallet.address };
  }
  if (process.env.MEDPROOF_PRIVATE_KEY) {
    const chainId = Number((await provider.getNetwork()).chainId);
    if (chainId !== LOCAL_CHAIN_ID)
      throw new UsageError(
        `private_key_refused: MEDPROOF_PRIVATE_KEY is read on the local chain (id ${LOCAL_CHAIN_ID}) only; this chain has id ${chainId}. Sign with your encrypted keystore: --keystore <file> [--password-file <file>].`,
      );
  }
  return values.as ? demoActor(provider, values.as) : actorFrom(provider, process.env.MEDPROOF_PRIVATE_KEY);
}

/** `deploy`: a whole system on the chain at --rpc-url, signed with the keystore's key. */
async function deploy(values: Values): Promise<void> {
  const rpcUrl = text(values, "rpc-url");
  if (!/^https?:\/\//.test(rpcUrl))
    throw new UsageError(`--rpc-url must be an http(s) URL; got "${rpcUrl}".`);
  const out = values.out ?? "deployment.json";
  if (existsSync(out)) {
    throw new UsageError(`${out} exists: it may name a live deployment. Move it away or give another --out.`);
  }
  const regulator = text(values, "regulator");
  if (!/^0x[0-9a-fA-F]{40}$/.test(regulator)) {
    throw new UsageError(`--regulator must be an 0x-prefixed 20-byte address; got "${regulator}".`);
  }
  const keystore = readOption(values, "keystore");
  const deployer = await unlockKeystore(keystore, await passwordOf(values), rpcProvider(rpcUrl));
  await waitForRpc(rpcUrl);
  console.log(`Deploying from ${deployer.address} to ${rpcUrl}…`);
  const deployment = await deployToNetwork(deployer, {
    address: regulator,
    name: values["regulator-name"] ?? "Regulator",
  });
  writeDeployment(out, deployment);
  console.log(
    `Deployed on chain ${deployment.chainId} at block ${deployment.deployedAtBlock}; regulator ${regulator}.`,
  );
  console.log(`Serve it with: RPC_URL=${rpcUrl} DEPLOYMENT_FILE=${out} npm start`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [group, action] = positionals;
  if (values.help || group === undefined || group === "help") {
    console.log(HELP);
    return;
  }
  // Before the configuration: a deployment file is what this command makes.
  if (group === "deploy") return deploy(values);
  const config = env();
  const deployment = readDeployment(config.deploymentFile);
  const provider = rpcProvider(config.rpcUrl);

  if (group === "verify") {
    const scanned = positionals.slice(1).join(" ");
    const verifier = new Verifier(
      new BoxReader({ rpcUrl: config.rpcUrl, lensAddress: deployment.addresses.MedProofLens }),
      null,
    );
    const code = readScannedCode(scanned);
    if ("status" in code)
      throw new ActionError({ code: code.body.error.code, message: code.body.error.message });
    const outcome = await verifier.verify(code, {
      region: config.region,
      device: "cli",
      now: Math.floor(Date.now() / 1000),
    });
    if (outcome.status !== 200)
      throw new ActionError({ code: outcome.body.error.code, message: outcome.body.error.message });
    console.log(`${outcome.body.verdict.toUpperCase()}: ${outcome.body.headline}`);
    for (const check of outcome.body.checks)
      console.log(`  [${check.status}] ${check.title} — ${check.detail}`);
    return;
  }

  if (group === "bond" && action === "show") {
    const bond = await bondOf(deployment, provider, await partyAddress(provider, text(values, "party")));
    console.log(
      `bond=${bond.bondFen} fen minimum=${bond.minimumFen} fen suspended=${bond.suspended ? "yes" : "no"}`,
    );
    return;
  }

  if (group === "balance" && action === "show") {
    const party = await partyAddress(provider, text(values, "party"));
    const { tokenFen, owedFen } = await orderBalancesOf(deployment, provider, party);
    console.log(`token=${tokenFen} fen owed=${owedFen} fen`);
    return;
  }

  if (group === "order" && action === "show") {
    const o = await readOrder(deployment, provider, number(values, "id", { integer: true, min: 1 }));
    console.log(
      `order=${o.id} status=${o.status} boxes=${o.boxes} fenPerPiece=${o.fenPerPiece} amount=${o.amountFen} fen shipment=${o.shipmentId}`,
    );
    console.log(`  buyer ${o.buyer}, seller ${o.seller} (${o.channel})`);
    console.log(
      `  ${o.boxes} boxes of batch ${o.batchId} at ${formatYuanPerPiece(o.fenPerPiece)}: ${formatYuan(o.amountFen)} in escrow`,
    );
    console.log(`  placed ${secondsToIsoMinute(o.placedAt)}, ship by ${secondsToIsoMinute(o.deadline)}`);
    if (o.fulfilledAt !== 0) {
      console.log(
        `  fulfilled by shipment ${o.shipmentId} on ${secondsToIsoMinute(o.fulfilledAt)}; receipt due by ${secondsToIsoMinute(o.receiptDeadline)}`,
      );
    }
    return;
  }

  if (group === "labels" && values["label-key"] !== undefined) {
    console.log(
      await printBatchLabels(
        deployment,
        provider,
        readOption(values, "label-key"),
        await passwordOf(values, "Label key password: "),
        { gtin: text(values, "gtin"), lot: text(values, "lot") },
        labelOutput(values, config.digitalLinkBase),
      ),
    );
    return;
  }

  const actor = await signer(values, provider);
  const batchId = async () => batchIdOf(deployment, provider, text(values, "gtin"), text(values, "lot"));
  const command = `${group}${action ? ` ${action}` : ""}`;

  switch (command) {
    case "lot register":
      return print(
        await backoffice.registerLot(deployment, actor, {
          code: text(values, "code"),
          grade: text(values, "grade"),
          kg: number(values, "kg", { min: 0.001 }),
          report: values.report ?? `meltblown report ${text(values, "code")}`,
        }),
      );
    case "lot transfer":
      return print(
        await backoffice.transferLot(deployment, actor, {
          lotId: number(values, "lot", { integer: true, min: 1 }),
          to: text(values, "to"),
        }),
      );
    case "attest":
      return print(
        await backoffice.attestWorkshop(deployment, actor, {
          manufacturer: text(values, "manufacturer"),
          workshop: text(values, "workshop"),
          from: isoDate(values, "from"),
          until: isoDate(values, "until"),
          particles05: number(values, "particles05", { integer: true }),
          particles5: number(values, "particles5", { integer: true }),
          airborneCfu: number(values, "airborne", { integer: true }),
          settlingCfu: number(values, "settling", { integer: true }),
          temperatureC: number(values, "temperature", { min: -50 }),
          humidityPct: number(values, "humidity"),
          pressurePa: number(values, "pressure"),
          staffHealthChecked: values["staff-checked"] ?? false,
          staffTrained: values["staff-trained"] ?? false,
          report: values.report ?? `attestation ${text(values, "workshop")} ${isoDate(values, "from")}`,
        }),
      );
    case "batch register":
      return print(
        await backoffice.registerBatch(deployment, actor, {
          ...batchTerms(values),
          signer: text(values, "signer"),
        }),
      );
    case "labels": {
      const terms = batchTerms(values);
      const { tx, lines } = await makeBatchLabels(
        deployment,
        provider,
        actor,
        terms,
        // The label key is saved under the keystore's password (asked again without a keystore).
        values.keystore === undefined
          ? await passwordOf(values, "Password for the label key: ")
          : await passwordOf(values),
        { ...labelOutput(values, config.digitalLinkBase), app: values.app },
      );
      print(tx);
      for (const line of lines) console.log(line);
      return;
    }
    case "batch sterilise":
      return print(
        await backoffice.recordSterilisation(deployment, actor, {
          batchId: await batchId(),
          sterilizer: text(values, "sterilizer"),
          method: values.method ?? "EO",
          startedAt: instant(values, "start"),
          endedAt: instant(values, "end"),
          report: values.report ?? `sterilisation ${text(values, "lot")}`,
        }),
      );
    case "test post":
      return print(
        await backoffice.postTestReport(deployment, actor, {
          batchId: await batchId(),
          results: pairs(values, "metric", "=").map(([metric, value]) => ({ metric, value })),
          report: values.report ?? `test report ${text(values, "lot")} ${Date.now()}`,
          retest: values.retest ?? false,
        }),
      );
    case "batch release":
      return print(await backoffice.release(deployment, actor, { batchId: await batchId() }));
    case "batch recall":
      return print(
        await backoffice.recall(deployment, actor, {
          batchId: await batchId(),
          reason: text(values, "reason"),
        }),
      );
    case "cap set": {
      const category = number(values, "category", { integer: true, min: 1 });
      if (!isCategoryId(category))
        throw new UsageError("--category must be 1 (surgical), 2 (protective), 3 (disposable) or 4 (KN95).");
      const channel = text(values, "channel");
      if (channel !== "ex-factory" && channel !== "wholesale" && channel !== "retail") {
        throw new UsageError("--channel must be ex-factory, wholesale or retail.");
      }
      return print(
        await backoffice.setPriceCap(deployment, actor, {
          category,
          region: number(values, "region", { integer: true, min: 100000 }),
          channel,
          fen: Math.round(number(values, "yuan", { min: 0.01 }) * 100),
          from: isoDate(values, "from"),
          basis: text(values, "basis"),
        }),
      );
    }
    case "licence grant": {
      const kind = text(values, "kind");
      if (!(LICENCE_KINDS as readonly string[]).includes(kind))
        throw new UsageError(`--kind must be one of: ${LICENCE_KINDS.join(", ")}.`);
      const categories = text(values, "categories").split(",").map(Number);
      if (!categories.every(isCategoryId))
        throw new UsageError("--categories lists category numbers 1-4, e.g. 1,3.");
      return print(
        await backoffice.grantLicence(deployment, actor, {
          kind: kind as LicenceKind,
          holder: await partyAddress(provider, text(values, "party")),
          number: text(values, "number"),
          categories: categories as CategoryId[],
          from: isoDate(values, "from"),
          until: isoDate(values, "until"),
        }),
      );
    }
    case "licence revoke":
      return print(
        await backoffice.revokeLicence(deployment, actor, {
          licenceId: number(values, "id", { integer: true, min: 1 }),
          on: isoDate(values, "on"),
          reason: text(values, "reason"),
        }),
      );
    case "role grant":
    case "role revoke": {
      const role = text(values, "role");
      if (!(ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of: ${ROLES.join(", ")}.`);
      const change = { account: await partyAddress(provider, text(values, "party")), role: role as Role };
      return print(
        action === "grant"
          ? await backoffice.grantRole(deployment, actor, change)
          : await backoffice.revokeRole(deployment, actor, change),
      );
    }
    case "party suspend":
      return print(
        await backoffice.suspend(deployment, actor, {
          account: await partyAddress(provider, text(values, "party")),
          reason: text(values, "reason"),
        }),
      );
    case "party reinstate":
      return print(
        await backoffice.reinstate(deployment, actor, {
          account: await partyAddress(provider, text(values, "party")),
        }),
      );
    case "complaint answer":
      return print(
        await backoffice.answerComplaint(deployment, actor, {
          complaintId: number(values, "id", { integer: true, min: 1 }),
          response: text(values, "response"),
        }),
      );
    case "complaint rule": {
      if (values.upheld === values.dismissed)
        throw new UsageError("Give exactly one of --upheld or --dismissed.");
      return print(
        await backoffice.ruleOnComplaint(deployment, actor, {
          complaintId: number(values, "id", { integer: true, min: 1 }),
          upheld: values.upheld === true,
          reason: text(values, "reason"),
        }),
      );
    }
    case "complaint retest":
      return print(
        await backoffice.ruleByRetest(deployment, actor, {
          complaintId: number(values, "id", { integer: true, min: 1 }),
          reportIndex: number(values, "report", { integer: true, min: 0 }),
          tracesToLot: values["traces-to-lot"] ?? false,
        }),
      );
    case "order place":
      return print(
        await backoffice.placeOrder(deployment, actor, {
          seller: await partyAddress(provider, text(values, "seller")),
          batchId: await batchId(),
          boxes: number(values, "boxes", { integer: true, min: 1 }),
          fenPerPiece: Math.round(number(values, "yuan", { min: 0.01 }) * 100),
          // The end of the ship-by day, China time.
          deadline: isoDateToSeconds(isoDate(values, "ship-by")) + DAY - 1,
        }),
      );
    case "order fulfil":
      return print(
        await backoffice.fulfilOrder(deployment, actor, {
          orderId: number(values, "id", { integer: true, min: 1 }),
          shipmentId:
            values.shipment === undefined ? undefined : number(values, "shipment", { integer: true, min: 1 }),
        }),
      );
    case "order accept":
    case "order reject":
      return print(
        await backoffice.answerOrderDelivery(deployment, actor, {
          orderId: number(values, "id", { integer: true, min: 1 }),
          accept: action === "accept",
          reason: action === "reject" ? text(values, "reason") : undefined,
        }),
      );
    case "order settle":
      return print(
        await backoffice.settleOrder(deployment, actor, {
          orderId: number(values, "id", { integer: true, min: 1 }),
        }),
      );
    case "order cancel":
      return print(
        await backoffice.cancelOrder(deployment, actor, {
          orderId: number(values, "id", { integer: true, min: 1 }),
        }),
      );
    case "order withdraw":
      return print(await backoffice.withdrawOrderPayout(deployment, actor));
    default:
      throw new UsageError(`Unknown command "${command}". Run: npm run medproof -- help`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    process.exit(1);
  },
);
