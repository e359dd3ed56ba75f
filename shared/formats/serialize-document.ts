import { documentRoot } from "../pipeline/document";
import type { PipelineDocument } from "../pipeline/model";
import { stringifyCanonical } from "./canonical-json";

/**
 * The canonical file text of a document: its top-level object (the whole file, in the shape it
 * was read) as 2-space JSON with a trailing newline, members in file order and named as in the
 * file. For a canonically formatted file, `serializeDocument(parseDocument(text).document)` is
 * `text` byte for byte (a leading BOM is the one thing not written back).
 */
export function serializeDocument(doc: PipelineDocument): string {
  return `${stringifyCanonical(documentRoot(doc))}\n`;
}
