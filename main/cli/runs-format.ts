/** Plain-text views of runs for the terminal: the history table and a timeline with bars. */
import {
  formatDuration as formatSharedDuration,
  type RuleRow,
  type RunRow,
  type Timeline,
} from "../../shared/execution";

/** `1h 02m`, `3m 05s`, `12s`, `0.4s`; "-" when unknown (plain ASCII for terminals and logs). */
export function formatDuration(ms: number | null): string {
  return formatSharedDuration(ms, "-");
}

function time(ms: number | null): string {
  return ms === null
    ? "-"
    : new Date(ms)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "Z");
}

/** Columns padded to their widest cell, two spaces apart. */
export function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The history table: id, status, trigger, start, duration (and the first source revision). */
export function formatRuns(rows: readonly RunRow[]): string {
  if (rows.length === 0) return "No runs yet.\n";
  const lines = [["RUN", "STATUS", "TRIGGER", "STARTED", "DURATION", "REVISION"]];
  for (const r of rows) {
    const revision = r.sourceRevisions[0];
    lines.push([
      r.pipelineExecutionId ?? "-",
      r.status ?? "-",
      r.triggerType ?? "-",
      time(r.start),
      formatDuration(r.durationMs),
      revision ? `${revision.shortId ?? "-"} ${revision.summary?.split("\n")[0] ?? ""}`.trim() : "",
    ]);
  }
  return `${table(lines)}\n`;
}

const BAR_WIDTH = 40;

/**
 * Every action of a run with its status and duration, and a bar placing its attempts on the
 * run's time axis ("." waiting for approval, "#" running, "x" failed attempt); a stage's condition
 * rules (`◆`) come before its actions ("~" checking or passed, "x" failed).
 */
export function formatTimeline(timeline: Timeline, now: number, rules: readonly RuleRow[] = []): string {
  const start = timeline.start;
  const end = timeline.end ?? now;
  const span = start === null ? 0 : Math.max(1, end - start);
  const header = `Run ${timeline.pipelineExecutionId ?? "?"}: ${timeline.status ?? "unknown"}, ${formatDuration(timeline.durationMs ?? (start === null ? null : now - start))}${timeline.rollback ? ` (rollback to ${timeline.rollbackTargetId ?? "?"})` : ""}`;
  const lines = [["STAGE/ACTION", "STATUS", "DURATION", "TIMELINE"]];
  const barOf = (segments: readonly { start: number | null; end: number | null; mark: string }[]): string => {
    const bar = Array.from({ length: BAR_WIDTH }, () => " ");
    for (const segment of segments) {
      if (start === null || segment.start === null) continue;
      const from = Math.floor(((segment.start - start) / span) * BAR_WIDTH);
      const to = Math.ceil((((segment.end ?? now) - start) / span) * BAR_WIDTH);
      for (let i = Math.max(0, from); i < Math.min(BAR_WIDTH, Math.max(to, from + 1)); i++)
        bar[i] = segment.mark;
    }
    return bar.join("");
  };
  for (const stage of timeline.stages) {
    lines.push([`${stage.stageName}${stage.removed ? " (no longer in the pipeline)" : ""}`, "", "", ""]);
    // The stage's condition rules first: an entry check runs before any action.
    for (const rule of rules.filter((r) => r.stageName === stage.stageName)) {
      const latest = rule.segments[rule.segments.length - 1];
      const bar = barOf(rule.segments.map((s) => ({ ...s, mark: s.phase === "failed" ? "x" : "~" })));
      lines.push([
        `  ◆ ${rule.ruleName}${rule.hook === null ? "" : ` (${rule.hook})`}`,
        rule.status ?? "not run",
        formatDuration(rule.start === null ? null : (rule.end ?? now) - rule.start),
        `|${bar}|${latest?.error ? ` ${latest.error}` : ""}`,
      ]);
    }
    for (const action of stage.actions) {
      const bar = barOf(
        action.segments.map((s) => ({ ...s, mark: s.approval ? "." : s.phase === "failed" ? "x" : "#" })),
      );
      const duration = action.start === null ? null : (action.end ?? now) - action.start;
      const retried = action.retried ? ` (${action.attempts} attempts)` : "";
      lines.push([
        `  ${action.actionName}`,
        `${action.status ?? "not run"}${retried}`,
        formatDuration(duration),
        `|${bar}|${action.error?.message ? ` ${action.error.message}` : ""}`,
      ]);
    }
  }
  return `${header}\n${table(lines)}\n`;
}
