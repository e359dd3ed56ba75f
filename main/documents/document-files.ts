import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { describeSize, FILE_LIMIT_TEXT, MAX_FILE_BYTES } from "../../shared/formats";
import type { AppError } from "../../shared/ipc";
import { AppFailure, readError } from "./fs-errors";

/** Why a file is not opened: its size and the limit. */
export function tooLargeToOpen(bytes: number, path: string): AppError {
  return {
    code: "file-too-large",
    message: `The file is too large to open: ${describeSize(bytes)}, the limit is ${FILE_LIMIT_TEXT}: ${path}`,
  };
}

/** A byte order mark, which the size limit does not count (it is not written back). */
const BOM_BYTES = 3;

/** The fingerprint of a file's bytes that save compares to notice changes by other programs. */
export function versionOf(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** A document file's text and version; failures become {@link AppFailure}s the user can act on. */
export async function readDocumentFile(path: string): Promise<{ text: string; version: string }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR" });
    // The one limit for opening and saving, checked before the file is read into memory.
    if (info.size > MAX_FILE_BYTES + BOM_BYTES) throw new AppFailure(tooLargeToOpen(info.size, path));
    const bytes = await readFile(path);
    return { text: bytes.toString("utf8"), version: versionOf(bytes) };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure(readError(error, path));
  }
}

/** The version of the file at `path`, or null when there is no file there. */
export async function currentVersion(path: string): Promise<string | null> {
  try {
    return versionOf(await readFile(path));
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return null;
    throw new AppFailure(readError(error, path));
  }
}
