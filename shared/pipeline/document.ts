import type { Extensible, FileShape, PipelineDeclaration, PipelineDocument } from "./model";

/**
 * Applies a pipeline operation to a document; the envelope (tags, metadata, unknown members) stays
 * as it was. Returns the same document for a no-op, so callers can tell by identity.
 */
export function updateDocumentPipeline(
  doc: PipelineDocument,
  operation: (pipeline: PipelineDeclaration) => PipelineDeclaration,
): PipelineDocument {
  const pipeline = operation(doc.pipeline);
  if (pipeline === doc.pipeline) return doc;
  return { shape: doc.shape, pipeline, envelope: doc.envelope };
}

/**
 * A document of `shape` holding `pipeline`. `around` are the other top-level members in order
 * (ignored for a bare file); the pipeline goes first unless `around` names its place with a
 * `pipeline` member.
 */
export function createDocument(
  pipeline: PipelineDeclaration,
  shape: FileShape = "create-input",
  around: Extensible = {},
): PipelineDocument {
  if (shape === "bare") return { shape, pipeline, envelope: {} };
  const envelope = Object.prototype.hasOwnProperty.call(around, "pipeline")
    ? Object.fromEntries(Object.entries(around).map(([k, v]) => [k, k === "pipeline" ? null : v]))
    : Object.fromEntries([["pipeline", null], ...Object.entries(around)]);
  return { shape, pipeline, envelope };
}

/**
 * The file's top-level object in model form: the envelope with the pipeline in its place, or the
 * pipeline itself for a bare file. A new object each call; the pipeline inside is the document's.
 */
export function documentRoot(doc: PipelineDocument): Extensible {
  if (doc.shape === "bare") return doc.pipeline;
  const envelope = doc.envelope;
  if (!Object.prototype.hasOwnProperty.call(envelope, "pipeline"))
    return Object.fromEntries([["pipeline", doc.pipeline], ...Object.entries(envelope)]);
  return Object.fromEntries(
    Object.entries(envelope).map(([k, v]) => [k, k === "pipeline" ? doc.pipeline : v]),
  );
}
