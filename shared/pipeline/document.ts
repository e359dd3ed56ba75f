import { withMember } from "./members";
import type { PipelineDeclaration, PipelineDocument } from "./model";

/**
 * Applies a pipeline operation to a document, keeping the file's shape and the members around the
 * pipeline (tags, metadata, unknown ones) as they were. Returns the same document for a no-op.
 */
export function updateDocumentPipeline(
  doc: PipelineDocument,
  operation: (pipeline: PipelineDeclaration) => PipelineDeclaration,
): PipelineDocument {
  const pipeline = operation(doc.pipeline);
  if (pipeline === doc.pipeline) return doc;
  const root = doc.shape === "bare" ? pipeline : withMember(doc.root, "pipeline", pipeline);
  return { shape: doc.shape, root, pipeline };
}
