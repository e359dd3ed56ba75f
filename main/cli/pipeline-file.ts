import { readFile, stat } from "node:fs/promises";
import { MAX_FILE_BYTES, parseDocument, type ParseResult } from "../../shared/formats";

/** A file as the CLI read it: its text (when it could be read) and what parsing found. */
export interface PipelineFile extends ParseResult {
  text: string;
}

const MEGABYTE = 1024 * 1024;

/**
 * Reads and parses a pipeline file. The size is checked before reading, so a multi-gigabyte file
 * is refused without loading it; read failures become diagnostics so one bad path does not stop
 * a multi-file run.
 */
export async function readPipelineFile(file: string): Promise<PipelineFile> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return unreadable(`Not a regular file: ${file}`);
    size = info.size;
  } catch (error) {
    return unreadable(`Cannot read the file (${errorCode(error)}): ${file}`);
  }
  if (size > MAX_FILE_BYTES) {
    return {
      text: "",
      diagnostics: [
        {
          code: "file-too-large",
          severity: "error",
          path: [],
          message: `The file is too large to open; the limit is ${MAX_FILE_BYTES / MEGABYTE} MB: ${(size / MEGABYTE).toFixed(1)} MB (${size} bytes)`,
        },
      ],
    };
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return unreadable(`Cannot read the file (${errorCode(error)}): ${file}`);
  }
  return { text, ...parseDocument(text) };
}

function unreadable(message: string): PipelineFile {
  return { text: "", diagnostics: [{ code: "file-unreadable", severity: "error", path: [], message }] };
}

/** The system error code (ENOENT, EACCES…) or the message. */
export function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string")
    return error.code;
  return error instanceof Error ? error.message : String(error);
}
