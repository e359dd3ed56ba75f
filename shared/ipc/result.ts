import type { JsonPath } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";

/**
 * The outcome of every IPC call: handlers return a `Result` instead of throwing, so an error crosses
 * the boundary as data with a stable code, and the renderer puts it in store state.
 */

/**
 * Codes of errors from AWS or the sandbox, mapped once by the gateway in main/aws (which documents
 * each); declared here so the gateway and the contract share one list.
 */
export type AwsErrorCode =
  | "access-denied"
  | "invalid-structure"
  | "pipeline-name-in-use"
  | "pipeline-not-found"
  | "pipeline-version-not-found"
  | "limit-exceeded"
  | "throttled"
  | "network"
  | "expired-sso-token"
  | "credentials-expired"
  | "credentials-invalid"
  | "credentials-missing"
  | "profile-not-found"
  | "region-missing"
  | "sandbox-unavailable"
  | "validation"
  | "conflict"
  | "validation-failed"
  | "concurrent-modification"
  | "wait-timeout"
  | "cancelled"
  | "plan-expired"
  | "owned-pipeline"
  | "unknown";

/**
 * Stable error codes. Tests, the renderer and logs key on these strings; never rename one.
 * - `invalid-request`: the request did not match the channel's schema.
 * - `unknown-channel`: no such channel in the contract.
 * - `forbidden-sender`: an IPC message came from a frame that is not the app's own.
 * - `unauthorized` / `forbidden-host`: web mode refused a request without the token / from a foreign Host.
 * - `not-found`, `permission-denied`, `is-a-directory`, `read-failed`: opening a file failed.
 * - `file-too-large`: the file is bigger than Pipewright opens.
 * - `not-a-pipeline`: the file is not a pipeline document (details list the diagnostics).
 * - `disk-full`, `read-only`, `write-failed`: saving failed; the old file is intact.
 * - `changed-on-disk`: another program changed the file since it was opened or saved.
 * - `file-exists`: Save As would replace a file the user did not choose to replace.
 * - `path-required`: no path was given and this mode has no file dialog.
 * - `cancelled`: the user closed a dialog without choosing.
 * - `unknown-template`, `recovery-not-found`: the id names nothing.
 * - `url-not-allowed`: an external link outside the allowed AWS sites.
 * - `choose-resource`: the template opened has several pipelines (`choices`); open it again naming one.
 * - `internal`: a bug; details hold what the logs need.
 * - AWS (see main/aws/errors.ts): `access-denied`, `invalid-structure` (with `path`), `pipeline-name-in-use`,
 *   `pipeline-not-found`, `pipeline-version-not-found`, `limit-exceeded`, `throttled`, `network`,
 *   `expired-sso-token`, `credentials-expired`, `credentials-invalid`, `credentials-missing`,
 *   `profile-not-found`, `region-missing`, `sandbox-unavailable`, `validation`, `conflict`,
 *   `validation-failed` (with `diagnostics`), `concurrent-modification`, `wait-timeout`, `plan-expired`,
 *   `owned-pipeline` (a stack or another tool owns the pipeline; deploying needs `allowDrift`), `unknown`.
 */
export type AppErrorCode =
  | "invalid-request"
  | "unknown-channel"
  | "forbidden-sender"
  | "unauthorized"
  | "forbidden-host"
  | "not-found"
  | "permission-denied"
  | "is-a-directory"
  | "read-failed"
  | "file-too-large"
  | "not-a-pipeline"
  | "disk-full"
  | "read-only"
  | "write-failed"
  | "changed-on-disk"
  | "file-exists"
  | "path-required"
  | "cancelled"
  | "unknown-template"
  | "recovery-not-found"
  | "url-not-allowed"
  | "choose-resource"
  | "internal"
  | AwsErrorCode;

/**
 * An error safe to show to the user: `message` holds no secrets and ends with the specific value
 * after a colon (`Could not open the file: /tmp/x.json`); `details` is for logs and diagnostics.
 */
export interface AppError {
  code: AppErrorCode;
  message: string;
  details?: string;
  /** For `invalid-structure`: the element the service named, from the file root, to highlight. */
  path?: JsonPath;
  /** For `validation-failed`: the document's diagnostics. */
  diagnostics?: Diagnostic[];
  /** For `choose-resource`: the template's pipeline resources, and the template's path. */
  choices?: Array<{ id: string; name?: string; line?: number }>;
  file?: string;
}

/**
 * Success with a value, or failure with an {@link AppError} — or with a narrower error, as the AWS
 * gateway's `AwsResult` is: one shape of outcome across main, the IPC contract and the renderer.
 */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** A successful {@link Result}, of any error type. */
export function ok<T, E = AppError>(value: T): Result<T, E> {
  return { ok: true, value };
}

/** A failed {@link Result}; `details` is omitted when absent so the object stays JSON-clean. */
export function fail<T = never>(code: AppErrorCode, message: string, details?: string): Result<T> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Whether a value received over a transport has the shape of a {@link Result}. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  if (r.ok === true) return "value" in r;
  if (r.ok !== false || typeof r.error !== "object" || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === "string" && typeof e.message === "string";
}
