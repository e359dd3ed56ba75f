/**
 * A rehearsal run as it stood at one moment, for the timeline's scrubber: what had not started
 * yet is left out, and what was still going shows as in progress. The result is the same API data
 * the runs timeline reads (shared/execution's buildTimeline), so the rehearsal plays on the same
 * chart as a real run.
 */
import { toEpochMs } from "../execution";
import type { RehearsalRun } from "./types";

/** The run's data as of `atMs` (epoch milliseconds); undefined when it had not started then. */
export function runAsOf(run: RehearsalRun, atMs: number) {
  const start = toEpochMs(run.summary.startTime);
  if (start === null || start > atMs) return undefined;
  const going = <T extends { startTime?: unknown; lastUpdateTime?: unknown; status?: string }>(
    item: T,
  ): T => {
    const updated = toEpochMs(item.lastUpdateTime);
    return updated !== null && updated > atMs
      ? { ...item, status: "InProgress", lastUpdateTime: atMs / 1000 }
      : item;
  };
  const started = <T extends { startTime?: unknown }>(item: T): boolean => {
    const at = toEpochMs(item.startTime);
    return at !== null && at <= atMs;
  };
  const ended = toEpochMs(run.summary.lastUpdateTime);
  const running = ended === null || ended > atMs;
  return {
    summary: running ? { ...run.summary, status: "InProgress", lastUpdateTime: atMs / 1000 } : run.summary,
    execution: running ? { ...run.execution, status: "InProgress" } : run.execution,
    actionExecutions: run.actionExecutions.filter(started).map(going),
    ruleExecutions: run.ruleExecutions.filter(started).map(going),
  };
}
