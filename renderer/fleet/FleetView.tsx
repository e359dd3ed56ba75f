import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { formatDuration, toEpochMs } from "../../shared/execution";
import {
  filterFleetRows,
  FLEET_GROUPS,
  groupOf,
  type FleetGroup,
  type FleetLane,
  type FleetRow,
} from "../../shared/fleet/fleet-rows";
import { useAppStore } from "../store";
import { FleetMetrics } from "./FleetMetrics";
import "./fleet.css";

const GROUP_ICON: Record<FleetGroup, string> = {
  failed: "✕",
  approval: "‖",
  error: "!",
  running: "▶",
  stopped: "■",
  succeeded: "✓",
  never: "–",
};
/** Budgets a user may pick; AWS publishes no CodePipeline rate, so 1/s is the modest default. */
const RATES = [0.5, 1, 2, 5, 10, 20];
const GROUP_LABEL = new Map(FLEET_GROUPS.map((g) => [g.group, g.label]));

/** "5m ago" from an ISO time. */
function age(iso: string | null, now: number): string {
  const at = toEpochMs(iso);
  return at === null ? "–" : `${formatDuration(Math.max(0, now - at))} ago`;
}

function LaneChip({ lane }: { lane: FleetLane }) {
  const where = `${lane.profile} · ${lane.region}`;
  const text =
    lane.status === "error"
      ? `${where}: ${lane.error?.message ?? "cannot be read"}`
      : lane.status === "duplicate"
        ? `${where}: same account and region as another profile`
        : lane.status === "loading"
          ? `${where}: listing…`
          : `${where}: ${lane.pipelines} pipelines, ${lane.calls} calls, ≤ ${lane.callsPerSecond.toFixed(2)}/s`;
  return (
    <li className={`fleet-lane fleet-lane-${lane.status}`} title={lane.account ? `Account ${lane.account}` : undefined}>
      {text}
    </li>
  );
}

