import type { JsonPath } from "../pipeline/model";
import { findRuleType } from "../catalog";
import { checkConfigurationFields } from "./configuration-fields";
import { arrayMember, recordMember, stringMember } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/**
 * The results each hook's conditions may have (UG stage-conditions): entry conditions fail or skip
 * the stage, success conditions roll back or fail, failure conditions roll back.
 */
const ALLOWED_RESULTS = {
  beforeEntry: ["FAIL", "SKIP"],
  onSuccess: ["ROLLBACK", "FAIL"],
  onFailure: ["ROLLBACK"],
} as const satisfies Record<string, readonly string[]>;

/** The service's Result enum; other values are the model walker's to report. */
const RESULTS: readonly string[] = ["ROLLBACK", "FAIL", "RETRY", "SKIP"];

/** A condition result the hook does not allow. */
export const INVALID_CONDITION_RESULT = defineRule(
  "invalid-condition-result",
  "error",
  "A stage condition has a result its hook does not allow.",
);
/** Rollback configured in a PARALLEL pipeline. */
export const ROLLBACK_IN_PARALLEL_MODE = defineRule(
  "rollback-in-parallel-mode",
  "error",
  "PARALLEL pipelines cannot roll back stages.",
);

/**
 * Checks each rule of a condition against the rule catalog: required and allowed configuration,
 * and, for a skipping entry condition, that the rule type may decide a skip (the user guide allows
 * only some, e.g. LambdaInvoke and VariableCheck).
 */
function checkRules(context: RuleContext, condition: unknown, conditionPath: JsonPath, skips: boolean): void {
  arrayMember(condition, "rules").forEach((rule, r) => {
    const spec = findRuleType(recordMember(rule, "ruleTypeId"));
    if (spec === undefined) return;
    const rulePath = [...conditionPath, "rules", r];
    checkConfigurationFields(
      context,
      recordMember(rule, "configuration"),
      rulePath,
      spec.provider,
      spec.configuration,
    );
    if (skips && !spec.allowsSkip) {
      context.report(
        INVALID_CONDITION_RESULT,
        [...rulePath, "ruleTypeId", "provider"],
        `A SKIP entry condition cannot use this rule type; use a rule type that can decide a skip (LambdaInvoke, VariableCheck): ${spec.provider}`,
      );
    }
  });
}

function check(context: RuleContext): void {
  const parallel = stringMember(context.index.pipeline, "executionMode") === "PARALLEL";
  for (const stage of context.index.stages) {
    for (const hook of ["beforeEntry", "onSuccess", "onFailure"] as const) {
      const declaration = recordMember(stage.stage, hook);
      if (declaration === undefined) continue;
      const allowed: readonly string[] = ALLOWED_RESULTS[hook];
      const hookPath: JsonPath = [...stage.path, hook];
      arrayMember(declaration, "conditions").forEach((condition, i) => {
        const conditionPath = [...hookPath, "conditions", i];
        const result = stringMember(condition, "result");
        checkRules(context, condition, conditionPath, hook === "beforeEntry" && result === "SKIP");
        if (result === undefined || !RESULTS.includes(result)) return;
        const path = [...conditionPath, "result"];
        if (!allowed.includes(result)) {
          context.report(
            INVALID_CONDITION_RESULT,
            path,
            `${hook} conditions may only have the result ${allowed.join(" or ")}: ${result}`,
          );
        } else if (parallel && hook === "onFailure" && result === "ROLLBACK") {
          context.report(
            ROLLBACK_IN_PARALLEL_MODE,
            path,
            `PARALLEL pipelines cannot roll back; use another execution mode or result: ${result}`,
          );
        }
      });
      if (parallel && hook === "onFailure" && stringMember(declaration, "result") === "ROLLBACK") {
        context.report(
          ROLLBACK_IN_PARALLEL_MODE,
          [...hookPath, "result"],
          "PARALLEL pipelines cannot roll back a failed stage; use FAIL or RETRY, or another execution mode: ROLLBACK",
        );
      }
    }
  }
}

/** Stage conditions (V2): allowed results per hook, and no rollback in PARALLEL mode. */
export const CONDITIONS: RuleGroup = {
  topic: "conditions",
  rules: [INVALID_CONDITION_RESULT, ROLLBACK_IN_PARALLEL_MODE],
  check,
};
