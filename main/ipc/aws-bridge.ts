/**
 * The two crossings every AWS and runs channel makes: the renderer's connection to the gateway's
 * (starting the embedded sandbox first, so the gateway finds its endpoint), and the gateway's
 * outcome back to an IPC Result.
 */
import { fail, ok, type AppError, type ConnectionChoice, type Result } from "../../shared/ipc";
import type { AwsResult, Connection } from "../aws";
import type { AppServices } from "./services";

/** The connection a channel names, ready for the gateway; the renderer never names an endpoint. */
export async function resolveConnection(
  s: Pick<AppServices, "sandbox">,
  connection: ConnectionChoice,
): Promise<Result<Connection>> {
  if (connection.kind === "aws") return ok(connection);
  try {
    await s.sandbox.start();
    return ok({ kind: "sandbox" });
  } catch (error) {
    return fail(
      "sandbox-unavailable",
      `The embedded sandbox could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** An AWS outcome as an IPC Result: the code and message as they are, plus what the UI acts on. */
export function toResult<T, R = T>(result: AwsResult<T>, map?: (value: T) => R): Result<R> {
  if (result.ok) return ok(map ? map(result.value) : (result.value as unknown as R));
  const { code, message, details, path, diagnostics } = result.error;
  const error: AppError = { code, message };
  if (details !== undefined) error.details = details;
  // The gateway's paths start at the pipeline declaration; the renderer's at the file's root.
  if (path !== undefined) error.path = ["pipeline", ...path];
  if (diagnostics !== undefined) error.diagnostics = diagnostics;
  return { ok: false, error };
}
