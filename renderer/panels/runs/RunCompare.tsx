import { useMemo } from "react";
import { compareRuns, type DurationRow, type RunRevision } from "../../../shared/execution";
import { useAppStore } from "../../store";
import { DiffView } from "../deploy/DiffView";
import { formatDuration } from "./format";
import { RunLink } from "./RunLink";

function delta(row: DurationRow): string {
  if (row.deltaMs === null) return "–";
  return `${row.deltaMs >= 0 ? "+" : "−"}${formatDuration(Math.abs(row.deltaMs))}`;
}

function revisionText(r: RunRevision | null): string {
  if (r === null) return "–";
  const summary = r.summary?.split("\n")[0];
  return `${r.shortId ?? r.revisionId ?? "?"}${summary ? ` ${summary}` : ""}`;
}

/**
 * Two runs side by side: durations action by action with the difference, the source revisions each
 * ran, and the definition change between them when they ran different pipeline versions.
 */
export function RunCompare() {
  const a = useAppStore((s) => s.runsSelected?.detail ?? null);
  const b = useAppStore((s) => s.runsCompared?.detail ?? null);
  const comparedId = useAppStore((s) => s.runsCompared?.id ?? null);
  const selectedId = useAppStore((s) => s.runsSelected?.id ?? null);
  const back = useAppStore((s) => s.runCompared);
  const comparison = useMemo(() => (a && b ? compareRuns(a, b) : null), [a, b]);
  if (comparedId === null) return null;
  const head = (
    <header className="run-compare-head">
      <h3>
        Run {selectedId !== null && <RunLink id={selectedId} />} compared with <RunLink id={comparedId} />
      </h3>
      <button type="button" onClick={() => void back(null)}>
        Close the comparison
      </button>
    </header>
  );
  if (comparison === null)
    return (
      <section className="run-compare-all" aria-label="Run comparison">
        {head}
        <p className="muted">Loading both runs…</p>
      </section>
    );
  const idA = comparison.a.pipelineExecutionId?.slice(0, 8);
  const idB = comparison.b.pipelineExecutionId?.slice(0, 8);
  const definition = comparison.definition;
  return (
    <section className="run-compare-all" aria-label="Run comparison">
      {head}
      <table className="run-compare" aria-label="Compare runs">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">{idA}</th>
            <th scope="col">{idB}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {[comparison.whole, ...comparison.actions].map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{formatDuration(r.a)}</td>
              <td>{formatDuration(r.b)}</td>
              <td>{delta(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.revisions.length > 0 && (
        <table className="run-compare" aria-label="Source revisions compared">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">{idA}</th>
              <th scope="col">{idB}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.revisions.map((r) => (
              <tr key={r.actionName}>
                <th scope="row">
                  {r.actionName}
                  {r.same ? " (same)" : ""}
                </th>
                <td>{revisionText(r.a)}</td>
                <td>{revisionText(r.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {definition.kind === "same-version" && (
        <p className="muted">
          Both ran pipeline version {definition.version ?? "?"}: the definition did not change.
        </p>
      )}
      {definition.kind === "unavailable" && (
        <p className="muted">Definition not compared: {definition.reason}</p>
      )}
      {definition.kind === "diff" && (
        <DiffView
          diff={definition.diff}
          label={`Pipeline version ${definition.fromVersion} → ${definition.toVersion}`}
        />
      )}
    </section>
  );
}
