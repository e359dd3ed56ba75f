import { randomBytes } from "node:crypto";
import { open, realpath, rename, rm, stat } from "node:fs/promises";
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
