import { enumOf } from "../service-model";
import { findActionType, type ActionTypeSpec, type ArtifactCount } from "../catalog";
import { findActionTypeWith } from "../catalog/account-types";
import {
  PROVIDER_NOT_IN_CATEGORY,
  TIMEOUT_NOT_ALLOWED,
  UNKNOWN_ACTION_TYPE,
  checkTimeout,
  checkUnknownType,
} from "./action-type-rules";
import {
  COMMANDS_MISSING,
  COMPUTE_MEMBER_IGNORED,
  MULTI_LINE_COMMAND,
  checkComputeMembers,
} from "./compute-rules";
import {
  CONDITIONAL_CONFIGURATION_MISSING,
  INVALID_CONFIGURATION_VALUE,
  MISSING_REQUIRED_CONFIGURATION,
  QUERYABLE_VALUE_INVALID,
  checkConfigurationFields,
} from "./configuration-fields";
import { arrayMember, member, recordMember, stringMember, type JsonRecord } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";
import { defineCacheTopic, recordFindings, replayFindings, type RelativeFinding } from "./validation-cache";

/** Docs quota for a configuration value; the live service accepts more, so this only warns. */
const MAX_CONFIGURATION_VALUE = 1000;
/** Artifact limits of any Custom or ThirdParty type the catalog does not list ([UG22]). */
const GENERIC_ARTIFACTS: ArtifactCount = { min: 0, max: 5 };

/**
 * Too few or too many input artifacts for the provider. Each action type declares its artifact
 * bounds to the service, which checks them.
 *
 * AWS: "inputArtifactDetails … minimumCount — The minimum number of artifacts allowed for the
 * action type." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactDetails.html
 * AWS: "AWS | Build | CodeBuild | 1 to 5 | 0 to 5" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html
 */
export const INPUT_ARTIFACT_COUNT = defineRule(
  "input-artifact-count",
  "error",
  "The action has fewer or more input artifacts than its provider accepts.",
);

/**
 * Too few or too many output artifacts for the provider.
 *
 * AWS: "maximumCount — The maximum number of artifacts allowed for the action type." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactDetails.html
 * AWS: "AWS | Source | S3 | 0 | 1" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html
 */
export const OUTPUT_ARTIFACT_COUNT = defineRule(
  "output-artifact-count",
  "error",
  "The action has fewer or more output artifacts than its provider accepts.",
);

/**
 * A configuration value over the documented 1000-character quota. The live service has accepted up
 * to 50000 since 2022 (its own ValidationException says so; values over that are a
 * `length-out-of-range` error), so this only warns.
 *
 * AWS: "Maximum length of the action configuration value … 1000 characters" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 * Observed: "Map value must satisfy constraint: [Member must have length less than or equal to
 * 50000, …]" — https://github.com/aws/aws-cdk/issues/19767
 */
export const CONFIGURATION_VALUE_TOO_LONG = defineRule(
  "configuration-value-too-long",
  "warning",
  "A configuration value is longer than the documented 1000-character quota.",
);

function rangeText(count: ArtifactCount): string {
  return count.min === count.max ? `exactly ${count.min}` : `${count.min} to ${count.max}`;
}

function checkArtifactCounts(
  context: RuleContext,
  action: IndexedAction,
  who: string,
  inputs: ArtifactCount,
  outputs: ArtifactCount,
): void {
  const sides = [
    ["inputArtifacts", inputs, INPUT_ARTIFACT_COUNT, "input"],
    ["outputArtifacts", outputs, OUTPUT_ARTIFACT_COUNT, "output"],
  ] as const;
  for (const [key, range, rule, word] of sides) {
    const value = member(action.action, key);
    if (value !== undefined && !Array.isArray(value)) continue;
    const count = arrayMember(action.action, key).length;
    if (count < range.min || count > range.max) {
      context.report(
        rule,
        value === undefined ? action.path : [...action.path, key],
        `${who} takes ${rangeText(range)} ${word} artifact${range.max === 1 ? "" : "s"}; this action has: ${count}`,
      );
    }
  }
}

