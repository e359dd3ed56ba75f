/**
 * Export as V1 or V2. A V1 export of a document with V2-only features is refused with one finding
 * per feature; the prompt offers the explicit choice to drop them, and the result says what went.
 */
import { exportPipeline } from "../../shared/formats";
import type { DesignerSlice } from "./designer-state";
import type { AppState } from "./state";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

type Get = () => AppState;
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

/** A file name from the pipeline name, with only characters every file system accepts. */
export function exportFileName(name: string, pipelineType: "V1" | "V2"): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "pipeline";
  return `${base}.${pipelineType}.json`;
}

/** The export events of the designer slice. */
export function exportEvents(set: Set, get: Get): Pick<DesignerSlice, "exportRequested" | "exportDismissed"> {
  return {
    exportRequested: (pipelineType, dropUnsupported = false) => {
      const doc = get().doc;
      if (doc === null) return;
      const result = exportPipeline(doc.document, { pipelineType, dropUnsupported });
      if (result.text === undefined) {
        set({ exportPrompt: { pipelineType, diagnostics: result.diagnostics }, exportReady: null });
        return;
      }
      set({
        exportPrompt: null,
        exportReady: {
          fileName: exportFileName(pipelineNameLabel(doc.document.pipeline), pipelineType),
          text: result.text,
          dropped: result.dropped.map((f) => f.message),
        },
      });
    },
    exportDismissed: () => set({ exportPrompt: null, exportReady: null }),
  };
}
