import { Panel } from "@xyflow/react";
import { useShallow } from "zustand/react/shallow";
import { progress, type ApiPipelineState, type Phase } from "../../shared/execution";
import { useAppStore, type AppState } from "../store";
import { PHASE_LOOK, StatusIcon } from "../design/status";
import { RunLink } from "../panels/runs/RunLink";
import { failurePath } from "../store/run-controls";

interface RunProgressView {
  runId: string | null;
  phase: Phase;
  done: number;
  total: number;
  detail: string;
}

/** A stage whose entry or success check is being evaluated: its actions wait, or are done. */
function checking(state: ApiPipelineState, stageName: string): boolean {
  const stage = state.stageStates?.find((st) => st.stageName === stageName);
  return [stage?.beforeEntryConditionState, stage?.onSuccessConditionState].some(
    (check) => check?.latestExecution?.status === "InProgress",
  );
}

function runProgress(s: AppState): RunProgressView | null {
  const state = s.runsLive?.state;
  if (!state) return null;
  const p = progress(state);
  if (p.total === 0 || p.pipelineExecutionId === null) return null;
  const phase: Phase = p.awaitingApproval.length > 0 ? "waiting" : p.phase;
  const detail =
    p.awaitingApproval.length > 0
      ? `waiting for approval in ${p.awaitingApproval.join(", ")}`
      : p.failedStage !== null
        ? `failed in ${p.failedStage}`
        : p.running.length > 0
          ? p.running
              .map((stage) =>
                checking(state, stage) ? `checking ${stage}'s conditions` : `running ${stage}`,
              )
              .join(", ")
          : "";
  return { runId: p.pipelineExecutionId, phase, done: p.done, total: p.total, detail };
}

/**
 * The watched pipeline's latest run over the canvas: its status, how many of its stages are done,
 * and where it is now. It sits on the canvas because that is where a user watches a release (the
 * stage badges tell which stage, this how far along the whole run is), top left so that the runs
 * drawer, which opens on the right, does not cover it.
 */
export function RunProgressPanel() {
  const view = useAppStore(useShallow(runProgress));
  const failure = useAppStore((s) => failurePath(s) !== null);
  const reveal = useAppStore((s) => s.runFailureRevealed);
  if (view === null) return null;
  const look = PHASE_LOOK[view.phase];
  return (
    <Panel position="top-left">
      <div role="status" aria-label="Run progress" className={`run-progress run-${view.phase}`}>
        <StatusIcon phase={view.phase} />
        <span>
          {look.label} · {view.done} of {view.total} stages done
          {view.detail ? ` · ${view.detail}` : ""}
        </span>
        {view.runId !== null && <RunLink id={view.runId} />}
        <progress max={view.total} value={view.done} aria-hidden="true" />
        {view.phase === "failed" && failure && (
          <button type="button" className="run-link" onClick={reveal}>
            Show the failure
          </button>
        )}
      </div>
    </Panel>
  );
}
