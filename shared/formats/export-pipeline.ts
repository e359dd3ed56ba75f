import type { PipelineDeclaration, PipelineDocument, PipelineType } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import { findV2OnlyFeatures, type V2Feature } from "../validate/v2-features";
import { stringifyCanonical } from "./canonical-json";
import { compareForRemoval, removePath } from "./remove-paths";

/** How to export. */
export interface ExportOptions {
  pipelineType: PipelineType;
  /** For V1: delete V2-only features instead of refusing. Ignored for V2. */
  dropUnsupported?: boolean;
}

/** The export, or why there is none. */
export interface ExportResult {
  /** create-pipeline input JSON, canonical; absent when the export was refused. */
  text?: string;
  /** Why the export was refused (`v2-feature-in-v1`, one per feature); paths from the document root. */
  diagnostics: Diagnostic[];
  /** The V2-only features deleted for a V1 export with `dropUnsupported`, paths from the pipeline. */
  dropped: V2Feature[];
}

/**
 * `PipelineDeclaration` members in the service model's order; a `pipelineType` the document lacks
 * goes right after the last of its predecessors that is present, where the API itself puts it.
 */
const MEMBERS_BEFORE_PIPELINE_TYPE = [
  "name",
  "roleArn",
  "artifactStore",
  "artifactStores",
  "stages",
  "version",
  "executionMode",
];

/**
 * Exports a document as `aws codepipeline create-pipeline --cli-input-json` input: `{"pipeline",
 * "tags"}` (tags only when the file had them; get-pipeline `metadata` and unknown top-level members
 * are never included, since the CLI rejects them), with `pipelineType` set to the requested type.
 * Members inside the pipeline, known or not, are kept in order.
 *
 * A V1 export of a pipeline using V2-only features is refused with one `v2-feature-in-v1` error
 * per feature, unless `dropUnsupported` is set: then exactly those members and elements are
 * deleted and listed in `dropped`. Validation is the caller's step (the CLI validates the result).
 */
export function exportPipeline(doc: PipelineDocument, opts: ExportOptions): ExportResult {
  if (doc.damaged !== undefined) {
    // The pipeline holds repairs of containers the file had wrong; exporting them would hide that.
    return {
      diagnostics: doc.damaged.map((d) => ({
        code: "wrong-type",
        severity: "error",
        path: d.path,
        message: `Fix this member's type before exporting: ${d.path.join(".")}`,
      })),
      dropped: [],
    };
  }
  let pipeline = withPipelineType(doc.pipeline, opts.pipelineType);
  let dropped: V2Feature[] = [];
  if (opts.pipelineType === "V1") {
    const features = findV2OnlyFeatures(pipeline);
    if (features.length > 0 && opts.dropUnsupported !== true) {
      return { diagnostics: features.map((feature) => refusal(doc, feature)), dropped: [] };
    }
    const removal = dropFeatures(pipeline, features);
    pipeline = removal.pipeline;
    dropped = removal.dropped;
    // Deleting one feature must not leave another behind; refuse rather than export a V1 the service rejects.
    const left = findV2OnlyFeatures(pipeline);
    if (left.length > 0) return { diagnostics: left.map((feature) => refusal(doc, feature)), dropped: [] };
  }
  const members: Array<[string, unknown]> = [["pipeline", pipeline]];
  if (doc.shape === "create-input" && Object.prototype.hasOwnProperty.call(doc.envelope, "tags")) {
    const keys = Object.keys(doc.envelope);
    const tagsFirst = keys.indexOf("tags") < keys.indexOf("pipeline");
    members.splice(tagsFirst ? 0 : 1, 0, ["tags", doc.envelope["tags"]]);
  }
  return { text: `${stringifyCanonical(Object.fromEntries(members))}\n`, diagnostics: [], dropped };
}

function refusal(doc: PipelineDocument, feature: V2Feature): Diagnostic {
  return {
    code: "v2-feature-in-v1",
    severity: "error",
    path: doc.shape === "bare" ? feature.path : ["pipeline", ...feature.path],
    message: feature.message,
  };
}

function withPipelineType(pipeline: PipelineDeclaration, type: PipelineType): PipelineDeclaration {
  const entries = Object.entries(pipeline);
  const at = entries.findIndex(([key]) => key === "pipelineType");
  if (at >= 0) entries[at] = ["pipelineType", type];
  else {
    let insertAt = 0;
    entries.forEach(([key], i) => {
      if (MEMBERS_BEFORE_PIPELINE_TYPE.includes(key)) insertAt = i + 1;
    });
    entries.splice(insertAt, 0, ["pipelineType", type]);
  }
  return Object.fromEntries(entries) as PipelineDeclaration;
}

function dropFeatures(
  pipeline: PipelineDeclaration,
  features: readonly V2Feature[],
): { pipeline: PipelineDeclaration; dropped: V2Feature[] } {
  let current: unknown = pipeline;
  const dropped: V2Feature[] = [];
  for (const feature of [...features].sort((a, b) => compareForRemoval(a.path, b.path))) {
    const next = removePath(current, feature.path);
    if (next === undefined) continue;
    current = next;
    dropped.push(feature);
  }
  // Report in document order, as the features were found.
  dropped.sort((a, b) => features.indexOf(a) - features.indexOf(b));
  return { pipeline: current as PipelineDeclaration, dropped };
}
