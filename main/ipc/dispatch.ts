import { CHANNELS, fail, isChannelName, type Handlers, type Result } from "../../shared/ipc";
import { AppFailure } from "../documents/fs-errors";

/** How many schema issues an `invalid-request` error lists; enough to fix the call, bounded in size. */
const MAX_ISSUES = 5;

/**
 * Runs one request from any transport: checks the channel exists, parses the payload with the
 * channel's schema, runs the handler, and turns every throw into a Result. This is the single
 * entry point the Electron bridge and the web host share, so both refuse the same inputs.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel))
    return fail("unknown-channel", `There is no such channel: ${channel.slice(0, 100)}`);
  const parsed = CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, MAX_ISSUES)
      .map((i) => `${i.path.join(".") || "(request)"}: ${i.message}`)
      .join("; ");
    return fail("invalid-request", `The request to ${channel} is not valid: ${issues}`);
  }
  // The table is indexed by a runtime name here; the schema just proved the payload fits it.
  const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.appError };
    // The stack is for the logs of main, never for the page: it names source files and may carry
    // values from the request. The page gets the error's kind and the first line of its message.
    console.error(`pipewright: ${channel} failed:`, error);
    const said = (error instanceof Error ? error.message : "unknown error").split("\n")[0]!.slice(0, 200);
    const kind = error instanceof Error ? error.name : "Error";
    return fail("internal", `Something went wrong in ${channel}: ${said}`, `${kind}: ${said}`);
  }
}
