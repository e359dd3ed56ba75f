/** `pipewright fleet` as text and JSON: one row per pipeline, failing and waiting first. */
import type { FleetLane, FleetRow } from "../../shared/fleet/fleet-rows";
import { table } from "./runs-format";

/** `45s`, `12m`, `3h`, `6d`: how long ago the newest run started. */
function age(iso: string | null, now: number): string {
  const start = iso === null ? NaN : Date.parse(iso);
  if (!Number.isFinite(start)) return "-";
  const s = Math.max(0, Math.round((now - start) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** The table of rows (already in display order). */
export function formatFleet(rows: readonly FleetRow[], now: number): string {
  if (rows.length === 0) return "No pipelines.\n";
  const lines = [
    ["PROFILE", "ACCOUNT", "REGION", "PIPELINE", "TYPE", "MODE", "STATUS", "AGE", "STAGES", "APPROVALS"],
  ];
  for (const r of rows) {
    lines.push([
      r.profile,
      r.account ?? "-",
      r.region,
      r.name,
      r.pipelineType ?? "-",
      r.executionMode ?? "-",
      r.error && r.polledAt === null ? `error: ${r.error.code}` : (r.latestStatus ?? "never ran"),
      age(r.latestStartTime, now),
      r.stagesTotal === null ? "-" : `${r.stagesDone ?? 0}/${r.stagesTotal}`,
      String(r.pendingApprovals),
    ]);
  }
  return `${table(lines)}\n`;
}

/** The JSON form of a row: what scripts read (AWS spellings, null when unknown). */
export function rowJson(r: FleetRow) {
  return {
    profile: r.profile,
    account: r.account,
    region: r.region,
    name: r.name,
    pipelineType: r.pipelineType,
    executionMode: r.executionMode,
    latestStatus: r.latestStatus,
    latestExecutionId: r.latestExecutionId,
    latestStartTime: r.latestStartTime,
    latestEndTime: r.latestEndTime,
    stagesDone: r.stagesDone,
    stagesTotal: r.stagesTotal,
    pendingApprovals: r.pendingApprovals,
    approvals: r.approvals,
    error: r.error,
  };
}

/** One line per lane that could not be read, for standard error. */
export function laneProblems(lanes: readonly FleetLane[]): string {
  return lanes
    .filter((l) => l.status === "error")
    .map((l) => `pipewright fleet: ${l.profile} in ${l.region}: ${l.error?.message ?? "failed"}\n`)
    .join("");
}
