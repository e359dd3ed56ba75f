import type { ConfigField } from "../catalog";
import type { JsonPath } from "../pipeline/model";
import { member, show, stringMember, type JsonRecord } from "./json-value";
import { defineRule, type RuleContext } from "./rule";

/**
 * A configuration key the provider always requires is absent. Each action type declares its
 * configuration properties with a `required` flag, which the service checks on create and update.
 *
 * AWS: "Every action must have a valid action configuration, which depends on the provider type for
 * that action." — https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html
 * AWS: "required — Whether the configuration property is a required value." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html
 */
export const MISSING_REQUIRED_CONFIGURATION = defineRule(
  "missing-required-configuration",
  "error",
  "A configuration key the provider requires is missing.",
);

/**
 * A key (or an input artifact) the provider needs only in some setups (another key's value, or
 * several input artifacts) is absent. An action type can declare a property only as always required or not, so the
 * service accepts the pipeline and the action fails when it runs: a warning.
 *
 * AWS: "PrimarySource … Required: Conditional … This parameter is required if multiple input
 * artifacts are specified for a CodeBuild action." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html
 */
export const CONDITIONAL_CONFIGURATION_MISSING = defineRule(
  "conditional-configuration-missing",
  "warning",
  "Something the provider needs in this setup (a configuration key or an input artifact) is missing; the action would fail when it runs.",
);

/**
 * A configuration value outside the values the provider's reference page lists. An action type
 * declares no allowed values to the service (only name, required, key, secret, queryable, type),
 * so the service accepts the pipeline and the action fails when it runs: a warning.
 *
 * AWS: "ActionMode … Valid values are: CHANGE_SET_EXECUTE, CHANGE_SET_REPLACE, CREATE_UPDATE,
 * DELETE_ONLY, REPLACE_ON_FAILURE" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html
 */
export const INVALID_CONFIGURATION_VALUE = defineRule(
  "invalid-configuration-value",
  "warning",
  "A configuration value is not one the provider's documentation lists; the action would fail when it runs.",
);
/**
 * The value of a custom action type's queryable property breaks the limits AWS sets for it. Job
 * workers poll by this value, and the service checks it when the pipeline is created.
 *
 * AWS: "If you create a pipeline with a custom action type, and that custom action contains a
 * queryable property, the value for that configuration property is subject to other restrictions.
 * The value must be less than or equal to twenty (20) characters. The value can contain only
 * alphanumeric characters, underscores, and hyphens." —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html
 */
export const QUERYABLE_VALUE_INVALID = defineRule(
  "queryable-value-invalid",
  "error",
  "The value of a custom action's queryable property is longer than 20 characters or has characters other than letters, digits, _ and -.",
);

const QUERYABLE_VALUE = /^[A-Za-z0-9_-]{1,20}$/;

/**
 * Checks a configuration map against catalog fields: required keys (including keys required only
 * when another key has certain values) and allowed values. `ownerPath` is the action or rule that
 * holds the map; `owner` names its provider in messages.
 */
export function checkConfigurationFields(
  context: RuleContext,
  configuration: JsonRecord | undefined,
  ownerPath: JsonPath,
  owner: string,
  fields: readonly ConfigField[],
  inputCount = 0,
): void {
  const valueOf = (key: string): string | undefined => stringMember(configuration, key);
  const where = configuration === undefined ? ownerPath : [...ownerPath, "configuration"];
  for (const field of fields) {
    const value = valueOf(field.key);
    const when = field.requiredWhen;
    const trigger = when === undefined ? undefined : valueOf(when.key);
    const byValue = trigger !== undefined && (when?.equals.includes(trigger) ?? false);
    const byInputs =
      field.requiredWithInputsAtLeast !== undefined && inputCount >= field.requiredWithInputsAtLeast;
    if ((field.required || byValue || byInputs) && member(configuration, field.key) === undefined) {
      const reason = field.required
        ? ""
        : byValue && when !== undefined
          ? ` when ${when.key} is ${trigger ?? ""}`
          : ` when it has ${inputCount} input artifacts`;
      context.report(
        field.required ? MISSING_REQUIRED_CONFIGURATION : CONDITIONAL_CONFIGURATION_MISSING,
        where,
        `Add the configuration key ${field.key} (${lowerFirst(field.description)}); ${owner} needs it${reason}: ${field.key}`,
      );
    }
    if (field.queryable === true && value !== undefined && !QUERYABLE_VALUE.test(value)) {
      context.report(
        QUERYABLE_VALUE_INVALID,
        [...ownerPath, "configuration", field.key],
        `${field.key} is the property job workers poll by, so its value must be 1 to 20 letters, digits, _ or -; ${value.length > 20 ? `this one is ${value.length} characters long` : "this one has other characters"}: ${show(value)}`,
      );
    }
    if (value !== undefined && !value.includes("#{")) {
      const bad = disallowedPart(value, field);
      if (bad !== undefined) {
        context.report(
          INVALID_CONFIGURATION_VALUE,
          [...ownerPath, "configuration", field.key],
          `${field.key} should be ${describeAllowed(field)}: ${show(bad)}`,
        );
      }
    }
  }
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, "");
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function describeAllowed(field: ConfigField): string {
  const parts: string[] = [];
  if (field.allowedValues !== undefined) parts.push(`one of ${field.allowedValues.join(", ")}`);
  if (field.pattern !== undefined) parts.push(field.patternWords ?? "a value of the documented form");
  const each =
    field.listSeparator !== undefined ? `a "${field.listSeparator}"-separated list, each item ` : "";
  return each + parts.join(" or ");
}

const fieldPatterns = new Map<string, RegExp | null>();

function fieldPattern(source: string): RegExp | null {
  let regex = fieldPatterns.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`);
    } catch {
      regex = null;
    }
    fieldPatterns.set(source, regex);
  }
  return regex;
}

/**
 * The part of a value the field does not accept, or `undefined`. List fields are checked item by
 * item; values holding `#{…}` references are resolved only at run time, so the caller skips them.
 */
function disallowedPart(value: string, field: ConfigField): string | undefined {
  const items =
    field.listSeparator !== undefined ? value.split(field.listSeparator).map((v) => v.trim()) : [value];
  const regex = field.pattern !== undefined ? fieldPattern(field.pattern) : null;
  if (field.allowedValues === undefined && regex === null) return undefined;
  // A value is fine when it is listed or has the documented shape (either suffices).
  return items.find(
    (item) => !(field.allowedValues?.includes(item) ?? false) && !(regex?.test(item) ?? false),
  );
}
