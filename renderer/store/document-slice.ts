import type { StateCreator } from "zustand";
import { relinkDocument } from "../../shared/ipc";
import { setPipelineMembers } from "../../shared/pipeline/operations";
import type { AppState, DocumentSlice } from "./state";

/** The open document. `newId` mints recovery ids (crypto.randomUUID in the app, counters in tests). */
export function createDocumentSlice(newId: () => string): StateCreator<AppState, [], [], DocumentSlice> {
  return (set, get) => ({
    doc: null,
    documentLoaded: (opened, recoveryId) =>
      set({
        doc: {
          document: relinkDocument(opened.document),
          path: opened.path,
          version: opened.version,
          dirty: opened.dirty,
          recoveryId: recoveryId ?? newId(),
          diagnostics: opened.diagnostics,
          overwriteOnSave: false,
        },
        diskChange: null,
        // A new document starts a new history and selection.
        past: [],
        future: [],
        lastEdit: null,
        selection: { kind: "pipeline" },
        jsonDraft: null,
        dropPreview: null,
        canvasMessage: null,
      }),
    // Through the designer's history, so a rename is undoable and typing coalesces.
    pipelineRenamed: (name) =>
      get().documentEdited((p) => setPipelineMembers(p, { name }), { coalesce: "pipeline.name" }),
    documentSaved: (saved) =>
      set(({ doc }) =>
        doc === null
          ? {}
          : {
              doc: { ...doc, path: saved.path, version: saved.version, dirty: false, overwriteOnSave: false },
            },
      ),
  });
}
