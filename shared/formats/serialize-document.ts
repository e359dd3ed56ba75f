import type { PipelineDocument } from "../pipeline/model";
import { stringifyCanonical } from "./canonical-json";
import { objectFromEntries, orderedEntries } from "./key-order";

/**
 * The canonical file text of a document: its root object (the whole file, in the shape it was
 * read) as 2-space JSON with a trailing newline, members in document order. For a canonically
 * formatted file, `serializeDocument(parseDocument(text).document)` is `text` byte for byte
 * (a leading BOM is the one thing not written back).
 */
export function serializeDocument(doc: PipelineDocument): string {
  return `${stringifyCanonical(fileRoot(doc))}\n`;
}

/**
 * The object written to the file. `pipeline` is the truth: after a transport copied `root` and
 * `pipeline` separately they may be two objects, and the edited one must be what is saved.
 */
function fileRoot(doc: PipelineDocument): object {
  if (doc.shape === "bare") return doc.pipeline;
  if (doc.root["pipeline"] === doc.pipeline) return doc.root;
  return objectFromEntries(
    orderedEntries(doc.root).map(([key, value]) => [key, key === "pipeline" ? doc.pipeline : value]),
  );
}
