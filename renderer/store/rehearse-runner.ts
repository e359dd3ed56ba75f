import type { AppStore } from "./index";

/** Rehearsals re-run this long after the last edit, so a burst of typing costs one round. */
export const REHEARSE_DELAY_MS = 400;

/**
 * Keeps the what-ifs in step with the open document: a newly opened document brings its own
 * what-ifs (the files beside it), a first save finds them, and every edit re-runs them so a
 * failing expectation shows in the Problems panel. Returns the unsubscribe function.
 */
export function startRehearsals(store: AppStore, delayMs = REHEARSE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state, previous) => {
    const doc = state.doc;
    const before = previous.doc;
    if (doc?.recoveryId !== before?.recoveryId) {
      if (timer !== undefined) clearTimeout(timer);
      store.getState().rehearseReset();
      if (doc?.path) void store.getState().whatIfsLoadRequested();
      return;
    }
    if (doc === null || before === null) return;
    if (doc.path !== before.path && doc.path !== null) void store.getState().whatIfsLoadRequested();
    if (doc.document.pipeline === before.document.pipeline) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void store.getState().rehearsalsRefreshed();
    }, delayMs);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
