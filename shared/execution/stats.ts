/** Where the time goes: per-action duration statistics over recent runs, and a run's critical path. */
import { median, percentile } from "./percentile";
import { asRecord, list, num, text } from "./read";
import type { SegmentRef, Timeline, TimelineActionRow, TimelineSegment } from "./timeline-types";

/** Duration statistics of one action over the runs that completed it. */
export interface ActionStats {
  stageName: string;
  actionName: string;
  /** Number of runs that contributed a duration. */
  samples: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  maxMs: number;
  /** Runs among the considered ones in which the action needed more than one attempt. */
  retriedRuns: number;
  /** A manual approval: its durations measure how long people took, not work. */
  approval: boolean;
}

/** What {@link runStats} returns. */
export interface RunStats {
  /** How many runs were considered (at most `n`). */
  runs: number;
  /** Whole-run durations of the considered runs that finished. */
  run: { samples: number; medianMs: number | null; p90Ms: number | null };
  /** In stage order of the newest run that has the action, then by name. */
  actions: readonly ActionStats[];
}

const runKey = (stageName: string, actionName: string): string => `${stageName}\u0000${actionName}`;

/** Newest first by start time (unknown starts last), ids breaking ties, so the choice is stable. */
function newestFirst(runs: readonly unknown[]): Timeline[] {
  const usable = runs.filter((run): run is Timeline => asRecord(run) !== undefined);
  return usable.sort((a, b) => {
    const sa = num(a, "start") ?? Number.NEGATIVE_INFINITY;
    const sb = num(b, "start") ?? Number.NEGATIVE_INFINITY;
    if (sa !== sb) return sa > sb ? -1 : 1;
    return (text(a, "pipelineExecutionId") ?? "").localeCompare(text(b, "pipelineExecutionId") ?? "");
  });
}

/** The action rows of a run, skipping anything that is not shaped like one. */
function actionRows(run: unknown): TimelineActionRow[] {
  return list(run, "stages").flatMap((stage) =>
    list(stage, "actions").filter(
      (action): action is TimelineActionRow =>
        text(action, "stageName") !== undefined &&
        text(action, "actionName") !== undefined &&
        Array.isArray(asRecord(action)?.segments),
    ),
  );
}

/** The segments of an action row that are shaped like segments. */
function segmentsOf(action: TimelineActionRow): TimelineSegment[] {
  return list(action, "segments").filter((s): s is TimelineSegment => asRecord(s) !== undefined);
}

/**
 * Median and p90 duration of every action over the newest `n` runs. Each run contributes the
 * duration of the action's last finished attempt (a retried action counts once, as it finally
 * ran); attempts still going and actions that did not run contribute nothing. Rollback runs count
 * like any other. Never throws: a bad `n` means no runs.
 */
export function runStats(runs: readonly Timeline[], n: number): RunStats {
  const count = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  const considered = newestFirst(list(runs)).slice(0, count);
  const order: { key: string; stageName: string; actionName: string; approval: boolean }[] = [];
  const durations = new Map<string, number[]>();
  const retried = new Map<string, number>();
  const runDurations: number[] = [];
  for (const run of considered) {
    const runDuration = num(run, "durationMs");
    if (runDuration !== undefined && runDuration >= 0) runDurations.push(runDuration);
    for (const action of actionRows(run)) {
      const segments = segmentsOf(action);
      const key = runKey(action.stageName, action.actionName);
      if (!durations.has(key)) {
        durations.set(key, []);
        order.push({
          key,
          stageName: action.stageName,
          actionName: action.actionName,
          approval: segments.some((s) => s.approval === true) || action.category === "Approval",
        });
      }
      if (segments.length > 1) retried.set(key, (retried.get(key) ?? 0) + 1);
      const last = [...segments]
        .reverse()
        .map((segment) => num(segment, "durationMs"))
        .find((ms) => ms !== undefined && ms >= 0);
      if (last !== undefined) durations.get(key)?.push(last);
    }
  }
  const actions = order.flatMap(({ key, stageName, actionName, approval }) => {
    const sorted = [...(durations.get(key) ?? [])].sort((a, b) => a - b);
    if (sorted.length === 0) return [];
    return [
      {
        stageName,
        actionName,
        samples: sorted.length,
        medianMs: median(sorted),
        p90Ms: percentile(sorted, 90),
        minMs: sorted[0] ?? 0,
        maxMs: sorted[sorted.length - 1] ?? 0,
        retriedRuns: retried.get(key) ?? 0,
        approval,
      },
    ];
  });
  const sortedRuns = [...runDurations].sort((a, b) => a - b);
  return {
    runs: considered.length,
    run: {
      samples: sortedRuns.length,
      medianMs: sortedRuns.length > 0 ? median(sortedRuns) : null,
      p90Ms: sortedRuns.length > 0 ? percentile(sortedRuns, 90) : null,
    },
    actions,
  };
}

