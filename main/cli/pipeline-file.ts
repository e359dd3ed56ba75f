import { readFile, stat } from "node:fs/promises";
import {
  describeSize,
  FILE_LIMIT_TEXT,
  MAX_FILE_BYTES,
  parseDocument,
  type ParseResult,
} from "../../shared/formats";

/** A file as the CLI read it: its text (when it could be read) and what parsing found. */
export interface PipelineFile extends ParseResult {
  text: string;
}

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
          message: `The file is too large to open; the limit is ${FILE_LIMIT_TEXT}: ${describeSize(size)}`,
        },
      ],
    };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return unreadable(`Cannot read the file (${errorCode(error)}): ${file}`);
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const message = `The file is UTF-16 text; save it as UTF-8 (what the AWS CLI and Pipewright read): ${utf16}`;
    return { text: "", diagnostics: [{ code: "json-syntax", severity: "error", path: [], message }] };
  }
  const text = bytes.toString("utf8");
  const parsed = parseDocument(text);
  // The app opens a file with containers of the wrong kind to let the user fix them; the CLI has
  // nothing to show such a file in, so it reports them and stops, as for any other parse error.
  if (parsed.document?.damaged !== undefined) return { text, diagnostics: parsed.diagnostics };
  return { text, ...parsed };
}

/** Windows tools sometimes save UTF-16 with a byte order mark; read as UTF-8 it is noise. */
function utf16Encoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 BE";
  return undefined;
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
