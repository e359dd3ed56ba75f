import type { OpenDocument } from "../store/state";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

/** The window title: an unsaved marker, the file (or pipeline) name, and the app name. */
export function documentTitle(doc: OpenDocument | null): string {
  if (doc === null) return "Pipewright";
  const name =
    doc.path === null
      ? `${pipelineNameLabel(doc.document.pipeline) || "Untitled"} (not saved)`
      : (doc.path.split(/[\\/]/).pop() ?? doc.path);
  return `${doc.dirty ? "● " : ""}${name} — Pipewright`;
}
