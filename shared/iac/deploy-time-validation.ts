/**
 * Validation of a pipeline holding deploy-time values (see deploy-time-values.ts). Pipewright
 * cannot know what `!Ref ArtifactBucket` or `var.bucket` will be, so it must not report anything
 * that depends on it: a finding about the value itself, or a cross-reference rule that reads a
 * member the template leaves open (an artifact name, a namespace, a region…), is dropped, and the
 * value is reported once as `resolved-at-deploy-time` (info). Everything else is checked as usual.
 */
import type { JsonPath } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import {
  deployTimeTool,
  describeDeployTimeValue,
  isWithin,
  listDeployTimeValues,
  type DeployTimeValueAt,
} from "./deploy-time-values";

/** The info code for each deploy-time value of a validated document. */
export const RESOLVED_AT_DEPLOY_TIME = "resolved-at-deploy-time";

/**
 * Rules whose findings depend on members other than the one they report at: the code, and the
 * member names (path segments) whose value the rule reads. When any deploy-time value lies under
 * one of those members, the rule's findings cannot be trusted and are dropped. Codes are the
 * validator's (shared/validate); a test checks that each still exists.
 */
export const CROSS_REFERENCE_READS: Readonly<Record<string, readonly string[]>> = {
  "duplicate-output-artifact": ["outputArtifacts"],
  "artifact-not-found": ["inputArtifacts", "outputArtifacts", "runOrder"],
  "artifact-used-before-produced": ["inputArtifacts", "outputArtifacts", "runOrder"],
  "unknown-action-type": ["actionTypeId"],
  "input-artifact-count": ["actionTypeId", "inputArtifacts"],
  "output-artifact-count": ["actionTypeId", "outputArtifacts"],
  "timeout-not-allowed": ["actionTypeId"],
  "missing-required-configuration": ["actionTypeId", "inputArtifacts"],
  "invalid-configuration-value": ["actionTypeId"],
  "rollback-in-parallel-mode": ["executionMode"],
  "artifact-store-conflict": ["region", "artifactStore", "artifactStores"],
  "missing-artifact-store": ["region", "artifactStore", "artifactStores"],
  "cross-region-store-missing": ["region", "artifactStore", "artifactStores"],
  "cross-region-not-allowed": ["region", "actionTypeId"],
  "first-stage-not-source": ["actionTypeId"],
  "source-not-in-first-stage": ["actionTypeId"],
  "no-source-action": ["actionTypeId"],
  "duplicate-stage-name": ["name"],
  "duplicate-action-name": ["name"],
  "run-order-gap": ["runOrder"],
  "trigger-source-not-found": ["name", "sourceActionName", "actionTypeId"],
  "trigger-source-not-connection": ["name", "sourceActionName", "actionTypeId"],
  "duplicate-trigger": ["sourceActionName"],
  "duplicate-namespace": ["namespace"],
  "duplicate-variable-name": ["variables"],
  "namespace-artifact-clash": ["namespace", "outputArtifacts"],
  "unresolved-variable-reference": ["namespace", "variables", "outputVariables", "name"],
  "variable-used-before-produced": ["namespace", "runOrder"],
  "v2-feature-in-v1": ["pipelineType", "executionMode"],
};

const cache = new WeakMap<object, DeployTimeValueAt[]>();

/** Deploy-time values of a pipeline; per-stage results are remembered, as documents are immutable. */
function valuesOf(pipeline: unknown): DeployTimeValueAt[] {
  if (typeof pipeline !== "object" || pipeline === null || Array.isArray(pipeline)) return [];
  const found: DeployTimeValueAt[] = [];
  for (const [key, value] of Object.entries(pipeline)) {
    if (key === "stages" && Array.isArray(value)) {
      value.forEach((stage: unknown, index) => {
        if (typeof stage !== "object" || stage === null) return;
        let inStage = cache.get(stage);
        if (inStage === undefined) {
          inStage = listDeployTimeValues(stage);
          cache.set(stage, inStage);
        }
        for (const at of inStage) found.push({ path: ["stages", index, ...at.path], value: at.value });
      });
    } else {
      for (const at of listDeployTimeValues(value)) found.push({ path: [key, ...at.path], value: at.value });
    }
  }
  return found;
}

/**
 * Drops the findings a deploy-time value makes untrustworthy and adds one info finding per value.
 * `prefix` is the path of the pipeline in the document (`["pipeline"]`, or `[]` for a bare file);
 * `diagnostics` use paths from the document root. Returns `diagnostics` itself when the pipeline
 * has no deploy-time value.
 */
export function applyDeployTimeValues(
  pipeline: unknown,
  prefix: JsonPath,
  diagnostics: Diagnostic[],
): Diagnostic[] {
  const values = valuesOf(pipeline);
  if (values.length === 0) return diagnostics;
  const paths = values.map((v) => [...prefix, ...v.path]);
  const openMembers = new Set<string | number>();
  for (const v of values) for (const segment of v.path) openMembers.add(segment);
  const kept = diagnostics.filter((d) => {
    if (paths.some((path) => isWithin(d.path, path))) return false;
    const reads = CROSS_REFERENCE_READS[d.code];
    return reads === undefined || !reads.some((member) => openMembers.has(member));
  });
  for (const [i, v] of values.entries()) {
    kept.push({
      code: RESOLVED_AT_DEPLOY_TIME,
      severity: "info",
      path: paths[i] ?? v.path,
      message: `Resolved at deploy time by ${deployTimeTool(v.value)}, so it is not checked here: ${describeDeployTimeValue(v.value)}`,
    });
  }
  return kept;
}

/** True when the pipeline holds any deploy-time value (it then deploys only through its template). */
export function hasDeployTimeValues(pipeline: unknown): boolean {
  return valuesOf(pipeline).length > 0;
}

/** Every deploy-time value of a pipeline, paths from the pipeline object. */
export function deployTimeValuesOf(pipeline: unknown): DeployTimeValueAt[] {
  return valuesOf(pipeline);
}
