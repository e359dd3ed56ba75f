import type { AppError, AppErrorCode } from "../../shared/ipc";

/** The errno codes a person can act on, and the error the renderer shows for each. */
const READ_CODES: Record<string, AppErrorCode> = {
  ENOENT: "not-found",
  ENOTDIR: "not-found",
  EACCES: "permission-denied",
  EPERM: "permission-denied",
  EISDIR: "is-a-directory",
};

const WRITE_CODES: Record<string, AppErrorCode> = {
  ENOSPC: "disk-full",
  EDQUOT: "disk-full",
  EROFS: "read-only",
  EACCES: "read-only",
  EPERM: "read-only",
  ENOENT: "not-found",
  ENOTDIR: "not-found",
  EISDIR: "is-a-directory",
};

const MESSAGES: Partial<Record<AppErrorCode, string>> = {
  "not-found": "The file or its folder does not exist",
  "permission-denied": "You do not have permission to read the file",
  "is-a-directory": "The path is a folder, not a file",
  "disk-full": "The disk is full; the previous file was kept",
  "read-only": "The file or folder cannot be written; the previous file was kept",
  "write-failed": "The file could not be written; the previous file was kept",
  "read-failed": "The file could not be read",
};

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function toAppError(
  error: unknown,
  path: string,
  table: Record<string, AppErrorCode>,
  fallback: AppErrorCode,
): AppError {
  const errno = errnoOf(error);
  const code = (errno !== undefined ? table[errno] : undefined) ?? fallback;
  const details = error instanceof Error ? error.message : String(error);
  return { code, message: `${MESSAGES[code] ?? "The file operation failed"}: ${path}`, details };
}

/**
 * The operating system's reason as it words it, without the path it repeats: "ENOENT: no such file
 * or directory" from "ENOENT: no such file or directory, open '/x'".
 */
export function osReason(error: unknown): string | undefined {
  const errno = errnoOf(error);
  if (errno === undefined) return undefined;
  const message = error instanceof Error ? error.message : "";
  const said = new RegExp(`^${errno}: ([^,]+)`).exec(message)?.[1];
  return said === undefined ? errno : `${errno}: ${said}`;
}

/** Maps a failure to read `path` to an error the user can act on, with the system's reason. */
export function readError(error: unknown, path: string): AppError {
  const mapped = toAppError(error, path, READ_CODES, "read-failed");
  const reason = osReason(error);
  if (reason === undefined) return mapped;
  return {
    ...mapped,
    message: `${MESSAGES[mapped.code] ?? "The file could not be read"} (${reason}): ${path}`,
  };
}

/** Maps a failure to write `path` to an error the user can act on. */
export function writeError(error: unknown, path: string): AppError {
  return toAppError(error, path, WRITE_CODES, "write-failed");
}

/** Thrown inside main/documents to carry an {@link AppError} up to the handler, which returns it. */
export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = "AppFailure";
  }
}
