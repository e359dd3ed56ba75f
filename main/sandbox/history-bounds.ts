/**
 * Run history is bounded as AWS bounds it, so a sandbox left running keeps a flat memory and
 * state size: the ListPipelineExecutions reference says "Pipeline history is limited to the most
 * recent 12 months, based on pipeline execution start times", and ListActionExecutions "Action
 * execution history is retained for up to 12 months, based on action execution start times"
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelineExecutions.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListActionExecutions.html).
 * On top of that the sandbox keeps at most `maxExecutions` runs per pipeline (`--max-history`).
 *
 * A run still in progress is never dropped, nor the latest run of each stage (GetPipelineState
 * shows it), so the cap may be exceeded by at most the number of stages.
 */
import type { PipelineRecord } from "./records";

export const DEFAULT_MAX_HISTORY = 1000;

export interface HistoryBounds {
  /** Runs kept per pipeline. */
  maxExecutions: number;
}

/** The start-time cutoff: runs that started before it are older than 12 months. */
export function retentionCutoff(nowMs: number): number {
  const date = new Date(nowMs);
  date.setUTCMonth(date.getUTCMonth() - 12);
  return date.getTime();
}

function isOpen(status: string): boolean {
  return status === "InProgress" || status === "Stopping";
}

/**
 * Drops runs beyond the bounds, with their action, rule and condition records and client tokens.
 * Returns whether anything was dropped. Cheap when nothing is due: one comparison of the count
 * and of the oldest run's start time.
 */
export function boundHistory(pipeline: PipelineRecord, bounds: HistoryBounds, nowMs: number): boolean {
  const executions = pipeline.executions;
  const cutoff = retentionCutoff(nowMs);
  const oldest = executions[0];
  if (executions.length <= bounds.maxExecutions && (oldest === undefined || oldest.startTime >= cutoff)) {
    return false;
  }
  const protectedIds = new Set<string>();
  const stagesSeen = new Set<string>();
  for (let i = executions.length - 1; i >= 0; i--) {
    const execution = executions[i];
    if (!execution) continue;
    if (isOpen(execution.status)) protectedIds.add(execution.id);
    for (const stage of execution.stages) {
      if (stage.status === undefined || stagesSeen.has(stage.name)) continue;
      stagesSeen.add(stage.name);
      protectedIds.add(execution.id);
    }
  }
  const dropped = new Set<string>();
  let excess = executions.length - bounds.maxExecutions;
  for (const execution of executions) {
    if (protectedIds.has(execution.id)) continue;
    if (execution.startTime < cutoff || excess > 0) {
      dropped.add(execution.id);
      excess -= 1;
    }
  }
  if (dropped.size === 0) return false;
  pipeline.executions = executions.filter((e) => !dropped.has(e.id));
  const record = pipeline as unknown as Record<string, unknown>;
  // Every collection of per-run records goes with its run, including ones added after this was written.
  for (const [key, value] of Object.entries(record)) {
    if (key === "executions" || !Array.isArray(value)) continue;
    const first: unknown = value[0];
    if (typeof first !== "object" || first === null || !("executionId" in first)) continue;
    record[key] = value.filter((r: { executionId?: unknown }) => !dropped.has(String(r.executionId)));
  }
  return true;
}
