/**
 * What the poller compares between two reads of GetPipelineState, to decide what else to read: the
 * history page only when runs moved between stages, a followed run's executions only when its own
 * stages moved. Timestamps of transitions are left out: a change of status is what matters.
 */
import type { ApiPipelineExecutionSummary, ApiPipelineState, ApiStageState } from "../../shared/execution";
import type { RunAttention } from "./run-poller";

const ACTIVE = new Set(["InProgress", "Stopping"]);
const CONDITION_HOOKS = [
  "beforeEntryConditionState",
  "onSuccessConditionState",
  "onFailureConditionState",
] as const;

/** Whether a run is going: fast polling. */
export function isActive(
  state: ApiPipelineState | null,
  runs: readonly ApiPipelineExecutionSummary[],
): boolean {
  if (runs.some((r) => ACTIVE.has(r.status ?? ""))) return true;
  return (state?.stageStates ?? []).some(
    (s) =>
      ACTIVE.has(s.latestExecution?.status ?? "") ||
      (s.actionStates ?? []).some((a) => ACTIVE.has(a.latestExecution?.status ?? "")),
  );
}

function stagePrint(s: ApiStageState): unknown[] {
  return [
    s.stageName,
    s.latestExecution?.pipelineExecutionId,
    s.latestExecution?.status,
    s.inboundTransitionState?.enabled,
    (s.inboundExecutions ?? (s.inboundExecution ? [s.inboundExecution] : [])).map((e) => [
      e.pipelineExecutionId,
      e.status,
    ]),
  ];
}

function actionsPrint(s: ApiStageState): unknown[] {
  return [
    (s.actionStates ?? []).map((a) => [a.latestExecution?.actionExecutionId, a.latestExecution?.status]),
    CONDITION_HOOKS.map((hook) => [
      s[hook]?.latestExecution?.status,
      (s[hook]?.conditionStates ?? []).map((c) => c.latestExecution?.status),
    ]),
  ];
}

/** Stage outcomes that end a run (or start ending it) before its last stage. */
const ENDING = new Set(["Failed", "Stopped", "Stopping", "Cancelled"]);
/** Run statuses that no longer change. */
const FINISHED = new Set(["Succeeded", "Failed", "Stopped", "Superseded", "Cancelled"]);

/**
 * What the run list depends on: which unfinished runs are in the pipeline (one starting, one
 * superseded), a stage that ends its run early, and how the last stage ended (a run succeeding).
 * A run moving on from stage to stage changes none of its summary, so it reads nothing more.
 * `runs` is the list as last read: a finished run leaving the pipeline changes nothing either.
 */
export function runsPrint(state: ApiPipelineState, runs: readonly ApiPipelineExecutionSummary[]): string {
  const stages = state.stageStates ?? [];
  const status = new Map(runs.map((r) => [r.pipelineExecutionId, r.status ?? ""]));
  const ids = new Set<string>();
  for (const s of stages)
    for (const e of [s.latestExecution, s.inboundExecution, ...(s.inboundExecutions ?? [])])
      if (e?.pipelineExecutionId) ids.add(e.pipelineExecutionId);
  const unfinished = [...ids].filter((id) => !FINISHED.has(status.get(id) ?? "")).sort();
  const endings = stages.map((s, i) => {
    const stageStatus = s.latestExecution?.status ?? "";
    const last = i === stages.length - 1 && FINISHED.has(stageStatus);
    return ENDING.has(stageStatus) || last ? [s.latestExecution?.pipelineExecutionId, stageStatus] : 0;
  });
  return JSON.stringify([unfinished, endings]);
}

/** Everything a person watching sees change: stages, actions, condition checks. */
export function fullPrint(state: ApiPipelineState): string {
  return JSON.stringify((state.stageStates ?? []).map((s) => [stagePrint(s), actionsPrint(s)]));
}

/** The stages one run is in, with their actions; undefined when the run is in none. */
export function runPrint(state: ApiPipelineState, pipelineExecutionId: string): string | undefined {
  const stages = (state.stageStates ?? []).filter(
    (s) => s.latestExecution?.pipelineExecutionId === pipelineExecutionId,
  );
  return stages.length === 0
    ? undefined
    : JSON.stringify(stages.map((s) => [stagePrint(s), actionsPrint(s)]));
}

/** Whether any stage a run is in has condition checks (then its rule executions are read too). */
export function runHasConditions(state: ApiPipelineState, pipelineExecutionId: string): boolean {
  return (state.stageStates ?? []).some(
    (s) =>
      s.latestExecution?.pipelineExecutionId === pipelineExecutionId &&
      CONDITION_HOOKS.some((hook) => s[hook]?.latestExecution !== undefined),
  );
}

/** Waiting approvals (by token) and failed runs (by id), for announcing each once. */
export function attentionsOf(
  state: ApiPipelineState | null,
  runs: readonly ApiPipelineExecutionSummary[],
): Map<string, RunAttention> {
  const found = new Map<string, RunAttention>();
  for (const stage of state?.stageStates ?? []) {
    for (const action of stage.actionStates ?? []) {
      const latest = action.latestExecution;
      if (latest?.token && latest.status === "InProgress")
        found.set(`approval:${latest.token}`, {
          kind: "approval",
          pipelineExecutionId: stage.latestExecution?.pipelineExecutionId ?? null,
          stageName: stage.stageName ?? null,
          actionName: action.actionName ?? null,
          message: `${stage.stageName ?? "A stage"}/${action.actionName ?? "approval"} is waiting for approval`,
        });
    }
  }
  for (const run of runs) {
    if (run.status === "Failed" && run.pipelineExecutionId)
      found.set(`failed:${run.pipelineExecutionId}`, {
        kind: "failed",
        pipelineExecutionId: run.pipelineExecutionId,
        stageName: null,
        actionName: null,
        message: `Run ${run.pipelineExecutionId.slice(0, 8)} failed${run.statusSummary ? `: ${run.statusSummary}` : ""}`,
      });
  }
  return found;
}
