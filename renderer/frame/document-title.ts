import type { OpenDocument } from "../store/state";
import { pipelineNameLabel } from "../../shared/iac/deploy-time-values";

/** The document's name as the toolbar shows it: the file name, or the pipeline's while never saved. */
export function documentName(doc: OpenDocument | null): string {
  if (doc === null) return "Pipewright";
  return doc.path === null
    ? `${pipelineNameLabel(doc.document.pipeline) || "Untitled"} (not saved)`
    : (doc.path.split(/[\\/]/).pop() ?? doc.path);
}

/** The window title: an unsaved marker, the file (or pipeline) name, and the app name. */
export function documentTitle(doc: OpenDocument | null): string {
  if (doc === null) return "Pipewright";
  return `${doc.dirty ? "● " : ""}${documentName(doc)} — Pipewright`;
}