function checkConfiguration(context: RuleContext, action: IndexedAction, spec: ActionTypeSpec): void {
  checkConfigurationFields(
    context,
    recordMember(action.action, "configuration"),
    action.path,
    spec.provider,
    spec.configuration,
    arrayMember(action.action, "inputArtifacts").length,
  );
  const inputs = arrayMember(action.action, "inputArtifacts").length;
  for (const condition of spec.inputArtifactsWhen ?? []) {
    const value = stringMember(recordMember(action.action, "configuration"), condition.key);
    if (value !== undefined && condition.equals.includes(value) && inputs < condition.min) {
      context.report(
        CONDITIONAL_CONFIGURATION_MISSING,
        action.path,
        `Add an input artifact: with ${condition.key} ${value}, ${spec.provider} reads it from an input artifact; this action has: ${inputs}`,
      );
    }
  }
}

function checkValueLengths(context: RuleContext, action: IndexedAction, configuration: JsonRecord): void {
  for (const key of Object.keys(configuration)) {
    const value = configuration[key];
    if (typeof value === "string" && value.length > MAX_CONFIGURATION_VALUE) {
      context.report(
        CONFIGURATION_VALUE_TOO_LONG,
        [...action.path, "configuration", key],
        `This configuration value is ${value.length} characters long; the documented quota is ${MAX_CONFIGURATION_VALUE}, so shorten it (for example move long JSON into a file in an input artifact): ${key}`,
      );
    }
  }
}

const OWNERS = enumOf("ActionOwner");
const CATEGORIES = enumOf("ActionCategory");

/**
 * A well-formed id: valid owner and category, provider and version strings. Anything else is the
 * model walker's to report, and calling it "unknown" too would only repeat that.
 */
function isWellFormed(action: IndexedAction): boolean {
  return (
    OWNERS.includes(action.owner ?? "") &&
    CATEGORIES.includes(action.category ?? "") &&
    action.provider !== undefined &&
    stringMember(action.typeId, "version") !== undefined
  );
}

function checkAction(context: RuleContext, action: IndexedAction): void {
  // A type the connected account lists is checked as AWS checks it: by its declared properties.
  const spec = findActionTypeWith(action.typeId, context.accountActionTypes);
  if (spec !== undefined) {
    checkArtifactCounts(context, action, spec.provider, spec.inputArtifacts, spec.outputArtifacts);
    checkConfiguration(context, action, spec);
  } else if (isWellFormed(action)) {
    checkUnknownType(context, action);
    if (action.owner === "Custom" || action.owner === "ThirdParty") {
      checkArtifactCounts(context, action, `A ${action.owner} action`, GENERIC_ARTIFACTS, GENERIC_ARTIFACTS);
    }
  }
  const configuration = recordMember(action.action, "configuration");
  if (configuration !== undefined) checkValueLengths(context, action, configuration);
  checkTimeout(context, action, spec);
  checkComputeMembers(context, action);
}

/** An action's catalog findings, relative to the action: `checkAction` reads the action alone. */
const ACTION_FINDINGS = defineCacheTopic<readonly RelativeFinding[]>("catalog:action");

/**
 * Per-action checks driven by the catalog: the action type, artifact counts, required and allowed
 * configuration, and the Commands (compute) action's own members.
 */
export const CATALOG_RULES: RuleGroup = {
  topic: "catalog",
  rules: [
    UNKNOWN_ACTION_TYPE,
    PROVIDER_NOT_IN_CATEGORY,
    INPUT_ARTIFACT_COUNT,
    OUTPUT_ARTIFACT_COUNT,
    MISSING_REQUIRED_CONFIGURATION,
    CONDITIONAL_CONFIGURATION_MISSING,
    INVALID_CONFIGURATION_VALUE,
    TIMEOUT_NOT_ALLOWED,
    CONFIGURATION_VALUE_TOO_LONG,
    QUERYABLE_VALUE_INVALID,
    COMMANDS_MISSING,
    MULTI_LINE_COMMAND,
    COMPUTE_MEMBER_IGNORED,
  ],
  check(context: RuleContext): void {
    const cache = context.cache;
    const account = context.accountActionTypes ?? [];
    for (const action of context.index.actions) {
      // Cached findings hold for the catalog alone; an action the account's types may decide is
      // checked afresh, so a change of connection never leaves stale findings.
      if (cache === undefined || (account.length > 0 && findActionType(action.typeId) === undefined)) {
        checkAction(context, action);
        continue;
      }
      const findings = cache.remember(ACTION_FINDINGS, action.action, () =>
        recordFindings((report) => checkAction({ index: context.index, report }, { ...action, path: [] })),
      );
      replayFindings(context, action.path, findings);
    }
  },
};
