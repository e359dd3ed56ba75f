/**
 * The fleet: every pipeline of the chosen profiles × regions as one row, in the order a person
 * watching many pipelines needs (what is failing, then what waits for them), and the filters the
 * Fleet view and `pipewright fleet` share.
 */

/** A manual approval waiting for an answer. */
export interface FleetApproval {
  pipelineExecutionId: string | null;
  stageName: string;
  actionName: string;
  /** ISO time the approval started waiting, when the state says. */
  since: string | null;
}

/**
 * How the app reaches a pipeline of the fleet, as the renderer names connections (no endpoint:
 * the sandbox is the app's own).
 */
export type FleetConnection = { kind: "aws"; profile?: string; region: string } | { kind: "sandbox" };

/** One pipeline as the fleet shows it. */
export interface FleetRow {
  /** Stable id of the row (across restarts too): `["profile","region","name"]` as JSON. */
  key: string;
  /** The lane (a profile, or the sandbox, in one region) the pipeline is read through. */
  laneKey: string;
  /** The profile's name; `sandbox` for the app's sandbox. */
  profile: string;
  /** The 12-digit account, once known. */
  account: string | null;
  region: string;
  connection: FleetConnection;
  name: string;
  /** V1 or V2, as ListPipelines reports it. */
  pipelineType: string | null;
  executionMode: string | null;
  /** The newest run's status as AWS spells it (`Failed`, `InProgress`…); null: it never ran. */
  latestStatus: string | null;
  latestExecutionId: string | null;
  /** ISO times of the newest run: its start, and its end once it finished. */
  latestStartTime: string | null;
  latestEndTime: string | null;
  /** Stages the newest run has completed, of all stages; null until the state was read. */
  stagesDone: number | null;
  stagesTotal: number | null;
  pendingApprovals: number;
  approvals: FleetApproval[];
  /** Why the last read of this pipeline failed; the other members are the last good values. */
  error: { code: string; message: string } | null;
  /** Epoch ms of the last successful read; null before the first. */
  polledAt: number | null;
}

/** One profile (or the sandbox) in one region, read with its own call budget. */
export interface FleetLane {
  key: string;
  profile: string;
  region: string;
  account: string | null;
  /**
   * - `loading`: listing the pipelines for the first time;
   * - `ok`: polling;
   * - `error`: the profile cannot be used now (expired SSO, no permission, no network); retried;
   * - `duplicate`: another profile reaches the same account and region, and shows its pipelines.
   */
  status: "loading" | "ok" | "error" | "duplicate";
  error: { code: string; message: string } | null;
  /** For `duplicate`: the lane that shows this account and region. */
  duplicateOf: string | null;
  pipelines: number;
  /** Calls per second the budget allows now (lower after throttling, recovering after). */
  callsPerSecond: number;
  /** API calls made so far. */
  calls: number;
  /** Epoch ms until which the lane pauses after throttling or an error; null when not paused. */
  pausedUntil: number | null;
}

/** Everything the Fleet view shows. */
export interface FleetSnapshot {
  rows: FleetRow[];
  lanes: FleetLane[];
  /** What a person should know about the selection (a profile left out, and why). */
  notes: string[];
  /** The budget of each account-region: API calls per second at most (before any throttling). */
  callsPerSecond: number;
  /** Epoch ms of the newest change. */
  updatedAt: number;
}

/**
 * What a row asks of a person, in the order rows are shown: failing, then waiting for approval,
 * then unreadable, running, stopped (stopped, superseded, cancelled), succeeded, never run.
 */
export type FleetGroup = "failed" | "approval" | "error" | "running" | "stopped" | "succeeded" | "never";

/** The groups in display order, with the label filters and headings use. */
export const FLEET_GROUPS: readonly { group: FleetGroup; label: string }[] = [
  { group: "failed", label: "Failed" },
  { group: "approval", label: "Waiting for approval" },
  { group: "error", label: "Could not read" },
  { group: "running", label: "In progress" },
  { group: "stopped", label: "Stopped" },
  { group: "succeeded", label: "Succeeded" },
  { group: "never", label: "Never ran" },
];

const RANK = new Map(FLEET_GROUPS.map((g, i) => [g.group, i]));

/** The group of a row: its newest run's status, a waiting approval, or a failed read. */
export function groupOf(
  row: Pick<FleetRow, "latestStatus" | "pendingApprovals" | "error" | "polledAt">,
): FleetGroup {
  if (row.latestStatus === "Failed") return "failed";
  if (row.pendingApprovals > 0) return "approval";
  if (row.error !== null && row.polledAt === null) return "error";
  switch (row.latestStatus) {
    case "InProgress":
    case "Stopping":
      return "running";
    case "Stopped":
    case "Superseded":
    case "Cancelled":
      return "stopped";
    case "Succeeded":
      return "succeeded";
    case null:
      return row.error !== null ? "error" : "never";
    default:
      return "running";
  }
}

/** Rows in display order: by group, then the newest run first, then by name, profile and region. */
export function sortFleetRows(rows: readonly FleetRow[]): FleetRow[] {
  const rank = (row: FleetRow) => RANK.get(groupOf(row)) ?? RANK.size;
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.latestStartTime ?? "").localeCompare(a.latestStartTime ?? "") ||
      a.name.localeCompare(b.name) ||
      a.profile.localeCompare(b.profile) ||
      a.region.localeCompare(b.region),
  );
}

/** What the view filters by; an empty list or text means "any". */
export interface FleetFilter {
  text?: string;
  groups?: readonly FleetGroup[];
  profiles?: readonly string[];
  regions?: readonly string[];
}

/**
 * The rows that pass `filter`. Text matches the name, profile, account or region, ignoring case;
 * each list keeps rows whose value is one of its entries.
 */
export function filterFleetRows(rows: readonly FleetRow[], filter: FleetFilter): FleetRow[] {
  const needle = (filter.text ?? "").trim().toLowerCase();
  return rows.filter((row) => {
    if (needle !== "") {
      const haystack = [row.name, row.profile, row.account ?? "", row.region].join("\n").toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    if (filter.groups?.length && !filter.groups.includes(groupOf(row))) return false;
    if (filter.profiles?.length && !filter.profiles.includes(row.profile)) return false;
    if (filter.regions?.length && !filter.regions.includes(row.region)) return false;
    return true;
  });
}
