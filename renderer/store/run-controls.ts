/**
 * The run controls in words (the question asked before each), where a run failed, and how poll
 * results merge into the history: the pure parts of the runs slice.
 */
import type { ApiPipelineExecutionSummary } from "../../shared/execution";
import type { RunsAttention } from "../../shared/ipc";
import type { AppState, ConfirmRequest } from "./state";

/** A control the user asked for, with what it needs; confirmed before it is sent. */
export type RunControl =
  | {
      kind: "start";
      variables?: { name: string; value: string }[];
      sourceRevisions?: {
        actionName: string;
        revisionType: "COMMIT_ID" | "IMAGE_DIGEST" | "S3_OBJECT_VERSION_ID" | "S3_OBJECT_KEY";
        revisionValue: string;
      }[];
    }
  | { kind: "stop"; pipelineExecutionId: string; abandon: boolean; reason: string }
  | {
      kind: "retry";
      stageName: string;
      pipelineExecutionId: string;
      retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS";
    }
  | {
      kind: "approve";
      stageName: string;
      actionName: string;
      status: "Approved" | "Rejected";
      summary: string;
    }
  | {
      kind: "transition";
      stageName: string;
      transitionType: "Inbound" | "Outbound";
      enabled: boolean;
      reason?: string;
    }
  | { kind: "rollback"; stageName: string; targetPipelineExecutionId: string }
  | {
      kind: "override";
      stageName: string;
      pipelineExecutionId: string;
      conditionType: "BEFORE_ENTRY" | "ON_SUCCESS";
    };

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

/** What a control does, in words the confirmation shows. */
export function describeControl(control: RunControl, pipelineName: string): string {
  switch (control.kind) {
    case "start":
      return `Release a change: start a new run of ${pipelineName}${
        control.variables?.length
          ? ` with ${control.variables.map((v) => `${v.name}=${v.value}`).join(", ")}`
          : ""
      }${control.sourceRevisions?.length ? ` at ${control.sourceRevisions.map((r) => `${r.actionName}@${r.revisionValue}`).join(", ")}` : ""}?`;
    case "stop":
      return control.abandon
        ? `Stop and abandon run ${control.pipelineExecutionId}? In-progress actions are abandoned.`
        : `Stop run ${control.pipelineExecutionId}? In-progress actions finish first.`;
    case "retry":
      return `Retry stage ${control.stageName} of run ${control.pipelineExecutionId} (${
        control.retryMode === "FAILED_ACTIONS" ? "failed actions only" : "all actions"
      })?`;
    case "approve":
      return `${control.status === "Approved" ? "Approve" : "Reject"} ${control.stageName}/${control.actionName}${
        control.summary ? ` with "${control.summary}"` : ""
      }?`;
    case "transition":
      return `${control.enabled ? "Enable" : "Disable"} the transition ${
        control.transitionType === "Inbound" ? "into" : "out of"
      } ${control.stageName}?`;
    case "rollback":
      return `Roll back ${control.stageName} to run ${control.targetPipelineExecutionId}?`;
    case "override":
      return `Override the ${control.conditionType === "BEFORE_ENTRY" ? "entry" : "success"} conditions of ${
        control.stageName
      } for run ${control.pipelineExecutionId}? The run goes on as if they had passed.`;
  }
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

/** Newer data first: a run in `fresh` replaces the same run in `known`; order newest first. */
export function mergeRuns(
  fresh: readonly ApiPipelineExecutionSummary[],
  known: readonly ApiPipelineExecutionSummary[],
): ApiPipelineExecutionSummary[] {
  const byId = new Map<string, ApiPipelineExecutionSummary>();
  for (const run of known) if (run.pipelineExecutionId) byId.set(run.pipelineExecutionId, run);
  for (const run of fresh) if (run.pipelineExecutionId) byId.set(run.pipelineExecutionId, run);
  const start = (r: ApiPipelineExecutionSummary) => new Date(r.startTime ?? 0).getTime() || 0;
  return [...byId.values()].sort((a, b) => start(b) - start(a));
}

/** A desktop notification (Electron's renderer and browsers both implement the API), when permitted. */
export function notify(attention: RunsAttention): void {
  if (typeof Notification === "undefined") return;
  const show = () => {
    new Notification(
      attention.kind === "failed"
        ? `${attention.pipelineName}: run failed`
        : `${attention.pipelineName}: approval waiting`,
      {
        body: attention.message,
        tag: `${attention.pipelineName}:${attention.kind}:${attention.pipelineExecutionId ?? ""}`,
      },
    );
  };
  if (Notification.permission === "granted") show();
  else if (Notification.permission === "default")
    void Notification.requestPermission().then((p) => (p === "granted" ? show() : undefined));
}
