/**
 * The question asked before a run control is sent (in the app's dialog), and where the watched
 * pipeline's latest run failed.
 */
import { describeControl, type RunControl } from "./run-control";
import type { AppState, ConfirmRequest } from "./state";

/**
 * Where the latest state says a run failed, as a path into the document: the failed action of the
 * first failed stage, or the stage when none of its actions failed (an entry check kept it out).
 */
export function failurePath(state: AppState): (string | number)[] | null {
  const pipeline = state.doc?.document.pipeline;
  const stages = state.runsLive?.state?.stageStates ?? [];
  const failed = stages.find((st) => st.latestExecution?.status === "Failed");
  if (pipeline === undefined || failed === undefined) return null;
  const s = pipeline.stages.findIndex((st) => st.name === failed.stageName);
  if (s < 0) return null;
  const action = failed.actionStates?.find((a) => a.latestExecution?.status === "Failed");
  const a = pipeline.stages[s]?.actions.findIndex((x) => x.name === action?.actionName) ?? -1;
  return a < 0 ? ["pipeline", "stages", s] : ["pipeline", "stages", s, "actions", a];
}

/** The question a control asks before it is sent: its title, the sentence above, and a yes-button. */
export function controlQuestion(control: RunControl, pipelineName: string): ConfirmRequest {
  const message = describeControl(control, pipelineName);
  switch (control.kind) {
    case "start":
      return { title: "Release a change", message, confirmLabel: "Release change" };
    case "stop":
      return {
        title: control.abandon ? "Stop and abandon the run" : "Stop the run",
        message,
        confirmLabel: control.abandon ? "Stop and abandon" : "Stop and wait",
        danger: true,
      };
    case "retry":
      return { title: `Retry ${control.stageName}`, message, confirmLabel: "Retry" };
    case "approve":
      return {
        title: control.status === "Approved" ? "Approve" : "Reject",
        message,
        confirmLabel: control.status === "Approved" ? "Approve" : "Reject",
        danger: control.status === "Rejected",
      };
    case "transition":
      return {
        title: `${control.enabled ? "Enable" : "Disable"} the transition`,
        message,
        confirmLabel: control.enabled ? "Enable transition" : "Disable transition",
      };
    case "rollback":
      return { title: `Roll back ${control.stageName}`, message, confirmLabel: "Roll back", danger: true };
    case "override":
      return { title: "Override the conditions", message, confirmLabel: "Override" };
  }
}
