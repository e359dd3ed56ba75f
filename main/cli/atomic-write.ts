import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Writes `text` to `target` so that readers see the old file or the whole new one, never a part:
 * the text goes to a temporary file in the same folder (same file system, so the rename is
 * atomic), is flushed to disk, and then renamed over the target. On any failure the temporary
 * file is removed and the target is untouched. An existing target keeps its permissions.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const absolute = resolve(target);
  const temp = join(
    dirname(absolute),
    `.${basename(absolute)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const mode = await stat(absolute).then(
    (info) => info.mode & 0o777,
    () => 0o666,
  );
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
