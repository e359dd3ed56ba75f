import type { SeverityCounts } from "../../shared/layout";

/** Error and warning counts of an element, named for screen readers; nothing when it is clean. */
export function DiagnosticBadge({ counts }: { counts: SeverityCounts }) {
  if (counts.error === 0 && counts.warning === 0) return null;
  const parts = [
    counts.error > 0 ? `${counts.error} error${counts.error === 1 ? "" : "s"}` : "",
    counts.warning > 0 ? `${counts.warning} warning${counts.warning === 1 ? "" : "s"}` : "",
  ].filter((p) => p !== "");
  return (
    <span
      className={`diagnostic-badge ${counts.error > 0 ? "has-errors" : "has-warnings"}`}
      role="img"
      aria-label={parts.join(", ")}
    >
      {counts.error > 0 ? counts.error : counts.warning}
    </span>
  );
}
