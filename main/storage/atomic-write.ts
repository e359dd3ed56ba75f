/**
 * The one atomic file write of main: pipeline files, settings, recent files, recovery copies,
 * deploy-target state and the CLI's rewrites all go through it (and the sandbox may).
 *
 * A crash, a kill or a full disk leaves either the old file or the whole new one, never a mix:
 * the bytes go to a temporary file in the target's own folder (a rename across file systems is not
 * atomic), are flushed with fsync, then renamed over the target, and the folder is fsynced so the
 * rename itself survives a power cut. Only then does the promise resolve, so a caller acknowledges
 * a write once it is durable.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";

/** Prefix of the temporary files a write creates beside its target; a killed write leaves one. */
export const TEMP_PREFIX = ".pipewright-save-";

/** A temporary file older than this is a leftover of a killed write, not one in progress. */
const STALE_TEMP_MS = 60_000;

/** Symlink hops followed before giving up, as the kernel's own limit (ELOOP) does. */
const MAX_LINK_HOPS = 40;

/** The file-system calls a write makes; tests substitute failing ones to prove the cleanup. */
export interface AtomicWriteFs {
  lstat: typeof fs.lstat;
  readlink: typeof fs.readlink;
  stat: typeof fs.stat;
  open: typeof fs.open;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
  readdir: typeof fs.readdir;
}

const NODE_FS: AtomicWriteFs = {
  lstat: fs.lstat,
  readlink: fs.readlink,
  stat: fs.stat,
  open: fs.open,
  rename: fs.rename,
  rm: fs.rm,
  readdir: fs.readdir,
};

export interface AtomicWriteOptions {
  /** Permission bits of a new file (an existing one keeps its own). Default 0o644. */
  mode?: number;
  /** For tests: the file-system calls to make. */
  fs?: AtomicWriteFs;
}

/**
 * Writes `data` to `path` atomically and durably. A symlink stays a symlink: the file it points to
 * (following every hop, even to a file that does not exist yet) is what gets replaced. An existing
 * file keeps its permission bits. The temporary file is removed on every failure, and the target
 * is then untouched.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const io = options.fs ?? NODE_FS;
  const target = await followLinks(io, resolve(path));
  const dir = dirname(target);
  const stem = tempStem(target);
  const temp = join(dir, `${stem}${randomBytes(6).toString("hex")}.tmp`);
  const mode = (await existingMode(io, target)) ?? options.mode ?? 0o644;
  // "wx": never open (and so never truncate) a file someone else created under this name.
  const handle = await io.open(temp, "wx", mode);
  try {
    try {
      await handle.writeFile(data);
      // The umask narrows the mode given to open; an existing file's bits are restored exactly.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, target);
  } catch (error) {
    await io.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(io, dir);
  await removeStaleTemps(io, dir, stem);
}

/** The start of every temporary file name for `target`; the name is cut so the whole fits in 255 bytes. */
function tempStem(target: string): string {
  return `${TEMP_PREFIX}${basename(target).slice(0, 100)}-`;
}

/** Where a chain of symlinks ends: the path whose file a write must replace. */
async function followLinks(io: AtomicWriteFs, start: string): Promise<string> {
  let path = start;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = (await io.lstat(path)).isSymbolicLink();
    } catch {
      return path; // nothing there yet: the write creates it
    }
    if (!isLink) return path;
    const link = await io.readlink(path);
    path = isAbsolute(link) ? link : resolve(dirname(path), link);
  }
  throw Object.assign(new Error(`ELOOP: too many symbolic links: ${start}`), { code: "ELOOP" });
}

async function existingMode(io: AtomicWriteFs, path: string): Promise<number | undefined> {
  try {
    return (await io.stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Makes the rename durable. Windows cannot open a folder for fsync; there the rename is as good as it gets. */
async function syncDirectory(io: AtomicWriteFs, dir: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await io.open(dir, "r");
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    // EINVAL/EISDIR: this file system does not sync folders. Anything else is a real failure.
    const code = (error as { code?: unknown }).code;
    if (code !== "EINVAL" && code !== "EISDIR" && code !== "EPERM" && code !== "EBADF") throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Removes what killed writes of this file left behind, so they do not pile up beside it. */
async function removeStaleTemps(
  io: AtomicWriteFs,
  dir: string,
  prefix: string,
  now = Date.now(),
): Promise<void> {
  try {
    for (const entry of await io.readdir(dir)) {
      if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
      const temp = join(dir, entry);
      if (now - (await io.stat(temp)).mtimeMs > STALE_TEMP_MS) await io.rm(temp, { force: true });
    }
  } catch {
    // Housekeeping only: the write itself succeeded.
  }
}
