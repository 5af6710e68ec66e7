// Every desk through the signer's own wallet, off anvil (`npm test -- hardhat`, chain 4242, the server in
// RPC_URL mode with no demo installed): each action is prepared by the server for the account named in
// `wallet`, sent by a test signer holding that account's key outside the server (Hardhat's account, as a
// wallet would), and posted back by its hash until the server answers it confirmed. A refusal comes in
// words before anything is sent; a hash from another account or another action is refused by name; and
// no desk page offers the act-as switch.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actorFrom, type Actor } from "../../lib/chain/backoffice";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";
import { PASSING_SURGICAL_RESULTS } from "../../lib/domain/fixtures";
import { baseUrl, deploymentFile, medproof, rpcUrl, type ActionReply } from "../http/world";

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);

/** A party's key, held by the test as a wallet holds it: never sent to the server. */
function wallet(party: string): Actor {
  const keys = JSON.parse(process.env.MEDPROOF_PARTY_KEYS ?? "{}") as Record<string, string>;
  return actorFrom(rpcProvider(rpcUrl()), keys[party]);
}

async function post(path: string, body: unknown): Promise<ActionReply> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ActionReply["body"],
  };
}

interface Prepared {
  from: string;
  to: string;
  data: string;
  chainId: number;
}

/** What the test signer sent, as a wallet would answer eth_sendTransaction. */
async function send(signer: Actor, tx: Prepared): Promise<string> {
  assert.equal(tx.from.toLowerCase(), signer.address.toLowerCase(), "prepared for the signer's account");
  assert.equal(tx.chainId, readDeployment(deploymentFile()).chainId);
  const sent = await signer.signer.sendTransaction({ to: tx.to, data: tx.data });
  return sent.hash;
}

/** An action through the wallet path to its confirmed outcome; with the hashes the signer sent. */
async function throughWallet(path: string, body: object, party: string) {
  const signer = wallet(party);
  const account = signer.address;
  const sent: string[] = [];
  let reply = await post(path, { ...body, wallet: account });
  while (reply.status === 200 && "prepared" in reply.body) {
    sent.push(await send(signer, reply.body.prepared as Prepared));
    reply = await post(path, { ...body, wallet: account, txHash: sent.at(-1) });
  }
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.equal(reply.body.txHash, sent.at(-1), "the outcome names the last transaction the wallet sent");
  return { body: reply.body, sent };
}

const QINGHE = () => wallet("qinghe").address;

