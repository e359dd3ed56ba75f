import { GitCompareArrows } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { summarizeRuns, type RunRow } from "../../../shared/execution";
import { StatusIcon } from "../../design/status";
import { useAppStore } from "../../store";
import type { RunsFilter } from "../../store/runs-slice";
import { formatDuration, formatShortTime, formatTime } from "./format";
import { RunLink } from "./RunLink";

const ROW_HEIGHT = 30;
/** Rows drawn before the grid's height is known (jsdom has no layout). */
const DEFAULT_VISIBLE_ROWS = 14;
/** Rows drawn above and below the visible window, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** How close to the end of the list a scroll asks for the next page. */
const PREFETCH_PX = ROW_HEIGHT * DEFAULT_VISIBLE_ROWS * 2;

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

function HistoryRow({
  row,
  selected,
  picked,
  pickable,
  onPick,
}: {
  row: RunRow;
  selected: boolean;
  picked: boolean;
  /** False once two other runs are picked: a comparison is of exactly two. */
  pickable: boolean;
  onPick(on: boolean): void;
}) {
  const select = useAppStore((s) => s.runSelected);
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
          aria-label={`Open run ${id}: ${row.status ?? "Unknown"}`}
          onClick={() => void select(id)}
        >
          <StatusIcon phase={row.phase} /> {row.status ?? "Unknown"}
        </button>
      </span>
      <span role="gridcell" className="run-id">
        <RunLink id={id} />
      </span>
      <span role="gridcell" className="col-trigger" title={row.triggerDetail ?? undefined}>
        {row.triggerType ?? "–"}
      </span>
      <span role="gridcell" className="col-revision" title={revision?.summary ?? undefined}>
        {revision ? `${revision.shortId ?? ""} ${revision.summary?.split("\n")[0] ?? ""}`.trim() : "–"}
      </span>
      <span role="gridcell" title={formatTime(row.start)}>
        {formatShortTime(row.start)}
      </span>
      <span role="gridcell">{formatDuration(row.durationMs)}</span>
      <span role="gridcell" className="col-mode">
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
          aria-label={`Pick run ${id} to compare`}
          title={pickable || picked ? "Pick two runs to compare them" : "Two runs are picked already"}
          checked={picked}
          disabled={!pickable && !picked}
          onChange={(e) => onPick(e.target.checked)}
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
  const select = useAppStore((s) => s.runSelected);
  const compare = useAppStore((s) => s.runCompared);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const filterChanged = useAppStore((s) => s.runsFilterChanged);
  const moreRequested = useAppStore((s) => s.runsMoreRequested);
  const [scrollTop, setScrollTop] = useState(0);
  // The grid takes the height the panel gives it: only the rows that fit (and the overscan) are drawn.
  const grid = useRef<HTMLDivElement>(null);
  const [visibleRows, setVisibleRows] = useState(DEFAULT_VISIBLE_ROWS);
  useEffect(() => {
    const element = grid.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight > 0) setVisibleRows(Math.ceil(element.clientHeight / ROW_HEIGHT));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const count = summaries.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, first + visibleRows + OVERSCAN * 2);
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
        <button
          type="button"
          disabled={picked.length !== 2}
          title={picked.length === 2 ? undefined : "Pick exactly two runs in the list"}
          onClick={() => {
            const [a, b] = picked;
            if (a === undefined || b === undefined) return;
            void select(a).then(() => compare(b));
          }}
        >
          <GitCompareArrows aria-hidden="true" size={14} />
          <span>Compare {picked.length} of 2</span>
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="run-alert">
          {error.message}
        </p>
      )}
      <div className="run-grid-head" aria-hidden="true">
        <span>Status</span>
        <span>Run</span>
        <span className="col-trigger">Trigger</span>
        <span className="col-revision">Source revision</span>
        <span>Started</span>
        <span>Duration</span>
        <span className="col-mode">Mode / type</span>
        <span>Pick</span>
      </div>
      <div
        ref={grid}
        role="grid"
        aria-label="Runs"
        aria-rowcount={count}
        className="run-grid"

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
            picked={picked.includes(row.pipelineExecutionId ?? "")}
            pickable={picked.length < 2}
            onPick={(on) => {
              const id = row.pipelineExecutionId ?? "";
              setPicked(
                on ? [...picked.filter((p) => p !== id), id].slice(-2) : picked.filter((p) => p !== id),
              );
            }}
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
