import { useMemo } from "react";
import { buildTimeline, type Timeline } from "../../../shared/execution";
import { useAppStore } from "../../store";
import { formatDuration } from "./format";

function durations(t: Timeline): Map<string, number | null> {
  const map = new Map<string, number | null>();
  for (const stage of t.stages)
    for (const action of stage.actions)
      map.set(
        `${stage.stageName}/${action.actionName}`,
        action.start === null || action.end === null ? null : action.end - action.start,
      );
  return map;
}

/** Durations of two runs side by side, action by action, with the difference. */
export function RunCompare() {
  const a = useAppStore((s) => s.runsSelected?.detail ?? null);
  const b = useAppStore((s) => s.runsCompared?.detail ?? null);
  const comparedId = useAppStore((s) => s.runsCompared?.id ?? null);
  const rows = useMemo(() => {
    if (!a || !b) return null;
    const ta = buildTimeline(a);
    const tb = buildTimeline(b);
    const da = durations(ta);
    const db = durations(tb);
    const names = [...new Set([...da.keys(), ...db.keys()])];
    return {
      ta,
      tb,
      rows: names.map((name) => ({ name, a: da.get(name) ?? null, b: db.get(name) ?? null })),
    };
  }, [a, b]);
  if (comparedId === null) return null;
  if (!rows) return <p className="muted">Select a run and tick another to compare them.</p>;
  return (
    <table className="run-compare" aria-label="Compare runs">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">{rows.ta.pipelineExecutionId?.slice(0, 8)}</th>
          <th scope="col">{rows.tb.pipelineExecutionId?.slice(0, 8)}</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Whole run</th>
          <td>{formatDuration(rows.ta.durationMs)}</td>
          <td>{formatDuration(rows.tb.durationMs)}</td>
          <td>
            {rows.ta.durationMs !== null && rows.tb.durationMs !== null
              ? `${rows.ta.durationMs >= rows.tb.durationMs ? "+" : "−"}${formatDuration(Math.abs(rows.ta.durationMs - rows.tb.durationMs))}`
              : "–"}
          </td>
        </tr>
        {rows.rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>{formatDuration(r.a)}</td>
            <td>{formatDuration(r.b)}</td>
            <td>
              {r.a !== null && r.b !== null
                ? `${r.a >= r.b ? "+" : "−"}${formatDuration(Math.abs(r.a - r.b))}`
                : "–"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
