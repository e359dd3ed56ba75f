import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { AppFailure, readError } from "./fs-errors";

/**
 * Files larger than this are refused before they are read into memory. parseDocument has its own,
 * smaller limit and explains it; this one only stops a mistaken multi-gigabyte pick from exhausting
 * main's memory first.
 */
export const READ_LIMIT_BYTES = 32 * 1024 * 1024;

/** The fingerprint of a file's bytes that save compares to notice changes by other programs. */
export function versionOf(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** A document file's text and version; failures become {@link AppFailure}s the user can act on. */
export async function readDocumentFile(path: string): Promise<{ text: string; version: string }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR" });
    if (info.size > READ_LIMIT_BYTES) {
      throw new AppFailure({
        code: "file-too-large",
        message: `The file is larger than ${READ_LIMIT_BYTES / 1024 / 1024} MB: ${path}`,
      });
    }
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
