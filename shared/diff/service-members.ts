/**
 * The part of a pipeline the service stores. CodePipeline (and the SDK's serializer) keep only the
 * members of its model, so a member the model does not know (`x-owner`, a field of a newer API)
 * is never deployed; the deploy diff compares what AWS would actually hold.
 */
import type { JsonPath, PipelineDeclaration } from "../pipeline/model";
import { shapeNamed } from "../service-model";
import { isRecord } from "./json-compare";

/** The pipeline pruned to modelled members, and the paths of what was dropped. */
export interface ServiceView {
  pipeline: PipelineDeclaration;
  /** Paths (from the pipeline) of members the service would not store. */
  dropped: JsonPath[];
}

function prune(value: unknown, shapeName: string, path: JsonPath, dropped: JsonPath[]): unknown {
  const shape = shapeNamed(shapeName);
  if (!shape) return value;
  if (shape.type === "list") {
    return Array.isArray(value)
      ? value.map((item, i) => prune(item, shape.member, [...path, i], dropped))
      : value;
  }
  if (!isRecord(value)) return value;
  if (shape.type === "map") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, prune(v, shape.value, [...path, k], dropped)]),
    );
  }
  if (shape.type !== "structure") return value;
  const kept: [string, unknown][] = [];
  for (const [key, member] of Object.entries(value)) {
    const memberShape = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
    if (memberShape === undefined) dropped.push([...path, key]);
    else kept.push([key, prune(member, memberShape, [...path, key], dropped)]);
  }
  return Object.fromEntries(kept);
}

/**
 * The pipeline as the service would store it: members outside the CodePipeline model removed
 * at every level (key order kept), with the list of what was removed.
 */
export function serviceView(pipeline: PipelineDeclaration): ServiceView {
  const dropped: JsonPath[] = [];
  const pruned = prune(pipeline, "PipelineDeclaration", [], dropped) as PipelineDeclaration;
  return { pipeline: pruned, dropped };
}
