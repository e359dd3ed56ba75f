/**
 * Reloading the page (web mode) reopens the document that was open: the tab remembers, in its
 * session storage, which file or which autosaved copy it showed, and startup opens it again. Only
 * a path or a recovery id is kept; the document itself stays with main (its file, or the recovery
 * copy autosave writes). The desktop window is never reloaded by the user, so this is web mode's.
 */
import type { AppStore } from "../store";

const KEY = "pipewright.session";

interface Remembered {
  path: string | null;
  recoveryId: string | null;
  dirty: boolean;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be switched off by the browser: then nothing is remembered.
    return undefined;
  }
}

/** Keeps the tab's memory of the open document current; returns the unsubscribe function. */
export function rememberSession(store: AppStore): () => void {
  let last = "";
  return store.subscribe((state) => {
    if (state.info?.mode !== "web") return;
    const doc = state.doc;
    const value: Remembered | null =
      doc === null ? null : { path: doc.path, recoveryId: doc.recoveryId, dirty: doc.dirty };
    const text = JSON.stringify(value);
    if (text === last) return;
    last = text;
    if (value === null) storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, text);
  });
}

function read(): Remembered | null {
  try {
    const value = JSON.parse(storage()?.getItem(KEY) ?? "null") as Partial<Remembered> | null;
    if (value === null || typeof value !== "object") return null;
    return {
      path: typeof value.path === "string" ? value.path : null,
      recoveryId: typeof value.recoveryId === "string" ? value.recoveryId : null,
      dirty: value.dirty === true,
    };
  } catch {
    return null;
  }
}

/**
 * After startup, in web mode with nothing opened yet: the edited copy when the document had unsaved
 * edits (autosave kept them under its recovery id), else its file.
 */
export async function reopenSession(store: AppStore): Promise<void> {
  const state = store.getState();
  if (state.info?.mode !== "web" || state.doc !== null) return;
  const remembered = read();
  if (remembered === null) return;
  if (remembered.dirty && remembered.recoveryId !== null) {
    if (state.recovery.some((entry) => entry.id === remembered.recoveryId)) {
      await state.recoveryRestoreRequested(remembered.recoveryId);
      return;
    }
  }
  if (remembered.path !== null) await state.openRequested(remembered.path);
}
