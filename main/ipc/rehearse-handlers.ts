import { fail, ok, type Handlers } from "../../shared/ipc";
import { AppFailure, writeError } from "../documents/fs-errors";
import { RehearsalInvalidPipeline, RehearsalScenarioError, rehearsePipeline } from "../rehearse/rehearse";
import { deleteWhatIf, listWhatIfs, saveWhatIf } from "../rehearse/what-if-files";

type RehearseHandlers = Pick<Handlers, Extract<keyof Handlers, `rehearse.${string}`>>;

/**
 * The rehearse channels. A rehearsal runs in its own in-memory sandbox, synchronously (it is a
 * simulation with a ManualClock: no waiting), so it never touches the app's sandbox or an account.
 */
export function createRehearseHandlers(): RehearseHandlers {
  return {
    "rehearse.run": async ({ pipeline, whatIf }) => {
      try {
        return ok({ kind: "ran", result: rehearsePipeline(pipeline, whatIf ?? {}) });
      } catch (error) {
        if (error instanceof RehearsalInvalidPipeline) {
          return ok({
            kind: "invalid-pipeline",
            message: error.message,
            diagnostics: [...error.diagnostics],
          });
        }
        if (error instanceof RehearsalScenarioError)
          return ok({ kind: "invalid-what-if", message: error.message });
        throw error;
      }
    },
    "rehearse.listWhatIfs": async ({ documentPath }) => ok(await listWhatIfs(documentPath)),
    "rehearse.saveWhatIf": async ({ documentPath, name, whatIf }) => {
      try {
        return ok({ path: await saveWhatIf(documentPath, name, whatIf) });
      } catch (error) {
        if (error instanceof RehearsalScenarioError) {
          return fail(
            "invalid-request",
            `The what-if is not a valid scenario; it was not saved: ${error.message}`,
          );
        }
        throw new AppFailure(writeError(error, documentPath));
      }
    },
    "rehearse.deleteWhatIf": async ({ documentPath, name }) => {
      try {
        await deleteWhatIf(documentPath, name);
        return ok(null);
      } catch (error) {
        throw new AppFailure(writeError(error, documentPath));
      }
    },
  };
}
