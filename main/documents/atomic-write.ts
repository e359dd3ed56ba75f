import { randomBytes } from "node:crypto";
import { open, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Prefix of the temporary files a save writes beside its target; a crashed save leaves one behind. */
export const TEMP_PREFIX = ".pipewright-save-";

/**
 * Writes `text` to `path` so that a crash, a kill or a full disk leaves either the old file or the
 * new one, never a mix: the bytes go to a temporary file in the same folder (a rename across file
 * systems would not be atomic), are flushed to the disk with fsync, and only then renamed over the
 * target. The temporary file is removed on failure. The target's permission bits are kept, and a
 * symlinked target stays a symlink (its destination is replaced).
 */
export async function writeFileAtomic(requested: string, text: string): Promise<void> {
  // Renaming over a symlink would replace the link with a file; write where it points instead.
  const path = await realpath(requested).catch(() => requested);
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString("hex")}.tmp`);
  const mode = await existingMode(path);
  const handle = await open(temp, "wx", mode ?? 0o644);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
  await removeStaleTemps(dir, basename(path));
}

/** A temporary file older than this is a leftover of a save that was killed, not one in progress. */
const STALE_TEMP_MS = 60_000;

/** Removes what killed saves of this file left behind, so they do not pile up beside it. */
async function removeStaleTemps(dir: string, name: string, now = Date.now()): Promise<void> {
  const prefix = `${TEMP_PREFIX}${name}-`;
  try {
    for (const entry of await readdir(dir)) {
      if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
      const temp = join(dir, entry);
      if (now - (await stat(temp)).mtimeMs > STALE_TEMP_MS) await rm(temp, { force: true });
    }
  } catch {
    // Housekeeping only: the save itself succeeded.
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data file itself is already synced.
  }
}