describe("every desk through the signer's wallet, on a chain that is not anvil's", () => {
  let lotId = 0;
  let batchId = "";
  let lot = "";

  it("offers no act-as switch on any desk page, and refuses one by name", async () => {
    for (const path of ["/manufacturer", "/lab", "/auditor", "/regulator", "/inspector", "/pharmacy"]) {
      const page = await (await fetch(`${baseUrl()}${path}`)).text();
      assert.match(page, /data-demo-switch="other_chain"/, path);
      assert.doesNotMatch(page, /name="party"/, path);
    }
    const chosen = await post("/api/session", { party: "regulator" });
    assert.equal(chosen.status, 403);
    assert.equal(chosen.body.error?.code, "demo_keys_refused");
  });

  it("supplier: registers a lot and delivers it to the maker, two calls each sent by the wallet", async () => {
    const { body, sent } = await throughWallet(
      "/api/manufacturer/lots",
      { code: `MB-D-${RUN}`, grade: "BFE99 25 g/m²", kg: 5, manufacturer: QINGHE() },
      "supplier",
    );
    assert.equal(sent.length, 2, "the registration, then the delivery");
    lotId = Number(body.lotId);
    assert.ok(lotId > 0);
    assert.equal((body.transfer as { txHash: string }).txHash, sent[1]);
  });

  it("manufacturer: records a sterilisation; a release before the tests is refused in words, nothing sent", async () => {
    lot = `D${RUN}`;
    const registered = medproof(
      ...["batch", "register", "--as", "qinghe", "--gtin", "09521234500018", "--lot", lot],
      ...["--produced", yesterday, "--expiry", inTwoYears, "--masks", "500", "--per-box", "50"],
      ...["--serial-start", "1", "--workshop", "A栋二层十万级洁净车间", "--material", `${lotId}:0.5`],
      ...["--signer", QINGHE()],
    );
    assert.equal(registered.code, 0, registered.err);
    batchId = /batchId=(0x[0-9a-f]{64})/.exec(registered.out)?.[1] ?? "";
    assert.ok(batchId, registered.out);
    const { sent } = await throughWallet(
      `/api/manufacturer/batches/${batchId}/sterilisation`,
      {
        sterilizer: "清衡灭菌技术有限公司",
        start: new Date(Date.now() - 3 * 3600_000).toISOString(),
        end: new Date(Date.now() - 3600_000).toISOString(),
      },
      "qinghe",
    );
    assert.equal(sent.length, 1);
    const early = await post(`/api/manufacturer/batches/${batchId}/release`, { wallet: QINGHE() });
    assert.equal(early.status, 409);
    assert.equal(early.body.error?.code, "TestsNotPassed");
  });

  it("lab: posts a test report", async () => {
    const { body } = await throughWallet(
      `/api/lab/batches/${batchId}/reports`,
      { results: PASSING_SURGICAL_RESULTS },
      "lab",
    );
    assert.equal(body.reportIndex, 0);
    assert.equal(body.ruling, null);
  });

  it("auditor: attests a workshop", async () => {
    const { body } = await throughWallet(
      "/api/auditor/attestations",
      {
        manufacturer: QINGHE(),
        workshop: `W-${RUN}`,
        from: yesterday,
        until: inTwoYears,
        particles05: 1_000_000,
        particles5: 5_000,
        airborneCfu: 100,
        settlingCfu: 2,
        temperatureC: 22,
        humidityPct: 50,
        pressurePa: 15,
        staffHealthChecked: true,
        staffTrained: true,
      },
      "auditor",
    );
    assert.ok(Number(body.attestationId) > 0);
  });

  it("regulator: grants and revokes a licence, a role, a suspension, sets a price cap and recalls", async () => {
    const bianmin = wallet("bianmin").address;
    const granted = await throughWallet(
      "/api/regulator/licences",
      {
        kind: "distribution-filing",
        holder: bianmin,
        number: `苏药监械经营备${RUN}`,
        categories: [1],
        validFrom: yesterday,
        validUntil: inTwoYears,
      },
      "regulator",
    );
    const licenceId = Number(granted.body.licenceId);
    assert.ok(licenceId > 0);
    await throughWallet(
      `/api/regulator/licences/${licenceId}/revocation`,
      { revokedOn: today, reason: "filing withdrawn" },
      "regulator",
    );
    await throughWallet(
      "/api/regulator/roles",
      { account: bianmin, role: "INSPECTOR", action: "grant" },
      "regulator",
    );
    await throughWallet(
      "/api/regulator/roles",
      { account: bianmin, role: "INSPECTOR", action: "revoke" },
      "regulator",
    );
    await throughWallet(
      "/api/regulator/suspensions",
      { action: "suspend", account: bianmin, reason: "inspection pending" },
      "regulator",
    );
    await throughWallet("/api/regulator/suspensions", { action: "reinstate", account: bianmin }, "regulator");
    const cap = await throughWallet(
      "/api/regulator/price-caps",
      {
        category: 1,
        region: 320500,
        channel: "retail",
        yuanPerPiece: 1.5,
        effectiveFrom: today,
        legalBasis: "test basis",
      },
      "regulator",
    );
    assert.ok(Number(cap.body.capId) > 0);
    await throughWallet(
      "/api/regulator/recalls",
      { gtin: "09521234500018", lot, reason: "recalled by the wallet test" },
      "regulator",
    );
  });

  it("refuses a hash sent by another account, or one of another action, by name", async () => {
    const signer = wallet("regulator");
    const body = { action: "suspend", account: wallet("baixing").address, reason: "checked twice" };
    const prepared = await post("/api/regulator/suspensions", { ...body, wallet: signer.address });
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    const txHash = await send(signer, prepared.body.prepared as Prepared);
    const stranger = await post("/api/regulator/suspensions", { ...body, wallet: QINGHE(), txHash });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.body.error?.code, "not_your_transaction");
    const otherAction = await post("/api/regulator/recalls", {
      gtin: "09521234500018",
      lot,
      reason: "not this one",
      wallet: signer.address,
      txHash,
    });
    assert.equal(otherAction.status, 400);
    assert.equal(otherAction.body.error?.code, "not_this_action");
  });
});
