import { toEpochMs, type ApiPipelineExecutionSummary } from "../../shared/execution";
import type { RunDetail, RunsUpdate } from "../../shared/ipc";

/**
 * A run's detail brought up to date by a poll: its summary (status, times) from the poll's run list,
 * its executions from the progress main read for it. The same object when the poll says nothing new.
 */
export function followRun(detail: RunDetail, update: RunsUpdate, id: string): RunDetail {
  const summary = update.runs.find((r) => r.pipelineExecutionId === id);
  const progress = update.followed?.find((p) => p.pipelineExecutionId === id);
  const before = detail.summary;
  const summaryMoved =
    summary !== undefined &&
    (summary.status !== before?.status ||
      summary.lastUpdateTime !== before?.lastUpdateTime ||
      summary.statusSummary !== before?.statusSummary);
  if (!summaryMoved && progress === undefined) return detail;
  const next: RunDetail = { ...detail };
  if (summaryMoved) {
    next.summary = summary;
    // Only the status of an execution changes once it started; the rest was fixed when it began.
    next.execution = {
      ...detail.execution,
      ...(summary.status === undefined ? {} : { status: summary.status }),
      ...(summary.statusSummary === undefined ? {} : { statusSummary: summary.statusSummary }),
    };
  }
  if (progress !== undefined) {
    next.actionExecutions = progress.actionExecutions;
    if (progress.ruleExecutions !== undefined) next.ruleExecutions = progress.ruleExecutions;
  }
  return next;
}

/**
 * Newer data first: a run in `fresh` replaces the same run in `known`. Ordered as the history shows
 * runs (summarizeRuns' order: newest start first, then by id), so the history can summarize only the
 * rows in view. Each start time is parsed once: histories run to thousands of runs.
 */
export function mergeRuns(
  fresh: readonly ApiPipelineExecutionSummary[],
  known: readonly ApiPipelineExecutionSummary[],
): ApiPipelineExecutionSummary[] {
  const byId = new Map<string, ApiPipelineExecutionSummary>();
  for (const run of known) if (run.pipelineExecutionId) byId.set(run.pipelineExecutionId, run);
  for (const run of fresh) if (run.pipelineExecutionId) byId.set(run.pipelineExecutionId, run);
  const keyed = [...byId.values()].map((run) => ({ run, start: startOf(run) }));
  keyed.sort((a, b) =>
    a.start !== b.start
      ? b.start - a.start
      : (b.run.pipelineExecutionId ?? "").localeCompare(a.run.pipelineExecutionId ?? ""),
  );
  return keyed.map((k) => k.run);
}

function startOf(run: ApiPipelineExecutionSummary): number {
  return toEpochMs(run.startTime) ?? Number.NEGATIVE_INFINITY;
}
