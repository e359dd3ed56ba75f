import type { JsonPath } from "../pipeline/model";
import { findRuleType } from "../catalog";
import { checkConfigurationFields } from "./configuration-fields";
import { arrayMember, member, recordMember, stringMember } from "./json-value";
import type { IndexedStage } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

const STAGE_CONDITIONS = "https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html";

/**
 * The results each hook's conditions may have: entry conditions fail or skip the stage, success
 * conditions roll back or fail it, failure conditions roll it back.
 */
const ALLOWED_RESULTS = {
  beforeEntry: ["FAIL", "SKIP"],
  onSuccess: ["ROLLBACK", "FAIL"],
  onFailure: ["ROLLBACK"],
} as const satisfies Record<string, readonly string[]>;

/** The service's Result enum; other values are the model walker's to report. */
const RESULTS: readonly string[] = ["ROLLBACK", "FAIL", "RETRY", "SKIP"];

/**
 * A condition result its hook does not allow.
 *
 * AWS: "Entry - … Rules are engaged with the following result options: Fail or Skip. On Failure -
 * … the following result option: Rollback. On Success - … the following result options: Rollback
 * or Fail" — https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
 */
export const INVALID_CONDITION_RESULT = defineRule(
  "invalid-condition-result",
  "error",
  "A stage condition has a result its kind of condition does not allow.",
);

/**
 * Rollback (automatic on failure, or a condition's ROLLBACK result) in a PARALLEL pipeline.
 *
 * AWS: "For pipelines in PARALLEL mode, stage rollback is not available. Similarly, failure
 * conditions with a rollback result type cannot be added to a PARALLEL mode pipeline." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/execution-modes.html
 */
export const ROLLBACK_IN_PARALLEL_MODE = defineRule(
  "rollback-in-parallel-mode",
  "error",
  "PARALLEL pipelines cannot roll back stages.",
);

/**
 * Rollback configured on the first (source) stage.
 *
 * AWS: "You cannot roll back a source stage." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html
 */
export const ROLLBACK_ON_SOURCE_STAGE = defineRule(
  "rollback-on-source-stage",
  "error",
  "The source stage cannot be rolled back.",
);

/**
 * A stage's on-failure result other than ROLLBACK or RETRY. The API model lists FAIL and SKIP too,
 * but CloudFormation allows only ROLLBACK and RETRY and the guides document only those; FAIL is
 * what a failed stage does anyway. The two sources disagree, so this warns.
 *
 * AWS (CloudFormation): "Result … Allowed values: ROLLBACK | RETRY" —
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-failureconditions.html
 * AWS (API): "result … Valid Values: ROLLBACK | FAIL | RETRY | SKIP" —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_FailureConditions.html
 */
export const UNDOCUMENTED_FAILURE_RESULT = defineRule(
  "undocumented-failure-result",
  "warning",
  "A stage's on-failure result is neither ROLLBACK nor RETRY, the two the guides document.",
);

/**
 * Retry settings on a stage whose on-failure result is not RETRY: they apply only to automatic
 * retry, so they do nothing.
 *
 * AWS: "retryConfiguration — The retry configuration specifies automatic retry for a failed stage,
 * along with the configured retry mode." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_FailureConditions.html
 */
export const RETRY_SETTINGS_UNUSED = defineRule(
  "retry-settings-unused",
  "warning",
  "Retry settings are set but the stage does not retry on failure (its result is not RETRY).",
);

/** Required and allowed configuration of each rule of a condition, from the rule catalog. */
function checkRules(context: RuleContext, condition: unknown, conditionPath: JsonPath): void {
  arrayMember(condition, "rules").forEach((rule, r) => {
    const spec = findRuleType(recordMember(rule, "ruleTypeId"));
    if (spec === undefined) return;
    checkConfigurationFields(
      context,
      recordMember(rule, "configuration"),
      [...conditionPath, "rules", r],
      spec.provider,
      spec.configuration,
    );
  });
}

function reportRollback(context: RuleContext, stage: IndexedStage, path: JsonPath, parallel: boolean): void {
  if (stage.index === 0) {
    context.report(
      ROLLBACK_ON_SOURCE_STAGE,
      path,
      `The source stage cannot be rolled back; roll back a later stage instead, or use FAIL: ${stage.name ?? "stage 1"}`,
    );
  } else if (parallel) {
    context.report(
      ROLLBACK_IN_PARALLEL_MODE,
      path,
      "PARALLEL pipelines cannot roll back a stage; use another result, or the QUEUED or SUPERSEDED execution mode: ROLLBACK",
    );
  }
}

function checkHook(
  context: RuleContext,
  stage: IndexedStage,
  hook: keyof typeof ALLOWED_RESULTS,
  parallel: boolean,
): void {
  const declaration = recordMember(stage.stage, hook);
  if (declaration === undefined) return;
  const allowed: readonly string[] = ALLOWED_RESULTS[hook];
  const hookPath: JsonPath = [...stage.path, hook];
  arrayMember(declaration, "conditions").forEach((condition, i) => {
    const conditionPath = [...hookPath, "conditions", i];
    checkRules(context, condition, conditionPath);
    const result = stringMember(condition, "result");
    if (result === undefined || !RESULTS.includes(result)) return;
    const path = [...conditionPath, "result"];
    if (!allowed.includes(result)) {
      context.report(
        INVALID_CONDITION_RESULT,
        path,
        `A ${hook} condition's result may be only ${allowed.join(" or ")} (see ${STAGE_CONDITIONS}); choose one of them: ${result}`,
      );
    } else if (result === "ROLLBACK") {
      reportRollback(context, stage, path, parallel);
    }
  });
  if (hook !== "onFailure") return;
  const result = stringMember(declaration, "result");
  if (result === "ROLLBACK") reportRollback(context, stage, [...hookPath, "result"], parallel);
  else if (result === "FAIL" || result === "SKIP") {
    context.report(
      UNDOCUMENTED_FAILURE_RESULT,
      [...hookPath, "result"],
      `The guides document only ROLLBACK and RETRY as a stage's On-failure result (CloudFormation accepts only those); use one of them or remove the result: ${result}`,
    );
  }
  if (member(declaration, "retryConfiguration") !== undefined && result !== "RETRY") {
    context.report(
      RETRY_SETTINGS_UNUSED,
      [...hookPath, "retryConfiguration"],
      `Retry settings apply only when the On-failure result is RETRY; set the result to RETRY or remove them: ${result ?? "no result"}`,
    );
  }
}

function check(context: RuleContext): void {
  const parallel = stringMember(context.index.pipeline, "executionMode") === "PARALLEL";
  for (const stage of context.index.stages) {
    for (const hook of ["beforeEntry", "onSuccess", "onFailure"] as const)
      checkHook(context, stage, hook, parallel);
  }
}

/** Stage conditions and stage failure settings (V2): results per hook, and where rollback is possible. */
export const CONDITIONS: RuleGroup = {
  topic: "conditions",
  rules: [
    INVALID_CONDITION_RESULT,
    ROLLBACK_IN_PARALLEL_MODE,
    ROLLBACK_ON_SOURCE_STAGE,
    UNDOCUMENTED_FAILURE_RESULT,
    RETRY_SETTINGS_UNUSED,
  ],
  check,
};
