import { enumOf } from "../service-model";
import { findActionType, type ActionTypeSpec, type ArtifactCount } from "../catalog";
import {
  INVALID_CONFIGURATION_VALUE,
  MISSING_REQUIRED_CONFIGURATION,
  checkConfigurationFields,
} from "./configuration-fields";
import { arrayMember, member, recordMember, show, stringMember, type JsonRecord } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";
import { defineCacheTopic, recordFindings, replayFindings, type RelativeFinding } from "./validation-cache";

/** Docs quota for a configuration value; the live service accepts more, so this only warns. */
const MAX_CONFIGURATION_VALUE = 1000;
/** Artifact limits of any Custom or ThirdParty type the catalog does not list ([UG22]). */
const GENERIC_ARTIFACTS: ArtifactCount = { min: 0, max: 5 };

/** The action type is not in the catalog. */
export const UNKNOWN_ACTION_TYPE = defineRule(
  "unknown-action-type",
  "warning",
  "The action type is not in Pipewright's catalog; only generic checks apply.",
);
/** Too few or too many input artifacts for the provider. */
export const INPUT_ARTIFACT_COUNT = defineRule(
  "input-artifact-count",
  "error",
  "The action has fewer or more input artifacts than its provider accepts.",
);
/** Too few or too many output artifacts for the provider. */
export const OUTPUT_ARTIFACT_COUNT = defineRule(
  "output-artifact-count",
  "error",
  "The action has fewer or more output artifacts than its provider accepts.",
);
/** `timeoutInMinutes` on an action type that does not take it. */
export const TIMEOUT_NOT_ALLOWED = defineRule(
  "timeout-not-allowed",
  "error",
  "timeoutInMinutes is accepted only on manual approval actions.",
);
/** A configuration value over the documented 1000-character quota. */
export const CONFIGURATION_VALUE_TOO_LONG = defineRule(
  "configuration-value-too-long",
  "warning",
  "A configuration value is longer than the documented 1000-character quota.",
);

function typeLabel(action: IndexedAction): string {
  return `${action.owner ?? "?"}/${action.category ?? "?"}/${action.provider ?? "?"}/${stringMember(action.typeId, "version") ?? "?"}`;
}

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
        INPUT_ARTIFACT_COUNT,
        action.path,
        `${spec.provider} needs at least ${condition.min} input artifact when ${condition.key} is ${value}; this action has: ${inputs}`,
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
        `Configuration value is ${value.length} characters; the documented quota is ${MAX_CONFIGURATION_VALUE}, so the service may reject it: ${key}`,
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

function timeoutAllowed(action: IndexedAction, spec: ActionTypeSpec | undefined): boolean {
  if (action.category === "Approval" && action.provider === "Manual") return true;
  return spec?.members?.includes("timeoutInMinutes") ?? false;
}

function checkAction(context: RuleContext, action: IndexedAction): void {
  const spec = findActionType(action.typeId);
  if (spec !== undefined) {
    checkArtifactCounts(context, action, spec.provider, spec.inputArtifacts, spec.outputArtifacts);
    checkConfiguration(context, action, spec);
  } else if (isWellFormed(action)) {
    context.report(
      UNKNOWN_ACTION_TYPE,
      [...action.path, "actionTypeId"],
      `Pipewright does not know this action type, so its configuration is not checked; check owner, category, provider and version: ${typeLabel(action)}`,
    );
    if (action.owner === "Custom" || action.owner === "ThirdParty") {
      checkArtifactCounts(context, action, `A ${action.owner} action`, GENERIC_ARTIFACTS, GENERIC_ARTIFACTS);
    }
  }
  const configuration = recordMember(action.action, "configuration");
  if (configuration !== undefined) checkValueLengths(context, action, configuration);
  if (member(action.action, "timeoutInMinutes") !== undefined && !timeoutAllowed(action, spec)) {
    context.report(
      TIMEOUT_NOT_ALLOWED,
      [...action.path, "timeoutInMinutes"],
      `Remove timeoutInMinutes: only manual approval actions accept it, not ${typeLabel(action)}: ${show(member(action.action, "timeoutInMinutes"))}`,
    );
  }
}

/** An action's catalog findings, relative to the action: `checkAction` reads the action alone. */
const ACTION_FINDINGS = defineCacheTopic<readonly RelativeFinding[]>("catalog:action");

/** Per-provider checks driven by the catalog: artifact counts, required and allowed configuration. */
export const CATALOG_RULES: RuleGroup = {
  topic: "catalog",
  rules: [
    UNKNOWN_ACTION_TYPE,
    INPUT_ARTIFACT_COUNT,
    OUTPUT_ARTIFACT_COUNT,
    MISSING_REQUIRED_CONFIGURATION,
    INVALID_CONFIGURATION_VALUE,
    TIMEOUT_NOT_ALLOWED,
    CONFIGURATION_VALUE_TOO_LONG,
  ],
  check(context: RuleContext): void {
    const cache = context.cache;
    for (const action of context.index.actions) {
      if (cache === undefined) {
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
