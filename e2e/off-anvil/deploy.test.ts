// The network deploy command, checked on the chain it deployed to in the off-anvil world (`npm test --
// hardhat`, scripts/lib/hardhat-world.ts): the deployment file names that chain and contracts that
// exist; the regulator named on the command line holds the regulator's powers and the deploying key
// none; a wrong keystore password or an existing deployment file stops it before anything is sent; a
// key in MEDPROOF_PRIVATE_KEY is refused on this chain by name (the CLI signs with a keystore off anvil).
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bindContracts } from "../../lib/chain/contracts";
import { readDeployment } from "../../lib/chain/deployment";
import { lockKeystore } from "../../lib/chain/network-deploy";
import { rpcProvider } from "../../lib/chain/provider";
import { deploymentFile, rpcUrl } from "../http/world";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through npm test -- hardhat`);
  return value;
}

const deployment = () => readDeployment(deploymentFile());
const access = () => bindContracts(deployment().addresses, rpcProvider(rpcUrl())).AccessRegistry;

describe("medproof deploy, on Hardhat's node", () => {
  it("wrote a deployment file for this chain, naming contracts that exist", async () => {
    const provider = rpcProvider(rpcUrl());
    const { chainId } = await provider.getNetwork();
    assert.equal(deployment().chainId, Number(chainId));
    assert.notEqual(deployment().chainId, 31337, "not anvil's chain");
    for (const [name, address] of Object.entries(deployment().addresses)) {
      assert.notEqual(await provider.getCode(address), "0x", `${name} has code`);
    }
  });

  it("left the regulator's powers with --regulator and none with the deploying key", async () => {
    const registry = access();
    const regulatorRole = await registry.getFunction("REGULATOR_ROLE")();
    const adminRole = await registry.getFunction("DEFAULT_ADMIN_ROLE")();
    const regulator = required("MEDPROOF_REGULATOR");
    const deployer = required("MEDPROOF_DEPLOYER");
    assert.notEqual(regulator, deployer);
    assert.equal(await registry.getFunction("hasRole")(regulatorRole, regulator), true);
    assert.equal(await registry.getFunction("hasRole")(adminRole, regulator), true);
    assert.equal(await registry.getFunction("hasRole")(regulatorRole, deployer), false);
    assert.equal(await registry.getFunction("hasRole")(adminRole, deployer), false);
    const complaints = bindContracts(deployment().addresses, rpcProvider(rpcUrl())).ComplaintRegistry;
    assert.equal(await complaints.getFunction("treasury")(), regulator, "fines go to the regulator");
  });

  it("refuses a key in MEDPROOF_PRIVATE_KEY off the local chain, by name: a keystore signs here", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/medproof.ts",
        "lot",
        "register",
        "--code",
        "MB-X",
        "--grade",
        "g",
        "--kg",
        "1",
      ],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          RPC_URL: rpcUrl(),
          DEPLOYMENT_FILE: deploymentFile(),
          MEDPROOF_PRIVATE_KEY: "0x" + "42".repeat(32),
        },
      },
    );
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^Error: private_key_refused: MEDPROOF_PRIVATE_KEY is read on the local chain/m,
    );
    assert.match(result.stderr, /--keystore <file>/);
  });

  describe("stops before sending anything", () => {
    const dir = mkdtempSync(join(tmpdir(), "medproof-deploy-"));
    after(() => rmSync(dir, { recursive: true, force: true }));
    /** The deploy command with a keystore whose password is "right password", given `password`. */
    async function run(out: string, password: string) {
      const keystore = join(dir, "key.json");
      const passwordFile = join(dir, "password");
      writeFileSync(passwordFile, password);
      writeFileSync(keystore, lockKeystore("0x" + "42".repeat(32), "right password", 1 << 10));
      const result = spawnSync(
        process.execPath,
        [
          ...["--import", "tsx", "scripts/medproof.ts", "deploy", "--rpc-url", rpcUrl()],
          ...["--keystore", keystore, "--password-file", passwordFile, "--out", out],
          ...["--regulator", required("MEDPROOF_REGULATOR")],
        ],
        { encoding: "utf8" },
      );
      return { code: result.status ?? 1, err: result.stderr };
    }

    it("on a wrong keystore password, with a plain sentence and no deployment file", async () => {
      const out = join(dir, "deployment.json");
      const result = await run(out, "wrong password\n");
      assert.equal(result.code, 1);
      assert.match(result.err, /^Error: The keystore's password is wrong\.$/m);
      assert.equal(existsSync(out), false);
    });

    it("when the deployment file exists: it may name a live deployment", async () => {
      const before = readFileSync(deploymentFile(), "utf8");
      const result = await run(deploymentFile(), "right password\n");
      assert.equal(result.code, 1);
      assert.match(result.err, /exists: it may name a live deployment/);
      assert.equal(readFileSync(deploymentFile(), "utf8"), before, "the existing file is untouched");
    });
  });
});
