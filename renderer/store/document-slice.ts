import type { StateCreator } from "zustand";
import { setPipelineMembers } from "../../shared/pipeline/operations";
import type { AppState, DocumentSlice } from "./state";

/** The open document. `newId` mints recovery ids (crypto.randomUUID in the app, counters in tests). */
export function createDocumentSlice(newId: () => string): StateCreator<AppState, [], [], DocumentSlice> {
  return (set, get) => ({
    doc: null,
    documentLoaded: (opened, recoveryId) => {
      const document = opened.document;
      set({
        doc: {
          document,
          path: opened.path,
          version: opened.version,
          dirty: opened.dirty,
          recoveryId: recoveryId ?? newId(),
          diagnostics: opened.diagnostics,
          overwriteOnSave: false,
          // A clean file's content is what it holds; a restored or new document's file is unknown.
          savedPipeline: opened.path !== null && !opened.dirty ? document.pipeline : null,
          owner: opened.owner ?? null,
          importedFrom: opened.importedFrom ?? null,
          locations: opened.locations === undefined ? null : { document, at: opened.locations },
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
      });
    },
    // Through the designer's history, so a rename is undoable and typing coalesces.
    pipelineRenamed: (name) =>
      get().documentEdited((p) => setPipelineMembers(p, { name }), { coalesce: "pipeline.name" }),
    documentSaved: (saved, written) =>
      set(({ doc }) => {
        if (doc === null) return {};
        const document = written ?? doc.document;
        return {
          doc: {
            ...doc,
            path: saved.path,
            version: saved.version,
            // An edit made while the file was being written is not in it.
            dirty: doc.document !== document,
            overwriteOnSave: false,
            savedPipeline: document.pipeline,
            // The file is now the canonical text; the lines found when it was opened may have moved.
            locations: null,
          },
        };
      }),
  });
}
