// The deployment file: which chain, which addresses. Written by the deploy step, read by the app.
import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { CONTRACT_NAMES, type Addresses } from "./contracts";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an 0x-prefixed 20-byte address");

const schema = z.object({
  chainId: z.number().int().positive(),
  deployedAtBlock: z.number().int().nonnegative(),
  addresses: z.object(
    Object.fromEntries(CONTRACT_NAMES.map((name) => [name, address])) as Record<
      keyof Addresses,
      typeof address
    >,
  ),
});

export type Deployment = z.infer<typeof schema>;

export class DeploymentFileError extends Error {
  override name = "DeploymentFileError";
}

export function readDeployment(path: string): Deployment {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DeploymentFileError(`Cannot read the deployment file ${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DeploymentFileError(
      `The deployment file ${path} is not valid: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** Written atomically (temp file + rename), so a crash never leaves half a deployment file. */
export function writeDeployment(path: string, deployment: Deployment): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(deployment, null, 2) + "\n");
  renameSync(temp, path);
}
