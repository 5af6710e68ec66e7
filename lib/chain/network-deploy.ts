// Deploying MedProof to a real network (`npm run medproof -- deploy`): the deployer's key comes from an
// encrypted JSON keystore (never a plain variable), the contracts from the same deploySystem as the
// embedded start, and the regulator's powers go to the first regulator named on the command line. When
// that is not the deployer, the deploying key keeps nothing: it registers the regulator, makes it the
// treasury that fines are paid to, hands it the admin role and renounces its own roles.
import { Wallet, encryptKeystoreJsonSync, getAddress, getBytes, hexlify, type Provider } from "ethers";
import { deploySystem } from "./deploy";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { confirmation } from "./receipts";

export class KeystoreError extends Error {
  override name = "KeystoreError";
}

/** The private key inside an encrypted JSON keystore (Web3 Secret Storage, as geth, cast and MetaMask write it). */
export async function unlockKeyBytes(json: string, password: string): Promise<Uint8Array> {
  try {
    return getBytes((await Wallet.fromEncryptedJson(json, password)).privateKey);
  } catch (error) {
    const message = (error as Error).message;
    throw new KeystoreError(
      /password/i.test(message)
        ? "The keystore's password is wrong."
        : `The keystore is not an encrypted JSON keystore: ${message}`,
    );
  }
}

/** The wallet inside an encrypted JSON keystore, connected to `provider`. */
export async function unlockKeystore(json: string, password: string, provider: Provider): Promise<Wallet> {
  return new Wallet(hexlify(await unlockKeyBytes(json, password)), provider);
}

/**
 * An encrypted JSON keystore of `privateKey`. `scryptN` below the default (2^17) is for tests only:
 * it makes the keystore quick to unlock and quick to crack. Synchronous, so a test helper that runs the
 * CLI synchronously can make one.
 */
export function lockKeystore(privateKey: string, password: string, scryptN?: number): string {
  const { address } = new Wallet(privateKey);
  return encryptKeystoreJsonSync(
    { address, privateKey },
    password,
    scryptN ? { scrypt: { N: scryptN } } : {},
  );
}

export interface FirstRegulator {
  address: string;
  name: string;
}

/** Deploys the whole system with `deployer` and leaves the regulator's powers with `regulator` alone. */
export async function deployToNetwork(deployer: Wallet, regulator: FirstRegulator): Promise<Deployment> {
  const regulatorAddress = getAddress(regulator.address);
  const handOver = regulatorAddress !== deployer.address;
  // The deployer is the regulator while it wires the system; its name says so when it hands over.
  const deployment = await deploySystem(deployer, handOver ? "MedProof deployer" : regulator.name);
  if (!handOver) return deployment;

  const contracts = bindContracts(deployment.addresses, deployer);
  const access = contracts.AccessRegistry;
  const [regulatorRole, adminRole] = await Promise.all([
    access.getFunction("REGULATOR_ROLE")(),
    access.getFunction("DEFAULT_ADMIN_ROLE")(),
  ]);
  const steps = [
    () => access.getFunction("registerParticipant")(regulatorAddress, regulatorRole, regulator.name, "", 0),
    () => contracts.ComplaintRegistry.getFunction("setTreasury")(regulatorAddress),
    () => access.getFunction("grantRole")(adminRole, regulatorAddress),
    () => access.getFunction("renounceRole")(regulatorRole, deployer.address),
    () => access.getFunction("renounceRole")(adminRole, deployer.address),
  ];
  for (const step of steps) await confirmation(await step());
  return deployment;
}
