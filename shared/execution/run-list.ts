/** ListPipelineExecutions summaries -> rows of the runs history list. */
import type { ApiPipelineExecutionSummary } from "./api-types";
import { asRecord, list, member, safeUrl, text, time } from "./read";
import { isFinished, phaseOf, type Phase } from "./status";

/** A source revision a run used, ready to show. */
export interface RunRevision {
  actionName: string | null;
  revisionId: string | null;
  /** A commit id shortened the way git shows it; other revision ids as they are. */
  shortId: string | null;
  summary: string | null;
  url: string | null;
}

/** One row of the runs list. */
export interface RunRow {
  pipelineExecutionId: string | null;
  status: string | null;
  phase: Phase;
  statusSummary: string | null;
  triggerType: string | null;
  triggerDetail: string | null;
  sourceRevisions: readonly RunRevision[];
  start: number | null;
  /** Null while the run is going. */
  end: number | null;
  /** End minus start; for a run still going, `now` minus start when `now` was given. */
  durationMs: number | null;
  executionMode: string | null;
  executionType: string | null;
  rollback: boolean;
  rollbackTargetId: string | null;
  stopReason: string | null;
}

const COMMIT_ID = /^[0-9a-f]{40}$/i;

function revisionOf(value: unknown): RunRevision {
  const revisionId = text(value, "revisionId") ?? null;
  return {
    actionName: text(value, "actionName") ?? null,
    revisionId,
    shortId: revisionId === null ? null : COMMIT_ID.test(revisionId) ? revisionId.slice(0, 7) : revisionId,
    summary: text(value, "revisionSummary") ?? null,
    url: safeUrl(text(value, "revisionUrl")) ?? null,
  };
}

function rowOf(summary: unknown, now: number | null): RunRow {
  const status = text(summary, "status") ?? null;
  const phase = phaseOf(status);
  const start = time(summary, "startTime");
  const lastUpdate = time(summary, "lastUpdateTime");
  const end =
    isFinished(phase) && lastUpdate !== null && (start === null || lastUpdate >= start) ? lastUpdate : null;
  const reference = end ?? (isFinished(phase) ? null : now);
  const trigger = member(summary, "trigger");
  const executionType = text(summary, "executionType") ?? null;
  const triggerType = text(trigger, "triggerType") ?? null;
  const rollbackTargetId =
    text(member(summary, "rollbackMetadata"), "rollbackTargetPipelineExecutionId") ?? null;
  return {
    pipelineExecutionId: text(summary, "pipelineExecutionId") ?? null,
    status,
    phase,
    statusSummary: text(summary, "statusSummary") ?? null,
    triggerType,
    triggerDetail: text(trigger, "triggerDetail") ?? null,
    sourceRevisions: list(summary, "sourceRevisions")
      .filter((r) => asRecord(r))
      .map(revisionOf),
    start,
    end,
    durationMs: start !== null && reference !== null && reference >= start ? reference - start : null,
    executionMode: text(summary, "executionMode") ?? null,
    executionType,
    rollback:
      executionType === "ROLLBACK" ||
      triggerType === "ManualRollback" ||
      triggerType === "AutomatedRollback" ||
      rollbackTargetId !== null,
    rollbackTargetId,
    stopReason: text(member(summary, "stopTrigger"), "reason") ?? null,
  };
}

/**
 * Rows for the runs list, newest first. Summaries from several pages may overlap (a run that
 * started between two page requests shifts the pages), so a run seen twice keeps its most recently
 * updated summary. `now` (any timestamp form) only gives running runs an elapsed duration; without
 * it their duration is null, so the result depends on the input alone.
 */
export function summarizeRuns(
  summaries: readonly ApiPipelineExecutionSummary[],
  now?: Date | number | string,
): RunRow[] {
  const nowMs = now === undefined ? null : time({ now }, "now");
  const byId = new Map<string, { row: RunRow; updated: number }>();
  const anonymous: RunRow[] = [];
  for (const summary of list(summaries)) {
    if (!asRecord(summary)) continue;
    const row = rowOf(summary, nowMs);
    const updated = time(summary, "lastUpdateTime") ?? Number.NEGATIVE_INFINITY;
    if (row.pipelineExecutionId === null) {
      anonymous.push(row);
      continue;
    }
    const known = byId.get(row.pipelineExecutionId);
    if (!known || updated > known.updated) byId.set(row.pipelineExecutionId, { row, updated });
  }
  const rows = [...[...byId.values()].map((entry) => entry.row), ...anonymous];
  return rows.sort((a, b) => {
    const sa = a.start ?? Number.NEGATIVE_INFINITY;
    const sb = b.start ?? Number.NEGATIVE_INFINITY;
    if (sa !== sb) return sa > sb ? -1 : 1;
    return (b.pipelineExecutionId ?? "").localeCompare(a.pipelineExecutionId ?? "");
  });
}
