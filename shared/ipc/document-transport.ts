import { withMember } from "../pipeline/members";
import type { PipelineDocument } from "../pipeline/model";

/**
 * Restores the link between `root` and `pipeline` after a document crossed a transport. JSON (web
 * mode) copies `root.pipeline` and `pipeline` separately, and for a bare file `root` must be the
 * pipeline itself; after this the two are one object again, with `pipeline` as the truth.
 */
export function relinkDocument(doc: PipelineDocument): PipelineDocument {
  if (doc.shape === "bare") return { shape: doc.shape, root: doc.pipeline, pipeline: doc.pipeline };
  if (doc.root["pipeline"] === doc.pipeline) return doc;
  return { shape: doc.shape, root: withMember(doc.root, "pipeline", doc.pipeline), pipeline: doc.pipeline };
}
