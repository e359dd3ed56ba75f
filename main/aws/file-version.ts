/**
 * Writes a deploy's new version into the pipeline file's text, changing nothing else: the
 * `version` member's value is replaced (or the member added at the end of the pipeline object)
 * with one text edit, so comments-free JSON in any formatting, key order and spacing survive
 * byte for byte.
 */
import { applyEdits, modify, type FormattingOptions } from "jsonc-parser";
import { parseDocument, serializeDocument } from "../../shared/formats";
import { updateDocumentPipeline, withMember } from "../../shared/pipeline";
import type { PipelineDocument } from "../../shared/pipeline/model";

/** Indentation and line ending as the file already uses them, for an inserted member. */
function formattingOf(text: string): FormattingOptions {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return indent.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

function withVersion(document: PipelineDocument, version: number): PipelineDocument {
  return updateDocumentPipeline(document, (pipeline) => withMember(pipeline, "version", version));
}

/**
 * The file text with `pipeline.version` (or `version` of a bare pipeline) set to `version`, or a
 * problem when the text cannot be patched safely; the result is checked by parsing it back and
 * comparing with the document plus the new version, so a surprise never reaches the disk.
 */
export function setVersionInText(text: string, version: number): { text: string } | { problem: string } {
  const parsed = parseDocument(text);
  if (!parsed.document) return { problem: "The file no longer parses as a pipeline" };
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const path = parsed.document.shape === "bare" ? ["version"] : ["pipeline", "version"];
  const edits = modify(body, path, version, { formattingOptions: formattingOf(body) });
  if (edits.length !== 1) return { problem: "The version member could not be located in the file" };
  const patched = bom + applyEdits(body, edits);
  const check = parseDocument(patched);
  const expected = serializeDocument(withVersion(parsed.document, version));
  if (!check.document || serializeDocument(check.document) !== expected) {
    return { problem: "Patching the version would have changed more than the version" };
  }
  return { text: patched };
}
