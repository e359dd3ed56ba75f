/**
 * Diagnostics counted onto the node they are about, by path: `["stages", s, "actions", a, …]` is
 * action `a` of stage `s`, any other `["stages", s, …]` is the stage, the rest is the pipeline.
 * Paths from the file root (`["pipeline", "stages", …]`, as `validateDocument` gives) are read the
 * same way, so callers can pass either kind.
 */
import type { JsonPath } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import type { SeverityCounts } from "./types";

/** A fresh all-zero count. */
export function zeroCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** Counts per stage, per action and for the pipeline. */
export interface DiagnosticTally {
  stage: SeverityCounts[];
  action: SeverityCounts[][];
  pipeline: SeverityCounts;
}

/**
 * The path relative to the pipeline declaration when it points into a stage (`["stages", s, …]`),
 * from either a pipeline-relative or a file-root path; undefined otherwise.
 */
export function stagePath(path: JsonPath): JsonPath | undefined {
  if (path[0] === "stages") return path;
  if (path[0] === "pipeline" && path[1] === "stages") return path.slice(1);
  return undefined;
}

function bump(counts: SeverityCounts, diagnostic: Diagnostic): void {
  // A severity outside the three would be a bug elsewhere; count it nowhere rather than NaN.
  if (diagnostic.severity in counts) counts[diagnostic.severity] += 1;
}

/** Tallies `diagnostics` over a pipeline whose stages hold `actionCounts[s]` actions. */
export function tallyDiagnostics(
  diagnostics: readonly Diagnostic[],
  actionCounts: readonly number[],
): DiagnosticTally {
  const tally: DiagnosticTally = {
    stage: actionCounts.map(zeroCounts),
    action: actionCounts.map((n) => Array.from({ length: n }, zeroCounts)),
    pipeline: zeroCounts(),
  };
  for (const diagnostic of diagnostics) {
    const path = stagePath(diagnostic.path);
    const s = path?.[1];
    const stageCounts = typeof s === "number" ? tally.stage[s] : undefined;
    if (!path || typeof s !== "number" || !stageCounts) {
      bump(tally.pipeline, diagnostic);
      continue;
    }
    const a = path[3];
    const actionCounts = path[2] === "actions" && typeof a === "number" ? tally.action[s]?.[a] : undefined;
    bump(actionCounts ?? stageCounts, diagnostic);
  }
  return tally;
}

/** The sum of several counts. */
export function sumCounts(counts: readonly SeverityCounts[]): SeverityCounts {
  const total = zeroCounts();
  for (const c of counts) {
    total.error += c.error;
    total.warning += c.warning;
    total.info += c.info;
  }
  return total;
}
