import type { JsonPath } from "../pipeline/model";
import { isRecord, kindOf, member, show } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup, type RuleInfo } from "./rule";
import { SERVICE_SHAPES } from "./service-model.generated";
import type { Shape, StringShape } from "./shape-types";

/** A required member of a model structure is absent. */
export const REQUIRED_MEMBER = defineRule(
  "required-member",
  "error",
  "A member the service requires is missing.",
);
/** A value has the wrong JSON type for its member. */
export const WRONG_TYPE = defineRule("wrong-type", "error", "A member holds the wrong JSON type.");
/** A string does not match the model's (whole-string) pattern. */
export const PATTERN_MISMATCH = defineRule(
  "pattern-mismatch",
  "error",
  "A string does not match the pattern the service requires.",
);
/** A string is shorter or longer than the model allows. */
export const LENGTH_OUT_OF_RANGE = defineRule(
  "length-out-of-range",
  "error",
  "A string is shorter or longer than the service allows.",
);
/** An integer is outside the model's range. */
export const VALUE_OUT_OF_RANGE = defineRule(
  "value-out-of-range",
  "error",
  "A number is outside the range the service allows.",
);
/** A string is not one of the model's enum values. */
export const INVALID_ENUM_VALUE = defineRule(
  "invalid-enum-value",
  "error",
  "A value is not one of the values the service accepts.",
);
/** A list or map has too few or too many entries. */
export const COUNT_OUT_OF_RANGE = defineRule(
  "count-out-of-range",
  "error",
  "A list or map has fewer or more entries than the service allows.",
);

type Report = (rule: RuleInfo, path: JsonPath, message: string) => void;

const compiled = new Map<string, RegExp>();

/** The model's patterns are Java regexes matched against the whole string, so anchor them. */
function patternOf(source: string): RegExp | undefined {
  let regex = compiled.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`);
    } catch {
      return undefined;
    }
    compiled.set(source, regex);
  }
  return regex;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max ?? 0}`;
}

function outside(n: number, min: number | undefined, max: number | undefined): boolean {
  return (min !== undefined && n < min) || (max !== undefined && n > max);
}

/** The member name a person sees for a path: the last name in it (list indexes skipped). */
function labelOf(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "string") return segment;
  }
  return "The pipeline";
}

function found(value: unknown): string {
  const kind = kindOf(value);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? `found ${kind}: ${show(value)}`
    : `found: ${kind}`;
}

function checkString(value: string, shape: StringShape, path: JsonPath, label: string, report: Report): void {
  if (outside(value.length, shape.min, shape.max)) {
    report(
      LENGTH_OUT_OF_RANGE,
      path,
      value.length === 0
        ? `${label} must not be empty: ""`
        : `${label} must be ${rangeText(shape.min, shape.max)} characters long, not ${value.length}: ${show(value)}`,
    );
  }
  if (shape.enum !== undefined) {
    if (!shape.enum.includes(value)) {
      report(INVALID_ENUM_VALUE, path, `${label} must be one of ${shape.enum.join(", ")}: ${show(value)}`);
    }
  } else if (shape.pattern !== undefined && value.length > 0) {
    const regex = patternOf(shape.pattern);
    if (regex !== undefined && !regex.test(value)) {
      report(PATTERN_MISMATCH, path, `${label} must match the pattern ${shape.pattern}: ${show(value)}`);
    }
  }
}

/**
 * Checks a value against a model shape and everything under it. Walks the shape, not the value,
 * so depth is bounded by the model however deeply the input nests, and only known member names
 * are read (unknown members are kept, not judged).
 */
export function checkShape(value: unknown, shapeName: string, path: JsonPath, report: Report): void {
  const shape: Shape | undefined = SERVICE_SHAPES[shapeName];
  if (shape === undefined) return;
  const label = labelOf(path);
  switch (shape.type) {
    case "structure": {
      if (!isRecord(value)) {
        report(WRONG_TYPE, path, `${label} must be an object; ${found(value)}`);
        return;
      }
      for (const name of shape.required) {
        if (member(value, name) === undefined) {
          report(REQUIRED_MEMBER, path, `${label} is missing a required member: ${name}`);
        }
      }
      for (const [name, memberShape] of Object.entries(shape.members)) {
        const child = member(value, name);
        if (child !== undefined) checkShape(child, memberShape, [...path, name], report);
      }
      return;
    }
    case "list": {
      if (!Array.isArray(value)) {
        report(WRONG_TYPE, path, `${label} must be a list; ${found(value)}`);
        return;
      }
      if (outside(value.length, shape.min, shape.max)) {
        report(
          COUNT_OUT_OF_RANGE,
          path,
          `${label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${value.length}`,
        );
      }
      for (let i = 0; i < value.length; i++) checkShape(value[i], shape.member, [...path, i], report);
      return;
    }
    case "map": {
      if (!isRecord(value)) {
        report(WRONG_TYPE, path, `${label} must be an object of key/value pairs; ${found(value)}`);
        return;
      }
      const keys = Object.keys(value);
      if (outside(keys.length, shape.min, shape.max)) {
        report(
          COUNT_OUT_OF_RANGE,
          path,
          `${label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${keys.length}`,
        );
      }
      const keyShape = SERVICE_SHAPES[shape.key];
      for (const key of keys) {
        if (keyShape?.type === "string") checkString(key, keyShape, [...path, key], `${label} key`, report);
        checkShape(value[key], shape.value, [...path, key], report);
      }
      return;
    }
    case "string":
      if (typeof value !== "string") report(WRONG_TYPE, path, `${label} must be a string; ${found(value)}`);
      else checkString(value, shape, path, label, report);
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) {
        report(WRONG_TYPE, path, `${label} must be an integer; ${found(value)}`);
      } else if (outside(value, shape.min, shape.max)) {
        report(VALUE_OUT_OF_RANGE, path, `${label} must be ${rangeText(shape.min, shape.max)}: ${value}`);
      }
      return;
  }
}

/** Model constraints of the whole PipelineDeclaration, generated from the service model. */
export const SERVICE_CONSTRAINTS: RuleGroup = {
  topic: "service-constraints",
  rules: [
    REQUIRED_MEMBER,
    WRONG_TYPE,
    PATTERN_MISMATCH,
    LENGTH_OUT_OF_RANGE,
    VALUE_OUT_OF_RANGE,
    INVALID_ENUM_VALUE,
    COUNT_OUT_OF_RANGE,
  ],
  check(context: RuleContext): void {
    checkShape(context.index.pipeline, "PipelineDeclaration", [], (rule, path, message) =>
      context.report(rule, path, message),
    );
  },
};
