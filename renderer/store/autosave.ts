import type { ApiClient } from "../api/client";
import type { AppStore } from "./index";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

/** Autosave waits this long after the last edit, so a burst of typing is written once, within 1 s. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Writes the unsaved document to main's recovery folder shortly after each change, and reports the
 * unsaved state to main (which asks before closing the window). Returns the unsubscribe function.
 */
export function startAutosave(store: AppStore, api: ApiClient, delayMs = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastReported = "";
  const unsubscribe = store.subscribe((state, previous) => {
    const doc = state.doc;
    // The name field may hold anything a file put there; the title is text whatever it is.
    const title = doc === null ? "" : pipelineNameLabel(doc.document.pipeline).slice(0, 200);
    const report = JSON.stringify([doc?.dirty ?? false, title, doc?.recoveryId ?? null]);
    if (report !== lastReported) {
      lastReported = report;
      void api.app.documentState({
        dirty: doc?.dirty ?? false,
        title,
        recoveryId: doc?.recoveryId ?? null,
      });
    }
    if (doc === null || !doc.dirty || doc.document === previous.doc?.document) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const current = store.getState().doc;
      if (current === null || !current.dirty) return;
      void api.recovery
        .store({ id: current.recoveryId, path: current.path, document: current.document })
        .then((r) => {
          if (!r.ok) store.getState().errorShown(r.error);
        });
    }, delayMs);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
