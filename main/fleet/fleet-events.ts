/**
 * What a fleet read says a person should hear about: an approval waiting, a run that failed, a run
 * that succeeded after a failure. Each event has a key that names it for good (the run, the stage
 * and action, the moment the approval began waiting), so it is told once, across restarts too.
 */
import type { ApiPipelineExecutionSummary } from "../../shared/execution";
import { toEpochMs } from "../../shared/execution";
import type { FleetRow } from "../../shared/fleet/fleet-rows";
import type { NotificationKind, NotificationTarget } from "../../shared/fleet/notifications";

export interface FleetEvent {
  /** Names the event for good. */
  key: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Epoch ms it happened (the run's end, the approval's start); null when unknown. */
  at: number | null;
  target: NotificationTarget;
}

/** Statuses that decide whether a success comes "after a failure" (not stopped or superseded runs). */
const COUNTED = new Set(["Succeeded", "Failed"]);

function where(row: FleetRow): string {
  return row.profile === "sandbox" ? `the sandbox (${row.region})` : `${row.profile} in ${row.region}`;
}

function target(row: FleetRow, extra: Partial<NotificationTarget> = {}): NotificationTarget {
  return {
    pipeline: row.key,
    profile: row.profile,
    account: row.account,
    region: row.region,
    pipelineName: row.name,
    connection: row.connection,
    pipelineExecutionId: null,
    stageName: null,
    actionName: null,
    ...extra,
  };
}

/**
 * The events of one read of a pipeline. Failures and recoveries count only when the run ended at or
 * after `watchedSince` (when the fleet first saw the pipeline): nobody wants last month's failures
 * on the first start. A waiting approval counts whenever it is seen: it still waits for someone.
 */
export function eventsOf(
  row: FleetRow,
  runs: readonly ApiPipelineExecutionSummary[],
  watchedSince: number,
): FleetEvent[] {
  const events: FleetEvent[] = [];
  for (const approval of row.approvals) {
    events.push({
      key: JSON.stringify(["approval", row.key, approval.pipelineExecutionId, approval.stageName, approval.actionName, approval.since]),
      kind: "approval",
      title: `${row.name}: waiting for your approval`,
      body: `${approval.stageName}/${approval.actionName} in ${where(row)} waits for Approve or Reject.`,
      at: toEpochMs(approval.since),
      target: target(row, {
        pipelineExecutionId: approval.pipelineExecutionId,
        stageName: approval.stageName,
        actionName: approval.actionName,
      }),
    });
  }
  // Newest first, as ListPipelineExecutions returns them.
  runs.forEach((run, index) => {
    const id = run.pipelineExecutionId;
    const end = toEpochMs(run.lastUpdateTime);
    if (!id || end === null || end < watchedSince) return;
    if (run.status === "Failed") {
      events.push({
        key: JSON.stringify(["failed", row.key, id]),
        kind: "failed",
        title: `${row.name}: a run failed`,
        body: `Run ${id.slice(0, 8)} in ${where(row)} failed${run.statusSummary ? `: ${run.statusSummary}` : "."}`,
        at: end,
        target: target(row, { pipelineExecutionId: id }),
      });
    } else if (run.status === "Succeeded") {
      const before = runs.slice(index + 1).find((r) => COUNTED.has(r.status ?? ""));
      if (before?.status !== "Failed") return;
      events.push({
        key: JSON.stringify(["recovered", row.key, id]),
        kind: "recovered",
        title: `${row.name}: succeeded again`,
        body: `Run ${id.slice(0, 8)} in ${where(row)} succeeded after a failed run.`,
        at: end,
        target: target(row, { pipelineExecutionId: id }),
      });
    }
  });
  return events;
}
