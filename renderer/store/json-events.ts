/**
 * The JSON view's events: text that parses replaces the document as one undoable step (typing in
 * the view coalesces); text that does not parse is kept as a draft with its error, never applied
 * and never overwritten until the user fixes it or edits the document elsewhere.
 */
import { parseDocument } from "../../shared/formats";
import { hasErrors } from "../../shared/validate";
import type { DesignerSlice } from "./designer-state";
import { recordEdit } from "./history";
import type { AppState } from "./state";

type Get = () => AppState;
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

/** The JSON view's events of the designer slice. */
export function jsonEvents(
  set: Set,
  get: Get,
  now: () => number = Date.now,
): Pick<DesignerSlice, "jsonTextEdited"> {
  return {
    jsonTextEdited: (text) => {
      if (get().doc === null) return;
      const parsed = parseDocument(text);
      const document = parsed.document;
      if (document === undefined || hasErrors(parsed.diagnostics)) {
        const first = parsed.diagnostics.find((d) => d.severity === "error") ?? parsed.diagnostics[0];
        set({
          jsonDraft: {
            text,
            error: {
              line: first?.location?.line ?? 1,
              column: first?.location?.column ?? 1,
              message: first?.message ?? "The text is not a pipeline document.",
            },
          },
        });
        return;
      }
      set((s) => {
        if (s.doc === null) return {};
        return {
          ...recordEdit(s, s.doc.document, s.selection, "json", now()),
          doc: { ...s.doc, document, dirty: true },
          jsonDraft: { text, error: null },
        };
      });
    },
  };
}
