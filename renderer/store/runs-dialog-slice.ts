/**
 * The runs panel's dialogs: release a change, review an approval, stop a run, switch a transition,
 * pick a rollback target. Each dialog is the question itself, so the control it sends is not asked
 * again; what a dialog needs from the service (the approval's run, the stage's earlier successful
 * runs) is loaded when it opens.
 */
import type { StateCreator } from "zustand";
import type { ApiActionExecutionDetail, ApiPipelineExecutionSummary } from "../../shared/execution";
import type { AppError } from "../../shared/ipc";
import type { FlowDeps } from "./flow-slice";
import type { AppState } from "./state";

/** Which runs dialog is open, with what it is about. */
export type RunsDialog =
  | { kind: "release" }
  | { kind: "approval"; stageName: string; actionName: string; pipelineExecutionId: string | null }
  | { kind: "stop"; pipelineExecutionId: string }
  | { kind: "transition"; stageName: string; enable: boolean }
  | { kind: "rollback"; stageName: string };

/** Something a dialog loads when it opens. */
export interface Loaded<T> {
  loading: boolean;
  value: T | null;
  error: AppError | null;
}

export interface RunsDialogSlice {
  runsDialog: RunsDialog | null;
  /** The approval's execution in its run (configuration as it ran: custom data, review link). */
  approvalExecution: Loaded<ApiActionExecutionDetail>;
  /** The runs a stage can be rolled back to, newest first (rollback runs left out). */
  rollbackTargets: Loaded<ApiPipelineExecutionSummary[]>;
  runsDialogOpened(dialog: RunsDialog): void;
  runsDialogClosed(): void;
}

const NOTHING = { loading: false, value: null, error: null } as const;

export function createRunsDialogSlice({ api }: FlowDeps): StateCreator<AppState, [], [], RunsDialogSlice> {
  return (set, get) => {
    async function loadApproval(stageName: string, actionName: string, id: string): Promise<void> {
      const watch = get().runsWatch;
      if (watch === null) return;
      set({ approvalExecution: { loading: true, value: null, error: null } });
      const result = await api.runs.detail({ ...watch, pipelineExecutionId: id });
      const dialog = get().runsDialog;
      if (dialog?.kind !== "approval" || dialog.pipelineExecutionId !== id) return;
      if (!result.ok) {
        set({ approvalExecution: { loading: false, value: null, error: result.error } });
        return;
      }
      // The newest attempt of the approval: the one waiting now.
      const attempts = result.value.actionExecutions.filter(
        (a) => a.stageName === stageName && a.actionName === actionName,
      );
      const latest = attempts.sort((a, b) =>
        String(b.startTime ?? "").localeCompare(String(a.startTime ?? "")),
      )[0];
      set({ approvalExecution: { loading: false, value: latest ?? null, error: null } });
    }

    async function loadTargets(stageName: string): Promise<void> {
      const watch = get().runsWatch;
      if (watch === null) return;
      set({ rollbackTargets: { loading: true, value: null, error: null } });
      const result = await api.runs.list({ ...watch, succeededInStage: stageName });
      const dialog = get().runsDialog;
      if (dialog?.kind !== "rollback" || dialog.stageName !== stageName) return;
      set({
        rollbackTargets: result.ok
          ? {
              loading: false,
              // "You cannot roll back to a target execution ID that is a rollback execution type."
              // https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html
              value: result.value.summaries.filter((r) => r.executionType !== "ROLLBACK"),
              error: null,
            }
          : { loading: false, value: null, error: result.error },
      });
    }

    return {
      runsDialog: null,
      approvalExecution: NOTHING,
      rollbackTargets: NOTHING,
      runsDialogOpened: (dialog) => {
        set({ runsDialog: dialog, approvalExecution: NOTHING, rollbackTargets: NOTHING });
        if (dialog.kind === "approval" && dialog.pipelineExecutionId !== null)
          void loadApproval(dialog.stageName, dialog.actionName, dialog.pipelineExecutionId);
        if (dialog.kind === "rollback") void loadTargets(dialog.stageName);
      },
      runsDialogClosed: () => set({ runsDialog: null, approvalExecution: NOTHING, rollbackTargets: NOTHING }),
    };
  };
}
