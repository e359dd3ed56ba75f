import { findActionType } from "../catalog";
import type { JsonPath, PipelineDeclaration } from "../pipeline/model";
import { arrayMember, isRecord, member, recordMember, stringMember } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/**
 * One use of something only V2 pipelines accept. `path` (from the pipeline object) names a whole
 * member or a whole array element, so dropping the feature means deleting exactly that path.
 */
export interface V2Feature {
  /** Stable name of the kind of feature: `variables`, `triggers`, `executionMode`, `beforeEntry`, `onSuccess`, `onFailure`, `actionType`. */
  feature: string;
  path: JsonPath;
  message: string;
}

const V2_EXECUTION_MODES: readonly string[] = ["QUEUED", "PARALLEL"];
const STAGE_HOOKS = ["beforeEntry", "onSuccess", "onFailure"] as const;

/**
 * Every V2-only feature the pipeline uses, in document order. Paths never nest inside each other;
 * array-element paths (V2-only actions) come in ascending index order, so a caller deleting them
 * must go through the list from the end to keep the remaining indexes valid. Never throws, even on
 * a pipeline whose members have the wrong types.
 */
export function findV2OnlyFeatures(pipeline: PipelineDeclaration): V2Feature[] {
  const source: unknown = pipeline;
  const features: V2Feature[] = [];
  if (!isRecord(source)) return features;
  if (member(source, "variables") !== undefined) {
    features.push({
      feature: "variables",
      path: ["variables"],
      message: "Pipeline variables need a V2 pipeline; set pipelineType to V2 or remove them: variables",
    });
  }
  if (member(source, "triggers") !== undefined) {
    features.push({
      feature: "triggers",
      path: ["triggers"],
      message: "Triggers need a V2 pipeline; set pipelineType to V2 or remove them: triggers",
    });
  }
  const mode = stringMember(source, "executionMode");
  if (mode !== undefined && V2_EXECUTION_MODES.includes(mode)) {
    features.push({
      feature: "executionMode",
      path: ["executionMode"],
      message: `Execution mode ${mode} needs a V2 pipeline (V1 runs SUPERSEDED only); set pipelineType to V2: ${mode}`,
    });
  }
  arrayMember(source, "stages").forEach((stage, stageIndex) => {
    if (!isRecord(stage)) return;
    const stageName = stringMember(stage, "name") ?? `#${stageIndex + 1}`;
    for (const hook of STAGE_HOOKS) {
      if (member(stage, hook) === undefined) continue;
      features.push({
        feature: hook,
        path: ["stages", stageIndex, hook],
        message: `Stage conditions (${hook}) need a V2 pipeline; set pipelineType to V2 or remove them from stage: ${stageName}`,
      });
    }
    arrayMember(stage, "actions").forEach((action, actionIndex) => {
      const spec = findActionType(recordMember(action, "actionTypeId"));
      if (spec === undefined || !spec.v2Only) return;
      features.push({
        feature: "actionType",
        path: ["stages", stageIndex, "actions", actionIndex],
        message: `${spec.provider} actions run only in V2 pipelines; set pipelineType to V2 or remove the action: ${stringMember(action, "name") ?? spec.provider}`,
      });
    });
  });
  return features;
}

/** A V2-only feature in a pipeline that is V1 (or has no pipelineType, which the service treats as V1). */
export const V2_FEATURE_IN_V1 = defineRule(
  "v2-feature-in-v1",
  "error",
  "A V1 pipeline uses a feature only V2 pipelines accept.",
);

/** Reports each V2-only feature of a pipeline whose pipelineType is not V2. */
export const V2_FEATURES: RuleGroup = {
  topic: "v2-features",
  rules: [V2_FEATURE_IN_V1],
  check(context: RuleContext): void {
    const { pipeline } = context.index;
    if (stringMember(pipeline, "pipelineType") === "V2") return;
    // The index holds the pipeline as untrusted JSON; findV2OnlyFeatures reads it defensively.
    for (const feature of findV2OnlyFeatures(pipeline as PipelineDeclaration)) {
      context.report(V2_FEATURE_IN_V1, feature.path, feature.message);
    }
  },
};
