/** GetPipelineState -> how far a run has got: n of m stages done. */
import type { ApiPipelineState } from "./api-types";
import { list, member, text } from "./read";
import { phaseOf, type Phase } from "./status";

/** What {@link progress} returns. */
export interface Progress {
  /** The run measured: the one asked for, else the run furthest along that is still going, else the newest. */
  pipelineExecutionId: string | null;
  /** Stages the run has finished successfully (for a rollback run: of the stages it rolls back). */
  done: number;
  /** Stages the run goes through: every stage, or for a rollback run only those it touches. */
  total: number;
  /** Stages in which the run is working now. */
  running: readonly string[];
  /** Stages in which the run waits for a manual approval (a token is open). */
  awaitingApproval: readonly string[];
  /** The stage the run failed in, if it did. */
  failedStage: string | null;
  /** The phase of the latest stage the run reached. */
  phase: Phase;
}

interface StageView {
  name: string;
  runId: string | null;
  status: string | null;
  type: string | null;
  approvalOpen: boolean;
}

function stageViews(state: unknown): StageView[] {
  return list(state, "stageStates").map((stage, index) => {
    const latest = member(stage, "latestExecution");
    return {
      name: text(stage, "stageName") ?? `#${index + 1}`,
      runId: text(latest, "pipelineExecutionId") ?? null,
      status: text(latest, "status") ?? null,
      type: text(latest, "type") ?? null,
      approvalOpen: list(stage, "actionStates").some(
        (action) => text(member(action, "latestExecution"), "token") !== undefined,
      ),
    };
  });
}

function chooseRun(stages: readonly StageView[]): string | null {
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i];
    if (stage?.runId && phaseOf(stage.status) === "running") return stage.runId;
  }
  return stages.find((stage) => stage.runId !== null)?.runId ?? null;
}

/**
 * How many stages a run has completed, from GetPipelineState. Each stage reports only its latest
 * run, so a stage a newer run has since entered still counts as done for the measured run when the
 * run reached a later stage. Never throws; an empty or unreadable state gives 0 of 0.
 */
export function progress(state: ApiPipelineState, pipelineExecutionId?: string): Progress {
  const stages = stageViews(state);
  const runId = typeof pipelineExecutionId === "string" ? pipelineExecutionId : chooseRun(stages);
  const mine = stages
    .map((stage, index) => ({ stage, index }))
    .filter(({ stage }) => runId !== null && stage.runId === runId);
  const rollback = mine.some(({ stage }) => stage.type === "ROLLBACK");
  const furthest = mine[mine.length - 1];
  const succeeded = (stage: StageView): boolean => phaseOf(stage.status) === "succeeded";
  let done: number;
  let total: number;
  if (rollback) {
    total = mine.length;
    done = mine.filter(({ stage }) => succeeded(stage)).length;
  } else {
    total = stages.length;
    // Every stage before the furthest one the run reached was passed (runs enter stages in order).
    done = furthest ? furthest.index + (succeeded(furthest.stage) ? 1 : 0) : 0;
  }
  return {
    pipelineExecutionId: runId,
    done,
    total,
    running: mine.filter(({ stage }) => phaseOf(stage.status) === "running").map(({ stage }) => stage.name),
    awaitingApproval: mine
      .filter(({ stage }) => stage.approvalOpen && phaseOf(stage.status) === "running")
      .map(({ stage }) => stage.name),
    failedStage: mine.find(({ stage }) => phaseOf(stage.status) === "failed")?.stage.name ?? null,
    phase: furthest ? phaseOf(furthest.stage.status) : "unknown",
  };
}
