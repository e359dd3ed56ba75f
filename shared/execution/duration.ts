/** Durations as every runs view prints them, the terminal's and the app's alike. */

/**
 * `1h 02m`, `3m 05s`, `12s`, `0.4s`; `unknown` (an en dash unless told otherwise) for a missing,
 * negative or non-finite duration.
 */
export function formatDuration(ms: number | null | undefined, unknown = "–"): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return unknown;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, "")}s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, "0")}s`;
  return `${sec}s`;
}
