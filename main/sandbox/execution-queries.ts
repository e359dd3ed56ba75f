/** Read-only questions about runs, shared by the engine, the operations and the views. */
import type { ActionDeclaration, StageDeclaration } from "../../shared/pipeline/model";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord } from "./records";

export function isActive(execution: ExecutionRecord): boolean {
  return execution.status === "InProgress" || execution.status === "Stopping";
}

/** runOrder groups of a stage, lowest first; a missing runOrder is 1. */
export function runOrderGroups(stage: StageDeclaration): ActionDeclaration[][] {
  const byOrder = new Map<number, ActionDeclaration[]>();
  for (const action of stage.actions) {
    const order = action.runOrder ?? 1;
    byOrder.set(order, [...(byOrder.get(order) ?? []), action]);
  }
  return [...byOrder.entries()].sort(([a], [b]) => a - b).map(([, actions]) => actions);
}

/** The run that most recently entered the named stage: what GetPipelineState shows for it. */
export function latestInStage(pipeline: PipelineRecord, stageName: string): ExecutionRecord | undefined {
  let latest: ExecutionRecord | undefined;
  let latestSeq = -1;
  for (const execution of pipeline.executions) {
    const seq = execution.stages.find((s) => s.name === stageName)?.enteredSeq;
    if (seq !== undefined && seq > latestSeq) [latest, latestSeq] = [execution, seq];
  }
  return latest;
}

/**
 * Records of one execution kept in start order (action runs, rule runs, condition checks), oldest
 * first. Records are stored in start order and all of an execution's records start after it, so the
 * walk stops at the execution's own sequence number instead of scanning the pipeline's whole history.
 */
export function recordsOf<T extends { seq: number; executionId: string }>(
  records: readonly T[],
  execution: ExecutionRecord,
): T[] {
  const found: T[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (!record || record.seq < execution.seq) break;
    if (record.executionId === execution.id) found.push(record);
  }
  return found.reverse();
}

/** The action runs of one execution, oldest first. */
export function runsOf(pipeline: PipelineRecord, execution: ExecutionRecord): ActionRunRecord[] {
  return recordsOf(pipeline.actionRuns, execution);
}

/** The latest attempt of one action in one execution. */
export function latestRun(
  pipeline: PipelineRecord,
  execution: ExecutionRecord,
  stageName: string,
  actionName: string,
): ActionRunRecord | undefined {
  const runs = runsOf(pipeline, execution);
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run && run.stageName === stageName && run.actionName === actionName) return run;
  }
  return undefined;
}

/**
 * The action runs whose outputs an execution's actions can use: its own, and for a rollback those
 * of the run it rolls back to, since the rollback redoes one stage with that run's revisions and
 * never reruns the stages before it.
 */
export function visibleRuns(pipeline: PipelineRecord, execution: ExecutionRecord): ActionRunRecord[] {
  const target =
    execution.rollbackTargetId === undefined
      ? undefined
      : pipeline.executions.find((e) => e.id === execution.rollbackTargetId);
  return target ? [...runsOf(pipeline, target), ...runsOf(pipeline, execution)] : runsOf(pipeline, execution);
}