function Filters({ rows }: { rows: readonly FleetRow[] }) {
  const filter = useAppStore((s) => s.fleetFilter);
  const changed = useAppStore((s) => s.fleetFilterChanged);
  const profiles = [...new Set(rows.map((r) => r.profile))].sort();
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const one = (value: string) => (value === "" ? [] : [value]);
  return (
    <div className="fleet-filters" role="search" aria-label="Filter the fleet">
      <input
        type="search"
        aria-label="Filter by text"
        placeholder="Filter by name, profile, account, region"
        value={filter.text ?? ""}
        onChange={(e) => changed({ text: e.target.value })}
      />
      <select
        aria-label="Status"
        value={filter.groups?.[0] ?? ""}
        onChange={(e) => changed({ groups: one(e.target.value) as FleetGroup[] })}
      >
        <option value="">Any status</option>
        {FLEET_GROUPS.map((g) => (
          <option key={g.group} value={g.group}>
            {g.label}
          </option>
        ))}
      </select>
      <select aria-label="Profile" value={filter.profiles?.[0] ?? ""} onChange={(e) => changed({ profiles: one(e.target.value) })}>
        <option value="">Any profile</option>
        {profiles.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <select aria-label="Region" value={filter.regions?.[0] ?? ""} onChange={(e) => changed({ regions: one(e.target.value) })}>
        <option value="">Any region</option>
        {regions.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
    </div>
  );
}

function Row({ row, now }: { row: FleetRow; now: number }) {
  const selected = useAppStore((s) => s.fleetSelected === row.key);
  const select = useAppStore((s) => s.fleetRowSelected);
  const open = useAppStore((s) => s.fleetPipelineOpened);
  const group = groupOf(row);
  const target = {
    pipelineName: row.name,
    region: row.region,
    connection: row.connection,
    pipelineExecutionId: row.approvals[0]?.pipelineExecutionId ?? row.latestExecutionId,
    stageName: row.approvals[0]?.stageName ?? null,
    actionName: row.approvals[0]?.actionName ?? null,
  };
  return (
    <tr
      className={`fleet-row fleet-${group}${selected ? " selected" : ""}`}
      aria-selected={selected}
      onClick={() => void select(row.key)}
    >
      <td>
        <span className={`fleet-status fleet-status-${group}`} aria-label={GROUP_LABEL.get(group)}>
          {GROUP_ICON[group]}
        </span>{" "}
        {row.latestStatus ?? (row.error ? "Could not read" : "Never ran")}
      </td>
      <th scope="row" title={row.error?.message}>
        {row.name}
      </th>
      <td>{row.profile}</td>
      <td className="fleet-mono">{row.account ?? "–"}</td>
      <td>{row.region}</td>
      <td>{[row.pipelineType, row.executionMode].filter(Boolean).join(" · ") || "–"}</td>
      <td>{age(row.latestEndTime ?? row.latestStartTime, now)}</td>
      <td>{row.stagesDone === null ? "–" : `${row.stagesDone}/${row.stagesTotal ?? "?"}`}</td>
      <td>{row.pendingApprovals || ""}</td>
      <td>
        <button
          type="button"
          aria-label={`Open ${row.name} (${row.profile}, ${row.region})`}
          onClick={(e) => {
            e.stopPropagation();
            void open(target);
          }}
        >
          {row.pendingApprovals > 0 ? "Review" : "Open"}
        </button>
      </td>
    </tr>
  );
}

/**
 * The Fleet view: every pipeline of every profile and region (and the sandbox), failing and waiting
 * for approval first, filtered by text, status, profile and region; a pipeline opens in the designer
 * with its live status, and a selected one shows its delivery metrics.
 */
export function FleetView() {
  const open = useAppStore((s) => s.fleetOpen);
  const toggled = useAppStore((s) => s.fleetToggled);
  const error = useAppStore((s) => s.fleetError);
  const rows = useAppStore(useShallow((s) => s.fleet?.rows ?? []));
  const lanes = useAppStore(useShallow((s) => s.fleet?.lanes ?? []));
  const notes = useAppStore(useShallow((s) => s.fleet?.notes ?? []));
  const updatedAt = useAppStore((s) => s.fleet?.updatedAt ?? 0);
  const filter = useAppStore((s) => s.fleetFilter);
  const selected = useAppStore((s) => s.fleetSelected);
  const rate = useAppStore((s) => s.fleet?.callsPerSecond ?? s.fleetRate);
  const rateChanged = useAppStore((s) => s.fleetRateChanged);
  const shown = useMemo(() => filterFleetRows(rows, filter), [rows, filter]);
  if (!open) return null;
  const now = Math.max(Date.now(), updatedAt);
  const failed = rows.filter((r) => groupOf(r) === "failed").length;
  const waiting = rows.reduce((n, r) => n + r.pendingApprovals, 0);
  return (
    <section className="fleet-view" aria-label="Fleet">
      <header className="fleet-head">
        <h2>Fleet</h2>
        <span role="status" aria-label="Fleet summary">
          {rows.length} pipelines · {failed} failed · {waiting} waiting for approval
        </span>
        <label>
          Calls per account-region{" "}
          <select value={rate} onChange={(e) => void rateChanged(Number(e.target.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}/s
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void toggled(false)}>
          Back to the designer
        </button>
      </header>
      {error !== null && <p className="fleet-error">{error.message}</p>}
      <ul className="fleet-lanes" aria-label="Accounts and regions">
        {lanes.map((lane) => (
          <LaneChip key={lane.key} lane={lane} />
        ))}
      </ul>
      {notes.map((note) => (
        <p key={note} className="fleet-note">
          {note}
        </p>
      ))}
      <Filters rows={rows} />
      <div className="fleet-body">
        <div className="fleet-table-wrap">
          <table className="fleet-table" aria-label="Pipelines of the fleet">
            <thead>
              <tr>
                <th scope="col">Latest run</th>
                <th scope="col">Pipeline</th>
                <th scope="col">Profile</th>
                <th scope="col">Account</th>
                <th scope="col">Region</th>
                <th scope="col">Type · mode</th>
                <th scope="col">When</th>
                <th scope="col">Stages</th>
                <th scope="col">Approvals</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <Row key={row.key} row={row} now={now} />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p className="muted fleet-empty">
              {rows.length === 0 ? "Reading the pipelines of every profile and region…" : "No pipeline matches the filter."}
            </p>
          )}
        </div>
        {selected !== null && <FleetMetrics />}
      </div>
    </section>
  );
}
