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
