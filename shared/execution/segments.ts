/** ListActionExecutions details -> attempts per action, before waits are known. */
import { logStreamUrl } from "./links";
import { asRecord, list, member, num, safeUrl, stringMap, text, time } from "./read";
import { phaseOf } from "./status";
import type { SegmentError, TimelineSegment } from "./timeline-types";

/** Placeholder for a detail that names no stage or action, so it is still shown, not dropped. */
export const UNNAMED = "(unnamed)";

/** A segment before {@link TimelineSegment.waitBeforeMs} and {@link TimelineSegment.after} are set. */
export type RawSegment = Omit<TimelineSegment, "waitBeforeMs" | "after"> & {
  category: string | null;
  provider: string | null;
};

function artifactNames(value: unknown): string[] {
  return list(value).flatMap((artifact) => {
    const name = text(artifact, "name");
    return name === undefined ? [] : [name];
  });
}

function errorOf(result: unknown): SegmentError | null {
  const details = asRecord(member(result, "errorDetails"));
  if (!details) return null;
  return { code: text(details, "code") ?? null, message: text(details, "message") ?? null };
}

/** Reads one action execution detail; `attempt` and `retry` are filled in by {@link groupAttempts}. */
export function readDetail(detail: unknown): RawSegment {
  const input = member(detail, "input");
  const output = member(detail, "output");
  const result = member(output, "executionResult");
  const typeId = member(input, "actionTypeId");
  const category = text(typeId, "category") ?? null;
  const provider = text(typeId, "provider") ?? null;
  const status = text(detail, "status") ?? null;
  const approval = category === "Approval";
  const basePhase = phaseOf(status);
  const phase = approval && basePhase === "running" ? "waiting" : basePhase;
  const start = time(detail, "startTime");
  const finished = basePhase !== "running" && basePhase !== "unknown";
  const lastUpdate = time(detail, "lastUpdateTime");
  // An attempt that is still going has no end; lastUpdateTime then only says when it last changed.
  const end = finished && lastUpdate !== null && (start === null || lastUpdate >= start) ? lastUpdate : null;
  const logStreamArn = text(result, "logStreamARN") ?? null;
  return {
    stageName: text(detail, "stageName") ?? UNNAMED,
    actionName: text(detail, "actionName") ?? UNNAMED,
    attempt: 1,
    retry: false,
    actionExecutionId: text(detail, "actionExecutionId") ?? null,
    status,
    phase,
    start,
    end,
    durationMs: start !== null && end !== null ? end - start : null,
    approval,
    error: errorOf(result),
    summary: text(result, "externalExecutionSummary") ?? null,
    externalExecutionId: text(result, "externalExecutionId") ?? null,
    externalExecutionUrl: safeUrl(text(result, "externalExecutionUrl")) ?? null,
    logStreamArn,
    logUrl: logStreamUrl(logStreamArn ?? undefined) ?? null,
    outputVariables: stringMap(output, "outputVariables"),
    configuration: stringMap(input, "configuration"),
    resolvedConfiguration: stringMap(input, "resolvedConfiguration"),
    inputArtifacts: artifactNames(member(input, "inputArtifacts")),
    outputArtifacts: artifactNames(member(output, "outputArtifacts")),
    pipelineVersion: num(detail, "pipelineVersion") ?? null,
    updatedBy: text(detail, "updatedBy") ?? null,
    category,
    provider,
  };
}

/** Orders attempts oldest first; unknown start times go last; ids break ties so output is stable. */
function compareAttempts(a: RawSegment, b: RawSegment): number {
  const aStart = a.start ?? Number.POSITIVE_INFINITY;
  const bStart = b.start ?? Number.POSITIVE_INFINITY;
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  const aEnd = a.end ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end ?? Number.POSITIVE_INFINITY;
  if (aEnd !== bEnd) return aEnd < bEnd ? -1 : 1;
  return (a.actionExecutionId ?? "").localeCompare(b.actionExecutionId ?? "");
}

/** Key of an action within a run; a NUL separator cannot occur in stage or action names. */
export function actionKey(stageName: string, actionName: string): string {
  return `${stageName}\u0000${actionName}`;
}

/**
 * Reads the details of one run and groups them per action, numbering attempts: a stage retry makes
 * several executions of the same action, which become several segments of one row. Details of other
 * runs are dropped, as are duplicates of an actionExecutionId (overlapping pages).
 */
export function groupAttempts(
  details: unknown,
  pipelineExecutionId: string | null,
): Map<string, RawSegment[]> {
  const seen = new Set<string>();
  const byAction = new Map<string, RawSegment[]>();
  for (const detail of list(details)) {
    if (!asRecord(detail)) continue;
    const runId = text(detail, "pipelineExecutionId");
    if (pipelineExecutionId !== null && runId !== undefined && runId !== pipelineExecutionId) continue;
    const segment = readDetail(detail);
    if (segment.actionExecutionId !== null) {
      if (seen.has(segment.actionExecutionId)) continue;
      seen.add(segment.actionExecutionId);
    }
    const key = actionKey(segment.stageName, segment.actionName);
    const attempts = byAction.get(key);
    if (attempts) attempts.push(segment);
    else byAction.set(key, [segment]);
  }
  const numbered = new Map<string, RawSegment[]>();
  for (const [key, attempts] of byAction) {
    const sorted = [...attempts].sort(compareAttempts);
    numbered.set(
      key,
      sorted.map((segment, index) => ({ ...segment, attempt: index + 1, retry: index > 0 })),
    );
  }
  return numbered;
}
