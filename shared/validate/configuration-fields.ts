import type { ConfigField } from "../catalog";
import type { JsonPath } from "../pipeline/model";
import { member, show, stringMember, type JsonRecord } from "./json-value";
import { defineRule, type RuleContext } from "./rule";

/** A configuration key the provider requires is absent. */
export const MISSING_REQUIRED_CONFIGURATION = defineRule(
  "missing-required-configuration",
  "error",
  "A configuration key the provider requires is missing.",
);
/** A configuration value outside the provider's allowed values. */
export const INVALID_CONFIGURATION_VALUE = defineRule(
  "invalid-configuration-value",
  "error",
  "A configuration value is not one the provider accepts.",
);
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
        MISSING_REQUIRED_CONFIGURATION,
        where,
        `Add the configuration key ${owner} requires${reason}: ${field.key}`,
      );
    }
    if (value !== undefined && !value.includes("#{")) {
      const bad = disallowedPart(value, field);
      if (bad !== undefined) {
        context.report(
          INVALID_CONFIGURATION_VALUE,
          [...ownerPath, "configuration", field.key],
          `${field.key} must be ${describeAllowed(field)}: ${show(bad)}`,
        );
      }
    }
  }
}

function describeAllowed(field: ConfigField): string {
  const parts: string[] = [];
  if (field.allowedValues !== undefined) parts.push(`one of ${field.allowedValues.join(", ")}`);
  if (field.pattern !== undefined) parts.push(`a value matching ${field.pattern}`);
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
