// The embedded chain's state on disk, kept so that a kill -9 loses nothing the app said was confirmed.
//
// anvil writes its --state file in place once a second: a crash between two writes loses up to a second
// (complaints answered 201 were gone after a restart, and their ids were issued again), and a crash in the
// middle of a write leaves the file cut short. So beside it a spare copy is only ever replaced whole — a
// temporary file, fsync, rename, fsync of the folder — and never by an older state: by the durability
// barrier (durability.ts) before a confirmed reply, and by anvil.ts after each of anvil's own writes. At
// start anvil loads the newer whole one of the two. The head file records the last block the app
// acknowledged, so a chain that comes back behind it is refused instead of issuing the same ids again.
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface StateFiles {
  /** anvil's own --state file: loaded at start, rewritten in place every second and on SIGTERM. */
  state: string;
  /** The spare copy: only ever replaced whole and by a newer state. */
  spare: string;
  /** The last head (block number and hash) the app acknowledged as confirmed. */
  head: string;
}

export function stateFilesOf(state: string): StateFiles {
  return { state, spare: `${state}.good`, head: `${state}.head.json` };
}

/** Where the embedded chain keeps its state in the data folder (scripts/lib/embedded.ts and the runtime). */
export const embeddedStateFiles = (dataDir: string): StateFiles =>
  stateFilesOf(join(dataDir, "anvil-state.json"));

export interface Head {
  number: number;
  hash: string;
}

const BEST_BLOCK = /"best_block_number":\s*(\d+)/;

/** The chain's head block in a state JSON (anvil's --state file or a dump), or null when it has none. */
export function blockOfState(text: string): number | null {
  const match = BEST_BLOCK.exec(text);
  return match ? Number(match[1]) : null;
}

/** A state file that is whole (a crash mid-write leaves it cut short), with its head block; else null. */
export function readWholeState(path: string): { text: string; block: number } | null {
  try {
    const text = readFileSync(path, "utf8");
    JSON.parse(text);
    const block = blockOfState(text);
    return block === null ? null : { text, block };
  } catch {
    return null;
  }
}

/** The spare's head block, read once per version of the file (the barrier asks on every commit). */
const spareBlocks = new Map<string, { version: string; block: number | null }>();

function spareBlock(path: string): number | null {
  let version: string;
  try {
    const { ino, size, mtimeMs } = statSync(path);
    version = `${ino}:${size}:${mtimeMs}`;
  } catch {
    return null;
  }
  const known = spareBlocks.get(path);
  if (known?.version === version) return known.block;
  // Written only whole, by replaceDurably: the field is there without parsing megabytes of JSON.
  const block = blockOfState(readFileSync(path, "utf8"));
  spareBlocks.set(path, { version, block });
  return block;
}

function fsyncFolder(path: string): void {
  const fd = openSync(dirname(path), "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the new one,
 * and the new one on disk once this resolves. With `block`, an existing file already at that block or
 * newer is kept (two writers, the barrier and the copier, never put an older state over a newer one):
 * the check and the rename run with no await between them. Resolves whether it replaced the file.
 */
export async function replaceDurably(path: string, data: string, block?: number): Promise<boolean> {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (block !== undefined && (spareBlock(path) ?? -1) >= block) {
    unlinkSync(tmp);
    return false;
  }
  renameSync(tmp, path);
  fsyncFolder(path);
  return true;
}

export function readHead(path: string): Head | null {
  try {
    const head = JSON.parse(readFileSync(path, "utf8")) as Partial<Head>;
    return typeof head.number === "number" && typeof head.hash === "string"
      ? { number: head.number, hash: head.hash }
      : null;
  } catch {
    return null;
  }
}

export const writeHead = (path: string, head: Head) => replaceDurably(path, JSON.stringify(head) + "\n");

/** The chain no longer holds a block the app acknowledged: its state files lost confirmed records. */
export class ChainBehindError extends Error {
  override name = "ChainBehindError";
  /** `foundHash`: the chain's own block at the acknowledged height, or null when its head is below it. */
  constructor(acknowledged: Head, headNumber: number, foundHash: string | null) {
    const short = (hash: string) => `${hash.slice(0, 10)}…`;
    const where =
      foundHash === null
        ? `at block ${headNumber}, behind block ${acknowledged.number}`
        : `with another block ${acknowledged.number} (${short(foundHash)}) than the one`;
    super(
      `The local chain came back ${where} (${short(acknowledged.hash)}) that MedProof had confirmed: records it ` +
        `answered as saved would be missing and their ids issued again, so it will not go on. Restore the ` +
        `data folder from a backup, or delete it to start a new demo chain.`,
    );
  }
}
