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
  /** What the feature is, in words ("Triggers", "Execution mode QUEUED"), and the value it shows. */
  label: string;
  subject: string;
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
      message: "Pipeline variables need a V2 pipeline; set Pipeline type to V2 or remove them: variables",
      label: "Pipeline variables",
      subject: "variables",
    });
  }
  if (member(source, "triggers") !== undefined) {
    features.push({
      feature: "triggers",
      path: ["triggers"],
      message: "Triggers need a V2 pipeline; set Pipeline type to V2 or remove them: triggers",
      label: "Triggers",
      subject: "triggers",
    });
  }
  const mode = stringMember(source, "executionMode");
  if (mode !== undefined && V2_EXECUTION_MODES.includes(mode)) {
    features.push({
      feature: "executionMode",
      path: ["executionMode"],
      message: `Execution mode ${mode} needs a V2 pipeline (V1 runs SUPERSEDED only); set Pipeline type to V2: ${mode}`,
      label: `Execution mode ${mode}`,
      subject: mode,
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
        message: `Stage conditions (${hook}) need a V2 pipeline; set Pipeline type to V2 or remove them from stage: ${stageName}`,
        label: `Stage conditions (${hook})`,
        subject: stageName,
      });
    }
    arrayMember(stage, "actions").forEach((action, actionIndex) => {
      const spec = findActionType(recordMember(action, "actionTypeId"));
      if (spec === undefined || !spec.v2Only) return;
      features.push({
        feature: "actionType",
        path: ["stages", stageIndex, "actions", actionIndex],
        message: `${spec.provider} actions run only in V2 pipelines; set Pipeline type to V2 or remove the action: ${stringMember(action, "name") ?? spec.provider}`,
        label: `The ${spec.provider} action`,
        subject: stringMember(action, "name") ?? spec.provider,
      });
    });
  });
  return features;
}

/**
 * A V2-only feature in a pipeline whose pipelineType is "V1".
 *
 * AWS: "QUEUED mode: … This requires pipeline type V2." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works.html
 * AWS: "The Commands action is only available for V2 type pipelines." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 * Observed: "InvalidStructureException: Triggers on tag can only be used with V2 pipelines" (a
 * pipeline sent with pipelineType V1) — https://github.com/cloudposse/terraform-aws-ecs-codepipeline/issues/145
 */
export const V2_FEATURE_IN_V1 = defineRule(
  "v2-feature-in-v1",
  "error",
  "A V1 pipeline uses a feature only V2 pipelines accept.",
);

/**
 * A V2-only feature in a pipeline that does not say its type. The service makes such a pipeline
 * V2 (and bills it as V2) rather than refusing it; saying so in the file avoids the surprise.
 *
 * AWS: "Including V2 parameters, such as triggers on Git tags, in the pipeline JSON when creating or
 * updating a pipeline will result in the pipeline having the V2 type of pipeline and the associated
 * costs." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const V2_FEATURE_WITHOUT_TYPE = defineRule(
  "v2-feature-without-type",
  "warning",
  "A V2-only feature makes this pipeline V2 (and billed as V2) although pipelineType does not say so.",
);

/** Reports each V2-only feature of a pipeline whose pipelineType is not V2. */
export const V2_FEATURES: RuleGroup = {
  topic: "v2-features",
  rules: [V2_FEATURE_IN_V1, V2_FEATURE_WITHOUT_TYPE],
  check(context: RuleContext): void {
    const { pipeline } = context.index;
    const type = stringMember(pipeline, "pipelineType");
    if (type === "V2") return;
    // The index holds the pipeline as untrusted JSON; findV2OnlyFeatures reads it defensively.
    for (const feature of findV2OnlyFeatures(pipeline as PipelineDeclaration)) {
      if (type === undefined) {
        context.report(
          V2_FEATURE_WITHOUT_TYPE,
          feature.path,
          `${feature.label} make${feature.label.endsWith("s") && !feature.label.startsWith("The ") ? "" : "s"} AWS create this pipeline as V2, billed as V2; set Pipeline type to V2 to say so: ${feature.subject}`,
        );
      } else {
        context.report(V2_FEATURE_IN_V1, feature.path, feature.message);
      }
    }
  },
};
