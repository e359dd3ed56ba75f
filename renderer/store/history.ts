import type { PipelineDocument } from "../../shared/pipeline/model";
import type { HistoryEntry, Selection } from "./designer-state";

/** Edits with the same key closer together than this are one undo step (a burst of typing). */
export const COALESCE_WINDOW_MS = 1000;

/** Undo keeps this many steps; the oldest go first. */
export const HISTORY_LIMIT = 200;

export interface HistoryState {
  past: HistoryEntry[];
  future: HistoryEntry[];
  lastEdit: { key: string; at: number } | null;
}

/**
 * The history after recording a change away from `before`: a new undo step, or none when the edit
 * continues the previous one (same coalescing key within the window). Any edit clears redo.
 */
export function recordEdit(
  history: HistoryState,
  before: PipelineDocument,
  selection: Selection,
  key: string | undefined,
  now: number,
): HistoryState {
  const last = history.lastEdit;
  const continues =
    key !== undefined && last !== null && last.key === key && now - last.at < COALESCE_WINDOW_MS;
  const past = continues
    ? history.past
    : [...history.past, { document: before, selection }].slice(-HISTORY_LIMIT);
  return { past, future: [], lastEdit: key === undefined ? null : { key, at: now } };
}
