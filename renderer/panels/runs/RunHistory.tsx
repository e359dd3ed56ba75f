import { useMemo, useState } from "react";
import { summarizeRuns, type RunRow } from "../../../shared/execution";
import { PHASE_LOOK } from "../../canvas/RunStatusBadge";
import { useAppStore } from "../../store";
import type { RunsFilter } from "../../store/runs-slice";
import { formatDuration, formatTime } from "./format";

const ROW_HEIGHT = 30;
const VISIBLE_ROWS = 14;
/** Rows drawn above and below the visible window, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** How close to the end of the list a scroll asks for the next page. */
const PREFETCH_PX = ROW_HEIGHT * VISIBLE_ROWS * 2;

const FILTERS: readonly RunsFilter[] = [
  "all",
  "InProgress",
  "Succeeded",
  "Failed",
  "Stopped",
  "Stopping",
  "Superseded",
  "Cancelled",
];

function HistoryRow({ row, selected, compared }: { row: RunRow; selected: boolean; compared: boolean }) {
  const select = useAppStore((s) => s.runSelected);
  const compare = useAppStore((s) => s.runCompared);
  const look = PHASE_LOOK[row.phase];
  const id = row.pipelineExecutionId ?? "";
  const revision = row.sourceRevisions[0];
  return (
    <div
      role="row"
      aria-selected={selected}
      className={`run-row run-${row.phase}${selected ? " is-selected" : ""}`}
      style={{ height: ROW_HEIGHT }}
    >
      <span role="gridcell">
        <button
          type="button"
          className="run-open"
          aria-label={`Open run ${id}`}
          onClick={() => void select(id)}
        >
          <span aria-hidden="true">{look.icon}</span> {row.status ?? "Unknown"}
        </button>
      </span>
      <span role="gridcell" className="run-id" title={id}>
        {id.slice(0, 8)}
      </span>
      <span role="gridcell" title={row.triggerDetail ?? undefined}>
        {row.triggerType ?? "–"}
      </span>
      <span role="gridcell" title={revision?.summary ?? undefined}>
        {revision ? `${revision.shortId ?? ""} ${revision.summary?.split("\n")[0] ?? ""}`.trim() : "–"}
      </span>
      <span role="gridcell">{formatTime(row.start)}</span>
      <span role="gridcell">{formatDuration(row.durationMs)}</span>
      <span role="gridcell">
        {row.executionMode ?? "–"}
        {row.rollback
          ? " · rollback"
          : row.executionType && row.executionType !== "STANDARD"
            ? ` · ${row.executionType}`
            : ""}
      </span>
      <span role="gridcell">
        <input
          type="checkbox"
          aria-label={`Compare with run ${id}`}
          checked={compared}
          onChange={(e) => void compare(e.target.checked ? id : null)}
        />
      </span>
    </div>
  );
}

/**
 * The run history of the watched pipeline: newest first, filtered by status, loading older pages as
 * the list is scrolled to its end. Only the rows in view are drawn, so long histories stay quick.
 */
export function RunHistory() {
  const summaries = useAppStore((s) => s.runsHistory.summaries);
  const loading = useAppStore((s) => s.runsHistory.loading);
  const more = useAppStore((s) => s.runsHistory.nextToken !== null);
  const error = useAppStore((s) => s.runsHistory.error);
  const filter = useAppStore((s) => s.runsHistory.filter);
  const selectedId = useAppStore((s) => s.runsSelected?.id ?? null);
  const comparedId = useAppStore((s) => s.runsCompared?.id ?? null);
  const filterChanged = useAppStore((s) => s.runsFilterChanged);
  const moreRequested = useAppStore((s) => s.runsMoreRequested);
  const [scrollTop, setScrollTop] = useState(0);
  const count = summaries.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, first + VISIBLE_ROWS + OVERSCAN * 2);
  // The store keeps runs in the history's order, so only the rows in view are summarized: the cost of
  // a scroll or a new page stays the same at 10,000 runs as at 50.
  const rows = useMemo(
    () => summarizeRuns(summaries.slice(first, last), Date.now()),
    [summaries, first, last],
  );
  return (
    <section className="run-history" aria-label="Run history">
      <div className="run-history-head">
        <label>
          Status{" "}
          <select value={filter} onChange={(e) => void filterChanged(e.target.value as RunsFilter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === "all" ? "All runs" : f}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {loading
            ? "Loading runs…"
            : `${count} run${count === 1 ? "" : "s"}${more ? " (scroll for more)" : ""}`}
        </span>
      </div>
      {error !== null && (
        <p role="alert" className="run-alert">
          {error.message}
        </p>
      )}
      <div className="run-grid-head" aria-hidden="true">
        <span>Status</span>
        <span>Run</span>
        <span>Trigger</span>
        <span>Source revision</span>
        <span>Started</span>
        <span>Duration</span>
        <span>Mode / type</span>
        <span>Compare</span>
      </div>
      <div
        role="grid"
        aria-label="Runs"
        aria-rowcount={count}
        className="run-grid"
        style={{ maxHeight: ROW_HEIGHT * VISIBLE_ROWS }}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScrollTop(el.scrollTop);
          // The next page is asked for two screens before the end, so it is usually there in time.
          if (more && !loading && el.scrollTop + el.clientHeight >= el.scrollHeight - PREFETCH_PX)
            void moreRequested();
        }}
      >
        <div style={{ height: first * ROW_HEIGHT }} />
        {rows.map((row) => (
          <HistoryRow
            key={row.pipelineExecutionId ?? `${row.start}`}
            row={row}
            selected={row.pipelineExecutionId === selectedId}
            compared={row.pipelineExecutionId === comparedId}
          />
        ))}
        <div style={{ height: (count - last) * ROW_HEIGHT }} />
        {count === 0 && !loading && (
          <p className="muted">No runs{filter === "all" ? " yet" : ` with status ${filter}`}.</p>
        )}
      </div>
    </section>
  );
}