/** One link of a critical path. */
export interface CriticalStep extends SegmentRef {
  start: number | null;
  end: number | null;
  durationMs: number | null;
  /** The wait before this step (a queue, a transition, a person starting a retry). */
  waitBeforeMs: number | null;
  approval: boolean;
  retry: boolean;
}

/** What {@link criticalPath} returns. */
export interface CriticalPath {
  steps: readonly CriticalStep[];
  /** Sum of the steps' durations: time spent working (and in approvals) on the path. */
  workMs: number;
  /** Sum of the waits before the steps. */
  waitMs: number;
}

/**
 * The chain of attempts that determined the run's duration: from the attempt that ended last (or
 * one still going), back through what each waited for, to the first. Shortening any step shortens
 * the run; shortening an action off the path does not.
 */
export function criticalPath(timeline: Timeline): CriticalPath {
  const segments = actionRows(timeline)
    .flatMap(segmentsOf)
    .filter(
      (s) =>
        typeof s.stageName === "string" &&
        typeof s.actionName === "string" &&
        typeof s.attempt === "number" &&
        (s.start === null || typeof s.start === "number") &&
        (s.end === null || typeof s.end === "number"),
    );
  const key = (ref: SegmentRef): string => `${runKey(ref.stageName, ref.actionName)}\u0000${ref.attempt}`;
  const byKey = new Map(segments.map((s) => [key(s), s]));
  // An attempt still going determines the run's length so far; among several, the latest started.
  let tail: TimelineSegment | undefined;
  for (const s of segments) {
    if (s.start === null) continue;
    if (!tail) {
      tail = s;
      continue;
    }
    const sOpen = s.end === null;
    const tOpen = tail.end === null;
    if (sOpen !== tOpen) {
      if (sOpen) tail = s;
      continue;
    }
    const sv = sOpen ? s.start : (s.end ?? 0);
    const tv = tOpen ? (tail.start ?? 0) : (tail.end ?? 0);
    if (sv > tv || (sv === tv && (s.durationMs ?? 0) > (tail.durationMs ?? 0))) tail = s;
  }
  const steps: CriticalStep[] = [];
  const visited = new Set<string>();
  for (let current = tail; current && !visited.has(key(current));) {
    visited.add(key(current));
    steps.push({
      stageName: current.stageName,
      actionName: current.actionName,
      attempt: current.attempt,
      start: current.start,
      end: current.end,
      durationMs: current.durationMs,
      waitBeforeMs: current.waitBeforeMs,
      approval: current.approval,
      retry: current.retry,
    });
    current = current.after ? byKey.get(key(current.after)) : undefined;
  }
  steps.reverse();
  return {
    steps,
    workMs: steps.reduce((sum, s) => sum + Math.max(0, s.durationMs ?? 0), 0),
    waitMs: steps.reduce((sum, s) => sum + Math.max(0, s.waitBeforeMs ?? 0), 0),
  };
}
