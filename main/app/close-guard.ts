import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from "electron";
import type { DocumentState } from "../ipc/services";

/** The question closing asks when the document has unsaved edits. Cancel is the default. */
export function unsavedChangesPrompt(title: string): MessageBoxOptions {
  return {
    type: "warning",
    buttons: ["Cancel", "Close without saving"],
    defaultId: 0,
    cancelId: 0,
    message: `“${title || "Untitled"}” has unsaved changes.`,
    detail: "If you close the window now, the changes are lost.",
  };
}

/**
 * Asks before a window with unsaved edits closes. The renderer reports its state through
 * `app.documentState`; choosing to close discards the recovery copy too (the user dropped those
 * edits on purpose, so they must not be offered back after the next start).
 */
export function guardClose(
  win: BrowserWindow,
  state: () => DocumentState,
  ask: (win: BrowserWindow, options: MessageBoxOptions) => Promise<MessageBoxReturnValue>,
  discardRecovery: (id: string) => Promise<void>,
): void {
  let confirmed = false;
  win.on("close", (event) => {
    const current = state();
    if (confirmed || !current.dirty) return;
    event.preventDefault();
    void ask(win, unsavedChangesPrompt(current.title)).then(async ({ response }) => {
      if (response !== 1) return;
      if (current.recoveryId !== null) await discardRecovery(current.recoveryId).catch(() => undefined);
      confirmed = true;
      win.close();
    });
  });
}
