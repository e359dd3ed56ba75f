import type { StateCreator } from "zustand";
import { relinkDocument } from "../../shared/ipc";
import { setPipelineMembers } from "../../shared/pipeline/operations";
import { updateDocumentPipeline } from "../../shared/pipeline/document";
import type { AppState, DocumentSlice } from "./state";

/** The open document. `newId` mints recovery ids (crypto.randomUUID in the app, counters in tests). */
export function createDocumentSlice(newId: () => string): StateCreator<AppState, [], [], DocumentSlice> {
  return (set) => ({
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
      }),
    pipelineRenamed: (name) =>
      set(({ doc }) => {
        if (doc === null || doc.document.pipeline.name === name) return {};
        const document = updateDocumentPipeline(doc.document, (p) => setPipelineMembers(p, { name }));
        return { doc: { ...doc, document, dirty: true } };
      }),
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
